"""The fund's books: money received, money committed, and the lock that keeps them honest.

The one rule above all: approved grants never exceed money received. Every commitment
(approval, reserve-list promotion) goes through ``commit_to_grant``, which locks the
fund's row first (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite write transactions
already begin IMMEDIATE), so concurrent approvals are checked one after the other.

The position (``fund_position``) values the fund's sources and uses in USD as of a date:

- a receipt counts from its ``received_on`` date, at the USD value fixed when it was
  recorded; a reversed receipt is a correction and counts on no date;
- a pledge counts from its ``pledged_on`` date; a cancelled pledge counts on no date;
- the part of a pledge already received is valued at its receipts' USD value; the part
  still to come is summed per currency and converted once, at the latest exchange rate of
  that currency dated on or before ``as_of`` (however old: the rate used and its date are
  reported). A currency with no such rate is listed in ``unconverted_currencies`` and its
  outstanding amount is left out of the USD figures;
- committed follows ``committed_minor``: grants approved on or before ``as_of``, in full
  while they were open on that day, and for what they paid once closed or terminated
  (``ended_on`` on or before ``as_of``; a grant ended before that day was recorded counts
  as ended on every date);
- disbursed is what was paid on or before ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from ..contributions.models import Contribution, ContributionStatus, ExchangeRate, Receipt, ReceiptStatus
from ..db import utcnow
from ..errors import InsufficientFunds
from ..grants.models import Disbursement, DisbursementStatus, Grant, GrantStatus
from ..money import FUND_CURRENCY, convert_to_usd_minor, format_minor
from ..pagination import paginate
from ..services_base import get_or_404
from .models import Fund

#: A closed or terminated grant commits only what was paid; the rest returns to the fund.
OPEN_GRANT_STATUSES = (GrantStatus.ACTIVE, GrantStatus.SUSPENDED)


def lock_fund(session: Session, fund_id: int) -> Fund:
    return get_or_404(session, Fund, fund_id, label="fund", lock=True)


def _received_stmt(fund_id: int, as_of: dt.date | None) -> Select[Any]:
    stmt = select(func.coalesce(func.sum(Receipt.usd_minor), 0)).where(
        Receipt.fund_id == fund_id, Receipt.status == ReceiptStatus.RECORDED
    )
    if as_of is not None:
        stmt = stmt.where(Receipt.received_on <= as_of)
    return stmt


def _committed_stmt(fund_id: int, as_of: dt.date | None) -> Select[Any]:
    paid = (
        select(Disbursement.grant_id, func.sum(Disbursement.paid_minor).label("paid"))
        .where(Disbursement.status == DisbursementStatus.PAID)
        .group_by(Disbursement.grant_id)
        .subquery()
    )
    open_then: ColumnElement[bool] = Grant.status.in_(OPEN_GRANT_STATUSES)
    if as_of is not None:  # a grant ended after as_of was still open on that day
        open_then = open_then | (Grant.ended_on > as_of)
    per_grant = case((open_then, Grant.amount_minor), else_=func.coalesce(paid.c.paid, 0))
    stmt = (
        select(func.coalesce(func.sum(per_grant), 0))
        .select_from(Grant)
        .outerjoin(paid, paid.c.grant_id == Grant.id)
        .where(Grant.fund_id == fund_id)
    )
    if as_of is not None:
        stmt = stmt.where(Grant.approved_on <= as_of)
    return stmt


def _disbursed_stmt(fund_id: int, as_of: dt.date | None) -> Select[Any]:
    stmt = (
        select(func.coalesce(func.sum(Disbursement.paid_minor), 0))
        .join(Grant, Grant.id == Disbursement.grant_id)
        .where(Grant.fund_id == fund_id, Disbursement.status == DisbursementStatus.PAID)
    )
    if as_of is not None:
        stmt = stmt.where(Disbursement.paid_on <= as_of)
    return stmt


def received_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents received (recorded receipts, reversals excluded) up to ``as_of``."""
    return int(session.scalar(_received_stmt(fund_id, as_of)) or 0)


def committed_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents committed to grants: open grants in full, closed ones for what they paid
    (as they stood at the end of ``as_of`` when given)."""
    return int(session.scalar(_committed_stmt(fund_id, as_of)) or 0)


def disbursed_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents paid to grantees (paid disbursements) up to ``as_of``."""
    return int(session.scalar(_disbursed_stmt(fund_id, as_of)) or 0)


