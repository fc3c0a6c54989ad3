"""``fundapp/db.py``: which database URLs run, and what a client is told when the database is
down or not migrated (a 503 problem, never a 500), at a cost of nothing once it is at head; and
the bulk writes (``bulk_insert``, ``new_ids``), which keep every value exactly on both engines."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from decimal import Decimal

import pytest
from flask import Flask
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    event,
    func,
    insert,
    select,
    text,
)

from fundapp import create_app, schema
from fundapp.db import (
    BULK_MIN_ROWS,
    DecimalText,
    UTCDateTime,
    bulk_add,
    bulk_insert,
    enum_type,
    get_engine,
    make_engine,
    new_ids,
    new_session,
    normalise_url,
    require_migrated_database,
    utcnow,
)
from fundapp.errors import (
    EXIT_CONFIGURATION,
    EXIT_DATABASE_UNREACHABLE,
    EXIT_NOT_MIGRATED,
    PROBLEM_TYPE,
    ConfigurationError,
    DatabaseUnreachable,
    NotMigrated,
)

from .conftest import count_queries, make_test_app
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
    monkeypatch.setattr(pdf, "_render_in_turn", lambda htmls, *args, **kwargs: [quick for _html in htmls])
    monkeypatch.setattr(pdf, "require_document_font", lambda: None)
    app = app_on(database_url)
    with app.test_request_context("/api/v1/funds/1/status.pdf", method="POST"):
        g.user = SimpleNamespace(id=1)
        get_session().execute(text("UPDATE data_version SET version = version"))  # the writer lock
        started = time.monotonic()
        assert pdf.render_pdf("<p>-</p>") is quick
        assert time.monotonic() - started < 10  # no wait for the busy timeout


# -- bulk_insert and new_ids --------------------------------------------------------------------


class Kind(enum.StrEnum):
    PLEDGE = "pledge"
    RECEIPT_REVERSAL = "receipt_reversal"


def _probe_table() -> Table:
    """A table with a column of each type the models use, made in the test's transaction."""
    return Table(
        "bulk_probe",
        MetaData(),
        Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
        Column("amount_minor", BigInteger().with_variant(Integer(), "sqlite")),
        Column("rate", DecimalText()),
        Column("on_day", Date()),
        Column("at", UTCDateTime()),
        Column("kind", enum_type(Kind, "probe_kind")),
        Column("flag", Boolean()),
        Column("label", Text()),
        Column("data", JSON()),
        Column("recorded_at", UTCDateTime(), default=utcnow),
        Column("status", String(20), default="kept"),
    )


PROBE_ROWS = [
    {
        "amount_minor": 2**62 + 7,
        "rate": Decimal("0.000000012345678901234567890"),
        "on_day": dt.date(2016, 2, 29),
        "at": dt.datetime(
            2026, 12, 3, 23, 59, 59, 999999, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))
        ),
        "kind": Kind.RECEIPT_REVERSAL,
        "flag": True,
        "label": "tab\there, newline\nthere, a backslash \\ and \\N, « Côte d'Ivoire » 中文",
        "data": {"amount": "1250.00", "none": None, "list": [1, "é", {"n": 2}], "text": "a\tb\\c"},
    },
    {
        "amount_minor": -1,
        "rate": Decimal("-1234567.10"),
        "on_day": dt.date(1999, 12, 31),
        "at": dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        "kind": Kind.PLEDGE,
        "flag": False,
        "label": "",
        "data": [],
    },
    {
        "amount_minor": None,
        "rate": None,
        "on_day": None,
        "at": None,
        "kind": None,
        "flag": None,
        "label": None,
        "data": None,
    },
]


def _stored(session, table: Table, ids: list[int]) -> list[tuple]:
    """The rows as the database keeps them: each value as text (PostgreSQL) or as SQLite stores
    it, with SQLite's storage class."""
    columns = [c.name for c in table.columns if c.name not in ("id", "recorded_at")]
    if session.get_bind().dialect.name == "postgresql":
        shown = ", ".join(f"{name}::text" for name in columns)
    else:
        shown = ", ".join(f"typeof({name}), {name}" for name in columns)
    marks = ", ".join(str(i) for i in ids)
    return [
        tuple(row)
        for row in session.connection().exec_driver_sql(
            f"SELECT {shown} FROM bulk_probe WHERE id IN ({marks}) ORDER BY id"
        )
    ]


