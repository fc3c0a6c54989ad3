"""The funds and their grants as IATI 2.03 activities.

Shape: each fund is a parent activity (``hierarchy="1"``) and each grant a child activity
(``hierarchy="2"``) linked both ways by ``related-activity``. Why not one activity per
grant alone, or one activity for the whole fund?

- Money enters at the fund, not at a grant: donors' pledges and receipts (incoming
  commitments, type 11, and incoming funds, type 1) belong to the pooled fund, which no
  single grant could carry without inventing an allocation of each donor's money.
- Money leaves per grant, and each grant has its own dates, status, country and
  implementing NGO, which IATI records per activity; one fund-wide activity could give none
  of those per grant. So each grant's outgoing commitment (type 2) and paid tranches
  (disbursements, type 3) sit on the grant's own activity, once, never double-counted on
  the parent.

This is IATI's hierarchy for pooled funds (the parent receives, the children spend).
Participating organisations: donors fund the fund (role 1); the administrator (UNODC) is
accountable (2) and extending (3); on a grant the fund funds it (1, with its activity id),
the administrator is accountable and extending, and the NGO implements (4). Individual
donors are never named, nor anonymous donors: they appear as "Individual donor" or
"Anonymous donor" without a reference.

Each element is serialised by lxml and the XML leaves in chunks, with the fund's
transactions read from the database ``yield_per`` rows at a time, so a fund with a million
receipts never sits in memory whole.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..contributions.models import Contribution, ContributionStatus, Donor, DonorKind, Receipt, ReceiptStatus
from ..db import utcnow
from ..errors import NotFound
from ..funds.models import Fund
from ..grants.models import DisbursementStatus, Grant, GrantStatus
from ..money import format_minor
from .publisher import Publisher, iso_country

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHUNK_ROWS = 500

# IATI codelists (version 2.03); the tests check each against the official codelist files.
TRANSACTION_INCOMING_FUNDS = "1"
TRANSACTION_OUTGOING_COMMITMENT = "2"
TRANSACTION_DISBURSEMENT = "3"
TRANSACTION_INCOMING_COMMITMENT = "11"
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_EXTENDING, ROLE_IMPLEMENTING = "1", "2", "3", "4"
DATE_PLANNED_START, DATE_ACTUAL_START, DATE_PLANNED_END, DATE_ACTUAL_END = "1", "2", "3", "4"
STATUS_IMPLEMENTATION = "2"
GRANT_STATUS = {
    GrantStatus.ACTIVE: "2",  # Implementation
    GrantStatus.SUSPENDED: "6",  # Suspended
    GrantStatus.CLOSED: "4",  # Closed
    GrantStatus.TERMINATED: "5",  # Cancelled: ended before its term
}
RELATED_PARENT, RELATED_CHILD = "1", "2"
DESCRIPTION_GENERAL = "1"
# IATI OrganisationType (non-embedded codelist): 10 Government, 22 National NGO,
# 40 Multilateral, 60 Foundation, 70 Private Sector. Individuals have no type.
DONOR_TYPE = {
    DonorKind.MEMBER_STATE: "10",
    DonorKind.PRIVATE_SECTOR: "70",
    DonorKind.FOUNDATION: "60",
    DonorKind.INTERGOVERNMENTAL: "40",
}
NGO_TYPE = "22"
INDIVIDUAL_DONOR = "Individual donor"
ANONYMOUS_DONOR = "Anonymous donor"


def _el(
    tag: str, attrs: Mapping[str, str | None] | None = None, *children: Any, text: str | None = None
) -> Any:
    element = etree.Element(tag, {k: v for k, v in (attrs or {}).items() if v is not None})
    if text is not None:
        element.text = text
    for child in children:
        if child is not None:
            element.append(child)
    return element


def _narrative(text: str, lang: str | None = None) -> Any:
    return _el("narrative", {XML_LANG: lang} if lang else None, text=text)


def _org(tag: str, attrs: dict[str, str | None], name: str) -> Any:
    return _el(tag, attrs, _narrative(name))


def _timestamp(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.replace(microsecond=0).isoformat()


def donor_label(name: str, kind: DonorKind | str, anonymous: bool) -> str:
    """The name a donor may be published under: individuals and anonymous donors are never named."""
    if anonymous:
        return ANONYMOUS_DONOR
    if DonorKind(kind) == DonorKind.INDIVIDUAL:
        return INDIVIDUAL_DONOR
    return name


def _donor_org(tag: str, name: str, kind: Any, anonymous: bool) -> Any:
    kind = DonorKind(kind)
    return _org(tag, {"type": DONOR_TYPE.get(kind)}, donor_label(name, kind, anonymous))


def _transaction(
    code: str,
    day: dt.date,
    minor: int,
    currency: str,
    value_date: dt.date,
    description: str,
    provider: Any,
    receiver: Any,
) -> Any:
    return _el(
        "transaction",
        None,
        _el("transaction-type", {"code": code}),
        _el("transaction-date", {"iso-date": day.isoformat()}),
        _el(
            "value",
            {"currency": currency, "value-date": value_date.isoformat()},
            text=format_minor(minor, currency),
        ),
        _el("description", None, _narrative(description)),
        copy.deepcopy(provider),  # an lxml element has one parent: each transaction gets its own
        copy.deepcopy(receiver),
    )


def _reporting_org(publisher: Publisher) -> Any:
    return _org("reporting-org", {"ref": publisher.org_id, "type": publisher.org_type}, publisher.org_name)


def _administrator(publisher: Publisher, role: str) -> Any:
    return _org(
        "participating-org",
        {"ref": publisher.org_id, "type": publisher.org_type, "role": role},
        publisher.org_name,
    )


def _fund_donors(session: Session, fund: Fund) -> list[Any]:
    """Role-1 participating organisations: each named donor once, then the unnamed kinds."""
    donors = session.execute(
        select(Donor.name, Donor.kind, Donor.anonymous)
        .where(
            Donor.id.in_(
                select(Contribution.donor_id).where(
                    Contribution.fund_id == fund.id, Contribution.status != ContributionStatus.CANCELLED
                )
            )
        )
        .order_by(Donor.name, Donor.id)
    ).all()
    named, unnamed = [], set()
    for name, kind, anonymous in donors:
        label = donor_label(name, kind, anonymous)
        if label == name:
            attrs = {"type": DONOR_TYPE.get(DonorKind(kind)), "role": ROLE_FUNDING}
            named.append(_org("participating-org", attrs, name))
        else:
            unnamed.add(label)
    return named + [_org("participating-org", {"role": ROLE_FUNDING}, label) for label in sorted(unnamed)]


def _fund_transactions(session: Session, publisher: Publisher, fund: Fund) -> Iterator[Any]:
    """Pledges (incoming commitments) then receipts (incoming funds), in date order, streamed."""
    receiver = _org(
        "receiver-org",
        {"ref": publisher.org_id, "receiver-activity-id": publisher.fund_activity_id(fund.code)},
        fund.name_en,
    )
    pledges = session.execute(
        select(Contribution.pledged_on, Contribution.currency, Contribution.pledged_minor)
        .add_columns(Donor.name, Donor.kind, Donor.anonymous)
        .join(Donor, Contribution.donor_id == Donor.id)
        .where(Contribution.fund_id == fund.id, Contribution.status != ContributionStatus.CANCELLED)
        .order_by(Contribution.pledged_on, Contribution.id)
        .execution_options(yield_per=CHUNK_ROWS)
    )
    for day, currency, minor, name, kind, anonymous in pledges:
        yield _transaction(
            TRANSACTION_INCOMING_COMMITMENT,
            day,
            minor,
            currency,
            day,
            "Pledge",
            _donor_org("provider-org", name, kind, anonymous),
            receiver,
        )
    receipts = session.execute(
        select(Receipt.received_on, Receipt.currency, Receipt.amount_minor, Receipt.rate_date)
        .add_columns(Donor.name, Donor.kind, Donor.anonymous)
        .join(Contribution, Receipt.contribution_id == Contribution.id)
        .join(Donor, Contribution.donor_id == Donor.id)
        .where(Receipt.fund_id == fund.id, Receipt.status == ReceiptStatus.RECORDED)
        .order_by(Receipt.received_on, Receipt.id)
        .execution_options(yield_per=CHUNK_ROWS)
    )
    for day, currency, minor, rate_date, name, kind, anonymous in receipts:
        yield _transaction(
            TRANSACTION_INCOMING_FUNDS,
            day,
            minor,
            currency,
            rate_date,
            "Contribution received",
            _donor_org("provider-org", name, kind, anonymous),
            receiver,
        )


def _grant_activity(publisher: Publisher, fund: Fund, grant: Grant, today: dt.date) -> Any:
    fund_activity = publisher.fund_activity_id(fund.code)
    proposal, organisation = grant.proposal, grant.organisation
    dates = [
        _el("activity-date", {"type": DATE_PLANNED_START, "iso-date": grant.starts_on.isoformat()}),
        _el("activity-date", {"type": DATE_PLANNED_END, "iso-date": grant.ends_on.isoformat()}),
    ]
    if grant.starts_on <= today:
        dates.append(
            _el("activity-date", {"type": DATE_ACTUAL_START, "iso-date": grant.starts_on.isoformat()})
        )
    if grant.status in (GrantStatus.CLOSED, GrantStatus.TERMINATED):
        ended = min(grant.ends_on, today)
        dates.append(_el("activity-date", {"type": DATE_ACTUAL_END, "iso-date": ended.isoformat()}))
    country = iso_country(grant.country_code)
    provider = _org(
        "provider-org", {"ref": publisher.org_id, "provider-activity-id": fund_activity}, fund.name_en
    )
    receiver = _org("receiver-org", {"type": NGO_TYPE}, organisation.name)
    transactions = [
        _transaction(
            TRANSACTION_OUTGOING_COMMITMENT,
            grant.approved_on,
            grant.amount_minor,
            grant.currency,
            grant.approved_on,
            f"Grant {grant.agreement_number}",
            provider,
            receiver,
        )
    ]
    for d in grant.disbursements:
        if d.status == DisbursementStatus.PAID and d.paid_on is not None and d.paid_minor is not None:
            transactions.append(
                _transaction(
                    TRANSACTION_DISBURSEMENT,
                    d.paid_on,
                    d.paid_minor,
                    d.currency,
                    d.paid_on,
                    f"Tranche {d.tranche}",
                    provider,
                    receiver,
                )
            )
    return _el(
        "iati-activity",
        {
            "default-currency": grant.currency,
            "hierarchy": "2",
            "last-updated-datetime": _timestamp(grant.updated_at),
            XML_LANG: "en",
        },
        _el("iati-identifier", text=publisher.grant_activity_id(fund.code, grant.agreement_number)),
        _reporting_org(publisher),
        _el("title", None, _narrative(proposal.title)),
        _el("description", {"type": DESCRIPTION_GENERAL}, _narrative(proposal.summary or proposal.title)),
        _org(
            "participating-org",
            {
                "ref": publisher.org_id,
                "type": publisher.org_type,
                "role": ROLE_FUNDING,
                "activity-id": fund_activity,
            },
            fund.name_en,
        ),
        _administrator(publisher, ROLE_ACCOUNTABLE),
        _administrator(publisher, ROLE_EXTENDING),
        _org("participating-org", {"type": NGO_TYPE, "role": ROLE_IMPLEMENTING}, organisation.name),
        _el("activity-status", {"code": GRANT_STATUS[grant.status]}),
        *dates,
        _el("recipient-country", {"code": country, "percentage": "100"}) if country else None,
        *transactions,
        _el("related-activity", {"ref": fund_activity, "type": RELATED_PARENT}),
    )


def _xml(element: Any) -> bytes:
    return etree.tostring(element, encoding="unicode").encode("utf-8")


def _open_tag(tag: str, attrs: dict[str, str]) -> bytes:
    """``<tag attrs>`` alone, to stream an element's children one by one after it."""
    element = _el(tag, attrs, text="")
    return _xml(element).removesuffix(f"</{tag}>".encode())


