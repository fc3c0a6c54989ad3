"""Fixtures: one migrated database per run, one rolled-back transaction per test."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy.engine import Connection, RootTransaction
from sqlalchemy.orm import Session, sessionmaker

from fundapp import create_app
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.db import get_engine, make_engine, require_migrated_database
from fundapp.jobs import runners
from fundapp.resources import SEED_DIR
from fundapp.seeding import load_seed

from . import factories
from .databases import BACKEND, fresh_database


def pytest_report_header() -> str:
    return f"fundapp test database: {BACKEND}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with fresh_database(tmp_path_factory.mktemp("db")) as url:
        yield url


def make_test_app(url: str, **overrides: object) -> Flask:
    config = {
        "DATABASE_URL": url,
        "TESTING": True,
        "WRITE_DEMO_TOKENS": False,
        "ENV_NAME": "test",
        # a successful mutation without an audit event answers 500, so every test proves its event
        "AUDIT_STRICT": True,
        "PASSWORD_HASH_PROFILE": "CHEAPEST",
        # a test's writes are rolled back, and with them the money version its answers were kept
        # under: tests/totals/test_cache.py turns the cache on for itself
        "TOTALS_CACHE_ENTRIES": 0,
        # and, once on, keeps every answer however quickly computed
        "ANSWER_CACHE_MIN_MS": 0,
        # attached files and kept letters: never in the checkout's instance folder
        "FILE_STORAGE_DIR": tempfile.mkdtemp(prefix="fundapp-test-files-"),
        # jobs run at once, in the request's thread and the test's transaction (tests/jobs runs
        # them on the other backends, each on its own database)
        "JOBS_BACKEND": "inline",
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[Flask]:
    app = make_test_app(database_url)
    # the once-per-process schema check, done now: query counts do not depend on test order
    require_migrated_database(app)
    yield app
    get_engine(app).dispose()


@contextmanager
def seeded_database(tmp_dir: Path) -> Iterator[str]:
    """A fresh migrated database holding the seed (``seed/*.json``), dropped afterwards."""
    with fresh_database(tmp_dir) as url:
        engine = make_engine(url)
        with Session(engine) as session, session.begin():
            load_seed(session, SEED_DIR)
        engine.dispose()
        yield url


@pytest.fixture(scope="session")
def seeded_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh migrated database holding the seed (``seed/*.json``), loaded once per run.

    Tests that use it only read; one that writes must roll back what it wrote (or take a
    ``seeded_database`` of its own, as the fuzzer does).
    """
    with seeded_database(tmp_path_factory.mktemp("seeded")) as url:
        yield url


@pytest.fixture(scope="session")
def seeded_app(seeded_database_url: str) -> Iterator[Flask]:
    """An app on the seeded database (reports, PDFs and exports read real-looking data through it)."""
    app = make_test_app(seeded_database_url)
    yield app
    get_engine(app).dispose()


def outer_transaction(connection: Connection) -> RootTransaction:
    """A test's one transaction, never committed. On PostgreSQL its money and records writes
    advance the data versions statement by statement (the trigger that does it once, at a
    commit, would never run), so that a test's later request sees the versions its earlier
    writes moved."""
    outer = connection.begin()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET CONSTRAINTS data_write_at_commit IMMEDIATE")
    return outer


@contextmanager
def rolled_back(app: Flask) -> Iterator[Session]:
    """Every session of the block (requests included) shares one outer transaction, rolled back."""
    connection = get_engine(app).connect()
    outer = outer_transaction(connection)
    maker = sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    saved = (app.extensions["fundapp.sessionmaker"], app.extensions["fundapp.read_sessionmaker"])
    app.extensions["fundapp.sessionmaker"] = maker
    app.extensions["fundapp.read_sessionmaker"] = maker
    session = maker()
    factories.holder.session = session
    try:
        yield session
    finally:
        factories.holder.session = None
        session.close()
        outer.rollback()
        connection.close()
        app.extensions["fundapp.sessionmaker"], app.extensions["fundapp.read_sessionmaker"] = saved


@pytest.fixture
def db_session(app: Flask) -> Iterator[Session]:
    """Every session of the test (requests included) shares one outer transaction, rolled back."""
    with rolled_back(app) as session:
        yield session


@pytest.fixture
def client(app: Flask, db_session: Session) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask, db_session: Session):
    return app.test_cli_runner()


@pytest.fixture
def held(app: Flask, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Jobs are queued and not run (the ids handed to the backend, in order); a route answers 202
    (the test runs a job with ``fundapp.jobs.execution.execute``, as a worker would)."""
    dispatched: list[int] = []
    monkeypatch.setattr(runners, "dispatch", lambda _app, job_id: dispatched.append(job_id))
    monkeypatch.setitem(app.config, "JOBS_ANSWER_WITHIN_SECONDS", 0)
    return dispatched


@pytest.fixture
def pdf_cache_dir(app, tmp_path, monkeypatch):
    """Each test gets its own PDF cache folder."""
    directory = tmp_path / "pdf-cache"
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def missing_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """fontconfig answers another family for the documents' font, as where fonts-liberation is missing."""
    from fundapp import fonts

    monkeypatch.setattr(fonts, "_found", set())
    monkeypatch.setattr(fonts, "matched_family", lambda family: "Liberation Sans")


@pytest.fixture
def fund(db_session: Session):
    return factories.FundFactory()


@pytest.fixture
def tokens(db_session: Session, fund) -> dict[str, str]:
    """A bearer token per role; the donor token is bound to a donor of its own."""
    donor = factories.DonorFactory(name="Donor with a token")
    out: dict[str, str] = {}
    for role in Role:
        user = factories.UserFactory(role=role, donor_id=donor.id if role == Role.DONOR else None)
        plain, _ = issue_token(db_session, None, user, name="test")
        out[str(role)] = plain
    db_session.flush()
    out["donor_id"] = str(donor.id)
    return out


@pytest.fixture
def auth(tokens: dict[str, str]):
    """``auth("staff")`` -> headers carrying that role's bearer token."""

    def headers(role: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[role]}", **extra}

    return headers


@contextmanager
def count_queries(app: Flask) -> Iterator[list[str]]:
    """Collect the SQL statements run inside the block (savepoints excluded)."""
    statements: list[str] = []
    engine = get_engine(app)

    def before(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        if "SAVEPOINT" not in statement.upper():
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


@pytest.fixture
def query_counter(app: Flask):
    return lambda: count_queries(app)


def beyond_auth(statements: list[str]) -> list[str]:
    """The statements a request ran besides authenticating its token."""
    return [s for s in statements if "api_token" not in s]


@pytest.fixture
def seeded_session(seeded_app: Flask, tmp_path, monkeypatch) -> Iterator[Session]:
    """Like ``db_session``, on the seeded database: whatever the test writes is rolled back.

    PDFs rendered on the seeded app go to the test's own cache folder.
    """
    monkeypatch.setitem(seeded_app.config, "PDF_CACHE_DIR", str(tmp_path / "pdf-cache"))
    connection = get_engine(seeded_app).connect()
    outer = outer_transaction(connection)
    maker = sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    saved = (
        seeded_app.extensions["fundapp.sessionmaker"],
        seeded_app.extensions["fundapp.read_sessionmaker"],
    )
    seeded_app.extensions["fundapp.sessionmaker"] = maker
    seeded_app.extensions["fundapp.read_sessionmaker"] = maker
    session = maker()
    try:
        yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()
        seeded_app.extensions["fundapp.sessionmaker"], seeded_app.extensions["fundapp.read_sessionmaker"] = (
            saved
        )


@pytest.fixture
def seeded_client(seeded_app: Flask, seeded_session: Session) -> FlaskClient:
    return seeded_app.test_client()


@pytest.fixture
def seeded_auth(seeded_session: Session):
    """``seeded_auth("staff")`` -> headers with a token (rolled back) of the seeded demo user of that role."""
    from sqlalchemy import select

    from fundapp.auth.models import User

    def headers(role: str) -> dict[str, str]:
        user = seeded_session.scalars(select(User).where(User.role == Role(role)).order_by(User.id)).first()
        assert user is not None, f"the seed has no {role} user"
        plain, _ = issue_token(seeded_session, None, user, name="test")
        seeded_session.flush()
        return {"Authorization": f"Bearer {plain}"}

    return headers
