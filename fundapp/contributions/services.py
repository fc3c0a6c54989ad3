"""Donors, campaigns, pledges and the money received on them, and exchange rates.

Rules that keep the books honest:

- a receipt never takes a pledge above its amount: the contribution's row is locked
  (``SELECT ... FOR UPDATE``; SQLite write transactions begin IMMEDIATE) before what is
  left is summed, so parallel receipts are checked one after the other;
- a reversal never leaves approved grants above the money received: the fund's row is
  locked (``lock_fund``, as every commitment does) before the check;
- money records are never deleted: a pledge is cancelled (only while nothing is recorded
  against it) and a receipt is reversed, each with a reason;
- every receipt and reversal bumps the contribution's version, so its ETag changes whenever
  its money does, and a concurrent amendment is refused (412).

A donor token sees only its own donor and contributions; anything else is a 404.
"""

from __future__ import annotations

import datetime as dt
import secrets
from bisect import bisect_right
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, extract, func, select
from sqlalchemy.orm import Session, selectinload

from ..answer_cache import cached, frozen
from ..audit import record_event
from ..auth.models import Role, User
from ..books import queries as book_queries
from ..books import services as books
from ..books.models import Account, Movement
from ..books.support import support_costs_minor
from ..db import utcnow
from ..errors import Conflict, InsufficientFunds, NotFound, Unprocessable
from ..etag import require_if_match
from ..funds.models import Fund
from ..money import FUND_CURRENCY, MAX_MAJOR_DIGITS, convert_to_usd_minor, exponent, format_minor, from_minor
from ..notifications import services as notifications
from ..notifications.models import Kind
from ..pagination import columns_of, filters_given, paginate, record
from ..services_base import check_transition, get_or_404, minor_units, snapshot
from .models import (
    Campaign,
    Contribution,
    ContributionStatus,
    Donor,
    ExchangeRate,
    Receipt,
    ReceiptStatus,
)

#: Finds the rate table's rate of a currency for a day (``table_rate`` or ``RateBook.rate_of``).
RateLookup = Callable[[str, dt.date], "ExchangeRate | None"]
#: How far back an exchange rate from the table may be used for a receipt.
RATE_MAX_AGE_DAYS = 31
#: The largest USD value of one receipt (as for any amount: 15 digits before the point).
MAX_USD_MINOR = 10**MAX_MAJOR_DIGITS * 100

DONOR_AUDITED = ("name", "kind", "country_code", "anonymous", "contact_email", "internal_note")
CONTRIBUTION_AUDITED = (
    "fund_id",
    "donor_id",
    "campaign_id",
    "reference",
    "pledged_on",
    "currency",
    "pledged_minor",
    "earmarking",
    "status",
)
RECEIPT_AUDITED = (
    "contribution_id",
    "received_on",
    "currency",
    "amount_minor",
    "usd_minor",
    "usd_rate",
    "rate_date",
    "status",
)


def _is_donor(user: User | None) -> bool:
    return user is not None and user.role == Role.DONOR


#: The roles that list donors (``GET /donors``), and so may read an anonymous donor's name.
DONOR_READERS = frozenset({Role.ADMIN, Role.STAFF})


def names_anonymous_donors(user: User | None) -> bool:
    """Whether ``user`` may read the names of donors who asked to stay anonymous.

    Staff and admin, who list donors, may; the Board and approvers may not (totals and exports
    give them such a donor without its name); a donor reads only its own records anyway.
    """
    return user is not None and user.role in DONOR_READERS


def _today() -> dt.date:
    return utcnow().date()


def _not_after_today(field: str, day: dt.date) -> None:
    if day > _today():
        raise Unprocessable(field, f"must not be after today ({_today().isoformat()})")


def amount_minor(field: str, amount: Decimal, currency: str) -> int:
    """An API amount in ``currency`` to minor units; 422 naming the field and the decimals allowed."""
    places = exponent(currency)
    decimals = max(0, -int(amount.as_tuple().exponent))
    if decimals > places:
        allowed = "no decimals" if places == 0 else f"at most {places} decimals"
        raise Unprocessable(field, f"{currency} allows {allowed}; {decimals} given")
    minor = minor_units(field, amount, currency)
    assert minor is not None
    return minor


