"""Answers about money (totals, list counts) kept in the database under the money's data version.

The ``data_version`` table holds version numbers of data; its ``money`` row is advanced by
database triggers (see the migration ``money data version``) in every transaction that writes
a receipt, a contribution, a donor, a campaign or a ledger entry (on PostgreSQL once, at its
commit: ``DataWrite``), so an answer computed while the version was
N is exact for as long as it is still N. Why reading the version first is safe: the aggregate that
follows sees at least what that version saw (a later snapshot on PostgreSQL's READ COMMITTED, the
same one in SQLite's read transaction), so an answer kept under N is never older than N.

The answers live in the ``answer_cache`` table (``KeptAnswer``), which every server of the
installation reads: an answer computed through one server is served by the others. A row is keyed
by its shelf (``totals``; ``counts``, the cheap counts of the contributions list, so that many
donors paging their lists never push out the costly aggregates), the version and the question (a
digest of the question and of the funds the caller sees). A request reads the version and the
answer kept for it in one indexed statement (``data_version`` joined to ``answer_cache``); on a
miss it computes the answer and, unless that took less than ``ANSWER_CACHE_MIN_MS`` (keeping
costs a write transaction, dearer than a quick answer computed again), keeps it in a short
transaction of its own (written once per version and question: the first writer's row stays),
which also prunes the answers of earlier versions and, beyond ``TOTALS_CACHE_ENTRIES`` rows of
the shelf (0 turns the cache off), the oldest. Keeping is best effort: a write that fails (a busy
database) leaves the answer unkept. No per-process copy: the one statement that reads the version
already brings the answer.

Answers are kept as JSON with their types tagged (``encode``; dates, enums of fundapp, decimals,
tuples come back as they were), never pickled. Only read-only requests use the cache (their one
write, a token's ``last_used_at``, is not money), so they never keep an answer computed from
their own uncommitted money. Answers are shared between requests and must not be changed.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import importlib
import json
import logging
import time
from collections.abc import Callable
from enum import Enum
from typing import Any

from flask import current_app
from sqlalchemy import BigInteger, Index, Integer, String, Text, delete, or_, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from .db import Base, insert_on_conflict, utcnow
from .fund_scope import visible_funds

#: The ``data_version`` row the money triggers advance.
MONEY = "money"
#: The ``data_version`` row advanced by every write to the other records the documents show
#: (every table of the models but the money's and ``NOT_RECORDS``; see the migration
#: ``the records' data version``): with the money's, the version of what a document shows.
RECORDS = "records"
#: The tables whose writes advance no version: the money's own (``money`` advances with them, and
#: the ledger's kept balances and sums are written only with its entries) and the service's
#: bookkeeping, which no document shows. ``tests/test_data_versions.py`` checks every other table
#: of the models advances ``records``.
NOT_RECORDS = frozenset(
    {
        # the money: advance ``money``
        "campaign",
        "contribution",
        "contribution_receipt",
        "donor",
        "ledger_entry",
        # kept from the ledger's entries, in their transaction
        "ledger_balance",
        "ledger_received_by_donor",
        "ledger_received_by_donor_year",
        "ledger_received_by_kind",
        "ledger_received_by_kind_year",
        # the service's bookkeeping
        "answer_cache",
        "api_token",
        "audit_event",
        "data_version",
        "data_write",
        "idempotency_record",
        "job",
        "login_throttle",
        "outbox_attempt",
        "outbox_message",
        "pdf_render_claim",
        "rendered_document",
    }
)


class DataVersion(Base):
    __tablename__ = "data_version"
    # its row is made by the migration and advanced by triggers; a restore advances it again
    __table_args__ = {"info": {"backup": False}}

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class DataWrite(Base):
    """On PostgreSQL, the mark of a transaction that wrote money or records (one row per version
    it moves): its first such statement inserts it, and a constraint trigger deferred to the
    commit advances each version it marked once (their rows locked in name order, so that two
    commits never wait on each other in a circle) and removes the marks. A version's row is so
    locked for the commit alone, not from a long transaction's first write to its end (an import
    would hold every other writer that long). SQLite, which has one writer at a time, advances
    the versions in each write's trigger."""

    __tablename__ = "data_write"
    __table_args__ = {"info": {"backup": False}}

    txid: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(40), primary_key=True)


class KeptAnswer(Base):
    """An answer kept under the money's version (``cached``)."""

    __tablename__ = "answer_cache"
    __table_args__ = (
        # the read (one row of a shelf, version and question), and the writer's unique guard
        Index(None, "shelf", "version", "question", unique=True),
        Index(None, "shelf", "id"),  # the oldest of a shelf, pruned
        {"info": {"backup": False}},  # computed again from the records whenever asked
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    shelf: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(BigInteger)
    #: sha256 hex of the question and the funds its caller sees (``question_digest``).
    question: Mapped[str] = mapped_column(String(64))
    #: The answer as tagged JSON (``encode``).
    answer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


log = logging.getLogger(__name__)


# -- the answers as JSON ------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """``value`` as JSON, its types tagged (``$date`` ...), so that ``decode`` gives it back as it
    was; a type it does not know is a ``TypeError`` (an answer that cannot be kept exactly)."""
    if value is None or isinstance(value, bool | int | float | str) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        kind = type(value)
        return {"$enum": f"{kind.__module__}:{kind.__qualname__}", "v": value.value}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, frozenset | set):
        return {"$set": sorted((encode(v) for v in value), key=_canonical)}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {"$dict": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"$decimal": str(value)}
    raise TypeError(f"an answer holding a {type(value).__name__} cannot be kept")


def decode(value: Any) -> Any:
    """What ``encode`` made, back as it was."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$enum" in value:
        return _enum(value["$enum"])(value["v"])
    if "$tuple" in value:
        return tuple(decode(v) for v in value["$tuple"])
    if "$set" in value:
        return frozenset(decode(v) for v in value["$set"])
    if "$dict" in value:
        return {decode(k): decode(v) for k, v in value["$dict"]}
    if "$datetime" in value:
        return dt.datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$decimal" in value:
        return decimal.Decimal(value["$decimal"])
    return {k: decode(v) for k, v in value.items()}


def _enum(name: str) -> type[Enum]:
    """fundapp's enum class ``module:qualname`` (no other module is imported)."""
    module, _, qualname = name.partition(":")
    if not module.startswith("fundapp."):
        raise ValueError(f"{name!r} is not one of fundapp's enums")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and issubclass(found, Enum)):
        raise ValueError(f"{name!r} is not an enum")
    return found


