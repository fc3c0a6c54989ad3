"""One history per grant: every audit event of the grant and its records, oldest first."""

import pytest

from ..conftest import beyond_auth
from ..factories import ActiveGrantFactory, GrantConditionFactory
from .conftest import API


def post(client, auth, path, body=None, **headers):
    response = client.post(f"{API}{path}", json=body, headers=auth("staff", **headers))
    assert response.status_code in (200, 201), response.get_json()
    return response.get_json()


def history(client, auth, grant, role="staff", query=""):
    return client.get(f"{API}/grants/{grant.id}/history{query}", headers=auth(role))


def test_the_history_has_every_event_of_the_grant_and_its_records_oldest_first_with_decimal_amounts(
    client, auth, grant
):
    condition = post(client, auth, f"/grants/{grant.id}/conditions", {"description": "Bank details"})
    post(client, auth, f"/grants/{grant.id}/conditions/{condition['id']}/met", {"met_on": "2015-07-02"})
    tranche = post(
        client,
        auth,
        f"/grants/{grant.id}/disbursements",
        {"planned_on": "2015-07-15", "amount": "400.00"},
        **{"Idempotency-Key": "history-tranche"},
    )
    post(
        client,
        auth,
        f"/disbursements/{tranche['id']}/payment",
        {"paid_on": "2015-07-16", "amount": "400.00"},
        **{"Idempotency-Key": "history-payment"},
    )
    report = post(
        client,
        auth,
        f"/grants/{grant.id}/reports",
        {"kind": "interim", "nature": "narrative", "due_on": "2016-06-30"},
    )
    post(
        client,
        auth,
        f"/grant-reports/{report['id']}/receipt",
        {"received_on": "2016-06-20", "people_assisted": 12},
    )
    post(client, auth, f"/grant-reports/{report['id']}/acceptance")
    post(
        client,
        auth,
        f"/grants/{grant.id}/refunds",
        {"amount": "25.50", "received_on": "2016-07-01", "reason": "Unspent"},
        **{"Idempotency-Key": "history-refund"},
    )
    amendment = post(
        client,
        auth,
        f"/grants/{grant.id}/amendments",
        {"amount": "900.00", "requested_on": "2016-07-02", "reason": "Smaller scope"},
        **{"Idempotency-Key": "history-amendment"},
    )
    approval = client.post(
        f"{API}/grant-amendments/{amendment['id']}/decision",
        json={"decision": "approved", "decided_on": "2016-07-03"},
        headers=auth("approver"),
    )
    assert approval.status_code == 200, approval.get_json()
    post(client, auth, f"/grants/{grant.id}/suspend", {"reason": "Audit pending"})
    other = ActiveGrantFactory()
    post(client, auth, f"/grants/{other.id}/conditions", {"description": "Not this grant's"})

    response = history(client, auth, grant)

    assert response.status_code == 200
    body = response.get_json()
    events = body["items"]
    assert [(e["entity"], e["action"]) for e in events] == [
        ("grant_condition", "grant_condition.create"),
        ("grant_condition", "grant_condition.met"),
        ("disbursement", "disbursement.schedule"),
        ("disbursement", "disbursement.pay"),
        ("grant_report", "grant_report.schedule"),
        ("grant_report", "grant_report.receive"),
        ("grant_report", "grant_report.accept"),
        ("grant_refund", "grant_refund.create"),
        ("grant_amendment", "grant_amendment.request"),
        ("grant", "grant.amend"),
        ("grant_amendment", "grant_amendment.approve"),
        ("grant", "grant.suspend"),
    ]
    assert body["total"] == 12
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    schedule, pay = events[2], events[3]
    assert schedule["after"]["amount"] == "400.00"
    assert pay["after"]["paid"] == "400.00"
    assert events[7]["after"]["amount"] == "25.50"
    requested, amend, approved = events[8:11]
    assert (requested["after"]["kind"], requested["after"]["status"]) == ("decrease", "requested")
    assert (requested["after"]["previous"], requested["after"]["amount"]) == ("1000.00", "900.00")
    assert amend["before"] == {"amount": "1000.00"}
    assert (amend["after"]["amount"], amend["after"]["decided_on"]) == ("900.00", "2016-07-03")
    assert (approved["before"]["status"], approved["after"]["status"]) == ("requested", "approved")
    minor = [
        key
        for e in events
        for side in ("before", "after")
        for key in (e[side] or {})
        if key.endswith("_minor")
    ]
    assert minor == []


def test_the_history_is_paginated_like_the_other_lists(client, auth, grant):
    for n in range(5):
        post(client, auth, f"/grants/{grant.id}/conditions", {"description": f"Condition {n}"})
    first = history(client, auth, grant, query="?page_size=2").get_json()
    assert first["total"] == 5
    assert [e["after"]["description"] for e in first["items"]] == ["Condition 0", "Condition 1"]
    newest = history(client, auth, grant, query="?sort=-occurred_at&page_size=1").get_json()
    assert newest["items"][0]["after"]["description"] == "Condition 4"


@pytest.mark.parametrize(
    ("role", "status"), [("admin", 200), ("board", 200), ("approver", 200), ("donor", 403)]
)
def test_the_history_is_read_by_those_who_read_the_grant(client, auth, grant, role, status):
    assert history(client, auth, grant, role=role).status_code == status


def test_the_history_of_an_unknown_grant_is_a_404_and_anonymous_callers_must_authenticate(
    client, auth, grant
):
    response = client.get(f"{API}/grants/{grant.id + 1000}/history", headers=auth("staff"))
    assert response.status_code == 404
    assert response.get_json()["detail"] == f"grant {grant.id + 1000} does not exist"
    assert client.get(f"{API}/grants/{grant.id}/history").status_code == 401


def test_the_history_makes_the_same_number_of_queries_for_5_and_50_events(client, auth, grant, query_counter):
    def count(n):
        for i in range(n):
            GrantConditionFactory(grant_id=grant.id)  # records without events: history reads events
            post(client, auth, f"/grants/{grant.id}/conditions", {"description": f"Condition {i}"})
        with query_counter() as statements:
            response = history(client, auth, grant, query="?page_size=100")
        assert response.status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 3  # the grant, count, page
