"""The threads backend (SQLite's default, one command, no other service): the app's own threads run
the jobs, and take the ones a dead process left behind. Each test has a database of its own (the
worker's threads have their own connections, outside any test transaction)."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import select, update

from fundapp.db import get_engine, session_scope, utcnow
from fundapp.jobs import execution, runners, services
from fundapp.jobs.models import Job, JobState

from ..conftest import make_test_app
from ..databases import fresh_database


@pytest.fixture
def threads_app(tmp_path) -> Iterator[Flask]:
    with fresh_database(tmp_path) as url:
        app = make_test_app(url, JOBS_BACKEND="threads", JOBS_POLL_SECONDS=0.2, JOBS_STALLED_SECONDS=1)
        ran: list[dict] = []

        @execution.task("test.count")
        def count(session, job, progress):
            advance = progress("counting", job.arguments["up_to"])
            for _ in range(job.arguments["up_to"]):
                advance(1)
            ran.append({"job": job.id, "thread": threading.current_thread().name})
            return {"href": None, "counted": job.arguments["up_to"]}

        app.extensions["test.ran"] = ran
        try:
            yield app
        finally:
            runners.stop_local_worker(app)
            execution.TASKS.pop("test.count")
            get_engine(app).dispose()


def test_a_job_queued_with_the_threads_backend_is_run_by_a_thread_of_the_app(threads_app):
    with threads_app.app_context():
        job = services.submit(threads_app, None, "test.count", "a" * 64, {"up_to": 3})
        assert job.state == JobState.QUEUED
        done = services.wait_for(threads_app, job.id, 20)
    assert done.state == JobState.DONE
    assert done.result == {"href": None, "counted": 3}
    assert (done.phase, done.done, done.total) == ("counting", 3, 3)
    (ran,) = threads_app.extensions["test.ran"]
    assert ran["thread"].startswith("fundapp-jobs-")


def test_a_job_a_dead_process_left_running_is_taken_again_once_its_heartbeat_is_old(threads_app):
    with threads_app.app_context():
        job = services.submit(threads_app, None, "test.count", "b" * 64, {"up_to": 1})
        services.wait_for(threads_app, job.id, 20)
        with session_scope(threads_app) as session:  # as a process killed in the middle leaves it
            session.execute(
                update(Job)
                .where(Job.id == job.id)
                .values(state=JobState.RUNNING, heartbeat_at=utcnow() - dt.timedelta(seconds=5), result=None)
            )
        runners.LocalWorker.of(threads_app).wake()
        done = services.wait_for(threads_app, job.id, 20)
    assert (done.state, done.attempts) == (JobState.DONE, 2)


def test_the_worker_command_runs_the_jobs_waiting_and_stops_with_once(threads_app, monkeypatch):
    monkeypatch.setattr(runners, "dispatch", lambda _app, _job_id: None)  # nobody runs it meanwhile
    with threads_app.app_context():
        job = services.submit(threads_app, None, "test.count", "c" * 64, {"up_to": 2})
    result = threads_app.test_cli_runner().invoke(args=["fund", "worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "1 jobs run" in result.output
    with threads_app.app_context():
        assert services.wait_for(threads_app, job.id, 0).state == JobState.DONE


def test_the_worker_threads_end_once_their_app_is_released(tmp_path):
    with fresh_database(tmp_path) as url:
        # a poll far longer than the test: only the app's release can wake the threads
        app = make_test_app(url, JOBS_BACKEND="threads", JOBS_THREADS=2, JOBS_POLL_SECONDS=600)
        threads = runners.LocalWorker.of(app).threads
        engine = get_engine(app)
        assert all(thread.is_alive() for thread in threads)
        del app
        gc.collect()
        for thread in threads:
            thread.join(timeout=20)
        engine.dispose()
    assert not any(thread.is_alive() for thread in threads)


def test_stopping_the_worker_ends_and_joins_its_threads(threads_app):
    worker = runners.LocalWorker.of(threads_app)
    runners.stop_local_worker(threads_app)
    assert not any(thread.is_alive() for thread in worker.threads)
    assert "fundapp.local_jobs" not in threads_app.extensions


@pytest.fixture
def ticking():
    """A periodic job of the tests' own (kind ``test.tick``), due every ``TEST_TICK_SECONDS`` of
    the app's config (none in other apps); the jobs it ran."""
    ran: list[int] = []

    @execution.task("test.tick")
    def tick(session, job, progress):
        ran.append(job.id)
        return {"href": None}

    services.periodic("test.tick", lambda config: float(config.get("TEST_TICK_SECONDS", 0)))
    try:
        yield ran
    finally:
        execution.PERIODIC.pop("test.tick")
        execution.TASKS.pop("test.tick")


def test_a_periodic_job_is_asked_for_once_each_time_it_is_due(app, ticking, monkeypatch):
    asked: list[bool] = []
    monkeypatch.setitem(
        execution.PERIODIC,
        "test.tick",
        execution.Periodic("test.tick", lambda config: 3600, lambda _app, hand_over: asked.append(hand_over)),
    )
    clock = runners.PeriodicClock()
    assert clock.submit_due(app) == 1
    assert clock.submit_due(app) == 0, "not due again for an hour"
    assert runners.PeriodicClock().submit_due(app, hand_over=False) == 1
    assert asked == [True, False]


def test_the_local_worker_asks_for_the_periodic_jobs_and_runs_them(tmp_path, ticking):
    with fresh_database(tmp_path) as url:
        app = make_test_app(url, JOBS_BACKEND="threads", JOBS_POLL_SECONDS=0.1, TEST_TICK_SECONDS=0.2)
        try:
            runners.LocalWorker.of(app).wake()
            with app.app_context():
                for _ in range(200):
                    if len(ticking) >= 2:
                        break
                    threading.Event().wait(0.05)
                with session_scope(app) as session:
                    (job,) = session.scalars(select(Job).where(Job.kind == "test.tick")).all()
                    assert job.key == "test.tick"
        finally:
            runners.stop_local_worker(app)
            get_engine(app).dispose()
    assert len(ticking) >= 2, "asked for again once due, and run each time"
