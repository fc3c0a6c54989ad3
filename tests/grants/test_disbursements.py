import datetime as dt

import pytest
from sqlalchemy import func, select

from fundapp.grants.models import Disbursement, DisbursementStatus, GrantStatus
from fundapp.idempotency import IdempotencyRecord

from ..conftest import beyond_auth
from ..factories import (
    ActiveGrantFactory,
    CallFactory,
    CountryRowsProposalFactory,
    GrantConditionFactory,
    TrancheFactory,
)
from .conftest import API, audit_actions


def schedule(client, auth, grant_id, amount, planned_on="2015-08-01", **headers):
    return client.post(
        f"{API}/grants/{grant_id}/disbursements",
        json={"planned_on": planned_on, "amount": amount},
        headers=auth("staff", **headers),
    )


def pay(client, auth, tranche_id, amount, paid_on="2015-08-03", **headers):
    return client.post(
        f"{API}/disbursements/{tranche_id}/payment",
        json={"paid_on": paid_on, "amount": amount},
        headers=auth("staff", **headers),
    )


# --- scheduling ----------------------------------------------------------------------------


def test_tranches_are_numbered_in_order_audited_and_carry_an_etag(client, auth, grant, db_session):
    first = schedule(client, auth, grant.id, "400.00")
    second = schedule(client, auth, grant.id, "600.00", planned_on="2016-02-01")

    assert first.status_code == second.status_code == 201
    assert [first.get_json()["tranche"], second.get_json()["tranche"]] == [1, 2]
    body = second.get_json()
    assert body["amount"] == "600.00"
    assert body["status"] == "planned"
    assert body["paid"] is None
    assert second.headers["ETag"] == f'"disbursement-{body["id"]}-v1"'
    assert audit_actions(db_session, "disbursement", body["id"]) == ["disbursement.schedule"]


def test_a_tranche_beyond_the_grant_amount_is_a_409_giving_the_excess(client, auth, grant, unchanged):
    assert schedule(client, auth, grant.id, "600.00").status_code == 201
    with unchanged():
        response = schedule(client, auth, grant.id, "500.00")
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["excess"] == "100.00"
    assert problem["currency"] == "USD"
    assert "600.00 USD is already scheduled" in problem["detail"]


def test_cancelled_tranches_free_their_amount_and_paid_ones_count_what_was_paid(client, auth, grant):
    TrancheFactory(
        grant_id=grant.id,
        tranche=1,
        amount_minor=500_00,
        status=DisbursementStatus.CANCELLED,
        cancellation_reason="wrong bank",
    )
    TrancheFactory(
        grant_id=grant.id,
        tranche=2,
        amount_minor=400_00,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 8, 1),
        paid_minor=300_00,
    )
    response = schedule(client, auth, grant.id, "700.00")
    assert response.status_code == 201
    assert response.get_json()["tranche"] == 3  # numbers are never reused
    assert schedule(client, auth, grant.id, "0.01").get_json()["excess"] == "0.01"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"planned_on": "2015-08-01", "amount": 100}, "amount"),
        ({"planned_on": "2015-08-01", "amount": "0.00"}, "amount"),
        ({"planned_on": "2015-08-01", "amount": "-1.00"}, "amount"),
        ({"planned_on": "2015-08-01", "amount": "10.001"}, "amount"),
        ({"planned_on": "2015-08-01", "amount": "NaN"}, "amount"),
        ({"planned_on": "2015-05-31", "amount": "10.00"}, "planned_on"),
        ({"planned_on": "2017-07-01", "amount": "10.00"}, "planned_on"),
        ({"planned_on": "not a date", "amount": "10.00"}, "planned_on"),
        ({"amount": "10.00"}, "planned_on"),
        ({"planned_on": "2015-08-01", "amount": "10.00", "tranche": 7}, "tranche"),
    ],
)
def test_bad_tranche_input_is_a_422_naming_the_field(client, auth, grant, unchanged, body, field):
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/disbursements", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


@pytest.mark.parametrize("status", [GrantStatus.CLOSED, GrantStatus.TERMINATED])
def test_no_tranche_is_scheduled_for_a_closed_or_terminated_grant(client, auth, unchanged, status):
    grant = ActiveGrantFactory(status=status)
    with unchanged():
        response = schedule(client, auth, grant.id, "10.00")
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)
    assert response.get_json()["allowed_states"] == ["active", "suspended"]


def test_scheduling_for_an_unknown_grant_is_a_404(client, auth, unchanged):
    with unchanged():
        assert schedule(client, auth, 987654, "10.00").status_code == 404


