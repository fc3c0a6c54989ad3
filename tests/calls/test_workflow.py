"""A call takes a step only with the work before it finished: 409 listing what is not."""

import pytest

from fundapp.audit import AuditEvent
from fundapp.board.models import RecommendationStatus
from fundapp.calls import services
from fundapp.calls.models import Call, CallStatus
from fundapp.errors import PROBLEM_TYPE
from fundapp.proposals.models import ProposalStatus

from ..factories import BoardSessionFactory, CallFactory, ProposalFactory, RecommendationFactory

API = "/api/v1"


def step(client, auth, call, action):
    return client.post(f"{API}/calls/{call.id}/{action}", headers=auth("staff"))


def audited(db_session, call):
    return [e.action for e in db_session.query(AuditEvent).filter_by(entity="call", entity_id=call.id)]


@pytest.mark.parametrize(
    ("status", "action", "target"),
    [
        (CallStatus.CLOSED, "review", "under_review"),
        (CallStatus.UNDER_REVIEW, "decide", "decided"),
        (CallStatus.DECIDED, "complete", "completed"),
    ],
)
def test_a_call_does_not_move_past_screening_with_proposals_still_submitted(
    client, auth, fund, db_session, status, action, target
):
    call = CallFactory(fund_id=fund.id, status=status)
    waiting = ProposalFactory(call=call, status=ProposalStatus.SUBMITTED, reference="P-WAIT-1")
    ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE)
    ProposalFactory(call=call, status=ProposalStatus.INELIGIBLE)
    ProposalFactory(call=call, status=ProposalStatus.WITHDRAWN)

    response = step(client, auth, call, action)

    assert response.status_code == 409
    assert response.mimetype == PROBLEM_TYPE
    problem = response.get_json()
    assert problem["title"] == "Unfinished prerequisites"
    assert problem["detail"].startswith(
        f"the call cannot move to {target} yet: 1 proposal(s) are not screened"
    )
    assert problem["missing"] == ["1 proposal(s) are not screened (P-WAIT-1): screen or withdraw them"]
    assert problem["blocking"] == [
        {"entity": "proposal", "id": waiting.id, "label": "P-WAIT-1", "state": "submitted"}
    ]
    db_session.expire_all()
    assert db_session.get(Call, call.id).status == status
    assert audited(db_session, call) == []


def test_a_long_list_of_unscreened_proposals_is_cut_in_the_detail_but_whole_in_blocking(client, auth, fund):
    call = CallFactory(fund_id=fund.id, status=CallStatus.CLOSED)
    ProposalFactory.create_batch(12, call=call, status=ProposalStatus.SUBMITTED)
    problem = step(client, auth, call, "review").get_json()
    assert "(and 2 more)" in problem["missing"][0]
    assert len(problem["blocking"]) == 12


def test_a_screened_call_moves_to_review_and_a_cancelled_one_needs_no_screening(client, auth, fund):
    screened = CallFactory(fund_id=fund.id, status=CallStatus.CLOSED)
    ProposalFactory(call=screened, status=ProposalStatus.ELIGIBLE)
    ProposalFactory(call=screened, status=ProposalStatus.WITHDRAWN)
    assert step(client, auth, screened, "review").get_json()["status"] == "under_review"

    abandoned = CallFactory(fund_id=fund.id, status=CallStatus.CLOSED)
    ProposalFactory(call=abandoned, status=ProposalStatus.SUBMITTED)
    assert step(client, auth, abandoned, "cancel").get_json()["status"] == "cancelled"


@pytest.mark.parametrize(
    ("status", "action"), [(CallStatus.DECIDED, "complete"), (CallStatus.UNDER_REVIEW, "cancel")]
)
def test_a_call_does_not_end_while_a_recommendation_awaits_final_approval(
    client, auth, fund, db_session, status, action
):
    call = CallFactory(fund_id=fund.id, status=status)
    board_session = BoardSessionFactory(call=call)
    pending = RecommendationFactory(session=board_session)
    RecommendationFactory(session=board_session, status=RecommendationStatus.APPROVED)

    response = step(client, auth, call, action)

    assert response.status_code == 409
    problem = response.get_json()
    reference = pending.proposal.reference
    assert problem["missing"] == [
        f"1 recommendation(s) await final approval ({pending.id} ({reference})): approve or reject them"
    ]
    assert problem["blocking"] == [
        {"entity": "recommendation", "id": pending.id, "label": reference, "state": "pending_approval"}
    ]
    db_session.expire_all()
    assert db_session.get(Call, call.id).status == status


def test_every_gap_is_listed_at_once(client, auth, fund):
    call = CallFactory(fund_id=fund.id, status=CallStatus.DECIDED)
    ProposalFactory(call=call, status=ProposalStatus.SUBMITTED)
    RecommendationFactory(session=BoardSessionFactory(call=call))
    problem = step(client, auth, call, "complete").get_json()
    assert [entry["entity"] for entry in problem["blocking"]] == ["proposal", "recommendation"]
    assert len(problem["missing"]) == 2


def test_the_domains_above_calls_register_what_a_call_waits_for(app):
    registered = {check.__name__ for check in services.CALL_PREREQUISITES.values()}
    assert registered == {"unscreened_proposals", "pending_approvals"}
