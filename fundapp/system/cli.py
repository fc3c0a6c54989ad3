"""``fund backup`` and ``fund restore``."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from ..cli_base import ProgressBars, progress_option
from ..db import get_engine, require_migrated_database
from .backup import BackupError, restore_backup, write_backup


@click.command("backup")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write (gzip-compressed JSON Lines).",
)
@progress_option
@with_appcontext
def backup_command(output: Path, progress: bool | None) -> None:
    """Export the whole database to a portable file."""
    require_migrated_database()  # the tables written are the code's: the schema must be its too
    with ProgressBars(progress) as bars:
        counts = write_backup(get_engine(), output, progress=bars)
    click.echo(f"{sum(counts.values())} rows from {len(counts)} tables written to {output}")


@click.command("restore")
@click.argument("backup", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@progress_option
@with_appcontext
def restore_command(backup: Path, progress: bool | None) -> None:
    """Restore a backup into an empty database (run 'fund migrate' first)."""
    try:
        with ProgressBars(progress) as bars:
            counts = restore_backup(get_engine(), backup, progress=bars)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{sum(counts.values())} rows restored into {len(counts)} tables")


cli_commands = [backup_command, restore_command]
