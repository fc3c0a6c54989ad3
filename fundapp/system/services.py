"""The service's own health: database reachable, schema revision, record counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal, select, text, union_all
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..models import Call as CallModel
from ..models import Contribution, Donor, Fund, Grant, Organisation, Proposal, Receipt

COUNTED = {
    "funds": Fund,
    "calls": CallModel,
    "organisations": Organisation,
    "proposals": Proposal,
    "grants": Grant,
    "donors": Donor,
    "contributions": Contribution,
    "receipts": Receipt,
}


def health(session: Session) -> dict[str, Any]:
    """One round trip for the revision, one for all counts."""
    dialect = session.get_bind().dialect.name
    try:
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        counts_query = union_all(
            *(
                select(literal(name).label("name"), func.count().label("n")).select_from(model)
                for name, model in COUNTED.items()
            )
        )
        counts = {name: n for name, n in session.execute(counts_query)}
    except SQLAlchemyError:
        session.rollback()
        return {
            "status": "unavailable",
            "database": dialect,
            "database_reachable": False,
            "migration_revision": None,
            "counts": {},
        }
    return {
        "status": "ok",
        "database": dialect,
        "database_reachable": True,
        "migration_revision": revision,
        "counts": counts,
    }
