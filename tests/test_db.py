"""``fundapp/db.py``: which database URLs run, and what a client is told when the database is
down or not migrated (a 503 problem, never a 500), at a cost of nothing once it is at head."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import event, text

from fundapp import create_app, schema
from fundapp.db import get_engine, make_engine, new_session, normalise_url, require_migrated_database
from fundapp.errors import (
    EXIT_CONFIGURATION,
    EXIT_DATABASE_UNREACHABLE,
    EXIT_NOT_MIGRATED,
    PROBLEM_TYPE,
    ConfigurationError,
    DatabaseUnreachable,
    NotMigrated,
)

from .conftest import make_test_app
from .databases import BACKEND, fresh_database, previous_revision, unreachable_postgresql_url

USE = "use sqlite:///path or postgresql://user@host/db"


@pytest.fixture
def app_on() -> Iterator:
    """``app_on(url)``: a test app on ``url``, its engine disposed after the test."""
    made: list[Flask] = []

    def build(url: str) -> Flask:
        made.append(make_test_app(url))
        return made[-1]

    yield build
    for app in made:
        get_engine(app).dispose()


# -- DATABASE_URL ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "given"),
    [
        ("sqlite:///instance/fund.sqlite3", "sqlite:///instance/fund.sqlite3"),
        ("sqlite://", "sqlite://"),
        ("postgres://u@h/fund", "postgresql+psycopg://u@h/fund"),
        ("postgresql://u:pw@h:5433/fund", "postgresql+psycopg://u:pw@h:5433/fund"),
        ("postgresql+psycopg://u@h/fund", "postgresql+psycopg://u@h/fund"),
    ],
)
def test_sqlite_and_postgresql_urls_are_accepted_and_postgresql_ones_use_psycopg_3(url, given):
    assert normalise_url(url) == given


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://u@h/fund", "DATABASE_URL 'mysql://u@h/fund' is not supported: " + USE),
        (
            "postgresq://u@h/fund",
            "DATABASE_URL 'postgresq://u@h/fund' is not supported (did you mean postgresql://?): " + USE,
        ),
        (
            "sqlit:///fund.db",
            "DATABASE_URL 'sqlit:///fund.db' is not supported (did you mean sqlite://?): " + USE,
        ),
        (
            "postgresql+psycopg2://u@h/fund",
            "DATABASE_URL 'postgresql+psycopg2://u@h/fund' is not supported: " + USE,
        ),
        ("garbage", "DATABASE_URL 'garbage' is not a database URL: " + USE),
    ],
    ids=["mysql", "misspelt-postgresql", "misspelt-sqlite", "another-driver", "not-a-url"],
)
def test_an_unsupported_or_misspelt_database_url_is_one_line_saying_what_to_use(url, expected):
    with pytest.raises(ConfigurationError) as raised:
        normalise_url(url)
    assert raised.value.message == expected
    assert raised.value.exit_code == EXIT_CONFIGURATION == 4


@pytest.mark.parametrize("url", ["mysql://fund:s3cret@h/fund", "postgresql//fund:s3cret@h/fund"])
def test_a_refused_url_never_shows_its_password(url):
    with pytest.raises(ConfigurationError) as raised:
        normalise_url(url)
    assert "s3cret" not in raised.value.message
    assert "fund:***@h" in raised.value.message


def test_the_app_is_not_built_on_an_unsupported_database_url():
    with pytest.raises(ConfigurationError, match="DATABASE_URL 'mysql://u@h/fund' is not supported"):
        create_app({"DATABASE_URL": "mysql://u@h/fund"})


# -- unreachable ----------------------------------------------------------------------------


def test_a_refused_postgresql_connection_names_the_host_port_and_reason(app_on):
    url = unreachable_postgresql_url()
    app = app_on(url)
    with pytest.raises(DatabaseUnreachable) as raised:
        require_migrated_database(app)
    port = get_engine(app).url.port
    assert raised.value.message == (
        f"cannot connect to PostgreSQL at 127.0.0.1:{port} (Connection refused): check that the server "
        "is running and that DATABASE_URL names the right host, port and database"
    )
    assert raised.value.exit_code == EXIT_DATABASE_UNREACHABLE == 5
    assert str(port) not in raised.value.detail  # clients are not told where the database is


def test_a_sqlite_file_in_a_missing_folder_is_unreachable_not_a_crash(app_on, tmp_path):
    app = app_on(f"sqlite:///{tmp_path / 'no-such-folder' / 'fund.sqlite3'}")
    with pytest.raises(DatabaseUnreachable, match="cannot open the SQLite database .*no-such-folder"):
        require_migrated_database(app)


def test_an_unreachable_database_answers_503_problem_with_retry_after(app_on):
    client = app_on(unreachable_postgresql_url()).test_client()
    for response in (
        client.get("/api/v1/public/totals"),
        client.get("/api/v1/calls", headers={"Authorization": "Bearer some-token"}),
    ):
        assert response.status_code == 503
        assert response.mimetype == PROBLEM_TYPE
        assert response.headers["Retry-After"] == "30"
        assert response.get_json()["detail"] == "the database cannot be reached: try again later"


def test_a_database_lost_after_the_check_answers_503_not_500(app_on):
    app = app_on(unreachable_postgresql_url())
    app.extensions["fundapp.schema_at_head"] = True  # as when it went down after the first request
    response = app.test_client().get("/api/v1/public/totals")
    assert response.status_code == 503
    assert response.get_json()["detail"] == "the database cannot be reached: try again later"


def test_liveness_answers_whatever_the_state_of_the_database(app_on):
    response = app_on(unreachable_postgresql_url()).test_client().get("/api/v1/health/live")
    assert response.status_code == 200


# -- not migrated ---------------------------------------------------------------------------


def test_an_empty_database_answers_503_problem_saying_run_migrate(app_on, tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        client = app_on(url).test_client()
        for response in (
            client.get("/api/v1/public/totals"),
            client.get("/api/v1/calls", headers={"Authorization": "Bearer some-token"}),
            client.post("/api/v1/auth/login", json={"email": "a@fund.example", "password": "x" * 12}),
        ):
            assert response.status_code == 503, response.get_data(as_text=True)
            assert response.mimetype == PROBLEM_TYPE
            assert response.get_json()["detail"] == "database not migrated: run `flask fund migrate`"


def test_a_database_one_migration_behind_answers_503_saying_run_migrate(app_on, tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        engine = make_engine(url)
        schema.upgrade(engine, previous_revision())
        engine.dispose()
        response = app_on(url).test_client().get("/api/v1/public/totals")
        assert response.status_code == 503
        assert response.get_json()["detail"] == "database not migrated: run `flask fund migrate`"


def test_the_schema_is_asked_until_it_is_at_head_then_never_again(app_on, tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        app = app_on(url)
        engine = get_engine(app)
        with pytest.raises(NotMigrated) as raised:
            new_session(app).close()
        assert raised.value.exit_code == EXIT_NOT_MIGRATED == 6
        assert raised.value.message == "database not migrated: run `flask --app wsgi fund migrate`"
        schema.upgrade(engine)  # no restart: the next session finds the head
        new_session(app).close()
        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            for _ in range(3):
                new_session(app).close()
            assert app.test_client().get("/api/v1/public/totals").status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        assert not [s for s in statements if "alembic_version" in s or "sqlite_master" in s]


def test_a_database_emptied_under_a_running_app_answers_503_not_500_and_recovers(app_on, tmp_path):
    with fresh_database(tmp_path) as url:
        app = app_on(url)
        client = app.test_client()
        assert client.get("/api/v1/public/totals").status_code == 200  # found at head, not asked again
        schema.downgrade(get_engine(app), "base")
        response = client.get("/api/v1/public/totals")
        assert response.status_code == 503
        assert response.get_json()["detail"] == "database not migrated: run `flask fund migrate`"
        schema.upgrade(get_engine(app))
        assert client.get("/api/v1/public/totals").status_code == 200


def test_another_database_error_is_still_a_500_and_not_called_unavailable(app, db_session, monkeypatch):
    from fundapp.totals import services as totals

    def broken(session, *args, **kwargs):
        session.execute(text("SELECT no_such_function_anywhere()"))

    monkeypatch.setattr(totals, "public_totals", broken)
    response = app.test_client().get("/api/v1/public/totals")
    assert response.status_code == 500
    assert response.get_json()["detail"] == "an unexpected error occurred"


# -- a connection lost in flight -------------------------------------------------------------


def _lost_connection() -> Exception:
    from sqlalchemy.exc import OperationalError

    return OperationalError(
        "SELECT 1", {}, Exception("server closed the connection unexpectedly"), connection_invalidated=True
    )


@pytest.fixture
def public_totals_failing(monkeypatch):
    """``public_totals_failing(n)``: the public totals' service loses its connection ``n`` times."""
    import fundapp.totals.services as totals

    real, calls = totals.public_totals, []

    def arm(times: int) -> list:
        def flaky(session, query):
            calls.append(1)
            if len(calls) <= times:
                raise _lost_connection()
            return real(session, query)

        monkeypatch.setattr(totals, "public_totals", flaky)
        return calls

    return arm


