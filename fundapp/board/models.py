"""The Board of Trustees: terms, members, sessions, recommendations, and final approval."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
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

from ..calls.models import Call
from ..db import Base, enum_type
from ..fund_scope import by_fund_id, owned_by_fund
from ..models_base import Provenance, Timestamps, Versioned
from ..proposals.models import Proposal

#: What a term's appointment may say beyond its date and appointer (2015 report par. 68: "un
#: nouveau conseil d'administration de haut niveau, en tenant compte des connaissances de chaque
#: membre dans le domaine de la traite de personnes").
APPOINTMENT_NOTES = ("new_board", "high_level", "expertise")


class BoardTerm(Timestamps, Provenance, Base):
    __tablename__ = "board_term"
    __table_args__ = (
        UniqueConstraint("fund_id", "label"),
        CheckConstraint("ends_on >= starts_on", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    label: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    appointed_on: Mapped[dt.date | None]
    appointed_by: Mapped[str | None] = mapped_column(String(100))
    #: What the appointment said beyond its date (``APPOINTMENT_NOTES``), as the documents word it;
    #: a list, empty when it said nothing more (nullable only because a JSON column can carry no
    #: server default that PostgreSQL compares: the migration fills the terms it finds).
    appointment_notes: Mapped[list[str] | None] = mapped_column(JSON, default=list)

    members: Mapped[list[BoardMember]] = relationship(
        back_populates="term", lazy="raise", order_by="(BoardMember.is_chair.desc(), BoardMember.id)"
    )


class BoardMember(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "board_member"
    __table_args__ = (UniqueConstraint("term_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("board_term.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(String(2))
    is_chair: Mapped[bool] = mapped_column(Boolean, default=False)
    gender: Mapped[str | None] = mapped_column(String(1))  # for "la Présidente" / "le Président"
    #: Where the fund writes to the member (the Board pack); personal data, never published.
    email: Mapped[str | None] = mapped_column(String(254))

    term: Mapped[BoardTerm] = relationship(back_populates="members", lazy="raise")


class SessionStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CLOSED = "closed"


class BoardSession(Timestamps, Versioned, Base):
    __tablename__ = "board_session"
    __table_args__ = (CheckConstraint("available_income_minor >= 0", name="income_non_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("call.id", ondelete="RESTRICT"), index=True)
    term_id: Mapped[int | None] = mapped_column(ForeignKey("board_term.id", ondelete="RESTRICT"), index=True)
    held_on: Mapped[dt.date]
    place: Mapped[str] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    available_income_minor: Mapped[int]
    status: Mapped[SessionStatus] = mapped_column(
        enum_type(SessionStatus, "session_status"), default=SessionStatus.PLANNED
    )

    call: Mapped[Call] = relationship(lazy="raise")
    term: Mapped[BoardTerm | None] = relationship(lazy="raise")
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="session", lazy="raise", order_by="Recommendation.id"
    )
    #: The members' declared conflicts of interest: the slate's recusals.
    recusals: Mapped[list[Review]] = relationship(
        primaryjoin="and_(Review.session_id == BoardSession.id, Review.conflict_of_interest.is_(True))",
        viewonly=True,
        lazy="raise",
        order_by="(Review.proposal_id, Review.member_id)",
    )


class Decision(StrEnum):
    FUND = "fund"
    RESERVE = "reserve"
    DECLINE = "decline"


class RecommendationStatus(StrEnum):
    PENDING_APPROVAL = "pending_approval"  # fund: awaits the fund manager
    APPROVED = "approved"
    REJECTED = "rejected"
    ON_RESERVE = "on_reserve"
    PROMOTED = "promoted"  # reserve list, later approved
    EXPIRED = "expired"  # reserve list lapsed
    DECLINED = "declined"


class Recommendation(Timestamps, Base):
    __tablename__ = "recommendation"
    __table_args__ = (
        CheckConstraint("(decision = 'fund') = (amount_minor IS NOT NULL)", name="amount_iff_fund"),
        CheckConstraint("amount_minor IS NULL OR amount_minor > 0", name="amount_positive"),
        CheckConstraint(
            "(decision = 'reserve') = (reserve_expires_on IS NOT NULL)", name="expiry_iff_reserve"
        ),
        Index(None, "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("board_session.id", ondelete="RESTRICT"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="RESTRICT"), unique=True)
    decision: Mapped[Decision] = mapped_column(enum_type(Decision, "decision"))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    amount_minor: Mapped[int | None]
    rank: Mapped[int | None]
    rationale: Mapped[str] = mapped_column(Text)
    reserve_expires_on: Mapped[dt.date | None]
    status: Mapped[RecommendationStatus] = mapped_column(
        enum_type(RecommendationStatus, "recommendation_status")
    )
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))

    session: Mapped[BoardSession] = relationship(back_populates="recommendations", lazy="raise")
    proposal: Mapped[Proposal] = relationship(lazy="raise")
    approvals: Mapped[list[Approval]] = relationship(
        back_populates="recommendation", lazy="raise", order_by="Approval.id"
    )


class ApprovalDecision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


class Approval(Timestamps, Base):
    """The fund manager's final word on a recommendation (or a reserve-list promotion)."""

    __tablename__ = "approval"
    __table_args__ = (
        CheckConstraint("(decision = 'approved') = (amount_minor IS NOT NULL)", name="amount_iff_approved"),
        CheckConstraint("amount_minor IS NULL OR amount_minor > 0", name="amount_positive"),
        CheckConstraint("decision = 'approved' OR reason IS NOT NULL", name="rejection_has_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="RESTRICT"), index=True
    )
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    approver_name: Mapped[str] = mapped_column(String(200))
    decision: Mapped[ApprovalDecision] = mapped_column(enum_type(ApprovalDecision, "approval_decision"))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    amount_minor: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime]

    recommendation: Mapped[Recommendation] = relationship(back_populates="approvals", lazy="raise")


