"""An attached file: which record it belongs to, what it is (by its bytes), its SHA-256 and
where its bytes are kept; withdrawn with a reason, never deleted."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, enum_type
from ..models_base import Timestamps

#: The records files attach to: each its foreign key column (exactly one is set).
OWNERS = ("proposal", "grant", "grant_report", "receipt")


class Category(StrEnum):
    """What a file is to its record. The letters are the fund's own, kept as sent."""

    # a proposal's
    APPLICATION_FORM = "application_form"
    BUDGET = "budget"
    REGISTRATION_CERTIFICATE = "registration_certificate"
    DECISION_LETTER = "decision_letter"
    # a grant's
    SIGNED_AGREEMENT = "signed_agreement"
    REVISED_BUDGET = "revised_budget"
    AWARD_LETTER = "award_letter"
    # a grantee report's
    NARRATIVE = "narrative"
    FINANCIAL = "financial"
    # a receipt's
    ACKNOWLEDGEMENT = "acknowledgement"


class Attachment(Timestamps, Base):
    """One file of one record. The owner is named by its foreign key only: the records' packages
    sit above this one, which never imports their models."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint(
            " + ".join(f"CASE WHEN {o}_id IS NULL THEN 0 ELSE 1 END" for o in OWNERS) + " = 1",
            name="one_owner",
        ),
        CheckConstraint("size_bytes > 0", name="not_empty"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal.id", ondelete="RESTRICT"), index=True
    )
    grant_id: Mapped[int | None] = mapped_column(
        ForeignKey("grant_award.id", ondelete="RESTRICT"), index=True
    )
    grant_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("grant_report.id", ondelete="RESTRICT"), index=True
    )
    receipt_id: Mapped[int | None] = mapped_column(
        ForeignKey("contribution_receipt.id", ondelete="RESTRICT"), index=True
    )
    category: Mapped[Category] = mapped_column(enum_type(Category, "attachment_category"))
    #: The name it is downloaded under: the sender's, checked, with the extension of its content.
    filename: Mapped[str] = mapped_column(String(200))
    #: Decided from the bytes (``content.media_type_of``), never the sender's word.
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    storage_key: Mapped[str] = mapped_column(String(200))
    #: A letter's language; None for an uploaded file.
    language: Mapped[str | None] = mapped_column(String(2))
    #: Who attached it; None for the letters the sender writes.
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def owner(self) -> tuple[str, int]:
        """("grant", 12): the record the file belongs to."""
        for name in OWNERS:
            ident = getattr(self, f"{name}_id")
            if ident is not None:
                return name, ident
        raise ValueError(f"attachment {self.id} has no owner")
