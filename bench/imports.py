"""``bench/IMPORT.md``: the contributions import against its floor, and a pledge during it.

For each engine and size, on copies of one seeded database: the import (read, check, write,
commit: ``import_contributions`` as the CLI and the API run it), then its floor in the same run:
the very rows the import wrote (pledges, receipts, ledger entries, audit events), read back
from the database and written again into a fresh copy by the bare driver in one transaction,
``COPY ... FROM STDIN`` on PostgreSQL (psycopg's ``write_row``), one ``executemany`` per table
on SQLite. On PostgreSQL, a pledge (``POST /api/v1/contributions`` through the app) is timed
alone, then again and again while a 20,000-row import runs in another process, from the start
of its writing to its commit.

    python -m bench.imports                      # 10k, 20k, 50k, 100k on both engines
    python -m bench.imports --sizes 10000 --db sqlite --out /tmp/IMPORT.md
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import multiprocessing as mp
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import JSON, create_engine, func, select, text
from sqlalchemy.engine import make_url

from fundapp import create_app, schema
from fundapp.audit import AuditEvent
from fundapp.books.models import LedgerEntry
from fundapp.contributions.imports import import_contributions
from fundapp.contributions.models import Contribution, Donor, Receipt
from fundapp.db import get_engine, make_engine, new_session, table_of
from fundapp.funds.models import Fund
from fundapp.resources import SEED_DIR
from fundapp.seeding import load_seed

from .databases import staff_token
from .make_import_csv import HEADER, rows
from .report import machine, versions

SIZES = (10_000, 20_000, 50_000, 100_000)
TARGETS = {"postgresql": 2.0, "sqlite": 1.5}
#: Linear: the cost per row at the largest size within this of the smallest's.
LINEAR_MAX = 1.5
PLEDGE_ROWS = 20_000
PLEDGE_GOAL_MS = 200.0
WRITTEN = (Contribution, Receipt, LedgerEntry, AuditEvent)
OUT = Path(__file__).resolve().parent / "IMPORT.md"


def sheet(count: int) -> bytes:
    """The bench's CSV (``make_import_csv``): seeded fund and donors, 70 % received."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows(count, f"B{count}", random.Random(20100730)))
    return out.getvalue().encode()


# -- databases: one seeded template per engine, a copy per run ----------------------------------


@dataclass
class Engine:
    name: str
    pg_url: str
    folder: Path
    copies: list[str] = field(default_factory=list)

    def template_url(self) -> str:
        if self.name == "sqlite":
            return f"sqlite:///{self.folder / 'template.sqlite3'}"
        return str(make_url(self.pg_url).set(database="bulk_bench_template"))

    def make_template(self) -> None:
        if self.name == "postgresql":
            self._admin('DROP DATABASE IF EXISTS "bulk_bench_template" WITH (FORCE)')
            self._admin('CREATE DATABASE "bulk_bench_template"')
        engine = make_engine(self.template_url())
        schema.upgrade(engine)
        with new_engine_session(engine) as session:
            load_seed(session, SEED_DIR)
        engine.dispose()

    def copy(self, label: str) -> str:
        """A fresh copy of the seeded template."""
        if self.name == "sqlite":
            path = self.folder / f"{label}.sqlite3"
            source = sqlite3.connect(str(self.folder / "template.sqlite3"))
            target = sqlite3.connect(str(path))
            source.backup(target)
            source.close()
            target.close()
            url = f"sqlite:///{path}"
        else:
            name = f"bulk_bench_{label}"
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{name}" TEMPLATE "bulk_bench_template"')
            url = str(make_url(self.pg_url).set(database=name))
        self.copies.append(url)
        return url

    def drop_all(self) -> None:
        if self.name == "sqlite":
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        for url in self.copies + [self.template_url()]:
            self._admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def _admin(self, statement: str) -> None:
        admin = create_engine(
            make_url(self.pg_url).set(drivername="postgresql+psycopg", database="postgres"),
            isolation_level="AUTOCOMMIT",
        )
        with admin.connect() as conn:
            conn.execute(text(statement))
        admin.dispose()


