"""Property: whatever the history, every view of the money agrees with every other, on any day.

Hypothesis plays random histories through the API and the services (pledges in several
currencies, receipts on past days, reversals, cancellations, grants, tranches paid, payments
cancelled, refunds from grantees, amendments up and down, closures, terminations), then, as of
random days, compares the fund's position, the staff totals, the public totals, the donors'
statements, the figures the status document and the cycle summary print, and the 360Giving
amounts with each other and with a plain-SQL recomputation from the
records themselves (not from the ledger): a receipt counts from the day it arrived until the day
it was reversed; a grant commits its awarded amount from its approval, each amendment's change
from the day it was decided, and only what it kept from the day it ended (what it paid, less
the cancelled payments and refunds recorded while it was open), a cancelled payment or refund
recorded after its end releasing its own amount on its own day; a payment counts from the day
it was made until its cancellation, a refund from the day it arrived.
"""

from __future__ import annotations

import datetime as dt
import operator
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from fundapp.books.services import commit_to_grant
from fundapp.db import utcnow
from fundapp.errors import InsufficientFunds
from fundapp.grants.models import ReportKind, ReportNature, ReportStatus
from fundapp.grants.services import close_grant, terminate_grant
from fundapp.reports.queries import cycle_summary_data, fund_status_data

from ..factories import (
    CallFactory,
    DonorFactory,
    DueReportFactory,
    FundFactory,
    GrantFactory,
    PaidDisbursementFactory,
)
from .helpers import kind_sums_kept_and_recomputed

START = dt.date(2019, 1, 1)
DAYS = 700
CURRENCIES = {"USD": ("1", 2), "EUR": ("1.10", 2), "JPY": ("0.0091", 0)}

day = st.integers(0, DAYS).map(lambda n: START + dt.timedelta(days=n))
event = st.one_of(
    st.tuples(
        st.just("pledge"), st.integers(0, 2), st.sampled_from(sorted(CURRENCIES)), st.integers(100, 90_000)
    ),
    st.tuples(st.just("receive"), st.integers(0, 20), st.integers(10, 100), day),
    st.tuples(st.just("reverse"), st.integers(0, 20)),
    st.tuples(st.just("cancel"), st.integers(0, 20)),
    st.tuples(st.just("grant"), st.integers(10, 100), day),
    st.tuples(st.just("pay"), st.integers(0, 20), st.integers(10, 100), day),
    st.tuples(st.just("terminate"), st.integers(0, 20)),
    st.tuples(st.just("close"), st.integers(0, 20)),
    st.tuples(st.just("cancel_payment"), st.integers(0, 20), day),
    st.tuples(st.just("refund"), st.integers(0, 20), st.integers(1, 100), day),
    st.tuples(st.just("amend"), st.integers(0, 20), st.integers(50, 150), day),
    st.tuples(
        st.just("rekind"), st.integers(0, 2), st.sampled_from(["member_state", "foundation", "individual"])
    ),
)
#: Every history opens with money received, a grant and a tranche paid, so that what follows
#: (left to chance alone, most histories would never afford a grant) has money to act on.
opening = st.tuples(
    st.tuples(
        st.just("pledge"), st.integers(0, 2), st.sampled_from(sorted(CURRENCIES)), st.integers(40_000, 90_000)
    ),
    st.tuples(st.just("receive"), st.just(0), st.integers(50, 100), day),
    st.tuples(st.just("grant"), st.integers(30, 100), day),
    st.tuples(st.just("pay"), st.just(0), st.integers(10, 100), day),
).map(list)
histories = st.builds(operator.add, opening, st.lists(event, min_size=4, max_size=24))


def major(minor: int, currency: str) -> str:
    return str(Decimal(minor).scaleb(-CURRENCIES[currency][1]))


