import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.books import queries as book_queries
from fundapp.books import services as books
from fundapp.contributions.models import Contribution, Receipt, ReceiptStatus
from fundapp.db import utcnow

from ..factories import DonorFactory, ExchangeRateFactory, GrantFactory
from .helpers import counts, pledge, receive


@pytest.fixture
def donor(db_session):
    return DonorFactory()


def receipts_of(session, contribution_id):
    return session.scalars(select(Receipt).where(Receipt.contribution_id == contribution_id)).all()


def test_receipts_move_a_pledge_to_partially_received_then_received(client, auth, fund, donor, db_session):
    created = pledge(client, auth, fund.id, donor.id)
    first = receive(client, auth, created["id"], "400.00")
    assert first.status_code == 201, first.get_json()
    body = first.get_json()
    assert body["usd_amount"] == "400.00"
    assert body["usd_rate"] == "1"
    assert body["rate_date"] == "2015-02-01"
    assert body["contribution_status"] == "partially_received"
    second = receive(client, auth, created["id"], "600.00", received_on="2015-03-01")
    assert second.get_json()["contribution_status"] == "received"
    assert book_queries.received_minor(db_session, fund.id) == 1000_00
    actions = db_session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "receipt")).all()
    assert actions == ["receipt.record", "receipt.record"]


def test_a_receipt_above_what_is_left_is_409_giving_what_is_left_and_writes_nothing(
    client, auth, fund, donor, db_session
):
    created = pledge(client, auth, fund.id, donor.id)
    assert receive(client, auth, created["id"], "999.99").status_code == 201
    response = receive(client, auth, created["id"], "0.02")
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["remaining"] == "0.01"
    assert problem["currency"] == "USD"
    assert "the pledge has 0.01 USD left to receive" in problem["detail"]
    assert len(receipts_of(db_session, created["id"])) == 1
    assert receive(client, auth, created["id"], "0.01").status_code == 201
    full = receive(client, auth, created["id"], "0.01")
    assert full.status_code == 409
    assert full.get_json()["remaining"] == "0.00"


def test_a_receipt_in_euro_takes_the_latest_table_rate_within_31_days(client, auth, fund, donor, db_session):
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2015, 1, 31), usd_per_unit=Decimal("1.10"))
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2015, 2, 27), usd_per_unit=Decimal("1.12"))
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2015, 3, 2), usd_per_unit=Decimal("1.50"))  # after
    created = pledge(client, auth, fund.id, donor.id, currency="EUR", amount="1000.00")
    response = receive(client, auth, created["id"], "500.00", received_on="2015-03-01")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["usd_rate"], body["rate_date"], body["usd_amount"]) == ("1.12", "2015-02-27", "560.00")


def test_a_receipt_in_euro_without_a_rate_is_422_and_writes_nothing(client, auth, fund, donor, db_session):
    ExchangeRateFactory(
        currency="EUR", rate_date=dt.date(2015, 1, 28), usd_per_unit=Decimal("1.10")
    )  # 32 days old
    ExchangeRateFactory(currency="GBP", rate_date=dt.date(2015, 3, 1), usd_per_unit=Decimal("1.50"))
    created = pledge(client, auth, fund.id, donor.id, currency="EUR", amount="1000.00")
    response = receive(client, auth, created["id"], "500.00", received_on="2015-03-01")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "usd_rate"
    assert "no exchange rate for EUR on or before 2015-03-01" in response.get_json()["detail"]
    assert receipts_of(db_session, created["id"]) == []
    assert db_session.get(Contribution, created["id"]).status == "pledged"


def test_a_receipt_may_carry_its_own_rate_and_rate_date(client, auth, fund, donor):
    created = pledge(client, auth, fund.id, donor.id, currency="EUR", amount="1000.00")
    response = receive(
        client,
        auth,
        created["id"],
        "333.33",
        received_on="2015-03-01",
        usd_rate="1.0842",
        rate_date="2015-02-28",
    )
    body = response.get_json()
    # 333.33 x 1.0842 = 361.396386 -> 361.40
    assert (body["usd_rate"], body["rate_date"], body["usd_amount"]) == ("1.0842", "2015-02-28", "361.40")


