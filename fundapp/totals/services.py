"""Money received, in totals: grouped for staff and donors, public figures, donor statements.

"Received" means recorded receipts (reversals excluded), counted in USD at each receipt's
own rate, the way the fund's books count them (``funds.services.received_minor``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    SQLColumnExpression,
    and_,
    case,
    cast,
    extract,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, selectinload

from ..auth.models import Role, User
from ..contributions.models import (
    Campaign,
    Contribution,
    ContributionStatus,
    Donor,
    DonorKind,
    Receipt,
    ReceiptStatus,
)
from ..db import unindexed
from ..errors import NotFound
from ..funds.models import Fund
from ..grants.models import BeneficiaryCount, Grant, GrantReport, ReportStatus
from ..money import FUND_CURRENCY, format_minor
from .cache import cached, frozen


def receipt_conditions(query: dict[str, Any]) -> list[ColumnElement[bool]]:
    """Which receipts count, from ``fund_id``, ``date_from``, ``date_to`` and ``as_of``.

    Without ``as_of``: the recorded ones. With it: those received by the end of that day
    and not reversed by then (a later reversal does not change a past day's books).
    """
    conditions: list[ColumnElement[bool]] = []
    if query.get("fund_id") is not None:
        conditions.append(Receipt.fund_id == query["fund_id"])
    if query.get("date_from") is not None:
        conditions.append(Receipt.received_on >= query["date_from"])
    if query.get("date_to") is not None:
        conditions.append(Receipt.received_on <= query["date_to"])
    as_of: dt.date | None = query.get("as_of")
    if as_of is None:
        conditions.append(Receipt.status == ReceiptStatus.RECORDED)
    else:
        next_day = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        conditions.append(Receipt.received_on <= as_of)
        conditions.append(
            or_(
                Receipt.status == ReceiptStatus.RECORDED,
                and_(Receipt.status == ReceiptStatus.REVERSED, Receipt.reversed_at >= next_day),
            )
        )
    return conditions


def totals_statement(
    group_by: Sequence[str], query: dict[str, Any], own_donor_id: int | None = None
) -> Select[Any]:
    """ONE statement: the groups' sums plus the fund-wide sums on every row.

    The receipts are first summed per group and donor (``per_donor``: a hash aggregate
    into at most groups x donors rows, never a sort of every receipt), then per group.
    A group's donors are its ``per_donor`` rows; the fund-wide sums are window functions
    over the groups (``SUM(SUM(x)) OVER ()``), and distinct donors overall add up a flag
    on each donor's first ``per_donor`` row (``ROW_NUMBER() OVER (PARTITION BY donor)``).
    With ``own_donor_id`` the group sums count that donor's rows only (CASE), and only its
    groups are returned, plus one row carrying the fund-wide sums if it has none.
    """
    wanted = set(group_by)
    rows = select().select_from(Receipt).join(Contribution, Receipt.contribution_id == Contribution.id)
    sources: dict[str, list[tuple[str, SQLColumnExpression[Any]]]] = {
        "year": [("year", cast(extract("year", Receipt.received_on), Integer))],
        "currency": [("currency", Receipt.currency)],
    }
    if wanted & {"donor_kind", "donor"}:
        rows = rows.join(Donor, Contribution.donor_id == Donor.id)
        sources["donor_kind"] = [("donor_kind", Donor.kind)]
        sources["donor"] = [("donor_name", Donor.name), ("donor_anonymous", Donor.anonymous)]
    if "campaign" in wanted:
        rows = rows.outerjoin(Campaign, Contribution.campaign_id == Campaign.id)
        sources["campaign"] = [("campaign_name", Campaign.name), ("campaign_id", Contribution.campaign_id)]
    grouped = [(name, column) for key in group_by for name, column in sources[key]]
    per_donor = (
        rows.add_columns(
            *[column.label(name) for name, column in grouped],
            Contribution.donor_id.label("donor_id"),
            func.sum(Receipt.usd_minor).label("usd"),
            func.sum(Receipt.amount_minor).label("amount"),
            func.count().label("receipts"),
        )
        .where(*receipt_conditions(query))
        # grouped by +donor_id on SQLite: scan the receipts, not the pledges' donor index
        .group_by(*[column for _, column in grouped], unindexed(Contribution.donor_id))
        .subquery("per_donor")
    )
    first = func.row_number().over(partition_by=per_donor.c.donor_id) == 1
    d = select(per_donor, case((first, 1), else_=0).label("first")).subquery("d")

    key_names = {
        "year": ["year"],
        "donor_kind": ["donor_kind"],
        "donor": ["donor_name", "donor_id", "donor_anonymous"],
        "currency": ["currency"],
        "campaign": ["campaign_name", "campaign_id"],
    }
    keys = [d.c[name] for key in group_by for name in key_names[key]]
    receipts: ColumnElement[Any]
    if own_donor_id is None:
        usd, amount = func.sum(d.c.usd), func.sum(d.c.amount)
        receipts, donors = func.sum(d.c.receipts), func.count()
    else:
        mine = d.c.donor_id == own_donor_id
        usd, amount = func.sum(case((mine, d.c.usd))), func.sum(case((mine, d.c.amount)))
        receipts = func.coalesce(func.sum(case((mine, d.c.receipts))), 0)
        donors = func.count(case((mine, 1)))
    aggregates = [usd.label("usd"), receipts.label("receipts"), donors.label("donors")]
    if "currency" in wanted:
        aggregates.append(amount.label("amount"))
    aggregates += [
        func.sum(func.sum(d.c.usd)).over().label("total_usd"),
        func.sum(func.sum(d.c.receipts)).over().label("total_receipts"),
        func.sum(func.sum(d.c.first)).over().label("total_donors"),
    ]
    if own_donor_id is None:
        return select(*keys, *aggregates).group_by(*keys).order_by(*[k.asc().nulls_last() for k in keys])
    ranked = (
        select(*keys, *aggregates, func.row_number().over(order_by=receipts.desc()).label("own_rank"))
        .group_by(*keys)
        .subquery("g")
    )
    outer_keys = [ranked.c[k.name] for k in keys]
    return (
        select(ranked)
        .where(or_(ranked.c.receipts > 0, ranked.c.own_rank == 1))
        .order_by(*[k.asc().nulls_last() for k in outer_keys])
    )


def _line(row: Any, group_by: Sequence[str]) -> dict[str, Any]:
    line: dict[str, Any] = {}
    for key in group_by:
        if key == "year":
            line["year"] = row.year
        elif key == "donor_kind":
            line["donor_kind"] = DonorKind(row.donor_kind)
        elif key == "donor":
            line["donor"] = {
                "id": row.donor_id,
                "name": row.donor_name,
                "anonymous": bool(row.donor_anonymous),
            }
        elif key == "currency":
            line["currency"] = row.currency
            line["amount"] = format_minor(int(row.amount or 0), row.currency)
        elif key == "campaign":
            line["campaign"] = (
                None if row.campaign_id is None else {"id": row.campaign_id, "name": row.campaign_name}
            )
    line["usd"] = format_minor(int(row.usd or 0), FUND_CURRENCY)
    line["receipts"] = int(row.receipts)
    line["donors"] = int(row.donors)
    return line


def totals(session: Session, user: User, query: dict[str, Any]) -> dict[str, Any]:
    """Money received grouped by ``query["group_by"]``, in one SQL statement (or from the cache).

    Staff, admin, approver and board see every donor's lines; a donor sees its own lines
    only, with the fund-wide total. The answer may be shared: do not change it.
    """
    own = user.donor_id if user.role == Role.DONOR else None
    return cached(session, ("totals", own, frozen(query)), lambda: _totals(session, own, query))


def _totals(session: Session, own: int | None, query: dict[str, Any]) -> dict[str, Any]:
    group_by = list(query.get("group_by") or [])
    rows = session.execute(totals_statement(group_by, query, own)).all()
    total = {"usd": format_minor(0, FUND_CURRENCY), "receipts": 0, "donors": 0}
    if rows:
        first = rows[0]
        total = {
            "usd": format_minor(int(first.total_usd or 0), FUND_CURRENCY),
            "receipts": int(first.total_receipts or 0),
            "donors": int(first.total_donors or 0),
        }
    return {
        "currency": FUND_CURRENCY,
        "scope": "all" if own is None else "own",
        "group_by": group_by,
        "fund_id": query.get("fund_id"),
        "date_from": query.get("date_from"),
        "date_to": query.get("date_to"),
        "as_of": query.get("as_of"),
        "lines": [_line(row, group_by) for row in rows if row.receipts],
        "total": total,
    }


def public_totals(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    """Sums by year and by donor kind, donors per kind, and the names donors may be known by.

    Individuals are never named, nor is any donor who asked to stay anonymous; no amount
    is given for a single donor. Three statements, or the cache; do not change the answer.
    """
    return cached(session, ("public", frozen(query)), lambda: _public_totals(session, query))


def _public_totals(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    by_year = session.execute(totals_statement(["year"], query)).all()
    by_kind = {
        DonorKind(row.donor_kind): row for row in session.execute(totals_statement(["donor_kind"], query))
    }
    named = session.execute(
        select(Donor.kind, Donor.name)
        .distinct()
        .join(Contribution, Contribution.donor_id == Donor.id)
        .join(Receipt, Receipt.contribution_id == Contribution.id)
        .where(*receipt_conditions(query), Donor.kind != DonorKind.INDIVIDUAL, Donor.anonymous.is_(False))
        .order_by(Donor.kind, Donor.name)
    ).all()
    names: dict[DonorKind, list[str]] = defaultdict(list)
    for kind, name in named:
        names[DonorKind(kind)].append(name)
    first = by_year[0] if by_year else None
    return {
        "currency": FUND_CURRENCY,
        "fund_id": query.get("fund_id"),
        "as_of": query.get("as_of"),
        "usd": format_minor(int(first.total_usd or 0) if first else 0, FUND_CURRENCY),
        "donors": int(first.total_donors or 0) if first else 0,
        "by_year": [
            {"year": row.year, "usd": format_minor(int(row.usd or 0), FUND_CURRENCY)} for row in by_year
        ],
        "by_donor_kind": [
            {
                "donor_kind": kind,
                "usd": format_minor(int(by_kind[kind].usd or 0) if kind in by_kind else 0, FUND_CURRENCY),
                "donors": int(by_kind[kind].donors) if kind in by_kind else 0,
                "named_donors": [] if kind == DonorKind.INDIVIDUAL else names.get(kind, []),
            }
            for kind in DonorKind
        ],
    }


# --- donor statements -------------------------------------------------------------------


class _Balance:
    """Running sums of one donor: per currency pledged and received, and USD received."""

    def __init__(self) -> None:
        self.pledged: dict[str, int] = defaultdict(int)
        self.received: dict[str, int] = defaultdict(int)
        self.received_usd = 0

    def add(self, entry: dict[str, Any]) -> None:
        if not entry["counted"]:
            return
        if entry["type"] == "pledge":
            self.pledged[entry["currency"]] += entry["_minor"]
        else:
            self.received[entry["currency"]] += entry["_minor"]
            self.received_usd += entry["_usd_minor"]

    def running(self, currency: str) -> dict[str, Any]:
        return {
            "currency": currency,
            "pledged": format_minor(self.pledged[currency], currency),
            "received": format_minor(self.received[currency], currency),
            "received_usd": format_minor(self.received_usd, FUND_CURRENCY),
        }

    def dump(self) -> dict[str, Any]:
        currencies = sorted(set(self.pledged) | set(self.received))
        return {
            "by_currency": [
                {
                    "currency": c,
                    "pledged": format_minor(self.pledged[c], c),
                    "received": format_minor(self.received[c], c),
                }
                for c in currencies
            ],
            "received_usd": format_minor(self.received_usd, FUND_CURRENCY),
        }


def _entries(contributions: Sequence[Contribution]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for c in contributions:
        entries.append(
            {
                "date": c.pledged_on,
                "type": "pledge",
                "contribution_id": c.id,
                "contribution_reference": c.reference,
                "receipt_id": None,
                "fund_id": c.fund_id,
                "currency": c.currency,
                "amount": format_minor(c.pledged_minor, c.currency),
                "usd": format_minor(c.pledged_minor, c.currency) if c.currency == FUND_CURRENCY else None,
                "status": str(c.status),
                "counted": c.status != ContributionStatus.CANCELLED,
                "_minor": c.pledged_minor,
                "_order": (0, c.id),
            }
        )
        for r in c.receipts:
            entries.append(
                {
                    "date": r.received_on,
                    "type": "receipt",
                    "contribution_id": c.id,
                    "contribution_reference": c.reference,
                    "receipt_id": r.id,
                    "fund_id": r.fund_id,
                    "currency": r.currency,
                    "amount": format_minor(r.amount_minor, r.currency),
                    "usd": format_minor(r.usd_minor, FUND_CURRENCY),
                    "status": str(r.status),
                    "counted": r.status == ReceiptStatus.RECORDED,
                    "_minor": r.amount_minor,
                    "_usd_minor": r.usd_minor,
                    "_order": (1, r.id),
                }
            )
    entries.sort(key=lambda e: (e["date"], e["_order"]))
    return entries


def _fund_activity(
    session: Session, fund_ids: list[int], start: dt.date | None, end: dt.date | None
) -> list[dict[str, Any]]:
    """What each fund did in the period: grants approved, countries reached, people assisted."""
    if not fund_ids:
        return []
    funds = session.scalars(select(Fund).where(Fund.id.in_(fund_ids)).order_by(Fund.id)).all()
    approved = select(Grant.fund_id, func.count(), func.sum(Grant.amount_minor)).where(
        Grant.fund_id.in_(fund_ids)
    )
    running = select(Grant.fund_id, Grant.country_code).distinct().where(Grant.fund_id.in_(fund_ids))
    people = (
        select(Grant.fund_id, func.sum(BeneficiaryCount.people))
        .join(GrantReport, GrantReport.grant_id == Grant.id)
        .join(BeneficiaryCount, BeneficiaryCount.report_id == GrantReport.id)
        .where(Grant.fund_id.in_(fund_ids), GrantReport.status == ReportStatus.ACCEPTED)
    )
    if start is not None:
        approved = approved.where(Grant.approved_on >= start)
        running = running.where(Grant.ends_on >= start)
        people = people.where(GrantReport.received_on >= start)
    if end is not None:
        approved = approved.where(Grant.approved_on <= end)
        running = running.where(Grant.starts_on <= end)
        people = people.where(GrantReport.received_on <= end)
    grants = {fid: (n, amount) for fid, n, amount in session.execute(approved.group_by(Grant.fund_id))}
    countries: dict[int, list[str]] = defaultdict(list)
    for fid, code in session.execute(running.order_by(Grant.fund_id, Grant.country_code)):
        countries[fid].append(code)
    assisted = {fid: n for fid, n in session.execute(people.group_by(Grant.fund_id))}
    return [
        {
            "fund_id": f.id,
            "fund_name": f.name_en,
            "grants_approved": int(grants.get(f.id, (0, 0))[0]),
            "grants_approved_usd": format_minor(int(grants.get(f.id, (0, 0))[1] or 0), FUND_CURRENCY),
            "countries_reached": countries.get(f.id, []),
            "people_assisted": int(assisted.get(f.id) or 0),
        }
        for f in funds
    ]


def donor_statement(session: Session, user: User, donor_id: int, query: dict[str, Any]) -> dict[str, Any]:
    """Every pledge and receipt of a donor in date order with running totals, and the fund's work.

    A donor may read its own statement only: another donor's is a 404, as if it did not exist.
    """
    if user.role == Role.DONOR and user.donor_id != donor_id:
        raise NotFound(f"donor {donor_id} does not exist")
    donor = session.get(Donor, donor_id)
    if donor is None:
        raise NotFound(f"donor {donor_id} does not exist")
    start, end = query.get("date_from"), query.get("date_to")
    contributions = session.scalars(
        select(Contribution)
        .where(Contribution.donor_id == donor_id)
        .options(selectinload(Contribution.receipts))
        .order_by(Contribution.id)
    ).all()
    opening, balance = _Balance(), _Balance()
    entries: list[dict[str, Any]] = []
    for entry in _entries(contributions):
        if end is not None and entry["date"] > end:
            break
        if start is not None and entry["date"] < start:
            opening.add(entry)
            balance.add(entry)
            continue
        balance.add(entry)
        entry["running"] = balance.running(entry["currency"])
        entries.append(entry)
    fund_ids = sorted({c.fund_id for c in contributions})
    return {
        "donor": {"id": donor.id, "name": donor.name, "kind": donor.kind},
        "date_from": start,
        "date_to": end,
        "opening": opening.dump(),
        "entries": entries,
        "closing": balance.dump(),
        "fund_activity": _fund_activity(session, fund_ids, start, end),
    }
