"""A paid tranche whose payment did not reach the grantee: its payment is cancelled, in the books too."""

import datetime as dt

import pytest

from fundapp.books import services as books
from fundapp.books.models import Account, Movement
from fundapp.grants.models import ReportKind, ReportNature, ReportStatus
from fundapp.grants.services import close_grant, terminate_grant

from ..books.test_ledger import movements
from ..factories import ActiveGrantFactory, DueReportFactory, TrancheFactory
from .conftest import API, audit_actions


def end_grant(session, grant, ending: str) -> None:
    """Terminate the grant, or close it once its final reports are accepted."""
    if ending == "terminate":
        terminate_grant(session, None, grant.id, "partner closed")
        return
    for nature in ReportNature:
        DueReportFactory(
            grant_id=grant.id,
            kind=ReportKind.FINAL,
            nature=nature,
            status=ReportStatus.ACCEPTED,
            received_on=dt.date(2017, 7, 15),
        )
    close_grant(session, None, grant.id)


def paid_tranche(client, auth, grant, amount="400.00", paid_on="2015-08-03"):
    tranche = TrancheFactory(grant_id=grant.id, amount_minor=400_00)
    response = client.post(
        f"{API}/disbursements/{tranche.id}/payment",
        json={"paid_on": paid_on, "amount": amount},
        headers=auth("staff"),
    )
    assert response.status_code == 200, response.get_json()
    return tranche


def cancel_payment(
    client, auth, tranche_id, cancelled_on="2015-08-20", reason="Returned by the bank", **headers
):
    return client.post(
        f"{API}/disbursements/{tranche_id}/payment-cancellation",
        json={"cancelled_on": cancelled_on, "reason": reason},
        headers=auth("staff", **headers),
    )


def test_a_cancelled_payment_is_taken_back_on_its_day_and_its_amount_may_be_scheduled_again(
    client, auth, grant, db_session
):
    tranche = paid_tranche(client, auth, grant)

    response = cancel_payment(client, auth, tranche.id, **{"Idempotency-Key": "cancel-1"})

    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "payment_cancelled"
    assert (body["paid_on"], body["paid"]) == ("2015-08-03", "400.00")  # kept for the record
    assert body["payment_cancelled_on"] == "2015-08-20"
    assert body["payment_cancellation_reason"] == "Returned by the bank"
    assert body["payment_cancellation_released"] is False
    assert movements(db_session, grant_id=grant.id) == [
        (Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 6, 1), 1000_00, 1000_00),
        (Movement.PAYMENT, Account.DISBURSED, dt.date(2015, 8, 3), 400_00, 400_00),
        (Movement.PAYMENT_CANCELLATION, Account.DISBURSED, dt.date(2015, 8, 20), -400_00, -400_00),
    ]
    assert books.balances(db_session, books.GRANT, grant.id, Account.DISBURSED) == (0,)
    assert audit_actions(db_session, "disbursement", tranche.id) == [
        "disbursement.pay",
        "disbursement.cancel_payment",
    ]
    detail = client.get(f"{API}/grants/{grant.id}", headers=auth("staff")).get_json()
    assert (detail["disbursed"], detail["scheduled"]) == ("0.00", "0.00")
    again = client.post(
        f"{API}/grants/{grant.id}/disbursements",
        json={"planned_on": "2015-09-01", "amount": "1000.00"},
        headers=auth("staff"),
    )
    assert again.status_code == 201, again.get_json()


def test_a_payment_cancelled_for_the_same_idempotency_key_is_replayed_and_posted_once(
    client, auth, grant, db_session
):
    tranche = paid_tranche(client, auth, grant)
    first = cancel_payment(client, auth, tranche.id, **{"Idempotency-Key": "cancel-1"})
    second = cancel_payment(client, auth, tranche.id, **{"Idempotency-Key": "cancel-1"})
    assert first.status_code == second.status_code == 200
    assert second.get_json() == first.get_json()
    assert len(movements(db_session, movement=Movement.PAYMENT_CANCELLATION)) == 1


