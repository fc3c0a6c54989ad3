"""``flask fund funds``: create a fund, or change its settings, from a JSON file of the API's fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from flask.cli import AppGroup, with_appcontext
from marshmallow import ValidationError
from sqlalchemy import select

from ..db import session_scope
from ..etag import etag_of
from . import services
from .models import Fund
from .schemas import FundCreateSchema, FundSchema, FundUpdateSchema

funds_cli = AppGroup(
    "funds", help="The funds of the installation: create one, change its settings, list them."
)


def _read(path: Path, schema: Any) -> dict[str, Any]:
    """The file's fields, checked as the API checks them (the same schema, the same messages)."""
    try:
        loaded: dict[str, Any] = schema.load(json.loads(path.read_text(encoding="utf-8")))
        return loaded
    except ValueError as error:  # JSONDecodeError included
        raise click.BadParameter(f"{path}: not JSON: {error}", param_hint="SETTINGS") from None
    except ValidationError as error:
        raise click.BadParameter(f"{path}: {json.dumps(error.messages)}", param_hint="SETTINGS") from None


def _show(fund: Fund) -> None:
    click.echo(json.dumps(FundSchema().dump(fund), indent=2, ensure_ascii=False))


@funds_cli.command("create")
@click.argument("settings", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def create_command(settings: Path) -> None:
    """Create a fund from SETTINGS, a JSON file with the fields of POST /funds."""
    data = _read(settings, FundCreateSchema())
    with session_scope() as session:
        _show(services.create_fund(session, None, data))


@funds_cli.command("set")
@click.argument("code")
@click.argument("settings", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def set_command(code: str, settings: Path) -> None:
    """Change the settings of the fund CODE from SETTINGS, a JSON file with fields of PATCH /funds/{id}."""
    data = _read(settings, FundUpdateSchema(partial=True))
    with session_scope() as session:
        fund = session.scalar(select(Fund).where(Fund.code == code))
        if fund is None:
            raise click.BadParameter(f"no fund has the code {code}", param_hint="CODE")
        _show(services.update_fund(session, None, fund.id, data, etag_of(fund)))


@funds_cli.command("list")
@with_appcontext
def list_command() -> None:
    """The funds: code, short name, administrator, programme support rate."""
    with session_scope() as session:
        for fund in session.scalars(select(Fund).order_by(Fund.code)):
            click.echo(
                f"{fund.code}\t{fund.short_name}\t{fund.administrator}\t{fund.programme_support_rate} %"
            )


cli_commands = [funds_cli]
