"""Reading the books: every money figure of the fund comes from the ledger, by one rule.

**The as-of rule.** The books as of a day are the ledger entries effective on or before that
day, whenever they were recorded. A movement counts from the day it happened in the world: a
pledge from its date, its cancellation from the day it was cancelled; a receipt from the day
the money arrived, at the USD value fixed then, and its reversal from the day it was reversed;
a grant's commitment from its approval, the release of what it did not pay from the day it
ended; a payment from the day it was paid. A correction never rewrites a past day: the fund's
position as of a day is the same tomorrow as today. Without a day, the books are read as they
stand (every entry). Periods (``date_from``, ``date_to``) count the movements effective in them.

Received money is counted in USD at each receipt's own rate. Outstanding pledges (pledged less
received, in each pledge's currency) are converted once per currency, at the latest exchange
rate of that currency dated on or before the day; a currency with no such rate is listed as
unconverted and left out of the USD figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from ..contributions.models import Campaign, Donor, ExchangeRate
from ..db import unindexed, utcnow
from ..funds.models import Fund
from ..grants.models import AmendmentStatus, Grant, GrantAmendment
from ..money import FUND_CURRENCY, convert_to_usd_minor
from .models import (
    EVERY_FUND,
    Account,
    Balance,
    LedgerEntry,
    Movement,
    ReceivedByDonor,
    ReceivedByDonorYear,
    ReceivedByKind,
    ReceivedByKindYear,
)
from .services import GRANT, RECEIPT_COUNT, cast_year
from .support import available_minor, grantable_minor, support_costs_minor

L = LedgerEntry


def as_of_conditions(
    *,
    fund_id: int | None = None,
    as_of: dt.date | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[ColumnElement[bool]]:
    """The entries the books count for a fund, a day and a period (the rule above)."""
    conditions: list[ColumnElement[bool]] = []
    if fund_id is not None:
        conditions.append(L.fund_id == fund_id)
    if as_of is not None:
        conditions.append(L.effective_on <= as_of)
    if date_from is not None:
        conditions.append(L.effective_on >= date_from)
    if date_to is not None:
        conditions.append(L.effective_on <= date_to)
    return conditions


def received_conditions(query: dict[str, Any]) -> list[ColumnElement[bool]]:
    """Money received, from a totals query's ``fund_id``, ``date_from``, ``date_to`` and ``as_of``."""
    return [
        L.account == Account.RECEIVED,
        *as_of_conditions(
            fund_id=query.get("fund_id"),
            as_of=query.get("as_of"),
            date_from=query.get("date_from"),
            date_to=query.get("date_to"),
        ),
    ]


def _usd(account: Account) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((L.account == account, L.usd_minor), else_=0)), 0)


def position(session: Session, fund: Fund, as_of: dt.date | None = None) -> dict[str, Any]:
    """The fund's sources and uses in USD as of a day (today by default): two statements."""
    fund_id, support_bp = fund.id, fund.programme_support_bp
    as_of = as_of or utcnow().date()
    received, committed, disbursed = session.execute(
        select(_usd(Account.RECEIVED), _usd(Account.COMMITTED), _usd(Account.DISBURSED)).where(
            L.account != Account.PLEDGED, *as_of_conditions(fund_id=fund_id, as_of=as_of)
        )
    ).one()
    received, committed, disbursed = int(received), int(committed), int(disbursed)
    by_currency: list[dict[str, Any]] = []
    unconverted: list[str] = []
    outstanding = 0
    # One row per currency (a handful), never one per record.
    for row in session.execute(_outstanding_by_currency(fund_id, as_of)):
        rate = row.usd_per_unit if row.currency != FUND_CURRENCY else None
        rate_date = row.rate_date if row.currency != FUND_CURRENCY else None
        if row.currency == FUND_CURRENCY:
            outstanding_usd: int | None = int(row.outstanding)
        elif rate is not None:
            outstanding_usd = convert_to_usd_minor(int(row.outstanding), row.currency, rate)
        else:
            outstanding_usd = None
            if row.outstanding:
                unconverted.append(row.currency)
        outstanding += outstanding_usd or 0
        by_currency.append(
            {
                "currency": row.currency,
                "fund_currency": FUND_CURRENCY,
                "outstanding_minor": int(row.outstanding),
                "outstanding_usd_minor": outstanding_usd,
                "usd_per_unit": rate,
                "rate_date": rate_date,
            }
        )
    return {
        "fund_id": fund_id,
        "as_of": as_of,
        "currency": FUND_CURRENCY,
        "pledged_minor": received + outstanding,
        "received_minor": received,
        "outstanding_minor": outstanding,
        "committed_minor": committed,
        "disbursed_minor": disbursed,
        "undisbursed_minor": committed - disbursed,
        "uncommitted_minor": received - committed,
        "programme_support_bp": support_bp,
        "support_costs_minor": support_costs_minor(committed, support_bp),
        "available_minor": available_minor(received, committed, support_bp),
        "grantable_minor": grantable_minor(received, committed, support_bp),
        "pledges_by_currency": by_currency,
        "unconverted_currencies": unconverted,
    }


