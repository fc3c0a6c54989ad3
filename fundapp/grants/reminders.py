"""The scheduled pass of the sender: reminders of grantee reports due soon, and overdue.

Each report gets one "due in 30 days" reminder and one "overdue" reminder per contact of its
grantee, whenever the pass runs (the outbox's event keys make a second pass write nothing).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..funds.models import Fund
from ..notifications import services as notifications
from ..notifications.models import Kind
from .models import Grant, GrantReport
from .services import OUTSTANDING_REPORT_STATUSES

#: How long before its due date a report is announced.
DUE_SOON_DAYS = 30


def queue_report_reminders(session: Session, today: dt.date) -> int:
    """Write the reminders due as of ``today`` into the outbox; how many were written."""
    rows = session.execute(
        select(GrantReport, Grant.agreement_number, Grant.organisation_id, Grant.fund_id)
        .join(Grant, Grant.id == GrantReport.grant_id)
        .where(
            GrantReport.status.in_(OUTSTANDING_REPORT_STATUSES),
            GrantReport.due_on <= today + dt.timedelta(days=DUE_SOON_DAYS),
        )
        .order_by(GrantReport.due_on, GrantReport.id)
    ).all()
    funds = {f.id: f for f in session.scalars(select(Fund).where(Fund.id.in_({row[3] for row in rows})))}
    recipients = notifications.contact_recipients_of_each(session, "organisation", (row[2] for row in rows))
    notices = []
    for report, agreement_number, organisation_id, fund_id in rows:
        fund = funds[fund_id]
        kind = Kind.REPORT_OVERDUE if report.due_on < today else Kind.REPORT_DUE
        notices.append(
            notifications.Notice(
                fund,
                kind,
                recipients[organisation_id],
                notifications.letter(
                    str(kind),
                    fund=fund.short_name,
                    grant=agreement_number,
                    report=f"{report.kind} {report.nature}",
                    due=report.due_on,
                ),
                about=("grant_report", report.id),
                event=f"report={report.id}",
            )
        )
    written = len(notifications.enqueue_all(session, notices))
    session.flush()
    return written
