"""Import every model so that ``Base.metadata`` is complete (Alembic, tests)."""

from .answer_cache import DataVersion
from .applicants.models import Organisation
from .audit import AuditEvent
from .auth.models import ApiToken, LoginThrottle, User
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
from .files.models import Attachment
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
from .reports.models import RenderedDocument

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
]