def _outstanding_by_currency(fund_id: int, as_of: dt.date) -> Select[Any]:
    """Per currency: pledged less received in that currency, and the latest rate on or before the day."""
    signed = case((L.account == Account.PLEDGED, L.amount_minor), else_=-L.amount_minor)
    pledges = (
        select(L.currency.label("currency"), func.sum(signed).label("outstanding"))
        .where(
            L.account.in_([Account.PLEDGED, Account.RECEIVED]),
            *as_of_conditions(fund_id=fund_id, as_of=as_of),
        )
        .group_by(L.currency)
        .subquery()
    )
    latest = (
        select(ExchangeRate.currency, func.max(ExchangeRate.rate_date).label("rate_date"))
        .where(ExchangeRate.rate_date <= as_of)
        .group_by(ExchangeRate.currency)
        .subquery()
    )
    return (
        select(pledges.c.currency, pledges.c.outstanding, ExchangeRate.usd_per_unit, ExchangeRate.rate_date)
        .select_from(pledges)
        .outerjoin(latest, latest.c.currency == pledges.c.currency)
        .outerjoin(
            ExchangeRate,
            and_(ExchangeRate.currency == latest.c.currency, ExchangeRate.rate_date == latest.c.rate_date),
        )
        .order_by(pledges.c.currency)
    )


def _account_total(session: Session, account: Account, fund_id: int, as_of: dt.date | None) -> int:
    conditions = as_of_conditions(fund_id=fund_id, as_of=as_of)
    return int(session.scalar(select(_usd(account)).where(L.account == account, *conditions)) or 0)


def received_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents received (net of reversals) as of a day, or as the books stand."""
    return _account_total(session, Account.RECEIVED, fund_id, as_of)


def committed_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents committed to grants (net of releases) as of a day, or as the books stand."""
    return _account_total(session, Account.COMMITTED, fund_id, as_of)


def disbursed_minor(session: Session, fund_id: int, as_of: dt.date | None = None) -> int:
    """USD cents paid to grantees as of a day, or as the books stand."""
    return _account_total(session, Account.DISBURSED, fund_id, as_of)


@dataclass(frozen=True)
class _Received:
    """Where the totals sum money received from: the ledger's entries, or a maintained sum."""

    table: Any
    donor_id: Any
    usd: Any
    receipts: Any
    conditions: list[ColumnElement[bool]]
    year: Any = None
    amount: Any = None
    currency: Any = None
    campaign_id: Any = None


#: The groups each maintained sum can answer.
BY_DONOR, BY_DONOR_YEAR = frozenset({"donor_kind", "donor"}), frozenset({"year", "donor_kind", "donor"})
BY_KIND_YEAR = frozenset({"year", "donor_kind"})


def _dated(query: dict[str, Any]) -> bool:
    return any(query.get(key) is not None for key in ("as_of", "date_from", "date_to"))


def _scope(query: dict[str, Any]) -> int:
    return EVERY_FUND if query.get("fund_id") is None else int(query["fund_id"])


