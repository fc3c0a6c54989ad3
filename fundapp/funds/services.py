"""The trust funds an installation holds; their money figures are the books' (``books.services``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import record_event
from ..books import queries
from ..pagination import paginate
from ..services_base import get_or_404
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
