"""The per-user limit holds when a user's requests arrive at the same moment: counted under the
user's lock (PostgreSQL) or SQLite's one writer, never by hope. Its own database: each request
has its own connection, as on a server."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fundapp.auth.models import Role, User
from fundapp.db import get_engine
from fundapp.jobs import execution, runners, services
from fundapp.jobs.models import Job

from ..conftest import make_test_app
from ..databases import fresh_database

LIMIT = 3
ASKED = 10


@pytest.fixture
def limited_app(tmp_path, monkeypatch) -> Iterator[Flask]:
    with fresh_database(tmp_path) as url:
        app = make_test_app(url, JOBS_PER_USER=LIMIT)
        monkeypatch.setattr(runners, "dispatch", lambda _app, _job_id: None)  # they stay queued
        execution.TASKS["test.wait"] = execution.Task("test.wait", lambda *_: {"href": None})
        try:
            yield app
        finally:
            execution.TASKS.pop("test.wait")
            get_engine(app).dispose()


def test_requests_at_the_same_moment_queue_no_more_jobs_than_the_users_limit(limited_app):
    with Session(get_engine(limited_app), expire_on_commit=False) as session:
        user = User(email="member@board.example", name="Board member", role=Role.BOARD, active=True)
        session.add(user)
        session.commit()
        session.expunge(user)

    def ask(n: int) -> str:
        with limited_app.app_context():
            try:
                services.submit(limited_app, user, "test.wait", f"{n:064x}", {"n": n})
            except services.TooManyJobs:
                return "429"
            return "queued"

    with ThreadPoolExecutor(ASKED) as pool:
        answers = list(pool.map(ask, range(ASKED)))
    assert answers.count("queued") == LIMIT
    assert answers.count("429") == ASKED - LIMIT
    with Session(get_engine(limited_app)) as session:
        assert session.scalar(select(func.count()).select_from(Job)) == LIMIT
