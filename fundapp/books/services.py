"""Writing the books: each service that moves money posts its ledger entries here, in its own
transaction, and the balances move with them; and the lock that keeps them honest.

The one rule above all: approved grants never exceed money received. Every commitment
(approval, reserve-list promotion) goes through ``commit_to_grant``, which locks the fund's row
first (``SELECT ... FOR NO KEY UPDATE`` on PostgreSQL; SQLite write transactions already begin
IMMEDIATE), so concurrent approvals are checked one after the other, each reading the fund's two
balances (one row each, however many receipts). Reading the books: ``fundapp.books.queries``.

The entries are built by one function per kind of record (a pledge, a receipt, a grant), so a
movement has the same shape whichever service, import or seed writes it. ``post`` inserts them
and adds them to the balances in a few statements, whatever their number.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import (
    Date,
    Integer,
    Select,
    and_,
    case,
    delete,
    event,
    extract,
    func,
    insert,
    literal,
    select,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.engine import Connection, CursorResult
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.sql.functions import FunctionElement

from ..contributions.models import Contribution, ContributionStatus, Donor, DonorKind, Receipt, ReceiptStatus
from ..db import BULK_MIN_ROWS, bulk_add, bulk_insert, in_batches, table_of, utcnow
from ..errors import InsufficientFunds
from ..funds.models import Fund
from ..grants.models import (
    AmendmentKind,
    AmendmentStatus,
    Disbursement,
    DisbursementStatus,
    Grant,
    GrantAmendment,
    GrantRefund,
    GrantStatus,
)
from ..money import FUND_CURRENCY, format_minor
from ..services_base import get_or_404
from .models import (
    EVERY_FUND,
    MOVES,
    Account,
    Balance,
    LedgerEntry,
    Movement,
    ReceivedByDonor,
    ReceivedByDonorYear,
    ReceivedByKind,
    ReceivedByKindYear,
)
from .support import available_minor, cost_of_commitment, grantable_minor

Entry = dict[str, Any]
FUND, GRANT, CONTRIBUTION = "fund", "grant", "contribution"


#: The number of receipts an entry adds: one, or one less for a reversal.
RECEIPT_COUNT = case((LedgerEntry.movement == Movement.RECEIPT_REVERSAL, -1), else_=1)


def cast_year(day: Any) -> Any:
    """The calendar year of a date column, as an integer, on either engine."""
    return sql_cast(extract("year", day), Integer)


def _signed(movement: Movement, amount_minor: int) -> int:
    sign = MOVES[movement][1]
    return amount_minor if sign == 0 else sign * abs(amount_minor)


def pledge_entry(
    movement: Movement,
    *,
    fund_id: int,
    contribution_id: int,
    donor_id: int,
    campaign_id: int | None,
    currency: str,
    amount_minor: int,
    on: dt.date,
) -> Entry:
    """A pledge made, changed (``amount_minor`` signed) or cancelled, in its own currency."""
    amount = _signed(movement, amount_minor)
    return {
        "fund_id": fund_id,
        "account": Account.PLEDGED,
        "movement": movement,
        "effective_on": on,
        "currency": currency,
        "amount_minor": amount,
        "usd_minor": amount if currency == FUND_CURRENCY else None,
        "usd_rate": None,
        "contribution_id": contribution_id,
        "receipt_id": None,
        "donor_id": donor_id,
        "campaign_id": campaign_id,
        "grant_id": None,
        "call_id": None,
        "disbursement_id": None,
        "refund_id": None,
        "amendment_id": None,
    }


def receipt_entry(
    movement: Movement,
    *,
    fund_id: int,
    contribution_id: int,
    receipt_id: int,
    donor_id: int,
    campaign_id: int | None,
    currency: str,
    amount_minor: int,
    usd_minor: int,
    usd_rate: Decimal,
    on: dt.date,
) -> Entry:
    """Money received on a pledge, or its reversal, at the USD value fixed when it was received."""
    return {
        "fund_id": fund_id,
        "account": Account.RECEIVED,
        "movement": movement,
        "effective_on": on,
        "currency": currency,
        "amount_minor": _signed(movement, amount_minor),
        "usd_minor": _signed(movement, usd_minor),
        "usd_rate": usd_rate,
        "contribution_id": contribution_id,
        "receipt_id": receipt_id,
        "donor_id": donor_id,
        "campaign_id": campaign_id,
        "grant_id": None,
        "call_id": None,
        "disbursement_id": None,
        "refund_id": None,
        "amendment_id": None,
    }


def grant_entry(
    movement: Movement,
    *,
    fund_id: int,
    grant_id: int,
    call_id: int,
    amount_minor: int,
    on: dt.date,
    disbursement_id: int | None = None,
    refund_id: int | None = None,
    amendment_id: int | None = None,
) -> Entry:
    """A commitment to a grant (on award or amendment), its release, a payment to the grantee,
    its cancellation, or a refund from the grantee (USD), with the record it comes from."""
    amount = _signed(movement, amount_minor)
    return {
        "fund_id": fund_id,
        "account": MOVES[movement][0],
        "movement": movement,
        "effective_on": on,
        "currency": FUND_CURRENCY,
        "amount_minor": amount,
        "usd_minor": amount,
        "usd_rate": None,
        "contribution_id": None,
        "receipt_id": None,
        "donor_id": None,
        "campaign_id": None,
        "grant_id": grant_id,
        "call_id": call_id,
        "disbursement_id": disbursement_id,
        "refund_id": refund_id,
        "amendment_id": amendment_id,
    }


def post(session: Session, entries: Iterable[Entry], *, settle: bool = True) -> int:
    """Write the entries (in bulk: ``bulk_insert``) and move the balances they touch; the number
    of entries written.

    Entries that move nothing (an amount of zero) are not written. With ``settle=False`` the
    balances and the maintained sums are only added up in memory, and moved by ``settle_books``
    (or before the transaction commits, whichever comes first): a bulk writer posting batch
    after batch locks those rows, which every receipt and approval also moves, for its last
    moment alone, and moves each of them once.
    """
    rows = [e for e in entries if e["amount_minor"] != 0]
    if not rows:
        return 0
    if len(rows) < BULK_MIN_ROWS:
        recorded_at = utcnow()
        blank = dict.fromkeys(ENTRY_COLUMNS)
        bulk_insert(
            session, table_of(LedgerEntry), [{**blank, "recorded_at": recorded_at, **row} for row in rows]
        )
    else:
        # rows as tuples (what every entry names, the others None); ``recorded_at`` its default,
        # one moment for the whole call
        try:
            values = list(map(itemgetter(*ENTRY_COLUMNS), rows))
        except KeyError:  # an entry naming some columns only
            values = [tuple(row.get(name) for name in ENTRY_COLUMNS) for row in rows]
        bulk_insert(session, table_of(LedgerEntry), values, columns=ENTRY_COLUMNS)
    unsettled = session.info.get(UNSETTLED)
    if unsettled is None:
        unsettled = session.info[UNSETTLED] = _Unsettled(
            session.get_nested_transaction() or session.get_transaction()
        )
    unsettled.add(rows)
    if settle:
        settle_books(session)
    return len(rows)


#: The columns of a ledger entry a poster may give (the others: its id, and when it was recorded).
ENTRY_COLUMNS = tuple(c.name for c in LedgerEntry.__table__.columns if c.name not in ("id", "recorded_at"))


#: Where a session keeps what its posted entries add to the balances until they are settled.
UNSETTLED = "fundapp.books.unsettled"


class _Unsettled:
    """What posted entries add to the balances and to the donors' received sums, not yet moved."""

    def __init__(self, transaction: SessionTransaction | None) -> None:
        self.transaction = transaction  # the innermost one the first entries were posted in
        self.balances: dict[tuple[str, int, Account], int] = defaultdict(int)
        self.by_donor: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
        self.by_year: dict[tuple[int, int, int], list[int]] = defaultdict(lambda: [0, 0])

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            account = row["account"]
            if account != Account.PLEDGED:
                self.balances[(FUND, row["fund_id"], account)] += row["usd_minor"]
            if account == Account.DISBURSED:
                self.balances[(GRANT, row["grant_id"], account)] += row["usd_minor"]
            if account == Account.RECEIVED:
                self.balances[(CONTRIBUTION, row["contribution_id"], account)] += row["amount_minor"]
                count = -1 if row["movement"] == Movement.RECEIPT_REVERSAL else 1
                for sums in (
                    self.by_donor[(row["fund_id"], row["donor_id"])],
                    self.by_year[(row["fund_id"], row["donor_id"], row["effective_on"].year)],
                ):
                    sums[0] += row["usd_minor"]
                    sums[1] += count


