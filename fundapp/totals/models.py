"""Totals aggregate receipts, contributions and donors (``contributions/models.py``) in SQL.

Their one table is a version number of that money: database triggers (see the migration
``money data version``) add one to it in every transaction that writes a receipt, a
contribution, a donor or a campaign, so a totals answer computed at version N may be
served again while the version is still N.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base

#: The ``data_version`` row the money triggers advance.
MONEY = "money"


class DataVersion(Base):
    __tablename__ = "data_version"
    # its row is made by the migration and advanced by triggers; a restore advances it again
    __table_args__ = {"info": {"backup": False}}

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
