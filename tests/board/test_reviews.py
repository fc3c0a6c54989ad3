"""The Board's review: each member scores the eligible proposals before the session, or recuses.

/board/review-criteria (staff define what is scored), /board/sessions/{id}/reviews and
/board/reviews/{id} (members record, amend and read them, as the privacy rules allow).
"""

import datetime as dt
import html
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.calls.models import CallStatus
from fundapp.proposals.models import ProposalStatus

from ..conftest import beyond_auth
from ..factories import (
    BoardMemberFactory,
    BoardSessionFactory,
    BoardTermFactory,
    GrantFactory,
    ProposalFactory,
    ReviewCriterionFactory,
    ReviewFactory,
    UserFactory,
)
from ..reports.pdftext import text

API = "/api/v1/board"


@dataclass
class Board:
    """A session of a call under review, its term's three members with their logins, two criteria
    and three eligible proposals."""

    session: object
    term: object
    members: list = field(default_factory=list)
    headers: list = field(default_factory=list)
    criteria: list = field(default_factory=list)
    proposals: list = field(default_factory=list)


def login(db_session, email: str, role: Role = Role.BOARD) -> dict[str, str]:
    user = UserFactory(role=role, email=email)
    plain, _ = issue_token(db_session, None, user, name="test")
    db_session.flush()
    return {"Authorization": f"Bearer {plain}"}


@pytest.fixture
def board(db_session, fund, review_call):
    term = BoardTermFactory(fund_id=fund.id, starts_on=dt.date(2014, 1, 1), ends_on=dt.date(2016, 12, 31))
    session = BoardSessionFactory(call=review_call, term_id=term.id, held_on=dt.date(2015, 3, 10))
    out = Board(session=session, term=term)
    for name in ("Benita Ferrero-Waldner", "Saisuree Chutikul", "Joy Ngozi Ezeilo"):
        email = name.split()[0].lower() + "@trustees.example"
        out.members.append(BoardMemberFactory(term=term, name=name, email=email.title()))
        out.headers.append(login(db_session, email))
    out.criteria = [
        ReviewCriterionFactory(fund_id=fund.id, name_en="Relevance", name_fr="Pertinence", weight=2),
        ReviewCriterionFactory(fund_id=fund.id, name_en="Capacity", name_fr="Capacités", weight=1),
    ]
    out.proposals = [
        ProposalFactory(call=review_call, status=ProposalStatus.ELIGIBLE, reference=f"UNVTF-2014-{n:03d}")
        for n in (1, 2, 3)
    ]
    return out


def review_body(board, proposal, relevance=4, capacity=5, decision="fund", **extra):
    return {
        "proposal_id": proposal.id,
        "scores": [
            {"criterion_id": board.criteria[0].id, "score": relevance},
            {"criterion_id": board.criteria[1].id, "score": capacity},
        ],
        "recommendation": decision,
        "comment": "Experienced shelter with legal aid.",
        **extra,
    }


def post_review(client, board, member, body):
    return client.post(f"{API}/sessions/{board.session.id}/reviews", json=body, headers=board.headers[member])


def conflict_body(proposal):
    return {"proposal_id": proposal.id, "conflict_of_interest": True, "comment": "Sits on its board."}


