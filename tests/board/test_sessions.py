"""Board sessions: planned on a call under review, with the income the Board may recommend."""

import datetime as dt

import pytest

from fundapp.audit import AuditEvent
from fundapp.board.models import BoardSession
from fundapp.calls.models import CallStatus
from fundapp.funds.models import Fund

from ..conftest import beyond_auth
from ..factories import (
    BoardSessionFactory,
    BoardTermFactory,
    CallFactory,
    GrantFactory,
    RecommendationFactory,
    ReviewFactory,
    fund_receives,
)


def session_body(call_id, **overrides):
    body = {"call_id": call_id, "held_on": "2017-09-20", "place": "Vienna", "available_income": "250000.00"}
    body.update(overrides)
    return body


def test_staff_plan_a_session_with_the_income_given_and_an_etag(client, auth, review_call, db_session):
    term = BoardTermFactory(
        fund_id=review_call.fund_id, starts_on=dt.date(2017, 1, 1), ends_on=dt.date(2020, 12, 31)
    )
    response = client.post(
        "/api/v1/board/sessions", json=session_body(review_call.id, term_id=term.id), headers=auth("staff")
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["available_income"] == "250000.00"
    assert body["funded_total"] == "0.00"
    assert body["remaining_income"] == "250000.00"
    assert body["status"] == "planned"
    assert body["fund_id"] == review_call.fund_id
    assert body["term_id"] == term.id
    assert body["recommendations"] == []
    assert response.headers["ETag"] == f'"boardsession-{body["id"]}-v1"'
    assert db_session.get(BoardSession, body["id"]).available_income_minor == 250_000_00
    events = db_session.query(AuditEvent).filter_by(entity="board_session", entity_id=body["id"]).all()
    assert [e.action for e in events] == ["board_session.create"]


def test_without_an_income_the_session_takes_the_funds_uncommitted_balance(client, auth, review_call):
    fund_receives(review_call.fund_id, 300_000_00)
    fund_receives(review_call.fund_id, 25_000_50)
    GrantFactory(fund_id=review_call.fund_id, amount_minor=50_000_00)
    body = session_body(review_call.id)
    del body["available_income"]
    response = client.post("/api/v1/board/sessions", json=body, headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["available_income"] == "275000.50"


def test_without_an_income_the_session_takes_what_grants_may_use_once_support_costs_are_set_aside(
    client, auth, review_call, db_session
):
    db_session.get(Fund, review_call.fund_id).programme_support_bp = 1300
    db_session.flush()
    fund_receives(review_call.fund_id, 169_500_00)
    GrantFactory(fund_id=review_call.fund_id, amount_minor=50_000_00)  # 56,500.00 with its costs
    body = session_body(review_call.id)
    del body["available_income"]
    response = client.post("/api/v1/board/sessions", json=body, headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    # 113,000.00 left: grants of 100,000.00 and their 13,000.00 of support costs
    assert response.get_json()["available_income"] == "100000.00"


def test_a_session_needs_a_call_under_review(client, auth, fund):
    call = CallFactory(fund_id=fund.id, status=CallStatus.OPEN)
    response = client.post("/api/v1/board/sessions", json=session_body(call.id), headers=auth("staff"))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == "open"
    assert problem["allowed_states"] == ["under_review"]


@pytest.mark.parametrize(
    ("overrides", "field", "reason"),
    [
        ({"available_income": 250000}, "available_income", "must be a string"),
        ({"available_income": "1.005"}, "available_income", "at most 2 decimals"),
        ({"place": ""}, "place", "may not be blank"),
        ({"held_on": "2017-02-30"}, "held_on", "Not a valid date"),
        ({"term_id": "other-fund"}, "term_id", "not a term of the call's fund"),
        ({"term_id": "2014-2016", "held_on": "2017-09-20"}, "held_on", "outside the 2014-2016 term"),
    ],
)
def test_bad_session_input_is_a_422_naming_the_field_and_writes_nothing(
    client, auth, review_call, db_session, overrides, field, reason
):
    if overrides.get("term_id") == "other-fund":
        overrides["term_id"] = BoardTermFactory().id
    elif overrides.get("term_id") == "2014-2016":
        overrides["term_id"] = BoardTermFactory(fund_id=review_call.fund_id, label="2014-2016").id
    response = client.post(
        "/api/v1/board/sessions", json=session_body(review_call.id, **overrides), headers=auth("staff")
    )
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert any(e["field"] == field and reason in e["reason"] for e in errors), errors
    assert db_session.query(BoardSession).count() == 0


def test_a_zero_income_is_accepted(client, auth, review_call):
    response = client.post(
        "/api/v1/board/sessions",
        json=session_body(review_call.id, available_income="0"),
        headers=auth("staff"),
    )
    assert response.status_code == 201
    assert response.get_json()["available_income"] == "0.00"


def test_read_a_session_with_its_recommendations_and_totals(client, auth, board_session):
    RecommendationFactory(session=board_session, amount_minor=30_000_00)
    response = client.get(f"/api/v1/board/sessions/{board_session.id}", headers=auth("approver"))
    assert response.status_code == 200
    body = response.get_json()
    assert len(body["recommendations"]) == 1
    assert body["recommendations"][0]["amount"] == "30000.00"
    assert body["funded_total"] == "30000.00"
    assert body["remaining_income"] == "70000.00"
    assert response.headers["ETag"] == f'"boardsession-{board_session.id}-v1"'
    assert client.get("/api/v1/board/sessions/999999", headers=auth("staff")).status_code == 404


@pytest.mark.parametrize(
    ("role", "read", "write"), [("board", 200, 403), ("approver", 200, 403), ("donor", 403, 403)]
)
def test_sessions_are_planned_by_staff_and_read_by_the_board(client, auth, review_call, role, read, write):
    assert client.get("/api/v1/board/sessions", headers=auth(role)).status_code == read
    response = client.post("/api/v1/board/sessions", json=session_body(review_call.id), headers=auth(role))
    assert response.status_code == write


def test_session_list_is_filtered_by_call(client, auth, review_call):
    BoardSessionFactory(call=review_call)
    BoardSessionFactory()
    body = client.get(f"/api/v1/board/sessions?call_id={review_call.id}", headers=auth("board")).get_json()
    assert body["total"] == 1
    assert body["items"][0]["call_id"] == review_call.id


def test_session_list_makes_the_same_number_of_queries_for_5_and_50_sessions(
    client, auth, review_call, query_counter
):
    def count(n):
        for board_session in BoardSessionFactory.create_batch(n, call=review_call):
            RecommendationFactory.create_batch(2, session=board_session, amount_minor=10_00)
            ReviewFactory(session=board_session, conflict=True)
        with query_counter() as statements:
            response = client.get("/api/v1/board/sessions?page_size=100", headers=auth("staff"))
            assert response.status_code == 200
        assert all(s["funded_total"] == "20.00" for s in response.get_json()["items"])
        assert all(len(s["recusals"]) == 1 for s in response.get_json()["items"])
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 4  # count + page + recommendations + recusals (with their members)
