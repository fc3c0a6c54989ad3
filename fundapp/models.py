"""Import every model so that ``Base.metadata`` is complete (Alembic, tests)."""

from sqlalchemy import or_, select

from .answer_cache import DataVersion
from .applicants.models import Organisation
from .audit import AuditEvent
from .auth.models import ApiToken, LoginThrottle, User, UserFund
from .board.models import (
    Approval,
    BoardMember,
    BoardSession,
    BoardTerm,
    Recommendation,
    Review,
    ReviewCriterion,
    ReviewScore,
)
from .books.models import Balance, LedgerEntry
from .calls.models import Call
from .contacts.models import Contact
from .contributions.models import Campaign, Contribution, Donor, ExchangeRate, Receipt
from .document_cache import RenderedDocument
from .files.models import Attachment
from .fund_scope import owned_by_fund
from .funds.models import BudgetCategory, Evaluation, Fund
from .grants.models import (
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
from .idempotency import IdempotencyRecord
from .jobs.models import Job
from .notifications.models import OutboxAttempt, OutboxMessage
from .proposals.models import EligibilityCheck, Proposal, ProposalBudgetLine, ProposalFacet
from .renders import RenderClaim

__all__ = [
    "ReportExpenditure",
    "ProposalBudgetLine",
    "GrantBudgetLine",
    "BudgetCategory",
    "ApiToken",
    "Approval",
    "Attachment",
    "AuditEvent",
    "Balance",
    "BoardMember",
    "BoardSession",
    "BoardTerm",
    "Call",
    "Campaign",
    "Contact",
    "Contribution",
    "DataVersion",
    "Disbursement",
    "Donor",
    "EligibilityCheck",
    "ExchangeRate",
    "Evaluation",
    "Fund",
    "Grant",
    "GrantAmendment",
    "GrantCondition",
    "GrantRefund",
    "GrantReport",
    "IdempotencyRecord",
    "Job",
    "LedgerEntry",
    "LoginThrottle",
    "Organisation",
    "OutboxAttempt",
    "OutboxMessage",
    "PeopleCount",
    "Proposal",
    "RenderClaim",
    "RenderedDocument",
    "ProposalFacet",
    "Receipt",
    "Recommendation",
    "Review",
    "ReviewCriterion",
    "ReviewScore",
    "User",
    "UserFund",
]


# an attached file belongs to the fund of the record it is attached to (``fund_scope``); the files
# package sits below the records' packages, so their composition declares it
owned_by_fund(
    Attachment,
    lambda ids: (
        lambda cls: or_(
            cls.proposal_id.in_(select(Proposal.id).join(Call).where(Call.fund_id.in_(ids))),
            cls.grant_id.in_(select(Grant.id).where(Grant.fund_id.in_(ids))),
            cls.grant_report_id.in_(select(GrantReport.id).join(Grant).where(Grant.fund_id.in_(ids))),
            cls.receipt_id.in_(select(Receipt.id).where(Receipt.fund_id.in_(ids))),
        )
    ),
)