def listed(client, board, headers, **query):
    response = client.get(f"{API}/sessions/{board.session.id}/reviews", query_string=query, headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


# --- criteria ----------------------------------------------------------------------------


def test_staff_define_a_criterion_then_amend_it_with_if_match_and_each_change_is_audited(
    client, auth, fund, db_session
):
    body = {"fund_id": fund.id, "name_en": "Relevance", "name_fr": "Pertinence", "scale_max": 5, "weight": 2}
    created = client.post(f"{API}/review-criteria", json=body, headers=auth("staff"))
    assert created.status_code == 201, created.get_json()
    criterion = created.get_json()
    assert (criterion["scale_min"], criterion["scale_max"], criterion["weight"], criterion["active"]) == (
        1,
        5,
        2,
        True,
    )
    url = f"{API}/review-criteria/{criterion['id']}"
    assert client.patch(url, json={"weight": 3}, headers=auth("staff")).status_code == 428
    stale = client.patch(url, json={"weight": 3}, headers=auth("staff", **{"If-Match": '"0"'}))
    assert stale.status_code == 412
    amended = client.patch(
        url, json={"weight": 3}, headers=auth("staff", **{"If-Match": created.headers["ETag"]})
    )
    assert amended.status_code == 200
    assert (amended.get_json()["weight"], amended.get_json()["scale_max"]) == (3, 5)
    events = db_session.scalars(
        select(AuditEvent).where(AuditEvent.entity == "review_criterion").order_by(AuditEvent.id)
    ).all()
    assert [e.action for e in events] == ["review_criterion.create", "review_criterion.update"]
    assert (events[1].before["weight"], events[1].after["weight"]) == (2, 3)
    assert (
        client.get(f"{API}/review-criteria?fund_id={fund.id}", headers=auth("board")).get_json()["total"] == 1
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"scale_min": 5, "scale_max": 5}, "scale_max"),
        ({"scale_max": 101}, "scale_max"),
        ({"weight": 0}, "weight"),
        ({"name_fr": " "}, "name_fr"),
        ({"fund_id": 999_999}, None),
    ],
)
def test_a_criterion_the_fund_cannot_use_is_a_422_naming_the_field(client, auth, fund, change, field):
    body = {"fund_id": fund.id, "name_en": "Relevance", "name_fr": "Pertinence", **change}
    response = client.post(f"{API}/review-criteria", json=body, headers=auth("staff"))
    if field is None:
        assert response.status_code == 404
        return
    assert response.status_code == 422
    assert field in {e["field"] for e in response.get_json()["errors"]}


def test_a_second_criterion_of_the_same_name_is_a_409_and_a_scored_criterions_scale_is_fixed(
    client, auth, fund, board
):
    body = {"fund_id": fund.id, "name_en": "Relevance", "name_fr": "Autre"}
    duplicate = client.post(f"{API}/review-criteria", json=body, headers=auth("staff"))
    assert duplicate.status_code == 409
    assert duplicate.get_json()["existing_id"] == board.criteria[0].id
    assert post_review(client, board, 0, review_body(board, board.proposals[0])).status_code == 201
    url = f"{API}/review-criteria/{board.criteria[0].id}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    rescaled = client.patch(url, json={"scale_max": 10}, headers=auth("staff", **{"If-Match": etag}))
    assert rescaled.status_code == 409
    assert rescaled.get_json()["scores"] == 1
    renamed = client.patch(
        url, json={"name_en": "Relevance to the mandate"}, headers=auth("staff", **{"If-Match": etag})
    )
    assert renamed.status_code == 200


# --- the whole path ------------------------------------------------------------------------


def test_members_review_one_recuses_and_the_slate_records_the_recusal(client, auth, board, db_session):
    first, second, third = board.proposals
    recorded = post_review(client, board, 0, review_body(board, first, 4, 5))
    assert recorded.status_code == 201, recorded.get_json()
    review = recorded.get_json()
    assert review["member_id"] == board.members[0].id
    assert review["member_name"] == "Benita Ferrero-Waldner"
    assert review["scores"] == [
        {"criterion_id": board.criteria[0].id, "score": 4},
        {"criterion_id": board.criteria[1].id, "score": 5},
    ]
    assert post_review(client, board, 1, review_body(board, first, 3, 4, "reserve")).status_code == 201
    recusal = post_review(client, board, 2, conflict_body(first))
    assert recusal.status_code == 201
    assert (recusal.get_json()["conflict_of_interest"], recusal.get_json()["scores"]) == (True, [])
    assert post_review(client, board, 0, review_body(board, second, 2, 3, "decline")).status_code == 201

    slate = {
        "recommendations": [
            {"proposal_id": first.id, "decision": "fund", "amount": "45000.00", "rationale": "Strong."},
            {"proposal_id": second.id, "decision": "decline", "rationale": "Awareness only."},
        ]
    }
    held = client.post(
        f"{API}/sessions/{board.session.id}/recommendations", json=slate, headers=auth("board")
    )
    assert held.status_code == 201, held.get_json()
    assert held.get_json()["recusals"] == [
        {"proposal_id": first.id, "member_id": board.members[2].id, "member_name": "Joy Ngozi Ezeilo"}
    ]
    events = {
        e.after["proposal_id"]: e.after["recused_member_ids"]
        for e in db_session.scalars(select(AuditEvent).where(AuditEvent.action == "recommendation.record"))
    }
    assert events == {first.id: [board.members[2].id], second.id: []}
    assert (
        client.get(f"{API}/sessions/{board.session.id}", headers=auth("approver")).get_json()["recusals"]
        == (held.get_json()["recusals"])
    )
    recorded_events = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == "board_review.record").order_by(AuditEvent.id)
    ).all()
    assert len(recorded_events) == 4
    assert recorded_events[0].after["scores"] == {str(board.criteria[0].id): 4, str(board.criteria[1].id): 5}

    # the session is held: the reviews are closed
    late = post_review(client, board, 1, review_body(board, third))
    assert late.status_code == 409
    assert late.get_json()["current_state"] == "held"


