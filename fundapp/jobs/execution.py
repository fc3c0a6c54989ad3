"""Running a job: ``execute``, the one way every backend runs one, and the tasks it runs.

``execute`` **claims** the job first (a conditional UPDATE only one worker can win: queued, or
running with a heartbeat older than ``JOBS_STALLED_SECONDS``, or any running one when the backend
itself says its worker died: ``takeover``), then runs the task in a transaction that also records
the job as done: a task's writes and its "done" commit together or not at all, so a worker killed
in the middle leaves nothing half-done, and the retry does the work once. A task that refuses
(a ``DomainError``: a bad row, a missing record) fails the job with the problem a request would
have answered. The domains declare their tasks (``task``) when they are imported.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, has_app_context
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from ..auth.models import User
from ..auth.services import funds_of
from ..db import rows_matched, utcnow
from ..errors import DomainError, OperatorError
from ..fund_scope import restrict
from ..services_base import Progress
from .models import Job, JobState

log = logging.getLogger(__name__)

#: ``run(session, job, progress)`` -> the result (JSON: ``href`` and figures); writes in ``session``.
TaskFunction = Callable[[Session, "RunningJob", Progress], dict[str, Any]]


@dataclass(frozen=True)
class Task:
    kind: str
    run: TaskFunction
    #: False: the task only reads (a render keeps its document through the cache's own sessions);
    #: it runs in a read-only session, which on SQLite never holds the one write lock.
    writes: bool = True


#: The tasks by kind, declared by the domains that own the work (``task``).
TASKS: dict[str, Task] = {}


def task(kind: str, *, writes: bool = True) -> Callable[[TaskFunction], TaskFunction]:
    """Declare ``run`` as the task of jobs of ``kind`` (at import of the domain's module); its
    writes (``writes``) commit with the job's end."""

    def declare(run: TaskFunction) -> TaskFunction:
        TASKS[kind] = Task(kind, run, writes)
        return run

    return declare


@dataclass(frozen=True)
class Periodic:
    """A job asked for every ``every(config)`` seconds (0: never) by the backends themselves:
    procrastinate's periodic task on PostgreSQL, the local worker's loop on SQLite."""

    kind: str
    every: Callable[[Mapping[str, Any]], float]
    #: Queue the job (``services.periodic`` binds it to ``services.submit``); ``hand_over``:
    #: False when the caller runs the jobs waiting itself (the foreground worker).
    submit: Callable[[Flask, bool], None]


#: The periodic jobs by kind (``services.periodic``).
PERIODIC: dict[str, Periodic] = {}


@dataclass(frozen=True)
class RunningJob:
    """What a task is given: the job's id, its arguments and the user who asked (None: a script)."""

    id: int
    kind: str
    arguments: dict[str, Any]
    user: User | None


# -- running ------------------------------------------------------------------------------------

#: Live progress of the jobs running in this process, for SQLite (whose one writer is the job's
#: own transaction while it writes: its progress cannot be committed beside it).
_live: dict[int, tuple[str, int, int | None]] = {}
_live_lock = threading.Lock()


def execute(app: Flask, job_id: int, *, takeover: bool = False) -> JobState | None:
    """Claim job ``job_id`` and run its task; its final state, or None when it was not ours to run
    (done, failed, or running under a live worker). ``takeover``: the backend knows the job's
    last worker is gone (procrastinate's retry of a stalled job), whatever its heartbeat says."""
    with app.app_context() if not has_app_context() else nullcontext():
        maker: sessionmaker[Session] = current_app.extensions["fundapp.sessionmaker"]
        stalled = float(app.config["JOBS_STALLED_SECONDS"])
        attempt = _claim(maker, job_id, takeover=takeover, stalled=stalled)
        if attempt is None:
            return None
        with maker() as session:
            job = session.get_one(Job, job_id)
            kind, arguments, user_id = job.kind, dict(job.arguments), job.user_id
        task = TASKS[kind]
        readers: sessionmaker[Session] = current_app.extensions["fundapp.read_sessionmaker"]
        reached: dict[str, Any] = {}
        with (maker if task.writes else readers)() as work:
            try:
                user = work.get(User, user_id) if user_id is not None else None
                # the job sees what its user sees: the funds its role holds for, as its request did
                restrict(work, funds_of(work, user))
                result = task.run(
                    work, RunningJob(job_id, kind, arguments, user), _progress(maker, job_id, work, reached)
                )
                if not task.writes:
                    # ends the read (nothing to write); a commit, which also keeps what the task's
                    # own sessions kept where sessions share one connection (the tests')
                    work.commit()
                    with maker() as session, session.begin():
                        ended = _finish(session, job_id, attempt, JobState.DONE, result=result, **reached)
                    return JobState.DONE if ended else None
                # the task's writes and the job's end: one transaction, and only while the job is
                # still this attempt's (a worker taken for dead that was not writes nothing)
                if not _finish(work, job_id, attempt, JobState.DONE, result=result, **reached):
                    work.rollback()
                    log.warning(
                        "job %s was taken over while attempt %s ran; its work is undone", job_id, attempt
                    )
                    return None
                work.commit()
                return JobState.DONE
            except (DomainError, OperatorError) as refused:
                work.rollback()
                problem = problem_of(refused)
                log.info("job %s (%s) failed: %s", job_id, kind, problem.get("detail"))
            except Exception:
                work.rollback()
                log.exception("job %s (%s) failed unexpectedly", job_id, kind)
                problem = {
                    "type": "about:blank",
                    "title": "Internal server error",
                    "status": 500,
                    "detail": "an unexpected error occurred while running the job",
                }
            finally:
                with _live_lock:
                    _live.pop(job_id, None)
        with maker() as session, session.begin():
            ended = _finish(session, job_id, attempt, JobState.FAILED, problem=problem)
        return JobState.FAILED if ended else None


def _claim(maker: sessionmaker[Session], job_id: int, *, takeover: bool, stalled: float) -> int | None:
    """The job taken for a new attempt (its number), or None when it is not to be taken."""
    now = utcnow()
    claimable = [Job.state == JobState.QUEUED]
    if takeover:
        claimable.append(Job.state == JobState.RUNNING)
    else:
        claimable.append(
            (Job.state == JobState.RUNNING) & (Job.heartbeat_at < now - dt.timedelta(seconds=stalled))
        )
    with maker() as session, session.begin():
        attempts = session.scalar(select(Job.attempts).where(Job.id == job_id, or_(*claimable)))
        if attempts is None:
            return None
        taken = rows_matched(
            session,
            update(Job)
            .where(Job.id == job_id, Job.attempts == attempts, or_(*claimable))
            .values(
                state=JobState.RUNNING,
                attempts=attempts + 1,
                started_at=now,
                heartbeat_at=now,
                phase=None,
                done=0,
                total=None,
            ),
        )
        return attempts + 1 if taken == 1 else None


def _finish(session: Session, job_id: int, attempt: int, state: JobState, **values: Any) -> bool:
    """End the job's ``attempt`` (done or failed); False when the job is no longer that attempt's."""
    now = utcnow()
    return (
        rows_matched(
            session,
            update(Job)
            .where(Job.id == job_id, Job.attempts == attempt, Job.state == JobState.RUNNING)
            .values(state=state, finished_at=now, heartbeat_at=now, **values)
            .execution_options(synchronize_session=False),
        )
        == 1
    )


def _progress(maker: sessionmaker[Session], job_id: int, work: Session, reached: dict[str, Any]) -> Progress:
    """How a task reports ``phase``, units done and ``total``: committed on the side on
    PostgreSQL (with the heartbeat), kept in this process on SQLite (``_live``); the last
    reached is kept in ``reached`` (written with the job's end)."""
    shared = work.get_bind().dialect.name == "postgresql"
    every = 0.5  # seconds between two writes of a phase's progress

    def begin(phase: str, total: int) -> Callable[[int], None]:
        done = 0
        written = 0.0

        def record() -> None:
            nonlocal written
            reached.update(phase=phase, done=done, total=total)
            with _live_lock:
                _live[job_id] = (phase, done, total)
            if shared:
                with maker() as session, session.begin():
                    session.execute(
                        update(Job)
                        .where(Job.id == job_id, Job.state == JobState.RUNNING)
                        .values(phase=phase, done=done, total=total, heartbeat_at=utcnow())
                    )
            written = time.monotonic()

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if done >= total or time.monotonic() - written >= every:
                record()

        record()
        return advance

    return begin


def problem_of(error: DomainError | OperatorError) -> dict[str, Any]:
    """The problem document (RFC 9457) a request would have answered for ``error``."""
    if isinstance(error, DomainError):
        body = {"type": "about:blank", "title": error.title, "status": error.status, "detail": error.detail}
        body.update(error.extra)
        if "Retry-After" in error.headers:
            body["retry_after"] = int(error.headers["Retry-After"])
        return body
    status = getattr(error, "status", 503)
    return {
        "type": "about:blank",
        "title": getattr(error, "title", "Service unavailable"),
        "status": status,
        "detail": getattr(error, "detail", None) or error.message,
    }


def with_live_progress(job: Job) -> Job:
    """The job, with the progress this process knows of it when it is further than the row's."""
    with _live_lock:
        live = _live.get(job.id)
    if live is not None and job.state == JobState.RUNNING:
        job.phase, job.done, job.total = live
    return job


def runnable_jobs(session: Session, stalled_seconds: float) -> list[int]:
    """Jobs queued, or running with a heartbeat older than ``stalled_seconds``: a worker's to take."""
    old = utcnow() - dt.timedelta(seconds=stalled_seconds)
    return list(
        session.scalars(
            select(Job.id)
            .where(
                or_(
                    Job.state == JobState.QUEUED,
                    (Job.state == JobState.RUNNING) & (Job.heartbeat_at < old),
                )
            )
            .order_by(Job.id)
        )
    )
