"""``flask --app wsgi fund import contributions FILE``: a spreadsheet of pledges (and receipts).

The same service as ``POST /api/v1/contributions/imports``, without the upload limits: a file
of 100,000 rows is the command line's job. The operator at the console is the actor, so the
audit events carry no user; they carry the import's id (``import-...``) as their request id.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from flask.cli import AppGroup

from ..cli_base import ProgressBars, progress_option
from ..db import new_session
from ..errors import DomainError
from ..spreadsheets import FORMATS, format_of
from .imports import ImportRejected, RowError, import_contributions

import_cli = AppGroup("import", help="Import records from spreadsheets (CSV or XLSX).")
cli_commands = [import_cli]


def _error_table(errors: list[RowError], limit: int) -> str:
    shown = errors if limit <= 0 else errors[:limit]
    rows = [(str(e.line or ""), e.field or "", e.reason) for e in shown]
    width_line = max([len("line"), *(len(r[0]) for r in rows)])
    width_field = max([len("column"), *(len(r[1]) for r in rows)])
    out = [
        f"{'line':>{width_line}}  {'column':<{width_field}}  reason",
        f"{'-' * width_line}  {'-' * width_field}  ------",
    ]
    out += [f"{line:>{width_line}}  {column:<{width_field}}  {reason}" for line, column, reason in rows]
    if len(shown) < len(errors):
        out.append(f"... and {len(errors) - len(shown):,} more (--errors 0 lists them all)")
    return "\n".join(out)


@import_cli.command("contributions")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check every row and say what would be imported; write nothing."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="csv or xlsx (default: from the file's extension).",
)
@click.option(
    "--errors",
    "max_errors",
    type=click.IntRange(min=0),
    default=100,
    show_default=True,
    help="Errors to list (0: all).",
)
@progress_option
def import_contributions_command(
    file: Path, dry_run: bool, fmt: str | None, max_errors: int, progress: bool | None
) -> None:
    """Import pledges (and what was received on them) from a CSV or XLSX FILE.

    Every row is checked as the API checks it; if any row is wrong, nothing is imported and
    each wrong row is listed with its line (exit code 1). Otherwise all rows are imported in
    one transaction. Rows whose reference is already recorded with the same data are skipped,
    so importing the same file again imports nothing new.
    """
    fmt = fmt or format_of(file.name)
    if fmt is None:
        raise click.BadParameter(
            "say --format csv or --format xlsx (the extension does not tell)", param_hint="FILE"
        )
    data = file.read_bytes()
    bars = ProgressBars(progress)
    started = time.perf_counter()
    session = new_session()
    try:
        result = import_contributions(
            session, None, data, fmt, filename=file.name, dry_run=dry_run, progress=bars
        )
        bars.close()
        if dry_run:
            session.rollback()
        else:
            session.commit()
    except ImportRejected as exc:
        bars.close()
        session.rollback()
        click.echo(_error_table(exc.errors, max_errors), err=True)
        click.echo(f"{file.name}: {exc.detail.split(' (first:')[0]}", err=True)
        sys.exit(1)
    except DomainError as exc:
        bars.close()
        session.rollback()
        raise click.ClickException(exc.detail) from exc
    except BaseException:
        bars.close()
        session.rollback()
        raise
    finally:
        session.close()
    seconds = time.perf_counter() - started
    verb = "would import" if dry_run else "imported"
    click.echo(
        f"{file.name}: {result['rows']:,} rows; {verb} {result['created']:,} contributions "
        f"({result['receipts']:,} with a receipt); {result['skipped']:,} already recorded, skipped "
        f"[{seconds:.1f} s; {result['rows'] / seconds if seconds else 0:,.0f} rows/s]"
    )
    if not dry_run:
        click.echo(f"audit events: request id {result['request_id']}")
