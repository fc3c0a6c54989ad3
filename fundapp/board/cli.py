"""``flask --app wsgi fund board ...``: the Board's jobs from the console (or a daily timer)."""

from __future__ import annotations

import datetime as dt

import click
from flask.cli import AppGroup

from ..db import session_scope
from . import services

board_group = AppGroup("board", help="The Board of Trustees' recommendations.")


@board_group.command("expire-reserve")
@click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day to expire as of (default: today, UTC).",
)
def expire_reserve_command(on: dt.datetime | None) -> None:
    """Mark the reserve-list recommendations whose list has lapsed as expired (run daily)."""
    day = on.date() if on else None
    if day is not None and day > services.today():
        raise click.BadParameter(
            "must not be in the future (it would end lists still valid)", param_hint="--on"
        )
    with session_scope() as session:
        lapsed = services.expire_reserve_lists(session, None, day)
    if not lapsed:
        click.echo("no reserve list has lapsed; nothing changed")
        return
    click.echo(f"{len(lapsed)} reserve-list recommendation(s) expired:")
    for rec in lapsed:
        click.echo(f"  recommendation {rec.id} (list valid until {rec.reserve_expires_on})")


cli_commands = [board_group]