def test_a_member_amends_their_review_with_if_match_and_may_recuse_late_but_never_take_a_recusal_back(
    client, board, db_session
):
    first = board.proposals[0]
    created = post_review(client, board, 0, review_body(board, first, 4, 5))
    url = f"{API}/reviews/{created.get_json()['id']}"
    content = {k: v for k, v in review_body(board, first, 2, 2, "decline").items() if k != "proposal_id"}
    assert client.put(url, json=content, headers=board.headers[0]).status_code == 428
    amended = client.put(url, json=content, headers={**board.headers[0], "If-Match": created.headers["ETag"]})
    assert amended.status_code == 200, amended.get_json()
    assert [s["score"] for s in amended.get_json()["scores"]] == [2, 2]
    assert amended.get_json()["recommendation"] == "decline"
    rescored = client.put(
        url,
        json={**content, "scores": [{**content["scores"][0], "score": 3}, content["scores"][1]]},
        headers={**board.headers[0], "If-Match": amended.headers["ETag"]},
    )
    assert rescored.status_code == 200
    assert rescored.headers["ETag"] != amended.headers["ETag"]  # only a score changed: a new version
    amended = rescored
    recused = client.put(
        url,
        json={"conflict_of_interest": True},
        headers={**board.headers[0], "If-Match": amended.headers["ETag"]},
    )
    assert recused.status_code == 200
    assert (recused.get_json()["scores"], recused.get_json()["recommendation"]) == ([], None)
    back = client.put(url, json=content, headers={**board.headers[0], "If-Match": recused.headers["ETag"]})
    assert back.status_code == 409
    again = post_review(client, board, 0, review_body(board, first))
    assert (again.status_code, again.get_json()["existing_id"]) == (409, created.get_json()["id"])
    other = client.put(url, json=content, headers={**board.headers[1], "If-Match": recused.headers["ETag"]})
    assert other.status_code == 404  # not theirs, and they have not reviewed the proposal
    actions = db_session.scalars(
        select(AuditEvent.action).where(AuditEvent.entity == "board_review").order_by(AuditEvent.id)
    ).all()
    assert actions == ["board_review.record", *["board_review.amend"] * 3]


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"scores": "relevance 9"}, "scores.0.score"),
        ({"scores": "unknown criterion"}, "scores.0.criterion_id"),
        ({"scores": "one missing"}, "scores"),
        ({"scores": "twice"}, "scores.1.criterion_id"),
        ({"recommendation": None}, "recommendation"),
        ({"recommendation": "maybe"}, "recommendation"),
        ({"conflict_of_interest": True}, "scores"),
        ({"proposal_id": "another call's"}, "proposal_id"),
        ({"proposal_id": 999_999}, "proposal_id"),
    ],
)
def test_a_review_the_fund_cannot_take_is_a_422_naming_the_field(client, board, fund, change, field):
    body = review_body(board, board.proposals[0])
    relevance, capacity = board.criteria
    scores = {
        "relevance 9": [
            {"criterion_id": relevance.id, "score": 9},
            {"criterion_id": capacity.id, "score": 3},
        ],
        "unknown criterion": [
            {"criterion_id": ReviewCriterionFactory().id, "score": 3},
            {"criterion_id": relevance.id, "score": 3},
            {"criterion_id": capacity.id, "score": 3},
        ],
        "one missing": [{"criterion_id": relevance.id, "score": 3}],
        "twice": [{"criterion_id": relevance.id, "score": 3}, {"criterion_id": relevance.id, "score": 4}],
    }
    if "scores" in change:
        body["scores"] = scores[change["scores"]]
    elif change.get("proposal_id") == "another call's":
        body["proposal_id"] = ProposalFactory(status=ProposalStatus.ELIGIBLE).id
    else:
        body.update(change)
    if change.get("conflict_of_interest"):
        body["recommendation"] = None
    response = post_review(client, board, 0, body)
    assert response.status_code == 422, response.get_json()
    assert (
        response.get_json()["title"] == "Unprocessable content"
        or "Unprocessable" in response.get_json()["title"]
    )
    assert field in {e["field"] for e in response.get_json()["errors"]}


