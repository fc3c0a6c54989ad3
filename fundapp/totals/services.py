"""Money received, in totals: grouped for staff and donors, public figures, donor statements.

Every sum is the books' (``fundapp.books.queries``): money received in USD at each receipt's
own rate, net of reversals, each movement counted from the day it happened.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.orm import Session

from ..answer_cache import cached, frozen
from ..auth.models import Role, User
from ..books import queries
from ..books.models import Account, LedgerEntry
from ..contributions.models import (
    Contribution,
    Donor,
    DonorKind,
    Receipt,
)
from ..contributions.services import names_anonymous_donors
from ..errors import Conflict, NotFound
from ..fund_scope import one_fund
from ..funds.models import Fund
from ..grants.models import Grant, GrantReport, ReportStatus
from ..money import FUND_CURRENCY, format_minor


def _line(row: Any, group_by: Sequence[str], *, named: bool) -> dict[str, Any]:
    line: dict[str, Any] = {}
    for key in group_by:
        if key == "year":
            line["year"] = row.year
        elif key == "donor_kind":
            line["donor_kind"] = DonorKind(row.donor_kind)
        elif key == "donor":
            line["donor"] = {
                "id": row.donor_id,
                "name": row.donor_name if named or not row.donor_anonymous else None,
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


#: The fund table as such (not the mapped class, whose reads keep to the caller's funds).
FUNDS = Fund.__table__


def totals(session: Session, user: User, query: dict[str, Any]) -> dict[str, Any]:
    """Money received grouped by ``query["group_by"]``, in one SQL statement (or from the cache).

    Staff, admin, approver and board see every donor's lines; a donor sees its own lines
    only, with the fund-wide total. Anonymous donors are named to staff and admin only (and a
    donor to itself). The answer may be shared: do not change it.
    """
    own = user.donor_id if user.role == Role.DONOR else None
    named = own is not None or names_anonymous_donors(user)
    fund_id = one_fund(session, query.get("fund_id"), lambda: session.scalars(select(FUNDS.c.id)).all())
    if fund_id is not None:
        query = {**query, "fund_id": fund_id}
    return cached(
        session, ("totals", own, named, frozen(query)), lambda: _totals(session, own, query, named=named)
    )


def _totals(session: Session, own: int | None, query: dict[str, Any], *, named: bool) -> dict[str, Any]:
    group_by = list(query.get("group_by") or [])
    rows = session.execute(queries.received_totals_statement(group_by, query, own)).all()
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
        "lines": [_line(row, group_by, named=named) for row in rows if row.receipts or row.usd],
        "total": total,
    }


def public_totals(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    """Sums by year and by donor kind, donors per kind, and the names donors may be known by.

    Individuals are never named, nor is any donor who asked to stay anonymous; no amount
    is given for a single donor. Three statements, or the cache; do not change the answer.
    """
    return cached(session, ("public", frozen(query)), lambda: _public_totals(session, query))


def _public_totals(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    by_year = session.execute(queries.received_by_year(query)).all()
    kinds = session.execute(queries.received_totals_statement(["donor_kind"], query)).all()
    by_kind = {DonorKind(row.donor_kind): row for row in kinds}
    named = session.execute(
        select(Donor.kind, Donor.name)
        .where(
            Donor.id.in_(queries.donors_who_gave(query)),
            Donor.kind != DonorKind.INDIVIDUAL,
            Donor.anonymous.is_(False),
        )
        .order_by(Donor.kind, Donor.name)
    ).all()
    names: dict[DonorKind, list[str]] = defaultdict(list)
    for kind, name in named:
        names[DonorKind(kind)].append(name)
    first = kinds[0] if kinds else None  # every row carries the fund-wide sums
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
        if entry["_account"] == Account.PLEDGED:
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


def _entries(session: Session, donor_id: int, fund_id: int, end: dt.date | None) -> list[dict[str, Any]]:
    """The donor's movements in one fund's books, in the order they happened (one statement)."""
    rows = session.execute(
        select(LedgerEntry, Contribution.reference, Contribution.status, Receipt.status)
        .join(Contribution, Contribution.id == LedgerEntry.contribution_id)
        .outerjoin(Receipt, Receipt.id == LedgerEntry.receipt_id)
        .where(
            LedgerEntry.donor_id == donor_id,
            LedgerEntry.fund_id == fund_id,
            *queries.as_of_conditions(as_of=end),
        )
        .order_by(LedgerEntry.effective_on, LedgerEntry.id)
    ).all()
    return [
        {
            "date": e.effective_on,
            "type": str(e.movement),
            "contribution_id": e.contribution_id,
            "contribution_reference": reference,
            "receipt_id": e.receipt_id,
            "fund_id": e.fund_id,
            "currency": e.currency,
            "amount": format_minor(e.amount_minor, e.currency),
            "usd": format_minor(e.usd_minor, FUND_CURRENCY) if e.usd_minor is not None else None,
            "status": str(receipt_status if e.receipt_id is not None else pledge_status),
            "_account": e.account,
            "_minor": e.amount_minor,
            "_usd_minor": e.usd_minor or 0,
        }
        for e, reference, pledge_status, receipt_status in rows
    ]


def _fund_activity(
    session: Session, fund_ids: list[int], start: dt.date | None, end: dt.date | None
) -> list[dict[str, Any]]:
    """What each fund did in the period: grants approved, countries reached, people assisted."""
    if not fund_ids:
        return []
    funds = session.scalars(select(Fund).where(Fund.id.in_(fund_ids)).order_by(Fund.id)).all()
    approved = select(Grant.fund_id, func.count()).where(Grant.fund_id.in_(fund_ids))
    running = select(Grant.fund_id, Grant.country_code).distinct().where(Grant.fund_id.in_(fund_ids))
    # each person once: the reports' own totals of people assisted, not their breakdowns' rows
    people = (
        select(Grant.fund_id, func.sum(GrantReport.people_assisted))
        .join(GrantReport, GrantReport.grant_id == Grant.id)
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
    grants = {fund_id: count for fund_id, count in session.execute(approved.group_by(Grant.fund_id))}
    # the money awarded in the period: the books' commitments (and amendments) effective in it
    money = queries.grant_money(
        session, funds=fund_ids, date_from=start, date_to=end, by=LedgerEntry.fund_id
    )["by"]
    countries: dict[int, list[str]] = defaultdict(list)
    for fid, code in session.execute(running.order_by(Grant.fund_id, Grant.country_code)):
        countries[fid].append(code)
    assisted = {fid: n for fid, n in session.execute(people.group_by(Grant.fund_id))}
    return [
        {
            "fund_id": f.id,
            "fund_name": f.name_en,
            "grants_approved": int(grants.get(f.id, 0)),
            "grants_approved_usd": format_minor(
                money.get(f.id, {"awarded_minor": 0})["awarded_minor"], FUND_CURRENCY
            ),
            "countries_reached": countries.get(f.id, []),
            "people_assisted": int(assisted.get(f.id) or 0),
        }
        for f in funds
    ]


def _statement_funds(session: Session, donor_id: int, fund_id: int | None) -> list[int]:
    """The fund a statement is of, as a list (empty for a donor who gave to none): ``fund_id``
    (404 if there is no such fund), else the donor's only fund (409 if it gave to several)."""
    if fund_id is not None:
        if session.get(Fund, fund_id) is None:
            raise NotFound(f"fund {fund_id} does not exist")
        return [fund_id]
    given = sorted(
        session.scalars(select(Contribution.fund_id).where(Contribution.donor_id == donor_id).distinct())
    )
    if len(given) > 1:
        raise Conflict(
            f"the donor gave to {len(given)} funds ({', '.join(map(str, given))}): a statement is of one, "
            "name it with fund_id",
        )
    return given