def test_scheduling_replays_the_first_response_for_the_same_idempotency_key(client, auth, grant, db_session):
    first = schedule(client, auth, grant.id, "100.00", **{"Idempotency-Key": "tranche-1"})
    again = schedule(client, auth, grant.id, "100.00", **{"Idempotency-Key": "tranche-1"})

    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["ETag"] == first.headers["ETag"]
    count = select(func.count()).select_from(Disbursement).where(Disbursement.grant_id == grant.id)
    assert db_session.scalar(count) == 1
    assert audit_actions(db_session, "disbursement", first.get_json()["id"]) == ["disbursement.schedule"]


def test_an_idempotency_key_reused_with_another_amount_is_a_422(client, auth, grant, unchanged):
    schedule(client, auth, grant.id, "100.00", **{"Idempotency-Key": "tranche-1"})
    with unchanged():
        response = schedule(client, auth, grant.id, "200.00", **{"Idempotency-Key": "tranche-1"})
    assert response.status_code == 422


def test_a_refused_request_does_not_burn_its_idempotency_key(client, auth, grant, db_session):
    assert schedule(client, auth, grant.id, "1500.00", **{"Idempotency-Key": "k"}).status_code == 409
    assert db_session.scalar(select(func.count()).select_from(IdempotencyRecord)) == 0
    assert schedule(client, auth, grant.id, "1500.00", **{"Idempotency-Key": "k"}).status_code == 409


# --- payment -------------------------------------------------------------------------------


def test_paying_a_planned_tranche_records_date_and_amount_and_audits(client, auth, grant, db_session):
    GrantConditionFactory(grant_id=grant.id, met_on=dt.date(2015, 7, 20))
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=400_00)

    response = pay(client, auth, tranche.id, "399.50")

    assert response.status_code == 200
    body = response.get_json()
    assert (body["status"], body["paid_on"], body["paid"], body["amount"]) == (
        "paid",
        "2015-08-03",
        "399.50",
        "400.00",
    )
    assert response.headers["ETag"] == f'"disbursement-{tranche.id}-v2"'
    assert audit_actions(db_session, "disbursement", tranche.id) == ["disbursement.pay"]
    grant_body = client.get(f"{API}/grants/{grant.id}", headers=auth("staff")).get_json()
    assert grant_body["disbursed"] == "399.50"


def test_payment_is_refused_listing_every_unmet_condition(client, auth, grant, unchanged):
    GrantConditionFactory(grant_id=grant.id, met_on=dt.date(2015, 7, 20))
    budget = GrantConditionFactory(grant_id=grant.id, description="Revised budget")
    bank = GrantConditionFactory(grant_id=grant.id, description="Bank details")
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=400_00)
    with unchanged():
        response = pay(client, auth, tranche.id, "400.00")
    assert response.status_code == 409
    assert response.get_json()["unmet_conditions"] == [
        {"id": budget.id, "description": "Revised budget"},
        {"id": bank.id, "description": "Bank details"},
    ]


@pytest.mark.parametrize("status", [GrantStatus.SUSPENDED, GrantStatus.CLOSED, GrantStatus.TERMINATED])
def test_only_an_active_grant_is_paid(client, auth, unchanged, status):
    grant = ActiveGrantFactory(status=status)
    tranche = TrancheFactory(grant_id=grant.id, tranche=1)
    with unchanged():
        response = pay(client, auth, tranche.id, "10.00")
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)
    assert response.get_json()["allowed_states"] == ["active"]


@pytest.mark.parametrize("status", [DisbursementStatus.PAID, DisbursementStatus.CANCELLED])
def test_only_a_planned_tranche_is_paid(client, auth, grant, unchanged, status):
    extra = (
        {"paid_on": dt.date(2015, 8, 1), "paid_minor": 100_00}
        if status == DisbursementStatus.PAID
        else {"cancellation_reason": "no longer needed"}
    )
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=100_00, status=status, **extra)
    with unchanged():
        response = pay(client, auth, tranche.id, "100.00")
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)
    assert response.get_json()["allowed_states"] == ["planned"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"paid_on": "2015-08-03", "amount": "400.01"}, "amount"),
        ({"paid_on": "2015-08-03", "amount": "0.00"}, "amount"),
        ({"paid_on": "2099-01-01", "amount": "100.00"}, "paid_on"),
        ({"paid_on": "2015-05-01", "amount": "100.00"}, "paid_on"),
        ({"amount": "100.00"}, "paid_on"),
    ],
)
def test_bad_payment_input_is_a_422_naming_the_field(client, auth, grant, unchanged, body, field):
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=400_00)
    with unchanged():
        response = client.post(f"{API}/disbursements/{tranche.id}/payment", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


def test_a_payment_replays_for_the_same_idempotency_key_and_pays_once(client, auth, grant, db_session):
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=400_00)
    first = pay(client, auth, tranche.id, "400.00", **{"Idempotency-Key": "pay-1"})
    again = pay(client, auth, tranche.id, "400.00", **{"Idempotency-Key": "pay-1"})
    assert first.status_code == again.status_code == 200
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert audit_actions(db_session, "disbursement", tranche.id) == ["disbursement.pay"]
    # without the key, a second payment is a conflict, not a second payment
    assert pay(client, auth, tranche.id, "400.00").status_code == 409


