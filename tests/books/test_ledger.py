"""The ledger: each money event posts its movement, dated the day it happened; nothing rewrites it."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from fundapp import db
from fundapp import models as m
from fundapp.books import queries, services
from fundapp.books.models import (
    Account,
    Balance,
    LedgerEntry,
    Movement,
    ReceivedByDonor,
    ReceivedByDonorYear,
    ReceivedByKind,
    ReceivedByKindYear,
)
from fundapp.db import utcnow
from fundapp.grants.services import terminate_grant

from ..contributions.helpers import pledge, receive
from ..databases import BACKEND
from ..factories import (
    ActiveGrantFactory,
    CallFactory,
    ContributionFactory,
    DonorFactory,
    FundFactory,
    GrantFactory,
    TrancheFactory,
    fund_receives,
)
from .helpers import kind_sums_kept_and_recomputed


def movements(session, **where) -> list[tuple]:
    """(movement, account, effective day, amount, USD) of the entries matching ``where``, in order."""
    stmt = select(
        LedgerEntry.movement,
        LedgerEntry.account,
        LedgerEntry.effective_on,
        LedgerEntry.amount_minor,
        LedgerEntry.usd_minor,
    ).order_by(LedgerEntry.id)
    for column, value in where.items():
        stmt = stmt.where(getattr(LedgerEntry, column) == value)
    return [tuple(row) for row in session.execute(stmt)]


def test_a_pledge_its_change_its_receipt_and_the_reversal_each_post_one_dated_movement(
    client, auth, fund, db_session
):
    donor = DonorFactory()
    created = pledge(client, auth, fund.id, donor.id, currency="EUR", amount="1000.00")
    changed = client.patch(
        f"/api/v1/contributions/{created['id']}",
        json={"amount": "1200.00"},
        headers=auth(
            "staff",
            **{
                "If-Match": client.get(
                    f"/api/v1/contributions/{created['id']}", headers=auth("staff")
                ).headers["ETag"]
            },
        ),
    )
    assert changed.status_code == 200, changed.get_json()
    received = receive(client, auth, created["id"], "500.00", usd_rate="1.10")
    assert received.status_code == 201, received.get_json()
    reversed_ = client.post(
        f"/api/v1/receipts/{received.get_json()['id']}/reversal",
        json={"reason": "bounced"},
        headers=auth("staff"),
    )
    assert reversed_.status_code == 200
    today = utcnow().date()
    assert movements(db_session, contribution_id=created["id"]) == [
        (Movement.PLEDGE, Account.PLEDGED, dt.date(2015, 1, 15), 1000_00, None),
        (Movement.PLEDGE_CHANGE, Account.PLEDGED, today, 200_00, None),  # EUR: its USD value comes later
        (Movement.RECEIPT, Account.RECEIVED, dt.date(2015, 2, 1), 500_00, 550_00),
        (Movement.RECEIPT_REVERSAL, Account.RECEIVED, today, -500_00, -550_00),
    ]


def test_a_cancelled_pledge_is_taken_back_on_the_day_it_was_cancelled(client, auth, fund, db_session):
    created = pledge(client, auth, fund.id, DonorFactory().id)
    response = client.post(
        f"/api/v1/contributions/{created['id']}/cancellation",
        json={"reason": "withdrawn"},
        headers=auth("staff"),
    )
    assert response.status_code == 200
    assert movements(db_session, contribution_id=created["id"]) == [
        (Movement.PLEDGE, Account.PLEDGED, dt.date(2015, 1, 15), 1000_00, 1000_00),
        (Movement.PLEDGE_CANCELLATION, Account.PLEDGED, utcnow().date(), -1000_00, -1000_00),
    ]


def test_a_payment_then_termination_commit_pay_and_release_the_unpaid_rest(client, auth, db_session):
    grant = ActiveGrantFactory(amount_minor=1000_00, approved_on=dt.date(2015, 6, 1))
    tranche = TrancheFactory(grant_id=grant.id, amount_minor=400_00)
    paid = client.post(
        f"/api/v1/disbursements/{tranche.id}/payment",
        json={"paid_on": "2015-08-01", "amount": "300.00"},
        headers=auth("staff", **{"Idempotency-Key": "pay-once"}),
    )
    assert paid.status_code == 200, paid.get_json()
    terminate_grant(db_session, None, grant.id, "the partner closed")
    assert movements(db_session, grant_id=grant.id) == [
        (Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 6, 1), 1000_00, 1000_00),
        (Movement.PAYMENT, Account.DISBURSED, dt.date(2015, 8, 1), 300_00, 300_00),
        (Movement.COMMITMENT_RELEASE, Account.COMMITTED, utcnow().date(), -700_00, -700_00),
    ]
    assert services.balances(db_session, services.GRANT, grant.id, Account.DISBURSED) == (300_00,)


def test_a_receipt_reversed_today_leaves_every_past_day_of_the_books_as_it_was(
    client, auth, fund, db_session
):
    """The issue's case: received in 2015, reversed today; as of 2016 the position and the public
    totals both still say 1,000.00, and will say so tomorrow."""
    created = pledge(client, auth, fund.id, DonorFactory().id)
    receipt = receive(client, auth, created["id"], "1000.00", received_on="2015-02-01").get_json()

    def figures(as_of: str) -> tuple[str, str]:
        position = client.get(f"/api/v1/funds/{fund.id}/position?as_of={as_of}", headers=auth("staff"))
        public = client.get(f"/api/v1/public/totals?fund_id={fund.id}&as_of={as_of}")
        return position.get_json()["received"], public.get_json()["usd"]

    before = figures("2016-01-01")
    assert before == ("1000.00", "1000.00")
    response = client.post(
        f"/api/v1/receipts/{receipt['id']}/reversal", json={"reason": "x"}, headers=auth("staff")
    )
    assert response.status_code == 200
    assert figures("2016-01-01") == before
    today = utcnow().date().isoformat()
    assert figures(today) == ("0.00", "0.00")


def test_balances_equal_the_sums_of_their_entries(client, auth, fund, db_session):
    donor = DonorFactory()
    for amount in ("100.00", "250.00"):
        created = pledge(client, auth, fund.id, donor.id, amount=amount)
        assert receive(client, auth, created["id"], amount).status_code == 201
    GrantFactory(proposal__call=CallFactory(fund_id=fund.id), amount_minor=300_00)
    sums = dict(
        db_session.execute(
            select(LedgerEntry.account, func.sum(LedgerEntry.usd_minor))
            .where(LedgerEntry.fund_id == fund.id, LedgerEntry.account != Account.PLEDGED)
            .group_by(LedgerEntry.account)
        ).all()
    )
    kept = dict(
        db_session.execute(
            select(Balance.account, Balance.balance_minor).where(
                Balance.owner == "fund", Balance.owner_id == fund.id
            )
        ).all()
    )
    assert kept == sums == {Account.RECEIVED: 350_00, Account.COMMITTED: 300_00}
    assert services.fund_balances(db_session, fund.id) == (350_00, 300_00)
    assert queries.received_minor(db_session, fund.id) == 350_00


def test_the_donors_sums_move_with_receipts_and_reversals_in_the_year_they_happen(
    client, auth, fund, db_session
):
    """Two receipts in 2015 and 2016; the 2015 one reversed today: the donor's sum counts one
    receipt overall, 2015 keeps its receipt (the past is not rewritten) and this year holds the
    reversal; the totals by year, read from these sums, say the same."""
    donor = DonorFactory()
    created = pledge(client, auth, fund.id, donor.id, amount="300.00")
    first = receive(client, auth, created["id"], "100.00", received_on="2015-03-01").get_json()
    assert receive(client, auth, created["id"], "200.00", received_on="2016-03-01").status_code == 201
    reversal = client.post(
        f"/api/v1/receipts/{first['id']}/reversal", json={"reason": "x"}, headers=auth("staff")
    )
    assert reversal.status_code == 200
    this_year = utcnow().year
    overall = db_session.execute(
        select(ReceivedByDonor.usd_minor, ReceivedByDonor.receipts).where(
            ReceivedByDonor.donor_id == donor.id
        )
    ).all()
    by_year = db_session.execute(
        select(ReceivedByDonorYear.year, ReceivedByDonorYear.usd_minor, ReceivedByDonorYear.receipts)
        .where(ReceivedByDonorYear.donor_id == donor.id)
        .order_by(ReceivedByDonorYear.year)
    ).all()
    assert [tuple(row) for row in overall] == [(200_00, 1)]
    assert [tuple(row) for row in by_year] == [(2015, 100_00, 1), (2016, 200_00, 1), (this_year, -100_00, -1)]
    standing = client.get(
        f"/api/v1/contributions/totals?fund_id={fund.id}&group_by=year", headers=auth("staff")
    )
    lines = {
        line["year"]: (line["usd"], line["receipts"], line["donors"]) for line in standing.get_json()["lines"]
    }
    assert lines == {2015: ("100.00", 1, 1), 2016: ("200.00", 1, 1), this_year: ("-100.00", -1, 0)}


def _kind_lines(client, auth, fund_id: int | None = None) -> dict[str, tuple[str, int, int]]:
    fund = "" if fund_id is None else f"&fund_id={fund_id}"
    answer = client.get(f"/api/v1/contributions/totals?group_by=donor_kind{fund}", headers=auth("staff"))
    return {
        line["donor_kind"]: (line["usd"], line["receipts"], line["donors"])
        for line in answer.get_json()["lines"]
    }


def test_the_donor_kinds_sums_count_a_donor_once_over_every_fund_and_follow_a_change_of_its_kind(
    client, auth, db_session
):
    """A State gives to two funds, a foundation to one; the first fund's receipt from the State is
    reversed today (2015 keeps its receipt, this year holds the reversal); then the State is
    recorded as private sector. At each step the kinds' maintained
    sums are the donors' sums added up anew, and the totals by kind count the State once over
    every fund, none in the fund it no longer gave to, and under its new kind afterwards."""
    first, second = FundFactory(), FundFactory()
    state, foundation = DonorFactory(kind="member_state"), DonorFactory(kind="foundation")
    given = []
    for fund, donor, day in (
        (first, state, "2015-03-01"),
        (second, state, "2016-03-01"),
        (first, foundation, "2016-05-01"),
    ):
        created = pledge(client, auth, fund.id, donor.id, amount="100.00", pledged_on=day)
        given.append(receive(client, auth, created["id"], "100.00", received_on=day).get_json())
    kept, recomputed = kind_sums_kept_and_recomputed(db_session)
    assert kept == recomputed
    assert _kind_lines(client, auth) == {"member_state": ("200.00", 2, 1), "foundation": ("100.00", 1, 1)}
    assert _kind_lines(client, auth, first.id) == {
        "member_state": ("100.00", 1, 1),
        "foundation": ("100.00", 1, 1),
    }

    reversal = client.post(
        f"/api/v1/receipts/{given[0]['id']}/reversal", json={"reason": "x"}, headers=auth("staff")
    )
    assert reversal.status_code == 200
    kept, recomputed = kind_sums_kept_and_recomputed(db_session)
    assert kept == recomputed
    assert _kind_lines(client, auth, first.id) == {
        "foundation": ("100.00", 1, 1)
    }  # the State gave nothing, net
    assert _kind_lines(client, auth) == {"member_state": ("100.00", 1, 1), "foundation": ("100.00", 1, 1)}

    etag = client.get(f"/api/v1/donors/{state.id}", headers=auth("staff")).headers["ETag"]
    changed = client.patch(
        f"/api/v1/donors/{state.id}",
        json={"kind": "private_sector"},
        headers={**auth("staff"), "If-Match": etag},
    )
    assert changed.status_code == 200, changed.get_json()
    kept, recomputed = kind_sums_kept_and_recomputed(db_session)
    assert kept == recomputed
    assert _kind_lines(client, auth) == {"private_sector": ("100.00", 1, 1), "foundation": ("100.00", 1, 1)}
    by_year = client.get(
        "/api/v1/contributions/totals?group_by=year,donor_kind", headers=auth("staff")
    ).get_json()
    assert [(line["year"], line["donor_kind"], line["donors"]) for line in by_year["lines"]] == [
        (2015, "private_sector", 1), (2016, "foundation", 1), (2016, "private_sector", 1)
    ] + ([] if utcnow().year == 2016 else [(utcnow().year, "private_sector", 0)])  # fmt: skip
    assert by_year["total"] == {"usd": "200.00", "receipts": 2, "donors": 2}


def test_sqlite_reads_a_balance_by_searching_the_primary_key_not_scanning_every_balance(db_session):
    """A row-value IN of whole keys made SQLite scan a million pledges' balances (313 ms at 1M)."""
    if BACKEND != "sqlite":
        pytest.skip("SQLite's planner")
    statement = services.balances_statement(services.FUND, 1, Account.RECEIVED, Account.COMMITTED)
    sql = str(statement.compile(db_session.get_bind(), compile_kwargs={"literal_binds": True}))
    plan = " ".join(row[3] for row in db_session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    # the key's own index (SQLite names a composite text key's index sqlite_autoindex_...)
    assert (
        "SEARCH ledger_balance USING INDEX sqlite_autoindex_ledger_balance_1 (owner=? AND owner_id=?" in plan
    )


def test_an_approval_reads_the_funds_balances_in_one_statement_whatever_the_number_of_receipts(
    db_session, fund, query_counter
):
    from fundapp.books.services import commit_to_grant

    donor = DonorFactory()
    for _ in range(30):
        services.post(
            db_session,
            [
                services.receipt_entry(
                    Movement.RECEIPT,
                    fund_id=fund.id,
                    contribution_id=_pledge(db_session, fund.id, donor.id),
                    receipt_id=None,
                    donor_id=donor.id,
                    campaign_id=None,
                    currency="USD",
                    amount_minor=10_00,
                    usd_minor=10_00,
                    usd_rate=Decimal("1"),
                    on=dt.date(2015, 1, 1),
                )
            ],
        )
    with query_counter() as statements:
        commit_to_grant(db_session, fund.id, 300_00)
    balance_reads = [s for s in statements if "ledger_balance" in s]
    assert len(balance_reads) == 1
    assert not [s for s in statements if "ledger_entry" in s or "contribution_receipt" in s]


def _pledge(session, fund_id: int, donor_id: int) -> int:
    return ContributionFactory(fund_id=fund_id, donor_id=donor_id, pledged_minor=10_00).id


@pytest.mark.parametrize(
    "statement", ["UPDATE ledger_entry SET amount_minor = 1", "DELETE FROM ledger_entry"]
)
def test_the_database_refuses_to_change_or_delete_a_ledger_entry(db_session, fund, statement):
    ContributionFactory(fund_id=fund.id)  # its pledge is an entry
    savepoint = db_session.begin_nested()
    with pytest.raises(DBAPIError, match="append-only"):
        db_session.execute(text(statement))
    savepoint.rollback()
    assert db_session.scalar(select(func.count()).select_from(LedgerEntry)) == 1


@pytest.mark.skipif(BACKEND != "postgresql", reason="TRUNCATE is PostgreSQL's (SQLite has none)")
def test_postgresql_refuses_to_truncate_the_ledger(db_session, fund):
    ContributionFactory(fund_id=fund.id)
    savepoint = db_session.begin_nested()
    with pytest.raises(DBAPIError, match="append-only"):
        db_session.execute(text("TRUNCATE ledger_entry CASCADE"))
    savepoint.rollback()


def _ledger_of(session, fund_id: int) -> tuple[list[tuple], list[tuple]]:
    """A fund's entries (without ids and recording times) and the balances of it, its grants and pledges."""
    columns = [c for c in LedgerEntry.__table__.columns if c.name not in ("id", "recorded_at")]
    entries = sorted(
        tuple(str(v) for v in row)
        for row in session.execute(select(*columns).where(LedgerEntry.fund_id == fund_id))
    )
    owned = (
        select(LedgerEntry.grant_id).where(LedgerEntry.fund_id == fund_id),
        select(LedgerEntry.contribution_id).where(LedgerEntry.fund_id == fund_id),
    )
    kept = sorted(
        tuple(str(v) for v in row)
        for row in session.execute(
            select(Balance.owner, Balance.owner_id, Balance.account, Balance.balance_minor).where(
                ((Balance.owner == "fund") & (Balance.owner_id == fund_id))
                | ((Balance.owner == "grant") & Balance.owner_id.in_(owned[0]))
                | ((Balance.owner == "contribution") & Balance.owner_id.in_(owned[1]))
            )
        )
    )
    return entries, kept


def test_book_records_books_refunds_cancelled_payments_and_amendments_as_the_services_post_them(
    client, auth, fund, db_session
):
    """A history played through the API, then its ledger dropped and booked again in bulk from
    the records alone: the same entries, the same balances."""
    staff = auth("staff")
    call = CallFactory(fund_id=fund.id)
    fund_receives(fund.id, 10_000_00)
    ended = ActiveGrantFactory(proposal__call=call, amount_minor=1000_00)
    still_open = ActiveGrantFactory(proposal__call=call, amount_minor=1000_00)

    def post(path: str, body: dict, headers: dict = staff) -> dict:
        response = client.post(f"/api/v1{path}", json=body, headers=headers)
        assert response.status_code in (200, 201), response.get_json()
        return response.get_json()

    def paid(grant, amount: str, on: str) -> int:
        tranche = post(f"/grants/{grant.id}/disbursements", {"planned_on": "2015-08-01", "amount": amount})
        post(f"/disbursements/{tranche['id']}/payment", {"paid_on": on, "amount": amount})
        return tranche["id"]

    def cancel(tranche_id: int, on: str) -> None:
        post(f"/disbursements/{tranche_id}/payment-cancellation", {"cancelled_on": on, "reason": "returned"})

    def refund(grant, amount: str, on: str) -> None:
        post(f"/grants/{grant.id}/refunds", {"amount": amount, "received_on": on, "reason": "unspent"})

    def amend(grant, on: str, decision: str = "approved", **change: str) -> None:
        body = {**change, "requested_on": on, "reason": "revised"}
        requested = post(f"/grants/{grant.id}/amendments", body)
        decided = {"decision": decision, "decided_on": on, "reason": "no"}
        post(f"/grant-amendments/{requested['id']}/decision", decided, auth("approver"))

    amend(ended, "2015-07-01", amount="1200.00")
    amend(ended, "2015-07-10", amount="1500.00", decision="rejected")  # rejected: moves no money
    amend(ended, "2015-07-15", amount="1100.00")
    amend(ended, "2015-07-20", ends_on="2017-12-31")  # an extension: moves no money
    paid(ended, "400.00", "2015-08-03")
    second = paid(ended, "300.00", "2015-08-05")
    third = paid(ended, "200.00", "2015-08-10")
    cancel(second, "2015-08-20")  # while open: part of what the end releases
    refund(ended, "100.00", "2015-09-01")
    terminate_grant(db_session, None, ended.id, "partner closed")
    refund(ended, "50.00", "2015-10-01")  # after the end: releases its own amount
    cancel(third, "2015-10-05")
    amend(still_open, "2015-09-01", amount="900.00")
    paid(still_open, "100.00", "2015-09-02")
    refund(still_open, "40.00", "2015-09-03")
    posted = _ledger_of(db_session, fund.id)
    assert {row[2] for row in posted[0]} >= {movement.value for movement in Movement} - {
        "pledge_change",
        "pledge_cancellation",
        "receipt_reversal",
    }

    savepoint = db_session.begin_nested()
    try:
        if BACKEND == "postgresql":
            db_session.execute(text("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_no_change"))
        else:
            db_session.execute(text("DROP TRIGGER ledger_entry_no_delete"))
        db_session.execute(text("DELETE FROM ledger_entry WHERE fund_id = :f"), {"f": fund.id})
        grants = [ended.id, still_open.id]
        db_session.execute(
            Balance.__table__.delete().where(
                ((Balance.owner == "fund") & (Balance.owner_id == fund.id))
                | ((Balance.owner == "grant") & Balance.owner_id.in_(grants))
                | (
                    (Balance.owner == "contribution")
                    & Balance.owner_id.in_(select(m.Contribution.id).where(m.Contribution.fund_id == fund.id))
                )
            )
        )
        for kept in (ReceivedByDonor, ReceivedByDonorYear):
            db_session.execute(kept.__table__.delete().where(kept.fund_id == fund.id))
        for kinds in (ReceivedByKind, ReceivedByKindYear):
            db_session.execute(kinds.__table__.delete().where(kinds.scope == fund.id))
        services.book_records(db_session, fund.id)
        assert _ledger_of(db_session, fund.id) == posted
    finally:
        savepoint.rollback()


def test_an_import_touching_more_donors_than_one_in_list_holds_settles_every_kind_exactly(
    client, auth, fund, db_session, monkeypatch
):
    """The donors a transaction touched are looked up ``IN_BATCH`` at a time (a campaign's import
    may bring more donors than a statement's bound parameters allow): with batches of two, seven
    donors of three kinds are each counted once, and the kinds' sums are the donors' summed anew."""
    monkeypatch.setattr(db, "IN_BATCH", 2)
    kinds = [
        "member_state",
        "private_sector",
        "individual",
        "individual",
        "member_state",
        "individual",
        "foundation",
    ]
    donors = [DonorFactory(kind=kind) for kind in kinds]
    lines = ["reference,fund,donor,pledged_on,currency,amount,received_on,received_amount"]
    lines += [
        f"B-{n},{fund.code},{donor.id},2016-03-01,USD,{n + 1}00.00,2016-03-02,{n + 1}00.00"
        for n, donor in enumerate(donors)
    ]
    response = client.post(
        "/api/v1/contributions/imports",
        data=("\n".join(lines) + "\n").encode(),
        content_type="text/csv",
        headers=auth("staff"),
    )
    assert response.status_code == 201, response.get_json()
    kept, recomputed = kind_sums_kept_and_recomputed(db_session)
    assert kept == recomputed
    assert _kind_lines(client, auth, fund.id) == {
        "member_state": ("600.00", 2, 2),
        "private_sector": ("200.00", 1, 1),
        "individual": ("1300.00", 3, 3),
        "foundation": ("700.00", 1, 1),
    }
