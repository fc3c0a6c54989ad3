"""The benchmark's databases: one per (engine, size), migrated, generated once and reused.

SQLite files live under ``bench/data/``; PostgreSQL databases are named
``fundapp_bench_<size>`` beside the database of ``--pg-url``. A database already holding
the generated rows of its size is reused (migrations are applied first, so a new index
reaches it); ``fresh=True`` drops and regenerates it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import Engine, make_url

from fundapp import schema
from fundapp.auth.models import ApiToken, Role, User, UserFund
from fundapp.contributions.models import Contribution
from fundapp.db import make_engine, normalise_url
from fundapp.funds.models import Fund

from .generate import generate

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BENCH_EMAIL = "bench-staff@example.org"


@dataclass
class BenchDatabase:
    engine_name: str  # "sqlite" or "postgresql"
    size: int
    url: str
    token: str  # a staff bearer token
    generated_seconds: float | None  # None when an existing database was reused


def database_url(
    engine_name: str, size: int, *, pg_url: str = DEFAULT_PG_URL, label: str = "", data_dir: Path = DATA_DIR
) -> str:
    name = f"fundapp_bench_{label}{size}"
    if engine_name == "sqlite":
        data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{data_dir / f'{name}.sqlite3'}"
    if engine_name == "postgresql":
        return make_url(normalise_url(pg_url)).set(database=name).render_as_string(hide_password=False)
    raise ValueError(f"unknown database engine {engine_name!r} (sqlite or postgresql)")


def drop_database(url: str) -> None:
    if url.startswith("sqlite"):
        path = Path(make_url(url).database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    target = make_url(normalise_url(url))
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    admin.dispose()


def _create_postgres_database(url: str) -> None:
    target = make_url(normalise_url(url))
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def _generated_size(engine: Engine) -> int | None:
    """How many contributions the database holds, or None when it has no schema yet."""
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Contribution.__table__))
    except Exception:  # noqa: BLE001 - no table yet
        return None


def is_generated(url: str, size: int) -> bool:
    """Whether the database at ``url`` already holds the ``size`` generated contributions."""
    if url.startswith("sqlite") and not Path(make_url(url).database or "").exists():
        return False
    try:
        engine = make_engine(url)
    except Exception:  # noqa: BLE001 - no such database yet
        return False
    try:
        return _generated_size(engine) == size
    finally:
        engine.dispose()


def staff_token(engine: Engine) -> str:
    """A fresh bearer token for the benchmark's staff user (created on first use)."""
    users, tokens = User.__table__, ApiToken.__table__
    now = dt.datetime.now(dt.UTC)
    plain = "fa_bench_" + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        user_id = conn.scalar(select(users.c.id).where(users.c.email == BENCH_EMAIL))
        if user_id is None:
            user_id = conn.execute(
                insert(users).values(
                    email=BENCH_EMAIL,
                    name="Benchmark",
                    role=Role.STAFF,
                    active=True,
                    failed_logins=0,
                    created_at=now,
                    updated_at=now,
                )
            ).inserted_primary_key[0]
            # the benchmark's staff works for every fund of the database (its role holds for them)
            grants = UserFund.__table__
            funds = [row.id for row in conn.execute(select(Fund.__table__.c.id))]
            if funds:
                conn.execute(insert(grants), [{"user_id": user_id, "fund_id": fund_id} for fund_id in funds])
        conn.execute(
            insert(tokens).values(
                user_id=user_id,
                name="benchmark",
                token_hash=hashlib.sha256(plain.encode()).hexdigest(),
                prefix=plain[:10],
                expires_at=now + dt.timedelta(days=1),
                # recently used: authentication does not write last_used_at during the run
                last_used_at=now + dt.timedelta(hours=1),
                created_at=now,
                updated_at=now,
            )
        )
    return plain


def _has_statistics(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")))


def prepare(
    engine_name: str,
    size: int,
    *,
    pg_url: str = DEFAULT_PG_URL,
    fresh: bool = False,
    label: str = "",
    data_dir: Path = DATA_DIR,
    progress: Callable[[int], None] | None = None,
) -> BenchDatabase:
    """A migrated database holding ``size`` generated contributions, and a staff token for it.

    ``progress(rows)`` is called as batches are written (for a progress bar).
    """
    import time

    url = database_url(engine_name, size, pg_url=pg_url, label=label, data_dir=data_dir)
    if fresh:
        drop_database(url)
    if engine_name == "postgresql":
        _create_postgres_database(url)
    engine = make_engine(url)
    try:
        existing = _generated_size(engine)
        if existing not in (None, 0, size):
            engine.dispose()
            drop_database(url)
            if engine_name == "postgresql":
                _create_postgres_database(url)
            engine = make_engine(url)
            existing = None
        schema.upgrade(engine)
        seconds = None
        if not existing:
            started = time.perf_counter()
            generate(engine, size, progress or (lambda n: None))
            seconds = time.perf_counter() - started
        if engine_name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                # what autovacuum would have done by now: statistics and the visibility map
                conn.exec_driver_sql("VACUUM ANALYZE")
        elif seconds is not None or not _has_statistics(engine):
            schema.analyze(engine)  # `fund db analyze`: SQLite never gathers statistics itself
        token = staff_token(engine)
    finally:
        engine.dispose()
    return BenchDatabase(engine_name, size, url, token, seconds)
