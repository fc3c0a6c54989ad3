"""The fund: its records, and the lock that keeps its books honest.

The one rule above all: approved grants never exceed money received. Every commitment
(approval, reserve-list promotion) goes through ``commit_to_grant``, which locks the
fund's row first (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite write transactions
already begin IMMEDIATE), so concurrent approvals are checked one after the other, each
reading the fund's two balances (one row each, however many receipts). Every figure of
the position comes from the books (``fundapp.books.queries``, where the as-of rule is).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..books import queries
from ..books import services as books
from ..errors import InsufficientFunds
from ..money import FUND_CURRENCY, format_minor
from ..pagination import paginate
from ..services_base import get_or_404
from .models import Fund


def lock_fund(session: Session, fund_id: int) -> Fund:
    return get_or_404(session, Fund, fund_id, label="fund", lock=True)


def uncommitted_minor(session: Session, fund_id: int) -> int:
    """Money received and not yet committed: what new grants may use (from the books' balances)."""
    received, committed = books.fund_balances(session, fund_id)
    return received - committed


def commit_to_grant(session: Session, fund_id: int, amount_minor: int) -> Fund:
    """Lock the fund and check it can afford ``amount_minor`` more; 409 with the shortfall if not.

    The caller creates the grant in the same transaction, while the lock is held.
    """
    fund = lock_fund(session, fund_id)
    available = uncommitted_minor(session, fund_id)
    if amount_minor > available:
        shortfall = amount_minor - available
        raise InsufficientFunds(
            f"the fund has {format_minor(available, FUND_CURRENCY)} USD uncommitted; "
            f"this needs {format_minor(amount_minor, FUND_CURRENCY)} USD",
            shortfall=format_minor(shortfall, FUND_CURRENCY),
            currency=FUND_CURRENCY,
        )
    return fund


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
    get_fund(session, fund_id)
    return queries.position(session, fund_id, as_of)
