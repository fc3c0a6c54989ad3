"""Donors, campaigns, contributions (pledges), their receipts, and exchange rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, DecimalText, enum_type
from ..fund_scope import by_fund_id, owned_by_fund
from ..models_base import Provenance, Timestamps, Versioned


class DonorKind(StrEnum):
    MEMBER_STATE = "member_state"
    PRIVATE_SECTOR = "private_sector"
    FOUNDATION = "foundation"
    INTERGOVERNMENTAL = "intergovernmental"
    INDIVIDUAL = "individual"


class ContributionStatus(StrEnum):
    PLEDGED = "pledged"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class ReceiptStatus(StrEnum):
    RECORDED = "recorded"
    REVERSED = "reversed"


class Donor(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "donor"
    __table_args__ = (Index(None, "kind"), Index(None, "name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[DonorKind] = mapped_column(enum_type(DonorKind, "donor_kind"))
    country_code: Mapped[str | None] = mapped_column(String(2))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_email: Mapped[str | None] = mapped_column(String(254))
    internal_note: Mapped[str | None] = mapped_column(Text)

    contributions: Mapped[list[Contribution]] = relationship(back_populates="donor", lazy="raise")


class Campaign(Timestamps, Provenance, Base):
    __tablename__ = "campaign"
    __table_args__ = (
        UniqueConstraint("fund_id", "name"),
        CheckConstraint("target_minor IS NULL OR target_minor > 0", name="target_positive"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str | None] = mapped_column(String(100))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date | None]
    target_minor: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3), default="USD")


class Contribution(Timestamps, Provenance, Versioned, Base):
    """A donor's pledge to a fund, in the donor's currency; receipts record the money."""

    __tablename__ = "contribution"
    __table_args__ = (
        CheckConstraint("pledged_minor > 0", name="pledged_positive"),
        CheckConstraint("(status = 'cancelled') = (cancellation_reason IS NOT NULL)", name="cancel_reason"),
        Index(None, "fund_id", "pledged_on"),
        Index(None, "pledged_on", "id"),  # the list's default order (and its cursor)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id", ondelete="RESTRICT"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="RESTRICT"), index=True
    )
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    pledged_on: Mapped[dt.date]
    currency: Mapped[str] = mapped_column(String(3), index=True)
    pledged_minor: Mapped[int]
    earmarking: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[ContributionStatus] = mapped_column(
        enum_type(ContributionStatus, "contribution_status"),
        default=ContributionStatus.PLEDGED,
        index=True,
    )
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    cancelled_at: Mapped[dt.datetime | None]
    internal_note: Mapped[str | None] = mapped_column(Text)

    donor: Mapped[Donor] = relationship(back_populates="contributions", lazy="raise")
    campaign: Mapped[Campaign | None] = relationship(lazy="raise")
    receipts: Mapped[list[Receipt]] = relationship(
        back_populates="contribution", lazy="raise", order_by="Receipt.id"
    )
    if TYPE_CHECKING:
        # not columns: what the books say the pledge received, set by the services for its schemas
        received_minor: int
        received_usd_minor: int


class Receipt(Timestamps, Base):
    """Money actually received against a pledge, with its USD equivalent at receipt."""

    __tablename__ = "contribution_receipt"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("usd_minor > 0", name="usd_positive"),
        CheckConstraint("(status = 'reversed') = (reversal_reason IS NOT NULL)", name="reversal_reason"),
        Index(None, "fund_id", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"))
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contribution.id", ondelete="RESTRICT"), index=True
    )
    received_on: Mapped[dt.date]
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int]
    usd_minor: Mapped[int]
    usd_rate: Mapped[Decimal] = mapped_column(DecimalText())
    rate_date: Mapped[dt.date]
    status: Mapped[ReceiptStatus] = mapped_column(
        enum_type(ReceiptStatus, "receipt_status"), default=ReceiptStatus.RECORDED
    )
    reversal_reason: Mapped[str | None] = mapped_column(Text)
    reversed_at: Mapped[dt.datetime | None]

    contribution: Mapped[Contribution] = relationship(back_populates="receipts", lazy="raise")


class ExchangeRate(Timestamps, Base):
    """USD per unit of a currency on a date, maintained by staff."""

    __tablename__ = "exchange_rate"
    __table_args__ = (UniqueConstraint("currency", "rate_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    rate_date: Mapped[dt.date]
    usd_per_unit: Mapped[Decimal] = mapped_column(DecimalText())
    source: Mapped[str | None] = mapped_column(String(200))


# which fund each record belongs to (``fund_scope``); a donor gives to several funds and is the
# installation's, as an applicant organisation is
owned_by_fund(Campaign, by_fund_id)
owned_by_fund(Contribution, by_fund_id)
owned_by_fund(Receipt, by_fund_id)