def _received(group_by: Sequence[str], query: dict[str, Any]) -> _Received:
    """The smallest source that answers the query exactly.

    Without a day (``as_of``, ``date_from``, ``date_to``) the books as they stand are the
    donors' maintained sums (``ReceivedByDonor``, or ``ReceivedByDonorYear`` to group by
    year): one row per donor (and year), kept with the entries, however many receipts. A day,
    a currency or a campaign is read from the entries themselves.
    """
    wanted = set(group_by)
    fund = [] if query.get("fund_id") is None else [query["fund_id"]]
    if not _dated(query) and wanted <= BY_DONOR_YEAR:
        model = ReceivedByDonor if wanted <= BY_DONOR else ReceivedByDonorYear
        return _Received(
            table=model,
            donor_id=model.donor_id,
            usd=model.usd_minor,
            receipts=model.receipts,
            conditions=[model.fund_id == f for f in fund],
            year=getattr(model, "year", None),
        )
    return _Received(
        table=L,
        # +donor_id on SQLite: scan the entries and look each donor up, never the reverse
        donor_id=unindexed(L.donor_id),
        usd=L.usd_minor,
        receipts=RECEIPT_COUNT,
        conditions=received_conditions(query),
        year=cast_year(L.effective_on),
        amount=L.amount_minor,
        currency=L.currency,
        campaign_id=L.campaign_id,
    )


def received_totals_statement(
    group_by: Sequence[str], query: dict[str, Any], own_donor_id: int | None = None
) -> Select[Any]:
    """ONE statement: money received summed per group, plus the fund-wide sums on every row.

    The source (``_received``: the donors' maintained sums or the entries) is first summed per
    group and donor (``per_donor``: a hash aggregate into at most groups x donors rows), then
    per group. A group's donors are those who gave in it, net of reversals (more receipts than
    reversals there); a reversal in a later period lowers that period's sum. The fund-wide sums
    are window functions over the groups (``SUM(SUM(x)) OVER ()``), and distinct donors overall
    add up a flag on each donor's first ``per_donor`` row (``ROW_NUMBER() OVER (PARTITION BY
    donor)``). With ``own_donor_id`` the group sums count that donor's rows only (CASE), and
    only its groups are returned, plus one row carrying the fund-wide sums if it has none.
    """
    if own_donor_id is None and not _dated(query) and set(group_by) <= BY_KIND_YEAR:
        return _kind_totals_statement(group_by, query)
    wanted = set(group_by)
    source = _received(group_by, query)
    rows = select().select_from(source.table)
    sources: dict[str, list[tuple[str, Any]]] = {
        "year": [("year", source.year)],
        "currency": [("currency", source.currency)],
    }
    if wanted & {"donor_kind", "donor"}:
        rows = rows.join(Donor, source.donor_id == Donor.id)
        sources["donor_kind"] = [("donor_kind", Donor.kind)]
        sources["donor"] = [("donor_name", Donor.name), ("donor_anonymous", Donor.anonymous)]
    if "campaign" in wanted:
        rows = rows.outerjoin(Campaign, source.campaign_id == Campaign.id)
        sources["campaign"] = [("campaign_name", Campaign.name), ("campaign_id", source.campaign_id)]
    grouped = [(name, column) for key in group_by for name, column in sources[key]]
    per_donor = (
        rows.add_columns(
            *[column.label(name) for name, column in grouped],
            source.donor_id.label("donor_id"),
            func.sum(source.usd).label("usd"),
            func.sum(source.amount if source.amount is not None else 0).label("amount"),
            func.sum(source.receipts).label("receipts"),
        )
        .where(*source.conditions)
        # grouped by +donor_id on SQLite: scan the entries, not the donor index
        .group_by(*[column for _, column in grouped], source.donor_id)
        .having(or_(func.sum(source.receipts) != 0, func.sum(source.usd) != 0))
        .subquery("per_donor")
    )
    # a donor counts once overall if it gave, net of reversals, over the whole query
    first = func.row_number().over(partition_by=per_donor.c.donor_id) == 1
    gave = func.sum(per_donor.c.receipts).over(partition_by=per_donor.c.donor_id) > 0
    d = select(per_donor, case((and_(first, gave), 1), else_=0).label("first")).subquery("d")

    key_names = {
        "year": ["year"],
        "donor_kind": ["donor_kind"],
        "donor": ["donor_name", "donor_id", "donor_anonymous"],
        "currency": ["currency"],
        "campaign": ["campaign_name", "campaign_id"],
    }
    keys = [d.c[name] for key in group_by for name in key_names[key]]
    usd: ColumnElement[Any]
    amount: ColumnElement[Any]
    receipts: ColumnElement[Any]
    if own_donor_id is None:
        usd, amount = func.sum(d.c.usd), func.sum(d.c.amount)
        receipts, donors = func.sum(d.c.receipts), func.count(case((d.c.receipts > 0, 1)))
    else:
        mine = d.c.donor_id == own_donor_id
        usd, amount = func.sum(case((mine, d.c.usd))), func.sum(case((mine, d.c.amount)))
        receipts = func.coalesce(func.sum(case((mine, d.c.receipts))), 0)
        donors = func.count(case((and_(mine, d.c.receipts > 0), 1)))
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