def play(client, auth, session, fund, call, donors, events) -> None:
    pledges: list[tuple[int, str, int]] = []  # (id, currency, left to receive)
    receipts: list[int] = []
    grants: list[dict] = []  # row, amount, scheduled, open, the day of its last amendment
    tranches: list[tuple[int, dict, int, dt.date]] = []  # (id, grant, amount, paid_on), paid
    staff = auth("staff")
    approver = auth("approver")
    for e in events:
        kind = e[0]
        if kind == "pledge":
            _, donor, currency, minor = e
            body = {"fund_id": fund.id, "donor_id": donors[donor].id, "pledged_on": "2019-01-01",
                    "currency": currency, "amount": major(minor, currency)}  # fmt: skip
            response = client.post("/api/v1/contributions", json=body, headers=staff)
            assert response.status_code == 201, response.get_json()
            pledges.append((response.get_json()["id"], currency, minor))
        elif kind == "receive" and pledges:
            _, index, share, on = e
            pledge_id, currency, minor = pledges[index % len(pledges)]
            body = {"received_on": on.isoformat(), "amount": major(max(1, minor * share // 400), currency)}
            if currency != "USD":
                body["usd_rate"] = CURRENCIES[currency][0]
            response = client.post(f"/api/v1/contributions/{pledge_id}/receipts", json=body, headers=staff)
            if response.status_code == 201:
                receipts.append(response.get_json()["id"])
        elif kind == "reverse" and receipts:
            receipt_id = receipts[e[1] % len(receipts)]
            client.post(f"/api/v1/receipts/{receipt_id}/reversal", json={"reason": "property"}, headers=staff)
        elif kind == "cancel" and pledges:
            pledge_id = pledges[e[1] % len(pledges)][0]
            client.post(
                f"/api/v1/contributions/{pledge_id}/cancellation", json={"reason": "x"}, headers=staff
            )
        elif kind == "grant":
            _, share, on = e
            position = client.get(f"/api/v1/funds/{fund.id}/position", headers=staff).get_json()
            amount = int(Decimal(position["uncommitted"]) * 100) * share // 100
            if amount <= 0:
                continue
            try:
                commit_to_grant(session, fund.id, amount)
            except InsufficientFunds:
                continue
            row = GrantFactory(proposal__call=call, amount_minor=amount, approved_on=on)
            grants.append({"row": row, "amount": amount, "scheduled": 0, "open": True, "last": on})
        elif kind == "pay" and grants:
            _, index, share, on = e
            grant = grants[index % len(grants)]
            amount = min(grant["amount"] - grant["scheduled"], max(1, grant["amount"] * share // 300))
            if amount > 0 and grant["open"] and grant["row"].status.value == "active":
                paid_on = max(on, grant["row"].approved_on)
                tranche = PaidDisbursementFactory(grant=grant["row"], amount_minor=amount, paid_on=paid_on)
                grant["scheduled"] += amount
                tranches.append((tranche.id, grant, amount, paid_on))
        elif kind in ("terminate", "close") and grants:
            grant = grants[e[1] % len(grants)]
            if grant["row"].status.value == "active":
                if kind == "terminate":
                    terminate_grant(session, None, grant["row"].id, "property")
                else:
                    for nature in ReportNature:
                        DueReportFactory(grant_id=grant["row"].id, kind=ReportKind.FINAL, nature=nature,
                                         status=ReportStatus.ACCEPTED, received_on=START)  # fmt: skip
                    close_grant(session, None, grant["row"].id)
                grant["open"] = False
        elif kind == "cancel_payment" and tranches:
            _, index, on = e
            tranche_id, grant, amount, paid_on = tranches[index % len(tranches)]
            body = {"cancelled_on": max(on, paid_on).isoformat(), "reason": "returned by the bank"}
            response = client.post(
                f"/api/v1/disbursements/{tranche_id}/payment-cancellation", json=body, headers=staff
            )
            assert response.status_code in (200, 409), response.get_json()
            if response.status_code == 200:
                grant["scheduled"] -= amount  # the tranche no longer counts: its amount is free again
        elif kind == "refund" and grants:
            _, index, share, on = e
            grant = grants[index % len(grants)]
            detail = client.get(f"/api/v1/grants/{grant['row'].id}", headers=staff).get_json()
            amount = cents(detail["disbursed"]) * share // 100
            if amount <= 0:
                continue
            received_on = max(on, grant["row"].approved_on)
            body = {
                "amount": major(amount, "USD"),
                "received_on": received_on.isoformat(),
                "reason": "unspent",
            }
            response = client.post(f"/api/v1/grants/{grant['row'].id}/refunds", json=body, headers=staff)
            assert response.status_code in (201, 409), response.get_json()  # 409: dated before a payment
        elif kind == "amend" and grants:
            _, index, percent, on = e
            grant = grants[index % len(grants)]
            amount = max(grant["scheduled"], grant["amount"] * percent // 100, 1)
            decided_on = max(on, grant["last"])
            if not grant["open"] or amount == grant["amount"]:
                continue
            on_day = decided_on.isoformat()
            body = {"amount": major(amount, "USD"), "requested_on": on_day, "reason": "revised"}
            response = client.post(f"/api/v1/grants/{grant['row'].id}/amendments", json=body, headers=staff)
            assert response.status_code == 201, response.get_json()
            decision = {"decision": "approved", "decided_on": decided_on.isoformat()}
            path = f"/api/v1/grant-amendments/{response.get_json()['id']}/decision"
            response = client.post(path, json=decision, headers=approver)
            if response.status_code == 409:  # not enough money: the request is rejected instead
                decision = {**decision, "decision": "rejected", "reason": "not enough money"}
                assert client.post(path, json=decision, headers=approver).status_code == 200
            assert response.status_code in (200, 409), response.get_json()  # 409: not enough money
            grant["last"] = decided_on  # approved or rejected, the next request may not be dated before it
            if response.status_code == 200:
                grant["amount"] = amount
        elif kind == "rekind":  # a donor recorded under another kind takes its money with it
            _, donor, donor_kind = e
            path = f"/api/v1/donors/{donors[donor].id}"
            etag = client.get(path, headers=staff).headers["ETag"]
            response = client.patch(path, json={"kind": donor_kind}, headers={**staff, "If-Match": etag})
            assert response.status_code == 200, response.get_json()


def from_records(session, fund_id: int, as_of: dt.date) -> dict[str, int]:
    """Received, committed and disbursed as of a day, in plain SQL on the records (not the ledger)."""
    day = (
        "CAST(reversed_at AT TIME ZONE 'UTC' AS DATE)"
        if session.get_bind().dialect.name == "postgresql"
        else "date(reversed_at)"
    )
    received = session.execute(
        text(
            "SELECT COALESCE(SUM(usd_minor), 0) FROM contribution_receipt "
            f"WHERE fund_id = :f AND received_on <= :d AND NOT (status = 'reversed' AND {day} <= :d)"
        ),
        {"f": fund_id, "d": as_of},
    ).scalar_one()
    # per grant: what it was paid (payments since cancelled included), its cancelled payments and
    # refunds recorded while open (kept) and after its end (released), its amendments by then
    paid = (
        "(SELECT COALESCE(SUM(paid_minor), 0) FROM disbursement "
        "WHERE grant_id = g.id AND status IN ('paid', 'payment_cancelled'){day})"
    )
    cancelled = (
        "(SELECT COALESCE(SUM(paid_minor), 0) FROM disbursement WHERE grant_id = g.id "
        "AND status = 'payment_cancelled' AND payment_cancellation_released = {released}{day})"
    )
    refunded = (
        "(SELECT COALESCE(SUM(amount_minor), 0) FROM grant_refund WHERE grant_id = g.id "
        "AND released_commitment = {released}{day})"
    )
    awarded = (
        "COALESCE((SELECT previous_minor FROM grant_amendment WHERE grant_id = g.id AND status = 'approved' "
        "ORDER BY id LIMIT 1), "
        "g.amount_minor)"
    )
    amended = (
        "(SELECT COALESCE(SUM(amount_minor - previous_minor), 0) FROM grant_amendment "
        "WHERE grant_id = g.id AND status = 'approved' AND decided_on <= :d)"
    )
    true, false = ("true", "false") if session.get_bind().dialect.name == "postgresql" else ("1", "0")
    kept_at_end = (
        f"{paid.format(day='')} - {cancelled.format(released=false, day='')} "
        f"- {refunded.format(released=false, day='')}"
    )
    released_after_end = (
        f"{cancelled.format(released=true, day=' AND payment_cancelled_on <= :d')} "
        f"+ {refunded.format(released=true, day=' AND received_on <= :d')}"
    )
    committed = session.execute(
        text(
            f"SELECT COALESCE(SUM({awarded} + {amended} "
            "- CASE WHEN g.status IN ('closed', 'terminated') AND COALESCE(g.ended_on, g.approved_on) <= :d "
            f"THEN g.amount_minor - ({kept_at_end}) ELSE 0 END - ({released_after_end})), 0) "
            "FROM grant_award g WHERE g.fund_id = :f AND g.approved_on <= :d"
        ),
        {"f": fund_id, "d": as_of},
    ).scalar_one()
    disbursed = session.execute(
        text(
            f"SELECT COALESCE(SUM({paid.format(day=' AND paid_on <= :d')} "
            f"- {cancelled.format(released=false, day=' AND payment_cancelled_on <= :d')} "
            f"- {cancelled.format(released=true, day=' AND payment_cancelled_on <= :d')} "
            "- (SELECT COALESCE(SUM(amount_minor), 0) FROM grant_refund WHERE grant_id = g.id "
            "AND received_on <= :d)), 0) "
            "FROM grant_award g WHERE g.fund_id = :f"
        ),
        {"f": fund_id, "d": as_of},
    ).scalar_one()
    return {"received": int(received), "committed": int(committed), "disbursed": int(disbursed)}


def assert_books_as_they_stand_are_the_books_as_of_today(client, session, staff, fund_id: int) -> None:
    """Without a day the totals read the donors' and their kinds' maintained sums; as of today, the
    entries: every line, sum and donor count must be the same (every movement here is effective
    by today), for the fund and over every fund; and the kinds' sums are the donors' added up."""
    kept, recomputed = kind_sums_kept_and_recomputed(session)
    assert kept == recomputed
    as_of = f"&as_of={utcnow().date()}"
    for fund in (f"fund_id={fund_id}", ""):  # the fund, and every fund
        for group_by in ("", "&group_by=year,donor", "&group_by=donor_kind", "&group_by=year,donor_kind"):
            path = f"/api/v1/contributions/totals?{fund}{group_by}"
            standing = client.get(path, headers=staff).get_json()
            dated = client.get(path + as_of, headers=staff).get_json()
            assert (standing["lines"], standing["total"]) == (dated["lines"], dated["total"])
    standing = client.get(f"/api/v1/public/totals?fund_id={fund_id}").get_json()
    dated = client.get(f"/api/v1/public/totals?fund_id={fund_id}{as_of}").get_json()
    assert {**standing, "as_of": None} == {**dated, "as_of": None}


def cents(amount: str) -> int:
    return int(Decimal(amount) * 100)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=histories, days=st.lists(day, min_size=1, max_size=2))
def test_position_totals_public_totals_statements_and_open_data_agree_on_any_day(
    client, auth, db_session, events, days
):
    savepoint = db_session.begin_nested()
    try:
        fund = FundFactory()
        call = CallFactory(fund_id=fund.id)
        donors = [DonorFactory(name=f"Donor {n}") for n in range(3)]
        play(client, auth, db_session, fund, call, donors, events)
        staff = auth("staff")
        for as_of in [*days, utcnow().date()]:
            expected = from_records(db_session, fund.id, as_of)
            position = client.get(f"/api/v1/funds/{fund.id}/position?as_of={as_of}", headers=staff).get_json()
            totals = client.get(
                f"/api/v1/contributions/totals?fund_id={fund.id}&as_of={as_of}&group_by=year,donor",
                headers=staff,
            ).get_json()
            public = client.get(f"/api/v1/public/totals?fund_id={fund.id}&as_of={as_of}").get_json()
            statements = [
                client.get(f"/api/v1/donors/{d.id}/statement?to={as_of}", headers=staff).get_json()
                for d in donors
            ]
            assert cents(position["received"]) == expected["received"]
            assert cents(position["committed"]) == expected["committed"]
            assert cents(position["disbursed"]) == expected["disbursed"]
            assert cents(totals["total"]["usd"]) == expected["received"]
            assert sum(cents(line["usd"]) for line in totals["lines"]) == expected["received"]
            assert cents(public["usd"]) == expected["received"]
            assert sum(cents(y["usd"]) for y in public["by_year"]) == expected["received"]
            assert sum(cents(k["usd"]) for k in public["by_donor_kind"]) == expected["received"]
            assert sum(cents(s["closing"]["received_usd"]) for s in statements) == expected["received"]
            assert cents(position["uncommitted"]) == expected["received"] - expected["committed"]
            status = fund_status_data(db_session, fund.id, as_of)  # what the status document prints
            assert (status["received_minor"], status["committed_minor"]) == (
                expected["received"],
                expected["committed"],
            )
            assert sum(k["usd_minor"] for k in status["by_kind"]) == expected["received"]
            assert sum(y["usd_minor"] for y in status["by_year"]) == expected["received"]
            if as_of == utcnow().date():  # grants here are dated in the past; approvals check today
                assert cents(position["uncommitted"]) >= 0
        today = from_records(db_session, fund.id, utcnow().date())
        assert_books_as_they_stand_are_the_books_as_of_today(client, db_session, staff, fund.id)
        summary = cycle_summary_data(db_session, call.id)["money"]  # what the cycle summary prints
        assert summary["total"]["committed_minor"] == today["committed"]
        assert summary["total"]["disbursed_minor"] == today["disbursed"]
        assert sum(c["awarded_minor"] for c in summary["by"].values()) == summary["total"]["awarded_minor"]
        export = client.get(f"/api/v1/exports/360giving.json?fund_id={fund.id}")
        # a package holds at least one grant (an ended grant that kept nothing commits nothing)
        awarded = db_session.execute(
            text("SELECT count(*) FROM grant_award WHERE fund_id = :f"), {"f": fund.id}
        ).scalar_one()
        assert export.status_code == (200 if awarded else 404)
        grants = export.get_json().get("grants", [])
        assert sum(cents(str(g["amountDisbursed"])) for g in grants) == today["disbursed"]
        committed_open_data = sum(cents(str(g["amountAwarded"])) for g in grants)
        assert committed_open_data >= today["committed"]  # awarded, less what ended grants released
    finally:
        savepoint.rollback()
        # rows the example's requests loaded stay in the identity map, expired, after the
        # rollback: the next example's rows take their ids again (SQLite reuses them)
        db_session.expunge_all()
