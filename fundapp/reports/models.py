"""Rendered documents, kept in the database so that every server of the installation finds them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, utcnow


class RenderedDocument(Base):
    """A PDF (a whole document, or a part of a Board pack) under the version of what it shows, or
    a part's page count under the version of its content (``body`` empty)."""

    __tablename__ = "rendered_document"
    __table_args__ = (
        Index(None, "created_at"),
        {"info": {"backup": False}},  # made again from the records whenever asked
    )

    #: The version key (sha256 hex) the document or part is kept under.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    pages: Mapped[int | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
