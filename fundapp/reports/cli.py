"""``flask --app wsgi fund report ...``: the documents from the command line (same services)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..calls.models import Call
from ..db import new_session
from ..errors import DomainError
from ..funds.models import Fund
from . import documents, services
from .wording import LANGUAGES

report_cli = AppGroup(
    "report", help="Render the fund's documents: cycle summaries, status, the fund's chapter, board packs."
)
cli_commands = [report_cli]

LANG = click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True)
OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write (.pdf or .html); default: the document's symbol in the current folder.",
)
FUND = click.option("--fund", "fund_code", help="The fund's code (default: the only fund).")


@contextmanager
def _reading() -> Iterator[Session]:
    """A read-only session; ended with a commit (of nothing), which keeps what the renders' own
    sessions kept meanwhile where sessions share one connection (the tests' transaction)."""
    session = new_session(read_only=True)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _fund_id(session: Session, code: str | None) -> int:
    stmt = select(Fund.id, Fund.code)
    if code:
        stmt = stmt.where(Fund.code == code)
    funds = session.execute(stmt.limit(2)).all()
    if not funds:
        raise click.ClickException(f"no fund with code {code!r}" if code else "no fund in the database")
    if len(funds) > 1:
        raise click.ClickException("several funds: name one with --fund CODE")
    return funds[0].id


def _format(output: Path | None) -> str:
    return "html" if output is not None and output.suffix.lower() in (".html", ".htm") else "pdf"


def _write(produce: Callable[[str], services.Document], output: Path | None) -> None:
    fmt = _format(output)
    try:
        document = produce(fmt)
    except DomainError as exc:
        raise click.ClickException(exc.detail) from exc
    path = output or Path(document.filename)
    path.write_bytes(document.body or b"")
    if document.from_cache:
        how = "from the cache"
    elif document.render_seconds is not None:
        how = f"{document.pages} pages rendered in {document.render_seconds:.2f} s"
    else:
        how = fmt.upper()
    click.echo(f"{path}: {how}")


@report_cli.command("cycle")
@click.argument("cycle_label", required=False)
@click.option("--call-id", type=int, help="The call's id, instead of a cycle label.")
@FUND
@LANG
@OUTPUT
def cycle_command(
    cycle_label: str | None, call_id: int | None, fund_code: str | None, lang: str, output: Path | None
) -> None:
    """Summary of a grant cycle: its CYCLE_LABEL (such as 2) or --call-id."""
    if (cycle_label is None) == (call_id is None):
        raise click.UsageError("give a CYCLE_LABEL or --call-id (one of them)")
    with _reading() as session:
        if call_id is None:
            fund_id = _fund_id(session, fund_code)
            call_id = session.scalar(
                select(Call.id).where(Call.fund_id == fund_id, Call.cycle_label == cycle_label)
            )
            if call_id is None:
                raise click.ClickException(f"the fund has no call for cycle {cycle_label}")
        _write(
            lambda fmt: services.document(
                documents.CYCLE_SUMMARY, session, None, call_id=call_id, lang=lang, fmt=fmt
            ),
            output,
        )


@report_cli.command("status")
@click.option(
    "--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Date of the status (default: today)."
)
@FUND
@LANG
@OUTPUT
def status_command(as_of: dt.datetime | None, fund_code: str | None, lang: str, output: Path | None) -> None:
    """Status of the fund: contributions, position and Board on a date."""
    with _reading() as session:
        fund_id = _fund_id(session, fund_code)
        day = as_of.date() if as_of else None
        _write(
            lambda fmt: services.document(
                documents.FUND_STATUS, session, None, fund_id=fund_id, as_of=day, lang=lang, fmt=fmt
            ),
            output,
        )


@report_cli.command("chapter")
@click.option(
    "--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Day of the chapter (default: today)."
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Start of the period reported on (default: two years before --as-of).",
)
@FUND
@LANG
@OUTPUT
def chapter_command(
    as_of: dt.datetime | None,
    since: dt.datetime | None,
    fund_code: str | None,
    lang: str,
    output: Path | None,
) -> None:
    """The fund's chapter of the Secretary-General's report, as of a day."""
    with _reading() as session:
        fund_id = _fund_id(session, fund_code)
        day = as_of.date() if as_of else None
        start = since.date() if since else None
        _write(
            lambda fmt: services.document(
                documents.FUND_CHAPTER,
                session,
                None,
                fund_id=fund_id,
                as_of=day,
                since=start,
                lang=lang,
                fmt=fmt,
            ),
            output,
        )


@report_cli.command("board-pack")
@click.argument("session_id", type=int)
@LANG
@OUTPUT
def board_pack_command(session_id: int, lang: str, output: Path | None) -> None:
    """The Board's pack for a session: a cover, then one page per eligible proposal."""
    with _reading() as session:
        _write(
            lambda fmt: services.document(
                documents.BOARD_PACK, session, None, session_id=session_id, lang=lang, fmt=fmt
            ),
            output,
        )


@report_cli.command("clear-cache")
def clear_cache_command() -> None:
    """Delete the cached PDFs (they are rendered again when next asked for)."""
    click.echo(f"{services.pdf_cache().clear()} cached PDF(s) removed")