def _kind_totals_statement(group_by: Sequence[str], query: dict[str, Any]) -> Select[Any]:
    """The same answer, for everyone's totals by year and donor kind as the books stand, from the
    donor kinds' maintained sums (``ReceivedByKind``): a row per kind (and year), with the donors
    who gave already counted, however many donors and receipts. A donor has one kind, so the
    kinds' donors add up to the donors of a year, or of the scope."""
    model: Any = ReceivedByKindYear if "year" in group_by else ReceivedByKind
    scope = _scope(query)
    columns = {"year": getattr(model, "year", None), "donor_kind": model.donor_kind}
    grouped = [columns[key] for key in group_by]
    overall = [
        select(func.coalesce(func.sum(column), 0)).where(ReceivedByKind.scope == scope).scalar_subquery()
        for column in (ReceivedByKind.usd_minor, ReceivedByKind.receipts, ReceivedByKind.donors)
    ]
    return (
        select(
            *[column.label(key) for key, column in zip(group_by, grouped, strict=True)],
            func.sum(model.usd_minor).label("usd"),
            func.coalesce(func.sum(model.receipts), 0).label("receipts"),
            func.coalesce(func.sum(model.donors), 0).label("donors"),
            *[
                total.label(name)
                for total, name in zip(overall, ("total_usd", "total_receipts", "total_donors"), strict=True)
            ],
        )
        .where(model.scope == scope)
        .group_by(*grouped)
        .order_by(*[column.asc().nulls_last() for column in grouped])
    )


def received_by_year(query: dict[str, Any]) -> Select[int, int]:
    """(year, USD) of the money received in the books the query reads, net of reversals, by the
    year it moved: a plain sum per year (no donor counted), from the donor kinds' yearly sums
    without a day, else from the entries."""
    if not _dated(query):
        k = ReceivedByKindYear
        by_year: Select[int, int] = (
            select(k.year.label("year"), func.sum(k.usd_minor).label("usd"))
            .where(k.scope == _scope(query))
            .group_by(k.year)
            .having(or_(func.sum(k.receipts) != 0, func.sum(k.usd_minor) != 0))
            .order_by(k.year)
        )
        return by_year
    source = _received(["year"], query)
    year = source.year.label("year")
    return (
        select(year, func.sum(source.usd).label("usd"))
        .select_from(source.table)
        .where(*source.conditions)
        .group_by(source.year)
        .having(or_(func.sum(source.receipts) != 0, func.sum(source.usd) != 0))
        .order_by(source.year)
    )


def donors_who_gave(query: dict[str, Any]) -> Select[Any]:
    """The donors with money received in the books the query reads (net of reversals)."""
    source = _received([], query)
    return (
        select(source.donor_id)
        .select_from(source.table)
        .where(*source.conditions)
        .group_by(source.donor_id)
        .having(func.sum(source.receipts) > 0)
    )


