"""The service's own health: database reachable, schema revision, record counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import schema
from ..errors import NotMigrated
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


#: ``database_status``: the database answers at the code's schema revision / answers, but at
#: another one (or none) / does not answer.
DATABASE_OK = "ok"
DATABASE_NOT_MIGRATED = "reachable, not migrated"
DATABASE_UNREACHABLE = "unreachable"
DATABASE_STATUSES = (DATABASE_OK, DATABASE_NOT_MIGRATED, DATABASE_UNREACHABLE)


def health(session: Session, *, detailed: bool = True) -> dict[str, Any]:
    """The revision, then the counts in one round trip when the schema is the code's.

    Only a ``detailed`` answer (to an authenticated caller) gives the migration revision and the
    record counts; anyone may learn whether the service and its database are up.
    """
    answer = _health(session, detailed=detailed)
    if not detailed:
        answer.pop("migration_revision", None)
        answer.pop("counts", None)
    return answer


def _health(session: Session, *, detailed: bool) -> dict[str, Any]:
    dialect = session.get_bind().dialect.name
    try:
        try:
            revision = schema.revision_of(session.connection())
        except NotMigrated as several:
            return _unavailable(dialect, DATABASE_NOT_MIGRATED, several.detail)
        problem = schema.revision_problem(revision)
        if problem is not None:
            return _unavailable(dialect, DATABASE_NOT_MIGRATED, problem.detail, revision=revision)
        if not detailed:
            return {
                "status": "ok",
                "database": dialect,
                "database_reachable": True,
                "database_status": DATABASE_OK,
            }
        counts_query = union_all(
            *(
                select(literal(name).label("name"), func.count().label("n")).select_from(model)
                for name, model in COUNTED.items()
            )
        )
        counts = {name: n for name, n in session.execute(counts_query)}
    except SQLAlchemyError:
        session.rollback()
        return _unavailable(dialect, DATABASE_UNREACHABLE, "the database cannot be reached")
    return {
        "status": "ok",
        "database": dialect,
        "database_reachable": True,
        "database_status": DATABASE_OK,
        "migration_revision": revision,
        "counts": counts,
    }


def _unavailable(dialect: str, status: str, detail: str, revision: str | None = None) -> dict[str, Any]:
    return {
        "status": "unavailable",
        "database": dialect,
        "database_reachable": status != DATABASE_UNREACHABLE,
        "database_status": status,
        "detail": detail,
        "migration_revision": revision,
        "counts": {},
    }
