"""How a queued job gets to ``execution.execute``: the backends (``JOBS_BACKEND``).

- ``procrastinate`` (the default on PostgreSQL): the job is deferred to procrastinate, whose
  worker (``flask fund worker``, any number of them, on any server) runs it; a worker killed in
  the middle of a job is found by its stale heartbeat and the job retried (``worker``).
- ``threads`` (the default on SQLite, the one-command installation): ``JOBS_THREADS`` threads of
  the app process run the jobs, woken when one is queued and looking every
  ``JOBS_POLL_SECONDS`` for jobs queued by another process or left by a dead one, and asking for
  the periodic jobs when they are due (``PeriodicClock``: the outbox's sending). ``flask fund
  worker`` runs the same loop in the foreground on SQLite.
- ``inline``: the job runs in the caller's thread, at once (tests, scripts).
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from typing import Any

from flask import Flask
from sqlalchemy.orm import Session, sessionmaker

from ..db import require_migrated_database
from ..errors import ServiceUnavailable
from . import execution

log = logging.getLogger(__name__)

BACKENDS = ("auto", "procrastinate", "threads", "inline")


def backend(app: Flask) -> str:
    """The backend the settings name; ``auto``: procrastinate on PostgreSQL, threads on SQLite."""
    name = str(app.config.get("JOBS_BACKEND", "auto")).lower()
    if name not in BACKENDS:
        raise ValueError(f"JOBS_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}")
    if name == "auto":
        url = str(app.config["DATABASE_URL"])
        return "procrastinate" if url.startswith(("postgresql", "postgres")) else "threads"
    return name


def dispatch(app: Flask, job_id: int) -> None:
    """Hand the job just queued (and committed) to the backend."""
    name = backend(app)
    if name == "inline":
        execution.execute(app, job_id)
    elif name == "threads":
        LocalWorker.of(app).wake()
    else:
        from . import worker  # procrastinate is loaded only where it runs the jobs

        worker.defer(app, job_id)


class LocalWorker:
    """Threads of this process running the jobs of its database, one app's.

    The threads hold the app weakly: once the app is released (a test's, a script's), they end at
    their next wake instead of polling a database that may be gone; ``stop`` ends them at once
    (and joins them), as does the interpreter's exit."""

    def __init__(self, app: Flask, threads: int, poll_seconds: float) -> None:
        self._app = weakref.ref(app)
        self.poll_seconds = poll_seconds
        self._wake = threading.Condition()
        self._pending = 0
        self._stopped = False
        self.periodic = PeriodicClock()
        self.threads = [
            threading.Thread(target=self._loop, name=f"fundapp-jobs-{n}", daemon=True) for n in range(threads)
        ]
        # the app's end wakes the threads (they hold no reference to it while they wait)
        weakref.finalize(app, self._signal_stop)
        _running.add(self)
        for thread in self.threads:
            thread.start()

    @classmethod
    def of(cls, app: Flask) -> LocalWorker:
        """The app's worker, started on first use."""
        with _start_lock:
            found: LocalWorker | None = app.extensions.get("fundapp.local_jobs")
            if found is None:
                found = cls(app, int(app.config["JOBS_THREADS"]), float(app.config["JOBS_POLL_SECONDS"]))
                app.extensions["fundapp.local_jobs"] = found
            return found

    def wake(self) -> None:
        with self._wake:
            self._pending += 1
            self._wake.notify()

    def _signal_stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify_all()

    def stop(self, timeout: float = 30) -> None:
        """End the threads (a job under way ends first) and wait for them."""
        self._signal_stop()
        for thread in self.threads:
            if thread is not threading.current_thread():
                thread.join(timeout=timeout)
        _running.discard(self)

    def _loop(self) -> None:
        while True:
            with self._wake:
                if not self._pending and not self._stopped:
                    self._wake.wait(self.poll_seconds)
                if self._stopped:
                    return
                self._pending = max(0, self._pending - 1)
            app = self._app()
            if app is None:  # released: nobody will ask this worker for anything again
                return
            try:
                self.periodic.submit_due(app)
                run_runnable(app)
            except ServiceUnavailable as unavailable:  # not migrated, unreachable: the next round
                log.info("the local job worker waits: %s", unavailable.message)
            except Exception:  # noqa: BLE001 - a worker thread logs and goes on
                log.exception("the local job worker failed a round; it goes on")
            finally:
                del app  # not held while waiting: the app may go meanwhile


#: The workers of this process that run, stopped at the interpreter's exit.
_running: weakref.WeakSet[LocalWorker] = weakref.WeakSet()


@atexit.register
def _stop_every_worker() -> None:
    for found in list(_running):
        found.stop(timeout=5)


_start_lock = threading.Lock()


class PeriodicClock:
    """When this process last asked for each periodic job (``execution.PERIODIC``): it asks again
    once ``every`` seconds have passed (several processes may ask: the job is one while under way)."""

    def __init__(self) -> None:
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def submit_due(self, app: Flask, *, hand_over: bool = True) -> int:
        """Ask for the periodic jobs due; how many were asked for."""
        asked = 0
        for periodic in list(execution.PERIODIC.values()):
            every = float(periodic.every(app.config))
            if every <= 0:
                continue
            with self._lock:
                now = time.monotonic()
                last = self._last.get(periodic.kind)
                if last is not None and now - last < every:
                    continue
                self._last[periodic.kind] = now
            periodic.submit(app, hand_over)
            asked += 1
        return asked


def run_runnable(app: Flask, limit: int | None = None) -> int:
    """Run the jobs waiting (queued, or left running by a dead worker), oldest first; how many
    this call ran. Each is claimed first, so several threads or processes share them out."""
    require_migrated_database(app)
    maker: sessionmaker[Session] = app.extensions["fundapp.read_sessionmaker"]
    with maker() as session:
        waiting = execution.runnable_jobs(session, float(app.config["JOBS_STALLED_SECONDS"]))
    ran = 0
    for job_id in waiting[:limit] if limit else waiting:
        if execution.execute(app, job_id) is not None:
            ran += 1
    return ran


def init_app(app: Flask) -> None:
    """With the threads backend, the app's worker starts with the app's first request (so that
    jobs queued by a process that died are taken again); the command line never starts it."""
    if backend(app) != "threads":
        return

    @app.before_request
    def _start_local_worker() -> None:
        if "fundapp.local_jobs" not in app.extensions:
            LocalWorker.of(app).wake()


def stop_local_worker(app: Flask) -> None:
    found: Any = app.extensions.pop("fundapp.local_jobs", None)
    if found is not None:
        found.stop()
