"""Grants as a 360Giving 1.4 data package (schema 1.4.3).

Amounts are ``Decimal`` here and must leave as JSON *numbers* with two decimals
(``50000.00``), as the standard's schema requires: the route serialises the package with
``simplejson`` (``use_decimal=True``), which writes a Decimal's digits exactly, never
through a float.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..books import queries
from ..db import utcnow
from ..errors import NotFound
from ..funds.models import Fund
from ..grants.models import DisbursementStatus, Grant
from ..money import from_minor
from ..proposals.models import Facet, Proposal
from .publisher import Publisher, country_name, iso_country

VERSION = "1.4"


def _months(start: dt.date, end: dt.date) -> int:
    """Whole months from the first day to the last (both inclusive), as grant durations count them."""
    days = (end - start).days + 1
    return max(1, round(days * 12 / 365.25))


def _timestamp(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _locations(grant: Grant) -> list[dict[str, Any]]:
    codes = [grant.country_code] + [
        code for code in grant.proposal.facet_codes(Facet.COUNTRY) if code != grant.country_code
    ]
    locations = []
    for code in codes:
        location: dict[str, Any] = {"name": country_name(code)}
        if iso_country(code):
            location["countryCode"] = code
        locations.append(location)
    return locations


def _classifications(publisher: Publisher, proposal: Proposal) -> list[dict[str, Any]]:
    out = []
    for facet, vocabulary in ((Facet.TARGET_GROUP, "target-group"), (Facet.ASSISTANCE, "assistance")):
        for code in proposal.facet_codes(facet):
            out.append(
                {
                    "vocabulary": f"{publisher.grant_prefix}-{vocabulary}",
                    "code": code,
                    "title": code.replace("_", " "),
                }
            )
    return out


def grant_record(publisher: Publisher, fund: Fund, grant: Grant, paid_minor: int) -> dict[str, Any]:
    """One grant in 360Giving form."""
    proposal, organisation, call = grant.proposal, grant.organisation, grant.call
    grant_id = publisher.grant_id(grant.agreement_number)
    recipient_id = publisher.organisation_id(organisation.country_code, organisation.registration_number)
    paid = [d for d in grant.disbursements if d.status == DisbursementStatus.PAID]
    recipient: dict[str, Any] = {
        "id": recipient_id,
        "name": organisation.name,
        "addressCountry": country_name(organisation.country_code),
    }
    if organisation.acronym:
        recipient["alternateName"] = organisation.acronym
    record: dict[str, Any] = {
        "id": grant_id,
        "title": proposal.title,
        "description": proposal.summary or proposal.title,
        "currency": grant.currency,
        "amountAwarded": from_minor(grant.amount_minor, grant.currency),
    }
    if proposal.currency == grant.currency:
        record["amountAppliedFor"] = from_minor(proposal.requested_minor, proposal.currency)
    record |= {
        "amountDisbursed": from_minor(paid_minor, grant.currency),  # the books' figure
        "awardDate": grant.approved_on.isoformat(),
        "plannedDates": [
            {
                "startDate": grant.starts_on.isoformat(),
                "endDate": grant.ends_on.isoformat(),
                "duration": _months(grant.starts_on, grant.ends_on),
            }
        ],
        "recipientOrganization": [recipient],
        "fundingOrganization": [
            {"id": publisher.org_id, "name": publisher.org_name, "department": fund.name_en}
        ],
        "grantProgramme": [{"code": f"{fund.code}-{call.cycle_label}", "title": call.title}],
        "fromOpenCall": "Yes",
        "beneficiaryLocation": _locations(grant),
        "classifications": _classifications(publisher, proposal),
        "disbursementTransaction": [
            {
                "id": f"{grant_id}-tranche-{d.tranche}",
                "transactionDate": d.paid_on.isoformat(),
                "value": from_minor(d.paid_minor or 0, d.currency),
                "currency": d.currency,
                "description": f"Tranche {d.tranche}",
                "provider": publisher.org_id,
                "recipient": recipient_id,
            }
            for d in paid
            if d.paid_on is not None  # always: a paid tranche has its date (a check constraint)
        ],
        "dateModified": _timestamp(grant.updated_at),
    }
    if not record["classifications"]:
        del record["classifications"]
    return record


def package(session: Session, publisher: Publisher, fund_id: int | None = None) -> dict[str, Any]:
    """Every grant (of one fund, or of all) as one package; 404 when there is none yet,
    since the standard's package needs at least one grant."""
    stmt = (
        select(Grant)
        .options(
            joinedload(Grant.call),
            joinedload(Grant.organisation),
            joinedload(Grant.proposal).selectinload(Proposal.facets),
            selectinload(Grant.disbursements),
        )
        .order_by(Grant.id)
    )
    if fund_id is not None:
        stmt = stmt.where(Grant.fund_id == fund_id)
    grants = session.scalars(stmt).unique().all()
    if not grants:
        raise NotFound("no grant has been awarded yet: a 360Giving package holds at least one")
    funds = {f.id: f for f in session.scalars(select(Fund).where(Fund.id.in_({g.fund_id for g in grants})))}
    paid = queries.paid_to_grants(session, [g.id for g in grants])
    return {
        "version": VERSION,
        "title": f"Grants of the trust funds administered by {publisher.org_name}",
        "publisher": {"name": publisher.org_name, "identifier": publisher.org_id},
        "modified": _timestamp(utcnow()),
        "grants": [grant_record(publisher, funds[g.fund_id], g, paid[g.id]) for g in grants],
    }