def settle_books(session: Session) -> None:
    """Move the balances and the maintained sums by what the session posted since it last did:
    one upsert per table, whatever the number of entries."""
    unsettled: _Unsettled | None = session.info.pop(UNSETTLED, None)
    if unsettled is None:
        return
    _move_balances(session, {key: delta for key, delta in unsettled.balances.items() if delta})
    _move_received_sums(session, unsettled.by_donor, unsettled.by_year)


@event.listens_for(Session, "before_commit")
def _settle_before_commit(session: Session) -> None:
    settle_books(session)


@event.listens_for(Session, "after_soft_rollback")
def _forget_after_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    """Entries posted in a transaction (or a savepoint) rolled back are gone: so is what they
    were to add to the balances."""
    unsettled: _Unsettled | None = session.info.get(UNSETTLED)
    transaction = unsettled.transaction if unsettled is not None else None
    while transaction is not None:
        if transaction is previous_transaction:
            session.info.pop(UNSETTLED, None)
            return
        transaction = transaction.parent


def _move_balances(session: Session, deltas: Mapping[tuple[str, int, Account], int]) -> None:
    """Add each delta to its balance row, creating it at zero first (one upsert statement)."""
    _add_up(
        session,
        Balance,
        ("owner", "owner_id", "account"),
        [
            {"owner": owner, "owner_id": owner_id, "account": account, "balance_minor": delta}
            for (owner, owner_id, account), delta in deltas.items()
        ],
    )


