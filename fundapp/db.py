"""Database: declarative base, engine, and one session (one transaction) per request.

SQLite is the embedded default, PostgreSQL the production engine. On SQLite every write
transaction starts with ``BEGIN IMMEDIATE`` so that a check-then-write (is there money for
this grant?) cannot interleave with another writer; reads start a deferred ``BEGIN`` so
they never wait for the write lock. On PostgreSQL the services lock the row they check
(``SELECT ... FOR UPDATE``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from difflib import get_close_matches
from importlib import import_module
from itertools import chain
from operator import itemgetter
from typing import Any, TypeVar, cast

from flask import Flask, Response, current_app, g, has_request_context, request
from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import URL, Connection, CursorResult, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidRequestError, OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, QueryableAttribute, Session, sessionmaker
from sqlalchemy.sql.dml import Delete, Update
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

from . import errors, schema
from .errors import ConfigurationError, DatabaseBusy, DatabaseUnreachable, ServiceUnavailable

log = logging.getLogger(__name__)

T = TypeVar("T")
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on both engines (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        int: BigInteger().with_variant(Integer(), "sqlite"),
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
        str: String(),
    }

    def __repr__(self) -> str:
        ident = getattr(self, "id", None)
        return f"<{type(self).__name__} {ident}>"


def table_of(model: type[Base]) -> Table:
    """The Table a model maps (DeclarativeBase types ``__table__`` as any FromClause)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} maps no Table")
    return table


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def rows_matched(session: Session, statement: Update | Delete) -> int:
    """How many rows an UPDATE or DELETE (without RETURNING) matched."""
    # Session.execute returns a CursorResult for these, but is typed as returning a plain
    # Result, which has no rowcount (sqlalchemy/sqlalchemy#9185)
    result = cast("CursorResult[*tuple[Any, ...]]", session.execute(statement))
    return result.rowcount


#: From this many rows ``bulk_insert`` writes through the driver (COPY on PostgreSQL); fewer go
#: through SQLAlchemy's own executemany, as any other statement does.
BULK_MIN_ROWS = 200


#: Values per ``IN (...)`` of one statement: far below the bound parameters a statement may carry
#: (SQLite 32,766; PostgreSQL 65,535), so a transaction touching any number of rows can look them up.
IN_BATCH = 2000


def in_batches(values: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    """``values`` in lists of at most ``size`` (default ``IN_BATCH``), in order: one ``IN (...)``
    or one batch of rows each."""
    size = size or IN_BATCH
    batch: list[T] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk_insert(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]] | Sequence[Sequence[Any]],
    *,
    columns: Sequence[str] | None = None,
    prepared: Collection[str] = (),
) -> int:
    """Insert ``rows`` into ``table``, in the session's transaction, at the database's own speed;
    the number written.

    ``rows`` are mappings (values by column name, every row naming the columns the first one
    names) or, given ``columns``, tuples of values in that order (what a bulk writer builds
    cheapest). Mappings from ``BULK_MIN_ROWS`` rows, and tuples always, go through the driver:
    ``COPY ... FROM STDIN`` on PostgreSQL (an ``executemany`` below ``BULK_MIN_ROWS`` rows),
    multi-row ``INSERT``s on SQLite (as many rows per statement as its bound parameters allow).
    Each value is converted by its column's type exactly as SQLAlchemy binds it (an enum as its
    value, a ``Decimal`` as its text, a timestamp in UTC, JSON), except in the ``prepared``
    columns, whose values are given as the driver takes them (``json_text`` for JSON); a
    column the rows do not name takes its Python default, computed once for the whole call (one
    moment for every row), and the database fills the rest (an id from its sequence).
    No RETURNING: a caller that needs the new rows' ids takes them first (``new_ids``).
    """
    if not rows:
        return 0
    session.flush()
    connection = session.connection()
    if columns is None:
        mappings = cast("Sequence[Mapping[str, Any]]", rows)
        if len(rows) < BULK_MIN_ROWS:
            connection.execute(insert(table), list(mappings))
            return len(rows)
        columns = list(mappings[0])
        rows = (
            list(map(itemgetter(*columns), mappings))
            if len(columns) > 1
            else [(row[columns[0]],) for row in mappings]
        )
    dialect = connection.dialect
    named, values = _bound(dialect, table, columns, cast("Sequence[Sequence[Any]]", rows), prepared)
    preparer = dialect.identifier_preparer
    into = f"{preparer.format_table(table)} ({', '.join(preparer.quote(c.name) for c in named)})"
    if dialect.name == "postgresql":
        if len(values) >= BULK_MIN_ROWS:
            _copy(connection, f"COPY {into} FROM STDIN", values)
        else:
            marks = ", ".join(["%s"] * len(named))
            connection.exec_driver_sql(f"INSERT INTO {into} VALUES ({marks})", values)
    else:
        _insert_rows(connection, into, len(named), values)
    return len(values)


