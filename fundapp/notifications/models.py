"""The outbox: one row per e-mail to send, written in the transaction of the event it tells of,
and one row per attempt at sending it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, enum_type, utcnow
from ..fund_scope import by_fund_id, owned_by_fund
from ..models_base import Timestamps


class Kind(StrEnum):
    """What a message tells; each kind can be switched off per fund (``Fund.notifications_off``)."""

    DECISION = "decision"  # the Board's decision, after final approval, to the applicant
    REPORT_DUE = "report_due"  # a grantee report due within 30 days, to the grantee
    REPORT_OVERDUE = "report_overdue"  # a grantee report past its due date, to the grantee
    BOARD_PACK = "board_pack"  # the Board pack of a session is ready, to its members
    RECEIPT = "receipt"  # a receipt acknowledged, to the donor


class MessageStatus(StrEnum):
    PENDING = "pending"  # waiting for its first or next attempt (next_attempt_at)
    SENDING = "sending"  # claimed by a sender (committed) before it speaks to the SMTP server
    SENT = "sent"  # the SMTP server accepted it
    FAILED = "failed"  # refused for good, or out of attempts
    HELD = "held"  # a sender died holding it: perhaps sent; staff decide (see ``sender``)


class AttemptOutcome(StrEnum):
    UNDER_WAY = "under_way"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the sender died before it could say


class OutboxMessage(Timestamps, Base):
    __tablename__ = "outbox_message"
    __table_args__ = (Index(None, "status", "next_attempt_at"), Index(None, "kind"))

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[Kind] = mapped_column(enum_type(Kind, "notification_kind"))
    status: Mapped[MessageStatus] = mapped_column(
        enum_type(MessageStatus, "message_status"), default=MessageStatus.PENDING
    )
    #: The event and the address: one event never writes two messages to one address.
    event_key: Mapped[str] = mapped_column(String(400), unique=True)
    #: The Message-ID header, fixed when the message is written: every attempt carries the same.
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    #: What the message is about ("recommendation", 12).
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int]
    recipient_name: Mapped[str] = mapped_column(String(200))
    recipient_email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    #: The letter (a PDF document, ``letters.LETTERS``) the message carries, if any; the sender
    #: makes it before the first attempt and keeps it as a file of its record (``attachment_id``),
    #: so every attempt attaches the same bytes.
    letter: Mapped[str | None] = mapped_column(String(40))
    #: (No foreign key: the migration could not add one on SQLite; attachments are never deleted.)
    attachment_id: Mapped[int | None]

    attempt_log: Mapped[list[OutboxAttempt]] = relationship(
        back_populates="message", lazy="raise", order_by="OutboxAttempt.id"
    )


class OutboxAttempt(Base):
    """One try at handing a message to the SMTP server, and how it ended."""

    __tablename__ = "outbox_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_message.id", ondelete="RESTRICT"), index=True)
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None]
    outcome: Mapped[AttemptOutcome] = mapped_column(
        enum_type(AttemptOutcome, "attempt_outcome"), default=AttemptOutcome.UNDER_WAY
    )
    error: Mapped[str | None] = mapped_column(Text)

    message: Mapped[OutboxMessage] = relationship(back_populates="attempt_log", lazy="raise")


owned_by_fund(OutboxMessage, by_fund_id)  # a message is its fund's (``fund_scope``)