@pytest.mark.parametrize("copies", [1, BULK_MIN_ROWS], ids=["sqlalchemy", "driver"])
def test_bulk_insert_keeps_each_type_exactly_as_sqlalchemy_writes_it(db_session, copies):
    table = _probe_table()
    table.create(db_session.connection())
    rows = PROBE_ROWS * copies
    ids = new_ids(db_session, table, len(rows))
    before = utcnow()
    assert bulk_insert(
        db_session, table, [{"id": i, **row} for i, row in zip(ids, rows, strict=True)]
    ) == len(rows)
    # read back through the types: the very values written
    read = db_session.execute(select(table).where(table.c.id.in_(ids)).order_by(table.c.id)).mappings().all()
    assert [{k: r[k] for k in PROBE_ROWS[0]} for r in read] == rows
    assert all(before <= r["recorded_at"] <= utcnow() and r["status"] == "kept" for r in read)
    # and stored as SQLAlchemy's own INSERT stores them, to the byte
    by_sqlalchemy = db_session.execute(insert(table).returning(table.c.id), PROBE_ROWS).scalars().all()
    assert _stored(db_session, table, ids[: len(PROBE_ROWS)]) == _stored(db_session, table, by_sqlalchemy)


def test_a_bulk_insert_is_one_copy_or_one_insert_per_thousand_rows(app, db_session):
    table = _probe_table()
    table.create(db_session.connection())
    db_session.flush()
    for count in (BULK_MIN_ROWS, 5 * BULK_MIN_ROWS):
        with count_queries(app) as statements:
            bulk_insert(db_session, table, [{"label": f"row {n}"} for n in range(count)])
        assert len(statements) == 1, statements
        assert statements[0].startswith("COPY" if BACKEND == "postgresql" else "INSERT")
    # SQLite: multi-row INSERTs of SQLITE_ROWS_PER_INSERT rows, then one of the rows left
    with count_queries(app) as statements:
        bulk_insert(db_session, table, [(f"row {n}",) for n in range(2500)], columns=["label"])
    assert len(statements) == (1 if BACKEND == "postgresql" else 3), statements
    assert db_session.scalar(select(func.count()).select_from(table)) == 6 * BULK_MIN_ROWS + 2500
    # the column no row named took its default, computed once for the whole call
    assert db_session.scalar(select(func.count(func.distinct(table.c.recorded_at)))) == 3
    assert bulk_insert(db_session, table, []) == 0


def test_new_ids_are_free_and_the_tables_own_ids_continue_after_them(db_session):
    table = _probe_table()
    table.create(db_session.connection())
    db_session.execute(insert(table), [{"label": "first"}])
    (first,) = db_session.execute(select(table.c.id)).scalars()
    ids = new_ids(db_session, table, 3)
    assert ids == list(range(ids[0], ids[0] + 3))
    assert ids[0] > first
    bulk_insert(db_session, table, [{"id": i, "label": "taken"} for i in ids])
    db_session.execute(insert(table), [{"label": "after"}])
    after = db_session.scalar(select(table.c.id).where(table.c.label == "after"))
    assert after > max(ids)
    assert new_ids(db_session, table, 0) == []


@pytest.mark.parametrize("count", [3, BULK_MIN_ROWS], ids=["sqlalchemy", "driver"])
def test_bulk_add_adds_to_the_rows_there_and_creates_the_others(db_session, count):
    table = Table(
        "bulk_sums",
        MetaData(),
        Column("owner", String(16), primary_key=True),
        Column("kind", enum_type(Kind, "sums_kind"), primary_key=True),
        Column("total", BigInteger().with_variant(Integer(), "sqlite"), default=0),
        Column("count", Integer(), default=0),
    )
    table.create(db_session.connection())
    db_session.execute(insert(table), [{"owner": "o-0", "kind": Kind.PLEDGE, "total": 10, "count": 1}])
    rows = [{"owner": f"o-{n}", "kind": Kind.PLEDGE, "total": 2**40 + n, "count": -n} for n in range(count)]
    rows.append({"owner": "o-0", "kind": Kind.RECEIPT_REVERSAL, "total": -5, "count": 1})
    bulk_add(db_session, table, ("owner", "kind"), rows)
    bulk_add(db_session, table, ("owner", "kind"), rows[:2])
    kept = {(r.owner, r.kind): (r.total, r.count) for r in db_session.execute(select(table))}
    assert kept[("o-0", Kind.PLEDGE)] == (10 + 2 * 2**40, 1)
    assert kept[("o-1", Kind.PLEDGE)] == (2 * (2**40 + 1), -2)
    assert kept[("o-0", Kind.RECEIPT_REVERSAL)] == (-5, 1)
    assert len(kept) == count + 1
    assert kept[(f"o-{count - 1}", Kind.PLEDGE)] == (2**40 + count - 1, 1 - count)
