"""Writing the books: each service that moves money posts its ledger entries here, in its own
transaction, and the balances move with them.

The entries are built by one function per kind of record (a pledge, a receipt, a grant), so a
movement has the same shape whichever service, import or seed writes it. ``post`` inserts them
and adds them to the balances in a few statements, whatever their number.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..db import utcnow
from ..money import FUND_CURRENCY
from .models import MOVES, Account, Balance, LedgerEntry, Movement

Entry = dict[str, Any]
FUND, GRANT, CONTRIBUTION = "fund", "grant", "contribution"


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
        "donor_id": donor_id,
        "campaign_id": campaign_id,
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
) -> Entry:
    """A commitment to a grant, its release, or a payment to the grantee (USD)."""
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
        "grant_id": grant_id,
        "call_id": call_id,
        "disbursement_id": disbursement_id,
    }


def post(session: Session, entries: Iterable[Entry]) -> int:
    """Write the entries and move the balances they touch; the number of entries written.

    Entries that move nothing (an amount of zero) are not written.
    """
    rows = [e for e in entries if e["amount_minor"] != 0]
    if not rows:
        return 0
    recorded_at = utcnow()
    blank = {column.name: None for column in LedgerEntry.__table__.columns if column.name != "id"}
    session.execute(insert(LedgerEntry), [{**blank, "recorded_at": recorded_at, **row} for row in rows])
    _move_balances(session, _deltas(rows))
    return len(rows)


def _deltas(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, int, Account], int]:
    deltas: dict[tuple[str, int, Account], int] = defaultdict(int)
    for row in rows:
        account = row["account"]
        if account != Account.PLEDGED:
            deltas[(FUND, row["fund_id"], account)] += row["usd_minor"]
        if account == Account.DISBURSED:
            deltas[(GRANT, row["grant_id"], account)] += row["usd_minor"]
        if account == Account.RECEIVED:
            deltas[(CONTRIBUTION, row["contribution_id"], account)] += row["amount_minor"]
    return {key: delta for key, delta in deltas.items() if delta}


def _move_balances(session: Session, deltas: Mapping[tuple[str, int, Account], int]) -> None:
    """Add each delta to its balance row, creating it at zero first (one upsert statement)."""
    if not deltas:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    values = [
        {"owner": owner, "owner_id": owner_id, "account": account, "balance_minor": delta}
        for (owner, owner_id, account), delta in sorted(deltas.items())  # one lock order for all writers
    ]
    stmt = dialect.insert(Balance).values(values)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["owner", "owner_id", "account"],
            set_={"balance_minor": Balance.balance_minor + stmt.excluded.balance_minor},
        )
    )


def balances(session: Session, owner: str, owner_id: int, *accounts: Account) -> tuple[int, ...]:
    """The balances of an owner's accounts (0 for an account never moved), in one statement."""
    keys = [(owner, owner_id, account.value) for account in accounts]
    found = dict(
        session.execute(
            select(Balance.account, Balance.balance_minor).where(
                tuple_(Balance.owner, Balance.owner_id, Balance.account).in_(keys)
            )
        ).all()
    )
    return tuple(int(found.get(account, 0)) for account in accounts)


def fund_balances(session: Session, fund_id: int) -> tuple[int, int]:
    """(received, committed) of a fund today, in USD cents: one row read, however many receipts."""
    received, committed = balances(session, FUND, fund_id, Account.RECEIVED, Account.COMMITTED)
    return received, committed
