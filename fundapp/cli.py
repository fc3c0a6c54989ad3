"""``flask --app wsgi fund ...``: the fund's admin jobs, on the same services as the API.

The ``fundapp`` console script (``__main__.py``) offers the same commands at its top level.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import click
from alembic.util import CommandError
from flask import current_app
from flask.cli import AppGroup, ScriptInfo
from sqlalchemy.exc import DBAPIError

from . import schema
from .cli_base import ProgressBars, progress_option
from .db import database_unavailable, get_engine, require_migrated_database, session_scope
from .errors import (
    EXIT_CONFIGURATION,
    EXIT_DATABASE_UNREACHABLE,
    EXIT_FONTS_MISSING,
    EXIT_NOT_MIGRATED,
    OperatorError,
)
from .notifications.sender import settings_from
from .resources import SEED_DIR
from .seeding import load_seed, write_demo_tokens
from .system.outbox import notify_round

EXIT_CODES = f"""\b
Exit codes:
  0  done
  1  the command refused (a wrong input, a missing record)
  2  wrong usage (an unknown option, a missing argument)
  {EXIT_CONFIGURATION}  DATABASE_URL is not supported (sqlite:///path or postgresql://user@host/db)
  {EXIT_DATABASE_UNREACHABLE}  the database cannot be reached
  {EXIT_NOT_MIGRATED}  the database is not migrated: run `flask --app wsgi fund migrate`
  {EXIT_FONTS_MISSING}  the fonts of the documents are missing (Debian: fonts-dejavu-core)
"""


class CommandFailed(click.ClickException):
    """One line (``Error: ...``) and the exit code of what went wrong."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        # click reads the exit code from the exception; it declares it on the class only
        self.exit_code = exit_code  # type: ignore[misc]


class OneLineErrors(click.Group):
    """An operator's problem (the database, the fonts) ends any command of the group with one
    line saying what to do and its own exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OperatorError as error:
            raise CommandFailed(error.message, error.exit_code) from None
        except CommandError as error:  # Alembic's: an unknown revision, say
            raise click.ClickException(str(error)) from None
        except DBAPIError as error:
            problem = database_unavailable(error, ctx.ensure_object(ScriptInfo).load_app())
            if problem is None:
                raise
            raise CommandFailed(problem.message, problem.exit_code) from None


class FundGroup(OneLineErrors, AppGroup):
    """``flask --app wsgi fund ...``."""


fund_cli = FundGroup("fund", help="The fund's admin jobs.", epilog=EXIT_CODES)
db_cli = AppGroup("db", help="Schema migrations (Alembic).")
fund_cli.add_command(db_cli)


def register_domain_commands(domains: Iterable[str]) -> None:
    """Each domain may offer admin commands in ``<domain>/cli.py`` as ``cli_commands``."""
    for domain in domains:
        if find_spec(f"fundapp.{domain}.cli") is not None:
            for command in import_module(f"fundapp.{domain}.cli").cli_commands:
                fund_cli.add_command(command)


@cache
def fund_commands() -> FundGroup:
    """``fund`` with every domain's commands (gathered once: click asks for the group each time
    it lists or finds a command)."""
    from . import DOMAINS

    register_domain_commands(DOMAINS)
    return fund_cli


@fund_cli.command("migrate")
def migrate_command() -> None:
    """Create or upgrade the database schema to the latest migration."""
    schema.upgrade(get_engine())
    click.echo(f"database at revision {schema.current_revision(get_engine())}")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def revision_command(message: str) -> None:
    """Write a new migration from the models (review it before committing)."""
    require_migrated_database()
    revision = schema.autogenerate_revision(get_engine(), message)
    click.echo(
        f"migration {revision} written: review it, and set HEAD_REVISION = {revision!r} in "
        "fundapp/schema.py (the revision a serving app expects; tests/test_migrations.py checks it)"
    )


@db_cli.command("check")
def check_command() -> None:
    """Fail when the models and the migrations disagree."""
    require_migrated_database()
    schema.check(get_engine())
    click.echo("models and migrations agree")


@db_cli.command("analyze")
def analyze_command() -> None:
    """Refresh the query planner's statistics (after a large import; SQLite never does it itself)."""
    schema.analyze(get_engine())
    click.echo("statistics refreshed")


@db_cli.command("downgrade")
@click.argument("revision")
def downgrade_command(revision: str) -> None:
    """Downgrade the schema to REVISION ('base' empties the database)."""
    schema.downgrade(get_engine(), revision)


@fund_cli.command("seed")
@click.option("--reset", is_flag=True, help="Empty the database first, then seed.")
@click.option(
    "--seed-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=SEED_DIR,
    show_default=True,
)
@progress_option
def seed_command(reset: bool, seed_dir: Path, progress: bool | None) -> None:
    """Migrate to head, then load the fund's history from seed/ (idempotent)."""
    engine = get_engine()
    if reset:
        schema.downgrade(engine, "base")
    schema.upgrade(engine)
    with ProgressBars(progress) as bars, session_scope() as session:
        summary = load_seed(session, seed_dir, progress=bars)
    schema.analyze(engine)
    if not summary.get("funds"):
        click.echo("the fund's history is already in the database; nothing reloaded (--reset starts again)")
    for name, count in summary.items():
        click.echo(f"{name:>16}: {count}")
    if current_app.config.get("WRITE_DEMO_TOKENS") and current_app.config["ENV_NAME"] != "production":
        with session_scope() as session:
            path = write_demo_tokens(session, Path(current_app.instance_path), engine.url)
        click.echo(f"demo tokens (one per role) for this database written to {path}")


notify_cli = AppGroup("notify", help="E-mail notifications: the outbox and its sender.")
fund_cli.add_command(notify_cli)


@notify_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep going: a round every --interval seconds until stopped.")
@click.option("--interval", type=click.FloatRange(min=1), default=30, show_default=True)
def notify_send_command(loop: bool, interval: float) -> None:
    """Send the e-mails due through SMTP (FUNDAPP_SMTP_*), after queuing the report reminders due."""
    require_migrated_database()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        smtp, policy = settings_from(app.config)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    while True:
        counts = notify_round(app, smtp, policy)
        click.echo(", ".join(f"{name}: {n}" for name, n in sorted(counts.items()) if n) or "nothing to send")
        if not loop:
            return
        time.sleep(interval)
