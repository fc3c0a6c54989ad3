"""Login throttling, kept in the database so that every worker and server counts the same failures.

Three counters, each a row of ``login_throttle`` over a window of ``LOGIN_LOCK_SECONDS``:

- the **pair** (account, client address): ``LOGIN_MAX_FAILURES`` wrong passwords from one address
  block that address, for that account, for ``LOGIN_LOCK_SECONDS``. The account's owner, from
  another address, is not held: a stranger cannot lock an account out by failing on purpose.
- the **account** (from every address): beyond ``LOGIN_ACCOUNT_MAX_FAILURES`` in the window, every
  new failure holds the account for a short back-off (``LOGIN_BACKOFF_SECONDS``) and no more, so
  a spread-out guesser is slowed and a correct password waits at most that long.
- the **address** (on every account): ``LOGIN_ADDRESS_MAX_FAILURES`` failures block it until its
  window ends (password spraying).

An account is named by a hash of the email as typed, so an unknown email is counted exactly as a
known one and the answers (401, 429 and its Retry-After) reveal nothing about which accounts exist.
Behind a reverse proxy, set ``FUNDAPP_TRUSTED_PROXIES`` so that the address is the client's.
Refused attempts (429) are not counted: only wrong passwords are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..db import insert_on_conflict
from .models import LoginThrottle


@dataclass(frozen=True)
class LoginGuard:
    """The login limits of one app, from its config."""

    max_failures: int
    lock_seconds: int
    token_hours: int
    account_max_failures: int
    backoff_seconds: int
    address_max_failures: int
    address_window_seconds: int


def login_guard(app: Flask) -> LoginGuard:
    """The app's guard, built from its config on first use."""
    guard = app.extensions.get("fundapp.login_guard")
    if guard is None:
        config = app.config
        guard = LoginGuard(
            max_failures=config["LOGIN_MAX_FAILURES"],
            lock_seconds=config["LOGIN_LOCK_SECONDS"],
            token_hours=config["LOGIN_TOKEN_HOURS"],
            account_max_failures=config["LOGIN_ACCOUNT_MAX_FAILURES"],
            backoff_seconds=config["LOGIN_BACKOFF_SECONDS"],
            address_max_failures=config["LOGIN_ADDRESS_MAX_FAILURES"],
            address_window_seconds=config["LOGIN_ADDRESS_WINDOW_SECONDS"],
        )
        app.extensions["fundapp.login_guard"] = guard
    return guard


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:64]


@dataclass(frozen=True)
class Keys:
    """The three counters a login attempt touches."""

    account: str
    address: str
    pair: str

    @classmethod
    def of(cls, email: str, address: str) -> Keys:
        account = _digest(email)
        return cls(f"a:{account}", f"i:{_digest(address)}", f"p:{_digest(account + '|' + address)}")

    def all(self) -> tuple[str, str, str]:
        return (self.account, self.address, self.pair)


class Throttle:
    """The counters of one attempt, locked for the length of the request's transaction."""

    def __init__(self, session: Session, guard: LoginGuard, keys: Keys, now: dt.datetime) -> None:
        self.session, self.guard, self.keys, self.now = session, guard, keys, now
        self.rows = _locked_rows(session, keys.all(), now)

    def _window(self, key: str) -> int:
        return self.guard.address_window_seconds if key == self.keys.address else self.guard.lock_seconds

    def _current(self, row: LoginThrottle) -> int:
        """The row's failures in its window (0 once the window has passed)."""
        if self.now - row.window_started_at >= dt.timedelta(seconds=self._window(row.key)):
            return 0
        return row.failures

    def retry_after(self) -> int | None:
        """Seconds until this attempt may be made, or None when it may be made now."""
        waits = [
            (row.blocked_until - self.now).total_seconds()
            for row in self.rows.values()
            if row.blocked_until is not None and row.blocked_until > self.now
        ]
        return max(1, math.ceil(max(waits))) if waits else None

    def failed(self) -> None:
        """Count a wrong password on the three counters, blocking those beyond their limits."""
        guard = self.guard
        for key, row in self.rows.items():
            failures = self._current(row)
            if failures == 0:
                row.window_started_at = self.now
            row.failures = failures + 1
            row.last_failure_at = self.now
            block: float | None = None
            if key == self.keys.pair and row.failures >= guard.max_failures:
                block = guard.lock_seconds
            elif key == self.keys.account and row.failures > guard.account_max_failures:
                block = guard.backoff_seconds
            elif key == self.keys.address and row.failures >= guard.address_max_failures:
                block = guard.address_window_seconds - (self.now - row.window_started_at).total_seconds()
            if block is not None:
                row.blocked_until = self.now + dt.timedelta(seconds=max(1.0, block))
            if key == self.keys.pair and block is not None:
                row.failures = 0  # the next lock of this pair needs as many failures again
        self.session.flush()
        _forget_old(self.session, self.now, guard)

    def succeeded(self) -> None:
        """The account's owner is in: its counters start over (the address's do not)."""
        for key in (self.keys.account, self.keys.pair):
            row = self.rows[key]
            row.failures, row.blocked_until = 0, None
        self.session.flush()


def _locked_rows(session: Session, keys: Iterable[str], now: dt.datetime) -> dict[str, LoginThrottle]:
    """The counters of ``keys``, made if missing, locked (in key order, so no two requests deadlock)."""
    ordered = sorted(keys)
    dialect = session.get_bind().dialect.name
    values = [{"key": k, "failures": 0, "window_started_at": now, "last_failure_at": now} for k in ordered]
    session.execute(insert_on_conflict(dialect, LoginThrottle).values(values).on_conflict_do_nothing())
    rows = session.scalars(
        select(LoginThrottle)
        .where(LoginThrottle.key.in_(ordered))
        .order_by(LoginThrottle.key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    return {row.key: row for row in rows}


def _forget_old(session: Session, now: dt.datetime, guard: LoginGuard) -> None:
    """Drop counters whose window and block have both passed (the table stays small)."""
    longest = max(guard.lock_seconds, guard.address_window_seconds, guard.backoff_seconds)
    before = now - dt.timedelta(seconds=longest)
    session.execute(
        delete(LoginThrottle)
        .where(LoginThrottle.last_failure_at < before)
        .where((LoginThrottle.blocked_until.is_(None)) | (LoginThrottle.blocked_until < now))
        .execution_options(synchronize_session=False)
    )