# -- donors ------------------------------------------------------------------------------------


def create_donor(session: Session, user: User, data: dict[str, Any]) -> Donor:
    donor = Donor(**data)
    session.add(donor)
    session.flush()
    record_event(session, user, "donor.create", "donor", donor.id, after=snapshot(donor, DONOR_AUDITED))
    return donor


def get_donor(session: Session, user: User, donor_id: int) -> Donor:
    """The donor; a donor token asking for another donor gets the same 404 as for none."""
    if _is_donor(user) and donor_id != user.donor_id:
        raise NotFound(f"donor {donor_id} does not exist")
    return get_or_404(session, Donor, donor_id, label="donor")


def update_donor(
    session: Session, user: User, donor_id: int, data: dict[str, Any], if_match: str | None
) -> Donor:
    """Amend a donor (If-Match required)."""
    donor = get_or_404(session, Donor, donor_id, label="donor")
    require_if_match(donor, if_match)
    before = snapshot(donor, DONOR_AUDITED)
    kind = donor.kind
    for key, value in data.items():
        setattr(donor, key, value)
    session.flush()
    # the donor's row is locked by its UPDATE: its money moves to its new kind's sums
    books.move_donor_kind(session, donor.id, kind, donor.kind)
    record_event(
        session, user, "donor.update", "donor", donor.id, before=before, after=snapshot(donor, DONOR_AUDITED)
    )
    return donor


def list_donors(session: Session, user: User, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(Donor)
    if _is_donor(user):
        stmt = stmt.where(Donor.id == user.donor_id)
    if "fund_id" in query:
        stmt = stmt.where(
            Donor.id.in_(select(Contribution.donor_id).where(Contribution.fund_id == query["fund_id"]))
        )
    if "kind" in query:
        stmt = stmt.where(Donor.kind == query["kind"])
    if "country" in query:
        stmt = stmt.where(Donor.country_code == query["country"])
    if "q" in query:
        stmt = stmt.where(func.lower(Donor.name).contains(query["q"].lower(), autoescape=True))
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"name": Donor.name, "kind": Donor.kind, "created_at": Donor.created_at},
        tiebreak=Donor.id,
    )


# -- campaigns ---------------------------------------------------------------------------------


def create_campaign(session: Session, user: User, data: dict[str, Any]) -> Campaign:
    """A fund-raising campaign; 404 for an unknown fund, 409 for a name the fund already uses."""
    get_or_404(session, Fund, data["fund_id"], label="fund")
    clash = session.scalar(
        select(Campaign.id).where(Campaign.fund_id == data["fund_id"], Campaign.name == data["name"])
    )
    if clash is not None:
        raise Conflict(f"the fund already has a campaign named '{data['name']}'", existing_id=clash)
    values = {k: v for k, v in data.items() if k != "target"}
    target = data.get("target")
    campaign = Campaign(
        **values,
        target_minor=amount_minor("target", target, data["currency"]) if target is not None else None,
    )
    session.add(campaign)
    session.flush()
    record_event(
        session,
        user,
        "campaign.create",
        "campaign",
        campaign.id,
        after=snapshot(campaign, ("fund_id", "name", "platform", "starts_on", "ends_on", "target_minor")),
    )
    return campaign


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    return get_or_404(session, Campaign, campaign_id, label="campaign")