@contextmanager
def new_engine_session(engine: Any) -> Iterator[Any]:
    from sqlalchemy.orm import Session

    with Session(engine) as session, session.begin():
        yield session


def bench_app(url: str) -> Any:
    return create_app(
        {"DATABASE_URL": url, "WRITE_DEMO_TOKENS": False, "ENV_NAME": "bench", "TOTALS_CACHE_ENTRIES": 0}
    )


# -- the import, and its floor --------------------------------------------------------------------


@dataclass
class Timed:
    seconds: float
    phases: dict[str, float]
    written: dict[str, int]


def run_import(url: str, data: bytes, on_phase: Callable[[str], None] | None = None) -> Timed:
    """``import_contributions`` and its commit, timed, with the moments its phases began."""
    app = bench_app(url)
    marks: dict[str, float] = {}

    def progress(phase: str, total: int) -> Callable[[int], None]:
        marks[phase] = time.perf_counter()
        if on_phase is not None:
            on_phase(phase)
        return lambda count: None

    with app.app_context():
        session = new_session(app)
        try:
            start = time.perf_counter()
            summary = import_contributions(session, None, data, "csv", progress=progress)
            marks["commit"] = time.perf_counter()
            session.commit()
            end = time.perf_counter()
        finally:
            session.close()
    if on_phase is not None:
        on_phase("committed")
    get_engine(app).dispose()
    phases = {
        "read and look up": marks["checking"] - start,
        "check": marks["writing"] - marks["checking"],
        "write": marks["commit"] - marks["writing"],
        "commit": end - marks["commit"],
    }
    return Timed(end - start, phases, {"rows": summary["created"], "receipts": summary["receipts"]})


