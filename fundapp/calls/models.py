"""Calls for proposals: one per grant cycle (or window, such as "10.2")."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, enum_type
from ..fund_scope import by_fund_id, owned_by_fund
from ..funds.models import DEFAULT_CRITERIA
from ..models_base import Provenance, Timestamps, Versioned


class CallStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    UNDER_REVIEW = "under_review"
    DECIDED = "decided"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Call(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "call"
    __table_args__ = (
        UniqueConstraint("fund_id", "cycle_label"),
        CheckConstraint("floor_minor > 0", name="floor_positive"),
        CheckConstraint("ceiling_minor >= floor_minor", name="ceiling_above_floor"),
        CheckConstraint("budget_minor IS NULL OR budget_minor > 0", name="budget_positive"),
        CheckConstraint("max_duration_months BETWEEN 1 AND 120", name="duration_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    cycle_label: Mapped[str] = mapped_column(String(10))
    cycle_number: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    launched_on: Mapped[dt.date | None]
    deadline: Mapped[dt.datetime | None]
    priorities: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The title and priorities in French (a French document never prints the English ones:
    #: without them it prints the English marked as such). ``priorities_fr`` is parallel to
    #: ``priorities``.
    title_fr: Mapped[str | None] = mapped_column(String(300))
    priorities_fr: Mapped[list[str] | None] = mapped_column(JSON)
    eligibility_criteria: Mapped[list[str]] = mapped_column(JSON, default=lambda: list(DEFAULT_CRITERIA))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    budget_minor: Mapped[int | None]
    floor_minor: Mapped[int]
    ceiling_minor: Mapped[int]
    max_duration_months: Mapped[int]
    reserve_expires_on: Mapped[dt.date | None]
    status: Mapped[CallStatus] = mapped_column(
        enum_type(CallStatus, "call_status"), default=CallStatus.DRAFT, index=True
    )


owned_by_fund(Call, by_fund_id)  # which fund it belongs to: see ``fund_scope``
