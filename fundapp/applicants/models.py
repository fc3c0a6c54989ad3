"""NGO applicants (organisations)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..models_base import Provenance, Timestamps, Versioned


class Organisation(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "organisation"
    __table_args__ = (
        UniqueConstraint("country_code", "registration_number"),
        CheckConstraint(
            "year_founded IS NULL OR year_founded BETWEEN 1800 AND 2100", name="year_founded_range"
        ),
        Index(None, "name"),
        Index(None, "country_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    acronym: Mapped[str | None] = mapped_column(String(40))
    country_code: Mapped[str] = mapped_column(String(2))
    registration_number: Mapped[str] = mapped_column(String(100))
    partner_portal_id: Mapped[str | None] = mapped_column(String(40), unique=True)
    year_founded: Mapped[int | None]
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
