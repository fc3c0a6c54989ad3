"""The fund: one installation can hold several trust funds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..models_base import Provenance, Timestamps, Versioned


class Fund(Timestamps, Provenance, Versioned, Base):
    __tablename__ = "fund"
    __table_args__ = (CheckConstraint("currency = 'USD'", name="books_in_usd"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_fr: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(40))
    administrator: Mapped[str] = mapped_column(String(100))
    established_on: Mapped[dt.date]
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    #: How the fund publishes open data (IATI reporting org, 360Giving prefix, publisher's
    #: website, licence, public documents...): see ``fundapp.exports.publisher``. None or a
    #: missing key: the installation's defaults (``OPEN_DATA_*`` settings).
    open_data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
