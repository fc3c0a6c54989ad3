"""Spreadsheets (CSV) streamed from the database, and the open-data files.

Every CSV is a generator: the rows come from the database in chunks (``yield_per``, a
server-side cursor on PostgreSQL) and leave as text chunk by chunk, so a large export never
sits in memory whole. Cells that a spreadsheet would run as a formula are neutralised.
The 360Giving and IATI builders live in ``giving360.py`` and ``iati.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session

from ..applicants.models import Organisation
from ..auth.models import User
from ..books import queries
from ..calls.models import Call
from ..contributions.models import Campaign, Contribution, Donor
from ..contributions.services import names_anonymous_donors
from ..funds.models import Fund
from ..grants.models import Disbursement, Grant
from ..money import FUND_CURRENCY, format_minor
from ..proposals.models import Facet, Proposal, ProposalFacet
from ..totals import services as totals_services
from . import classify, giving360, iati
from .publisher import Installation

#: Rows fetched from the database (and written out) per chunk.
CHUNK_ROWS = 500
BOM = "\ufeff"
#: A cell starting with one of these is a formula (or may become one) in a spreadsheet
#: (OWASP "CSV Injection"): it is prefixed with an apostrophe, which shows as text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

Row = Sequence[Any]


def neutralise(value: str) -> str:
    """A text cell that no spreadsheet will evaluate.

    The first character is judged as a spreadsheet may read it: after leading blanks, and in its
    compatibility form (NFKC), so that a fullwidth or small "＝", "＋", "－" or "＠" is caught too.
    """
    head = value.lstrip(" \u00a0\u3000")[:1]
    if value.startswith(FORMULA_TRIGGERS) or unicodedata.normalize("NFKC", head).startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def cell(value: Any) -> str:
    """The CSV text of a value: ISO dates, enum values, plain decimals; formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    return neutralise(str(value))


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def csv_chunks(
    header: Sequence[str], chunks: Iterable[Sequence[Row]], advance: Callable[[int], None] | None = None
) -> Iterator[str]:
    """The header (after a byte-order mark, for spreadsheets), then one text chunk per chunk of
    rows; ``advance(n)`` is told of each chunk's ``n`` rows (a job's progress)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    yield BOM + _drain(buffer)
    for rows in chunks:
        writer.writerows([cell(v) for v in row] for row in rows)
        if advance is not None:
            advance(len(rows))
        text = _drain(buffer)
        if text:
            yield text


def _db_chunks(
    session: Session, stmt: Select[*tuple[Any, ...]], to_row: Callable[[Any], Row]
) -> Iterator[list[Row]]:
    """Run ``stmt`` lazily and hand its rows over ``CHUNK_ROWS`` at a time (server-side cursor)."""
    result = session.execute(stmt.execution_options(yield_per=CHUNK_ROWS))
    try:
        for partition in result.partitions():
            yield [to_row(row) for row in partition]
    finally:
        result.close()


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _between(column: Any, start: dt.date | None, end: dt.date | None) -> list[ColumnElement[bool]]:
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column <= end)
    return conditions


def _equal(query: dict[str, Any], columns: dict[str, Any]) -> list[ColumnElement[bool]]:
    return [columns[key] == query[key] for key in columns if query.get(key) is not None]


# --- proposals ------------------------------------------------------------------------------

PROPOSAL_COLUMNS = (
    "id",
    "reference",
    "call_id",
    "cycle",
    "title",
    "organisation_id",
    "organisation",
    "organisation_country",
    "countries",
    "target_groups",
    "assistance",
    "requested_amount",
    "currency",
    "duration_months",
    "status",
    "submitted_at",
    "language",
)


def _facet_codes(facet: Facet) -> Any:
    return (
        select(func.aggregate_strings(ProposalFacet.code, ";"))
        .where(ProposalFacet.proposal_id == Proposal.id, ProposalFacet.facet == facet)
        .scalar_subquery()
    )


def _sorted_codes(joined: str | None) -> str:
    return ";".join(sorted(joined.split(";"))) if joined else ""


def proposals_csv(session: Session, query: dict[str, Any]) -> Iterator[str]:
    """Proposals with their call, organisation and facets, one row each, by id."""
    conditions = _equal(
        query,
        {
            "fund_id": Call.fund_id,
            "call_id": Proposal.call_id,
            "organisation_id": Proposal.organisation_id,
            "status": Proposal.status,
        },
    )
    if query.get("country"):
        conditions.append(
            exists().where(
                ProposalFacet.proposal_id == Proposal.id,
                ProposalFacet.facet == Facet.COUNTRY,
                ProposalFacet.code == query["country"],
            )
        )
    if query.get("submitted_from"):
        conditions.append(Proposal.submitted_at >= _day_start(query["submitted_from"]))
    if query.get("submitted_to"):
        conditions.append(Proposal.submitted_at < _day_start(query["submitted_to"] + dt.timedelta(days=1)))
    stmt = (
        select(
            Proposal.id,
            Proposal.reference,
            Proposal.call_id,
            Call.cycle_label,
            Proposal.title,
            Organisation.id.label("organisation_id"),
            Organisation.name,
            Organisation.country_code,
            _facet_codes(Facet.COUNTRY).label("countries"),
            _facet_codes(Facet.TARGET_GROUP).label("target_groups"),
            _facet_codes(Facet.ASSISTANCE).label("assistance"),
            Proposal.requested_minor,
            Proposal.currency,
            Proposal.duration_months,
            Proposal.status,
            Proposal.submitted_at,
            Proposal.language,
        )
        .join(Call, Proposal.call_id == Call.id)
        .join(Organisation, Proposal.organisation_id == Organisation.id)
        .where(*conditions)
        .order_by(Proposal.id)
    )

    def to_row(r: Any) -> Row:
        return (
            r.id,
            r.reference,
            r.call_id,
            r.cycle_label,
            r.title,
            r.organisation_id,
            r.name,
            r.country_code,
            _sorted_codes(r.countries),
            _sorted_codes(r.target_groups),
            _sorted_codes(r.assistance),
            format_minor(r.requested_minor, r.currency),
            r.currency,
            r.duration_months,
            r.status,
            r.submitted_at,
            r.language,
        )

    return csv_chunks(PROPOSAL_COLUMNS, _db_chunks(session, stmt, to_row))


# --- grants ---------------------------------------------------------------------------------

GRANT_COLUMNS = (
    "id",
    "agreement_number",
    "fund",
    "call_id",
    "cycle",
    "proposal_reference",
    "title",
    "organisation_id",
    "organisation",
    "organisation_country",
    "country",
    "countries",
    "amount",
    "disbursed",
    "currency",
    "approved_on",
    "starts_on",
    "ends_on",
    "status",
)


def _grant_facet_codes(facet: Facet) -> Any:
    return (
        select(func.aggregate_strings(ProposalFacet.code, ";"))
        .where(ProposalFacet.proposal_id == Grant.proposal_id, ProposalFacet.facet == facet)
        .scalar_subquery()
    )


def _codes(joined: str | None) -> list[str]:
    return joined.split(";") if joined else []


def grants_csv(session: Session, query: dict[str, Any]) -> Iterator[str]:
    """Grants with what the books say each was awarded and has been paid, and its countries
    (``classify.grant_countries``, as the open data lists them), by id."""
    conditions = _equal(
        query,
        {
            "fund_id": Grant.fund_id,
            "call_id": Grant.call_id,
            "organisation_id": Grant.organisation_id,
            "status": Grant.status,
            "country": Grant.country_code,
        },
    )
    conditions += _between(Grant.approved_on, query.get("approved_from"), query.get("approved_to"))
    stmt = (
        select(
            Grant,
            Fund.code.label("fund_code"),
            Call.cycle_label,
            Proposal.reference.label("proposal_reference"),
            Proposal.title,
            Organisation.name.label("organisation"),
            Organisation.country_code.label("organisation_country"),
            queries.awarded_to_grant(Grant.id).label("awarded"),
            queries.paid_to_grant(Grant.id).label("paid"),
            _grant_facet_codes(Facet.COUNTRY).label("countries"),
        )
        .join(Fund, Grant.fund_id == Fund.id)
        .join(Call, Grant.call_id == Call.id)
        .join(Proposal, Grant.proposal_id == Proposal.id)
        .join(Organisation, Grant.organisation_id == Organisation.id)
        .where(*conditions)
        .order_by(Grant.id)
    )

    def to_row(r: Any) -> Row:
        g = r.Grant
        return (
            g.id,
            g.agreement_number,
            r.fund_code,
            g.call_id,
            r.cycle_label,
            r.proposal_reference,
            r.title,
            g.organisation_id,
            r.organisation,
            r.organisation_country,
            g.country_code,
            ";".join(code for code, _ in classify.grant_countries(g.country_code, _codes(r.countries))),
            format_minor(int(r.awarded or 0), g.currency),
            format_minor(int(r.paid or 0), g.currency),
            g.currency,
            g.approved_on,
            g.starts_on,
            g.ends_on,
            g.status,
        )

    return csv_chunks(GRANT_COLUMNS, _db_chunks(session, stmt, to_row))


# --- disbursements --------------------------------------------------------------------------

DISBURSEMENT_COLUMNS = (
    "id",
    "grant_id",
    "agreement_number",
    "organisation",
    "tranche",
    "planned_on",
    "amount",
    "status",
    "paid_on",
    "paid_amount",
    "currency",
    "cancellation_reason",
)


def disbursements_csv(session: Session, query: dict[str, Any]) -> Iterator[str]:
    """Tranches (planned, paid, cancelled) with their grant, by grant then tranche."""
    conditions = _equal(
        query,
        {
            "fund_id": Grant.fund_id,
            "call_id": Grant.call_id,
            "grant_id": Disbursement.grant_id,
            "status": Disbursement.status,
        },
    )
    conditions += _between(Disbursement.planned_on, query.get("planned_from"), query.get("planned_to"))
    conditions += _between(Disbursement.paid_on, query.get("paid_from"), query.get("paid_to"))
    stmt = (
        select(Disbursement, Grant.agreement_number, Organisation.name.label("organisation"))
        .join(Grant, Disbursement.grant_id == Grant.id)
        .join(Organisation, Grant.organisation_id == Organisation.id)
        .where(*conditions)
        .order_by(Disbursement.grant_id, Disbursement.tranche)
    )

    def to_row(r: Any) -> Row:
        d = r.Disbursement
        return (
            d.id,
            d.grant_id,
            r.agreement_number,
            r.organisation,
            d.tranche,
            d.planned_on,
            format_minor(d.amount_minor, d.currency),
            d.status,
            d.paid_on,
            format_minor(d.paid_minor, d.currency),
            d.currency,
            d.cancellation_reason,
        )

    return csv_chunks(DISBURSEMENT_COLUMNS, _db_chunks(session, stmt, to_row))


# --- contributions --------------------------------------------------------------------------

CONTRIBUTION_COLUMNS = (
    "id",
    "reference",
    "fund",
    "donor_id",
    "donor",
    "donor_kind",
    "donor_anonymous",
    "campaign",
    "pledged_on",
    "currency",
    "pledged",
    "received",
    "received_usd",
    "status",
    "earmarking",
)


def _contribution_conditions(query: dict[str, Any]) -> list[ColumnElement[bool]]:
    conditions = _equal(
        query,
        {
            "fund_id": Contribution.fund_id,
            "donor_id": Contribution.donor_id,
            "campaign_id": Contribution.campaign_id,
            "status": Contribution.status,
            "currency": Contribution.currency,
            "donor_kind": Donor.kind,
        },
    )
    return conditions + _between(Contribution.pledged_on, query.get("pledged_from"), query.get("pledged_to"))


def contributions_count(session: Session, query: dict[str, Any]) -> int:
    """The rows of ``contributions_csv`` for ``query`` (one statement)."""
    stmt = (
        select(func.count(Contribution.id))
        .join(Donor, Contribution.donor_id == Donor.id)
        .where(*_contribution_conditions(query))
    )
    return int(session.scalar(stmt) or 0)


def contributions_csv(
    session: Session, user: User, query: dict[str, Any], advance: Callable[[int], None] | None = None
) -> Iterator[str]:
    """Pledges with what has been received on each (recorded receipts), by id.

    An anonymous donor's name is left empty but for those who list donors (staff, admin).

    ``received`` counts the receipts made in the pledge's currency; ``received_usd`` all of them.
    """
    conditions = _contribution_conditions(query)
    received, received_usd = queries.received_on_pledge(Contribution.id)
    stmt = (
        select(
            Contribution,
            Fund.code.label("fund_code"),
            Donor.name.label("donor"),
            Donor.kind.label("donor_kind"),
            Donor.anonymous.label("donor_anonymous"),
            Campaign.name.label("campaign"),
            received.label("received"),
            received_usd.label("received_usd"),
        )
        .join(Fund, Contribution.fund_id == Fund.id)
        .join(Donor, Contribution.donor_id == Donor.id)
        .outerjoin(Campaign, Contribution.campaign_id == Campaign.id)
        .where(*conditions)
        .order_by(Contribution.id)
    )

    named = names_anonymous_donors(user)

    def to_row(r: Any) -> Row:
        c = r.Contribution
        return (
            c.id,
            c.reference,
            r.fund_code,
            c.donor_id,
            r.donor if named or not r.donor_anonymous else None,
            r.donor_kind,
            r.donor_anonymous,
            r.campaign,
            c.pledged_on,
            c.currency,
            format_minor(c.pledged_minor, c.currency),
            format_minor(int(r.received or 0), c.currency),
            format_minor(int(r.received_usd or 0), FUND_CURRENCY),
            c.status,
            c.earmarking,
        )

    return csv_chunks(CONTRIBUTION_COLUMNS, _db_chunks(session, stmt, to_row), advance)


# --- totals ---------------------------------------------------------------------------------

TOTALS_COLUMNS = (
    "line",
    "year",
    "donor_kind",
    "donor_id",
    "donor",
    "currency",
    "amount",
    "campaign_id",
    "campaign",
    "usd",
    "receipts",
    "donors",
)


def totals_csv(session: Session, user: User, query: dict[str, Any]) -> Iterator[str]:
    """The totals of ``GET /contributions/totals`` (one SQL aggregate), then a ``total`` row."""
    result = totals_services.totals(session, user, query)

    def rows() -> Iterator[list[Row]]:
        lines: list[Row] = []
        for line in result["lines"]:
            donor, campaign = line.get("donor") or {}, line.get("campaign") or {}
            lines.append(
                (
                    "group",
                    line.get("year"),
                    line.get("donor_kind"),
                    donor.get("id"),
                    donor.get("name"),
                    line.get("currency"),
                    line.get("amount"),
                    campaign.get("id"),
                    campaign.get("name"),
                    line["usd"],
                    line["receipts"],
                    line["donors"],
                )
            )
        total = result["total"]
        lines.append(("total", *[None] * 8, total["usd"], total["receipts"], total["donors"]))
        yield lines

    return csv_chunks(TOTALS_COLUMNS, rows())


# --- open data ------------------------------------------------------------------------------


def giving360_package(session: Session, installation: Installation, query: dict[str, Any]) -> dict[str, Any]:
    """Every grant as a 360Giving 1.4 package (404 when there is none yet)."""
    return giving360.package(session, installation, query.get("fund_id"))


def iati_activities(session: Session, installation: Installation, query: dict[str, Any]) -> Iterator[bytes]:
    """The funds and their grants as IATI 2.03 activities, streamed (404 when there is no fund)."""
    return iati.activities(session, installation, query.get("fund_id"))
