import pytest

from fundapp.audit import AuditEvent
from fundapp.calls.models import CallStatus
from fundapp.funds.models import DEFAULT_CRITERIA
from fundapp.proposals.models import EligibilityCheck, Proposal, ProposalStatus

from ..conftest import beyond_auth
from ..factories import CallFactory, EligibilityCheckFactory, FacetedProposalFactory

URL = "/api/v1/proposals"
CRITERIA = ["registered_non_profit", "direct_assistance_to_victims", "complete_application"]


@pytest.fixture
def call(fund):
    return CallFactory(fund_id=fund.id, status=CallStatus.CLOSED, eligibility_criteria=CRITERIA)


def all_passed(criteria=CRITERIA):
    return [{"criterion": c, "passed": True, "note": None} for c in criteria]


def screen(client, auth, proposal, checks, role="staff"):
    return client.post(f"{URL}/{proposal.id}/screening", json={"checks": checks}, headers=auth(role))


def nothing_screened(db_session, proposal):
    db_session.expire_all()
    return (
        db_session.query(EligibilityCheck).count() == 0
        and db_session.get(Proposal, proposal.id).status == ProposalStatus.SUBMITTED
        and db_session.query(AuditEvent).filter_by(action="proposal.screen").count() == 0
    )


@pytest.mark.parametrize("call_status", [CallStatus.CLOSED, CallStatus.UNDER_REVIEW])
def test_a_proposal_passing_every_criterion_becomes_eligible(client, auth, db_session, call, call_status):
    call.status = call_status
    proposal = FacetedProposalFactory(call=call)
    response = screen(client, auth, proposal, all_passed())
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "eligible"
    assert [c["criterion"] for c in body["eligibility_checks"]] == CRITERIA
    assert all(c["passed"] for c in body["eligibility_checks"])
    rows = db_session.query(EligibilityCheck).filter_by(proposal_id=proposal.id).all()
    assert len(rows) == 3
    event = db_session.query(AuditEvent).filter_by(action="proposal.screen").one()
    assert event.actor_role == "staff"
    assert event.after == {"status": "eligible", "failed": {}}
    assert {r.checked_by_id for r in rows} == {event.actor_id}
    assert all(r.checked_at is not None for r in rows)


def test_a_failed_criterion_makes_the_proposal_ineligible_and_keeps_the_reason(
    client, auth, db_session, call
):
    proposal = FacetedProposalFactory(call=call)
    checks = all_passed()
    checks[1] = {
        "criterion": "direct_assistance_to_victims",
        "passed": False,
        "note": "Awareness raising only; no direct assistance.",
    }
    response = screen(client, auth, proposal, checks)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "ineligible"
    failed = db_session.query(EligibilityCheck).filter_by(proposal_id=proposal.id, passed=False).one()
    assert failed.criterion == "direct_assistance_to_victims"
    assert failed.note == "Awareness raising only; no direct assistance."
    event = db_session.query(AuditEvent).filter_by(action="proposal.screen").one()
    assert event.after == {
        "status": "ineligible",
        "failed": {"direct_assistance_to_victims": "Awareness raising only; no direct assistance."},
    }


def test_a_screened_proposal_shows_its_checks_when_read(client, auth, call):
    proposal = FacetedProposalFactory(call=call)
    screen(client, auth, proposal, all_passed())
    body = client.get(f"{URL}/{proposal.id}", headers=auth("approver")).get_json()
    assert [c["criterion"] for c in body["eligibility_checks"]] == CRITERIA


@pytest.mark.parametrize("note", [None, "", "   "])
def test_a_failed_criterion_without_a_note_is_a_422_naming_it(client, auth, db_session, call, note):
    proposal = FacetedProposalFactory(call=call)
    checks = all_passed()
    checks[2] = {"criterion": "complete_application", "passed": False, "note": note}
    response = screen(client, auth, proposal, checks)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert {
        "field": "checks.2.note",
        "location": "json",
        "reason": "a failed criterion needs a note saying why",
    } in (errors)
    assert nothing_screened(db_session, proposal)


def test_a_missing_criterion_is_a_422_naming_it(client, auth, db_session, call):
    proposal = FacetedProposalFactory(call=call)
    response = screen(client, auth, proposal, all_passed(CRITERIA[:2]))
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["errors"] == [{"field": "checks", "reason": "criterion 'complete_application' is missing"}]
    assert "complete_application" in problem["detail"]
    assert nothing_screened(db_session, proposal)


def test_an_unknown_criterion_is_a_422_naming_it(client, auth, db_session, call):
    proposal = FacetedProposalFactory(call=call)
    checks = [*all_passed(), {"criterion": "has_a_website", "passed": True}]
    response = screen(client, auth, proposal, checks)
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "checks.3.criterion"
    assert "'has_a_website' is not an eligibility criterion of this call" in error["reason"]
    assert nothing_screened(db_session, proposal)


def test_a_repeated_criterion_is_a_422_naming_it(client, auth, db_session, call):
    proposal = FacetedProposalFactory(call=call)
    checks = [*all_passed(), {"criterion": "registered_non_profit", "passed": False, "note": "Changed mind"}]
    response = screen(client, auth, proposal, checks)
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"field": "checks.3.criterion", "reason": "'registered_non_profit' is given more than once"}
    ]
    assert nothing_screened(db_session, proposal)