def donor_statement(session: Session, user: User, donor_id: int, query: dict[str, Any]) -> dict[str, Any]:
    """Every movement of a donor's money in one fund's books (pledges, their changes and
    cancellations, receipts and their reversals), in the order they happened, with running totals;
    and the fund's work in the period. The fund is ``fund_id``, else the one the donor gave to: a
    donor who gave to several must name one (409), since a statement never mixes two funds' money.

    A donor may read its own statement only: another donor's is a 404, as if it did not exist.
    """
    if user.role == Role.DONOR and user.donor_id != donor_id:
        raise NotFound(f"donor {donor_id} does not exist")
    donor = session.get(Donor, donor_id)
    if donor is None:
        raise NotFound(f"donor {donor_id} does not exist")
    start, end = query.get("date_from"), query.get("date_to")
    fund_ids = _statement_funds(session, donor_id, query.get("fund_id"))
    opening, balance = _Balance(), _Balance()
    entries: list[dict[str, Any]] = []
    movements = _entries(session, donor_id, fund_ids[0], end) if fund_ids else []
    for entry in movements:
        if start is not None and entry["date"] < start:
            opening.add(entry)
            balance.add(entry)
            continue
        balance.add(entry)
        entry["running"] = balance.running(entry["currency"])
        entries.append(entry)
    return {
        "donor": {"id": donor.id, "name": donor.name, "kind": donor.kind},
        "date_from": start,
        "date_to": end,
        "opening": opening.dump(),
        "entries": entries,
        "closing": balance.dump(),
        "fund_activity": _fund_activity(session, fund_ids, start, end),
    }