def _add_up(session: Session, model: type[Any], keys: Sequence[str], values: list[dict[str, Any]]) -> None:
    """Add each row's sums to the row of ``model`` with the same keys, creating it first (one
    upsert statement; rows in key order, one lock order for all writers)."""
    bulk_add(session, table_of(model), keys, sorted(values, key=lambda v: tuple(v[k] for k in keys)))


def _move_received_sums(
    session: Session,
    by_donor: Mapping[tuple[int, int], list[int]],
    by_year: Mapping[tuple[int, int, int], list[int]],
) -> None:
    """Add the money received to the donors' maintained sums, overall and per year, and to their
    kinds' sums, per fund and over every fund (``ReceivedByKind``), with the donors who gave.

    The donors are locked first (``FOR NO KEY UPDATE``: a ledger entry's foreign key takes only
    ``KEY SHARE``), so that two funds' receipts from one donor, or a change of its kind, are
    counted one after the other: a donor's count over every fund crosses zero once.
    """
    if not by_donor:
        return
    donors = sorted({donor for _, donor in by_donor})
    kinds: dict[int, DonorKind] = {}
    for batch in in_batches(donors):  # sorted: every transaction locks donors in one order
        kinds.update(
            session.execute(
                select(Donor.id, Donor.kind)
                .where(Donor.id.in_(batch))
                .order_by(Donor.id)
                .with_for_update(key_share=True)
            ).all()
        )
    _add_up(
        session,
        ReceivedByDonor,
        ("fund_id", "donor_id"),
        [{"fund_id": f, "donor_id": d, "usd_minor": u, "receipts": n} for (f, d), (u, n) in by_donor.items()],
    )
    _add_up(
        session,
        ReceivedByDonorYear,
        ("fund_id", "donor_id", "year"),
        [
            {"fund_id": f, "donor_id": d, "year": y, "usd_minor": u, "receipts": n}
            for (f, d, y), (u, n) in by_year.items()
        ],
    )
    years = sorted({year for _, _, year in by_year})
    now = _receipts_now(session, ReceivedByDonor, donors)
    now_yearly = _receipts_now(session, ReceivedByDonorYear, donors, years)
    _add_up(session, ReceivedByKind, ("scope", "donor_kind"), _kind_deltas(by_donor, now, kinds))
    _add_up(
        session, ReceivedByKindYear, ("scope", "donor_kind", "year"), _kind_deltas(by_year, now_yearly, kinds)
    )


