"""Login throttling by client address: an in-process sliding window of failed logins.

The window lives in the memory of ONE process. Under gunicorn with N workers a client
gets up to N times the configured failures before every worker refuses it, and a
restart forgets it. The account lock (``app_user.locked_until``) is the part that is
shared through the database; this window only slows password spraying from one address.
Behind a reverse proxy, wrap the app in ``werkzeug.middleware.proxy_fix.ProxyFix`` or
every client shares the proxy's address.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask


class SlidingWindow:
    """At most ``limit`` events per key within ``seconds``; thread-safe and bounded in size."""

    def __init__(
        self,
        limit: int,
        seconds: float,
        *,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.seconds = seconds
        self.max_keys = max_keys
        self.clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float] | None:
        events = self._events.get(key)
        if events is None:
            return None
        while events and events[0] <= now - self.seconds:
            events.popleft()
        if not events:
            del self._events[key]
            return None
        return events

    def retry_after(self, key: str) -> int | None:
        """Seconds until ``key`` may try again, or None when it is under the limit."""
        with self._lock:
            now = self.clock()
            events = self._prune(key, now)
            if events is None or len(events) < self.limit:
                return None
            return max(1, math.ceil(events[-self.limit] + self.seconds - now))

    def hit(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            events = self._prune(key, now)
            if events is None:
                if len(self._events) >= self.max_keys:
                    self._evict(now)
                events = self._events.setdefault(key, deque())
            events.append(now)
            while len(events) > self.limit:
                events.popleft()

    def _evict(self, now: float) -> None:
        for key in list(self._events):
            self._prune(key, now)
        while len(self._events) >= self.max_keys:
            oldest = min(self._events, key=lambda k: self._events[k][-1])
            del self._events[oldest]

    def clear(self) -> None:
        with self._lock:
            self._events.clear()


@dataclass
class LoginGuard:
    """The login limits of one app: account lock settings and the per-address window."""

    max_failures: int
    lock_seconds: int
    token_hours: int
    by_address: SlidingWindow
    #: Unknown emails have no row to count on; this window makes them lock like real ones
    #: (in this process), so that a 429 does not reveal that an account exists.
    by_unknown_email: SlidingWindow

    def clear(self) -> None:
        self.by_address.clear()
        self.by_unknown_email.clear()


def login_guard(app: Flask) -> LoginGuard:
    """The app's guard, built from its config on first use."""
    guard = app.extensions.get("fundapp.login_guard")
    if guard is None:
        config = app.config
        guard = LoginGuard(
            max_failures=config["LOGIN_MAX_FAILURES"],
            lock_seconds=config["LOGIN_LOCK_SECONDS"],
            token_hours=config["LOGIN_TOKEN_HOURS"],
            by_address=SlidingWindow(
                config["LOGIN_ADDRESS_MAX_FAILURES"], config["LOGIN_ADDRESS_WINDOW_SECONDS"]
            ),
            by_unknown_email=SlidingWindow(config["LOGIN_MAX_FAILURES"], config["LOGIN_LOCK_SECONDS"]),
        )
        app.extensions["fundapp.login_guard"] = guard
    return guard