@pytest.mark.parametrize("ending", ["terminate", "close"])
def test_a_payment_cancelled_after_the_grant_ended_also_releases_its_commitment(
    client, auth, grant, db_session, ending
):
    tranche = paid_tranche(client, auth, grant)
    end_grant(db_session, grant, ending)
    assert books.fund_balances(db_session, grant.fund_id)[1] == 400_00  # commits what it paid

    response = cancel_payment(client, auth, tranche.id)

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["payment_cancellation_released"] is True
    assert movements(db_session, disbursement_id=tranche.id)[-2:] == [
        (Movement.PAYMENT_CANCELLATION, Account.DISBURSED, dt.date(2015, 8, 20), -400_00, -400_00),
        (Movement.COMMITMENT_RELEASE, Account.COMMITTED, dt.date(2015, 8, 20), -400_00, -400_00),
    ]
    assert books.fund_balances(db_session, grant.fund_id)[1] == 0
    assert books.balances(db_session, books.FUND, grant.fund_id, Account.DISBURSED) == (0,)


def test_only_a_paid_tranche_has_its_payment_cancelled(client, auth, grant, unchanged):
    planned = TrancheFactory(grant_id=grant.id, amount_minor=300_00)
    with unchanged():
        response = cancel_payment(client, auth, planned.id)
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "planned"


def test_a_payment_is_cancelled_once(client, auth, grant, unchanged):
    tranche = paid_tranche(client, auth, grant)
    assert cancel_payment(client, auth, tranche.id).status_code == 200
    with unchanged():
        response = cancel_payment(client, auth, tranche.id)
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "payment_cancelled"


def test_a_payment_the_grantee_has_since_refunded_cannot_be_cancelled_too(client, auth, grant, unchanged):
    tranche = paid_tranche(client, auth, grant)
    refund = client.post(
        f"{API}/grants/{grant.id}/refunds",
        json={"amount": "150.00", "received_on": "2015-09-01", "reason": "Unspent"},
        headers=auth("staff"),
    )
    assert refund.status_code == 201, refund.get_json()
    with unchanged():
        response = cancel_payment(client, auth, tranche.id, cancelled_on="2015-09-10")
    assert response.status_code == 409
    problem = response.get_json()
    assert (problem["paid"], problem["available"], problem["amount"]) == ("250.00", "250.00", "400.00")
    assert "paid 250.00 USD net" in problem["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"cancelled_on": "2015-08-02", "reason": "x"}, "cancelled_on"),  # before the payment
        ({"cancelled_on": "2999-01-01", "reason": "x"}, "cancelled_on"),
        ({"cancelled_on": "yesterday", "reason": "x"}, "cancelled_on"),
        ({"reason": "x"}, "cancelled_on"),
        ({"cancelled_on": "2015-08-20"}, "reason"),
        ({"cancelled_on": "2015-08-20", "reason": ""}, "reason"),
        ({"cancelled_on": "2015-08-20", "reason": "x", "amount": "1.00"}, "amount"),
    ],
)
def test_bad_payment_cancellation_input_is_a_422_naming_the_field(
    client, auth, grant, unchanged, body, field
):
    tranche = paid_tranche(client, auth, grant)
    with unchanged():
        response = client.post(
            f"{API}/disbursements/{tranche.id}/payment-cancellation", json=body, headers=auth("staff")
        )
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


@pytest.mark.parametrize("role", ["board", "approver"])
def test_only_staff_and_admin_cancel_a_payment(client, auth, grant, unchanged, role):
    tranche = paid_tranche(client, auth, grant)
    with unchanged():
        response = client.post(
            f"{API}/disbursements/{tranche.id}/payment-cancellation",
            json={"cancelled_on": "2015-08-20", "reason": "x"},
            headers=auth(role),
        )
    assert response.status_code == 403


def test_the_payment_of_a_suspended_grant_may_be_cancelled(client, auth, db_session):
    grant = ActiveGrantFactory(amount_minor=1000_00)
    tranche = paid_tranche(client, auth, grant)
    assert (
        client.post(
            f"{API}/grants/{grant.id}/suspend", json={"reason": "audit"}, headers=auth("staff")
        ).status_code
        == 200
    )
    assert cancel_payment(client, auth, tranche.id).status_code == 200
    assert books.fund_balances(db_session, grant.fund_id)[1] == 1000_00  # open: still commits its amount