def _receipts_now(
    session: Session, model: Any, donors: Sequence[int], years: Sequence[int] | None = None
) -> dict[tuple[int, ...], int]:
    """Each donor's receipts (less reversals) in the donors' sums, keyed like them, and over
    every fund (key ``(EVERY_FUND, donor, ...)``); one statement per ``IN_BATCH`` donors,
    searching the donor index."""
    keys = [model.donor_id] if years is None else [model.donor_id, model.year]
    now: dict[tuple[int, ...], int] = defaultdict(int)
    for batch in in_batches(donors):
        conditions = [model.donor_id.in_(batch)]
        if years is not None:
            conditions.append(model.year.in_(years))
        for fund_id, *key, receipts in session.execute(
            select(model.fund_id, *keys, model.receipts).where(*conditions)
        ):
            now[(fund_id, *key)] = int(receipts)
            now[(EVERY_FUND, *key)] += int(receipts)
    return now


def _kind_deltas(
    deltas: Mapping[Any, list[int]],
    now: Mapping[tuple[int, ...], int],
    kinds: Mapping[int, DonorKind],
) -> list[dict[str, Any]]:
    """What the donors' deltas (keyed ``(fund, donor[, year])``) add to their kinds' sums, per
    fund and over every fund: the money, the receipts, and the donors whose receipts crossed zero."""
    over_every: dict[tuple[int, ...], list[int]] = defaultdict(lambda: [0, 0])
    for (_, *key), (usd, receipts) in deltas.items():
        over_every[tuple(key)][0] += usd
        over_every[tuple(key)][1] += receipts
    sums: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0, 0])
    scoped = [((fund, *key), delta) for (fund, *key), delta in deltas.items()]
    scoped += [((EVERY_FUND, *key), delta) for key, delta in over_every.items()]
    for (scope, donor, *year), (usd, receipts) in scoped:
        after = now.get((scope, donor, *year), 0)
        crossed = (after > 0) - (after - receipts > 0)
        line = sums[(scope, kinds[donor], *year)]
        line[0] += usd
        line[1] += receipts
        line[2] += crossed
    names = ("scope", "donor_kind", "year")
    return [
        {**dict(zip(names, key, strict=False)), "usd_minor": u, "receipts": n, "donors": c}
        for key, (u, n, c) in sums.items()
        if u or n or c
    ]


def move_donor_kind(session: Session, donor_id: int, before: DonorKind, after: DonorKind) -> None:
    """A donor's kind changed: move what it gave, and its count, from one kind's sums to the
    other's, as if all its money left the one kind and came anew to the other (``_kind_deltas``).
    Call it while the donor's row is locked (after its UPDATE is flushed)."""
    if before == after:
        return
    for donors, kinds, keys in (
        (ReceivedByDonor, ReceivedByKind, ("scope", "donor_kind")),
        (ReceivedByDonorYear, ReceivedByKindYear, ("scope", "donor_kind", "year")),
    ):
        per: list[Any] = [donors.fund_id, donors.donor_id]
        if donors is ReceivedByDonorYear:
            per.append(donors.year)
        gave: dict[tuple[int, ...], list[int]] = {}
        now: dict[tuple[int, ...], int] = defaultdict(int)
        for *key, usd, receipts in session.execute(
            select(*per, donors.usd_minor, donors.receipts).where(donors.donor_id == donor_id)
        ):
            gave[tuple(key)] = [int(usd), int(receipts)]
            now[tuple(key)] = int(receipts)
            now[(EVERY_FUND, *key[1:])] += int(receipts)
        taken_back = {key: [-usd, -receipts] for key, (usd, receipts) in gave.items()}
        moves = _kind_deltas(taken_back, {}, {donor_id: before}) + _kind_deltas(gave, now, {donor_id: after})
        _add_up(session, kinds, keys, moves)


