"""A contact person of an organisation or of a donor: personal data, never published."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..models_base import Timestamps, Versioned

#: The languages the fund may write to a contact in; Spanish only where a fund works in it.
CONTACT_LANGUAGES = ("en", "fr", "es")


class Contact(Timestamps, Versioned, Base):
    """One person the fund writes to, for exactly one organisation or one donor.

    The owner is named by its foreign key only: the organisations and donors sit above this
    package, which never imports their models.
    """

    __tablename__ = "contact"
    __table_args__ = (
        CheckConstraint("(organisation_id IS NULL) <> (donor_id IS NULL)", name="one_owner"),
        CheckConstraint("language IN ('en', 'fr', 'es')", name="language_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("donor.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2))