def test_a_read_whose_connection_was_lost_in_flight_runs_once_more_and_answers(
    app_on, database_url, public_totals_failing
):
    calls = public_totals_failing(1)
    response = app_on(database_url).test_client().get("/api/v1/public/totals")
    assert response.status_code == 200, response.get_json()
    assert len(calls) == 2


def test_a_read_that_loses_its_connection_twice_answers_503_with_retry_after(
    app_on, database_url, public_totals_failing
):
    calls = public_totals_failing(5)
    response = app_on(database_url).test_client().get("/api/v1/public/totals")
    assert response.status_code == 503
    assert response.mimetype == PROBLEM_TYPE
    assert response.headers["Retry-After"] == "30"
    assert len(calls) == 2  # tried once more, not again and again


def test_a_write_whose_connection_was_lost_is_not_run_again(app_on, database_url, monkeypatch):
    import fundapp.auth.services as auth_services

    calls = []

    def lost(*_args, **_kwargs):
        calls.append(1)
        raise _lost_connection()

    monkeypatch.setattr(auth_services, "login", lost)
    response = (
        app_on(database_url)
        .test_client()
        .post("/api/v1/auth/login", json={"email": "a@fund.example", "password": "a long passphrase"})
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert len(calls) == 1


def test_a_session_whose_connection_died_answers_503_not_500(app_on, database_url, monkeypatch):
    """SQLAlchemy answers the next statement of such a session with PendingRollbackError."""
    from sqlalchemy.exc import PendingRollbackError

    import fundapp.totals.services as totals

    def pending(session, query):
        try:
            raise _lost_connection()
        except Exception as lost:
            raise PendingRollbackError("Can't reconnect until invalid transaction is rolled back") from lost

    monkeypatch.setattr(totals, "public_totals", pending)
    response = app_on(database_url).test_client().get("/api/v1/public/totals")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"


@pytest.mark.skipif(BACKEND.startswith("postgresql"), reason="SQLite's writer lock")
def test_sqlites_writer_lock_busy_past_the_timeout_answers_503_with_retry_after(
    app_on, database_url, monkeypatch
):
    """Other writers held the lock for the whole busy timeout: nothing was written, ask again."""
    from sqlalchemy.exc import OperationalError

    import fundapp.totals.services as totals

    def locked(session, query):
        raise OperationalError("INSERT ...", {}, Exception("database is locked"))

    monkeypatch.setattr(totals, "public_totals", locked)
    response = app_on(database_url).test_client().get("/api/v1/public/totals")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.get_json()["detail"] == "the database is busy: try again shortly"


@pytest.mark.skipif(not BACKEND.startswith("postgresql"), reason="a PostgreSQL backend killed in flight")
def test_a_postgresql_backend_killed_during_a_read_is_retried_on_a_new_connection(
    app_on, database_url, monkeypatch
):
    import fundapp.totals.services as totals

    real, calls = totals.public_totals, []

    def killed_once(session, query):
        calls.append(1)
        if len(calls) == 1:
            with get_engine(app).connect() as other:  # the administrator's pg_terminate_backend
                pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
                other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
        return real(session, query)

    app = app_on(database_url)
    monkeypatch.setattr(totals, "public_totals", killed_once)
    response = app.test_client().get("/api/v1/public/totals")
    assert response.status_code == 200, response.get_json()
    assert len(calls) == 2


@pytest.mark.skipif(BACKEND.startswith("postgresql"), reason="SQLite's single writer")
def test_on_sqlite_a_render_is_admitted_at_once_after_its_request_wrote(app_on, database_url, monkeypatch):
    """The admission writes its claim in a transaction of its own; a request that had written
    (a token's last use, say) held SQLite's one writer lock, so every fresh PDF waited the whole
    busy timeout (30 s) and answered 503."""
    import time
    from types import SimpleNamespace

    from flask import g
    from sqlalchemy import text

    from fundapp import pdf
    from fundapp.db import get_session

    quick = pdf.Rendered(pdf=b"%PDF-1.7", pages=1, seconds=0.0, cpu_seconds=0.0, fetched=(), refused=())
    monkeypatch.setattr(pdf, "_render_in_turn", lambda *args, **kwargs: quick)
    monkeypatch.setattr(pdf, "require_document_font", lambda: None)
    app = app_on(database_url)
    with app.test_request_context("/api/v1/funds/1/status.pdf", method="POST"):
        g.user = SimpleNamespace(id=1)
        get_session().execute(text("UPDATE data_version SET version = version"))  # the writer lock
        started = time.monotonic()
        assert pdf.render_pdf("<p>-</p>") is quick
        assert time.monotonic() - started < 10  # no wait for the busy timeout
