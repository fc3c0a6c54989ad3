"""The Board's slate: fund, reserve list or decline, recorded as one action, all or nothing."""

import pytest

from fundapp.audit import AuditEvent
from fundapp.board.models import BoardSession, Decision, Recommendation, SessionStatus
from fundapp.calls.models import CallStatus
from fundapp.errors import PROBLEM_TYPE
from fundapp.proposals.models import Proposal, ProposalStatus

from ..factories import CallFactory, ProposalFactory, RecommendationFactory
from .conftest import RESERVE_UNTIL


def entry(proposal, decision="fund", **overrides):
    body = {
        "proposal_id": proposal.id,
        "decision": decision,
        "rationale": "Sound plan for direct assistance.",
    }
    if decision == "fund":
        body["amount"] = "40000.00"
    body.update(overrides)
    return body


def post_slate(client, headers, board_session, entries):
    return client.post(
        f"/api/v1/board/sessions/{board_session.id}/recommendations",
        json={"recommendations": entries},
        headers=headers,
    )


def test_board_records_fund_reserve_and_decline_as_one_action(client, auth, board_session, db_session):
    funded, reserved, declined = ProposalFactory.create_batch(
        3, call=board_session.call, status=ProposalStatus.ELIGIBLE
    )
    response = post_slate(
        client,
        auth("board"),
        board_session,
        [
            entry(funded, rank=1),
            entry(reserved, "reserve", rank=1),
            entry(declined, "decline", rationale="  Outside the call's priorities.  "),
        ],
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["status"] == "held"
    assert body["funded_total"] == "40000.00"
    assert body["remaining_income"] == "60000.00"
    by_proposal = {r["proposal_id"]: r for r in body["recommendations"]}
    assert by_proposal[funded.id]["status"] == "pending_approval"
    assert by_proposal[funded.id]["amount"] == "40000.00"
    assert by_proposal[funded.id]["reserve_expires_on"] is None
    assert by_proposal[reserved.id]["status"] == "on_reserve"
    assert by_proposal[reserved.id]["amount"] is None
    assert by_proposal[reserved.id]["reserve_expires_on"] == RESERVE_UNTIL.isoformat()
    assert by_proposal[declined.id]["status"] == "declined"
    assert by_proposal[declined.id]["rationale"] == "Outside the call's priorities."

    statuses = dict(db_session.query(Proposal.id, Proposal.status))
    assert statuses[funded.id] == ProposalStatus.RECOMMENDED
    assert statuses[reserved.id] == ProposalStatus.RESERVE
    assert statuses[declined.id] == ProposalStatus.DECLINED
    assert all(r.recorded_by_id is not None for r in db_session.query(Recommendation))
    actions = sorted(e.action for e in db_session.query(AuditEvent).filter(AuditEvent.entity != "api_token"))
    assert actions == [
        "board_session.hold",
        "proposal.decline",
        "proposal.fund",
        "proposal.reserve",
        "recommendation.record",
        "recommendation.record",
        "recommendation.record",
    ]


def _bad_entry(kind, board_session, db_session):
    """One offending slate entry, and the status and field its refusal must name."""
    call = board_session.call
    if kind == "not eligible":
        return (
            entry(ProposalFactory(call=call, status=ProposalStatus.SUBMITTED)),
            409,
            "proposal_id",
            "submitted",
        )
    if kind == "ineligible":
        return (
            entry(ProposalFactory(call=call, status=ProposalStatus.INELIGIBLE)),
            409,
            "proposal_id",
            "ineligible",
        )
    if kind == "already recommended":
        earlier = RecommendationFactory(session=board_session, amount_minor=1_000_00)
        return entry(earlier.proposal), 409, "proposal_id", "already recommended"
    if kind == "other call":
        other = ProposalFactory(call=CallFactory(fund_id=call.fund_id), status=ProposalStatus.ELIGIBLE)
        return entry(other), 422, "proposal_id", "another call"
    if kind == "unknown proposal":
        return (
            {"proposal_id": 987_654, "decision": "decline", "rationale": "x"},
            422,
            "proposal_id",
            "does not exist",
        )
    if kind == "duplicate":
        return "duplicate", 422, "proposal_id", "recommendations.0"
    if kind == "over requested":
        proposal = ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE, requested_minor=45_000_00)
        return entry(proposal, amount="45000.01"), 422, "amount", "more than the 45000.00 USD"
    if kind == "over income":
        proposal = ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE, requested_minor=90_000_00)
        return entry(proposal, amount="60000.01"), 409, None, "available income is 100000.00"
    if kind == "missing rationale":
        body = entry(ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE))
        del body["rationale"]
        return body, 422, "rationale", "Missing data"
    if kind == "blank rationale":
        return (
            entry(ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE), rationale=" \n "),
            422,
            "rationale",
            "blank",
        )
    if kind == "fund without amount":
        body = entry(ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE))
        del body["amount"]
        return body, 422, "amount", "required when the decision is fund"
    if kind == "amount on a decline":
        proposal = ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE)
        return entry(proposal, "decline", amount="10.00"), 422, "amount", "only a fund decision"
    if kind == "zero amount":
        return (
            entry(ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE), amount="0"),
            422,
            "amount",
            "greater than zero",
        )
    if kind == "no reserve list":
        call.reserve_expires_on = None
        db_session.flush()
        return (
            entry(ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE), "reserve"),
            422,
            "decision",
            "no reserve_expires_on",
        )
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    [
        "not eligible",
        "ineligible",
        "already recommended",
        "other call",
        "unknown proposal",
        "duplicate",
        "over requested",
        "over income",
        "missing rationale",
        "blank rationale",
        "fund without amount",
        "amount on a decline",
        "zero amount",
        "no reserve list",
    ],
)
def test_a_slate_with_one_bad_entry_is_refused_naming_it_and_writes_nothing(
    client, auth, board_session, db_session, kind
):
    good = ProposalFactory(call=board_session.call, status=ProposalStatus.ELIGIBLE)
    bad, status, field, reason = _bad_entry(kind, board_session, db_session)
    if bad == "duplicate":
        bad = entry(good, "decline")
    before = {
        "recommendations": db_session.query(Recommendation).count(),
        "events": db_session.query(AuditEvent).count(),
        "proposals": dict(db_session.query(Proposal.id, Proposal.status)),
    }

    response = post_slate(client, auth("staff"), board_session, [entry(good), bad])

    assert response.status_code == status, response.get_json()
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    if field is None:  # the money: the slate as a whole
        assert problem["shortfall"] == "0.01"
        assert reason in problem["detail"]
    else:
        assert problem["errors"] == [
            {**problem["errors"][0], "field": f"recommendations.1.{field}", "location": "json"}
        ], problem
        assert reason in problem["errors"][0]["reason"]
    db_session.expire_all()
    assert db_session.query(Recommendation).count() == before["recommendations"]
    assert db_session.query(AuditEvent).count() == before["events"]
    assert dict(db_session.query(Proposal.id, Proposal.status)) == before["proposals"]
    assert db_session.get(BoardSession, board_session.id).status == SessionStatus.PLANNED


