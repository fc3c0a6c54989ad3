"""The trust funds an installation holds; their money figures are the books' (``books.services``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..books import queries
from ..books.services import fund_balances
from ..books.support import available_minor
from ..errors import Conflict, InsufficientFunds
from ..etag import require_if_match
from ..money import FUND_CURRENCY, format_minor
from ..pagination import paginate
from ..services_base import get_or_404, snapshot
from .models import Fund


def get_fund(session: Session, fund_id: int) -> Fund:
    return get_or_404(session, Fund, fund_id, label="fund")


def list_funds(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    return paginate(
        session,
        select(Fund),
        query,
        sort_columns={
            "code": Fund.code,
            "short_name": Fund.short_name,
            "established_on": Fund.established_on,
        },
        tiebreak=Fund.id,
    )


def fund_position(session: Session, fund_id: int, as_of: dt.date | None = None) -> dict[str, Any]:
    """Sources and uses of the fund in USD as of a date, from the books."""
    return queries.position(session, get_fund(session, fund_id), as_of)


def set_open_data(session: Session, user: Any, fund_id: int, settings: dict[str, Any] | None) -> Fund:
    """Replace how the fund publishes its open data (``Fund.open_data``; the exports document the
    keys and check them before calling this), with an audit event saying before and after."""
    fund = get_fund(session, fund_id)
    before = fund.open_data
    fund.open_data = settings or None
    record_event(
        session,
        user,
        "fund.open_data_changed",
        "fund",
        fund.id,
        before={"open_data": before},
        after={"open_data": fund.open_data},
    )
    session.flush()
    return fund


#: What a fund's audit events record of it.
AUDITED = (
    "code",
    "name_en",
    "name_fr",
    "short_name",
    "administrator",
    "established_on",
    "languages",
    "programme_support_bp",
    "mandate",
)


def _settings(data: dict[str, Any]) -> dict[str, Any]:
    """The API's fields as the fund's columns: the rate in basis points, the mandate as given."""
    values = {k: v for k, v in data.items() if k != "programme_support_rate"}
    if "programme_support_rate" in data:
        values["programme_support_bp"] = int(Decimal(data["programme_support_rate"]) * 100)
    return values


def create_fund(session: Session, user: Any, data: dict[str, Any]) -> Fund:
    """A new fund (admin): 409 if its code is taken. Its books are in USD."""
    exists = session.scalar(select(Fund.id).where(Fund.code == data["code"]))
    if exists is not None:
        raise Conflict(f"a fund with the code {data['code']} exists", existing_id=exists)
    fund = Fund(currency=FUND_CURRENCY, programme_support_bp=0)
    for key, value in _settings(data).items():
        setattr(fund, key, value)
    session.add(fund)
    session.flush()
    record_event(session, user, "fund.create", "fund", fund.id, after=snapshot(fund, AUDITED))
    return fund


def update_fund(
    session: Session, user: Any, fund_id: int, data: dict[str, Any], if_match: str | None
) -> Fund:
    """Change a fund's settings (admin, If-Match). A new programme support rate applies to every
    figure of the fund's books from then on, as of any day: the rate is the fund's, not a commitment's."""
    fund = get_or_404(session, Fund, fund_id, label="fund", lock=True)
    require_if_match(fund, if_match)
    before = snapshot(fund, AUDITED)
    for key, value in _settings(data).items():
        setattr(fund, key, value)
    if "programme_support_bp" in data or "programme_support_rate" in data:
        received, committed = fund_balances(session, fund.id)
        if available_minor(received, committed, fund.programme_support_bp) < 0:
            raise InsufficientFunds(
                "at this rate the support costs of what the fund has committed would exceed what it received",
                shortfall=format_minor(
                    -available_minor(received, committed, fund.programme_support_bp), FUND_CURRENCY
                ),
                currency=FUND_CURRENCY,
            )
    session.flush()
    record_event(session, user, "fund.update", "fund", fund.id, before=before, after=snapshot(fund, AUDITED))
    return fund
