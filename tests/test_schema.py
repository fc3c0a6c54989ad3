"""``fundapp/schema.py``: the planner's statistics, refreshed on demand (``fund db analyze``), and
whether a database's revision is the code's."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from fundapp import schema
from fundapp.db import get_engine, make_engine
from fundapp.errors import NotMigrated

from . import factories
from .conftest import make_test_app
from .databases import fresh_database, previous_revision


def _statistics(engine) -> int:
    """Rows of planner statistics the database holds about the fund table."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            analyzed = conn.scalar(
                text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'fund'")
            )
            return 0 if analyzed is None else 1
        if not conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")):
            return 0
        return int(conn.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'fund'")))


def test_fund_db_analyze_gives_the_planner_statistics_it_lacked(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        try:
            with Session(engine) as session, session.begin():
                factories.holder.session = session
                try:
                    factories.FundFactory()
                finally:
                    factories.holder.session = None
            assert _statistics(engine) == 0
            app = make_test_app(url)
            result = app.test_cli_runner().invoke(args=["fund", "db", "analyze"])
            assert result.exit_code == 0, result.output
            assert "statistics refreshed" in result.output
            assert _statistics(engine) >= 1  # PostgreSQL 15 and later count it at once
            get_engine(app).dispose()
        finally:
            engine.dispose()


def test_only_the_head_revision_is_without_a_problem():
    (head,) = schema.head_revisions()
    assert schema.revision_problem(head) is None
    for revision in (None, previous_revision()):
        problem = schema.revision_problem(revision)
        assert problem is not None
        assert problem.message == "database not migrated: run `flask --app wsgi fund migrate`"
        assert problem.detail == "database not migrated: run `flask fund migrate`"


def test_a_revision_this_code_does_not_know_is_not_answered_with_run_migrate():
    problem = schema.revision_problem("abcdef123456")
    assert problem is not None
    assert problem.message == (
        "database at revision abcdef123456, which this version of fundapp does not know: "
        "run the version that migrated it"
    )
    assert "migrate`" not in problem.message


def test_the_revision_is_read_without_loading_alembic(tmp_path):
    # in a process of its own: this one has loaded Alembic to migrate
    with fresh_database(tmp_path) as url:
        script = (
            "import sys\n"
            "from fundapp import schema\n"
            "from fundapp.db import make_engine\n"
            f"revision = schema.current_revision(make_engine({url!r}))\n"
            "print(revision, schema.revision_problem(revision), 'alembic' in sys.modules)\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [schema.HEAD_REVISION, "None", "False"]


def test_a_database_at_several_revisions_at_once_is_not_at_head(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                connection.execute(
                    text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": previous_revision()}
                )
            with engine.connect() as connection, pytest.raises(NotMigrated) as raised:
                schema.revision_of(connection)
        finally:
            engine.dispose()
    assert raised.value.message == (
        f"database at revisions {', '.join(sorted([schema.HEAD_REVISION, previous_revision()]))} at once: "
        "fundapp's migrations have one head"
    )


def test_an_empty_database_has_no_revision_rather_than_an_error(tmp_path):
    with fresh_database(tmp_path, migrate=False) as url:
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                assert schema.revision_of(connection) is None
            assert schema.current_revision(engine) is None
        finally:
            engine.dispose()