def balances_statement(owner: str, owner_id: int, *accounts: Account) -> Select[Account, int]:
    """SELECT (account, balance) of an owner's accounts: a search of the primary key."""
    return select(Balance.account, Balance.balance_minor).where(
        Balance.owner == owner, Balance.owner_id == owner_id, Balance.account.in_(accounts)
    )


def balances(session: Session, owner: str, owner_id: int, *accounts: Account) -> tuple[int, ...]:
    """The balances of an owner's accounts (0 for an account never moved), in one statement.

    Equalities on the key's leading columns, then IN on the last: both engines search the
    primary key (SQLite scans the whole table for a row-value IN of full keys).
    """
    settle_books(session)  # what this transaction posted in bulk counts too
    found: dict[Account, int] = dict(session.execute(balances_statement(owner, owner_id, *accounts)).all())
    return tuple(int(found.get(account, 0)) for account in accounts)


def fund_balances(session: Session, fund_id: int) -> tuple[int, int]:
    """(received, committed) of a fund today, in USD cents: one row read, however many receipts."""
    received, committed = balances(session, FUND, fund_id, Account.RECEIVED, Account.COMMITTED)
    return received, committed


# -- a history loaded in bulk ---------------------------------------------------------------


class utc_day(FunctionElement[dt.date]):  # noqa: N801 - reads as the SQL it renders
    """The UTC calendar day of a timestamp column, on either engine."""

    type = Date()
    inherit_cache = True


@compiles(utc_day)
def _utc_day(element: utc_day, compiler: Any, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(utc_day, "postgresql")
def _utc_day_postgresql(element: utc_day, compiler: Any, **kw: Any) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)}) AT TIME ZONE 'UTC' AS DATE)"