def _write(session: Session, publisher: Publisher, funds: list[Fund]) -> Iterator[bytes]:
    """The document in chunks: each element is serialised by lxml (escaping, ``xml:lang``),
    and a fund's transactions are written ``CHUNK_ROWS`` at a time as they are read."""
    today = utcnow().date()
    yield b"<?xml version='1.0' encoding='UTF-8'?>\n"
    yield _open_tag("iati-activities", {"version": VERSION, "generated-datetime": _timestamp(utcnow())})
    for fund in funds:
        grants = (
            session.scalars(
                select(Grant)
                .where(Grant.fund_id == fund.id)
                .options(
                    joinedload(Grant.proposal),
                    joinedload(Grant.organisation),
                    selectinload(Grant.disbursements),
                )
                .order_by(Grant.id)
            )
            .unique()
            .all()
        )
        attrs = {
            "default-currency": fund.currency,
            "hierarchy": "1",
            "last-updated-datetime": _timestamp(fund.updated_at),
            XML_LANG: "en",
        }
        description = (
            f"{fund.name_en}, administered by {fund.administrator} since "
            f"{fund.established_on.isoformat()}: donors' contributions and the grants "
            "made from them to organisations that assist victims."
        )
        head = [
            _el("iati-identifier", text=publisher.fund_activity_id(fund.code)),
            _reporting_org(publisher),
            _el("title", None, _narrative(fund.name_en), _narrative(fund.name_fr, "fr")),
            _el("description", {"type": DESCRIPTION_GENERAL}, _narrative(description)),
            *_fund_donors(session, fund),
            _administrator(publisher, ROLE_ACCOUNTABLE),
            _administrator(publisher, ROLE_EXTENDING),
            _el("activity-status", {"code": STATUS_IMPLEMENTATION}),
            _el("activity-date", {"type": DATE_ACTUAL_START, "iso-date": fund.established_on.isoformat()}),
        ]
        yield _open_tag("iati-activity", attrs) + b"".join(_xml(e) for e in head)
        chunk: list[bytes] = []
        for transaction in _fund_transactions(session, publisher, fund):
            chunk.append(_xml(transaction))
            if len(chunk) >= CHUNK_ROWS:
                yield b"".join(chunk)
                chunk = []
        children = [
            _el(
                "related-activity",
                {"ref": publisher.grant_activity_id(fund.code, g.agreement_number), "type": RELATED_CHILD},
            )
            for g in grants
        ]
        yield b"".join(chunk) + b"".join(_xml(e) for e in children) + b"</iati-activity>"
        for grant in grants:
            yield _xml(_grant_activity(publisher, fund, grant, today))
    yield b"</iati-activities>\n"


def activities(session: Session, publisher: Publisher, fund_id: int | None = None) -> Iterator[bytes]:
    """The XML in chunks; 404 now (not mid-stream) when there is no fund to report."""
    stmt = select(Fund).order_by(Fund.id)
    if fund_id is not None:
        stmt = stmt.where(Fund.id == fund_id)
    funds = list(session.scalars(stmt).all())
    if not funds:
        raise NotFound("no fund to report" if fund_id is None else f"fund {fund_id} does not exist")
    return _write(session, publisher, funds)