def paid_to_grant(grant_id: Any) -> ColumnElement[int]:
    """What a grant has been paid, from its balance: a correlated scalar subquery for a list."""
    return func.coalesce(
        select(Balance.balance_minor)
        .where(Balance.owner == GRANT, Balance.owner_id == grant_id, Balance.account == Account.DISBURSED)
        .scalar_subquery(),
        0,
    )


def paid_to_grants(session: Session, grant_ids: Sequence[int]) -> dict[int, int]:
    """What each grant has been paid (0 for none), from the balances, in one statement."""
    paid = dict.fromkeys(grant_ids, 0)
    rows = session.execute(
        select(Balance.owner_id, Balance.balance_minor).where(
            Balance.owner == GRANT, Balance.owner_id.in_(list(paid)), Balance.account == Account.DISBURSED
        )
    )
    paid.update((int(grant_id), int(minor)) for grant_id, minor in rows)
    return paid


def received_on_pledge(contribution_id: Any) -> tuple[ColumnElement[int], ColumnElement[int]]:
    """What a pledge has received, in its currency and in USD at the receipts' rates (net of
    reversals), as correlated scalar subqueries for a list or an export."""
    received = L.contribution_id == contribution_id, L.account == Account.RECEIVED
    amount = select(func.coalesce(func.sum(L.amount_minor), 0)).where(*received).scalar_subquery()
    usd = select(func.coalesce(func.sum(L.usd_minor), 0)).where(*received).scalar_subquery()
    return amount, usd


def received_by_donor_kind(
    session: Session, fund_id: int, as_of: dt.date
) -> list[tuple[Any, bool, int, int]]:
    """(donor kind, anonymous, donors who gave, USD) of the money received as of a day."""
    query = {"fund_id": fund_id, "as_of": as_of}
    per_donor = (
        select(
            L.donor_id.label("donor_id"),
            func.sum(L.usd_minor).label("usd"),
            func.sum(RECEIPT_COUNT).label("receipts"),
        )
        .where(*received_conditions(query))
        .group_by(L.donor_id)
        .having(or_(func.sum(RECEIPT_COUNT) != 0, func.sum(L.usd_minor) != 0))
        .subquery()
    )
    rows = session.execute(
        select(
            Donor.kind,
            Donor.anonymous,
            func.count(case((per_donor.c.receipts > 0, 1))),
            func.sum(per_donor.c.usd),
        )
        .join(per_donor, per_donor.c.donor_id == Donor.id)
        .group_by(Donor.kind, Donor.anonymous)
    )
    return [(kind, bool(anonymous), int(donors), int(usd or 0)) for kind, anonymous, donors, usd in rows]


def received_by_year_and_kind(session: Session, fund_id: int, as_of: dt.date) -> list[tuple[int, Any, int]]:
    """(year, donor kind, USD) of the money received as of a day, by the year it moved."""
    year = cast_year(L.effective_on)
    rows = session.execute(
        select(year, Donor.kind, func.sum(L.usd_minor))
        .join(Donor, unindexed(L.donor_id) == Donor.id)
        .where(*received_conditions({"fund_id": fund_id, "as_of": as_of}))
        .group_by(year, Donor.kind)
        .order_by(year)
    )
    return [(int(y), kind, int(usd or 0)) for y, kind, usd in rows]


def first_received_on(session: Session, fund_id: int, as_of: dt.date) -> dt.date | None:
    """The day of the earliest money received the books hold for the fund by ``as_of``: where its
    records begin (None: nothing received)."""
    return session.scalar(
        select(func.min(L.effective_on)).where(*received_conditions({"fund_id": fund_id, "as_of": as_of}))
    )


#: What awards money to grants: a commitment (on award, or an amendment that raises the amount)
#: and an amendment that lowers it; the other releases are what ended grants gave back.
AWARDING = or_(L.movement == Movement.COMMITMENT, L.amendment_id.is_not(None))

GrantMoney = dict[str, int]


class GrantMoneyTotals(TypedDict):
    """``grant_money``'s answer: the sums over everything it read, and per value of ``by``."""

    total: GrantMoney
    by: dict[Any, GrantMoney]