def test_every_bad_entry_is_named_in_one_answer(client, auth, board_session):
    call = board_session.call
    unknown = {"proposal_id": 987_654, "decision": "decline", "rationale": "x"}
    too_much = entry(ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE), amount="50000.01")
    response = post_slate(client, auth("staff"), board_session, [unknown, too_much])
    assert response.status_code == 422
    fields = [e["field"] for e in response.get_json()["errors"]]
    assert fields == ["recommendations.0.proposal_id", "recommendations.1.amount"]


def test_a_not_eligible_proposal_names_its_state_and_the_one_allowed(client, auth, board_session):
    proposal = ProposalFactory(call=board_session.call, status=ProposalStatus.SUBMITTED)
    response = post_slate(client, auth("staff"), board_session, [entry(proposal)])
    assert response.status_code == 409
    error = response.get_json()["errors"][0]
    assert error["current_state"] == "submitted"
    assert error["allowed_states"] == ["eligible"]


def test_earlier_fund_recommendations_of_the_session_count_against_its_income(client, auth, board_session):
    RecommendationFactory(session=board_session, amount_minor=70_000_00)
    proposal = ProposalFactory(call=board_session.call, status=ProposalStatus.ELIGIBLE)
    response = post_slate(client, auth("staff"), board_session, [entry(proposal, amount="30000.01")])
    assert response.status_code == 409
    assert response.get_json()["shortfall"] == "0.01"
    response = post_slate(client, auth("staff"), board_session, [entry(proposal, amount="30000.00")])
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["remaining_income"] == "0.00"