def book_records(connection: Connection | Session, fund_id: int) -> int:
    """Post, set-based, the movements of a fund's records written in bulk (the seed, a benchmark's
    generated history), then its balances; the number of entries. The fund must have none yet.

    The movements and their days are those the services post (see ``fundapp.books.queries``); a
    grant ended before its end day was recorded is released on its approval day, and a pledge or
    receipt whose cancellation or reversal moment is unknown is taken back on its own day. An
    amended grant is committed on its approval for the amount before its first amendment, then
    each amendment commits or releases the difference on the day it was decided; a cancelled
    payment or a refund recorded after the grant ended also releases its amount, the others are
    part of what the grant's end released.
    """
    if connection.execute(select(LedgerEntry.id).where(LedgerEntry.fund_id == fund_id).limit(1)).first():
        raise ValueError(f"fund {fund_id} already has ledger entries")
    c, r, g, d = Contribution, Receipt, Grant, Disbursement
    refund, amendment = GrantRefund, GrantAmendment
    was_paid = d.status.in_([DisbursementStatus.PAID, DisbursementStatus.PAYMENT_CANCELLED])
    payment_cancelled = d.status == DisbursementStatus.PAYMENT_CANCELLED
    # What each grant had been paid, net, when it ended: every payment (none is made after the
    # end), less the cancellations and refunds recorded while it was open; those recorded after
    # its end released their own amount.
    cancelled_while_open = and_(payment_cancelled, d.payment_cancellation_released.is_(False))
    kept = union_all(
        select(d.grant_id.label("grant_id"), d.paid_minor.label("minor")).where(was_paid),
        select(d.grant_id, -d.paid_minor).where(cancelled_while_open),
        select(refund.grant_id, -refund.amount_minor).where(refund.released_commitment.is_(False)),
    ).subquery()
    paid = select(kept.c.grant_id, func.sum(kept.c.minor).label("paid")).group_by(kept.c.grant_id).subquery()
    # only approved increases and decreases moved money (an extension, a request, a rejection none)
    moved_money = and_(
        amendment.status == AmendmentStatus.APPROVED, amendment.kind != AmendmentKind.EXTENSION
    )
    # a grant amended since its award was first committed for the amount its first amendment changed
    awarded = func.coalesce(
        select(amendment.previous_minor)
        .where(amendment.grant_id == g.id, moved_money)
        .order_by(amendment.id)
        .limit(1)
        .correlate(g)
        .scalar_subquery(),
        g.amount_minor,
    )
    change = amendment.amount_minor - amendment.previous_minor
    usd_pledge = case((c.currency == FUND_CURRENCY, c.pledged_minor))
    cancelled_at = func.coalesce(c.cancelled_at, c.updated_at)
    reversed_at = func.coalesce(r.reversed_at, r.updated_at)
    unpaid = g.amount_minor - func.coalesce(paid.c.paid, 0)
    selects: list[tuple[dict[str, Any], Any]] = [
        (
            dict(
                account="pledged",
                movement="pledge",
                effective_on=c.pledged_on,
                recorded_at=c.created_at,
                currency=c.currency,
                amount_minor=c.pledged_minor,
                usd_minor=usd_pledge,
                contribution_id=c.id,
                donor_id=c.donor_id,
                campaign_id=c.campaign_id,
            ),
            select(c).where(c.fund_id == fund_id),
        ),
        (
            dict(
                account="pledged",
                movement="pledge_cancellation",
                effective_on=utc_day(cancelled_at),
                recorded_at=cancelled_at,
                currency=c.currency,
                amount_minor=-c.pledged_minor,
                usd_minor=-usd_pledge,
                contribution_id=c.id,
                donor_id=c.donor_id,
                campaign_id=c.campaign_id,
            ),
            select(c).where(c.fund_id == fund_id, c.status == ContributionStatus.CANCELLED),
        ),
        (
            dict(
                account="received",
                movement="receipt",
                effective_on=r.received_on,
                recorded_at=r.created_at,
                currency=r.currency,
                amount_minor=r.amount_minor,
                usd_minor=r.usd_minor,
                usd_rate=r.usd_rate,
                contribution_id=c.id,
                receipt_id=r.id,
                donor_id=c.donor_id,
                campaign_id=c.campaign_id,
            ),
            select(r).join(c, c.id == r.contribution_id).where(r.fund_id == fund_id),
        ),
        (
            dict(
                account="received",
                movement="receipt_reversal",
                effective_on=utc_day(reversed_at),
                recorded_at=reversed_at,
                currency=r.currency,
                amount_minor=-r.amount_minor,
                usd_minor=-r.usd_minor,
                usd_rate=r.usd_rate,
                contribution_id=c.id,
                receipt_id=r.id,
                donor_id=c.donor_id,
                campaign_id=c.campaign_id,
            ),
            select(r)
            .join(c, c.id == r.contribution_id)
            .where(r.fund_id == fund_id, r.status == ReceiptStatus.REVERSED),
        ),
        (
            dict(
                account="committed",
                movement="commitment",
                effective_on=g.approved_on,
                recorded_at=g.created_at,
                currency=g.currency,
                amount_minor=awarded,
                usd_minor=awarded,
                grant_id=g.id,
                call_id=g.call_id,
            ),
            select(g).where(g.fund_id == fund_id),
        ),
        (
            dict(
                account="committed",
                movement=case((change > 0, "commitment"), else_="commitment_release"),
                effective_on=amendment.decided_on,
                recorded_at=amendment.created_at,
                currency=amendment.currency,
                amount_minor=change,
                usd_minor=change,
                grant_id=g.id,
                amendment_id=amendment.id,
                call_id=g.call_id,
            ),
            select(amendment).join(g, g.id == amendment.grant_id).where(g.fund_id == fund_id, moved_money),
        ),
        (
            dict(
                account="committed",
                movement="commitment_release",
                effective_on=func.coalesce(g.ended_on, g.approved_on),
                recorded_at=g.updated_at,
                currency=g.currency,
                amount_minor=-unpaid,
                usd_minor=-unpaid,
                grant_id=g.id,
                call_id=g.call_id,
            ),
            select(g)
            .outerjoin(paid, paid.c.grant_id == g.id)
            .where(
                g.fund_id == fund_id, g.status.in_([GrantStatus.CLOSED, GrantStatus.TERMINATED]), unpaid != 0
            ),
        ),
        (
            dict(
                account="disbursed",
                movement="payment",
                effective_on=d.paid_on,
                recorded_at=d.updated_at,
                currency=d.currency,
                amount_minor=d.paid_minor,
                usd_minor=d.paid_minor,
                grant_id=g.id,
                disbursement_id=d.id,
                call_id=g.call_id,
            ),
            select(d).join(g, g.id == d.grant_id).where(g.fund_id == fund_id, was_paid),
        ),
        *[
            (
                dict(
                    account=account,
                    movement=movement,
                    effective_on=d.payment_cancelled_on,
                    recorded_at=d.updated_at,
                    currency=d.currency,
                    amount_minor=-d.paid_minor,
                    usd_minor=-d.paid_minor,
                    grant_id=g.id,
                    disbursement_id=d.id,
                    call_id=g.call_id,
                ),
                select(d).join(g, g.id == d.grant_id).where(g.fund_id == fund_id, payment_cancelled, *only),
            )
            for account, movement, only in (
                ("disbursed", "payment_cancellation", ()),
                ("committed", "commitment_release", (d.payment_cancellation_released.is_(True),)),
            )
        ],
        *[
            (
                dict(
                    account=account,
                    movement=movement,
                    effective_on=refund.received_on,
                    recorded_at=refund.created_at,
                    currency=refund.currency,
                    amount_minor=-refund.amount_minor,
                    usd_minor=-refund.amount_minor,
                    grant_id=g.id,
                    refund_id=refund.id,
                    call_id=g.call_id,
                ),
                select(refund).join(g, g.id == refund.grant_id).where(g.fund_id == fund_id, *only),
            )
            for account, movement, only in (
                ("disbursed", "refund", ()),
                ("committed", "commitment_release", (refund.released_commitment.is_(True),)),
            )
        ],
    ]
    booked = 0
    for values, source in selects:
        columns = {"fund_id": literal(fund_id), **values}
        rows = source.with_only_columns(*[_as_column(v, k) for k, v in columns.items()])
        result = cast(
            "CursorResult[Any]", connection.execute(insert(LedgerEntry).from_select(list(columns), rows))
        )
        booked += result.rowcount or 0
    _sum_balances(connection, fund_id)
    return booked