def list_campaigns(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(Campaign)
    if "fund_id" in query:
        stmt = stmt.where(Campaign.fund_id == query["fund_id"])
    if "year" in query:
        stmt = stmt.where(extract("year", Campaign.starts_on) == query["year"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={
            "starts_on": Campaign.starts_on,
            "name": Campaign.name,
            "created_at": Campaign.created_at,
        },
        tiebreak=Campaign.id,
    )


# -- exchange rates ----------------------------------------------------------------------------


def create_exchange_rate(session: Session, user: User, data: dict[str, Any]) -> ExchangeRate:
    """A rate in USD per unit of a currency on a date; one per currency and date (409)."""
    if data["currency"] == FUND_CURRENCY:
        raise Unprocessable("currency", "USD is the fund's currency: its rate is always 1")
    clash = session.scalar(
        select(ExchangeRate.id).where(
            ExchangeRate.currency == data["currency"], ExchangeRate.rate_date == data["rate_date"]
        )
    )
    if clash is not None:
        raise Conflict(
            f"a rate for {data['currency']} on {data['rate_date'].isoformat()} already exists",
            existing_id=clash,
        )
    rate = ExchangeRate(**data)
    session.add(rate)
    session.flush()
    record_event(
        session,
        user,
        "exchange_rate.create",
        "exchange_rate",
        rate.id,
        after=snapshot(rate, ("currency", "rate_date", "usd_per_unit", "source")),
    )
    return rate


def list_exchange_rates(session: Session, query: dict[str, Any]) -> dict[str, Any]:
    stmt: Select[Any] = select(ExchangeRate)
    if "currency" in query:
        stmt = stmt.where(ExchangeRate.currency == query["currency"])
    if "from_date" in query:
        stmt = stmt.where(ExchangeRate.rate_date >= query["from_date"])
    if "to_date" in query:
        stmt = stmt.where(ExchangeRate.rate_date <= query["to_date"])
    return paginate(
        session,
        stmt,
        query,
        sort_columns={"rate_date": ExchangeRate.rate_date, "currency": ExchangeRate.currency},
        tiebreak=ExchangeRate.id,
    )


def table_rate(session: Session, currency: str, on: dt.date) -> ExchangeRate | None:
    """The table's latest rate for ``currency`` dated on or before ``on``, at most 31 days old."""
    return session.scalars(
        select(ExchangeRate)
        .where(
            ExchangeRate.currency == currency,
            ExchangeRate.rate_date <= on,
            ExchangeRate.rate_date >= on - dt.timedelta(days=RATE_MAX_AGE_DAYS),
        )
        .order_by(ExchangeRate.rate_date.desc())
        .limit(1)
    ).first()


class RateBook:
    """The rate table's rates of some currencies, loaded in one query: ``table_rate`` in memory.

    For a batch of receipts (the spreadsheet import), so that finding each one's rate costs
    no query. ``rate_of`` follows ``table_rate``'s rule exactly.
    """

    def __init__(self, session: Session, currencies: Iterable[str]) -> None:
        self._dates: dict[str, list[dt.date]] = {}
        self._rates: dict[str, list[ExchangeRate]] = {}
        wanted = sorted(set(currencies) - {FUND_CURRENCY})
        if not wanted:
            return
        for rate in session.scalars(
            select(ExchangeRate)
            .where(ExchangeRate.currency.in_(wanted))
            .order_by(ExchangeRate.currency, ExchangeRate.rate_date)
        ):
            self._dates.setdefault(rate.currency, []).append(rate.rate_date)
            self._rates.setdefault(rate.currency, []).append(rate)

    def rate_of(self, currency: str, on: dt.date) -> ExchangeRate | None:
        dates = self._dates.get(currency, [])
        index = bisect_right(dates, on) - 1
        if index < 0 or dates[index] < on - dt.timedelta(days=RATE_MAX_AGE_DAYS):
            return None
        return self._rates[currency][index]


# -- contributions -----------------------------------------------------------------------------


def check_pledge(data: dict[str, Any], campaign: Campaign | None) -> int:
    """The rules a new pledge meets beyond its schema (422 naming the field); its amount in minor units.

    ``data`` is a loaded ``ContributionCreateSchema``; the fund, donor and campaign exist.
    Shared by ``create_contribution`` and the spreadsheet import.
    """
    if campaign is not None and campaign.fund_id != data["fund_id"]:
        raise Unprocessable("campaign_id", f"campaign {campaign.id} is a campaign of another fund")
    _not_after_today("pledged_on", data["pledged_on"])
    return amount_minor("amount", data["amount"], data["currency"])


def _new_reference(pledged_on: dt.date) -> str:
    return f"C-{pledged_on.year}-{secrets.token_hex(4).upper()}"


def create_contribution(session: Session, user: User, data: dict[str, Any]) -> Contribution:
    """Record a pledge. 404 for an unknown fund, donor or campaign; 409 for a reference in use."""
    get_or_404(session, Fund, data["fund_id"], label="fund")
    get_or_404(session, Donor, data["donor_id"], label="donor")
    campaign = None
    if data.get("campaign_id") is not None:
        campaign = get_or_404(session, Campaign, data["campaign_id"], label="campaign")
    pledged = check_pledge(data, campaign)
    reference = data.get("reference") or _new_reference(data["pledged_on"])
    clash = session.scalar(select(Contribution.id).where(Contribution.reference == reference))
    if clash is not None:
        raise Conflict(f"reference {reference} is already used by contribution {clash}", existing_id=clash)
    values = {k: v for k, v in data.items() if k not in ("amount", "reference")}
    contribution = Contribution(
        **values,
        reference=reference,
        pledged_minor=pledged,
        status=ContributionStatus.PLEDGED,
        receipts=[],
    )
    session.add(contribution)
    session.flush()
    books.post(session, [pledge_entry(contribution, Movement.PLEDGE, pledged, contribution.pledged_on)])
    record_event(
        session,
        user,
        "contribution.create",
        "contribution",
        contribution.id,
        after=snapshot(contribution, CONTRIBUTION_AUDITED),
    )
    return with_received(session, contribution)


def _load_contribution(session: Session, contribution_id: int, *, lock: bool = False) -> Contribution:
    return get_or_404(
        session,
        Contribution,
        contribution_id,
        label="contribution",
        lock=lock,
        options=[selectinload(Contribution.receipts)],
    )


def get_contribution(session: Session, user: User, contribution_id: int) -> Contribution:
    """A contribution with its receipts; another donor's is a 404 for a donor token."""
    contribution = _load_contribution(session, contribution_id)
    if _is_donor(user) and contribution.donor_id != user.donor_id:
        raise NotFound(f"contribution {contribution_id} does not exist")
    return with_received(session, contribution)


def update_contribution(
    session: Session, user: User, contribution_id: int, data: dict[str, Any], if_match: str | None
) -> Contribution:
    """Amend the amount, earmarking or note of a pledge on which nothing is received (If-Match)."""
    contribution = _load_contribution(session, contribution_id)
    require_if_match(contribution, if_match)
    check_transition("contribution", contribution.status, "amend", {ContributionStatus.PLEDGED})
    before = snapshot(contribution, (*CONTRIBUTION_AUDITED, "internal_note"))
    if "amount" in data:
        pledged = amount_minor("amount", data["amount"], contribution.currency)
        change = pledge_entry(
            contribution, Movement.PLEDGE_CHANGE, pledged - contribution.pledged_minor, _today()
        )
        contribution.pledged_minor = pledged
        books.post(session, [change])
    for key in ("earmarking", "internal_note"):
        if key in data:
            setattr(contribution, key, data[key])
    session.flush()
    record_event(
        session,
        user,
        "contribution.update",
        "contribution",
        contribution.id,
        before=before,
        after=snapshot(contribution, (*CONTRIBUTION_AUDITED, "internal_note")),
    )
    return with_received(session, contribution)


@cache
def _listed_columns() -> tuple[ColumnElement[Any], ...]:
    """What a list of pledges reads, built once: rows, not mapped objects (its schema dumps them)."""
    received, received_usd = book_queries.received_on_pledge(Contribution.id)
    return (
        *columns_of(Contribution),
        received.label("received_minor"),
        received_usd.label("received_usd_minor"),
    )


#: The filters of a list of pledges on a column of its own (``donor_kind`` and ``year`` besides).
_CONTRIBUTION_FILTERS = {
    "fund_id": Contribution.fund_id,
    "donor_id": Contribution.donor_id,
    "campaign_id": Contribution.campaign_id,
    "status": Contribution.status,
    "currency": Contribution.currency,
}


@lru_cache(maxsize=128)
def _contributions_statements(filters: frozenset[str], donor: bool) -> tuple[Select[Any], Select[Any]]:
    """The page and count statements of a list of pledges with these filters (their values bound
    parameters), for a donor (its own pledges, ``caller_donor_id``) or not: built once each."""
    rows: Select[Any] = select(Contribution.id)
    if donor:
        rows = rows.where(Contribution.donor_id == bindparam("caller_donor_id"))
    rows = rows.where(
        *(column == bindparam(name) for name, column in _CONTRIBUTION_FILTERS.items() if name in filters)
    )
    if "donor_kind" in filters:
        rows = rows.join(Donor, Donor.id == Contribution.donor_id).where(
            Donor.kind == bindparam("donor_kind")
        )
    if "year" in filters:
        rows = rows.where(extract("year", Contribution.pledged_on) == bindparam("year"))
    return rows.with_only_columns(*_listed_columns()), rows


def list_contributions(session: Session, user: User, query: dict[str, Any]) -> dict[str, Any]:
    """One page of pledges, each with what the books say it received (two scalar subqueries)."""
    donor = _is_donor(user)
    filters, params = filters_given(query, (*_CONTRIBUTION_FILTERS, "donor_kind", "year"))
    # counting a million pledges costs milliseconds; the count changes only with the money
    question = ("contributions.count", user.donor_id if donor else None, frozen(params))
    if donor:
        params["caller_donor_id"] = user.donor_id
    stmt, rows = _contributions_statements(filters, donor)
    return paginate(
        session,
        stmt,
        query,
        sort_columns={
            "pledged_on": Contribution.pledged_on,
            "reference": Contribution.reference,
            "created_at": Contribution.created_at,
        },
        tiebreak=Contribution.id,
        to_item=record,
        count=rows,
        count_with=lambda compute: cached(session, question, compute, shelf="counts"),
        params=params,
    )


def _received_as(contribution: Contribution, received: int, received_usd: int) -> Contribution:
    """Keep on the pledge, for its schema, what the books say it received (unmapped attributes)."""
    contribution.received_minor = int(received)
    contribution.received_usd_minor = int(received_usd)
    return contribution


def with_received(session: Session, contribution: Contribution) -> Contribution:
    """The pledge, with what the books say it received, in its currency and in USD."""
    received, received_usd = book_queries.received_on_pledge(contribution.id)
    return _received_as(contribution, *session.execute(select(received, received_usd)).one())


def _recorded_minor(session: Session, contribution_id: int) -> int:
    """What is recorded (not reversed) against a pledge, in its currency: its balance in the books."""
    (received,) = books.balances(session, books.CONTRIBUTION, contribution_id, Account.RECEIVED)
    return received


def pledge_entry(contribution: Contribution, movement: Movement, amount: int, on: dt.date) -> books.Entry:
    """The ledger entry of a pledge made, changed or cancelled."""
    return books.pledge_entry(
        movement,
        fund_id=contribution.fund_id,
        contribution_id=contribution.id,
        donor_id=contribution.donor_id,
        campaign_id=contribution.campaign_id,
        currency=contribution.currency,
        amount_minor=amount,
        on=on,
    )


def receipt_entry(
    receipt: Receipt, contribution: Contribution, movement: Movement, on: dt.date
) -> books.Entry:
    """The ledger entry of money received on a pledge, or of its reversal."""
    return books.receipt_entry(
        movement,
        fund_id=receipt.fund_id,
        contribution_id=contribution.id,
        receipt_id=receipt.id,
        donor_id=contribution.donor_id,
        campaign_id=contribution.campaign_id,
        currency=receipt.currency,
        amount_minor=receipt.amount_minor,
        usd_minor=receipt.usd_minor,
        usd_rate=receipt.usd_rate,
        on=on,
    )


def status_for(recorded: int, pledged: int) -> ContributionStatus:
    """A pledge's status from what is recorded against it (minor units)."""
    if recorded == 0:
        return ContributionStatus.PLEDGED
    return ContributionStatus.RECEIVED if recorded >= pledged else ContributionStatus.PARTIALLY_RECEIVED


def cancel_contribution(session: Session, user: User, contribution_id: int, reason: str) -> Contribution:
    """Cancel a pledge on which no receipt is recorded (409 otherwise); it is kept, never deleted."""
    contribution = _load_contribution(session, contribution_id, lock=True)
    recorded = _recorded_minor(session, contribution.id)
    if recorded:
        raise Conflict(
            f"cannot cancel a contribution that is {contribution.status}: "
            f"{format_minor(recorded, contribution.currency)} {contribution.currency} "
            "is recorded against it; reverse its receipts first",
            current_state=str(contribution.status),
            allowed_states=[str(ContributionStatus.PLEDGED)],
        )
    check_transition("contribution", contribution.status, "cancel", {ContributionStatus.PLEDGED})
    contribution.status = ContributionStatus.CANCELLED
    contribution.cancellation_reason = reason
    contribution.cancelled_at = utcnow()
    session.flush()
    books.post(
        session,
        [
            pledge_entry(
                contribution,
                Movement.PLEDGE_CANCELLATION,
                contribution.pledged_minor,
                contribution.cancelled_at.date(),
            )
        ],
    )
    record_event(
        session,
        user,
        "contribution.cancel",
        "contribution",
        contribution.id,
        before={"status": str(ContributionStatus.PLEDGED)},
        after={"status": str(contribution.status), "reason": reason},
    )
    return with_received(session, contribution)


# -- receipts ----------------------------------------------------------------------------------


def _receipt_rate(
    rate_of: RateLookup, currency: str, received_on: dt.date, data: dict[str, Any]
) -> tuple[Decimal, dt.date]:
    """The rate (USD per unit) and its date: given, or from the table (31 days at most)."""
    given, rate_date = data.get("usd_rate"), data.get("rate_date")
    if rate_date is not None:
        _not_after_today("rate_date", rate_date)
    if currency == FUND_CURRENCY:
        if given is not None and given != 1:
            raise Unprocessable("usd_rate", "a USD receipt has the rate 1")
        return Decimal(1), rate_date or received_on
    if given is not None:
        return given, rate_date or received_on
    if rate_date is not None:
        raise Unprocessable("rate_date", "give usd_rate with rate_date, or neither to use the rate table")
    found = rate_of(currency, received_on)
    if found is None:
        raise Unprocessable(
            "usd_rate",
            f"no exchange rate for {currency} on or before {received_on.isoformat()} "
            f"(within {RATE_MAX_AGE_DAYS} days); give usd_rate or add the rate to the table",
        )
    return found.usd_per_unit, found.rate_date


def check_receipt(
    data: dict[str, Any], *, currency: str, pledged_on: dt.date, left: int, rate_of: RateLookup
) -> dict[str, Any]:
    """The rules money received on a pledge meets beyond its schema: 422 naming the field, or 409
    when it is more than the ``left`` (minor units) of the pledge; the receipt's money columns.

    ``data`` is a loaded ``ReceiptCreateSchema``; ``rate_of`` finds the table's rate.
    Shared by ``record_receipt`` and the spreadsheet import.
    """
    received_on = data["received_on"]
    if received_on < pledged_on:
        raise Unprocessable("received_on", f"must not be before the pledge's date ({pledged_on.isoformat()})")
    _not_after_today("received_on", received_on)
    amount = amount_minor("amount", data["amount"], currency)
    rate, rate_date = _receipt_rate(rate_of, currency, received_on, data)
    usd = convert_to_usd_minor(amount, currency, rate)
    if usd <= 0:
        raise Unprocessable("amount", f"is worth less than 0.01 USD at {rate} USD per {currency}")
    if usd > MAX_USD_MINOR:
        raise Unprocessable("usd_rate", f"values the receipt above the largest amount accepted ({rate})")
    if amount > left:
        raise Conflict(
            f"the pledge has {format_minor(left, currency)} {currency} left to receive; "
            f"this receipt is {format_minor(amount, currency)} {currency}",
            remaining=format_minor(left, currency),
            currency=currency,
        )
    return {"amount_minor": amount, "usd_minor": usd, "usd_rate": rate, "rate_date": rate_date}


def record_receipt(session: Session, user: User, contribution_id: int, data: dict[str, Any]) -> Receipt:
    """Record money received on a pledge, with its USD value; never more than is left (409)."""
    contribution = get_or_404(session, Contribution, contribution_id, label="contribution", lock=True)
    check_transition(
        "contribution",
        contribution.status,
        "record a receipt on",
        {ContributionStatus.PLEDGED, ContributionStatus.PARTIALLY_RECEIVED, ContributionStatus.RECEIVED},
    )
    recorded = _recorded_minor(session, contribution.id)
    values = check_receipt(
        data,
        currency=contribution.currency,
        pledged_on=contribution.pledged_on,
        left=contribution.pledged_minor - recorded,
        rate_of=lambda currency, on: table_rate(session, currency, on),
    )
    receipt = Receipt(
        contribution=contribution,
        fund_id=contribution.fund_id,
        received_on=data["received_on"],
        currency=contribution.currency,
        status=ReceiptStatus.RECORDED,
        **values,
    )
    session.add(receipt)
    before = contribution.status
    contribution.status = status_for(recorded + values["amount_minor"], contribution.pledged_minor)
    contribution.updated_at = utcnow()  # a new version (and ETag) even when the status stays
    session.flush()
    books.post(session, [receipt_entry(receipt, contribution, Movement.RECEIPT, receipt.received_on)])
    record_event(
        session,
        user,
        "receipt.record",
        "receipt",
        receipt.id,
        before={"contribution_status": str(before)},
        after={**snapshot(receipt, RECEIPT_AUDITED), "contribution_status": str(contribution.status)},
    )
    _acknowledge(session, contribution, receipt)
    return receipt


def _acknowledge(session: Session, contribution: Contribution, receipt: Receipt) -> None:
    """The donor's contact people are told the money arrived (in this transaction's outbox)."""
    fund = session.get_one(Fund, contribution.fund_id)
    notifications.enqueue(
        session,
        fund,
        Kind.RECEIPT,
        notifications.contact_recipients(session, "donor", contribution.donor_id),
        notifications.letter(
            "receipt",
            fund=fund.short_name,
            amount=(from_minor(receipt.amount_minor, receipt.currency), receipt.currency),
            received=receipt.received_on,
            reference=contribution.reference,
        ),
        about=("receipt", receipt.id),
        event=f"receipt={receipt.id}",
        letter="acknowledgement",
    )


def find_receipt(session: Session, user: User, receipt_id: int) -> Receipt:
    """The receipt, or a 404 (its files: the acknowledgements the donor was sent)."""
    return get_or_404(session, Receipt, receipt_id, label="receipt")


def reverse_receipt(session: Session, user: User, receipt_id: int, reason: str) -> Receipt:
    """Reverse a recorded receipt, unless approved grants would then exceed money received (409)."""
    found = get_or_404(session, Receipt, receipt_id, label="receipt")
    fund = books.lock_fund(session, found.fund_id)
    contribution = get_or_404(session, Contribution, found.contribution_id, label="contribution", lock=True)
    receipt = get_or_404(
        session, Receipt, receipt_id, label="receipt", lock=True, options=[selectinload(Receipt.contribution)]
    )
    check_transition("receipt", receipt.status, "reverse", {ReceiptStatus.RECORDED})
    received, committed = books.fund_balances(session, receipt.fund_id)
    left = received - receipt.usd_minor
    kept = committed + support_costs_minor(committed, fund.programme_support_bp)
    if left < kept:
        raise InsufficientFunds(
            f"reversing this receipt would leave {format_minor(left, FUND_CURRENCY)} USD received "
            f"against {format_minor(kept, FUND_CURRENCY)} USD committed to approved grants"
            + (" with their programme support costs" if kept > committed else ""),
            shortfall=format_minor(kept - left, FUND_CURRENCY),
            currency=FUND_CURRENCY,
        )
    recorded = _recorded_minor(session, contribution.id) - receipt.amount_minor
    receipt.status = ReceiptStatus.REVERSED
    receipt.reversal_reason = reason
    receipt.reversed_at = utcnow()
    before = contribution.status
    contribution.status = status_for(recorded, contribution.pledged_minor)
    contribution.updated_at = utcnow()
    session.flush()
    books.post(
        session, [receipt_entry(receipt, contribution, Movement.RECEIPT_REVERSAL, receipt.reversed_at.date())]
    )
    record_event(
        session,
        user,
        "receipt.reverse",
        "receipt",
        receipt.id,
        before={"status": str(ReceiptStatus.RECORDED), "contribution_status": str(before)},
        after={
            "status": str(receipt.status),
            "reason": reason,
            "contribution_status": str(contribution.status),
        },
    )
    return receipt