def test_reserve_and_decline_need_no_income(client, auth, board_session, db_session):
    board_session.available_income_minor = 0
    db_session.flush()
    reserved, declined = ProposalFactory.create_batch(
        2, call=board_session.call, status=ProposalStatus.ELIGIBLE
    )
    response = post_slate(
        client, auth("board"), board_session, [entry(reserved, "reserve"), entry(declined, "decline")]
    )
    assert response.status_code == 201, response.get_json()


def test_a_slate_needs_a_session_and_call_still_open_to_it(client, auth, board_session, db_session):
    proposal = ProposalFactory(call=board_session.call, status=ProposalStatus.ELIGIBLE)
    assert (
        post_slate(client, auth("staff"), type("S", (), {"id": 999_999}), [entry(proposal)]).status_code
        == 404
    )
    board_session.call.status = "decided"
    db_session.flush()
    response = post_slate(client, auth("staff"), board_session, [entry(proposal)])
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "decided"
    assert response.get_json()["allowed_states"] == ["under_review"]


def test_an_empty_slate_is_a_422(client, auth, board_session):
    response = post_slate(client, auth("staff"), board_session, [])
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "recommendations"


@pytest.mark.parametrize(
    ("role", "status"), [("board", 201), ("staff", 201), ("admin", 201), ("approver", 403), ("donor", 403)]
)
def test_the_board_and_staff_record_the_slate_and_the_approver_cannot(
    client, auth, board_session, role, status
):
    proposal = ProposalFactory(call=board_session.call, status=ProposalStatus.ELIGIBLE)
    assert post_slate(client, auth(role), board_session, [entry(proposal)]).status_code == status


@pytest.mark.parametrize("status", ["closed", "decided", "completed", "cancelled"])
def test_the_board_reads_no_recommendation_of_a_call_not_under_review_as_proposals_hides_them(
    client, auth, fund, board_session, status
):
    shown = RecommendationFactory(session=board_session, proposal__title="Under review")
    other = CallFactory(fund_id=fund.id, status=CallStatus(status))
    hidden = RecommendationFactory(
        session__call=other,
        proposal__title="Closed call's proposal",
        decision=Decision.DECLINE,
        amount_minor=None,
    )
    listed = client.get("/api/v1/board/recommendations?page_size=100", headers=auth("board")).get_json()
    assert [r["id"] for r in listed["items"]] == [shown.id]
    assert client.get(f"/api/v1/board/recommendations/{hidden.id}", headers=auth("board")).status_code == 404
    assert client.get(f"/api/v1/board/recommendations/{shown.id}", headers=auth("board")).status_code == 200
    by_staff = client.get("/api/v1/board/recommendations?page_size=100", headers=auth("staff")).get_json()
    assert {shown.id, hidden.id} <= {r["id"] for r in by_staff["items"]}
    assert (
        client.get(f"/api/v1/board/recommendations/{hidden.id}", headers=auth("approver")).status_code == 200
    )