def test_a_retired_criterion_is_no_longer_asked_for_nor_accepted(client, board, db_session):
    board.criteria[1].active = False
    db_session.flush()
    body = review_body(board, board.proposals[0])
    refused = post_review(client, board, 0, body)
    assert refused.status_code == 422
    assert refused.get_json()["errors"][0]["field"] == "scores.1.criterion_id"
    body["scores"] = body["scores"][:1]
    assert post_review(client, board, 0, body).status_code == 201


@pytest.mark.parametrize(
    ("proposal_status", "title"),
    [
        (ProposalStatus.INELIGIBLE, "Invalid state transition"),
        (ProposalStatus.RECOMMENDED, "Invalid state transition"),
    ],
)
def test_only_an_eligible_proposal_is_reviewed(client, board, review_call, proposal_status, title):
    proposal = ProposalFactory(call=review_call, status=proposal_status)
    response = post_review(client, board, 0, review_body(board, proposal))
    assert response.status_code == 409
    assert response.get_json()["title"] == title
    assert response.get_json()["current_state"] == str(proposal_status)


@pytest.mark.parametrize("call_status", [CallStatus.DECIDED, CallStatus.COMPLETED, CallStatus.CANCELLED])
def test_no_review_is_recorded_once_the_call_has_left_review(
    client, board, review_call, db_session, call_status
):
    review_call.status = call_status
    db_session.flush()
    response = post_review(client, board, 0, review_body(board, board.proposals[0]))
    assert response.status_code == 409
    assert response.get_json()["allowed_states"] == ["under_review"]


def test_who_may_not_record_a_review_is_refused(client, auth, board, db_session, fund, review_call):
    body = review_body(board, board.proposals[0])
    url = f"{API}/sessions/{board.session.id}/reviews"
    # a member of another term of the fund (and a board user who is no member at all): 403
    other_term = BoardTermFactory(
        fund_id=fund.id, starts_on=dt.date(2017, 1, 1), ends_on=dt.date(2019, 12, 31)
    )
    BoardMemberFactory(term=other_term, name="Arnaud Kouassi", email="kouassi@trustees.example")
    for headers in (login(db_session, "kouassi@trustees.example"), auth("board")):
        refused = client.post(url, json=body, headers=headers)
        assert refused.status_code == 403
        assert "not a member of the Board term" in refused.get_json()["detail"]
        assert client.get(url, headers=headers).status_code == 403
    # staff, approvers, donors: the route's policy
    for role in ("staff", "admin", "approver", "donor"):
        response = client.post(url, json=body, headers=auth(role))
        assert response.status_code == 403
        assert "may not call this route" in response.get_json()["detail"]
    assert (
        client.post(f"{API}/sessions/999999/reviews", json=body, headers=board.headers[0]).status_code == 404
    )
    # a session without a term reviews with the term in office on its day
    untermed = BoardSessionFactory(call=review_call, held_on=dt.date(2016, 5, 1))
    response = client.post(f"{API}/sessions/{untermed.id}/reviews", json=body, headers=board.headers[0])
    assert response.status_code == 201, response.get_json()


