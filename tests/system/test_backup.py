"""Backup and restore: a round trip preserves every row, and a restore never mixes data."""

import datetime as dt
import gzip
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from fundapp.audit import AuditEvent
from fundapp.auth.models import ApiToken, User
from fundapp.books import queries as book_queries
from fundapp.books import services as funds
from fundapp.books.support import support_costs_minor
from fundapp.calls.models import Call
from fundapp.db import Base, get_engine, make_engine
from fundapp.funds.models import Fund
from fundapp.grants.models import Grant
from fundapp.system.backup import BackupError, restore_backup, write_backup

from .. import factories
from ..conftest import make_test_app
from ..databases import BACKEND, fresh_database

USD = 100  # cents per dollar


def all_rows(engine):
    import fundapp.models  # noqa: F401

    with engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
            if table.info.get("backup", True)  # not data_version: the target's own triggers advance it
        }


def build_some_history(engine):
    with Session(engine) as session:
        factories.holder.session = session
        try:
            receipt = factories.ReceiptFactory(currency="EUR", contribution__currency="EUR")
            factories.GrantFactory(fund_id=receipt.fund_id)
            factories.UserFactory()
            session.commit()
        finally:
            factories.holder.session = None


def test_backup_round_trip_into_an_empty_database_preserves_every_row(tmp_path):
    with fresh_database(tmp_path) as source_url, fresh_database(tmp_path) as target_url:
        source, target = make_engine(source_url), make_engine(target_url)
        build_some_history(source)
        path = tmp_path / "fund.jsonl.gz"
        written = write_backup(source, path)
        restored = restore_backup(target, path)
        assert written == {name: count for name, count in written.items()}
        assert {k: v for k, v in restored.items() if v} == {k: v for k, v in written.items() if v}
        assert all_rows(target) == all_rows(source)
        source.dispose()
        target.dispose()


