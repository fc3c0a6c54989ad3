"""Amendments of an open grant: requested by staff (a no-cost extension, an increase or a
decrease, with a reason), approved or rejected by the approver. Only an approved one changes the
grant: an increase is a new commitment checked against the money received under the fund's lock,
like an approval; a decrease releases the difference; an extension moves the end."""

import datetime as dt

import pytest

from fundapp.books import services as books
from fundapp.books.models import Account, Movement
from fundapp.grants.models import DisbursementStatus, GrantStatus

from .. import api_document
from ..books.test_ledger import movements
from ..factories import ActiveGrantFactory, TrancheFactory, fund_receives
from .conftest import API, audit_actions


def request(client, auth, grant_id, requested_on="2015-09-01", reason="Budget revised", **body):
    headers = body.pop("headers", {})
    return client.post(
        f"{API}/grants/{grant_id}/amendments",
        json={"reason": reason, "requested_on": requested_on, **body},
        headers=auth("staff", **headers),
    )


def decide(client, auth, amendment_id, decision="approved", decided_on="2015-09-10", role="approver", **body):
    return client.post(
        f"{API}/grant-amendments/{amendment_id}/decision",
        json={"decision": decision, "decided_on": decided_on, **body},
        headers=auth(role),
    )


def amend(client, auth, grant_id, amount, decided_on="2015-09-01"):
    """Request a change of amount and approve it the same day; the approved amendment."""
    requested = request(client, auth, grant_id, amount=amount, requested_on=decided_on)
    assert requested.status_code == 201, requested.get_json()
    return decide(client, auth, requested.get_json()["id"], decided_on=decided_on)


def test_a_request_changes_nothing_until_the_approver_approves_it(client, auth, grant, db_session):
    response = request(client, auth, grant.id, amount="800.00", headers={"Idempotency-Key": "amend-1"})

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["kind"], body["status"], body["previous"], body["amount"]) == (
        "decrease",
        "requested",
        "1000.00",
        "800.00",
    )
    assert (body["requested_on"], body["decided_on"]) == ("2015-09-01", None)
    assert movements(db_session, grant_id=grant.id) == [
        (Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 6, 1), 1000_00, 1000_00),
    ]
    assert client.get(f"{API}/grants/{grant.id}", headers=auth("staff")).get_json()["amount"] == "1000.00"
    queue = client.get(f"{API}/grant-amendments?status=requested", headers=auth("approver")).get_json()
    assert [a["id"] for a in queue["items"]] == [body["id"]]
    assert audit_actions(db_session, "grant_amendment", body["id"]) == ["grant_amendment.request"]


def test_an_approved_decrease_releases_the_difference_on_the_day_it_was_decided(
    client, auth, grant, db_session
):
    amendment = request(client, auth, grant.id, amount="800.00").get_json()

    response = decide(client, auth, amendment["id"], decided_on="2015-09-10")

    assert response.status_code == 200, response.get_json()
    assert (response.get_json()["status"], response.get_json()["decided_on"]) == ("approved", "2015-09-10")
    assert movements(db_session, grant_id=grant.id) == [
        (Movement.COMMITMENT, Account.COMMITTED, dt.date(2015, 6, 1), 1000_00, 1000_00),
        (Movement.COMMITMENT_RELEASE, Account.COMMITTED, dt.date(2015, 9, 10), -200_00, -200_00),
    ]
    assert books.fund_balances(db_session, grant.fund_id)[1] == 800_00
    detail = client.get(f"{API}/grants/{grant.id}", headers=auth("staff"))
    assert detail.get_json()["amount"] == "800.00"
    assert [a["id"] for a in detail.get_json()["amendments"]] == [amendment["id"]]
    assert detail.headers["ETag"] == f'"grant-{grant.id}-v2"'  # the grant changed
    assert audit_actions(db_session, "grant", grant.id)[-1] == "grant.amend"
    assert audit_actions(db_session, "grant_amendment", amendment["id"]) == [
        "grant_amendment.request",
        "grant_amendment.approve",
    ]


def test_an_approved_increase_is_a_new_commitment_within_the_money_received(client, auth, grant, db_session):
    fund_receives(grant.fund_id, 5000_00)

    response = amend(client, auth, grant.id, "3000.00")

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["kind"] == "increase"
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