# --- cancellation --------------------------------------------------------------------------


def test_cancelling_a_planned_tranche_keeps_it_with_its_reason(client, auth, grant, db_session):
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=400_00)
    response = client.post(
        f"{API}/disbursements/{tranche.id}/cancellation",
        json={"reason": "Replaced by two smaller tranches"},
        headers=auth("staff"),
    )
    assert response.status_code == 200
    assert response.get_json()["status"] == "cancelled"
    assert response.get_json()["cancellation_reason"] == "Replaced by two smaller tranches"
    assert db_session.get(Disbursement, tranche.id) is not None
    assert audit_actions(db_session, "disbursement", tranche.id) == ["disbursement.cancel"]


@pytest.mark.parametrize("status", [DisbursementStatus.PAID, DisbursementStatus.CANCELLED])
def test_paid_or_cancelled_tranches_are_never_cancelled(client, auth, grant, unchanged, status):
    extra = (
        {"paid_on": dt.date(2015, 8, 1), "paid_minor": 100_00}
        if status == DisbursementStatus.PAID
        else {"cancellation_reason": "first reason"}
    )
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=100_00, status=status, **extra)
    with unchanged():
        response = client.post(
            f"{API}/disbursements/{tranche.id}/cancellation", json={"reason": "undo"}, headers=auth("staff")
        )
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)
    assert response.get_json()["allowed_states"] == ["planned"]


def test_a_cancellation_needs_a_reason(client, auth, grant, unchanged):
    tranche = TrancheFactory(grant_id=grant.id, tranche=1)
    with unchanged():
        response = client.post(
            f"{API}/disbursements/{tranche.id}/cancellation", json={}, headers=auth("staff")
        )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "reason"


def test_money_records_have_no_delete_route(client, auth, grant, unchanged):
    tranche = TrancheFactory(grant_id=grant.id, tranche=1)
    with unchanged():
        assert client.delete(f"{API}/disbursements/{tranche.id}", headers=auth("admin")).status_code == 405
        assert client.delete(f"{API}/grants/{grant.id}", headers=auth("admin")).status_code == 405


# --- list ----------------------------------------------------------------------------------


def test_disbursement_list_filters_by_grant_status_paid_year_and_call(client, auth, grant):
    other = ActiveGrantFactory()
    paid_2015 = TrancheFactory(
        grant_id=grant.id,
        tranche=1,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 9, 1),
        paid_minor=10_000_00,
        amount_minor=10_000_00,
    )
    planned = TrancheFactory(grant_id=grant.id, tranche=2, planned_on=dt.date(2016, 3, 1))
    elsewhere = TrancheFactory(
        grant_id=other.id,
        tranche=1,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2016, 1, 5),
        paid_minor=10_000_00,
        amount_minor=10_000_00,
    )

    def ids(**query):
        response = client.get(f"{API}/disbursements", query_string=query, headers=auth("staff"))
        assert response.status_code == 200, response.get_json()
        return [d["id"] for d in response.get_json()["items"]]

    assert ids(grant_id=grant.id) == [paid_2015.id, planned.id]
    assert ids(status="planned") == [planned.id]
    assert ids(paid_year=2015) == [paid_2015.id]
    assert ids(paid_year=2016) == [elsewhere.id]
    assert ids(call_id=other.call_id) == [elsewhere.id]
    assert ids(sort="-planned_on", grant_id=grant.id) == [planned.id, paid_2015.id]


def test_disbursement_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, query_counter):
    call = CallFactory()
    grant = ActiveGrantFactory(proposal=CountryRowsProposalFactory(call=call))

    def count(n):
        TrancheFactory.create_batch(n, grant_id=grant.id)
        with query_counter() as statements:
            response = client.get(
                f"{API}/disbursements?page_size=100&call_id={call.id}", headers=auth("staff")
            )
        assert response.status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page
