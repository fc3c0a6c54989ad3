"""procrastinate: the jobs' queue and workers on PostgreSQL (``JOBS_BACKEND`` procrastinate).

A queued job (``fundapp.jobs``'s row, committed) is deferred as a procrastinate job of the task
``fundapp.run_job`` with the job's id, under the lock ``job-<id>``: procrastinate never runs two
with one lock at once, and its ``queueing_lock`` keeps one waiting at most. Its worker,
``flask fund worker`` (any number, on any server: they share the queue through the database),
runs the task, which is ``execution.execute`` with ``takeover``: procrastinate hands a job to
one worker at a time, so the worker that has it may take over the job's row even from a dead
worker.

A worker killed in the middle of a job (SIGKILL, a lost machine) stops its heartbeat
(``procrastinate_workers.last_heartbeat``, every ``JOBS_HEARTBEAT_SECONDS``). Every worker
sweeps every ``JOBS_POLL_SECONDS``: procrastinate's stalled jobs (``JobManager.get_stalled_jobs``:
those of workers silent for ``JOBS_WORKER_STALLED_SECONDS``) are given back to the queue
(``JobManager.retry_job``) and run again from the start, their first run's writes having been
rolled back with its transaction; queued jobs that procrastinate does not know (a server
stopped between the job's commit and its defer) are deferred again; and, once an hour,
procrastinate's records of jobs ended ``KEEP_ENDED_HOURS`` ago are deleted.

Periodic jobs (``services.periodic``: the outbox's sending) are asked for by procrastinate's
periodic tasks, which the workers defer on their ticks (one defer a tick, whichever worker); each
tick queues the job (one at a time: a tick that finds it under way leaves it be), which a worker
then runs as any other.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import threading
import time
from typing import Any

import procrastinate
from flask import Flask
from procrastinate import exceptions as procrastinate_errors
from psycopg.conninfo import make_conninfo
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ..db import normalise_url, utcnow
from . import execution
from .models import Job, JobState

log = logging.getLogger(__name__)

QUEUE = "fundapp"
TASK = "fundapp.run_job"
#: The periodic tasks' names: this, then the periodic job's kind.
PERIODIC_TASK = "fundapp.periodic"
#: A job queued longer than this with no procrastinate job is deferred again by the sweep.
REDEFER_AFTER_SECONDS = 10
#: procrastinate's record of a job that ended is deleted this long after (fundapp's ``job`` row
#: is what the API reads), once an hour.
KEEP_ENDED_HOURS = 72
PURGE_EVERY_SECONDS = 3600


def conninfo(database_url: str) -> str:
    """libpq's connection string for ``DATABASE_URL`` (what psycopg's pools take)."""
    url = make_url(normalise_url(database_url))
    params: dict[str, Any] = {
        "host": url.host,
        "port": url.port,
        "dbname": url.database,
        "user": url.username,
        "password": url.password,
    }
    params.update({k: v for k, v in url.query.items() if isinstance(v, str)})
    return make_conninfo(**{k: v for k, v in params.items() if v is not None})


def _procrastinate(app: Flask, connector: Any) -> tuple[procrastinate.App, Any]:
    """A procrastinate app on ``connector``, with fundapp's task (and the task), and a periodic
    task for each periodic job due every so often (``execution.PERIODIC``)."""
    queue = procrastinate.App(connector=connector)

    @queue.task(name=TASK, queue=QUEUE)
    def run_job(job_id: int) -> None:
        execution.execute(app, job_id, takeover=True)

    for periodic in execution.PERIODIC.values():
        every = float(periodic.every(app.config))
        if every > 0:
            _ask_periodically(app, queue, periodic, every)
    return queue, run_job


def cron_of(seconds: float) -> str:
    """A cron (procrastinate's, seconds in a sixth field) firing about every ``seconds``."""
    whole = max(1, round(seconds))
    if whole < 60:
        return f"* * * * * */{whole}"
    return f"*/{min(59, max(1, whole // 60))} * * * *"


def _ask_periodically(
    app: Flask, queue: procrastinate.App, periodic: execution.Periodic, every: float
) -> None:
    """procrastinate's periodic task asking for ``periodic``'s job: deferred once per tick by the
    workers together (procrastinate keeps who deferred which tick), at most one waiting."""
    name = f"{PERIODIC_TASK}.{periodic.kind}"

    @queue.periodic(cron=cron_of(every), periodic_id=periodic.kind)
    @queue.task(name=name, queue=QUEUE, queueing_lock=name)
    def ask(timestamp: int) -> None:  # noqa: ARG001 - procrastinate's tick
        periodic.submit(app, True)


# -- deferring (the app's processes) -------------------------------------------------------------

_web_lock = threading.Lock()


def _web(app: Flask) -> Any:
    """This process's deferring task, on a small pool of its own (made after a fork)."""
    with _web_lock:
        found = app.extensions.get("fundapp.procrastinate")
        if found is None or found[0] != os.getpid():
            connector = procrastinate.SyncPsycopgConnector(
                conninfo=conninfo(app.config["DATABASE_URL"]), min_size=1, max_size=2
            )
            queue, run_job = _procrastinate(app, connector)
            queue.open()
            found = app.extensions["fundapp.procrastinate"] = (os.getpid(), queue, run_job)
        return found[2]


def defer(app: Flask, job_id: int) -> None:
    """Queue the job in procrastinate; if the database refuses now, the workers' sweep will."""
    try:
        _web(app).configure(lock=f"job-{job_id}", queueing_lock=f"job-{job_id}").defer(job_id=job_id)
    except procrastinate_errors.AlreadyEnqueued:
        pass
    except procrastinate_errors.ConnectorException:
        log.warning("job %s could not be deferred now; a worker's sweep will", job_id, exc_info=True)


# -- the worker (flask fund worker) --------------------------------------------------------------


def run_worker(app: Flask, *, concurrency: int, once: bool = False) -> None:
    """Run procrastinate's worker for fundapp's queue until stopped (SIGINT, SIGTERM: the jobs
    under way end first), or, ``once``, until the queue is empty."""
    asyncio.run(_run(app, concurrency=concurrency, once=once))


async def _run(app: Flask, *, concurrency: int, once: bool) -> None:
    connector = procrastinate.PsycopgConnector(
        conninfo=conninfo(app.config["DATABASE_URL"]), min_size=1, max_size=concurrency + 2
    )
    queue, run_job = _procrastinate(app, connector)
    config = app.config
    async with queue.open_async():
        await sweep(app, queue, run_job)
        sweeper = None if once else asyncio.create_task(_sweep_forever(app, queue, run_job))
        try:
            await queue.run_worker_async(
                queues=[QUEUE],
                concurrency=concurrency,
                wait=not once,
                update_heartbeat_interval=float(config["JOBS_HEARTBEAT_SECONDS"]),
                stalled_worker_timeout=float(config["JOBS_WORKER_STALLED_SECONDS"]),
                fetch_job_polling_interval=float(config["JOBS_POLL_SECONDS"]),
            )
        finally:
            if sweeper is not None:
                sweeper.cancel()


async def _sweep_forever(app: Flask, queue: procrastinate.App, run_job: Any) -> None:
    purged = 0.0
    while True:
        await asyncio.sleep(float(app.config["JOBS_POLL_SECONDS"]))
        try:
            await sweep(app, queue, run_job)
            if time.monotonic() - purged >= PURGE_EVERY_SECONDS:
                await queue.job_manager.delete_old_jobs(
                    nb_hours=KEEP_ENDED_HOURS, queue=QUEUE, include_failed=True, include_cancelled=True
                )
                purged = time.monotonic()
        except Exception:  # noqa: BLE001 - the next sweep tries again
            log.exception("the job sweep failed; it runs again")


async def sweep(app: Flask, queue: procrastinate.App, run_job: Any) -> int:
    """Give stalled jobs back to the queue, and defer again the queued jobs procrastinate does not
    know; how many jobs it moved."""
    moved = 0
    stalled = await queue.job_manager.get_stalled_jobs(
        queue=QUEUE, seconds_since_heartbeat=float(app.config["JOBS_WORKER_STALLED_SECONDS"])
    )
    for job in stalled:
        log.warning("job %s of a stalled worker (%s) goes back to the queue", job.id, job.task_kwargs)
        await queue.job_manager.retry_job(job)
        moved += 1
    for job_id in await asyncio.to_thread(_queued_long_ago, app):
        try:
            await run_job.configure(lock=f"job-{job_id}", queueing_lock=f"job-{job_id}").defer_async(
                job_id=job_id
            )
            moved += 1
        except procrastinate_errors.AlreadyEnqueued:
            pass
    return moved


def _queued_long_ago(app: Flask) -> list[int]:
    maker: sessionmaker[Session] = app.extensions["fundapp.read_sessionmaker"]
    with maker() as session:
        old = utcnow() - dt.timedelta(seconds=REDEFER_AFTER_SECONDS)
        return list(
            session.scalars(
                select(Job.id).where(Job.state == JobState.QUEUED, Job.created_at < old).order_by(Job.id)
            )
        )
