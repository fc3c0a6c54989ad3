"""Run the Alembic migrations from the app (CLI, seed, tests), and tell whether a database is at
the code's head revision.

Alembic (some 140 modules, 10 MB of a worker's memory) is loaded only where migrations are run
or a database is found not at head: the check a serving process makes, once, is one read of
``alembic_version`` compared with ``HEAD_REVISION``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, column, inspect, select, table
from sqlalchemy.engine import Engine

from .errors import NotMigrated
from .resources import MIGRATIONS_DIR

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

#: The newest migration's revision, the one a database must be at. A new migration changes it
#: (``tests/test_migrations.py`` proves it is Alembic's one head), so that two branches that
#: each add a migration conflict here instead of leaving two heads.
HEAD_REVISION = "7b2d4f9e1c63"

_VERSION_TABLE = "alembic_version"
_versions = table(_VERSION_TABLE, column("version_num"))


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    config.attributes["engine"] = engine
    return config


@cache
def alembic_script() -> ScriptDirectory:
    """The migrations, read once per process (they do not change under a running app)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return revision_of(connection)


def revision_of(connection: Connection) -> str | None:
    """The database's revision; None when it was never migrated (no ``alembic_version`` table).

    Read as Alembic reads it (``MigrationContext.get_current_revision``): the table, then its one
    row; a table holding several (a database migrated on two branches) is not at any one head.
    """
    if not inspect(connection).has_table(_VERSION_TABLE):
        return None
    found = connection.scalars(select(_versions.c.version_num)).all()
    if len(found) > 1:
        raise NotMigrated(
            f"database at revisions {', '.join(sorted(found))} at once: fundapp's migrations have one head",
            "database at several revisions at once",
        )
    return found[0] if found else None


def head_revisions(engine: Engine | None = None) -> tuple[str, ...]:
    """Alembic's head revision(s) of the code's migrations; ``engine`` is not needed (the heads
    are the code's). A database must be at ``HEAD_REVISION``, which tests prove is the one head."""
    return tuple(alembic_script().get_heads())


def revision_problem(revision: str | None) -> NotMigrated | None:
    """None when ``revision`` is the code's head; otherwise what is wrong and what to do."""
    if revision == HEAD_REVISION:
        return None
    if revision is not None:
        from alembic.util import CommandError

        try:
            alembic_script().get_revision(revision)
        except CommandError:
            return NotMigrated(
                f"database at revision {revision}, which this version of fundapp does not know: "
                "run the version that migrated it",
                "database migrated by a newer version of fundapp",
            )
    return NotMigrated()


def autogenerate_revision(engine: Engine, message: str) -> str:
    """Write a new migration from the difference between the models and the database; its
    revision, which ``HEAD_REVISION`` must then name."""
    from alembic import command
    from alembic.script import Script

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        script = command.revision(config, message=message, autogenerate=True)
    if not isinstance(script, Script):  # one head: Alembic writes one migration
        raise RuntimeError(f"Alembic wrote {script!r}, not one migration")
    return script.revision


def check(engine: Engine) -> None:
    """Raise when the models and the migrated database differ."""
    from alembic import command

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
