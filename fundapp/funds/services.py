"""The trust funds an installation holds; their money figures are the books' (``books.services``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..pagination import paginate
from ..services_base import get_or_404
from .models import Fund


def get_fund(session: Session, fund_id: int) -> Fund:
    return get_or_404(session, Fund, fund_id, label="fund")


def list_funds(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    return paginate(
        session,
        select(Fund),
        query,
        sort_columns={
            "code": Fund.code,
            "short_name": Fund.short_name,
            "established_on": Fund.established_on,
        },
        tiebreak=Fund.id,
    )
