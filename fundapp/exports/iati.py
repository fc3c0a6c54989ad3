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
Participating organisations: donors fund the fund (role 1); the administrator (its publisher) is
accountable (2) and extending (3); on a grant the fund funds it (1, with its activity id),
the administrator is accountable and extending, and the NGO implements (4). Individual
donors are never named, nor anonymous donors: they appear as "Individual donor" or
"Anonymous donor" without a reference.

Money comes from the books only: every transaction is one ledger entry (``queries.movements``).
On the fund, each movement of its pledged account is an incoming commitment (11) and each
movement of its received account incoming funds (1); on a grant, each movement of its
committed account an outgoing commitment (2) and each of its disbursed account a disbursement
(3). A change, cancellation, reversal or release is its own transaction, dated the day it took
effect, negative where it reduces (IATI's way of correcting an earlier transaction); the books
are read as of the day the file is written (IATI refuses a transaction dated later). Budgets
are the books' awards: the fund's per calendar year, a grant's per year of its term, split as
its tranches are scheduled; planned disbursements are the scheduled tranches.

What a grant is about and where (sectors, countries and their split, SDG targets, the gender
marker) comes from ``classify``, the same functions the 360Giving package and the CSV use;
the fund's sectors and countries are its grants', weighted by what each was awarded.

Each element is serialised by lxml and the XML leaves in chunks, with the ledger entries read
from the database ``yield_per`` rows at a time (the grants' in one statement), so a fund with
a million receipts never sits in memory whole.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..books import queries
from ..books.models import Account, LedgerEntry, Movement
from ..books.services import cast_year
from ..contributions.models import Contribution, ContributionStatus, Donor, DonorKind
from ..db import utcnow
from ..errors import NotFound
from ..funds.models import Fund
from ..grants.models import (
    DisbursementStatus,
    Grant,
    GrantReport,
    GrantStatus,
    ReportStatus,
)
from ..money import format_minor
from ..proposals.models import Facet, Proposal
from . import classify
from .publisher import Installation, Publisher, government_org_id, registered_org_id

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHUNK_ROWS = 500

# IATI codelists (version 2.03); the tests check each against the official codelist files.
TRANSACTION_INCOMING_FUNDS = "1"
TRANSACTION_OUTGOING_COMMITMENT = "2"
TRANSACTION_DISBURSEMENT = "3"
TRANSACTION_INCOMING_COMMITMENT = "11"
#: The transaction type of each account's movements.
ACCOUNT_TRANSACTION = {
    Account.PLEDGED: TRANSACTION_INCOMING_COMMITMENT,
    Account.RECEIVED: TRANSACTION_INCOMING_FUNDS,
    Account.COMMITTED: TRANSACTION_OUTGOING_COMMITMENT,
    Account.DISBURSED: TRANSACTION_DISBURSEMENT,
}


MOVEMENT_DESCRIPTION: dict[Movement | str, str] = {
    Movement.PLEDGE: "Pledge",
    Movement.PLEDGE_CHANGE: "Pledge changed",
    Movement.PLEDGE_CANCELLATION: "Pledge cancelled",
    Movement.RECEIPT: "Contribution received",
    Movement.RECEIPT_REVERSAL: "Receipt reversed",
    Movement.COMMITMENT: "Grant awarded",
    Movement.COMMITMENT_RELEASE: "Unpaid balance released at the grant's end",
    Movement.PAYMENT: "Tranche paid",
}


def describe(movement: Movement | str) -> str:
    """A movement in words: the known ones as the fund says them, any other from its name."""
    return MOVEMENT_DESCRIPTION.get(movement) or str(movement).replace("_", " ").capitalize()


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
CONTACT_GENERAL = "1"  # ContactType 1: General Enquiries
SECTOR_VOCABULARY_DAC = "1"  # OECD DAC CRS purpose codes (5 digit)
TAG_VOCABULARY_SDG_TARGETS = "3"
POLICY_GENDER_EQUALITY = "1"
REGION_DEVELOPING_UNSPECIFIED = "998"  # Region (vocabulary 1): developing countries, unspecified
BUDGET_ORIGINAL, BUDGET_STATUS_COMMITTED = "1", "2"
PLANNED_ORIGINAL = "1"
CONDITION_FIDUCIARY = "3"  # ConditionType 3: conditions on the release of money
RESULT_OUTPUT = "1"
MEASURE_UNIT = "1"
#: Defaults of every activity: FlowType 10 ODA, FinanceType 110 standard grant, TiedStatus 5
#: untied; AidType B03 (contributions to specific-purpose programmes and funds managed by
#: implementing partners) for the pooled fund, C01 (project-type interventions) for a grant.
FLOW_ODA, FINANCE_GRANT, TIED_UNTIED = "10", "110", "5"
AID_FUND, AID_PROJECT = "B03", "C01"
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
#: Grantee reports whose people assisted are published: those the fund has received or accepted.
REPORTED = (ReportStatus.RECEIVED, ReportStatus.ACCEPTED)


def _el(
    tag: str, attrs: Mapping[str, str | None] | None = None, *children: Any, text: str | None = None
) -> Any:
    from lxml import etree  # loaded by the export, not by every worker (4 MB)

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


def _day(tag: str, day: dt.date) -> Any:
    return _el(tag, {"iso-date": day.isoformat()})


def _percent(value: Decimal) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def donor_label(name: str, kind: DonorKind | str, anonymous: bool) -> str:
    """The name a donor may be published under: individuals and anonymous donors are never named."""
    if anonymous:
        return ANONYMOUS_DONOR
    if DonorKind(kind) == DonorKind.INDIVIDUAL:
        return INDIVIDUAL_DONOR
    return name


def donor_ref(kind: DonorKind | str, anonymous: bool, country_code: str | None) -> str | None:
    """A Member State's IATI identifier (its DAC donor code), where it has one."""
    if anonymous or DonorKind(kind) != DonorKind.MEMBER_STATE:
        return None
    return government_org_id(country_code)


def _donor_org(tag: str, name: str, kind: Any, anonymous: bool, country: str | None) -> Any:
    kind = DonorKind(kind)
    label = donor_label(name, kind, anonymous)
    attrs = {
        "ref": donor_ref(kind, anonymous, country),
        "type": None if label != name else DONOR_TYPE.get(kind),
    }
    return _org(tag, attrs, label)


def _transaction(
    code: str, day: dt.date, minor: int, currency: str, description: str, provider: Any, receiver: Any
) -> Any:
    return _el(
        "transaction",
        None,
        _el("transaction-type", {"code": code}),
        _day("transaction-date", day),
        _el(
            "value", {"currency": currency, "value-date": day.isoformat()}, text=format_minor(minor, currency)
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


def _contact(publisher: Publisher, fund: Fund) -> Any:
    return _el(
        "contact-info",
        {"type": CONTACT_GENERAL},
        _el("organisation", None, _narrative(publisher.org_name)),
        _el("department", None, _narrative(fund.name_en)),
        _el("email", text=publisher.email) if publisher.email else None,
        _el("website", text=publisher.website) if publisher.website else None,
    )


def _geography(countries: Sequence[tuple[str, Decimal]]) -> list[Any]:
    """Recipient countries with their shares, or (none known) developing countries, unspecified."""
    if not countries:
        return [
            _el(
                "recipient-region",
                {"code": REGION_DEVELOPING_UNSPECIFIED, "vocabulary": "1", "percentage": "100"},
            )
        ]
    return [_el("recipient-country", {"code": c, "percentage": _percent(p)}) for c, p in countries]


def _classifications(
    sectors: Sequence[tuple[str, Decimal]], targets: Sequence[str], significance: str
) -> list[Any]:
    """Sectors (DAC, with their shares), SDG targets and the gender-equality marker."""
    return [
        *[
            _el(
                "sector",
                {"code": code, "vocabulary": SECTOR_VOCABULARY_DAC, "percentage": _percent(share)},
                _narrative(classify.SECTOR_NAMES[code]),
            )
            for code, share in sectors
        ],
        *[
            _el(
                "tag",
                {"code": t, "vocabulary": TAG_VOCABULARY_SDG_TARGETS},
                _narrative(classify.SDG_NAMES[t]),
            )
            for t in targets
        ],
        _el(
            "policy-marker", {"vocabulary": "1", "code": POLICY_GENDER_EQUALITY, "significance": significance}
        ),
    ]


def _defaults(aid_type: str) -> list[Any]:
    """Flow, finance, aid type and tied status, in the schema's order."""
    return [
        _el("default-flow-type", {"code": FLOW_ODA}),
        _el("default-finance-type", {"code": FINANCE_GRANT}),
        _el("default-aid-type", {"code": aid_type, "vocabulary": "1"}),
        _el("default-tied-status", {"code": TIED_UNTIED}),
    ]


def _budget(start: dt.date, end: dt.date, minor: int, currency: str) -> Any:
    return _el(
        "budget",
        {"type": BUDGET_ORIGINAL, "status": BUDGET_STATUS_COMMITTED},
        _day("period-start", start),
        _day("period-end", end),
        _el(
            "value",
            {"currency": currency, "value-date": start.isoformat()},
            text=format_minor(minor, currency),
        ),
    )


def _documents(publisher: Publisher) -> list[Any]:
    return [
        _el(
            "document-link",
            {"url": d.url, "format": d.format},
            _el("title", None, _narrative(d.title)),
            _el("category", {"code": d.category}),
            _el("language", {"code": d.language}),
            _el("document-date", {"iso-date": d.date}) if d.date else None,
        )
        for d in publisher.documents
    ]


@dataclass(frozen=True)
class GrantProfile:
    """What a grant is about and where, once, for its activity and its fund's."""

    countries: list[tuple[str, Decimal]]
    sectors: list[tuple[str, Decimal]]
    targets: list[str]
    significance: str
    awarded_minor: int

    @classmethod
    def of(cls, grant: Grant, awarded_minor: int, every: Sequence[str] = ()) -> GrantProfile:
        """The grant's profile; ``every``: the SDG targets its fund serves with every grant."""
        proposal = grant.proposal
        groups = proposal.facet_codes(Facet.TARGET_GROUP)
        return cls(
            countries=classify.grant_countries(grant.country_code, proposal.facet_codes(Facet.COUNTRY)),
            sectors=classify.sectors(proposal.facet_codes(Facet.ASSISTANCE), groups),
            targets=classify.sdg_targets(groups, every),
            significance=classify.gender_significance(groups),
            awarded_minor=awarded_minor,
        )


def _fund_donors(session: Session, fund: Fund) -> list[Any]:
    """Role-1 participating organisations: each named donor once (with its DAC code where it has
    one), then the unnamed kinds."""
    donors = session.execute(
        select(Donor.name, Donor.kind, Donor.anonymous, Donor.country_code)
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
    for name, kind, anonymous, country in donors:
        label = donor_label(name, kind, anonymous)
        if label == name:
            attrs = {
                "ref": donor_ref(kind, anonymous, country),
                "type": DONOR_TYPE.get(DonorKind(kind)),
                "role": ROLE_FUNDING,
            }
            named.append(_org("participating-org", attrs, name))
        else:
            unnamed.add(label)
    return named + [_org("participating-org", {"role": ROLE_FUNDING}, label) for label in sorted(unnamed)]


def _fund_transactions(session: Session, publisher: Publisher, fund: Fund) -> Iterator[Any]:
    """Every movement of the fund's pledged and received accounts, oldest first, streamed."""
    receiver = _org(
        "receiver-org",
        {"ref": publisher.org_id, "receiver-activity-id": publisher.fund_activity_id(fund.code)},
        fund.name_en,
    )
    result = queries.movements(session, fund_id=fund.id, as_of=utcnow().date(), chunk_rows=CHUNK_ROWS)
    try:
        for row in result:
            provider = _donor_org(
                "provider-org", row.donor_name, row.donor_kind, row.donor_anonymous, row.donor_country
            )
            yield _transaction(
                ACCOUNT_TRANSACTION[row.account],
                row.effective_on,
                row.amount_minor,
                row.currency,
                describe(row.movement),
                provider,
                receiver,
            )
    finally:
        result.close()


def _fund_budgets(session: Session, fund: Fund) -> list[Any]:
    """One budget per calendar year: the grants the fund awarded that year, from the books."""
    years = queries.grant_money(session, fund_id=fund.id, by=cast_year(LedgerEntry.effective_on))["by"]
    awarded = {int(year): sums["awarded_minor"] for year, sums in years.items()}
    return [
        _budget(dt.date(year, 1, 1), dt.date(year, 12, 31), minor, fund.currency)
        for year, minor in sorted(awarded.items())
        if minor > 0
    ]


def _grant_years(grant: Grant) -> list[tuple[dt.date, dt.date]]:
    """The grant's term in periods of at most a year, from its start."""
    periods, start = [], grant.starts_on
    while start <= grant.ends_on:
        try:
            next_start = start.replace(year=start.year + 1)
        except ValueError:  # 29 February
            next_start = start.replace(year=start.year + 1, day=28)
        end = min(next_start - dt.timedelta(days=1), grant.ends_on)
        periods.append((start, end))
        start = end + dt.timedelta(days=1)
    return periods


def _grant_budgets(grant: Grant, awarded_minor: int) -> list[Any]:
    """The award (from the books) per year of the grant's term, as its tranches are scheduled;
    what no tranche schedules falls in the last year."""
    periods = _grant_years(grant)
    amounts = [0] * len(periods)
    for d in grant.disbursements:
        if d.status == DisbursementStatus.CANCELLED:
            continue
        index = next((i for i, (_, end) in enumerate(periods) if d.planned_on <= end), len(periods) - 1)
        amounts[index] += d.amount_minor
    amounts[-1] += awarded_minor - sum(amounts)
    return [
        _budget(start, end, minor, grant.currency)
        for (start, end), minor in zip(periods, amounts, strict=True)
        if minor > 0
    ]


def _planned_disbursements(grant: Grant, provider: Any, receiver: Any) -> list[Any]:
    return [
        _el(
            "planned-disbursement",
            {"type": PLANNED_ORIGINAL},
            _day("period-start", d.planned_on),
            _day("period-end", d.planned_on),
            _el(
                "value",
                {"currency": d.currency, "value-date": d.planned_on.isoformat()},
                text=format_minor(d.amount_minor, d.currency),
            ),
            copy.deepcopy(provider),
            copy.deepcopy(receiver),
        )
        for d in grant.disbursements
        if d.status != DisbursementStatus.CANCELLED
    ]


def _conditions(grant: Grant) -> Any:
    if not grant.conditions:
        return _el("conditions", {"attached": "0"})
    return _el(
        "conditions",
        {"attached": "1"},
        *[
            _el("condition", {"type": CONDITION_FIDUCIARY}, _narrative(c.description))
            for c in grant.conditions
        ],
    )


def assisted_title(fund: Fund) -> str:
    """Whom the fund's grants assist, in the results' titles: "Victims of trafficking" (the fund's
    mandate: ``victims_en``), else "Victims"."""
    victims = (fund.mandate or {}).get("victims_en") or "victims"
    return victims[:1].upper() + victims[1:]


def _results(fund: Fund, grant: Grant) -> list[Any]:
    """People assisted in each period a received report covers: the report's total (each person
    once), then by sex and age group where it says; named as the fund names those it assists."""
    periods, start = [], grant.starts_on
    for report in sorted(grant.reports, key=lambda r: (r.due_on, r.id)):
        if report.status not in REPORTED or report.people_assisted is None:
            continue
        end = max(report.due_on, start)
        actuals = [
            _el("actual", {"value": str(report.people_assisted)}),
            *(
                _el(
                    "actual",
                    {"value": str(row["people"])},
                    _el("dimension", {"name": "sex", "value": str(row["sex"])}),
                    _el("dimension", {"name": "age", "value": str(row["age_group"])}),
                )
                for row in sorted(
                    report.people_by_sex_and_age, key=lambda r: (str(r["sex"]), str(r["age_group"]))
                )
            ),
        ]
        periods.append(_el("period", None, _day("period-start", start), _day("period-end", end), *actuals))
        start = min(end + dt.timedelta(days=1), max(end, grant.ends_on))
    if not periods:
        return []
    indicator = _el(
        "indicator",
        {"measure": MEASURE_UNIT, "ascending": "1"},
        _el("title", None, _narrative(f"{assisted_title(fund)} assisted directly, by sex and age group")),
        *periods,
    )
    title = _el("title", None, _narrative(f"{assisted_title(fund)} assisted"))
    return [_el("result", {"type": RESULT_OUTPUT}, title, indicator)]


def _grant_activity(
    publisher: Publisher,
    fund: Fund,
    grant: Grant,
    profile: GrantProfile,
    transactions: Sequence[Any],
    today: dt.date,
) -> Any:
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
        ended = min(grant.ended_on or grant.ends_on, today)
        dates.append(_el("activity-date", {"type": DATE_ACTUAL_END, "iso-date": ended.isoformat()}))
    ngo_ref = registered_org_id(organisation.country_code, organisation.registration_number)
    provider, receiver = grant_parties(publisher, fund, grant)
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
        _org(
            "participating-org",
            {"ref": ngo_ref, "type": NGO_TYPE, "role": ROLE_IMPLEMENTING},
            organisation.name,
        ),
        _el("activity-status", {"code": GRANT_STATUS[grant.status]}),
        *dates,
        _contact(publisher, fund),
        *_geography(profile.countries),
        *_classifications(profile.sectors, profile.targets, profile.significance),
        *_defaults(AID_PROJECT),
        *_grant_budgets(grant, profile.awarded_minor),
        *_planned_disbursements(grant, provider, receiver),
        *transactions,
        _el("related-activity", {"ref": fund_activity, "type": RELATED_PARENT}),
        _conditions(grant),
        *_results(fund, grant),
    )


def grant_parties(publisher: Publisher, fund: Fund, grant: Grant) -> tuple[Any, Any]:
    """The fund as provider and the NGO as receiver of a grant's money."""
    organisation = grant.organisation
    provider = _org(
        "provider-org",
        {"ref": publisher.org_id, "provider-activity-id": publisher.fund_activity_id(fund.code)},
        fund.name_en,
    )
    receiver = _org(
        "receiver-org",
        {
            "ref": registered_org_id(organisation.country_code, organisation.registration_number),
            "type": NGO_TYPE,
        },
        organisation.name,
    )
    return provider, receiver


def _grant_transactions(
    session: Session, publisher: Publisher, fund: Fund, grants: Sequence[Grant]
) -> Iterator[tuple[Grant, list[Any]]]:
    """Each grant with the transactions of its ledger entries: the grants' entries are read in
    ONE streamed statement, grant by grant in the grants' order (by id), and merged."""
    result = queries.movements(
        session, grants=[g.id for g in grants], as_of=utcnow().date(), chunk_rows=CHUNK_ROWS
    )
    try:
        groups = groupby(result, key=lambda r: r.grant_id)
        current = next(groups, None)
        for grant in grants:
            transactions = []
            if current is not None and current[0] == grant.id:
                provider, receiver = grant_parties(publisher, fund, grant)
                transactions = [
                    _transaction(
                        ACCOUNT_TRANSACTION[row.account],
                        row.effective_on,
                        row.amount_minor,
                        row.currency,
                        f"{describe(row.movement)}, grant {grant.agreement_number}",
                        provider,
                        receiver,
                    )
                    for row in current[1]
                ]
                current = next(groups, None)
            yield grant, transactions
    finally:
        result.close()


def _xml(element: Any) -> bytes:
    from lxml import etree

    return etree.tostring(element, encoding="unicode").encode("utf-8")


def _open_tag(tag: str, attrs: dict[str, str]) -> bytes:
    """``<tag attrs>`` alone, to stream an element's children one by one after it."""
    element = _el(tag, attrs, text="")
    return _xml(element).removesuffix(f"</{tag}>".encode())


def _load_grants(session: Session, fund: Fund) -> list[Grant]:
    return list(
        session.scalars(
            select(Grant)
            .where(Grant.fund_id == fund.id)
            .options(
                joinedload(Grant.proposal).selectinload(Proposal.facets),
                joinedload(Grant.organisation),
                selectinload(Grant.disbursements),
                selectinload(Grant.conditions),
                selectinload(Grant.reports).selectinload(GrantReport.people_counts),
            )
            .order_by(Grant.id)
        )
        .unique()
        .all()
    )


def _fund_head(
    session: Session, publisher: Publisher, fund: Fund, profiles: Sequence[GrantProfile]
) -> list[Any]:
    weights = [(p.countries, p.awarded_minor) for p in profiles]
    countries = classify.weighted(weights)
    sectors = classify.weighted([(p.sectors, p.awarded_minor) for p in profiles]) or classify.sectors([], [])
    targets = classify.sdg_targets((), [t for p in profiles for t in p.targets])
    if not targets:
        targets = classify.fund_sdg_targets(fund.mandate)
    principal = bool(profiles) and all(p.significance == classify.GENDER_PRINCIPAL for p in profiles)
    description = (
        f"{fund.name_en}, administered by {fund.administrator} since "
        f"{fund.established_on.isoformat()}: donors' contributions and the grants "
        "made from them to organisations that assist victims."
    )
    return [
        _el("iati-identifier", text=publisher.fund_activity_id(fund.code)),
        _reporting_org(publisher),
        _el("title", None, _narrative(fund.name_en), _narrative(fund.name_fr, "fr")),
        _el("description", {"type": DESCRIPTION_GENERAL}, _narrative(description)),
        *_fund_donors(session, fund),
        _administrator(publisher, ROLE_ACCOUNTABLE),
        _administrator(publisher, ROLE_EXTENDING),
        _el("activity-status", {"code": STATUS_IMPLEMENTATION}),
        _el("activity-date", {"type": DATE_ACTUAL_START, "iso-date": fund.established_on.isoformat()}),
        _contact(publisher, fund),
        *_geography(countries),
        *_classifications(
            sectors, targets, classify.GENDER_PRINCIPAL if principal else classify.GENDER_SIGNIFICANT
        ),
        *_defaults(AID_FUND),
        *_fund_budgets(session, fund),
    ]


def _write(session: Session, installation: Installation, funds: list[Fund]) -> Iterator[bytes]:
    """The document in chunks: each element is serialised by lxml (escaping, ``xml:lang``),
    and the ledger entries are written ``CHUNK_ROWS`` at a time as they are read."""
    today = utcnow().date()
    yield b"<?xml version='1.0' encoding='UTF-8'?>\n"
    yield _open_tag("iati-activities", {"version": VERSION, "generated-datetime": _timestamp(utcnow())})
    for fund in funds:
        publisher = installation.for_fund(fund)
        grants = _load_grants(session, fund)
        awarded = queries.grant_sums(session, [g.id for g in grants])
        every = classify.fund_sdg_targets(fund.mandate)
        profiles = {g.id: GrantProfile.of(g, awarded[g.id]["awarded_minor"], every) for g in grants}
        attrs = {
            "default-currency": fund.currency,
            "hierarchy": "1",
            "last-updated-datetime": _timestamp(fund.updated_at),
            XML_LANG: "en",
        }
        head = _fund_head(session, publisher, fund, list(profiles.values()))
        yield _open_tag("iati-activity", attrs) + b"".join(_xml(e) for e in head)
        chunk: list[bytes] = []
        for transaction in _fund_transactions(session, publisher, fund):
            chunk.append(_xml(transaction))
            if len(chunk) >= CHUNK_ROWS:
                yield b"".join(chunk)
                chunk = []
        tail = [
            *_documents(publisher),
            *[
                _el(
                    "related-activity",
                    {
                        "ref": publisher.grant_activity_id(fund.code, g.agreement_number),
                        "type": RELATED_CHILD,
                    },
                )
                for g in grants
            ],
        ]
        yield b"".join(chunk) + b"".join(_xml(e) for e in tail) + b"</iati-activity>"
        for grant, transactions in _grant_transactions(session, publisher, fund, grants):
            yield _xml(_grant_activity(publisher, fund, grant, profiles[grant.id], transactions, today))
    yield b"</iati-activities>\n"


def activities(session: Session, installation: Installation, fund_id: int | None = None) -> Iterator[bytes]:
    """The XML in chunks, each fund under its own publisher; 404 now (not mid-stream) when there
    is no fund to report, 409 now when a fund's publisher is not named."""
    stmt = select(Fund).order_by(Fund.id)
    if fund_id is not None:
        stmt = stmt.where(Fund.id == fund_id)
    funds = list(session.scalars(stmt).all())
    if not funds:
        raise NotFound("no fund to report" if fund_id is None else f"fund {fund_id} does not exist")
    for fund in funds:
        installation.for_fund(fund)
    return _write(session, installation, funds)
