"""The fund manager's final approval, rejection, reserve-list promotion, and the work queue."""

import datetime as dt

import pytest

from fundapp.audit import AuditEvent
from fundapp.board import services
from fundapp.board.models import Approval, Recommendation, RecommendationStatus
from fundapp.calls.models import CallStatus
from fundapp.grants.models import Grant
from fundapp.proposals.models import Proposal, ProposalStatus

from ..conftest import beyond_auth
from ..factories import (
    GrantFactory,
    ProposalFactory,
    RecommendationFactory,
    ReserveRecommendationFactory,
    fund_receives,
)


def approve(client, headers, rec, **body):
    return client.post(
        f"/api/v1/board/recommendations/{rec.id}/approval",
        json={"decision": "approved", **body},
        headers=headers,
    )


def promote(client, headers, rec, amount="40000.00", **body):
    return client.post(
        f"/api/v1/board/recommendations/{rec.id}/promotion", json={"amount": amount, **body}, headers=headers
    )


@pytest.fixture
def pending(board_session):
    """A fund recommendation of 50,000 USD awaiting approval, for a proposal in Thailand and Nigeria."""
    proposal = ProposalFactory(
        call=board_session.call,
        status=ProposalStatus.RECOMMENDED,
        countries=["TH", "NG"],
        requested_minor=60_000_00,
        duration_months=18,
    )
    return RecommendationFactory(session=board_session, proposal=proposal, amount_minor=50_000_00)


@pytest.fixture
def on_reserve(board_session):
    return ReserveRecommendationFactory(session=board_session)


