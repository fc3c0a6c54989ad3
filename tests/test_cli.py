"""``fundapp/cli.py``: a ``fund`` command on a database that is down or not migrated ends with one
line saying what to do and an exit code of its own, never a traceback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from flask import Flask

from fundapp import schema
from fundapp.db import get_engine, make_engine
from fundapp.resources import MIGRATIONS_DIR

from .conftest import make_test_app
from .databases import fresh_database, previous_revision, unreachable_postgresql_url

NOT_MIGRATED = "Error: database not migrated: run `flask --app wsgi fund migrate`"


@pytest.fixture
def fund_on() -> Iterator:
    """``fund_on(url)(*args)``: run ``fund ARGS`` on ``url`` as a user would; the click result."""
    made: list[Flask] = []

    def on(url: str):
        made.append(make_test_app(url))
        runner = made[-1].test_cli_runner()
        return lambda *args: runner.invoke(args=["fund", *args])

    yield on
    for app in made:
        get_engine(app).dispose()


def one_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert "Traceback" not in output
    return lines[0]


COMMANDS_NEEDING_THE_SCHEMA = [
    ("users", "list"),
    ("tokens", "list", "--email", "admin@fund.example"),
    ("board", "expire-reserve"),
    ("report", "cycle", "2", "-o", "{tmp}/cycle.pdf"),
    ("report", "status", "-o", "{tmp}/status.html"),
    ("backup", "-o", "{tmp}/fund.jsonl.gz"),
    ("db", "check"),
]


@pytest.mark.parametrize("command", COMMANDS_NEEDING_THE_SCHEMA, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_an_empty_database_says_run_migrate_and_exits_6(fund_on, tmp_path, command):
    with fresh_database(tmp_path, migrate=False) as url:
        result = fund_on(url)(*(arg.format(tmp=tmp_path) for arg in command))
        assert result.exit_code == 6
        assert one_line(result.output) == NOT_MIGRATED


def test_a_command_on_a_database_one_migration_behind_says_run_migrate(fund_on, tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        engine = make_engine(url)
        schema.upgrade(engine, previous_revision())
        engine.dispose()
        result = fund_on(url)("users", "list")
        assert result.exit_code == 6
        assert one_line(result.output) == NOT_MIGRATED


def test_migrate_needs_no_migrated_database_and_the_next_command_then_runs(fund_on, tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        fund = fund_on(url)
        migrated = fund("migrate")
        assert migrated.exit_code == 0, migrated.output
        assert migrated.output.startswith("database at revision ")
        listed = fund("users", "list")
        assert listed.exit_code == 0, listed.output


@pytest.mark.parametrize("command", [("migrate",), ("users", "list"), ("db", "check")], ids=" ".join)
def test_an_unreachable_postgresql_ends_a_command_with_its_host_and_port_and_exit_5(fund_on, command):
    url = unreachable_postgresql_url()
    result = fund_on(url)(*command)
    assert result.exit_code == 5
    port = url.split(":")[-1].split("/")[0]
    assert one_line(result.output) == (
        f"Error: cannot connect to PostgreSQL at 127.0.0.1:{port} (Connection refused): check that the "
        "server is running and that DATABASE_URL names the right host, port and database"
    )


def test_a_connection_lost_after_the_check_still_ends_with_one_line_and_exit_5():
    app = make_test_app(unreachable_postgresql_url())
    try:
        app.extensions["fundapp.schema_at_head"] = True  # as when it went down after the check
        result = app.test_cli_runner().invoke(args=["fund", "users", "list"])
    finally:
        get_engine(app).dispose()
    assert result.exit_code == 5
    assert one_line(result.output).startswith("Error: cannot connect to PostgreSQL at 127.0.0.1:")


def test_an_unknown_revision_to_downgrade_to_is_one_line_not_a_traceback(fund_on, tmp_path):
    with fresh_database(tmp_path) as url:
        result = fund_on(url)("db", "downgrade", "nonsense")
        assert result.exit_code == 1, result.exception
        assert one_line(result.output) == "Error: Can't locate revision identified by 'nonsense'"


def test_a_new_migration_names_the_head_revision_the_code_must_then_record(fund_on, tmp_path, monkeypatch):
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    schema.alembic_script.cache_clear()
    try:
        with fresh_database(tmp_path) as url:
            result = fund_on(url)("db", "revision", "-m", "nothing new")
            assert result.exit_code == 0, result.output
        versions = (migrations / "versions").glob("*.py")
        (written,) = [v for v in versions if not (MIGRATIONS_DIR / "versions" / v.name).exists()]
    finally:
        schema.alembic_script.cache_clear()
    revision = written.name.split("_")[1]
    assert f"migration {revision} written" in result.output
    assert f"set HEAD_REVISION = {revision!r} in fundapp/schema.py" in result.output
    assert f"down_revision: str | None = {schema.HEAD_REVISION!r}" in written.read_text()


def test_fund_help_lists_the_exit_codes(runner):
    result = runner.invoke(args=["fund", "--help"])
    assert result.exit_code == 0
    for line in (
        "4  DATABASE_URL is not supported",
        "5  the database cannot be reached",
        "6  the database is not migrated: run `flask --app wsgi fund migrate`",
        "7  the fonts of the documents are missing (Debian: fonts-dejavu-core)",
    ):
        assert line in result.output
