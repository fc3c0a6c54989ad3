"""Contact people of organisations and donors: add, amend, read and list them, audited.

The language a contact is written to in is one of the languages of the installation's funds
(``Fund.languages``): English and French always, Spanish only where a fund works in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..audit import record_event
from ..auth.models import User
from ..errors import Unprocessable
from ..etag import require_if_match
from ..funds.models import DEFAULT_LANGUAGES, Fund
from ..pagination import paginate
from ..services_base import get_or_404, not_found, referenced_row_exists, snapshot
from .models import Contact

AUDITED = ("organisation_id", "donor_id", "name", "email", "language")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}

#: The owners a contact may have: the label of its 404 and the contact's key to it.
OWNERS: dict[str, InstrumentedAttribute[int | None]] = {
    "organisation": Contact.organisation_id,
    "donor": Contact.donor_id,
}


def fund_languages(session: Session) -> set[str]:
    """The languages some fund of the installation works in (the defaults when there is none)."""
    languages: set[str] = set()
    for listed in session.scalars(select(Fund.languages)):
        languages.update(listed or DEFAULT_LANGUAGES)
    return languages or set(DEFAULT_LANGUAGES)


def _check_language(session: Session, language: str) -> None:
    if language not in fund_languages(session):
        raise Unprocessable(
            "language", f"no fund of this installation works in {LANGUAGE_NAMES.get(language, language)}"
        )


def _require_owner(session: Session, owner: str, owner_id: int) -> None:
    if not referenced_row_exists(session, OWNERS[owner], owner_id):
        raise not_found(owner, owner_id)


def add_contact(session: Session, user: User, owner: str, owner_id: int, data: dict[str, Any]) -> Contact:
    """A contact person of an organisation or a donor (``owner``); 404 for an unknown owner."""
    _require_owner(session, owner, owner_id)
    _check_language(session, data["language"])
    contact = Contact(**{OWNERS[owner].key: owner_id}, **data)
    session.add(contact)
    session.flush()
    record_event(session, user, "contact.create", "contact", contact.id, after=snapshot(contact, AUDITED))
    return contact


def update_contact(
    session: Session, user: User, contact_id: int, data: dict[str, Any], if_match: str | None
) -> Contact:
    """Amend a contact's name, e-mail or language (If-Match required)."""
    contact = get_contact(session, contact_id)
    require_if_match(contact, if_match)
    if "language" in data:
        _check_language(session, data["language"])
    before = snapshot(contact, AUDITED)
    for key, value in data.items():
        setattr(contact, key, value)
    session.flush()
    record_event(
        session,
        user,
        "contact.update",
        "contact",
        contact.id,
        before=before,
        after=snapshot(contact, AUDITED),
    )
    return contact


def get_contact(session: Session, contact_id: int) -> Contact:
    return get_or_404(session, Contact, contact_id, label="contact")


def list_contacts(session: Session, owner: str, owner_id: int, query: dict[str, Any]) -> dict[str, Any]:
    """The contacts of one organisation or donor (404 for an unknown owner)."""
    _require_owner(session, owner, owner_id)
    stmt: Select[Any] = select(Contact).where(OWNERS[owner] == owner_id)
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"name": func.lower(Contact.name), "created_at": Contact.created_at},
        tiebreak=Contact.id,
    )


def contacts_of_each(session: Session, owner: str, owner_ids: Iterable[int]) -> dict[int, list[Contact]]:
    """The contacts of each of several organisations or donors, oldest first (whom a message to
    it goes to), in one statement."""
    column = OWNERS[owner]
    wanted = sorted(set(owner_ids))
    found: dict[int, list[Contact]] = {owner_id: [] for owner_id in wanted}
    if wanted:
        for contact in session.scalars(select(Contact).where(column.in_(wanted)).order_by(Contact.id)):
            found[getattr(contact, column.key)].append(contact)
    return found
