"""Unspent money a grantee returns: never more than it was paid, net; in the books on its day."""

import datetime as dt
from decimal import Decimal

import pytest

from fundapp.books import services as books
from fundapp.books.models import Account, Movement
from fundapp.db import utcnow
from fundapp.grants.services import terminate_grant

from .. import api_document
from ..books.test_ledger import movements
from .conftest import API, audit_actions
from .test_payment_cancellations import end_grant, paid_tranche


def refund(client, auth, grant_id, amount="150.00", received_on="2015-09-01", reason="Unspent", **headers):
    return client.post(
        f"{API}/grants/{grant_id}/refunds",
        json={"amount": amount, "received_on": received_on, "reason": reason},
        headers=auth("staff", **headers),
    )


def position(client, auth, fund_id, as_of=None):
    query = f"?as_of={as_of}" if as_of else ""
    return client.get(f"{API}/funds/{fund_id}/position{query}", headers=auth("staff")).get_json()


def test_a_refund_to_an_open_grant_comes_off_what_it_was_paid_and_its_closure_releases_it(
    client, auth, grant, db_session
):
    paid_tranche(client, auth, grant)

    response = refund(client, auth, grant.id, **{"Idempotency-Key": "refund-1"})

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["amount"], body["currency"], body["received_on"]) == ("150.00", "USD", "2015-09-01")
    assert body["released_commitment"] is False
    assert movements(db_session, refund_id=body["id"]) == [
        (Movement.REFUND, Account.DISBURSED, dt.date(2015, 9, 1), -150_00, -150_00),
    ]
    assert books.balances(db_session, books.GRANT, grant.id, Account.DISBURSED) == (250_00,)
    assert books.fund_balances(db_session, grant.fund_id)[1] == 1000_00  # open: commits its amount
    assert audit_actions(db_session, "grant_refund", body["id"]) == ["grant_refund.create"]
    detail = client.get(f"{API}/grants/{grant.id}", headers=auth("staff")).get_json()
    assert detail["disbursed"] == "250.00"  # the books' net figure, not a sum of the tranches
    assert detail["scheduled"] == "400.00"  # the tranche still counts as paid
    assert [r["id"] for r in detail["refunds"]] == [body["id"]]

    terminate_grant(db_session, None, grant.id, "partner closed")

    assert movements(db_session, grant_id=grant.id, movement=Movement.COMMITMENT_RELEASE) == [
        (Movement.COMMITMENT_RELEASE, Account.COMMITTED, utcnow().date(), -750_00, -750_00),
    ]
    assert books.fund_balances(db_session, grant.fund_id)[1] == 250_00  # what it kept


@pytest.mark.parametrize("ending", ["terminate", "close"])
def test_a_refund_after_the_grant_ended_returns_as_much_commitment_to_the_fund(
    client, auth, grant, db_session, ending
):
    paid_tranche(client, auth, grant)
    end_grant(db_session, grant, ending)
    before = position(client, auth, grant.fund_id)

    response = refund(client, auth, grant.id, amount="100.00", received_on="2016-03-01")

    assert response.status_code == 201, response.get_json()
    assert response.get_json()["released_commitment"] is True
    assert movements(db_session, refund_id=response.get_json()["id"]) == [
        (Movement.REFUND, Account.DISBURSED, dt.date(2016, 3, 1), -100_00, -100_00),
        (Movement.COMMITMENT_RELEASE, Account.COMMITTED, dt.date(2016, 3, 1), -100_00, -100_00),
    ]
    after = position(client, auth, grant.fund_id)
    assert (before["committed"], after["committed"]) == ("400.00", "300.00")
    assert (before["disbursed"], after["disbursed"]) == ("400.00", "300.00")
    assert Decimal(after["uncommitted"]) - Decimal(before["uncommitted"]) == Decimal("100.00")


def test_the_position_as_of_a_day_before_the_refund_is_unchanged_by_it(client, auth, grant):
    paid_tranche(client, auth, grant)
    day_before = position(client, auth, grant.fund_id, as_of="2015-08-31")

    assert refund(client, auth, grant.id, received_on="2015-09-01").status_code == 201

    assert position(client, auth, grant.fund_id, as_of="2015-08-31") == day_before
    assert day_before["disbursed"] == "400.00"
    assert position(client, auth, grant.fund_id, as_of="2015-09-01")["disbursed"] == "250.00"