def test_approval_makes_a_grant_and_commits_the_money(client, auth, fund, pending, db_session):
    fund_receives(fund.id, 80_000_00)
    response = approve(client, auth("approver"), pending, reason="Within the fund's priorities.")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()

    today = services.today()
    starts_on = dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    ends_month = starts_on.month - 1 + 18
    ends_on = dt.date(starts_on.year + ends_month // 12, ends_month % 12 + 1, 1) - dt.timedelta(days=1)
    grant = body["grant"]
    assert grant["agreement_number"] == f"UNVTF/{today.year}/001"
    assert grant["amount"] == "50000.00"
    assert grant["approved_on"] == today.isoformat()
    assert (grant["starts_on"], grant["ends_on"]) == (starts_on.isoformat(), ends_on.isoformat())
    assert grant["country_code"] == "NG"  # the first country facet (facets are kept in code order)
    assert grant["proposal_id"] == pending.proposal_id
    assert grant["organisation_id"] == pending.proposal.organisation_id
    assert grant["call_id"] == pending.session.call_id
    assert grant["status"] == "active"
    assert body["recommendation"]["status"] == "approved"
    assert body["proposal_status"] == "approved"
    approval = body["approval"]
    assert approval["decision"] == "approved"
    assert approval["amount"] == "50000.00"
    assert approval["reason"] == "Within the fund's priorities."
    assert approval["approver_name"].startswith("User ")
    assert grant["approval_id"] == approval["id"]

    db_session.expire_all()
    assert db_session.get(Grant, grant["id"]).amount_minor == 50_000_00
    assert db_session.get(Approval, approval["id"]).approver_id is not None
    assert db_session.get(Recommendation, pending.id).status == RecommendationStatus.APPROVED
    assert db_session.get(Proposal, pending.proposal_id).status == ProposalStatus.APPROVED
    actions = sorted(e.action for e in db_session.query(AuditEvent))
    assert actions == ["grant.create", "proposal.approve", "recommendation.approve"] + ["token.issue"] * 5


def test_agreement_numbers_follow_the_years_sequence_and_dates_may_be_given(client, auth, fund, pending):
    fund_receives(fund.id, 80_000_00)
    year = services.today().year
    GrantFactory(fund_id=fund.id, agreement_number=f"UNVTF/{year}/013", amount_minor=10_000_00)
    GrantFactory(fund_id=fund.id, agreement_number=f"UNVTF/{year - 1}/020", amount_minor=10_000_00)
    response = approve(client, auth("admin"), pending, starts_on="2027-03-15", ends_on="2028-03-14")
    assert response.status_code == 201, response.get_json()
    grant = response.get_json()["grant"]
    assert grant["agreement_number"] == f"UNVTF/{year}/014"
    assert (grant["starts_on"], grant["ends_on"]) == ("2027-03-15", "2028-03-14")


def test_an_approval_beyond_the_money_received_is_a_409_with_the_shortfall_and_writes_nothing(
    client, auth, fund, pending, db_session
):
    fund_receives(fund.id, 60_000_00)
    GrantFactory(fund_id=fund.id, amount_minor=30_000_00)
    response = approve(client, auth("approver"), pending)
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["title"] == "Insufficient funds"
    assert problem["shortfall"] == "20000.00"
    assert problem["currency"] == "USD"
    db_session.expire_all()
    assert db_session.query(Approval).count() == 0
    assert db_session.query(Grant).count() == 1
    assert db_session.get(Recommendation, pending.id).status == RecommendationStatus.PENDING_APPROVAL


def test_an_approval_needs_money_for_the_grant_and_its_programme_support_costs(
    client, auth, fund, pending, db_session
):
    fund.programme_support_bp = 1300  # 13 per cent
    db_session.flush()
    fund_receives(fund.id, 56_000_00)  # 50,000.00 + 6,500.00 of support costs do not fit
    response = approve(client, auth("approver"), pending)
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["shortfall"] == "500.00"
    assert "56000.00 USD available for new grants" in problem["detail"]
    assert "this needs 56500.00 USD (6500.00 USD of it programme support costs)" in problem["detail"]
    assert db_session.query(Grant).count() == 0

    fund_receives(fund.id, 500_00)
    assert approve(client, auth("approver"), pending).status_code == 201
    position = client.get(f"/api/v1/funds/{fund.id}/position", headers=auth("staff")).get_json()
    assert (position["committed"], position["programme_support_costs"], position["available"]) == (
        "50000.00",
        "6500.00",
        "0.00",
    )


def test_rejection_keeps_the_reason_and_makes_no_grant(client, auth, fund, pending, db_session):
    response = client.post(
        f"/api/v1/board/recommendations/{pending.id}/approval",
        json={"decision": "rejected", "reason": "The organisation's registration has lapsed."},
        headers=auth("approver"),
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["grant"] is None
    assert body["approval"]["decision"] == "rejected"
    assert body["approval"]["amount"] is None
    assert body["approval"]["reason"] == "The organisation's registration has lapsed."
    assert body["recommendation"]["status"] == "rejected"
    assert body["proposal_status"] == "rejected"
    db_session.expire_all()
    assert db_session.query(Grant).count() == 0
    assert db_session.get(Proposal, pending.proposal_id).status == ProposalStatus.REJECTED
    actions = sorted(e.action for e in db_session.query(AuditEvent).filter(AuditEvent.entity != "api_token"))
    assert actions == ["proposal.reject", "recommendation.reject"]


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        ({"decision": "rejected"}, "reason", "needs a reason"),
        ({"decision": "rejected", "reason": "  "}, "reason", "needs a reason"),
        (
            {"decision": "rejected", "reason": "No.", "starts_on": "2027-01-01"},
            "starts_on",
            "only an approval",
        ),
        (
            {"decision": "approved", "starts_on": "2027-01-01", "ends_on": "2026-12-31"},
            "ends_on",
            "must not be before",
        ),
        ({"decision": "approved", "ends_on": "2000-01-01"}, "ends_on", "must not be before the grant starts"),
        ({"decision": "maybe"}, "decision", "Must be one of"),
        ({"decision": "approved", "amount": "1.00"}, "amount", "Unknown field"),
    ],
)
def test_bad_decisions_are_a_422_naming_the_field(
    client, auth, fund, pending, db_session, body, field, reason
):
    fund_receives(fund.id, 80_000_00)
    response = client.post(
        f"/api/v1/board/recommendations/{pending.id}/approval", json=body, headers=auth("approver")
    )
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert any(e["field"] == field and reason in e["reason"] for e in errors), errors
    assert db_session.query(Approval).count() == 0


@pytest.mark.parametrize(
    "status", [RecommendationStatus.APPROVED, RecommendationStatus.ON_RESERVE, RecommendationStatus.DECLINED]
)
def test_only_a_pending_recommendation_can_be_decided_and_the_409_names_the_states(
    client, auth, fund, board_session, status
):
    fund_receives(fund.id, 80_000_00)
    rec = RecommendationFactory(session=board_session, status=status)
    for body in ({"decision": "approved"}, {"decision": "rejected", "reason": "No."}):
        response = client.post(
            f"/api/v1/board/recommendations/{rec.id}/approval", json=body, headers=auth("approver")
        )
        assert response.status_code == 409
        assert response.get_json()["current_state"] == str(status)
        assert response.get_json()["allowed_states"] == ["pending_approval"]


