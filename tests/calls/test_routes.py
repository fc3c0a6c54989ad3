import pytest

from fundapp.audit import AuditEvent
from fundapp.calls.models import Call, CallStatus
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import CallFactory


def call_body(fund_id, **overrides):
    body = {
        "fund_id": fund_id,
        "cycle_label": "10.2",
        "cycle_number": 10,
        "title": "Tenth call, second window",
        "launched_on": "2026-01-15",
        "deadline": "2026-03-31T23:59:00Z",
        "priorities": ["armed conflict", "mixed migration flows"],
        "grant_floor": "20000.00",
        "grant_ceiling": "60000.00",
        "max_duration_months": 24,
    }
    body.update(overrides)
    return body


def test_staff_create_a_draft_call_with_money_as_strings_and_an_etag(client, auth, fund, db_session):
    response = client.post("/api/v1/calls", json=call_body(fund.id), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["status"] == "draft"
    assert body["grant_floor"] == "20000.00"
    assert body["grant_ceiling"] == "60000.00"
    assert response.headers["ETag"] == f'"call-{body["id"]}-v1"'
    assert db_session.get(Call, body["id"]).floor_minor == 20_000_00
    events = db_session.query(AuditEvent).filter_by(entity="call", entity_id=body["id"]).all()
    assert [e.action for e in events] == ["call.create"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("grant_floor", 20000, "must be a string"),
        ("grant_floor", "NaN", "plain decimal"),
        ("grant_floor", "1e400", "plain decimal"),
        ("grant_floor", "-5.00", "plain decimal"),
        ("grant_ceiling", "10.00", "must not be below grant_floor"),
        ("title", "a\x00b", "control character"),
        ("unexpected", "x", "Unknown field"),
    ],
)
def test_bad_call_input_is_a_422_problem_naming_the_field_and_writes_nothing(
    client, auth, fund, db_session, field, value, reason
):
    response = client.post("/api/v1/calls", json=call_body(fund.id, **{field: value}), headers=auth("staff"))
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    assert any(e["field"] == field and reason in e["reason"] for e in problem["errors"]), problem
    assert db_session.query(Call).count() == 0


def test_amount_finer_than_a_cent_is_refused(client, auth, fund):
    response = client.post(
        "/api/v1/calls", json=call_body(fund.id, grant_floor="20000.005"), headers=auth("staff")
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "grant_floor"


def test_call_moves_through_its_cycle_and_a_wrong_step_names_the_allowed_states(client, auth, fund):
    call = CallFactory(fund_id=fund.id, status=CallStatus.DRAFT)
    for action, status in [("open", "open"), ("close", "closed"), ("review", "under_review")]:
        response = client.post(f"/api/v1/calls/{call.id}/{action}", headers=auth("staff"))
        assert response.status_code == 200
        assert response.get_json()["status"] == status
    response = client.post(f"/api/v1/calls/{call.id}/open", headers=auth("staff"))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == "under_review"
    assert problem["allowed_states"] == ["draft"]


def test_amending_a_call_needs_the_current_etag(client, auth, fund):
    call = CallFactory(fund_id=fund.id, status=CallStatus.DRAFT)
    url = f"/api/v1/calls/{call.id}"
    assert client.patch(url, json={"title": "New"}, headers=auth("staff")).status_code == 428
    stale = auth("staff", **{"If-Match": f'"call-{call.id}-v0"'})
    assert client.patch(url, json={"title": "New"}, headers=stale).status_code == 412
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json={"title": "New"}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 200
    assert response.get_json()["title"] == "New"
    assert response.headers["ETag"] != etag


def test_board_members_read_calls_but_cannot_create_them(client, auth, fund):
    CallFactory(fund_id=fund.id)
    assert client.get("/api/v1/calls", headers=auth("board")).status_code == 200
    assert client.post("/api/v1/calls", json=call_body(fund.id), headers=auth("board")).status_code == 403
    assert client.get("/api/v1/calls").status_code == 401


def test_call_list_is_paginated_and_filtered(client, auth, fund):
    for n in range(5):
        CallFactory(fund_id=fund.id, status=CallStatus.OPEN if n % 2 else CallStatus.DRAFT)
    body = client.get("/api/v1/calls?status=open&page_size=1", headers=auth("staff")).get_json()
    assert body["total"] == 2
    assert len(body["items"]) == 1


def test_call_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, fund, query_counter):
    def count(n):
        CallFactory.create_batch(n, fund_id=fund.id)
        with query_counter() as statements:
            assert client.get("/api/v1/calls?page_size=100", headers=auth("staff")).status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page


def test_an_unknown_or_misspelt_query_parameter_is_a_422_not_silently_ignored(client, auth, fund):
    response = client.get("/api/v1/calls?stauts=open", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "stauts"


def test_a_fund_id_filter_in_the_query_string_is_accepted(client, auth, fund):
    CallFactory(fund_id=fund.id)
    body = client.get(f"/api/v1/calls?fund_id={fund.id}", headers=auth("staff")).get_json()
    assert body["total"] == 1