def test_yen_and_dinar_receipts_keep_their_decimals_and_round_half_even_to_cents(client, auth, fund, donor):
    yen = pledge(client, auth, fund.id, donor.id, currency="JPY", amount="20000000")
    body = receive(client, auth, yen["id"], "1000000", usd_rate="0.0091").get_json()
    assert (body["amount"], body["usd_amount"]) == ("1000000", "9100.00")
    bad = receive(client, auth, yen["id"], "1000.5", usd_rate="0.0091")
    assert bad.status_code == 422
    assert bad.get_json()["errors"] == [{"field": "amount", "reason": "JPY allows no decimals; 1 given"}]
    dinar = pledge(client, auth, fund.id, donor.id, currency="KWD", amount="5000.000")
    # 1000.125 x 3.25 = 3250.40625 -> 3250.41; 0.002 x 2.5 = 0.005 -> 0.00 (half to even): refused
    body = receive(client, auth, dinar["id"], "1000.125", usd_rate="3.25").get_json()
    assert (body["amount"], body["usd_amount"]) == ("1000.125", "3250.41")
    tiny = receive(client, auth, dinar["id"], "0.002", usd_rate="2.5")
    assert tiny.status_code == 422
    assert "worth less than 0.01 USD" in tiny.get_json()["detail"]


@pytest.mark.parametrize(
    ("extra", "field", "reason"),
    [
        ({"amount": "0.00"}, "amount", "greater than zero"),
        ({"amount": "-1"}, "amount", "greater than zero"),
        ({"amount": 100}, "amount", "must be a string"),
        ({"amount": "NaN"}, "amount", "finite"),
        ({"amount": "1e400"}, "amount", "exponent"),
        ({"amount": "100.001"}, "amount", "USD allows at most 2 decimals"),
        ({"usd_rate": "1.5"}, "usd_rate", "a USD receipt has the rate 1"),
        ({"usd_rate": "0"}, "usd_rate", "greater than zero"),
        ({"usd_rate": 1}, "usd_rate", "decimal string"),
        ({"received_on": "2015-01-14"}, "received_on", "must not be before the pledge's date (2015-01-15)"),
        ({"received_on": "tomorrow"}, "received_on", "Not a valid date"),
        ({"reason": "x"}, "reason", "Unknown field"),
    ],
)
def test_bad_receipts_are_a_422_naming_the_field_and_write_nothing(
    client, auth, fund, donor, db_session, extra, field, reason
):
    created = pledge(client, auth, fund.id, donor.id)
    body = {"received_on": "2015-02-01", "amount": "100.00", **extra}
    response = client.post(
        f"/api/v1/contributions/{created['id']}/receipts", json=body, headers=auth("staff")
    )
    assert response.status_code == 422, response.get_json()
    assert any(e["field"] == field and reason in e["reason"] for e in response.get_json()["errors"])
    assert counts(db_session) == (1, 0)


def test_a_receipt_dated_after_today_or_with_a_rate_date_but_no_rate_is_refused(client, auth, fund, donor):
    created = pledge(client, auth, fund.id, donor.id, currency="EUR")
    tomorrow = (utcnow().date() + dt.timedelta(days=1)).isoformat()
    late = receive(client, auth, created["id"], "1.00", received_on=tomorrow, usd_rate="1.1")
    assert late.get_json()["errors"][0]["field"] == "received_on"
    lonely = receive(client, auth, created["id"], "1.00", rate_date="2015-02-01")
    assert lonely.status_code == 422
    assert lonely.get_json()["errors"][0]["field"] == "rate_date"


def test_a_receipt_on_an_unknown_pledge_is_404(client, auth, tokens):
    response = receive(client, auth, 999999, "1.00")
    assert response.status_code == 404
    assert response.get_json()["detail"] == "contribution 999999 does not exist"


