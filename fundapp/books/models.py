"""The fund's books: an append-only ledger of dated money movements, and the balances kept from it."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..contributions.models import DonorKind
from ..db import Base, DecimalText, enum_type, utcnow


class Account(enum.StrEnum):
    """What a movement changes. Pledged and received amounts are in the pledge's currency (with
    their USD value where it is fixed); committed and disbursed are in USD."""

    PLEDGED = "pledged"
    RECEIVED = "received"
    COMMITTED = "committed"
    DISBURSED = "disbursed"


class Movement(enum.StrEnum):
    """The event a ledger entry records; each moves one account, up or down."""

    PLEDGE = "pledge"
    PLEDGE_CHANGE = "pledge_change"
    PLEDGE_CANCELLATION = "pledge_cancellation"
    RECEIPT = "receipt"
    RECEIPT_REVERSAL = "receipt_reversal"
    COMMITMENT = "commitment"
    COMMITMENT_RELEASE = "commitment_release"
    PAYMENT = "payment"
    PAYMENT_CANCELLATION = "payment_cancellation"
    REFUND = "refund"


#: The account each movement moves, and its sign.
MOVES: dict[Movement, tuple[Account, int]] = {
    Movement.PLEDGE: (Account.PLEDGED, 1),
    Movement.PLEDGE_CHANGE: (Account.PLEDGED, 0),  # up or down: the entry's sign says
    Movement.PLEDGE_CANCELLATION: (Account.PLEDGED, -1),
    Movement.RECEIPT: (Account.RECEIVED, 1),
    Movement.RECEIPT_REVERSAL: (Account.RECEIVED, -1),
    Movement.COMMITMENT: (Account.COMMITTED, 1),
    Movement.COMMITMENT_RELEASE: (Account.COMMITTED, -1),
    Movement.PAYMENT: (Account.DISBURSED, 1),
    Movement.PAYMENT_CANCELLATION: (Account.DISBURSED, -1),
    Movement.REFUND: (Account.DISBURSED, -1),
}


class LedgerEntry(Base):
    """One money movement: never updated, never deleted (the database refuses both).

    ``effective_on`` is the day it happened in the world, ``recorded_at`` when the fund wrote it
    down. A correction is a new entry dated when it happened, so the books as of a past day
    read the same tomorrow as today. ``amount_minor`` is signed, in ``currency``; ``usd_minor``
    is its signed USD value, unknown (NULL) only for a pledge in another currency, which is
    valued when money arrives on it or at the rate of the day the books are read for.
    """

    __tablename__ = "ledger_entry"
    __table_args__ = (
        CheckConstraint("amount_minor <> 0", name="moves_money"),
        CheckConstraint("usd_minor IS NOT NULL OR account = 'pledged'", name="usd_known"),
        CheckConstraint(
            "(account IN ('committed', 'disbursed')) = (grant_id IS NOT NULL)", name="grant_accounts"
        ),
        CheckConstraint(
            "(account IN ('pledged', 'received')) = (contribution_id IS NOT NULL)", name="pledge_accounts"
        ),
        Index("ix_ledger_entry_fund_account_day", "fund_id", "account", "effective_on"),
        # a call's grant money (a cycle summary's) reads the call's own entries
        Index("ix_ledger_entry_call_account", "call_id", "account"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"))
    account: Mapped[Account] = mapped_column(enum_type(Account, "ledger_account"))
    movement: Mapped[Movement] = mapped_column(enum_type(Movement, "ledger_movement"))
    effective_on: Mapped[dt.date]
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int]
    usd_minor: Mapped[int | None]
    usd_rate: Mapped[Decimal | None] = mapped_column(DecimalText())
    # the record it comes from, and the dimensions the books are read by
    contribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("contribution.id", ondelete="RESTRICT"), index=True
    )
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("contribution_receipt.id", ondelete="RESTRICT"))
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("donor.id", ondelete="RESTRICT"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="RESTRICT"))
    grant_id: Mapped[int | None] = mapped_column(
        ForeignKey("grant_award.id", ondelete="RESTRICT"), index=True
    )
    disbursement_id: Mapped[int | None] = mapped_column(ForeignKey("disbursement.id", ondelete="RESTRICT"))
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("grant_refund.id", ondelete="RESTRICT"))
    amendment_id: Mapped[int | None] = mapped_column(ForeignKey("grant_amendment.id", ondelete="RESTRICT"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id", ondelete="RESTRICT"))


class Balance(Base):
    """The running total of an account for a fund, a grant or a pledge, kept in the same
    transaction as the entries that move it, so that a check under the fund's lock reads one row.

    ``owner`` is ``fund`` (received, committed and disbursed in USD), ``grant`` (disbursed) or
    ``contribution`` (received, in the pledge's currency).
    """

    __tablename__ = "ledger_balance"
    __table_args__ = (CheckConstraint("owner IN ('fund', 'grant', 'contribution')", name="owner_kind"),)

    owner: Mapped[str] = mapped_column(String(16), primary_key=True)
    owner_id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[Account] = mapped_column(enum_type(Account, "ledger_account"), primary_key=True)
    balance_minor: Mapped[int] = mapped_column(default=0)


class ReceivedByDonor(Base):
    """Money received from a donor into a fund, net of reversals, as the books stand: kept in the
    same transaction as the entries, so that totals without a day read one row per donor, not
    one per receipt. ``receipts`` counts receipts less reversals."""

    __tablename__ = "ledger_received_by_donor"
    __table_args__ = (Index("ix_ledger_received_by_donor_donor", "donor_id"),)

    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id", ondelete="RESTRICT"), primary_key=True)
    usd_minor: Mapped[int] = mapped_column(default=0)
    receipts: Mapped[int] = mapped_column(default=0)


class ReceivedByDonorYear(Base):
    """The same, per calendar year of the receipts' (and reversals') effective days."""

    __tablename__ = "ledger_received_by_donor_year"
    __table_args__ = (Index("ix_ledger_received_by_donor_year_donor", "donor_id", "year"),)

    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donor.id", ondelete="RESTRICT"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    usd_minor: Mapped[int] = mapped_column(default=0)
    receipts: Mapped[int] = mapped_column(default=0)


#: The ``scope`` of the donor kinds' sums over every fund (a fund's own sums have its id).
EVERY_FUND = 0


class ReceivedByKind(Base):
    """Money received from the donors of a kind, net of reversals, as the books stand, and how
    many of them gave: kept with the entries, so that the totals by donor kind (and the fund-wide
    ones) read a row per kind, however many donors and receipts.

    ``scope`` is a fund's id, or ``EVERY_FUND`` for the sums over every fund, where a donor who
    gave to two funds counts once. ``donors`` counts the donors whose receipts, less reversals,
    are more than none in the scope; it moves when a donor's count crosses zero, and a donor
    whose kind changes takes its sums from one kind to the other.
    """

    __tablename__ = "ledger_received_by_kind"
    __table_args__ = (CheckConstraint("scope >= 0", name="scope_fund_or_every"),)

    scope: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    donor_kind: Mapped[DonorKind] = mapped_column(enum_type(DonorKind, "donor_kind"), primary_key=True)
    usd_minor: Mapped[int] = mapped_column(default=0)
    receipts: Mapped[int] = mapped_column(default=0)
    donors: Mapped[int] = mapped_column(default=0)


class ReceivedByKindYear(Base):
    """The same, per calendar year of the receipts' (and reversals') effective days: ``donors``
    counts the donors who gave in the year, net of its reversals."""

    __tablename__ = "ledger_received_by_kind_year"
    __table_args__ = (CheckConstraint("scope >= 0", name="scope_fund_or_every"),)

    scope: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    donor_kind: Mapped[DonorKind] = mapped_column(enum_type(DonorKind, "donor_kind"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    usd_minor: Mapped[int] = mapped_column(default=0)
    receipts: Mapped[int] = mapped_column(default=0)
    donors: Mapped[int] = mapped_column(default=0)