def _canonical(encoded: Any) -> str:
    return json.dumps(encoded, sort_keys=True, separators=(",", ":"))


def question_digest(question: tuple[Any, ...]) -> str:
    """The sha256 hex of a question (its values' types included: 1 and "1" differ)."""
    return hashlib.sha256(_canonical(encode(question)).encode()).hexdigest()


# -- the cache ----------------------------------------------------------------------------------


def money_version(session: Session) -> int | None:
    return session.scalar(select(DataVersion.version).where(DataVersion.name == MONEY))


def document_versions(session: Session) -> tuple[int, int] | None:
    """The money's and the records' versions: together, the version of everything a document
    shows (None on a database without them). Read in the session that then loads the document's
    figures, before it does, so that what is kept under them is never older than they are."""
    found = dict(
        session.execute(
            select(DataVersion.name, DataVersion.version).where(DataVersion.name.in_((MONEY, RECORDS)))
        ).all()
    )
    if len(found) < 2:
        return None
    return found[MONEY], found[RECORDS]


def frozen(query: dict[str, Any]) -> tuple[Any, ...]:
    """A hashable form of a parsed query (lists become tuples)."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in query.items()))


def entries() -> int:
    """The answers kept per shelf (``TOTALS_CACHE_ENTRIES``; 0: the cache is off)."""
    return max(0, int(current_app.config.get("TOTALS_CACHE_ENTRIES", 0)))


def cached(
    session: Session, question: tuple[Any, ...], compute: Callable[[], Any], *, shelf: str = "totals"
) -> Any:
    """The answer to ``question`` at the current money version, computed at most once per version
    (by any server of the installation)."""
    return cached_at_version(session, question, compute, shelf=shelf)[1]


def cached_at_version(
    session: Session, question: tuple[Any, ...], compute: Callable[[], Any], *, shelf: str = "totals"
) -> tuple[int | None, Any]:
    """``cached``, with the money version the answer is of (None: the cache is off, or the
    database has no version to tell a stale answer by; the answer is then computed)."""
    bound = entries()
    if bound <= 0:
        return None, compute()
    # a caller who works for some funds only is answered from what those funds hold
    digest = question_digest((visible_funds(session), *question))
    found = session.execute(
        select(DataVersion.version, KeptAnswer.answer)
        .outerjoin(
            KeptAnswer,
            (KeptAnswer.shelf == shelf)
            & (KeptAnswer.version == DataVersion.version)
            & (KeptAnswer.question == digest),
        )
        .where(DataVersion.name == MONEY)
    ).first()
    if found is None:  # no version row: nothing to tell a stale answer by
        return None, compute()
    version, kept = found
    if kept is not None:
        return version, decode(json.loads(kept))
    started = time.perf_counter()
    answer = compute()
    if (time.perf_counter() - started) * 1000 >= float(current_app.config.get("ANSWER_CACHE_MIN_MS", 0)):
        _keep(shelf, version, digest, _canonical(encode(answer)), bound)
    return version, answer


def _keep(shelf: str, version: int, digest: str, answer: str, bound: int) -> None:
    """Keep the answer (unless another request kept it first) in a transaction of its own, and
    prune the shelf: earlier versions, and its oldest rows beyond ``bound``."""
    maker: sessionmaker[Session] = current_app.extensions["fundapp.sessionmaker"]
    try:
        with maker() as writer, writer.begin():
            dialect = writer.get_bind().dialect.name
            kept = writer.execute(
                insert_on_conflict(dialect, KeptAnswer)
                .values(shelf=shelf, version=version, question=digest, answer=answer, created_at=utcnow())
                .on_conflict_do_nothing(index_elements=["shelf", "version", "question"])
                .returning(KeptAnswer.id)
            ).scalar()
            if kept is None:  # another request kept it (and pruned)
                return
            beyond = (
                select(KeptAnswer.id)
                .where(KeptAnswer.shelf == shelf)
                .order_by(KeptAnswer.id.desc())
                .offset(bound)
                .limit(1)
                .scalar_subquery()
            )
            writer.execute(
                delete(KeptAnswer)
                .where(KeptAnswer.shelf == shelf, or_(KeptAnswer.version < version, KeptAnswer.id <= beyond))
                .execution_options(synchronize_session=False)
            )
    except DBAPIError as error:  # busy, or a deadlock of two prunes: the next miss keeps it
        log.info("an answer of shelf %s could not be kept: %s", shelf, error)