# --- privacy -------------------------------------------------------------------------------


def test_a_member_sees_the_others_reviews_of_a_proposal_only_after_their_own_and_never_when_recused(
    client, auth, board
):
    first, second, _third = board.proposals
    a = post_review(client, board, 0, review_body(board, first)).get_json()
    recusal = post_review(client, board, 2, conflict_body(first)).get_json()
    # the second member has reviewed nothing: sees nothing
    assert listed(client, board, board.headers[1]) == []
    assert client.get(f"{API}/reviews/{a['id']}", headers=board.headers[1]).status_code == 404
    b = post_review(client, board, 1, review_body(board, first, 3, 3, "reserve")).get_json()
    # having reviewed it, all three of the proposal's
    assert {r["id"] for r in listed(client, board, board.headers[1])} == {a["id"], b["id"], recusal["id"]}
    assert client.get(f"{API}/reviews/{a['id']}", headers=board.headers[1]).status_code == 200
    # the recused member: their own declaration only
    assert [r["id"] for r in listed(client, board, board.headers[2])] == [recusal["id"]]
    for other in (a, b):
        assert client.get(f"{API}/reviews/{other['id']}", headers=board.headers[2]).status_code == 404
    # another proposal's reviews stay hidden from who has not reviewed it
    c = post_review(client, board, 0, review_body(board, second)).get_json()
    assert c["id"] not in {r["id"] for r in listed(client, board, board.headers[1])}
    # staff and admins see all; approvers none
    for role in ("staff", "admin"):
        assert len(listed(client, board, auth(role))) == 4
        assert client.get(f"{API}/reviews/{c['id']}", headers=auth(role)).status_code == 200
    assert client.get(f"{API}/reviews/{c['id']}", headers=auth("approver")).status_code == 403
    filtered = listed(client, board, auth("staff"), proposal_id=first.id, conflict_of_interest="true")
    assert [r["id"] for r in filtered] == [recusal["id"]]


def test_the_review_list_reads_in_a_constant_number_of_statements(client, auth, board, query_counter):
    def statements(headers):
        with query_counter() as seen:
            response = client.get(f"{API}/sessions/{board.session.id}/reviews?page_size=100", headers=headers)
        assert response.status_code == 200
        return len(beyond_auth(seen)), response.get_json()["total"]

    scores = {board.criteria[0].id: 3, board.criteria[1].id: 4}
    ReviewFactory(session=board.session, proposal=board.proposals[0], member=board.members[0], scores=scores)
    few = statements(auth("staff")), statements(board.headers[0])
    for proposal in board.proposals[1:]:
        for member in board.members[1:]:  # not the first member's: they stay hidden from her
            ReviewFactory(session=board.session, proposal=proposal, member=member, scores=scores)
    ReviewFactory(session=board.session, proposal=board.proposals[0], member=board.members[1], scores=scores)
    many = statements(auth("staff")), statements(board.headers[0])
    assert few == ((4, 1), (5, 1))  # session, COUNT, SELECT, scores (a member: and the membership)
    assert many == ((4, 6), (5, 2))