def test_an_approved_extension_moves_the_grants_end_and_no_money(client, auth, grant, db_session):
    amendment = request(client, auth, grant.id, ends_on="2017-12-31", reason="Shelter opened late").get_json()
    assert (amendment["kind"], amendment["previous_ends_on"], amendment["ends_on"]) == (
        "extension",
        "2017-06-30",
        "2017-12-31",
    )
    assert amendment["previous"] == amendment["amount"] == "1000.00"

    response = decide(client, auth, amendment["id"])

    assert response.status_code == 200, response.get_json()
    assert client.get(f"{API}/grants/{grant.id}", headers=auth("staff")).get_json()["ends_on"] == "2017-12-31"
    assert movements(db_session, amendment_id=amendment["id"]) == []
    assert books.fund_balances(db_session, grant.fund_id)[1] == 1000_00
    # a tranche may now be planned in the months the extension added
    tranche = client.post(
        f"{API}/grants/{grant.id}/disbursements",
        json={"planned_on": "2017-10-01", "amount": "100.00"},
        headers=auth("staff"),
    )
    assert tranche.status_code == 201, tranche.get_json()


def test_a_rejected_amendment_needs_a_reason_and_changes_nothing(client, auth, grant, db_session, unchanged):
    amendment = request(client, auth, grant.id, amount="800.00").get_json()
    with unchanged():
        assert decide(client, auth, amendment["id"], "rejected").status_code == 422

    response = decide(client, auth, amendment["id"], "rejected", reason="The scope stays as approved.")

    assert response.status_code == 200
    assert (response.get_json()["status"], response.get_json()["decision_note"]) == (
        "rejected",
        "The scope stays as approved.",
    )
    assert client.get(f"{API}/grants/{grant.id}", headers=auth("staff")).get_json()["amount"] == "1000.00"
    assert movements(db_session, amendment_id=amendment["id"]) == []
    with unchanged():
        again = decide(client, auth, amendment["id"])
    assert again.status_code == 409
    assert again.get_json()["current_state"] == "rejected"


def test_an_increase_beyond_the_money_received_is_a_409_with_the_shortfall_on_approval(
    client, auth, grant, unchanged
):
    fund_receives(grant.fund_id, 1500_00)  # 1,000.00 already committed to the grant
    amendment = request(client, auth, grant.id, amount="2000.00").get_json()
    with unchanged():
        response = decide(client, auth, amendment["id"])
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
        response = request(client, auth, grant.id, amount="899.99")
    assert response.status_code == 409
    problem = response.get_json()
    assert (problem["scheduled"], problem["amount"]) == ("900.00", "899.99")
    assert "schedule 900.00 USD" in problem["detail"]
    assert set(problem) <= api_document.problem_members(app)  # the Problem schema allows no other
    assert amend(client, auth, grant.id, "900.00").status_code == 200


def test_a_decrease_is_checked_again_on_approval_against_tranches_planned_since(
    client, auth, grant, unchanged
):
    amendment = request(client, auth, grant.id, amount="500.00").get_json()
    TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=600_00)
    with unchanged():
        response = decide(client, auth, amendment["id"])
    assert response.status_code == 409
    assert response.get_json()["scheduled"] == "600.00"


def test_a_grant_has_one_request_pending_at_a_time(client, auth, grant, unchanged):
    first = request(client, auth, grant.id, amount="900.00").get_json()
    with unchanged():
        response = request(client, auth, grant.id, ends_on="2018-01-31")
    assert response.status_code == 409
    assert response.get_json()["existing_id"] == first["id"]


@pytest.mark.parametrize("status", [GrantStatus.CLOSED, GrantStatus.TERMINATED])
def test_an_ended_grant_is_not_amended(client, auth, unchanged, status):
    grant = ActiveGrantFactory(status=status, ended_on=dt.date(2016, 1, 1))
    with unchanged():
        response = request(client, auth, grant.id, amount="10.00")
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)


