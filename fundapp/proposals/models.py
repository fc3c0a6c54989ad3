"""Proposals submitted to a call, their facets, and their eligibility screening."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from types import SimpleNamespace
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..applicants.models import Organisation
from ..calls.models import Call
from ..db import Base, enum_type
from ..fund_scope import owned_by_fund
from ..funds.models import BudgetCategory
from ..models_base import Provenance, Timestamps, Versioned
from ..money import FUND_CURRENCY


class ProposalStatus(StrEnum):
    SUBMITTED = "submitted"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    RECOMMENDED = "recommended"
    RESERVE = "reserve"
    DECLINED = "declined"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Facet(StrEnum):
    COUNTRY = "country"
    TARGET_GROUP = "target_group"
    ASSISTANCE = "assistance"


class Proposal(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "proposal"
    __table_args__ = (
        CheckConstraint("requested_minor > 0", name="requested_positive"),
        CheckConstraint("duration_months BETWEEN 1 AND 120", name="duration_range"),
        Index(None, "call_id", "status"),
        Index(None, "submitted_at", "id"),  # the list's default order (and its cursor)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("call.id", ondelete="RESTRICT"))
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    requested_minor: Mapped[int]
    duration_months: Mapped[int]
    language: Mapped[str] = mapped_column(String(2), default="en")
    status: Mapped[ProposalStatus] = mapped_column(
        enum_type(ProposalStatus, "proposal_status"), default=ProposalStatus.SUBMITTED, index=True
    )
    submitted_at: Mapped[dt.datetime]
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)

    call: Mapped[Call] = relationship(lazy="raise")
    organisation: Mapped[Organisation] = relationship(lazy="raise")
    facets: Mapped[list[ProposalFacet]] = relationship(
        back_populates="proposal",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="(ProposalFacet.facet, ProposalFacet.code)",
    )
    checks: Mapped[list[EligibilityCheck]] = relationship(
        back_populates="proposal", lazy="raise", order_by="EligibilityCheck.id"
    )
    budget_lines: Mapped[list[ProposalBudgetLine]] = relationship(
        back_populates="proposal",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="ProposalBudgetLine.category_id",
    )

    def facet_codes(self, facet: Facet) -> list[str]:
        """The codes of one facet, from its rows (a list reads them as ``ListedProposal.facet_codes``)."""
        return [f.code for f in self.facets if f.facet == facet]


class ListedProposal(SimpleNamespace):
    """A proposal as a list reads it, a row of values (``pagination.record``): its facets are the
    aggregated column ``facets`` (``facets_column``), read as ``Proposal.facet_codes`` reads them."""

    facets: str | None

    def facet_codes(self, facet: Facet) -> list[str]:
        return parse_facets(self.facets).get(facet, [])


def facets_column() -> Any:
    """A correlated column: every facet of the row's proposal as 'facet:code,...' (for lists).

    One string per proposal in the page query instead of a second query loading a
    ProposalFacet object per code; ``parse_facets`` reads it back.
    """
    return (
        select(func.aggregate_strings(ProposalFacet.facet.cast(String) + ":" + ProposalFacet.code, ","))
        .where(ProposalFacet.proposal_id == Proposal.id)
        .scalar_subquery()
    )


def parse_facets(text: str | None) -> dict[Facet, list[str]]:
    codes: dict[Facet, list[str]] = {}
    for item in (text or "").split(","):
        if item:
            facet, _, code = item.partition(":")
            codes.setdefault(Facet(facet), []).append(code)
    return codes


class ProposalFacet(Base):
    """One country of implementation, target group or kind of assistance of a proposal."""

    __tablename__ = "proposal_facet"
    __table_args__ = (
        UniqueConstraint("proposal_id", "facet", "code"),
        Index(None, "facet", "code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    facet: Mapped[Facet] = mapped_column(enum_type(Facet, "facet"))
    code: Mapped[str] = mapped_column(String(40))

    proposal: Mapped[Proposal] = relationship(back_populates="facets", lazy="raise")


class EligibilityCheck(Base):
    """The outcome of one eligibility criterion for a proposal, with the reason."""

    __tablename__ = "eligibility_check"
    __table_args__ = (UniqueConstraint("proposal_id", "criterion"), Index(None, "criterion"))

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="RESTRICT"))
    criterion: Mapped[str] = mapped_column(String(40))
    passed: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    checked_at: Mapped[dt.datetime]

    proposal: Mapped[Proposal] = relationship(back_populates="checks", lazy="raise")


class ProposalBudgetLine(Base):
    """What a proposal asks for under one budget category of its fund; the lines add up to the
    amount requested."""

    __tablename__ = "proposal_budget_line"
    __table_args__ = (
        UniqueConstraint("proposal_id", "category_id"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    category_id: Mapped[int] = mapped_column(
        ForeignKey("budget_category.id", ondelete="RESTRICT"), index=True
    )
    amount_minor: Mapped[int]
    #: a budget is in the fund's currency
    currency: ClassVar[str] = FUND_CURRENCY

    proposal: Mapped[Proposal] = relationship(back_populates="budget_lines", lazy="raise")
    category: Mapped[BudgetCategory] = relationship(lazy="raise")


# a proposal belongs to its call's fund (``fund_scope``)
owned_by_fund(Proposal, lambda ids: lambda cls: cls.call_id.in_(select(Call.id).where(Call.fund_id.in_(ids))))
