"""A change of an open grant's amount: a decrease releases the difference, an increase is a new
commitment checked against the money received, like an approval."""

import datetime as dt

import pytest

from fundapp.books import services as books
from fundapp.books.models import Account, Movement
from fundapp.grants.models import DisbursementStatus, GrantStatus

from .. import api_document
from ..books.test_ledger import movements
from ..factories import ActiveGrantFactory, TrancheFactory, fund_receives
from .conftest import API, audit_actions


def amend(client, auth, grant_id, amount, decided_on="2015-09-01", reason="Budget revised", **headers):
    return client.post(
        f"{API}/grants/{grant_id}/amendments",
        json={"amount": amount, "decided_on": decided_on, "reason": reason},
        headers=auth("staff", **headers),
    )


def test_a_decrease_releases_the_difference_on_the_day_it_was_decided(client, auth, grant, db_session):
    response = amend(client, auth, grant.id, "800.00", **{"Idempotency-Key": "amend-1"})

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["previous"], body["amount"], body["decided_on"]) == ("1000.00", "800.00", "2015-09-01")
    assert movements(db_session, grant_id=grant.id) == [
        (Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 6, 1), 1000_00, 1000_00),
        (Movement.COMMITMENT_RELEASE, Account.COMMITTED, dt.date(2015, 9, 1), -200_00, -200_00),
    ]
    assert books.fund_balances(db_session, grant.fund_id)[1] == 800_00
    detail = client.get(f"{API}/grants/{grant.id}", headers=auth("staff"))
    assert detail.get_json()["amount"] == "800.00"
    assert [a["id"] for a in detail.get_json()["amendments"]] == [body["id"]]
    assert detail.headers["ETag"] == f'"grant-{grant.id}-v2"'  # the grant changed
    assert audit_actions(db_session, "grant", grant.id)[-1] == "grant.amend"


def test_an_increase_is_a_new_commitment_within_the_money_received(client, auth, grant, db_session):
    fund_receives(grant.fund_id, 5000_00)

    response = amend(client, auth, grant.id, "3000.00")

    assert response.status_code == 201, response.get_json()
    assert movements(db_session, amendment_id=response.get_json()["id"]) == [
        (Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 9, 1), 2000_00, 2000_00),
    ]
    assert books.fund_balances(db_session, grant.fund_id) == (5000_00, 3000_00)
    # the grant may now schedule up to its new amount
    tranche = client.post(
        f"{API}/grants/{grant.id}/disbursements",
        json={"planned_on": "2015-10-01", "amount": "3000.00"},
        headers=auth("staff"),
    )
    assert tranche.status_code == 201


def test_an_increase_beyond_the_money_received_is_a_409_with_the_shortfall(client, auth, grant, unchanged):
    fund_receives(grant.fund_id, 1500_00)  # 1,000.00 already committed to the grant
    with unchanged():
        response = amend(client, auth, grant.id, "2000.00")
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["title"] == "Insufficient funds"
    assert (problem["shortfall"], problem["currency"]) == ("500.00", "USD")


def test_a_decrease_below_what_the_tranches_schedule_is_a_409_naming_it_in_documented_members(
    app, client, auth, grant, unchanged
):
    TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=600_00)
    TrancheFactory(
        grant_id=grant.id,
        tranche=2,
        amount_minor=400_00,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 8, 1),
        paid_minor=300_00,
    )
    with unchanged():
        response = amend(client, auth, grant.id, "899.99")
    assert response.status_code == 409
    problem = response.get_json()
    assert (problem["scheduled"], problem["amount"]) == ("900.00", "899.99")
    assert "schedule 900.00 USD" in problem["detail"]
    assert set(problem) <= api_document.problem_members(app)  # the Problem schema allows no other
    assert amend(client, auth, grant.id, "900.00").status_code == 201


@pytest.mark.parametrize("status", [GrantStatus.CLOSED, GrantStatus.TERMINATED])
def test_an_ended_grant_is_not_amended(client, auth, unchanged, status):
    grant = ActiveGrantFactory(status=status, ended_on=dt.date(2016, 1, 1))
    with unchanged():
        response = amend(client, auth, grant.id, "10.00")
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)


def test_a_suspended_grant_may_be_amended(client, auth, grant, db_session):
    client.post(f"{API}/grants/{grant.id}/suspend", json={"reason": "audit"}, headers=auth("staff"))
    assert amend(client, auth, grant.id, "700.00").status_code == 201


def test_amendments_follow_one_another_in_time(client, auth, grant, unchanged):
    assert amend(client, auth, grant.id, "900.00", decided_on="2015-10-01").status_code == 201
    with unchanged():
        response = amend(client, auth, grant.id, "800.00", decided_on="2015-09-30")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "decided_on"
    assert "last amendment (2015-10-01)" in response.get_json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": "1000.00", "decided_on": "2015-09-01", "reason": "x"}, "amount"),  # no change
        ({"amount": 900, "decided_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "0.00", "decided_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "-5.00", "decided_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "1e400", "decided_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"decided_on": "2015-09-01", "reason": "x"}, "amount"),
        ({"amount": "900.00", "decided_on": "2015-05-31", "reason": "x"}, "decided_on"),  # before approval
        ({"amount": "900.00", "decided_on": "2999-01-01", "reason": "x"}, "decided_on"),
        ({"amount": "900.00", "reason": "x"}, "decided_on"),
        ({"amount": "900.00", "decided_on": "2015-09-01"}, "reason"),
        ({"amount": "900.00", "decided_on": "2015-09-01", "reason": "x", "ends_on": "2018-01-01"}, "ends_on"),
    ],
)
def test_bad_amendment_input_is_a_422_naming_the_field(client, auth, grant, unchanged, body, field):
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/amendments", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


@pytest.mark.parametrize("role", ["board", "approver", "donor"])
def test_only_staff_and_admin_amend_a_grant(client, auth, grant, unchanged, role):
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/amendments",
            json={"amount": "900.00", "decided_on": "2015-09-01", "reason": "x"},
            headers=auth(role),
        )
    assert response.status_code in (403, 404)