def _as_column(value: Any, name: str) -> Any:
    return (literal(value) if isinstance(value, str) else value).label(name)


def _sum_balances(connection: Connection | Session, fund_id: int) -> None:
    """The balances of a fund booked in bulk, summed from its entries (none existed before)."""
    L = LedgerEntry
    owners = [
        (literal(FUND), L.fund_id, L.usd_minor, L.account != Account.PLEDGED),
        (literal(GRANT), L.grant_id, L.usd_minor, L.account == Account.DISBURSED),
        (literal(CONTRIBUTION), L.contribution_id, L.amount_minor, L.account == Account.RECEIVED),
    ]
    for owner, owner_id, amount, wanted in owners:
        sums = (
            select(owner.label("owner"), owner_id.label("owner_id"), L.account, func.sum(amount))
            .where(L.fund_id == fund_id, wanted)
            .group_by(owner_id, L.account)
        )
        connection.execute(
            insert(Balance).from_select(["owner", "owner_id", "account", "balance_minor"], sums)
        )
    received = (L.fund_id == fund_id, L.account == Account.RECEIVED)
    year = cast_year(L.effective_on)
    for model, keys in ((ReceivedByDonor, [L.donor_id]), (ReceivedByDonorYear, [L.donor_id, year])):
        sums = (
            select(L.fund_id, *keys, func.sum(L.usd_minor), func.sum(RECEIPT_COUNT))
            .where(*received)
            .group_by(L.fund_id, *keys)
        )
        columns = [c.name for c in model.__table__.columns]
        connection.execute(insert(model).from_select(columns, sums))
    # the fund's kinds, and every fund's anew (a donor of this fund may have given to others)
    for kinds in (ReceivedByKind, ReceivedByKindYear):
        connection.execute(delete(kinds).where(kinds.scope == EVERY_FUND))
        for scope in (fund_id, EVERY_FUND):
            sums = kind_sums(kinds, scope)
            connection.execute(insert(kinds).from_select(list(sums.selected_columns.keys()), sums))


