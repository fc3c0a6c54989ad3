"""Backup and restore: the whole database as one portable, gzip-compressed JSON Lines file.

The file is independent of the engine, so a SQLite backup restores into PostgreSQL and
back. It records the schema revision; a restore needs an empty database migrated to the
same revision, and inserts every table in dependency order in one transaction.

A backup of a live database reads every table in ONE read-only snapshot (PostgreSQL:
REPEATABLE READ READ ONLY; SQLite: a deferred transaction, which in WAL mode reads one
snapshot without taking the write lock), so requests committing meanwhile neither end up
half in the file (a grant without its approval would not even restore) nor wait for it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table, func, insert, select, text
from sqlalchemy.engine import Connection, Engine

from .. import (
    models,  # noqa: F401 - every table on the metadata
    schema,
)
from ..db import Base, DecimalText, UTCDateTime
from ..errors import NotMigrated
from ..services_base import Progress, no_progress

FORMAT = "fundapp-backup"
FORMAT_VERSION = 1
BATCH = 2000


class BackupError(Exception):
    """A backup that cannot be restored here; the message says why."""


def _tables() -> list[Table]:
    """Every table, but those whose rows the schema keeps itself (``info={"backup": False}``)."""
    return [t for t in Base.metadata.sorted_tables if t.info.get("backup", True)]


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _decoder(column: Any) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, UTCDateTime | DateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(v)
    if isinstance(kind, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if isinstance(kind, DecimalText):
        return lambda v: None if v is None else Decimal(v)
    return lambda v: v


def write_backup(engine: Engine, path: Path, *, progress: Progress = no_progress) -> dict[str, int]:
    """Write every row of every table to ``path``; returns the row count per table.

    The header lists the tables and their row counts in the snapshot, which a restore uses to
    show its progress and to check that it read the whole file.
    """
    counts: dict[str, int] = {}
    with _snapshot(engine) as conn, conn.begin(), gzip.open(path, "wt", encoding="utf-8") as out:
        rows = {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in _tables()}
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "revision": schema.current_revision(engine),
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "tables": [t.name for t in _tables()],
            "rows": rows,
        }
        out.write(json.dumps(header) + "\n")
        advance = progress("writing", sum(rows.values()))
        for table in _tables():
            counts[table.name] = 0
            stmt = select(table).order_by(*table.primary_key.columns)
            for row in conn.execution_options(yield_per=BATCH).execute(stmt):
                record = {key: _encode(value) for key, value in row._mapping.items()}
                out.write(json.dumps({"t": table.name, "r": record}, ensure_ascii=False) + "\n")
                counts[table.name] += 1
                advance(1)
    return counts


def _snapshot(engine: Engine) -> Connection:
    """A connection whose transaction reads the whole database as of one moment, writing nothing."""
    if engine.dialect.name == "postgresql":
        return engine.connect().execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    # fundapp's SQLite engine begins write transactions IMMEDIATE; reads begin deferred
    return engine.execution_options(fundapp_read_only=True).connect()


def _read(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as source:
        for line in source:
            yield json.loads(line)


def restore_backup(engine: Engine, path: Path, *, progress: Progress = no_progress) -> dict[str, int]:
    """Load a backup into an empty database at the backup's schema revision (all or nothing)."""
    lines = _read(path)
    try:
        header = next(lines)
    except (StopIteration, OSError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path} is not a fundapp backup") from exc
    if header.get("format") != FORMAT or header.get("version") != FORMAT_VERSION:
        raise BackupError(f"{path} is not a fundapp backup of format version {FORMAT_VERSION}")
    revision = schema.current_revision(engine)
    if revision is None:
        raise NotMigrated()
    if header["revision"] != revision:
        raise BackupError(
            f"the backup is at schema revision {header['revision']} but the database is at {revision}; "
            "migrate the database to the backup's revision first"
        )
    tables = {t.name: t for t in _tables()}
    decoders = {name: {c.name: _decoder(c) for c in t.columns} for name, t in tables.items()}
    counts: dict[str, int] = {}
    expected: dict[str, int] | None = header.get("rows")  # backups written before 0.2 have none
    advance = progress("restoring", sum(expected.values()) if expected else 0)
    with engine.begin() as conn:
        _require_empty(conn, tables.values())
        batch: list[dict[str, Any]] = []
        current: str | None = None
        for line in lines:
            name = line["t"]
            if name not in tables:
                raise BackupError(f"the backup holds an unknown table {name!r}")
            if name != current and batch:
                _flush(conn, tables[current], batch)  # type: ignore[index]
                batch = []
            current = name
            decode = decoders[name]
            batch.append({key: decode[key](value) for key, value in line["r"].items()})
            counts[name] = counts.get(name, 0) + 1
            advance(1)
            if len(batch) >= BATCH:
                _flush(conn, tables[name], batch)
                batch = []
        if batch and current is not None:
            _flush(conn, tables[current], batch)
        if expected is not None and {k: v for k, v in expected.items() if v} != counts:
            raise BackupError(f"{path} does not hold the rows its header counts: it is incomplete or altered")
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn, tables.values())
    return counts


def _require_empty(conn: Connection, tables: Any) -> None:
    for table in tables:
        if conn.scalar(select(func.count()).select_from(table)):
            raise BackupError(
                f"the database is not empty (table {table.name} has rows); restore needs an empty one"
            )


def _flush(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    conn.execute(insert(table), rows)


def _reset_sequences(conn: Connection, tables: Any) -> None:
    for table in tables:
        if "id" in table.c:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                )
            )