def written_rows(url: str) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Each table's rows the import wrote (those after the seed's), as the bare driver reads them."""
    seeded = {model.__tablename__: _last_seeded_id(model) for model in WRITTEN}
    out = {}
    with _raw(url) as (conn, engine_name):
        for model in WRITTEN:
            table = table_of(model)
            names = [c.name for c in table.columns]
            shown = [
                f"{n}::text" if engine_name == "postgresql" and isinstance(c.type, JSON) else n
                for n, c in zip(names, table.columns, strict=True)
            ]
            cursor = conn.execute(
                f"SELECT {', '.join(shown)} FROM {table.name} WHERE id > {seeded[table.name]} ORDER BY id"
            )
            out[table.name] = (names, [tuple(row) for row in cursor.fetchall()])
    return out


_SEEDED: dict[str, int] = {}


def _last_seeded_id(model: Any) -> int:
    return _SEEDED[model.__tablename__]


def remember_seeded(url: str) -> None:
    engine = make_engine(url)
    with engine.connect() as conn:
        for model in WRITTEN:
            _SEEDED[model.__tablename__] = conn.scalar(select(func.coalesce(func.max(model.id), 0))) or 0
    engine.dispose()


@contextmanager
def _raw(url: str) -> Iterator[tuple[Any, str]]:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        conn = sqlite3.connect(parsed.database or "", isolation_level=None)
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
            conn.execute(f"PRAGMA {pragma}")
        try:
            yield conn, "sqlite"
        finally:
            conn.close()
    else:
        dsn = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn) as conn:
            yield conn, "postgresql"


def floor(url: str, tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    """The same rows written by the bare driver in one transaction: COPY, or executemany."""
    with _raw(url) as (conn, engine_name):
        start = time.perf_counter()
        if engine_name == "postgresql":
            with conn.transaction(), conn.cursor() as cursor:
                for table, (names, values) in tables.items():
                    with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                        for row in values:
                            copy.write_row(row)
        else:
            conn.execute("BEGIN IMMEDIATE")
            for table, (names, values) in tables.items():
                marks = ", ".join("?" * len(names))
                conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", values)
            conn.execute("COMMIT")
        return time.perf_counter() - start


@dataclass
class Measured:
    engine: str
    size: int
    imported: Timed
    floor_seconds: float
    rows_written: dict[str, int]

    @property
    def ratio(self) -> float:
        return self.imported.seconds / self.floor_seconds

    @property
    def write_ratio(self) -> float:
        return (self.imported.phases["write"] + self.imported.phases["commit"]) / self.floor_seconds


def measure(engine: Engine, size: int, repeat: int) -> Measured:
    """The best of ``repeat`` imports and of ``repeat`` floors, alternating, on fresh copies."""
    data = sheet(size)
    best: Timed | None = None
    best_floor = float("inf")
    counts: dict[str, int] = {}
    for attempt in range(repeat):
        url = engine.copy(f"import_{size}_{attempt}")
        timed = run_import(url, data)
        tables = written_rows(url)
        counts = {name: len(values) for name, (_names, values) in tables.items()}
        best = timed if best is None or timed.seconds < best.seconds else best
        best_floor = min(best_floor, floor(engine.copy(f"floor_{size}_{attempt}"), tables))
        print(
            f"  {engine.name} {size:,}: import {timed.seconds:.2f} s "
            f"({', '.join(f'{k} {v:.2f}' for k, v in timed.phases.items())}), floor {best_floor:.2f} s",
            flush=True,
        )
    assert best is not None
    return Measured(engine.name, size, best, best_floor, counts)


# -- a pledge during an import (PostgreSQL) ------------------------------------------------------


def _import_in_child(url: str, data: bytes, phases: Any) -> None:
    def report(phase: str) -> None:
        phases.put((phase, time.time()))

    try:
        run_import(url, data, report)
    except BaseException as exc:  # noqa: BLE001 - told to the parent
        phases.put(("error", repr(exc)))


@dataclass
class PledgeWait:
    alone_ms: float
    during_ms: list[float]
    import_seconds: float
    writing_seconds: float


def pledge_during_import(engine: Engine, rows_count: int) -> PledgeWait:
    url = engine.copy(f"pledge_{rows_count}")
    app = bench_app(url)
    token = staff_token(get_engine(app))
    with new_engine_session(get_engine(app)) as session:
        fund_id = session.scalar(select(Fund.id).where(Fund.code == "UNVTF"))
        donor_id = session.scalar(select(Donor.id).order_by(Donor.id).limit(1))
    client = app.test_client()
    serial = iter(range(1, 1_000_000))

    def pledge() -> float:
        body = {
            "fund_id": fund_id,
            "donor_id": donor_id,
            "pledged_on": "2016-03-01",
            "currency": "USD",
            "amount": f"{next(serial)}.00",
        }
        start = time.perf_counter()
        response = client.post(
            "/api/v1/contributions", json=body, headers={"Authorization": f"Bearer {token}"}
        )
        seconds = time.perf_counter() - start
        assert response.status_code == 201, response.get_json()
        return seconds * 1000

    for _ in range(3):
        pledge()  # warm-up
    alone = statistics.median(pledge() for _ in range(7))
    context = mp.get_context("spawn")
    phases = context.Queue()
    child = context.Process(target=_import_in_child, args=(url, sheet(rows_count), phases))
    started = time.time()
    child.start()
    seen: dict[str, float] = {}
    while "writing" not in seen:
        phase, at = phases.get(timeout=600)
        if phase == "error":
            raise RuntimeError(at)
        seen[phase] = at
    during = []
    while "committed" not in seen:
        during.append(pledge())
        while not phases.empty():
            phase, at = phases.get()
            if phase == "error":
                raise RuntimeError(at)
            seen[phase] = at
    child.join(timeout=600)
    get_engine(app).dispose()
    return PledgeWait(alone, during, seen["committed"] - started, seen["committed"] - seen["writing"])


# -- the report ------------------------------------------------------------------------------------


def verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def markdown(results: Sequence[Measured], pledge: PledgeWait | None, command: str, load: str) -> str:
    pg_version = None
    if any(r.engine == "postgresql" for r in results) or pledge:
        pg_version = _pg_version
    found = versions(pg_version)
    lines = [
        "# Importing contributions: the import against its floor, and a pledge during it",
        "",
        f"Written by `{command}` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC "
        f"(load average at the start: {load}).",
        "",
        "What is measured, per engine and size, each on a fresh copy of one seeded database "
        "(`fundapp.seeding.load_seed`): `import_contributions` on a CSV made by "
        "`bench/make_import_csv.py` (the seeded fund and donors by name and kind, 40 % USD, "
        "70 % received, 30 % of those in part), from the bytes to the commit, as the CLI and the "
        "API run it: read and look up, check every row (the API's schemas and rules; a row "
        "plainly written is loaded by quick loaders that give what the schemas load), write "
        "(pledges, receipts, ledger entries, audit events, built as tuples: "
        "`fundapp.db.bulk_insert`, so `COPY` on PostgreSQL and multi-row `INSERT`s on SQLite), "
        "settle the balances, commit. "
        "Its **floor**, measured in the same run: the very rows the import wrote, read back and "
        "written again into another fresh copy by the bare driver in one transaction: psycopg's "
        "`COPY ... FROM STDIN` (`write_row`) per table on PostgreSQL, sqlite3's `executemany` "
        "per table on SQLite (WAL, `synchronous = NORMAL`, foreign keys on, as the app runs it). "
        "Each figure is the best of the runs (`--repeat`); the floor's triggers and indexes are "
        "the import's.",
        "",
        "## Commands",
        "",
        "    python -m bench.imports                                  # 10k, 20k, 50k, 100k; both engines",
        "    python -m bench.imports --sizes 10000 --db sqlite --out /tmp/IMPORT.md",
        "    # PostgreSQL: --pg-url postgresql://postgres@127.0.0.1:5432/postgres (databases bulk_bench_*)",
        "",
        "The CLI runs the same import: `flask --app wsgi fund import contributions FILE --no-progress`.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in {**machine(), **found}.items()],
        "",
        "## Targets",
        "",
        "| Target | Verdict | Figures |",
        "|---|---|---|",
    ]
    for engine in ("postgresql", "sqlite"):
        mine = [r for r in results if r.engine == engine]
        if not mine:
            continue
        largest = max(mine, key=lambda r: r.size)
        worst = max(mine, key=lambda r: r.ratio)
        lines.append(
            f"| {engine}: the import within {TARGETS[engine]:g}× of its floor | "
            f"{verdict(all(r.ratio <= TARGETS[engine] for r in mine))} | "
            + "; ".join(f"{r.size:,}: {r.ratio:.2f}×" for r in mine)
            + f" (worst {worst.ratio:.2f}× at {worst.size:,}) |"
        )
        lines.append(
            f"| {engine}: its writing (write + commit) within {TARGETS[engine]:g}× of the floor | "
            f"{verdict(all(r.write_ratio <= TARGETS[engine] for r in mine))} | "
            + "; ".join(f"{r.size:,}: {r.write_ratio:.2f}×" for r in mine)
            + " |"
        )
        smallest = min(mine, key=lambda r: r.size)
        growth = (largest.imported.seconds / largest.size) / (smallest.imported.seconds / smallest.size)
        lines.append(
            f"| {engine}: linear (time per row at {largest.size:,} within {LINEAR_MAX:g}× of "
            f"{smallest.size:,}'s) | {verdict(growth <= LINEAR_MAX)} | {growth:.2f}× |"
        )
    if pledge is not None:
        worst_ms = max(pledge.during_ms) if pledge.during_ms else float("nan")
        lines.append(
            f"| postgresql: a pledge during a {PLEDGE_ROWS:,}-row import under {PLEDGE_GOAL_MS:g} ms | "
            f"{verdict(worst_ms < PLEDGE_GOAL_MS)} | worst {worst_ms:.0f} ms of {len(pledge.during_ms)} "
            f"(alone {pledge.alone_ms:.0f} ms) |"
        )
    for engine in ("postgresql", "sqlite"):
        mine = [r for r in results if r.engine == engine]
        if not mine:
            continue
        lines += [
            "",
            f"## {'PostgreSQL' if engine == 'postgresql' else 'SQLite'}",
            "",
            "| rows | import (s) | rows/s | read, look up (s) | check (s) | write (s) | commit (s) "
            "| floor (s) | import / floor | write+commit / floor "
            "| written (pledges, receipts, entries, events) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in mine:
            p = r.imported.phases
            written = ", ".join(f"{r.rows_written[m.__tablename__]:,}" for m in WRITTEN)
            lines.append(
                f"| {r.size:,} | {r.imported.seconds:.2f} | {r.size / r.imported.seconds:,.0f} | "
                f"{p['read and look up']:.2f} | {p['check']:.2f} | {p['write']:.2f} | {p['commit']:.2f} | "
                f"{r.floor_seconds:.2f} | {r.ratio:.2f}× | {r.write_ratio:.2f}× | {written} |"
            )
    if pledge is not None:
        during = sorted(pledge.during_ms)
        lines += [
            "",
            f"## A pledge during a {PLEDGE_ROWS:,}-row import (PostgreSQL)",
            "",
            "The import runs in another process (as another gunicorn worker would); from the moment "
            "it starts writing to its commit, this process posts pledges (`POST /api/v1/contributions`, "
            "Flask's test client, a committed transaction each), one after the other.",
            "",
            "| | |",
            "|---|---:|",
            f"| a pledge alone (median of 7) | {pledge.alone_ms:.0f} ms |",
            f"| pledges posted during the import's writing and commit | {len(during)} |",
            f"| their median | {statistics.median(during):.0f} ms |" if during else "| their median | – |",
            f"| the worst | {during[-1]:.0f} ms |" if during else "| the worst | – |",
            f"| the import (whole; writing to commit) | {pledge.import_seconds:.1f} s; "
            f"{pledge.writing_seconds:.1f} s |",
        ]
    return "\n".join(lines) + "\n"


_pg_version: str | None = None


def main(argv: list[str] | None = None) -> None:
    global _pg_version
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--db", default="postgresql,sqlite", help="comma-separated: postgresql,sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-pledge", action="store_true", help="skip the pledge during an import")
    parser.add_argument("--out", type=Path, default=OUT)
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    results: list[Measured] = []
    pledge = None
    for name in args.db.split(","):
        engine = Engine(name, args.pg_url, Path(tempfile.mkdtemp(prefix="bulk-bench-")))
        try:
            print(f"{name}: seeding the template", flush=True)
            engine.make_template()
            remember_seeded(engine.template_url())
            if name == "postgresql":
                dsn = make_url(args.pg_url).set(drivername="postgresql").render_as_string(False)
                with psycopg.connect(dsn) as c:
                    _pg_version = str(c.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
            for size in sizes:
                results.append(measure(engine, size, args.repeat))
            if name == "postgresql" and not args.no_pledge:
                pledge = pledge_during_import(engine, PLEDGE_ROWS)
                during = ", ".join(f"{ms:.0f}" for ms in sorted(pledge.during_ms))
                print(f"  pledge alone {pledge.alone_ms:.0f} ms, during (ms): {during}", flush=True)
        finally:
            engine.drop_all()
    command = "python -m bench.imports" + (f" {' '.join(argv)}" if argv else "")
    args.out.write_text(markdown(results, pledge, command, load), encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