def kind_sums(kinds: type[ReceivedByKind] | type[ReceivedByKindYear], scope: int) -> Select[Any]:
    """The donor kinds' sums of a scope (a fund, or ``EVERY_FUND``) summed anew from the donors'
    sums: what ``post`` keeps in ``kinds``, for a bulk load and for checking."""
    donors: Any = ReceivedByDonor if kinds is ReceivedByKind else ReceivedByDonorYear
    per: list[Any] = [donors.donor_id] + ([donors.year] if kinds is ReceivedByKindYear else [])
    conditions = [] if scope == EVERY_FUND else [donors.fund_id == scope]
    per_donor = (
        select(*per, func.sum(donors.usd_minor).label("usd"), func.sum(donors.receipts).label("receipts"))
        .where(*conditions)
        .group_by(*per)
        .subquery()
    )
    years = [per_donor.c.year] if kinds is ReceivedByKindYear else []
    return (
        select(
            literal(scope).label("scope"),
            Donor.kind.label("donor_kind"),
            *[year.label("year") for year in years],
            func.sum(per_donor.c.usd).label("usd_minor"),
            func.sum(per_donor.c.receipts).label("receipts"),
            func.count(case((per_donor.c.receipts > 0, 1))).label("donors"),
        )
        .join(Donor, Donor.id == per_donor.c.donor_id)
        .group_by(Donor.kind, *years)
    )


# -- the fund's lock and its check -----------------------------------------------------------


def lock_fund(session: Session, fund_id: int) -> Fund:
    """The fund's row, locked against the other commitments (FOR NO KEY UPDATE: a pledge, a
    receipt or an import writing rows that refer to the fund meanwhile is not held by it, nor
    holds it)."""
    return get_or_404(session, Fund, fund_id, label="fund", lock=True, key_share=True)


def available_now_minor(session: Session, fund_id: int) -> int:
    """Money received and not yet committed, nor set aside for the support costs of what is:
    what new grants may use (from the balances and the fund's rate)."""
    received, committed = fund_balances(session, fund_id)
    return available_minor(received, committed, _support_bp(session, fund_id))


def grantable_now_minor(session: Session, fund_id: int) -> int:
    """The most new grants may commit today, their support costs set aside: a Board session's
    available income unless staff say otherwise."""
    received, committed = fund_balances(session, fund_id)
    return grantable_minor(received, committed, _support_bp(session, fund_id))


def _support_bp(session: Session, fund_id: int) -> int:
    return int(session.scalar(select(Fund.programme_support_bp).where(Fund.id == fund_id)) or 0)


def commit_to_grant(session: Session, fund_id: int, amount_minor: int) -> Fund:
    """Lock the fund and check it can afford ``amount_minor`` more, with the programme support
    costs it adds; 409 with the shortfall if not.

    The caller creates the grant (and posts its commitment) in the same transaction, while the
    lock is held.
    """
    fund = lock_fund(session, fund_id)
    received, committed = fund_balances(session, fund_id)
    rate = fund.programme_support_bp
    available = available_minor(received, committed, rate)
    needed = cost_of_commitment(committed, amount_minor, rate)
    if needed > available:
        support = f" ({format_minor(needed - amount_minor, FUND_CURRENCY)} USD of it programme support costs)"
        raise InsufficientFunds(
            f"the fund has {format_minor(max(available, 0), FUND_CURRENCY)} USD available for new grants; "
            f"this needs {format_minor(needed, FUND_CURRENCY)} USD{support if needed > amount_minor else ''}",
            shortfall=format_minor(needed - max(available, 0), FUND_CURRENCY),
            currency=FUND_CURRENCY,
        )
    return fund