def grant_money(
    session: Session,
    *,
    fund_id: int | None = None,
    funds: Sequence[int] | None = None,
    call_id: int | None = None,
    calls: Select[Any] | None = None,
    grants: Sequence[int] | None = None,
    as_of: dt.date | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    by: Any = None,
) -> GrantMoneyTotals:
    """The money of grants, by the as-of rule: ``awarded`` (commitments and their amendments),
    ``released`` (what ended grants gave back), ``committed`` (awarded less released) and
    ``disbursed`` (payments, net of their cancellations and of refunds), in USD cents.

    Filtered by a fund or several (``funds``), a call, a SELECT of call ids (``calls``) or grant
    ids; ``total`` holds the sums over everything, ``by`` the sums per value of ``by`` (a column
    of the ledger or of the grant, e.g. ``Grant.country_code``), in one statement.
    """
    awarded = func.sum(case((AWARDING, L.usd_minor), else_=0))
    released = func.sum(
        case(
            (and_(L.movement == Movement.COMMITMENT_RELEASE, L.amendment_id.is_(None)), -L.usd_minor), else_=0
        )
    )
    committed = func.sum(case((L.account == Account.COMMITTED, L.usd_minor), else_=0))
    disbursed = func.sum(case((L.account == Account.DISBURSED, L.usd_minor), else_=0))
    conditions = [
        L.account.in_([Account.COMMITTED, Account.DISBURSED]),
        *as_of_conditions(fund_id=fund_id, as_of=as_of, date_from=date_from, date_to=date_to),
    ]
    if funds is not None:
        conditions.append(L.fund_id.in_(list(funds)))
    if call_id is not None:
        conditions.append(L.call_id == call_id)
    if calls is not None:
        conditions.append(L.call_id.in_(calls))
    if grants is not None:
        conditions.append(L.grant_id.in_(list(grants)))
    keys = [] if by is None else [by]
    stmt = select(*keys, awarded, released, committed, disbursed).where(*conditions)
    if by is not None:
        stmt = stmt.join(Grant, Grant.id == L.grant_id).group_by(by)
    money: GrantMoneyTotals = {
        "total": dict.fromkeys(("awarded_minor", "released_minor", "committed_minor", "disbursed_minor"), 0),
        "by": {},
    }
    for row in session.execute(stmt):
        *key, a, r, c, d = row
        sums = {"awarded_minor": int(a or 0), "released_minor": int(r or 0),
                "committed_minor": int(c or 0), "disbursed_minor": int(d or 0)}  # fmt: skip
        if key:
            money["by"][key[0]] = sums
        for name, value in sums.items():
            money["total"][name] += value
    return money


def lowest_paid_from(session: Session, grant_id: int, day: dt.date) -> int:
    """The least a grant had been paid, net, as of ``day`` or any later day (the books as they
    stand included): what a refund or a cancelled payment dated ``day`` may take back without
    leaving the grant paid less than nothing on some day. One statement, a row per day moved."""
    moved: list[tuple[dt.date, int]] = [
        (on, int(minor or 0))
        for on, minor in session.execute(
            select(L.effective_on, func.sum(L.usd_minor))
            .where(L.grant_id == grant_id, L.account == Account.DISBURSED)
            .group_by(L.effective_on)
            .order_by(L.effective_on)
        )
    ]
    running = sum(minor for on, minor in moved if on <= day)
    lowest = running
    for on, minor in moved:
        if on > day:
            running += minor
            lowest = min(lowest, running)
    return lowest


#: Entries read per round trip by ``movements`` (a server-side cursor on PostgreSQL).
MOVEMENT_CHUNK_ROWS = 500
FUND_ACCOUNTS = (Account.PLEDGED, Account.RECEIVED)
GRANT_ACCOUNTS = (Account.COMMITTED, Account.DISBURSED)