def test_a_refund_beyond_what_the_grant_was_paid_net_is_a_409_with_the_figures(
    client, auth, grant, unchanged
):
    paid_tranche(client, auth, grant)
    assert refund(client, auth, grant.id, amount="300.00").status_code == 201
    with unchanged():
        response = refund(client, auth, grant.id, amount="100.01", received_on="2015-09-02")
    assert response.status_code == 409
    problem = response.get_json()
    assert (problem["paid"], problem["available"], problem["amount"]) == ("100.00", "100.00", "100.01")
    assert problem["currency"] == "USD"
    assert "paid 100.00 USD net of cancelled payments and refunds" in problem["detail"]


def test_the_409_of_a_refund_beyond_what_was_paid_carries_only_members_the_document_declares(
    app, client, auth, grant, unchanged
):
    """The release fuzz found ``paid``, ``available`` and ``amount`` outside the Problem schema
    (which allows no other member), so the answer broke its own documentation."""
    paid_tranche(client, auth, grant)
    with unchanged():
        response = refund(client, auth, grant.id, amount="400.01", received_on="2015-09-02")
    assert response.status_code == 409
    assert {"paid", "available", "amount", "currency"} <= set(response.get_json())
    assert set(response.get_json()) <= api_document.problem_members(app)


def test_a_grant_never_paid_has_nothing_to_refund(client, auth, grant, unchanged):
    with unchanged():
        response = refund(client, auth, grant.id, amount="0.01")
    assert response.status_code == 409
    assert response.get_json()["available"] == "0.00"


def test_a_refund_dated_before_the_payment_it_returns_is_a_409(client, auth, grant, unchanged):
    """Paid on 2015-08-03: as of 2015-07-15 the grant had been paid nothing, so the books of that
    day cannot show money coming back from it."""
    paid_tranche(client, auth, grant)
    with unchanged():
        response = refund(client, auth, grant.id, amount="100.00", received_on="2015-07-15")
    assert response.status_code == 409
    problem = response.get_json()
    assert (problem["paid"], problem["available"]) == ("400.00", "0.00")
    assert "0.00 USD at the least from 2015-07-15 on" in problem["detail"]


def test_a_refund_cannot_leave_a_later_cancelled_payment_uncovered(client, auth, grant, unchanged):
    """Paid 400 on 08-03, its payment cancelled on 09-10: a refund dated 09-01 would leave the
    grant paid -150 net as of 09-10."""
    tranche = paid_tranche(client, auth, grant)
    cancelled = client.post(
        f"{API}/disbursements/{tranche.id}/payment-cancellation",
        json={"cancelled_on": "2015-09-10", "reason": "Returned by the bank"},
        headers=auth("staff"),
    )
    assert cancelled.status_code == 200
    with unchanged():
        response = refund(client, auth, grant.id, received_on="2015-09-01")
    assert response.status_code == 409


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": 100, "received_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "0.00", "received_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "-1.00", "received_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "1.001", "received_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "NaN", "received_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"received_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "1.00", "received_on": "2999-01-01", "reason": "x"}, "received_on"),
        ({"amount": "1.00", "received_on": "2015-05-31", "reason": "x"}, "received_on"),  # before approval
        ({"amount": "1.00", "reason": "x"}, "received_on"),
        ({"amount": "1.00", "received_on": "2015-09-01"}, "reason"),
        ({"amount": "1.00", "received_on": "2015-09-01", "reason": "x", "currency": "EUR"}, "currency"),
    ],
)
def test_bad_refund_input_is_a_422_naming_the_field(client, auth, grant, unchanged, body, field):
    paid_tranche(client, auth, grant)
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/refunds", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


def test_a_refund_to_a_grant_that_does_not_exist_is_a_404(client, auth, unchanged):
    with unchanged():
        assert refund(client, auth, 999_999).status_code == 404


@pytest.mark.parametrize("role", ["board", "approver", "donor"])
def test_only_staff_and_admin_record_a_refund(client, auth, grant, unchanged, role):
    paid_tranche(client, auth, grant)
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/refunds",
            json={"amount": "1.00", "received_on": "2015-09-01", "reason": "x"},
            headers=auth(role),
        )
    assert response.status_code in (403, 404)
