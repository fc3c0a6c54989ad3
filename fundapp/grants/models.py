"""Grants, their conditions, disbursements (tranches) and grantee reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..applicants.models import Organisation
from ..calls.models import Call
from ..db import Base, enum_type
from ..fund_scope import by_fund_id, owned_by_fund
from ..funds.models import BudgetCategory
from ..models_base import Provenance, Timestamps, Versioned
from ..money import FUND_CURRENCY
from ..proposals.models import Proposal


class GrantStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"
    TERMINATED = "terminated"


class Grant(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "grant_award"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("currency = 'USD'", name="usd_only"),
        CheckConstraint("ends_on >= starts_on", name="dates_ordered"),
        Index(None, "fund_id", "call_id"),
        Index(None, "fund_id", "approved_on"),
        Index(None, "approved_on", "id"),  # the list's default order (and its cursor)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"))
    call_id: Mapped[int] = mapped_column(ForeignKey("call.id", ondelete="RESTRICT"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="RESTRICT"), unique=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    approval_id: Mapped[int | None] = mapped_column(
        ForeignKey("approval.id", ondelete="RESTRICT"), unique=True
    )
    agreement_number: Mapped[str] = mapped_column(String(40), unique=True)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    amount_minor: Mapped[int]
    approved_on: Mapped[dt.date]
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    country_code: Mapped[str] = mapped_column(String(2), index=True)
    status: Mapped[GrantStatus] = mapped_column(
        enum_type(GrantStatus, "grant_status"), default=GrantStatus.ACTIVE, index=True
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    #: The day the grant was closed or terminated: from then on it commits only what it paid.
    #: None while it is open, and for grants ended before the day was recorded (which then
    #: count as ended on every date).
    ended_on: Mapped[dt.date | None]

    call: Mapped[Call] = relationship(lazy="raise")
    proposal: Mapped[Proposal] = relationship(lazy="raise")
    organisation: Mapped[Organisation] = relationship(lazy="raise")
    conditions: Mapped[list[GrantCondition]] = relationship(
        back_populates="grant", lazy="raise", order_by="GrantCondition.id"
    )
    disbursements: Mapped[list[Disbursement]] = relationship(
        back_populates="grant", lazy="raise", order_by="Disbursement.tranche"
    )
    reports: Mapped[list[GrantReport]] = relationship(
        back_populates="grant", lazy="raise", order_by="(GrantReport.due_on, GrantReport.id)"
    )
    refunds: Mapped[list[GrantRefund]] = relationship(
        back_populates="grant", lazy="raise", order_by="(GrantRefund.received_on, GrantRefund.id)"
    )
    amendments: Mapped[list[GrantAmendment]] = relationship(
        back_populates="grant", lazy="raise", order_by="GrantAmendment.id"
    )
    budget_lines: Mapped[list[GrantBudgetLine]] = relationship(
        back_populates="grant", lazy="raise", order_by="GrantBudgetLine.category_id"
    )
    if TYPE_CHECKING:
        # not columns: the totals the services set on a grant for its schemas
        disbursed_minor: int
        scheduled_minor: int
        spent_minor: int
        refund_due_minor: int | None


class GrantBudgetLine(Base):
    """What a grant may spend under one budget category of its fund: at the award, the
    proposal's line; revised since, to the grant's amount. The lines add up to the grant's amount
    before a tranche is paid."""

    __tablename__ = "grant_budget_line"
    __table_args__ = (
        UniqueConstraint("grant_id", "category_id"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_award.id", ondelete="RESTRICT"))
    category_id: Mapped[int] = mapped_column(
        ForeignKey("budget_category.id", ondelete="RESTRICT"), index=True
    )
    amount_minor: Mapped[int]
    #: a budget is in the fund's currency
    currency: ClassVar[str] = FUND_CURRENCY

    grant: Mapped[Grant] = relationship(back_populates="budget_lines", lazy="raise")
    category: Mapped[BudgetCategory] = relationship(lazy="raise")
    if TYPE_CHECKING:
        # not a column: what the financial reports received say was spent under the line
        spent_minor: int


class GrantCondition(Timestamps, Base):
    """A condition to meet before money is released (revised budget, bank details...)."""

    __tablename__ = "grant_condition"

    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_award.id", ondelete="RESTRICT"), index=True)
    description: Mapped[str] = mapped_column(String(500))
    #: The condition in French, for the French letters that state it; without it they print the
    #: English marked as such (``Wording.own``).
    description_fr: Mapped[str | None] = mapped_column(String(500))
    met_on: Mapped[dt.date | None]
    note: Mapped[str | None] = mapped_column(Text)

    grant: Mapped[Grant] = relationship(back_populates="conditions", lazy="raise")


class DisbursementStatus(StrEnum):
    PLANNED = "planned"
    PAID = "paid"
    #: a planned tranche called off: no money moved
    CANCELLED = "cancelled"
    #: a paid tranche whose payment did not reach the grantee (returned by the bank, paid in
    #: error): it keeps what was paid and when, beside when and why the payment was cancelled
    PAYMENT_CANCELLED = "payment_cancelled"


class Disbursement(Timestamps, Versioned, Base):
    __tablename__ = "disbursement"
    __table_args__ = (
        UniqueConstraint("grant_id", "tranche"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint(
            "(status IN ('paid', 'payment_cancelled')) = (paid_on IS NOT NULL AND paid_minor IS NOT NULL)",
            name="paid_iff_paid_fields",
        ),
        CheckConstraint(
            "(status = 'payment_cancelled') = (payment_cancelled_on IS NOT NULL "
            "AND payment_cancellation_reason IS NOT NULL AND payment_cancellation_released IS NOT NULL)",
            name="payment_cancel_fields",
        ),
        CheckConstraint(
            "payment_cancelled_on IS NULL OR payment_cancelled_on >= paid_on",
            name="payment_cancelled_after_paid",
        ),
        CheckConstraint(
            "paid_minor IS NULL OR (paid_minor > 0 AND paid_minor <= amount_minor)",
            name="paid_within_planned",
        ),
        CheckConstraint("(status = 'cancelled') = (cancellation_reason IS NOT NULL)", name="cancel_reason"),
        Index(None, "status", "paid_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_award.id", ondelete="RESTRICT"), index=True)
    tranche: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    planned_on: Mapped[dt.date]
    amount_minor: Mapped[int]
    paid_on: Mapped[dt.date | None]
    paid_minor: Mapped[int | None]
    status: Mapped[DisbursementStatus] = mapped_column(
        enum_type(DisbursementStatus, "disbursement_status"), default=DisbursementStatus.PLANNED
    )
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    payment_cancelled_on: Mapped[dt.date | None]
    payment_cancellation_reason: Mapped[str | None] = mapped_column(Text)
    #: Whether cancelling the payment also released its amount from the grant's commitment
    #: (the grant had already ended, its commitment released down to what it paid).
    payment_cancellation_released: Mapped[bool | None]

    grant: Mapped[Grant] = relationship(back_populates="disbursements", lazy="raise")


class GrantRefund(Timestamps, Provenance, Base):
    """Unspent money a grantee returned to the fund (never more than it was paid, net)."""

    __tablename__ = "grant_refund"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("currency = 'USD'", name="usd_only"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_award.id", ondelete="RESTRICT"), index=True)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    amount_minor: Mapped[int]
    received_on: Mapped[dt.date]
    reason: Mapped[str] = mapped_column(Text)
    #: Whether the refund also released its amount from the grant's commitment: the grant had
    #: ended when it was recorded (an open grant's closure releases what it did not keep).
    released_commitment: Mapped[bool]

    grant: Mapped[Grant] = relationship(back_populates="refunds", lazy="raise")


class AmendmentKind(StrEnum):
    #: a later end date, the amount unchanged
    EXTENSION = "extension"
    #: a higher amount: more money committed, checked against what the fund has
    INCREASE = "increase"
    #: a lower amount: the difference released to the fund
    DECREASE = "decrease"


class AmendmentStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"


class GrantAmendment(Timestamps, Provenance, Base):
    """A change of an open grant, requested by staff with a reason and approved (or rejected) by
    the approver: a no-cost extension (a later end date), an increase (commits more) or a decrease
    (releases the difference). Only an approved one changes the grant and the books."""

    __tablename__ = "grant_amendment"
    __table_args__ = (
        CheckConstraint("previous_minor > 0 AND amount_minor > 0", name="amounts_positive"),
        CheckConstraint(
            "(kind = 'extension' AND amount_minor = previous_minor AND previous_ends_on IS NOT NULL "
            "AND ends_on IS NOT NULL AND ends_on > previous_ends_on) "
            "OR (kind = 'increase' AND amount_minor > previous_minor AND ends_on IS NULL) "
            "OR (kind = 'decrease' AND amount_minor < previous_minor AND ends_on IS NULL)",
            name="kind_changes",
        ),
        CheckConstraint("(status = 'requested') = (decided_on IS NULL)", name="decided_iff_decided"),
        CheckConstraint("decided_on IS NULL OR decided_on >= requested_on", name="decided_after_requested"),
        CheckConstraint("currency = 'USD'", name="usd_only"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_award.id", ondelete="RESTRICT"), index=True)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    #: The grant's amount when the amendment was requested, and after it (the same for an extension).
    previous_minor: Mapped[int]
    amount_minor: Mapped[int]
    #: The day the approver decided; None while it is requested.
    decided_on: Mapped[dt.date | None]
    reason: Mapped[str] = mapped_column(Text)
    kind: Mapped[AmendmentKind] = mapped_column(enum_type(AmendmentKind, "amendment_kind"))
    status: Mapped[AmendmentStatus] = mapped_column(
        enum_type(AmendmentStatus, "amendment_status"), default=AmendmentStatus.REQUESTED
    )
    requested_on: Mapped[dt.date]
    #: An extension's end dates: the grant's when requested, and the new one.
    previous_ends_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    #: Why the approver rejected it (or a note on the approval).
    decision_note: Mapped[str | None] = mapped_column(Text)

    grant: Mapped[Grant] = relationship(back_populates="amendments", lazy="raise")


class ReportKind(StrEnum):
    INTERIM = "interim"
    FINAL = "final"


class ReportNature(StrEnum):
    NARRATIVE = "narrative"
    FINANCIAL = "financial"


class ReportStatus(StrEnum):
    DUE = "due"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class GrantReport(Timestamps, Versioned, Base):
    __tablename__ = "grant_report"
    __table_args__ = (
        UniqueConstraint("grant_id", "kind", "nature", "due_on"),
        Index(None, "status", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_award.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[ReportKind] = mapped_column(enum_type(ReportKind, "report_kind"))
    nature: Mapped[ReportNature] = mapped_column(enum_type(ReportNature, "report_nature"))
    due_on: Mapped[dt.date]
    received_on: Mapped[dt.date | None]
    status: Mapped[ReportStatus] = mapped_column(
        enum_type(ReportStatus, "report_status"), default=ReportStatus.DUE
    )
    review_note: Mapped[str | None] = mapped_column(Text)
    #: The people the report says the project assisted, each person counted once whatever help
    #: they had; None where the report states no people (a financial report, one not received).
    #: Each breakdown below adds up to at most this (the rest is not known).
    people_assisted: Mapped[int | None]

    grant: Mapped[Grant] = relationship(back_populates="reports", lazy="raise")
    people_counts: Mapped[list[PeopleCount]] = relationship(
        back_populates="report", lazy="raise", order_by="PeopleCount.id"
    )
    expenditure: Mapped[list[ReportExpenditure]] = relationship(
        back_populates="report", lazy="raise", order_by="ReportExpenditure.category_id"
    )

    def breakdown_rows(self, name: str) -> list[dict[str, object]]:
        """The rows of one of the report's breakdowns (``PEOPLE_BREAKDOWNS``), as the API reads
        and writes them: ``{"sex": "female", "age_group": "child", "people": 12}``."""
        breakdown, keys = PEOPLE_BREAKDOWNS[name]
        return [
            {
                **{
                    key: CATEGORY_TYPES.get(key, str)(part)
                    for key, part in zip(keys, count.category.split("/"), strict=True)
                },
                "people": count.people,
            }
            for count in self.people_counts
            if count.breakdown == breakdown
        ]

    @property
    def people_by_sex_and_age(self) -> list[dict[str, object]]:
        return self.breakdown_rows("people_by_sex_and_age")

    @property
    def people_by_nationality(self) -> list[dict[str, object]]:
        return self.breakdown_rows("people_by_nationality")

    @property
    def people_by_assistance(self) -> list[dict[str, object]]:
        return self.breakdown_rows("people_by_assistance")


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NOT_DISAGGREGATED = "not_disaggregated"


class AgeGroup(StrEnum):
    CHILD = "child"
    ADULT = "adult"
    NOT_DISAGGREGATED = "not_disaggregated"


class Breakdown(StrEnum):
    """A way a report breaks down its people assisted; each adds up to at most the total."""

    #: category ``<sex>/<age_group>``, e.g. ``female/child``
    SEX_AND_AGE = "sex_and_age"
    #: category an ISO 3166-1 alpha-2 code (or an exception), where the nationality is known
    NATIONALITY = "nationality"
    #: category the main kind of assistance each person had (each person under one kind)
    ASSISTANCE = "assistance"


#: A report's breakdowns, as the API names them -> (the breakdown, the keys of a row that make its
#: category: ``{"sex": "female", "age_group": "child"}`` is ``female/child``).
PEOPLE_BREAKDOWNS: dict[str, tuple[Breakdown, tuple[str, ...]]] = {
    "people_by_sex_and_age": (Breakdown.SEX_AND_AGE, ("sex", "age_group")),
    "people_by_nationality": (Breakdown.NATIONALITY, ("country_code",)),
    "people_by_assistance": (Breakdown.ASSISTANCE, ("assistance",)),
}
#: The type of a key of a category that is not a plain string.
CATEGORY_TYPES: dict[str, type[StrEnum]] = {"sex": Sex, "age_group": AgeGroup}
#: The categories of the sex-and-age breakdown.
SEX_AND_AGE_CATEGORIES = tuple(f"{sex}/{age}" for sex in Sex for age in AgeGroup)


class PeopleCount(Base):
    """How many of a report's people assisted fall in a category of a breakdown (aggregates,
    never persons)."""

    __tablename__ = "people_count"
    __table_args__ = (
        UniqueConstraint("report_id", "breakdown", "category"),
        CheckConstraint("people >= 0", name="people_non_negative"),
        CheckConstraint(
            "breakdown <> 'sex_and_age' OR category IN ("
            + ", ".join(f"'{c}'" for c in SEX_AND_AGE_CATEGORIES)
            + ")",
            name="sex_and_age_category",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("grant_report.id", ondelete="RESTRICT"), index=True)
    breakdown: Mapped[Breakdown] = mapped_column(enum_type(Breakdown, "people_breakdown"))
    category: Mapped[str] = mapped_column(String(40))
    people: Mapped[int]

    report: Mapped[GrantReport] = relationship(back_populates="people_counts", lazy="raise")


class ReportExpenditure(Base):
    """What a financial report says the grantee spent under one line (category) of the grant's
    budget in the report's period."""

    __tablename__ = "report_expenditure"
    __table_args__ = (
        UniqueConstraint("report_id", "category_id"),
        CheckConstraint("amount_minor >= 0", name="amount_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("grant_report.id", ondelete="RESTRICT"))
    category_id: Mapped[int] = mapped_column(
        ForeignKey("budget_category.id", ondelete="RESTRICT"), index=True
    )
    amount_minor: Mapped[int]
    #: expenditure is reported in the fund's currency
    currency: ClassVar[str] = FUND_CURRENCY

    report: Mapped[GrantReport] = relationship(back_populates="expenditure", lazy="raise")


def _of_grants(ids: tuple[int, ...]) -> Callable[[Any], ColumnElement[bool]]:
    return lambda cls: cls.grant_id.in_(select(Grant.id).where(Grant.fund_id.in_(ids)))


# which fund each record belongs to (``fund_scope``): a grant its fund's, the rest their grant's
owned_by_fund(Grant, by_fund_id)
for _model in (GrantCondition, Disbursement, GrantRefund, GrantAmendment, GrantReport, GrantBudgetLine):
    owned_by_fund(_model, _of_grants)