def test_approving_twice_is_a_409_and_makes_one_grant(client, auth, fund, pending, db_session):
    fund_receives(fund.id, 200_000_00)
    assert approve(client, auth("approver"), pending).status_code == 201
    response = approve(client, auth("approver"), pending)
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "approved"
    assert db_session.query(Grant).count() == 1


def test_unknown_recommendation_is_a_404(client, auth):
    response = client.post(
        "/api/v1/board/recommendations/999999/approval",
        json={"decision": "approved"},
        headers=auth("approver"),
    )
    assert response.status_code == 404


def test_an_idempotent_approval_replays_the_first_answer_and_makes_one_grant(
    client, auth, fund, pending, db_session
):
    fund_receives(fund.id, 80_000_00)
    headers = auth("approver", **{"Idempotency-Key": "approve-pending-1"})
    first = approve(client, headers, pending)
    assert first.status_code == 201, first.get_json()
    again = approve(client, headers, pending)
    assert again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert db_session.query(Grant).count() == 1
    other_body = approve(client, headers, pending, reason="A different request")
    assert other_body.status_code == 422
    assert other_body.get_json()["title"] == "Idempotency key reused"
    assert db_session.query(Grant).count() == 1
    assert db_session.query(Approval).count() == 1


def test_a_failed_approval_does_not_keep_its_idempotency_key(client, auth, fund, pending, db_session):
    headers = auth("approver", **{"Idempotency-Key": "approve-when-funded"})
    assert approve(client, headers, pending).status_code == 409  # no money yet
    fund_receives(fund.id, 80_000_00)
    response = approve(client, headers, pending)
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response.headers


# --- promotion ------------------------------------------------------------------------


def test_a_reserve_list_proposal_is_promoted_to_a_grant(client, auth, fund, on_reserve, db_session):
    fund_receives(fund.id, 80_000_00)
    response = promote(client, auth("approver"), on_reserve, reason="New funds were released.")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["recommendation"]["status"] == "promoted"
    assert body["proposal_status"] == "approved"
    assert body["approval"]["amount"] == "40000.00"
    assert body["approval"]["reason"] == "New funds were released."
    assert body["grant"]["amount"] == "40000.00"
    db_session.expire_all()
    assert db_session.get(Proposal, on_reserve.proposal_id).status == ProposalStatus.APPROVED
    actions = sorted(e.action for e in db_session.query(AuditEvent).filter(AuditEvent.entity != "api_token"))
    assert actions == ["grant.create", "proposal.approve", "recommendation.promote"]


def test_promotion_after_the_reserve_list_expired_is_a_409_naming_the_date(
    client, auth, fund, board_session, db_session
):
    fund_receives(fund.id, 80_000_00)
    rec = ReserveRecommendationFactory(session=board_session, reserve_expires_on=dt.date(2016, 12, 31))
    response = promote(client, auth("approver"), rec)
    assert response.status_code == 409
    assert "expired on 2016-12-31" in response.get_json()["detail"]
    assert response.get_json()["reserve_expires_on"] == "2016-12-31"
    assert db_session.query(Grant).count() == 0


def test_promotion_on_the_last_day_of_the_reserve_list_is_allowed(client, auth, fund, board_session):
    fund_receives(fund.id, 80_000_00)
    rec = ReserveRecommendationFactory(session=board_session, reserve_expires_on=services.today())
    assert promote(client, auth("approver"), rec).status_code == 201


def test_promotion_beyond_the_money_received_is_a_409_with_the_shortfall(
    client, auth, fund, on_reserve, db_session
):
    fund_receives(fund.id, 10_000_00)
    response = promote(client, auth("approver"), on_reserve, amount="40000.00")
    assert response.status_code == 409
    assert response.get_json()["shortfall"] == "30000.00"
    db_session.expire_all()
    assert db_session.get(Recommendation, on_reserve.id).status == RecommendationStatus.ON_RESERVE


def test_promotion_above_the_requested_amount_is_a_422(client, auth, fund, on_reserve):
    fund_receives(fund.id, 80_000_00)
    response = promote(client, auth("approver"), on_reserve, amount="50000.01")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "amount"


def test_only_a_reserve_list_recommendation_can_be_promoted(client, auth, fund, pending):
    fund_receives(fund.id, 80_000_00)
    response = promote(client, auth("approver"), pending)
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "pending_approval"
    assert response.get_json()["allowed_states"] == ["on_reserve"]