class ReviewCriterion(Timestamps, Versioned, Base):
    """What the fund asks its Board members to score each proposal on, e.g. relevance 1 to 5."""

    __tablename__ = "review_criterion"
    __table_args__ = (
        UniqueConstraint("fund_id", "name_en"),
        CheckConstraint(
            "scale_min >= 0 AND scale_max > scale_min AND scale_max <= 100", name="scale_ordered"
        ),
        CheckConstraint("weight >= 1 AND weight <= 100", name="weight_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str] = mapped_column(String(200))
    scale_min: Mapped[int]
    scale_max: Mapped[int]
    #: How much the criterion counts in a proposal's weighted total (1 when the fund gives none).
    weight: Mapped[int] = mapped_column(default=1)
    #: Retired criteria keep their scores but are no longer asked for.
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Review(Timestamps, Versioned, Base):
    """One Board member's review of one proposal before a session: scores, a comment and a
    recommendation, or a declared conflict of interest (a recusal), never both."""

    __tablename__ = "board_review"
    __table_args__ = (
        UniqueConstraint("session_id", "proposal_id", "member_id"),
        CheckConstraint(
            "conflict_of_interest = (recommendation IS NULL)", name="recommendation_unless_conflict"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("board_session.id", ondelete="RESTRICT"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="RESTRICT"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("board_member.id", ondelete="RESTRICT"), index=True)
    conflict_of_interest: Mapped[bool] = mapped_column(Boolean, default=False)
    recommendation: Mapped[Decision | None] = mapped_column(enum_type(Decision, "decision"))
    comment: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))

    session: Mapped[BoardSession] = relationship(lazy="raise")
    proposal: Mapped[Proposal] = relationship(lazy="raise")
    member: Mapped[BoardMember] = relationship(lazy="raise")
    scores: Mapped[list[ReviewScore]] = relationship(
        back_populates="review",
        lazy="raise",
        order_by="ReviewScore.criterion_id",
        cascade="all, delete-orphan",
    )


class ReviewScore(Base):
    __tablename__ = "board_review_score"
    __table_args__ = (UniqueConstraint("review_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("board_review.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("review_criterion.id", ondelete="RESTRICT"), index=True
    )
    score: Mapped[int]

    review: Mapped[Review] = relationship(back_populates="scores", lazy="raise")


def _of_sessions(ids: tuple[int, ...]) -> Callable[[Any], ColumnElement[bool]]:
    return lambda cls: cls.session_id.in_(select(BoardSession.id).where(BoardSession.fund_id.in_(ids)))


# which fund each record belongs to (``fund_scope``): a Board of Trustees (its terms and their
# members) is one fund's; a session, its recommendations, approvals and reviews are its fund's
owned_by_fund(BoardTerm, by_fund_id)
owned_by_fund(
    BoardMember,
    lambda ids: lambda cls: cls.term_id.in_(select(BoardTerm.id).where(BoardTerm.fund_id.in_(ids))),
)
owned_by_fund(BoardSession, by_fund_id)
owned_by_fund(ReviewCriterion, by_fund_id)
owned_by_fund(Recommendation, _of_sessions)
owned_by_fund(Review, _of_sessions)
owned_by_fund(
    Approval,
    lambda ids: (
        lambda cls: cls.recommendation_id.in_(
            select(Recommendation.id).join(BoardSession).where(BoardSession.fund_id.in_(ids))
        )
    ),
)