def uncommitted_minor(session: Session, fund_id: int) -> int:
    """Money received and not yet committed: what new grants may use."""
    return received_minor(session, fund_id) - committed_minor(session, fund_id)


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


def _pledges_by_currency_stmt(fund_id: int, as_of: dt.date) -> Select[Any]:
    """Per currency: the pledges' outstanding amount, the USD already received on them, and
    the latest exchange rate on or before ``as_of`` (one row per currency)."""
    received = (
        select(
            Receipt.contribution_id,
            func.sum(Receipt.amount_minor).label("amount"),
            func.sum(Receipt.usd_minor).label("usd"),
        )
        .where(
            Receipt.fund_id == fund_id,
            Receipt.status == ReceiptStatus.RECORDED,
            Receipt.received_on <= as_of,
        )
        .group_by(Receipt.contribution_id)
        .subquery()
    )
    pledges = (
        select(
            Contribution.currency.label("currency"),
            func.sum(Contribution.pledged_minor - func.coalesce(received.c.amount, 0)).label("outstanding"),
            func.sum(func.coalesce(received.c.usd, 0)).label("received_usd"),
        )
        .outerjoin(received, received.c.contribution_id == Contribution.id)
        .where(
            Contribution.fund_id == fund_id,
            Contribution.status != ContributionStatus.CANCELLED,
            Contribution.pledged_on <= as_of,
        )
        .group_by(Contribution.currency)
        .subquery()
    )
    latest = (
        select(ExchangeRate.currency, func.max(ExchangeRate.rate_date).label("rate_date"))
        .where(ExchangeRate.rate_date <= as_of)
        .group_by(ExchangeRate.currency)
        .subquery()
    )
    return (
        select(
            pledges.c.currency,
            pledges.c.outstanding,
            pledges.c.received_usd,
            ExchangeRate.usd_per_unit,
            ExchangeRate.rate_date,
        )
        .select_from(pledges)
        .outerjoin(latest, latest.c.currency == pledges.c.currency)
        .outerjoin(
            ExchangeRate,
            and_(ExchangeRate.currency == latest.c.currency, ExchangeRate.rate_date == latest.c.rate_date),
        )
        .order_by(pledges.c.currency)
    )


def fund_position(session: Session, fund_id: int, as_of: dt.date | None = None) -> dict[str, Any]:
    """Sources and uses of the fund in USD as of a date, from SQL aggregates (three queries)."""
    get_fund(session, fund_id)
    as_of = as_of or utcnow().date()
    received, committed, disbursed = session.execute(
        select(
            _received_stmt(fund_id, as_of).scalar_subquery(),
            _committed_stmt(fund_id, as_of).scalar_subquery(),
            _disbursed_stmt(fund_id, as_of).scalar_subquery(),
        )
    ).one()
    received, committed, disbursed = int(received), int(committed), int(disbursed)
    by_currency: list[dict[str, Any]] = []
    unconverted: list[str] = []
    received_on_pledges = outstanding = 0
    # One row per currency (a handful), never one per record.
    for row in session.execute(_pledges_by_currency_stmt(fund_id, as_of)):
        rate = row.usd_per_unit if row.currency != FUND_CURRENCY else None
        rate_date = row.rate_date if row.currency != FUND_CURRENCY else None
        if row.currency == FUND_CURRENCY:
            outstanding_usd: int | None = int(row.outstanding)
        elif rate is not None:
            outstanding_usd = convert_to_usd_minor(int(row.outstanding), row.currency, rate)
        else:
            outstanding_usd = None
            if row.outstanding:
                unconverted.append(row.currency)
        received_on_pledges += int(row.received_usd)
        outstanding += outstanding_usd or 0
        by_currency.append(
            {
                "currency": row.currency,
                "fund_currency": FUND_CURRENCY,
                "outstanding_minor": int(row.outstanding),
                "outstanding_usd_minor": outstanding_usd,
                "usd_per_unit": rate,
                "rate_date": rate_date,
            }
        )
    return {
        "fund_id": fund_id,
        "as_of": as_of,
        "currency": FUND_CURRENCY,
        "pledged_minor": received_on_pledges + outstanding,
        "received_minor": received,
        "outstanding_minor": outstanding,
        "committed_minor": committed,
        "disbursed_minor": disbursed,
        "undisbursed_minor": committed - disbursed,
        "uncommitted_minor": received - committed,
        "pledges_by_currency": by_currency,
        "unconverted_currencies": unconverted,
    }
