"""Answers about money (totals, list counts) cached under the money's data version.

The ``data_version`` table holds version numbers of data; its ``money`` row is advanced by
database triggers (see the migration ``money data version``) in every transaction that writes
a receipt, a contribution, a donor, a campaign or a ledger entry (on PostgreSQL once, at its
commit: ``MoneyWrite``), so an answer computed while the version was
N is exact for as long as it is still N. Each request reads the version (one indexed row) and
then either finds the answer for (version, question) or computes and keeps it; a write makes
every earlier answer unreachable. Why reading the version first is safe: the aggregate that follows
sees at least what that version saw (a later snapshot on PostgreSQL's READ COMMITTED, the
same one in SQLite's read transaction), so an answer kept under N is never older than N.

Bounded LRUs per app process (``TOTALS_CACHE_ENTRIES`` each, 0 turns them off): one for
the totals answers, one (``shelf="counts"``) for the cheap counts of the contributions list,
so that many donors paging their lists never push out the costly aggregates. Only read-only
requests use them (their one write, a token's ``last_used_at``, is not money), so they never
keep an answer computed from their own uncommitted money. Answers are shared between
requests and must not be changed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from flask import current_app
from sqlalchemy import BigInteger, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from .db import Base
from .fund_scope import visible_funds

#: The ``data_version`` row the money triggers advance.
MONEY = "money"


class DataVersion(Base):
    __tablename__ = "data_version"
    # its row is made by the migration and advanced by triggers; a restore advances it again
    __table_args__ = {"info": {"backup": False}}

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class MoneyWrite(Base):
    """On PostgreSQL, the mark of a transaction that wrote money: its first money statement
    inserts it, and a constraint trigger deferred to the commit advances the version once and
    removes it. The version's row is so locked for the commit alone, not from a long
    transaction's first write to its end (an import would hold every other writer that long).
    SQLite, which has one writer at a time, advances the version in each write's trigger."""

    __tablename__ = "money_write"
    __table_args__ = {"info": {"backup": False}}

    txid: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class AnswerCache:
    """A thread-safe LRU of at most ``entries`` answers."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: Hashable, answer: Any) -> None:
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()

    def __len__(self) -> int:
        return len(self._answers)


def answer_cache(shelf: str = "totals") -> AnswerCache | None:
    """This app's cache for ``shelf`` (None when ``TOTALS_CACHE_ENTRIES`` is 0)."""
    entries = int(current_app.config.get("TOTALS_CACHE_ENTRIES", 0))
    if entries <= 0:
        return None
    name = f"fundapp.{shelf}_cache"
    cache = current_app.extensions.get(name)
    if cache is None or cache.entries != entries:
        cache = current_app.extensions[name] = AnswerCache(entries)
    return cache


def money_version(session: Session) -> int | None:
    return session.scalar(select(DataVersion.version).where(DataVersion.name == MONEY))


def frozen(query: dict[str, Any]) -> tuple[Any, ...]:
    """A hashable form of a parsed query (lists become tuples)."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in query.items()))


def cached(
    session: Session, question: tuple[Any, ...], compute: Callable[[], Any], *, shelf: str = "totals"
) -> Any:
    """The answer to ``question`` at the current money version, computed at most once per version."""
    cache = answer_cache(shelf)
    if cache is None:
        return compute()
    version = money_version(session)
    if version is None:  # no version row: nothing to tell a stale answer by
        return compute()
    # a caller who works for some funds only is answered from what those funds hold
    key = (version, visible_funds(session), *question)
    answer = cache.get(key)
    if answer is None:
        answer = compute()
        cache.put(key, answer)
    return answer