def test_restore_refuses_a_database_that_already_holds_data(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        build_some_history(engine)
        path = tmp_path / "fund.jsonl.gz"
        write_backup(engine, path)
        before = all_rows(engine)
        with pytest.raises(BackupError, match="not empty"):
            restore_backup(engine, path)
        assert all_rows(engine) == before
        engine.dispose()


def test_restore_refuses_a_backup_from_another_schema_revision(tmp_path):
    path = tmp_path / "old.jsonl.gz"
    with gzip.open(path, "wt") as out:
        out.write(
            json.dumps({"format": "fundapp-backup", "version": 1, "revision": "0000", "tables": []}) + "\n"
        )
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        with pytest.raises(BackupError, match="revision 0000"):
            restore_backup(engine, path)
        engine.dispose()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    path = tmp_path / "junk.gz"
    path.write_bytes(b"not gzip at all")
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        with pytest.raises(BackupError, match="not a fundapp backup"):
            restore_backup(engine, path)
        engine.dispose()


def test_a_backup_header_counts_the_rows_and_a_restore_refuses_a_file_cut_short(tmp_path):
    with fresh_database(tmp_path) as source_url, fresh_database(tmp_path) as target_url:
        source, target = make_engine(source_url), make_engine(target_url)
        build_some_history(source)
        path = tmp_path / "fund.jsonl.gz"
        written = write_backup(source, path)
        with gzip.open(path, "rt", encoding="utf-8") as backup:
            lines = backup.read().splitlines()
        assert json.loads(lines[0])["rows"] == written
        cut = tmp_path / "cut.jsonl.gz"
        with gzip.open(cut, "wt", encoding="utf-8") as out:
            out.write("\n".join(lines[:-1]) + "\n")
        with pytest.raises(BackupError, match="does not hold the rows its header counts"):
            restore_backup(target, cut)
        assert not any(all_rows(target).values())  # all or nothing
        source.dispose()
        target.dispose()


def test_backup_and_restore_report_progress_over_every_row(tmp_path):
    with fresh_database(tmp_path) as source_url, fresh_database(tmp_path) as target_url:
        source, target = make_engine(source_url), make_engine(target_url)
        build_some_history(source)
        path = tmp_path / "fund.jsonl.gz"
        seen: list[tuple[str, int, list[int]]] = []

        def progress(phase: str, total: int):
            steps: list[int] = []
            seen.append((phase, total, steps))
            return steps.append

        written = write_backup(source, path, progress=progress)
        restore_backup(target, path, progress=progress)
        rows = sum(written.values())
        assert [(phase, total, sum(steps)) for phase, total, steps in seen] == [
            ("writing", rows, rows),
            ("restoring", rows, rows),
        ]
        source.dispose()
        target.dispose()


# --- the seeded fund, through the CLI, on each engine and across engines ------------------------

MID_2015 = dt.date(2015, 6, 30)
MARCH_2019 = dt.date(2019, 3, 31)


def fund_figures(engine) -> dict:
    """The totals a restore must keep: received to the reports' dates, grants per cycle, position."""
    with Session(engine) as session:
        fund_id = session.scalar(select(Fund.id).where(Fund.code == "UNVTF"))
        per_cycle = session.execute(
            select(Call.cycle_label, func.count(Grant.id), func.sum(Grant.amount_minor))
            .join(Grant, Grant.call_id == Call.id)
            .where(Call.fund_id == fund_id)
            .group_by(Call.cycle_label)
            .order_by(Call.cycle_label)
        ).all()
        return {
            "received_to_mid_2015": book_queries.received_minor(session, fund_id, MID_2015),
            "received_to_march_2019": book_queries.received_minor(session, fund_id, MARCH_2019),
            "grants_per_cycle": [(label, count, int(total)) for label, count, total in per_cycle],
            "received": book_queries.received_minor(session, fund_id),
            "committed": book_queries.committed_minor(session, fund_id),
            "uncommitted": funds.available_now_minor(session, fund_id),
        }


@contextmanager
def cli_on(url: str) -> Iterator:
    """``fund ...`` as a user runs it (``flask --app wsgi fund ...``) against ``url``."""
    app = make_test_app(url)
    runner = app.test_cli_runner()

    def fund(*args: str) -> str:
        result = runner.invoke(args=["fund", *args])
        assert result.exit_code == 0, (args, result.output, result.exception)
        return result.output

    try:
        yield fund
    finally:
        get_engine(app).dispose()


@contextmanager
def sqlite_database(tmp_path) -> Iterator[str]:
    """An empty SQLite file whatever the run's engine (for the cross-engine round trips)."""
    yield f"sqlite:///{tmp_path / f'fundapp-{uuid.uuid4().hex[:8]}.sqlite3'}"


def round_trip_through_the_cli(source_url: str, target_url: str, path) -> tuple:
    """Source: ``fund seed``, ``fund backup -o FILE``. Target: ``fund migrate``, ``fund restore FILE``."""
    with cli_on(source_url) as fund:
        fund("seed")
        written = fund("backup", "-o", str(path))
    with cli_on(target_url) as fund:
        fund("migrate")
        restored = fund("restore", str(path))
    return written, restored


def assert_same_fund(source_url: str, target_url: str) -> dict:
    source, target = make_engine(source_url), make_engine(target_url)
    try:
        rows = all_rows(source)
        assert all_rows(target) == rows
        assert sum(len(r) for r in rows.values()) > 4000  # the whole seed, not an empty shell
        figures = fund_figures(source)
        assert fund_figures(target) == figures
        return figures
    finally:
        source.dispose()
        target.dispose()


def test_a_seeded_fund_survives_backup_and_restore_through_the_cli_row_for_row(tmp_path):
    with fresh_database(tmp_path, migrate=False) as source, fresh_database(tmp_path, migrate=False) as target:
        written, restored = round_trip_through_the_cli(source, target, tmp_path / "unvtf.jsonl.gz")
        n_written, n_restored = int(written.split()[0]), int(restored.split()[0])
        assert n_written == n_restored
        figures = assert_same_fund(source, target)
    # the UN reports' figures, still there after the restore
    assert figures["received_to_mid_2015"] == 2_000_000 * USD
    assert 6_650_000 * USD <= figures["received_to_march_2019"] < 6_750_000 * USD
    assert [(label, count) for label, count, _ in figures["grants_per_cycle"]] == [
        ("1", 11),
        ("2", 21 + 3),  # three of the reserve list funded in 2016
        ("3", 15),  # sixteen recommended, one approval withheld
    ]
    assert figures["grants_per_cycle"][0][2] == 745_600 * USD  # "quelque 750 000 dollars"
    # what new grants may use: received less what is committed and its support costs (13 per cent)
    support = support_costs_minor(figures["committed"], 1300)
    assert figures["uncommitted"] == figures["received"] - figures["committed"] - support >= 0


@pytest.mark.skipif(BACKEND != "postgresql", reason="needs PostgreSQL: set FUNDAPP_TEST_DATABASE_URL")
@pytest.mark.parametrize("direction", ["sqlite-to-postgresql", "postgresql-to-sqlite"])
def test_a_seeded_fund_moves_between_sqlite_and_postgresql_through_the_cli(tmp_path, direction):
    with sqlite_database(tmp_path) as lite, fresh_database(tmp_path, migrate=False) as pg:
        source, target = (lite, pg) if direction == "sqlite-to-postgresql" else (pg, lite)
        round_trip_through_the_cli(source, target, tmp_path / "unvtf.jsonl.gz")
        assert_same_fund(source, target)
        # the moved database takes new records: its id sequences follow the restored ids
        restored_max = highest_ids(target)
        with cli_on(target) as fund:
            fund(
                "users",
                "create",
                "--email",
                "after-move@fund.example",
                "--name",
                "After",
                "--role",
                "staff",
                "--fund",
                "UNVTF",
            )
            fund("tokens", "issue", "--email", "after-move@fund.example", "--name", "after the move")
        after = highest_ids(target)
        assert after[User] == restored_max[User] + 1
        assert after[ApiToken] == restored_max[ApiToken] + 1
        assert after[AuditEvent] > restored_max[AuditEvent]


def highest_ids(url: str) -> dict:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return {
                model: session.scalar(select(func.coalesce(func.max(model.id), 0)))
                for model in (User, ApiToken, AuditEvent)
            }
    finally:
        engine.dispose()


def test_a_backup_is_one_snapshot_and_does_not_block_writers_meanwhile(tmp_path):
    """A write committed while the backup runs is not half in it (one snapshot) and is not held up."""
    with fresh_database(tmp_path) as url, fresh_database(tmp_path) as target_url:
        engine, target = make_engine(url), make_engine(target_url)
        build_some_history(engine)
        before = {name: len(rows) for name, rows in all_rows(engine).items()}
        if url.startswith("sqlite"):  # a writer that gives up after 2 s instead of fundapp's 30
            writer = create_engine(url, connect_args={"timeout": 2})
        else:
            writer = make_engine(url)
        written_meanwhile = []

        def write_once_the_backup_has_begun(_phase: str, _total: int):
            def advance(_rows: int) -> None:
                if not written_meanwhile:
                    build_some_history(writer)  # a new fund, donor, receipt and grant, committed
                    written_meanwhile.append(True)

            return advance

        try:
            written = write_backup(
                engine, tmp_path / "live.jsonl.gz", progress=write_once_the_backup_has_begun
            )
            assert written_meanwhile
            assert written == before  # the database as it was when the backup began
            assert {n: len(r) for n, r in all_rows(engine).items()} != before  # the write did commit
            restore_backup(target, tmp_path / "live.jsonl.gz")
            assert {n: len(r) for n, r in all_rows(target).items()} == before
        finally:
            writer.dispose()
            engine.dispose()
            target.dispose()


def test_backup_and_restore_on_an_empty_database_say_run_migrate_and_exit_6(tmp_path):
    with fresh_database(tmp_path) as source, fresh_database(tmp_path, migrate=False) as empty:
        with cli_on(source) as fund:
            fund("backup", "-o", str(tmp_path / "fund.jsonl.gz"))
        app = make_test_app(empty)
        try:
            runner = app.test_cli_runner()
            for command in (
                ["backup", "-o", str(tmp_path / "x.jsonl.gz")],
                ["restore", str(tmp_path / "fund.jsonl.gz")],
            ):
                result = runner.invoke(args=["fund", *command])
                assert result.exit_code == 6, result.output
                assert result.output == "Error: database not migrated: run `flask --app wsgi fund migrate`\n"
        finally:
            get_engine(app).dispose()