def test_a_reversal_takes_the_money_out_and_returns_the_pledge_to_what_is_left(
    client, auth, fund, donor, db_session
):
    created = pledge(client, auth, fund.id, donor.id)
    first = receive(client, auth, created["id"], "400.00").get_json()
    receive(client, auth, created["id"], "600.00")
    response = client.post(
        f"/api/v1/receipts/{first['id']}/reversal", json={"reason": "cheque bounced"}, headers=auth("staff")
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "reversed"
    assert body["reversal_reason"] == "cheque bounced"
    assert body["contribution_status"] == "partially_received"
    assert book_queries.received_minor(db_session, fund.id) == 600_00
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "receipt.reverse")).one()
    assert (event.entity_id, event.after["reason"]) == (first["id"], "cheque bounced")
    again = client.post(
        f"/api/v1/receipts/{first['id']}/reversal", json={"reason": "again"}, headers=auth("staff")
    )
    assert again.status_code == 409
    assert again.get_json()["current_state"] == "reversed"
    assert again.get_json()["allowed_states"] == ["recorded"]
    # the money may now be received again, and the receipt is kept
    assert receive(client, auth, created["id"], "400.00").status_code == 201
    assert len(receipts_of(db_session, created["id"])) == 3


def test_a_reversal_that_would_leave_grants_above_money_received_is_409_with_the_shortfall(
    client, auth, fund, donor, db_session
):
    created = pledge(client, auth, fund.id, donor.id)
    first = receive(client, auth, created["id"], "700.00").get_json()
    second = receive(client, auth, created["id"], "300.00").get_json()
    GrantFactory(proposal__call__fund_id=fund.id, amount_minor=800_00)
    response = client.post(
        f"/api/v1/receipts/{first['id']}/reversal", json={"reason": "bounced"}, headers=auth("staff")
    )
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["title"] == "Insufficient funds"
    assert problem["shortfall"] == "500.00"
    assert "leave 300.00 USD received against 800.00 USD committed" in problem["detail"]
    assert db_session.get(Receipt, first["id"]).status == ReceiptStatus.RECORDED
    assert book_queries.received_minor(db_session, fund.id) == 1000_00
    other = client.post(
        f"/api/v1/receipts/{second['id']}/reversal", json={"reason": "x"}, headers=auth("staff")
    )
    assert other.status_code == 409  # 1000 - 300 = 700 received against 800 committed
    assert other.get_json()["shortfall"] == "100.00"
    assert counts(db_session) == (1, 2)


def test_a_reversal_down_to_exactly_what_is_committed_is_allowed(client, auth, fund, donor, db_session):
    created = pledge(client, auth, fund.id, donor.id)
    keep = receive(client, auth, created["id"], "800.00").get_json()
    drop = receive(client, auth, created["id"], "200.00").get_json()
    GrantFactory(proposal__call__fund_id=fund.id, amount_minor=800_00)
    response = client.post(
        f"/api/v1/receipts/{drop['id']}/reversal", json={"reason": "x"}, headers=auth("staff")
    )
    assert response.status_code == 200
    assert books.available_now_minor(db_session, fund.id) == 0
    assert keep["status"] == "recorded"


def test_a_reversal_must_leave_the_programme_support_costs_of_the_grants_covered(
    client, auth, fund, donor, db_session
):
    fund.programme_support_bp = 1000  # 10 per cent
    db_session.flush()
    created = pledge(client, auth, fund.id, donor.id)
    first = receive(client, auth, created["id"], "850.00").get_json()
    receive(client, auth, created["id"], "100.00")
    GrantFactory(proposal__call__fund_id=fund.id, amount_minor=800_00)  # 880.00 with its costs
    response = client.post(
        f"/api/v1/receipts/{first['id']}/reversal", json={"reason": "bounced"}, headers=auth("staff")
    )
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["shortfall"] == "780.00"
    assert "880.00 USD committed to approved grants with their programme support costs" in problem["detail"]
    assert db_session.get(Receipt, first["id"]).status == ReceiptStatus.RECORDED