def movements(
    session: Session,
    *,
    fund_id: int | None = None,
    grants: Select[Any] | Sequence[int] | None = None,
    accounts: Sequence[Account] | None = None,
    as_of: dt.date | None = None,
    chunk_rows: int = MOVEMENT_CHUNK_ROWS,
) -> Any:
    """Every ledger entry of a fund's pledged and received accounts (``fund_id``), oldest first,
    or of a set of grants' committed and disbursed accounts (``grants``: ids or a SELECT of
    ids), grant by grant and oldest first (``accounts`` narrows either to some of its
    accounts; ``as_of`` to the entries effective by that day): ONE statement, streamed
    ``chunk_rows`` at a time,
    never loaded whole. Each row carries the entry (signed amount in its currency, USD value,
    effective day, movement) and, for a donor's money, the donor's name, kind, anonymity and
    country. Close the result (or read it to the end) before the session's next statement.
    """
    columns = (
        L.id,
        L.account,
        L.movement,
        L.effective_on,
        L.currency,
        L.amount_minor,
        L.usd_minor,
        L.contribution_id,
        L.receipt_id,
        L.grant_id,
        L.disbursement_id,
        L.donor_id,
        Donor.name.label("donor_name"),
        Donor.kind.label("donor_kind"),
        Donor.anonymous.label("donor_anonymous"),
        Donor.country_code.label("donor_country"),
    )
    stmt = select(*columns).outerjoin(Donor, Donor.id == L.donor_id).where(*as_of_conditions(as_of=as_of))
    if grants is not None:
        stmt = stmt.where(L.account.in_(accounts or GRANT_ACCOUNTS), L.grant_id.in_(grants)).order_by(
            L.grant_id, L.effective_on, L.id
        )
    elif fund_id is not None:
        stmt = stmt.where(L.fund_id == fund_id, L.account.in_(accounts or FUND_ACCOUNTS)).order_by(
            L.effective_on, L.id
        )
    else:
        raise ValueError("movements of a fund or of a set of grants")
    return session.execute(stmt.execution_options(yield_per=chunk_rows))


def grant_sums(session: Session, grant_ids: Sequence[int]) -> dict[int, GrantMoney]:
    """Per grant, as the books stand: ``awarded_minor`` (its commitment and amendments) and
    ``disbursed_minor`` (payments net of cancellations and refunds): ``grant_money`` by grant."""
    if not grant_ids:
        return {}
    money = grant_money(session, grants=grant_ids, by=L.grant_id)["by"]
    none = {"awarded_minor": 0, "disbursed_minor": 0}
    return {
        g: {key: money.get(g, none)[key] for key in ("awarded_minor", "disbursed_minor")} for g in grant_ids
    }


def awarded_to_grant(grant_id: Any) -> ColumnElement[int]:
    """What a grant was awarded (its commitment and amendments), from the ledger: a correlated
    scalar subquery for a list or an export."""
    return (
        select(func.coalesce(func.sum(L.usd_minor), 0))
        .where(L.grant_id == grant_id, AWARDING)
        .scalar_subquery()
    )


def approved_amendments(session: Session, fund_id: int, as_of: dt.date) -> dict[str, dict[str, int]]:
    """The fund's grant amendments approved by ``as_of``, by kind (extension, increase, decrease):
    how many, and the money they moved by then as the books say (``moved_minor``: committed by the
    increases, released by the decreases, as a positive figure; 0 for the extensions)."""
    moved = (
        select(func.abs(func.coalesce(func.sum(L.usd_minor), 0)))
        .where(L.amendment_id == GrantAmendment.id, L.effective_on <= as_of)
        .correlate(GrantAmendment)
        .scalar_subquery()
    )
    rows = session.execute(
        select(GrantAmendment.kind, func.count(GrantAmendment.id), func.coalesce(func.sum(moved), 0))
        .join(Grant, Grant.id == GrantAmendment.grant_id)
        .where(
            Grant.fund_id == fund_id,
            GrantAmendment.status == AmendmentStatus.APPROVED,
            GrantAmendment.decided_on <= as_of,
        )
        .group_by(GrantAmendment.kind)
    ).all()
    return {str(kind): {"count": count, "moved_minor": int(minor)} for kind, count, minor in rows}