def test_a_grant_terminated_after_the_request_is_not_amended_on_approval(client, auth, grant, unchanged):
    amendment = request(client, auth, grant.id, ends_on="2018-01-31").get_json()
    terminate = {"reason": "Registration revoked"}
    client.post(f"{API}/grants/{grant.id}/terminate", json=terminate, headers=auth("staff"))
    with unchanged():
        response = decide(client, auth, amendment["id"])
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "terminated"


def test_a_suspended_grant_may_be_amended(client, auth, grant, db_session):
    client.post(f"{API}/grants/{grant.id}/suspend", json={"reason": "audit"}, headers=auth("staff"))
    assert amend(client, auth, grant.id, "700.00").status_code == 200


def test_amendments_follow_one_another_in_time(client, auth, grant, unchanged):
    assert amend(client, auth, grant.id, "900.00", decided_on="2015-10-01").status_code == 200
    with unchanged():
        response = request(client, auth, grant.id, amount="800.00", requested_on="2015-09-30")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "requested_on"
    assert "last amendment (2015-10-01)" in response.get_json()["detail"]


def test_a_decision_is_not_dated_before_its_request(client, auth, grant, unchanged):
    amendment = request(client, auth, grant.id, amount="900.00", requested_on="2015-09-01").get_json()
    with unchanged():
        response = decide(client, auth, amendment["id"], decided_on="2015-08-31")
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["decided_on"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": "1000.00", "reason": "x"}, "amount"),  # no change
        ({"amount": 900, "reason": "x"}, "amount"),
        ({"amount": "0.00", "reason": "x"}, "amount"),
        ({"amount": "-5.00", "reason": "x"}, "amount"),
        ({"amount": "1e400", "reason": "x"}, "amount"),
        ({"reason": "x"}, "amount"),
        ({"kind": "increase", "amount": "900.00", "reason": "x"}, "amount"),  # a decrease
        ({"kind": "extension", "amount": "900.00", "reason": "x"}, "ends_on"),
        ({"kind": "increase", "ends_on": "2018-01-01", "reason": "x"}, "ends_on"),
        ({"ends_on": "2017-06-30", "reason": "x"}, "ends_on"),  # not after the end
        ({"amount": "900.00", "ends_on": "2018-01-01", "reason": "x"}, "ends_on"),
        ({"amount": "900.00", "requested_on": "2015-05-31", "reason": "x"}, "requested_on"),  # before it
        ({"amount": "900.00", "requested_on": "2999-01-01", "reason": "x"}, "requested_on"),
        ({"amount": "900.00"}, "reason"),
        ({"amount": "900.00", "reason": "x", "decided_on": "2015-09-01"}, "decided_on"),  # the approver's
        ({"kind": "suspension", "amount": "900.00", "reason": "x"}, "kind"),
    ],
)
def test_bad_amendment_input_is_a_422_naming_the_field(client, auth, grant, unchanged, body, field):
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/amendments", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"decided_on": "2015-09-10"}, "decision"),
        ({"decision": "requested", "decided_on": "2015-09-10"}, "decision"),
        ({"decision": "approved"}, "decided_on"),
        ({"decision": "approved", "decided_on": "2999-01-01"}, "decided_on"),
    ],
)
def test_bad_decision_input_is_a_422_naming_the_field(client, auth, grant, unchanged, body, field):
    amendment = request(client, auth, grant.id, amount="900.00").get_json()
    with unchanged():
        response = client.post(
            f"{API}/grant-amendments/{amendment['id']}/decision", json=body, headers=auth("approver")
        )
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


@pytest.mark.parametrize("role", ["board", "approver", "donor"])
def test_only_staff_and_admin_request_an_amendment(client, auth, grant, unchanged, role):
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/amendments",
            json={"amount": "900.00", "reason": "x"},
            headers=auth(role),
        )
    assert response.status_code in (403, 404)


@pytest.mark.parametrize("role", ["staff", "board", "donor"])
def test_only_the_approver_and_admin_decide_an_amendment(client, auth, grant, unchanged, role):
    amendment = request(client, auth, grant.id, amount="900.00").get_json()
    with unchanged():
        response = decide(client, auth, amendment["id"], role=role)
    assert response.status_code in (403, 404)
    assert decide(client, auth, amendment["id"], role="admin").status_code == 200