def test_a_reversal_of_an_unknown_receipt_is_404(client, auth, tokens):
    response = client.post("/api/v1/receipts/999999/reversal", json={"reason": "x"}, headers=auth("staff"))
    assert response.status_code == 404
    assert response.get_json()["detail"] == "receipt 999999 does not exist"


def test_a_pledge_with_nothing_received_is_cancelled_with_its_reason_and_kept(
    client, auth, fund, donor, db_session
):
    created = pledge(client, auth, fund.id, donor.id)
    url = f"/api/v1/contributions/{created['id']}/cancellation"
    response = client.post(url, json={"reason": "pledge withdrawn"}, headers=auth("staff"))
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "cancelled"
    assert body["cancellation_reason"] == "pledge withdrawn"
    assert body["cancelled_at"] is not None
    assert counts(db_session) == (1, 0)
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "contribution.cancel")).one()
    assert (event.entity_id, event.after["reason"]) == (created["id"], "pledge withdrawn")
    again = client.post(url, json={"reason": "again"}, headers=auth("staff"))
    assert again.status_code == 409
    assert again.get_json()["current_state"] == "cancelled"
    late = receive(client, auth, created["id"], "1.00")
    assert late.status_code == 409
    assert late.get_json()["current_state"] == "cancelled"
    assert counts(db_session) == (1, 0)


def test_a_pledge_with_a_recorded_receipt_cannot_be_cancelled_until_it_is_reversed(
    client, auth, fund, donor, db_session
):
    created = pledge(client, auth, fund.id, donor.id, currency="EUR")
    paid = receive(client, auth, created["id"], "250.00", usd_rate="1.1").get_json()
    url = f"/api/v1/contributions/{created['id']}/cancellation"
    response = client.post(url, json={"reason": "withdrawn"}, headers=auth("staff"))
    assert response.status_code == 409
    assert "250.00 EUR is recorded against it; reverse its receipts first" in response.get_json()["detail"]
    assert db_session.get(Contribution, created["id"]).status == "partially_received"
    client.post(f"/api/v1/receipts/{paid['id']}/reversal", json={"reason": "returned"}, headers=auth("staff"))
    assert client.post(url, json={"reason": "withdrawn"}, headers=auth("staff")).status_code == 200


def test_a_cancellation_needs_a_reason(client, auth, fund, donor):
    created = pledge(client, auth, fund.id, donor.id)
    url = f"/api/v1/contributions/{created['id']}/cancellation"
    for body in ({}, {"reason": "  "}):
        response = client.post(url, json=body, headers=auth("staff"))
        assert response.status_code == 422
        assert response.get_json()["errors"][0]["field"] == "reason"


def test_only_staff_move_money(client, auth, fund, donor, tokens):
    created = pledge(client, auth, fund.id, int(tokens["donor_id"]))
    receipt = receive(client, auth, created["id"], "10.00").get_json()
    for role in ("donor", "board", "approver"):
        headers = auth(role)
        body = {"received_on": "2015-02-01", "amount": "1.00"}
        assert (
            client.post(
                f"/api/v1/contributions/{created['id']}/receipts", json=body, headers=headers
            ).status_code
            == 403
        )
        assert (
            client.post(
                f"/api/v1/receipts/{receipt['id']}/reversal", json={"reason": "x"}, headers=headers
            ).status_code
            == 403
        )
        assert (
            client.post(
                f"/api/v1/contributions/{created['id']}/cancellation", json={"reason": "x"}, headers=headers
            ).status_code
            == 403
        )


def test_a_rate_that_values_a_receipt_beyond_the_largest_amount_is_422_not_an_overflow(
    client, auth, fund, donor, db_session
):
    created = pledge(client, auth, fund.id, donor.id, currency="KWD", amount="999999999999999.999")
    response = receive(client, auth, created["id"], "999999999999999.999", usd_rate="999999999.999999999999")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "usd_rate"
    assert counts(db_session) == (1, 0)