def test_a_call_using_the_default_criteria_needs_every_one_of_them(client, auth, db_session, fund):
    call = CallFactory(fund_id=fund.id, status=CallStatus.CLOSED)
    proposal = FacetedProposalFactory(call=call)
    assert screen(client, auth, proposal, all_passed()).status_code == 422
    response = screen(client, auth, proposal, all_passed(DEFAULT_CRITERIA))
    assert response.status_code == 200
    assert db_session.query(EligibilityCheck).count() == len(DEFAULT_CRITERIA)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"checks": []},
        {"checks": [{"criterion": "complete_application", "passed": "yes"}]},
        {"checks": [{"criterion": "complete_application"}]},
        {"checks": [{"criterion": "Complete Application", "passed": True}]},
        {"checks": [{"criterion": "complete_application", "passed": True, "score": 3}]},
    ],
)
def test_malformed_screening_is_a_422_naming_the_field(client, auth, db_session, call, body):
    proposal = FacetedProposalFactory(call=call)
    response = client.post(f"{URL}/{proposal.id}/screening", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert all(e["field"].startswith("checks") for e in response.get_json()["errors"])
    assert nothing_screened(db_session, proposal)


@pytest.mark.parametrize(
    "status", [ProposalStatus.ELIGIBLE, ProposalStatus.INELIGIBLE, ProposalStatus.WITHDRAWN]
)
def test_only_a_submitted_proposal_is_screened(client, auth, db_session, call, status):
    proposal = FacetedProposalFactory(call=call, status=status)
    response = screen(client, auth, proposal, all_passed())
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == str(status)
    assert problem["allowed_states"] == ["submitted"]
    assert db_session.query(EligibilityCheck).count() == 0


@pytest.mark.parametrize("call_status", [CallStatus.DRAFT, CallStatus.OPEN, CallStatus.DECIDED])
def test_screening_waits_until_the_call_is_closed_or_under_review(
    client, auth, db_session, call, call_status
):
    call.status = call_status
    proposal = FacetedProposalFactory(call=call)
    response = screen(client, auth, proposal, all_passed())
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == str(call_status)
    assert problem["allowed_states"] == ["closed", "under_review"]
    assert "call" in problem["detail"]
    assert nothing_screened(db_session, proposal)


def test_screening_an_unknown_proposal_is_a_404(client, auth):
    response = client.post(f"{URL}/999999/screening", json={"checks": all_passed()}, headers=auth("staff"))
    assert response.status_code == 404


# -- the summary ---------------------------------------------------------------------------


def test_eligibility_summary_counts_received_screened_and_failures_per_criterion(client, auth, fund, call):
    notes = {c: f"fails {c}" for c in CRITERIA}
    outcomes = [
        {},  # eligible
        {},  # eligible
        {"complete_application": False},
        {"registered_non_profit": False, "complete_application": False},
        None,  # not screened yet
    ]
    for outcome in outcomes:
        proposal = FacetedProposalFactory(call=call)
        if outcome is not None:
            checks = [
                {"criterion": c, "passed": outcome.get(c, True), "note": notes[c] if c in outcome else None}
                for c in CRITERIA
            ]
            assert screen(client, auth, proposal, checks).status_code == 200
    withdrawn_after_screening = FacetedProposalFactory(call=call)
    assert screen(client, auth, withdrawn_after_screening, all_passed()).status_code == 200
    withdraw = client.post(
        f"{URL}/{withdrawn_after_screening.id}/withdraw",
        json={"reason": "Funded elsewhere"},
        headers=auth("staff"),
    )
    assert withdraw.status_code == 200
    other_call = CallFactory(fund_id=fund.id, status=CallStatus.CLOSED, eligibility_criteria=CRITERIA)
    elsewhere = FacetedProposalFactory(call=other_call)
    assert (
        screen(
            client, auth, elsewhere, [{**c, "passed": False, "note": "no"} for c in all_passed()]
        ).status_code
        == 200
    )

    response = client.get(f"{URL}/eligibility-summary?call_id={call.id}", headers=auth("board"))
    assert response.status_code == 200
    assert response.get_json() == {
        "call_id": call.id,
        "received": 6,
        "screened": 5,
        "eligible": 3,
        "ineligible": 2,
        "criteria": [
            {"criterion": "registered_non_profit", "failed": 1},
            {"criterion": "direct_assistance_to_victims", "failed": 0},
            {"criterion": "complete_application", "failed": 2},
        ],
    }


def test_eligibility_summary_of_a_call_without_proposals_is_all_zero(client, auth, call):
    body = client.get(f"{URL}/eligibility-summary?call_id={call.id}", headers=auth("staff")).get_json()
    assert (body["received"], body["screened"], body["eligible"], body["ineligible"]) == (0, 0, 0, 0)
    assert [c["failed"] for c in body["criteria"]] == [0, 0, 0]


def test_eligibility_summary_runs_two_aggregates_whatever_the_number_of_proposals(
    client, auth, call, query_counter
):
    def count(n):
        for _ in range(n):
            proposal = FacetedProposalFactory(call=call, status=ProposalStatus.INELIGIBLE)
            EligibilityCheckFactory(
                proposal=proposal, criterion="complete_application", passed=False, note="x"
            )
        with query_counter() as statements:
            response = client.get(f"{URL}/eligibility-summary?call_id={call.id}", headers=auth("staff"))
            assert response.status_code == 200
        return len(beyond_auth(statements)), response.get_json()["ineligible"]

    assert count(5) == (3, 5)  # the call, the totals, the failures per criterion
    assert count(45) == (3, 50)


def test_eligibility_summary_needs_a_known_call(client, auth):
    response = client.get(f"{URL}/eligibility-summary", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "call_id"
    assert client.get(f"{URL}/eligibility-summary?call_id=999999", headers=auth("staff")).status_code == 404
