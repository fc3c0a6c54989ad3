"""Shared pieces of the grants tests: a grant, and a check that a refusal wrote nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fundapp.audit import AuditEvent
from fundapp.books.models import Balance, LedgerEntry
from fundapp.grants.models import (
    Disbursement,
    Grant,
    GrantAmendment,
    GrantBudgetLine,
    GrantCondition,
    GrantRefund,
    GrantReport,
    PeopleCount,
    ReportExpenditure,
)

from ..factories import ActiveGrantFactory

API = "/api/v1"


@pytest.fixture
def grant(db_session: Session) -> Grant:
    """An active grant of 1,000.00 USD running from 2015-07-01 to 2017-06-30."""
    return ActiveGrantFactory(amount_minor=1000_00)


def db_state(session: Session) -> dict[str, Any]:
    """Every column a grants route may write, read afresh (not from the identity map)."""
    return {
        "audit": session.scalar(select(func.count()).select_from(AuditEvent)),
        "grants": session.execute(
            select(Grant.id, Grant.status, Grant.status_reason, Grant.amount_minor, Grant.version).order_by(
                Grant.id
            )
        ).all(),
        "disbursements": session.execute(
            select(
                Disbursement.id,
                Disbursement.tranche,
                Disbursement.status,
                Disbursement.amount_minor,
                Disbursement.paid_minor,
                Disbursement.paid_on,
                Disbursement.cancellation_reason,
                Disbursement.payment_cancelled_on,
                Disbursement.payment_cancellation_reason,
                Disbursement.version,
            ).order_by(Disbursement.id)
        ).all(),
        "conditions": session.execute(
            select(GrantCondition.id, GrantCondition.met_on, GrantCondition.note).order_by(GrantCondition.id)
        ).all(),
        "reports": session.execute(
            select(
                GrantReport.id,
                GrantReport.status,
                GrantReport.received_on,
                GrantReport.review_note,
                GrantReport.version,
            ).order_by(GrantReport.id)
        ).all(),
        "refunds": session.execute(
            select(GrantRefund.id, GrantRefund.amount_minor).order_by(GrantRefund.id)
        ).all(),
        "amendments": session.execute(
            select(GrantAmendment.id, GrantAmendment.status, GrantAmendment.amount_minor).order_by(
                GrantAmendment.id
            )
        ).all(),
        "ledger": session.scalar(select(func.count()).select_from(LedgerEntry)),
        "balances": session.execute(
            select(Balance.owner, Balance.owner_id, Balance.account, Balance.balance_minor).order_by(
                Balance.owner, Balance.owner_id, Balance.account
            )
        ).all(),
        "people": session.execute(
            select(PeopleCount.id, PeopleCount.report_id, PeopleCount.category, PeopleCount.people).order_by(
                PeopleCount.id
            )
        ).all(),
        "budget_lines": session.execute(
            select(GrantBudgetLine.id, GrantBudgetLine.category_id, GrantBudgetLine.amount_minor).order_by(
                GrantBudgetLine.id
            )
        ).all(),
        "expenditure": session.execute(
            select(
                ReportExpenditure.id, ReportExpenditure.category_id, ReportExpenditure.amount_minor
            ).order_by(ReportExpenditure.id)
        ).all(),
        "people_assisted": session.execute(
            select(GrantReport.id, GrantReport.people_assisted).order_by(GrantReport.id)
        ).all(),
    }


@pytest.fixture
def unchanged(db_session: Session):
    """``with unchanged(): <a refused request>`` fails if the request wrote anything."""

    @contextmanager
    def check() -> Iterator[None]:
        before = db_state(db_session)
        yield
        assert db_state(db_session) == before

    return check


def audit_actions(session: Session, entity: str, entity_id: int) -> list[str]:
    return list(
        session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
            .order_by(AuditEvent.id)
        )
    )
