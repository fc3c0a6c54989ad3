"""Grants as a 360Giving 1.4 data package (schema 1.4.3).

Every amount is the books' (``queries.grant_sums``: awarded and disbursed; the ledger's
disbursed movements as the transactions); countries come from ``classify.grant_countries``,
the one source of a grant's countries that the IATI activities and the CSV also read.

Amounts are ``Decimal`` here and must leave as JSON *numbers* with two decimals
(``50000.00``), as the standard's schema requires: the route serialises the package with
``simplejson`` (``use_decimal=True``), which writes a Decimal's digits exactly, never
through a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..books import queries
from ..books.models import Account, Movement
from ..db import utcnow
from ..errors import Conflict, NotFound
from ..funds.models import Fund
from ..grants.models import Grant, GrantStatus
from ..money import from_minor
from ..proposals.models import Facet, Proposal
from . import classify
from .publisher import Installation, Publisher, country_name, iso_country, safe_part

VERSION = "1.4"
#: 360Giving's recommended longest title.
TITLE_MAX = 140
#: locationScope codes: one country, or several.
SCOPE_NATIONAL, SCOPE_SUPRANATIONAL = "GLS030", "GLS020"
ENDED = (GrantStatus.CLOSED, GrantStatus.TERMINATED)


def _months(start: dt.date, end: dt.date) -> int:
    """Whole months from the first day to the last (both inclusive), as grant durations count them."""
    days = (end - start).days + 1
    return max(1, round(days * 12 / 365.25))


def _timestamp(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def location(code: str) -> dict[str, Any]:
    """A country as a 360Giving location: its ISO code as id and geocode, and as countryCode
    where 360Giving's list holds it (Kosovo, XK, is named and geocoded only)."""
    loc: dict[str, Any] = {"id": code, "name": country_name(code), "geoCode": code}
    if iso_country(code):
        loc["countryCode"] = code
    return loc


def grant_countries(grant: Grant) -> list[tuple[str, Decimal]]:
    """The grant's countries and their split: ``classify.grant_countries``, as IATI publishes them."""
    return classify.grant_countries(grant.country_code, grant.proposal.facet_codes(Facet.COUNTRY))


