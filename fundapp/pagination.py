"""Paginated, sorted lists in a constant number of queries (count + page + eager loads)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session


def paginate(
    session: Session,
    stmt: Select[Any],
    *,
    page: int,
    page_size: int,
    sort: str,
    sort_columns: dict[str, ColumnElement[Any]],
    tiebreak: ColumnElement[Any],
) -> dict[str, Any]:
    """Run ``stmt`` for one page: one COUNT, one SELECT (plus the statement's eager loads)."""
    descending = sort.startswith("-")
    column = sort_columns[sort.lstrip("-")]
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    ordered = stmt.order_by(
        column.desc() if descending else column.asc(), tiebreak.desc() if descending else tiebreak.asc()
    )
    items = session.scalars(ordered.limit(page_size).offset((page - 1) * page_size)).unique().all()
    return {"items": items, "total": total or 0, "page": page, "page_size": page_size}
