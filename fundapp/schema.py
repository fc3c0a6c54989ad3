"""Run the Alembic migrations from the app (CLI, seed, tests), and tell whether a database is at
the code's head revision."""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from .errors import NotMigrated
from .resources import MIGRATIONS_DIR


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    config.attributes["engine"] = engine
    return config


@cache
def alembic_script() -> ScriptDirectory:
    """The migrations, read once per process (they do not change under a running app)."""
    return ScriptDirectory.from_config(alembic_config())


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return revision_of(connection)


def revision_of(connection: Connection) -> str | None:
    """The database's revision; None when it was never migrated (no ``alembic_version`` table)."""
    return MigrationContext.configure(connection).get_current_revision()


def head_revisions(engine: Engine | None = None) -> tuple[str, ...]:
    """The code's head revision(s); ``engine`` is not needed (the heads are the code's)."""
    return tuple(alembic_script().get_heads())


def revision_problem(revision: str | None) -> NotMigrated | None:
    """None when ``revision`` is the code's head; otherwise what is wrong and what to do."""
    if revision in head_revisions():
        return None
    if revision is not None:
        try:
            alembic_script().get_revision(revision)
        except CommandError:
            return NotMigrated(
                f"database at revision {revision}, which this version of fundapp does not know: "
                "run the version that migrated it",
                "database migrated by a newer version of fundapp",
            )
    return NotMigrated()


def autogenerate_revision(engine: Engine, message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)


def check(engine: Engine) -> None:
    """Raise when the models and the migrated database differ."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.check(config)


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics (``ANALYZE``), as after a bulk load.

    PostgreSQL's autovacuum does this on its own in time; SQLite never does, and without
    statistics it may start a join from the wrong table (a call's beneficiaries read through
    every accepted report instead of the call's grants).
    """
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
