"""``flask --app wsgi fund export iati|360giving``: the open-data files written to a file, as
the API serves them; ``fund open-data``: how a fund publishes them (its ``open_data``).

A publisher's routine: ``fund export iati --out iati.xml``, then the validators of
``../shared/validators`` (README, "Open data and spreadsheets").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
import simplejson
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import new_session, session_scope
from ..errors import DomainError
from ..funds import services as funds
from ..funds.models import Fund
from . import giving360, iati
from .publisher import Document, Installation, Publisher

export_cli = AppGroup("export", help="Write the open-data files (IATI 2.03 XML, 360Giving JSON).")
FUND = click.option("--fund", "fund_code", help="One fund's code (default: every fund).")
OUT = click.option(
    "--out", "output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write."
)


@contextmanager
def _reading() -> Iterator[Session]:
    session = new_session(read_only=True)
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def _fund_id(session: Session, code: str | None) -> int | None:
    if code is None:
        return None
    fund_id = session.scalar(select(Fund.id).where(Fund.code == code))
    if fund_id is None:
        raise click.ClickException(f"no fund with code {code!r}")
    return int(fund_id)


def _installation() -> Installation:
    return Installation.from_config(current_app.config)


@export_cli.command("iati")
@FUND
@OUT
def export_iati(fund_code: str | None, output: Path) -> None:
    """The funds and their grants as IATI 2.03 activities (GET /exports/iati.xml)."""
    with _reading() as session:
        try:
            chunks = iati.activities(session, _installation(), _fund_id(session, fund_code))
            with output.open("wb") as out:
                for chunk in chunks:
                    out.write(chunk)
        except DomainError as error:
            raise click.ClickException(error.detail) from None
    click.echo(f"written {output}")


@export_cli.command("360giving")
@FUND
@OUT
def export_360giving(fund_code: str | None, output: Path) -> None:
    """Every grant as a 360Giving 1.4 package (GET /exports/360giving.json)."""
    with _reading() as session:
        try:
            package = giving360.package(session, _installation(), _fund_id(session, fund_code))
        except DomainError as error:
            raise click.ClickException(error.detail) from None
    output.write_text(simplejson.dumps(package, use_decimal=True), encoding="utf-8")
    click.echo(f"written {output}")


def _parse(pairs: tuple[str, ...]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in Publisher.KEYS or key == "documents":
            keys = ", ".join(k for k in Publisher.KEYS if k != "documents")
            raise click.BadParameter(f"{pair!r}: use KEY=VALUE with KEY one of {keys}", param_hint="--set")
        settings[key] = value
    return settings


def _documents(path: Path) -> list[dict[str, Any]]:
    try:
        documents = json.loads(path.read_text(encoding="utf-8"))
        return [asdict(Document(**d)) for d in documents]
    except (ValueError, TypeError) as error:
        raise click.BadParameter(
            f"{path}: a JSON list of documents (url, title, category, format, language, date): {error}",
            param_hint="--documents",
        ) from None


@click.command("open-data")
@click.argument("fund_code")
@click.option("--set", "pairs", multiple=True, metavar="KEY=VALUE", help="Set one setting (repeatable).")
@click.option("--unset", "unset", multiple=True, metavar="KEY", help="Back to the installation's default.")
@click.option(
    "--documents",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSON file listing the fund's public documents (IATI document-link).",
)
@with_appcontext
def open_data_command(
    fund_code: str, pairs: tuple[str, ...], unset: tuple[str, ...], documents: Path | None
) -> None:
    """How a fund publishes its open data: reporting organisation, 360Giving prefix, publisher's
    website, e-mail, licence, data source, public documents. Prints the settings in force."""
    changes = _parse(pairs)
    if documents is not None:
        changes["documents"] = _documents(documents)
    with session_scope() as session:
        fund_id = _fund_id(session, fund_code)
        assert fund_id is not None
        fund = funds.get_fund(session, fund_id)
        if changes or unset:
            settings = {k: v for k, v in (fund.open_data or {}).items() if k not in unset}
            funds.set_open_data(session, None, fund_id, settings | changes)
        try:
            effective: dict[str, Any] = asdict(_installation().for_fund(fund))
        except DomainError as error:  # nothing names its publisher yet: what is set, and what lacks
            effective = {**_installation().in_force(fund.administrator, fund.open_data), **error.extra}
    click.echo(json.dumps({"fund": fund_code, "open_data": fund.open_data, "in_force": effective}, indent=2))


cli_commands = [export_cli, open_data_command]
