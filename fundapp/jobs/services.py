"""Jobs: submit one (once per kind and key while it is under way), follow it, wait for it.

A job row is written and committed by ``submit`` in a short transaction of its own (as a render's
admission is, ``fundapp.renders``): the worker that runs it, on this server or another, must see
it, whatever becomes of the request that asked for it. Asked again while queued or running, the
same job answers; asked again once it has ended, it runs again. How it runs: ``execution``
(the task, its claim, its progress) and ``runners`` (the backends).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask, g, has_request_context
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from ..auth.models import Role, User
from ..db import insert_on_conflict, rows_matched, table_of, utcnow
from ..errors import DomainError, NotFound
from . import runners
from .execution import PERIODIC, TASKS, Periodic, RunningJob, task, with_live_progress
from .models import IN_FLIGHT, Job, JobState

#: What the domains use to declare and write their tasks.
__all__ = ["RunningJob", "TooManyJobs", "get_job", "periodic", "submit", "task", "wait_for"]


class TooManyJobs(DomainError):
    """The user has as many jobs under way as allowed (429, Retry-After)."""

    status = 429
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(max(1, retry_after))}


# -- submitting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submitted:
    job: Job  # detached, as committed
    queued_now: bool  # this call queued it (a new job, or a failed one asked again)


def submit(
    app: Flask,
    user: User | None,
    kind: str,
    key: str,
    arguments: dict[str, Any],
    *,
    hand_over: bool = True,
) -> Job:
    """The job of ``kind`` and ``key``: the one queued or running already, or a new one, queued
    and handed to the backend. A user with ``JOBS_PER_USER`` jobs queued or running gets
    ``TooManyJobs``. A job that ended (done or failed) runs again when asked again: the callers
    ask only for work not done (a document not in the cache), or work that is itself idempotent
    (an import skips the rows already recorded). ``hand_over``: False leaves the job queued for
    the caller, which runs the jobs waiting itself (the foreground worker on SQLite)."""
    if kind not in TASKS:
        raise LookupError(f"no task for jobs of kind {kind!r}")
    if has_request_context() and "db_session" in g and g.db_session.get_bind().dialect.name == "sqlite":
        # SQLite has one writer: the job's own transaction would wait on the request's (the
        # whole busy timeout) if the request held the write lock. End the request's first.
        g.db_session.commit()
    submitted = _queue(app, user, kind, key, arguments)
    if submitted.queued_now and hand_over:
        runners.dispatch(app, submitted.job.id)
    return submitted.job


def periodic(kind: str, every: Callable[[Mapping[str, Any]], float]) -> None:
    """Declare that a job of ``kind`` (its task declared with ``task``; no user, no arguments) is
    asked for every ``every(app.config)`` seconds (0: never) by the backends: one job at a time
    (its key is its kind), a round that finds it under way leaving it be."""

    def submit_periodic(app: Flask, hand_over: bool) -> None:
        submit(app, None, kind, kind, {}, hand_over=hand_over)

    PERIODIC[kind] = Periodic(kind, every, submit_periodic)


def _queue(app: Flask, user: User | None, kind: str, key: str, arguments: dict[str, Any]) -> Submitted:
    maker: sessionmaker[Session] = app.extensions["fundapp.sessionmaker"]
    with maker() as session, session.begin():
        existing = session.scalars(select(Job).where(Job.kind == kind, Job.key == key)).first()
        if existing is not None and existing.state in IN_FLIGHT:
            session.expunge(existing)
            return Submitted(existing, queued_now=False)
        if user is not None:
            _check_user_limit(session, app, user)
        now = utcnow()
        fresh = {
            "user_id": user.id if user is not None else None,
            "state": JobState.QUEUED,
            "arguments": arguments,
            "phase": None,
            "done": 0,
            "total": None,
            "result": None,
            "problem": None,
            "attempts": 0,
            "created_at": now,
            "started_at": None,
            "heartbeat_at": None,
            "finished_at": None,
        }
        if existing is not None:
            # asked again: only the caller that moves it from its final state queues it
            moved = rows_matched(
                session,
                update(Job).where(Job.id == existing.id, Job.state == existing.state).values(**fresh),
            )
            session.expire(existing)
            job = session.get_one(Job, existing.id)
            session.expunge(job)
            return Submitted(job, queued_now=bool(moved))
        inserted = _insert_once(session, {"kind": kind, "key": key, **fresh})
        job = session.scalars(select(Job).where(Job.kind == kind, Job.key == key)).one()
        session.expunge(job)
        return Submitted(job, queued_now=inserted)


def _insert_once(session: Session, values: dict[str, Any]) -> bool:
    """INSERT the job unless another request inserted the same kind and key first (True: ours)."""
    dialect = session.get_bind().dialect.name
    statement = (
        insert_on_conflict(dialect, table_of(Job))
        .values(**values)
        .on_conflict_do_nothing(index_elements=["kind", "key"])
        .returning(table_of(Job).c.id)
    )
    return session.execute(statement).scalar() is not None


#: PostgreSQL advisory lock key of a user's jobs (any constant: "JOB" in ASCII).
_ADVISORY_KEY = 0x4A4F42


def _check_user_limit(session: Session, app: Flask, user: User) -> None:
    """``TooManyJobs`` when the user has ``JOBS_PER_USER`` jobs queued or running. Counted under the
    user's lock (PostgreSQL: an advisory lock; SQLite's BEGIN IMMEDIATE serialises writers), so
    that requests at the same moment cannot all pass the count."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:key, :user)"), {"key": _ADVISORY_KEY, "user": user.id % 2**31}
        )
    limit = int(app.config["JOBS_PER_USER"])
    mine, oldest = session.execute(
        select(func.count(), func.min(Job.created_at)).where(Job.user_id == user.id, Job.state.in_(IN_FLIGHT))
    ).one()
    if mine >= limit:
        expected = float(app.config["JOBS_EXPECTED_SECONDS"])
        waited = (utcnow() - oldest).total_seconds() if oldest is not None else 0.0
        raise TooManyJobs(
            f"you have {mine} jobs queued or running (at most {limit}); ask again when one is done "
            "(GET /api/v1/jobs/{id} follows each)",
            int(max(1.0, expected - waited)),
        )


# -- reading ------------------------------------------------------------------------------------


def get_job(session: Session, user: User, job_id: int) -> Job:
    """The job, for the user who asked for it or an admin; anyone else: 404, as for no job."""
    job = session.get(Job, job_id)
    if job is None or (user.role != Role.ADMIN and job.user_id != user.id):
        raise NotFound(f"job {job_id} does not exist")
    session.expunge(job)  # the live progress shown is never written back by the request
    return with_live_progress(job)


def wait_for(app: Flask, job_id: int, seconds: float) -> Job:
    """The job once it is done or failed, or as it stands after ``seconds`` (a fresh read each time)."""
    maker: sessionmaker[Session] = app.extensions["fundapp.read_sessionmaker"]
    deadline = time.monotonic() + seconds
    pause = 0.02
    while True:
        with maker() as session:
            job = session.get_one(Job, job_id)
            session.expunge(job)
        if job.state not in IN_FLIGHT or time.monotonic() >= deadline:
            return with_live_progress(job)
        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        pause = min(pause * 2, 0.25)
