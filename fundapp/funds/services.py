"""The fund's books: money received, money committed, and the lock that keeps them honest.

The one rule above all: approved grants never exceed money received. Every commitment
(approval, reserve-list promotion) goes through ``commit_to_grant``, which locks the
fund's row first (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite write transactions
already begin IMMEDIATE), so concurrent approvals are checked one after the other.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..contributions.models import Receipt, ReceiptStatus
from ..errors import InsufficientFunds
from ..grants.models import Disbursement, DisbursementStatus, Grant, GrantStatus
from ..money import FUND_CURRENCY, format_minor
from ..services_base import get_or_404
from .models import Fund

#: A closed or terminated grant commits only what was paid; the rest returns to the fund.
OPEN_GRANT_STATUSES = (GrantStatus.ACTIVE, GrantStatus.SUSPENDED)


def lock_fund(session: Session, fund_id: int) -> Fund:
    return get_or_404(session, Fund, fund_id, label="fund", lock=True)


def received_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents received (recorded receipts, reversals excluded) up to ``as_of``."""
    stmt = select(func.coalesce(func.sum(Receipt.usd_minor), 0)).where(
        Receipt.fund_id == fund_id, Receipt.status == ReceiptStatus.RECORDED
    )
    if as_of is not None:
        stmt = stmt.where(Receipt.received_on <= as_of)
    return int(session.scalar(stmt) or 0)


def committed_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents committed to grants: open grants in full, closed ones for what they paid."""
    paid = (
        select(Disbursement.grant_id, func.sum(Disbursement.paid_minor).label("paid"))
        .where(Disbursement.status == DisbursementStatus.PAID)
        .group_by(Disbursement.grant_id)
        .subquery()
    )
    per_grant = case(
        (Grant.status.in_(OPEN_GRANT_STATUSES), Grant.amount_minor),
        else_=func.coalesce(paid.c.paid, 0),
    )
    stmt = (
        select(func.coalesce(func.sum(per_grant), 0))
        .select_from(Grant)
        .outerjoin(paid, paid.c.grant_id == Grant.id)
        .where(Grant.fund_id == fund_id)
    )
    if as_of is not None:
        stmt = stmt.where(Grant.approved_on <= as_of)
    return int(session.scalar(stmt) or 0)


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
