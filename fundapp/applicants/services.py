"""NGO applicants: register, amend and find organisations, one record per real NGO."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..audit import record_event
from ..auth.models import User
from ..errors import Conflict
from ..etag import require_if_match
from ..pagination import paginate
from ..services_base import get_or_404, snapshot
from .models import Organisation

AUDITED = (
    "name",
    "acronym",
    "country_code",
    "registration_number",
    "partner_portal_id",
    "year_founded",
    "contact_name",
    "contact_email",
)
IDENTITY = ("country_code", "registration_number", "partner_portal_id")


class DuplicateOrganisation(Conflict):
    title = "Duplicate organisation"


def find_duplicate(
    session: Session,
    country_code: str,
    registration_number: str,
    partner_portal_id: str | None,
    *,
    exclude_id: int | None = None,
) -> DuplicateOrganisation | None:
    """The 409 to raise when another organisation has this registration or Partner Portal id.

    Identifiers compare case-insensitively, so "rc-12" and "RC-12" are one organisation.
    """
    same_registration = and_(
        Organisation.country_code == country_code,
        func.upper(Organisation.registration_number) == registration_number.upper(),
    )
    clauses = [same_registration]
    if partner_portal_id:
        clauses.append(func.upper(Organisation.partner_portal_id) == partner_portal_id.upper())
    stmt = select(
        Organisation.id, Organisation.name, Organisation.country_code, Organisation.registration_number
    ).where(or_(*clauses))
    if exclude_id is not None:
        stmt = stmt.where(Organisation.id != exclude_id)
    existing = session.execute(stmt.order_by(Organisation.id).limit(1)).first()
    if existing is None:
        return None
    if existing.country_code == country_code and existing.registration_number.upper() == (
        registration_number.upper()
    ):
        what = f"registration number {registration_number} in {country_code}"
    else:
        what = f"UN Partner Portal id {partner_portal_id}"
    return DuplicateOrganisation(
        f"{existing.name} (id {existing.id}) is already registered with {what}",
        existing_id=existing.id,
    )


def _flush_or_conflict(session: Session, organisation: Organisation, exclude_id: int | None) -> None:
    """Flush in a savepoint; a unique-constraint race becomes the same 409 as the check."""
    try:
        with session.begin_nested():
            session.add(organisation)
            session.flush()
    except IntegrityError:
        duplicate = find_duplicate(
            session,
            organisation.country_code,
            organisation.registration_number,
            organisation.partner_portal_id,
            exclude_id=exclude_id,
        )
        if duplicate is not None:
            raise duplicate from None
        raise


def create_organisation(session: Session, user: User, data: dict[str, Any]) -> Organisation:
    """Register an NGO; 409 naming the existing one for a known registration or Partner Portal id."""
    duplicate = find_duplicate(
        session, data["country_code"], data["registration_number"], data.get("partner_portal_id")
    )
    if duplicate is not None:
        raise duplicate
    organisation = Organisation(**data)
    _flush_or_conflict(session, organisation, exclude_id=None)
    record_event(
        session,
        user,
        "organisation.create",
        "organisation",
        organisation.id,
        after=snapshot(organisation, AUDITED),
    )
    return organisation


def update_organisation(
    session: Session, user: User, organisation_id: int, data: dict[str, Any], if_match: str | None
) -> Organisation:
    """Amend an organisation (If-Match required); its identifiers stay unique."""
    organisation = get_or_404(session, Organisation, organisation_id, label="organisation")
    require_if_match(organisation, if_match)
    before = snapshot(organisation, AUDITED)
    if any(key in data for key in IDENTITY):
        merged = {key: data.get(key, getattr(organisation, key)) for key in IDENTITY}
        duplicate = find_duplicate(session, **merged, exclude_id=organisation.id)
        if duplicate is not None:
            raise duplicate
    for key, value in data.items():
        setattr(organisation, key, value)
    _flush_or_conflict(session, organisation, exclude_id=organisation.id)
    record_event(
        session,
        user,
        "organisation.update",
        "organisation",
        organisation.id,
        before=before,
        after=snapshot(organisation, AUDITED),
    )
    return organisation


def get_organisation(session: Session, organisation_id: int) -> Organisation:
    return get_or_404(session, Organisation, organisation_id, label="organisation")


def list_organisations(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(Organisation)
    if "q" in query:
        stmt = stmt.where(func.lower(Organisation.name).contains(query["q"].lower(), autoescape=True))
    if "country" in query:
        stmt = stmt.where(Organisation.country_code == query["country"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"name": func.lower(Organisation.name), "created_at": Organisation.created_at},
        tiebreak=Organisation.id,
    )