#: Most rows in one of SQLite's multi-row INSERTs (each a few hundred bytes of SQL).
SQLITE_ROWS_PER_INSERT = 1000


def _insert_rows(connection: Connection, into: str, width: int, values: list[tuple[Any, ...]]) -> None:
    """``values`` into SQLite as multi-row INSERTs: as many rows a statement as its bound
    parameters allow (32,766 since 3.32; 999 before), one statement for the rows left over."""
    driver = connection.connection.driver_connection
    limit = driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if driver is not None else 999
    per = max(1, min(SQLITE_ROWS_PER_INSERT, limit // width))
    row = "(" + ", ".join("?" * width) + ")"
    full = f"INSERT INTO {into} VALUES " + ", ".join([row] * per)
    whole = len(values) - len(values) % per
    for start in range(0, whole, per):
        connection.exec_driver_sql(full, tuple(chain.from_iterable(values[start : start + per])))
    if whole < len(values):
        rest = values[whole:]
        connection.exec_driver_sql(
            f"INSERT INTO {into} VALUES " + ", ".join([row] * len(rest)), tuple(chain.from_iterable(rest))
        )


def json_text(value: Any) -> str:
    """A JSON column's value as SQLAlchemy's JSON type binds it (``json.dumps``; None is JSON
    ``null``), for a ``prepared`` column of ``bulk_insert``."""
    return json.dumps(value)


def _bound(
    dialect: Any,
    table: Table,
    names: Sequence[str],
    rows: Sequence[Sequence[Any]],
    prepared: Collection[str] = (),
) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """The columns the rows name, then those they leave to their Python defaults, and the rows
    with each value as SQLAlchemy binds it for ``dialect`` (the ``prepared`` columns' as given)."""
    columns = [table.c[name] for name in names]
    fixed: list[Any] = []
    for column in table.columns:
        default = column.default
        if column.name in names or default is None:
            continue
        if not (default.is_scalar or default.is_callable):
            raise ValueError(f"cannot compute the default of {table.name}.{column.name} for a bulk write")
        value = default.arg(None) if default.is_callable else default.arg  # type: ignore[attr-defined]
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        columns.append(column)
        fixed.append(process(value) if process else value)
    converted: list[Any] | None = None
    for index, column in enumerate(columns[: len(names)]):
        if column.name in prepared:
            continue
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            continue
        if converted is None:
            converted = list(zip(*rows, strict=True))
        converted[index] = _converted(column, process, converted[index])
    values: list[tuple[Any, ...]]
    if converted is not None:
        values = list(zip(*converted, strict=True))
    elif rows and isinstance(rows[0], tuple):
        values = cast("list[tuple[Any, ...]]", list(rows))
    else:
        values = [tuple(row) for row in rows]
    if fixed:
        tail = tuple(fixed)
        values = [(*row, *tail) for row in values]
    return columns, values


def _converted(column: Any, process: Callable[[Any], Any], given: Sequence[Any]) -> list[Any]:
    """A column's values bound by its type: an enum's by a lookup of what its members bind to,
    a date's by a lookup of what each distinct day binds to (a day is equal to no other value
    that binds otherwise), any other's by its bind processor."""
    enum_class = getattr(column.type, "enum_class", None)
    if enum_class is not None:
        bound = {None: process(None), **{member: process(member) for member in enum_class}}
        try:
            return [bound[value] for value in given]
        except (KeyError, TypeError):
            pass  # a value no member equals: the processor says why
    elif isinstance(column.type, Date):
        days = {day: process(day) for day in set(given)}
        return list(map(days.__getitem__, given))
    return list(map(process, given))


def insert_on_conflict(dialect: str, table: Any) -> Any:
    """The ``INSERT`` of the engine's dialect, PostgreSQL's or SQLite's, which can say ``ON
    CONFLICT``. Its module is the one the engine has loaded: a worker on SQLite never loads
    PostgreSQL's dialect (some 3 MB)."""
    if dialect not in SUPPORTED_DRIVERS:
        raise ValueError(f"no INSERT ... ON CONFLICT for {dialect!r}")
    return import_module(f"sqlalchemy.dialects.{dialect}").insert(table)


def bulk_add(session: Session, table: Table, keys: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
    """Add each row's other values to those of the row of ``table`` with the same ``keys``,
    creating it first (an upsert that adds up), in the rows' order: one statement on either
    engine (from ``BULK_MIN_ROWS`` rows: PostgreSQL's ``unnest`` of one array per column, SQLite's
    ``executemany``), the hot rows it touches locked at its end of the transaction only."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    preparer = dialect.identifier_preparer
    name = preparer.format_table(table)
    sums = [c.name for c in table.columns if c.name in rows[0] and c.name not in keys]
    if len(rows) < BULK_MIN_ROWS:
        upsert: Any = insert_on_conflict(dialect.name, table).values(list(rows))
        connection.execute(
            upsert.on_conflict_do_update(
                index_elements=list(keys), set_={s: table.c[s] + upsert.excluded[s] for s in sums}
            )
        )
        return
    names = list(rows[0])
    columns, values = _bound(dialect, table, names, [tuple(row[n] for n in names) for row in rows])
    quoted = [preparer.quote(c.name) for c in columns]
    added = ", ".join(
        f"{preparer.quote(s)} = {name}.{preparer.quote(s)} + excluded.{preparer.quote(s)}" for s in sums
    )
    conflict = f"ON CONFLICT ({', '.join(preparer.quote(k) for k in keys)}) DO UPDATE SET {added}"
    if dialect.name == "postgresql":
        arrays = ", ".join(f"CAST(%s AS {c.type.compile(dialect=dialect)}[])" for c in columns)
        connection.exec_driver_sql(
            f"INSERT INTO {name} ({', '.join(quoted)}) SELECT * FROM unnest({arrays}) {conflict}",
            tuple(list(column) for column in zip(*values, strict=True)),
        )
    else:
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(
            f"INSERT INTO {name} ({', '.join(quoted)}) VALUES ({marks}) {conflict}",
            values,
        )


def _copy(connection: Connection, statement: str, rows: Iterable[Sequence[Any]]) -> None:
    """``COPY ... FROM STDIN`` of ``rows`` through psycopg, in the connection's transaction; seen
    by the engine's statement events (logs, counters) as the one statement it is."""
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        connection.dispatch.before_cursor_execute(connection, cursor, statement, (), None, False)
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
        connection.dispatch.after_cursor_execute(connection, cursor, statement, (), None, False)


def new_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` ids for new rows of ``table`` (its integer primary key ``id``), taken now, so
    that rows written in bulk can refer to each other without reading their ids back.

    PostgreSQL takes them from the column's sequence; SQLite, whose write transactions hold the
    database's one write lock from their ``BEGIN IMMEDIATE``, counts on from the largest id.
    """
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # one row: an array of the ids (thousands of rows through the result cost more than the
        # sequence does)
        taken = text(
            "SELECT array_agg(nextval(s.seq)) FROM generate_series(1, :count), "
            "(SELECT CAST(pg_get_serial_sequence(:table, 'id') AS regclass) AS seq) AS s"
        )
        name = connection.dialect.identifier_preparer.format_table(table)
        return sorted(connection.scalar(taken, {"table": name, "count": count}))
    largest = int(connection.scalar(select(func.max(table.c.id))) or 0)
    return list(range(largest + 1, largest + 1 + count))


#: The engines fundapp runs on, and the drivers it has for them (None: the URL names none).
SUPPORTED_DRIVERS = {"sqlite": (None, "pysqlite"), "postgresql": (None, "psycopg")}
SUPPORTED_URLS = "use sqlite:///path or postgresql://user@host/db"
#: What psycopg says before the reason a connection failed (the host and port are said anyway).
_PSYCOPG_PREAMBLE = re.compile(
    r"^(connection failed: )?"
    r'(connection to server (at "[^"]*"( \([^)]*\))?, port \d+|on socket "[^"]*") failed: )?'
)


def normalise_url(url: str) -> str:
    """The URL given to SQLAlchemy: ``postgres://`` and ``postgresql://`` use psycopg 3.

    Any other engine, a misspelt one or a string that is no URL is a ``ConfigurationError``.
    """
    normalised = url
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            normalised = "postgresql+psycopg://" + url[len(prefix) :]
    try:
        backend, _, driver = make_url(normalised).drivername.partition("+")
    except ArgumentError:
        raise ConfigurationError(
            f"DATABASE_URL {shown_url(url)} is not a database URL: {SUPPORTED_URLS}"
        ) from None
    if (driver or None) not in SUPPORTED_DRIVERS.get(backend, ()):
        guess = get_close_matches(backend, ["sqlite", "postgresql"], n=1, cutoff=0.7)
        hint = f" (did you mean {guess[0]}://?)" if guess and guess[0] != backend else ""
        raise ConfigurationError(f"DATABASE_URL {shown_url(url)} is not supported{hint}: {SUPPORTED_URLS}")
    return normalised


def shown_url(url: str) -> str:
    """``url`` quoted as a message may show it: the password hidden, at most 80 characters."""
    try:
        text = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        text = re.sub(r":[^:/@]*@", ":***@", url)
    return f"'{text if len(text) <= 80 else text[:79] + '…'}'"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine set up for fundapp's transaction rules on SQLite or PostgreSQL."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get("fundapp_read_only"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["fundapp.engine"] = engine
    app.extensions["fundapp.sessionmaker"] = sessionmaker(bind=engine, expire_on_commit=False)
    app.extensions["fundapp.read_sessionmaker"] = sessionmaker(
        bind=engine.execution_options(fundapp_read_only=True), expire_on_commit=False
    )
    app.extensions["fundapp.schema_at_head"] = False
    app.teardown_appcontext(_close_session)
    app.register_error_handler(DBAPIError, _database_error_to_problem)
    app.register_error_handler(InvalidRequestError, _database_error_to_problem)


def get_engine(app: Flask | None = None) -> Engine:
    engine: Engine = (app or current_app).extensions["fundapp.engine"]
    return engine


def new_session(
    app: Flask | None = None, *, read_only: bool = False, require_migrated: bool = True
) -> Session:
    """A session outside a request (CLI, tests, threads).

    Unless ``require_migrated`` is false (the health check reports the schema, it does not need
    it), the database must be at the code's head revision: see ``require_migrated_database``.
    """
    app = app or current_app
    if require_migrated:
        require_migrated_database(app)
    key = "fundapp.read_sessionmaker" if read_only else "fundapp.sessionmaker"
    maker: sessionmaker[Session] = app.extensions[key]
    return maker()


def get_session(*, require_migrated: bool = True) -> Session:
    """The request's session; reads (GET/HEAD) do not take SQLite's write lock."""
    if "db_session" not in g:
        from flask import has_request_context, request

        read_only = has_request_context() and request.method in ("GET", "HEAD", "OPTIONS")
        g.db_session = new_session(read_only=read_only, require_migrated=require_migrated)
    session: Session = g.db_session
    return session


def require_migrated_database(app: Flask | None = None) -> None:
    """Raise ``NotMigrated`` or ``DatabaseUnreachable`` unless the database is at the head revision.

    Asked of the database once per app (process): a database found at head is not asked again,
    so a request pays nothing; until then every session asks (one short read).
    """
    app = app or current_app
    if app.extensions["fundapp.schema_at_head"]:
        return
    engine = get_engine(app)
    try:
        with engine.execution_options(fundapp_read_only=True).connect() as connection:
            revision = schema.revision_of(connection)
    except DBAPIError as error:
        found = unreachable(error, engine.url)
        if found is None:
            raise
        raise found from error
    problem = schema.revision_problem(revision)
    if problem is not None:
        raise problem
    app.extensions["fundapp.schema_at_head"] = True


def database_unavailable(error: DBAPIError, app: Flask | None = None) -> ServiceUnavailable | None:
    """What a failed statement says about the database: busy, unreachable, not migrated, or None.

    A statement on a table or column that is not there counts as "not migrated" only when the
    database is indeed not at head (then the app asks again from its next session).
    """
    app = app or current_app
    engine = get_engine(app)
    if engine.url.get_backend_name() == "sqlite" and str(error.orig).startswith("database is locked"):
        return DatabaseBusy(f"SQLite's write lock was busy past the timeout ({error.orig})")
    found = unreachable(error, engine.url)
    if found is not None or not _names_missing_schema(error):
        return found
    app.extensions["fundapp.schema_at_head"] = False
    try:
        require_migrated_database(app)
    except ServiceUnavailable as problem:
        return problem
    return None


def unreachable(error: DBAPIError, url: URL) -> DatabaseUnreachable | None:
    """``error`` as ``DatabaseUnreachable`` when it says the database cannot be reached, else None."""
    reason = " ".join(str(error.orig).split("\n")[0].split())
    if url.get_backend_name() == "sqlite":
        if "unable to open database file" not in reason and not error.connection_invalidated:
            return None
        return DatabaseUnreachable(
            f"cannot open the SQLite database {url.database} ({reason}): "
            "check that its folder exists and fundapp may write there"
        )
    sqlstate = getattr(error.orig, "sqlstate", "")
    lost = sqlstate is None or sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03")
    if not (error.connection_invalidated or (isinstance(error, OperationalError) and lost)):
        return None
    reason = _PSYCOPG_PREAMBLE.sub("", reason).removeprefix("FATAL: ")
    port = url.port or 5432
    where = f"at {url.host}:{port}" if url.host else f"on the local socket (port {port})"
    return DatabaseUnreachable(
        f"cannot connect to PostgreSQL {where} ({reason}): "
        "check that the server is running and that DATABASE_URL names the right host, port and database"
    )


def _names_missing_schema(error: DBAPIError) -> bool:
    """No such table or column (SQLite's words; PostgreSQL's SQLSTATE 42P01, 42703)."""
    if getattr(error.orig, "sqlstate", None) in ("42P01", "42703"):
        return True
    text = str(error.orig)
    return text.startswith(("no such table", "no such column")) or " has no column named " in text


#: Methods whose requests write nothing, so that one whose connection was lost may run again.
_RETRIABLE_METHODS = ("GET", "HEAD")


def lost_database(error: BaseException) -> ServiceUnavailable | None:
    """The 503 for an error that is, or was caused by, a database that is down or not migrated.

    SQLAlchemy raises some errors of a lost connection later and under other names (a session
    whose connection died answers ``PendingRollbackError`` to its next statement): the chain of
    causes is followed.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DBAPIError):
            found = database_unavailable(current)
            if found is not None:
                return found
        elif isinstance(current, InvalidRequestError) and "invalid transaction" in str(current):
            # "Can't reconnect until invalid transaction is rolled back": its connection was lost
            return DatabaseUnreachable("the connection to the database was lost during the request")
        current = current.__cause__ or current.__context__
    return None


def _database_error_to_problem(error: Exception) -> Response:
    """A database that is down or not migrated is a 503; any other database error a 500.

    A read (GET, HEAD) whose connection was lost before it wrote anything is run once more, on a
    new connection (``retry_lost_connection``): the flag set here asks for it.
    """
    problem = lost_database(error)
    if problem is None:
        return errors.unexpected_to_problem(error)
    if (
        isinstance(problem, DatabaseUnreachable)
        and has_request_context()
        and request.method in _RETRIABLE_METHODS
        and not g.get("retried_lost_connection")
    ):
        g.retry_lost_connection = True
    return errors.unavailable_to_problem(problem)


def forget_request_session() -> None:
    """Drop the request's session (and the connection it lost) before the request runs again."""
    session: Session | None = g.pop("db_session", None)
    if session is not None:
        try:
            session.close()
        except DBAPIError as error:  # the connection is gone: its pool discards it
            log.info("closing a session whose connection was lost: %s", error)
    g.pop("user", None)


def _close_session(_exc: BaseException | None) -> None:
    session: Session | None = g.pop("db_session", None)
    if session is not None and not g.pop("session_outlives_request", False):
        session.close()


class _SessionStream(Iterator[T]):
    """Chunks read through a session, which closes when they end or the stream is closed."""

    def __init__(self, chunks: Iterator[T], session: Session) -> None:
        self.chunks = iter(chunks)
        self.session = session

    def __next__(self) -> T:
        try:
            return next(self.chunks)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        close = getattr(self.chunks, "close", None)
        if close is not None:
            close()
        self.session.close()


def stream_from_session(produce: Callable[[Session], Iterator[T]]) -> Iterator[T]:
    """A streamed body read through the request's session, kept open until the stream ends.

    ``produce(session)`` runs now (so a 404 it raises is answered as usual); its chunks are
    read while the body is being sent, in the transaction after the request's own. The
    session closes when the stream is exhausted or closed (a WSGI server always closes it).
    The stream holds no Flask context: ``stream_with_context`` does, and a response never
    closed then popped the context of whichever request was running when the garbage
    collector reached it.
    """
    session = get_session()
    chunks = produce(session)
    g.session_outlives_request = True
    return _SessionStream(chunks, session)


@contextmanager
def session_scope(app: Flask | None = None) -> Iterator[Session]:
    """One transaction, committed at the end or rolled back on error (CLI and scripts)."""
    session = new_session(app)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def enum_type(enum_cls: type, name: str) -> Any:
    """A string column limited to the enum's values by a named CHECK constraint."""
    from sqlalchemy import Enum

    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class DecimalText(TypeDecorator):  # type: ignore[type-arg]
    """A ``Decimal`` kept exactly as text (exchange rates): no float on SQLite."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        from decimal import Decimal

        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError("DecimalText takes Decimal values only")
        return format(value, "f")

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        from decimal import Decimal

        return None if value is None else Decimal(value)


class unindexed(FunctionElement[Any]):  # noqa: N801 - reads as the SQL it renders
    """A column SQLite may not read from an index: ``+column`` on SQLite, ``column`` elsewhere.

    SQLite's documented way to steer its planner ("disqualifying terms using unary +"). With
    statistics, SQLite satisfies ``GROUP BY contribution.donor_id`` by walking the donor index
    of the pledges and looking each pledge's receipts up: a million random reads (2.2 s at a
    million receipts). Grouping by ``+contribution.donor_id`` lets it scan the receipts and sort
    (0.4 s). PostgreSQL plans by cost with or without it.
    """

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any] | QueryableAttribute[Any]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _unindexed(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))