def test_the_whole_review_path_through_the_api_ends_in_a_pack_with_the_scores_and_the_recusal(
    client, auth, fund, review_call, db_session, pdf_cache_dir
):
    staff = auth("staff")
    term = client.post(
        f"{API}/terms",
        json={"fund_id": fund.id, "label": "2014-2016", "starts_on": "2014-01-01", "ends_on": "2016-12-31"},
        headers=staff,
    ).get_json()
    members, logins = [], []
    for name in ("Benita Ferrero-Waldner", "Saisuree Chutikul", "Joy Ngozi Ezeilo"):
        email = f"{name.split()[0].lower()}@trustees.example"
        member = client.post(f"{API}/terms/{term['id']}/members", json={"name": name}, headers=staff)
        assert member.status_code == 201
        # the member's e-mail address, set later by staff, is what ties the member to a login
        member_url = f"{API}/members/{member.get_json()['id']}"
        etag = client.get(member_url, headers=staff).headers["ETag"]
        patched = client.patch(member_url, json={"email": email}, headers={**staff, "If-Match": etag})
        assert patched.status_code == 200
        members.append(patched.get_json())
        logins.append(login(db_session, email))
    criteria = [
        client.post(
            f"{API}/review-criteria",
            json={
                "fund_id": fund.id,
                "name_en": en,
                "name_fr": fr,
                "scale_min": 1,
                "scale_max": 5,
                "weight": weight,
            },
            headers=staff,
        ).get_json()
        for en, fr, weight in (("Relevance", "Pertinence", 2), ("Capacity", "Capacités", 1))
    ]
    proposal = ProposalFactory(call=review_call, status=ProposalStatus.ELIGIBLE, reference="UNVTF-2014-001")
    planned = client.post(
        f"{API}/sessions",
        json={
            "call_id": review_call.id,
            "term_id": term["id"],
            "held_on": "2015-03-10",
            "place": "Vienna",
            "available_income": "100000.00",
        },
        headers=staff,
    )
    assert planned.status_code == 201, planned.get_json()
    url = f"{API}/sessions/{planned.get_json()['id']}/reviews"
    for headers, (relevance, capacity) in zip(logins[:2], ((5, 4), (4, 2)), strict=True):
        body = {
            "proposal_id": proposal.id,
            "scores": [
                {"criterion_id": criteria[0]["id"], "score": relevance},
                {"criterion_id": criteria[1]["id"], "score": capacity},
            ],
            "recommendation": "fund",
        }
        assert client.post(url, json=body, headers=headers).status_code == 201
    conflict = {"proposal_id": proposal.id, "conflict_of_interest": True}
    assert client.post(url, json=conflict, headers=logins[2]).status_code == 201

    pack = client.get(f"{API}/sessions/{planned.get_json()['id']}/pack.pdf?lang=en", headers=staff)
    assert pack.status_code == 200
    words = text(pack.data)
    assert "Relevance 1–5 2 4.5" in words
    assert "Capacity 1–5 1 3" in words
    assert "Weighted total: 12 out of 15 (two reviews)." in words
    assert "UNVTF-2014-001 Joy Ngozi Ezeilo" in words
    assert "Conflict of interest declared by Joy Ngozi Ezeilo" in words

    slate = {
        "recommendations": [
            {"proposal_id": proposal.id, "decision": "fund", "amount": "40000.00", "rationale": "x"}
        ]
    }
    held = client.post(
        f"{API}/sessions/{planned.get_json()['id']}/recommendations", json=slate, headers=logins[0]
    )
    assert held.status_code == 201, held.get_json()
    assert [r["member_id"] for r in held.get_json()["recusals"]] == [members[2]["id"]]


def test_reviews_are_in_no_public_output_open_data_or_donor_document(
    client, auth, tokens, board, pdf_cache_dir
):
    secret = "Confidential: the director is the chair's cousin"
    GrantFactory(proposal__call=board.session.call, proposal__status=ProposalStatus.APPROVED)
    body = review_body(board, board.proposals[0], comment=secret)
    assert post_review(client, board, 0, body).status_code == 201
    assert post_review(client, board, 2, conflict_body(board.proposals[0])).status_code == 201
    donor = f"/api/v1/donors/{tokens['donor_id']}/statement"
    outputs = [
        client.get("/api/v1/public/totals"),
        client.get("/api/v1/exports/360giving.json"),
        client.get("/api/v1/exports/iati.xml"),
        client.get(donor, headers=auth("donor")),
        client.get(f"{donor}.html", headers=auth("donor")),
    ]
    outputs.append(
        client.get(f"/api/v1/calls/{board.session.call_id}/summary.html?lang=en", headers=auth("staff"))
    )
    outputs.append(client.get("/api/v1/exports/proposals.csv", headers=auth("staff")))
    for response in outputs:
        assert response.status_code == 200, response.request.path
        page = html.unescape(response.get_data(as_text=True))
        assert secret not in page
        assert "conflict of interest" not in page.lower()
        assert "recus" not in page.lower()  # the cycle summary names the Board, never a recusal