def short_title(title: str) -> str:
    """The title within 360Giving's recommended 140 characters, cut at a word."""
    if len(title) <= TITLE_MAX:
        return title
    cut = title[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


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


def grant_record(
    publisher: Publisher,
    fund: Fund,
    grant: Grant,
    money: Mapping[str, int],
    payments: Sequence[Any],
    today: dt.date,
) -> dict[str, Any]:
    """One grant in 360Giving form; ``money`` and ``payments`` are the books' (``grant_sums``
    and the grant's disbursed movements)."""
    proposal, organisation, call = grant.proposal, grant.organisation, grant.call
    grant_id = publisher.grant_id(grant.agreement_number)
    recipient_id = publisher.organisation_id(organisation.country_code, organisation.registration_number)
    recipient: dict[str, Any] = {
        "id": recipient_id,
        "name": organisation.name,
        "addressCountry": country_name(organisation.country_code),
        "location": [location(organisation.country_code)],
    }
    if organisation.acronym:
        recipient["alternateName"] = organisation.acronym
    title = short_title(proposal.title)
    description = proposal.summary or proposal.title
    if title != proposal.title:
        description = f"{proposal.title}. {description}" if proposal.summary else proposal.title
    record: dict[str, Any] = {
        "id": grant_id,
        "title": title,
        "description": description,
        "currency": grant.currency,
        "amountAwarded": from_minor(money["awarded_minor"], grant.currency),  # the books' figure
    }
    if proposal.currency == grant.currency:
        record["amountAppliedFor"] = from_minor(proposal.requested_minor, proposal.currency)
    countries = grant_countries(grant)
    tranches = {d.id: d.tranche for d in grant.disbursements}
    record |= {
        "amountDisbursed": from_minor(money["disbursed_minor"], grant.currency),  # the books' figure
        "awardDate": grant.approved_on.isoformat(),
        "url": publisher.website,
        "plannedDates": [
            {
                "startDate": grant.starts_on.isoformat(),
                "endDate": grant.ends_on.isoformat(),
                "duration": _months(grant.starts_on, grant.ends_on),
            }
        ],
    }
    if grant.status in ENDED:
        ended = min(grant.ended_on or grant.ends_on, today)
        record["actualDates"] = [
            {
                "startDate": grant.starts_on.isoformat(),
                "endDate": ended.isoformat(),
                "duration": _months(grant.starts_on, ended),
            }
        ]
    record |= {
        "recipientOrganization": [recipient],
        "fundingOrganization": [
            {"id": publisher.org_id, "name": publisher.org_name, "department": fund.name_en}
        ],
        "grantProgramme": [{"code": f"{fund.code}-{call.cycle_label}", "title": call.title}],
        "fromOpenCall": "Yes",
        "fundingType": [
            {
                "vocabulary": f"{publisher.grant_prefix}-funding-type",
                "code": "project",
                "title": "Project grant",
            }
        ],
        "beneficiaryLocation": [location(code) for code, _ in countries],
        "classifications": _classifications(publisher, proposal),
        "disbursementTransaction": _disbursements(grant_id, recipient_id, publisher, tranches, payments),
        "dateModified": _timestamp(grant.updated_at),
        "dataSource": publisher.data_source or publisher.website,
    }
    if countries:
        record["locationScope"] = SCOPE_NATIONAL if len(countries) == 1 else SCOPE_SUPRANATIONAL
    if not record["classifications"]:
        del record["classifications"]
    return record


def _disbursements(
    grant_id: str,
    recipient_id: str,
    publisher: Publisher,
    tranches: Mapping[int, int],
    payments: Sequence[Any],
) -> list[dict[str, Any]]:
    """The grant's disbursed movements, each with a stable id: ``<grant>-tranche-<n>`` for a
    tranche's payment, then the movement and a count for anything else (a cancellation, a
    refund), never a database id."""
    out, seen = [], dict[str, int]()
    for p in payments:
        tranche = tranches.get(p.disbursement_id)
        base = f"{grant_id}-tranche-{tranche}" if tranche is not None else grant_id
        if p.movement == Movement.PAYMENT:
            key, description = base, f"Tranche {tranche}" if tranche is not None else "Payment"
        else:
            key, description = f"{base}-{p.movement}", str(p.movement).replace("_", " ").capitalize()
        seen[key] = seen.get(key, 0) + 1
        out.append(
            {
                "id": key if seen[key] == 1 else f"{key}-{seen[key]}",
                "transactionDate": p.effective_on.isoformat(),
                "value": from_minor(p.amount_minor, p.currency),
                "currency": p.currency,
                "description": description,
                "provider": publisher.org_id,
                "recipient": recipient_id,
            }
        )
    return out


def _payments(session: Session, grant_ids: Sequence[int]) -> dict[int, list[Any]]:
    """Each grant's disbursed movements (payments, and any cancellation or refund), from the
    ledger in one statement."""
    payments: dict[int, list[Any]] = {g: [] for g in grant_ids}
    result = queries.movements(session, grants=list(grant_ids), accounts=[Account.DISBURSED])
    try:
        for row in result:
            payments[row.grant_id].append(row)
    finally:
        result.close()
    return payments


def package(session: Session, installation: Installation, fund_id: int | None = None) -> dict[str, Any]:
    """Every grant (of one fund, or of all) as one package, each fund's under its own publisher;
    404 when there is none yet, since the standard's package needs at least one grant; 409 for
    the grants of funds of several funders, which 360Giving wants in one file each."""
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
    publishers = {f.id: installation.for_fund(f) for f in funds.values()}
    chosen = {p.org_id: p for p in publishers.values()}
    if len(chosen) > 1:  # 360Giving's quality checks refuse a file of several funders
        raise Conflict(
            f"the funds publish under {len(chosen)} funders ({', '.join(sorted(chosen))}): a 360Giving "
            "file is one funder's, name its fund with fund_id",
        )
    (publisher,) = chosen.values()
    ids = [g.id for g in grants]
    money, payments = queries.grant_sums(session, ids), _payments(session, ids)
    today = utcnow().date()
    names = " and ".join(sorted({f.name_en for f in funds.values()}))
    codes = sorted(safe_part(f.code) for f in funds.values())
    head = {
        "title": f"Grants of the {names}"
        if fund_id is not None or len(funds) == 1
        else f"Grants of the trust funds administered by {publisher.org_name}",
        "identifier": f"{publisher.grant_prefix}-{'-'.join(codes) if fund_id is not None else 'all'}",
        "license": publisher.licence,
        "publisher": {
            "name": publisher.org_name,
            "identifier": publisher.org_id,
            "website": publisher.website,
        },
    }
    return {
        "version": VERSION,
        **head,
        "modified": _timestamp(utcnow()),
        "grants": [
            grant_record(publishers[g.fund_id], funds[g.fund_id], g, money[g.id], payments[g.id], today)
            for g in grants
        ],
    }