# --- roles ----------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), [("board", 403), ("staff", 403), ("donor", 403), ("admin", 201)])
def test_only_the_approver_and_admin_decide_and_promote(
    client, auth, fund, pending, on_reserve, role, status
):
    fund_receives(fund.id, 200_000_00)
    assert approve(client, auth(role), pending).status_code == status
    assert promote(client, auth(role), on_reserve).status_code == status


# --- the work queue -------------------------------------------------------------------


def test_recommendation_list_filters_the_approvers_queue(client, auth, board_session, pending, on_reserve):
    RecommendationFactory(session=board_session, status=RecommendationStatus.APPROVED)
    RecommendationFactory()  # another call's session
    url = f"/api/v1/board/recommendations?status=pending_approval&call_id={board_session.call_id}"
    body = client.get(url, headers=auth("approver")).get_json()
    assert [r["id"] for r in body["items"]] == [pending.id]
    item = body["items"][0]
    assert item["proposal"]["reference"] == pending.proposal.reference
    assert item["proposal"]["organisation_name"] == pending.proposal.organisation.name
    assert item["proposal"]["requested"] == "60000.00"
    assert item["session_id"] == board_session.id
    assert item["call_id"] == board_session.call_id
    assert item["approvals"] == []
    reserve = client.get(
        f"/api/v1/board/recommendations?decision=reserve&session_id={board_session.id}", headers=auth("board")
    )
    assert [r["id"] for r in reserve.get_json()["items"]] == [on_reserve.id]
    assert client.get("/api/v1/board/recommendations", headers=auth("donor")).status_code == 403


def test_a_recommendation_reads_with_its_approvals(client, auth, fund, pending):
    fund_receives(fund.id, 80_000_00)
    approve(client, auth("approver"), pending)
    body = client.get(f"/api/v1/board/recommendations/{pending.id}", headers=auth("staff")).get_json()
    assert body["status"] == "approved"
    assert [a["decision"] for a in body["approvals"]] == ["approved"]
    assert client.get("/api/v1/board/recommendations/999999", headers=auth("staff")).status_code == 404


def test_recommendation_list_makes_the_same_number_of_queries_for_5_and_50_rows(
    client, auth, board_session, query_counter
):
    def count(n):
        RecommendationFactory.create_batch(n, session=board_session, amount_minor=10_00)
        with query_counter() as statements:
            response = client.get(
                "/api/v1/board/recommendations?page_size=100&sort=-rank", headers=auth("approver")
            )
            assert response.status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 3  # count + page (with proposal, organisation, session) + approvals


@pytest.mark.parametrize("call_status", [CallStatus.COMPLETED, CallStatus.CANCELLED])
def test_a_recommendation_of_a_completed_or_cancelled_call_is_not_approved(
    client, auth, fund, pending, db_session, call_status
):
    fund_receives(fund.id, 80_000_00)
    pending.session.call.status = call_status
    db_session.flush()
    response = approve(client, auth("approver"), pending)
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == str(call_status)
    assert problem["allowed_states"] == ["decided", "under_review"]
    db_session.expire_all()
    assert db_session.query(Grant).count() == 0
    assert db_session.get(Recommendation, pending.id).status == RecommendationStatus.PENDING_APPROVAL


def test_a_recommendation_of_a_decided_call_is_still_approved(client, auth, fund, pending, db_session):
    fund_receives(fund.id, 80_000_00)
    pending.session.call.status = CallStatus.DECIDED
    db_session.flush()
    assert approve(client, auth("approver"), pending).status_code == 201


def test_a_grant_period_already_over_at_approval_is_refused_naming_ends_on(
    client, auth, fund, pending, db_session
):
    fund_receives(fund.id, 80_000_00)
    yesterday = services.today() - dt.timedelta(days=1)
    response = approve(
        client, auth("approver"), pending, starts_on="2025-01-01", ends_on=yesterday.isoformat()
    )
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "ends_on"
    assert "the period would already be over" in error["reason"]
    assert db_session.query(Grant).count() == 0


def test_a_grant_may_start_before_its_approval_and_end_on_the_day_of_it(client, auth, fund, pending):
    fund_receives(fund.id, 80_000_00)
    today = services.today()
    response = approve(client, auth("approver"), pending, starts_on="2025-01-01", ends_on=today.isoformat())
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["grant"]["ends_on"] == today.isoformat()


def test_a_promotion_with_a_period_already_over_is_refused_naming_ends_on(client, auth, fund, on_reserve):
    fund_receives(fund.id, 80_000_00)
    response = promote(client, auth("approver"), on_reserve, starts_on="2025-01-01", ends_on="2025-06-30")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "ends_on"
