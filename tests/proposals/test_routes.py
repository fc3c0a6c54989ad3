import datetime as dt

import pytest

from fundapp.audit import AuditEvent
from fundapp.calls.models import CallStatus
from fundapp.db import utcnow
from fundapp.errors import PROBLEM_TYPE
from fundapp.proposals.models import Facet, Proposal, ProposalFacet, ProposalStatus

from ..conftest import beyond_auth
from ..factories import CallFactory, FacetedProposalFactory, OrganisationFactory

URL = "/api/v1/proposals"


def proposal_body(call, organisation, **overrides):
    body = {
        "call_id": call.id,
        "organisation_id": organisation.id,
        "title": "Shelter and legal aid for women and girls",
        "summary": "Safe shelter, medical care and legal assistance.\nThree states.",
        "requested_amount": "45000.00",
        "duration_months": 24,
        "countries": ["NG", "BJ"],
        "target_groups": ["women", "girls"],
        "assistance": ["shelter", "medical", "legal_administrative"],
        "language": "en",
    }
    body.update(overrides)
    return body


def written(db_session):
    """Rows a refused submission must not have written."""
    return (
        db_session.query(Proposal).count(),
        db_session.query(ProposalFacet).count(),
        db_session.query(AuditEvent).filter_by(entity="proposal").count(),
    )


def test_staff_submit_a_proposal_with_a_reference_facets_and_an_audit_event(
    client, auth, db_session, fund, call, organisation
):
    before = utcnow()
    response = client.post(URL, json=proposal_body(call, organisation), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["reference"] == f"{fund.code}/2/0001"
    assert body["status"] == "submitted"
    assert body["requested_amount"] == "45000.00"
    assert body["currency"] == "USD"
    assert body["organisation"] == {
        "id": organisation.id,
        "name": "Women's Shelter Network",
        "acronym": organisation.acronym,
        "country_code": "NG",
    }
    assert body["call"] == {"id": call.id, "cycle_label": "2", "status": "open"}
    assert body["countries"] == ["BJ", "NG"]
    assert body["target_groups"] == ["girls", "women"]
    assert body["assistance"] == ["legal_administrative", "medical", "shelter"]
    assert body["eligibility_checks"] == []
    assert response.headers["ETag"] == f'"proposal-{body["id"]}-v1"'
    proposal = db_session.get(Proposal, body["id"])
    assert proposal.requested_minor == 45_000_00
    assert before <= proposal.submitted_at <= utcnow()
    facets = db_session.query(ProposalFacet).filter_by(proposal_id=proposal.id).all()
    assert sorted((f.facet, f.code) for f in facets if f.facet == Facet.COUNTRY) == [
        (Facet.COUNTRY, "BJ"),
        (Facet.COUNTRY, "NG"),
    ]
    assert len(facets) == 7
    events = db_session.query(AuditEvent).filter_by(entity="proposal", entity_id=proposal.id).all()
    assert [e.action for e in events] == ["proposal.submit"]
    assert events[0].after["countries"] == ["BJ", "NG"]


def test_references_number_proposals_within_their_call(client, auth, fund, call, organisation):
    other_call = CallFactory(fund_id=fund.id, cycle_label="10.2")
    FacetedProposalFactory(call=other_call)
    references = [
        client.post(URL, json=proposal_body(call, organisation), headers=auth("staff")).get_json()[
            "reference"
        ]
        for _ in range(2)
    ]
    elsewhere = client.post(URL, json=proposal_body(other_call, organisation), headers=auth("staff"))
    assert references == [f"{fund.code}/2/0001", f"{fund.code}/2/0002"]
    assert elsewhere.get_json()["reference"] == f"{fund.code}/10.2/0002"


@pytest.mark.parametrize("status", [CallStatus.DRAFT, CallStatus.CLOSED, CallStatus.UNDER_REVIEW])
def test_a_call_that_is_not_open_refuses_proposals_with_a_409_naming_its_state(
    client, auth, db_session, organisation, status
):
    call = CallFactory(status=status)
    response = client.post(URL, json=proposal_body(call, organisation), headers=auth("staff"))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == str(status)
    assert problem["allowed_states"] == ["open"]
    assert "call" in problem["detail"]
    assert written(db_session) == (0, 0, 0)


def test_a_call_past_its_deadline_refuses_proposals_with_a_409(client, auth, db_session, organisation):
    call = CallFactory(deadline=utcnow() - dt.timedelta(minutes=1))
    response = client.post(URL, json=proposal_body(call, organisation), headers=auth("staff"))
    assert response.status_code == 409
    assert "deadline" in response.get_json()["detail"]
    assert written(db_session) == (0, 0, 0)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("requested_amount", "19999.99", "between the call's floor 20000.00 and ceiling 60000.00 USD"),
        ("requested_amount", "60000.01", "between the call's floor 20000.00 and ceiling 60000.00 USD"),
        ("requested_amount", "45000.005", "at most 2 decimals"),
        ("requested_amount", "0", "greater than zero"),
        ("duration_months", 25, "maximum of 24 months"),
    ],
)
def test_amount_or_duration_outside_the_calls_limits_is_a_422_naming_the_field(
    client, auth, db_session, call, organisation, field, value, reason
):
    response = client.post(
        URL, json=proposal_body(call, organisation, **{field: value}), headers=auth("staff")
    )
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["errors"][0]["field"] == field
    assert reason in problem["errors"][0]["reason"], problem
    assert written(db_session) == (0, 0, 0)


def test_amounts_at_the_floor_and_ceiling_are_accepted(client, auth, call, organisation):
    for amount in ("20000.00", "60000.00"):
        response = client.post(
            URL, json=proposal_body(call, organisation, requested_amount=amount), headers=auth("staff")
        )
        assert response.status_code == 201, response.get_json()


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("countries", [], "Length must be between 1 and 30"),
        ("countries", ["NG", "GH", "NG"], "'NG' more than once"),
        ("countries", ["NG", "XX"], "ISO 3166-1"),
        ("target_groups", [], "Length must be between 1 and 4"),
        ("target_groups", ["children"], "Must be one of"),
        ("target_groups", ["women", "women"], "more than once"),
        ("assistance", [], "Length must be between 1"),
        ("assistance", ["housing"], "Must be one of"),
        ("language", "de", "Must be one of"),
        ("requested_amount", 45000, "must be a string"),
        ("duration_months", 0, "greater than or equal to 1"),
        ("title", "", "may not be blank"),
        ("summary", "a\x00b", "control character"),
        ("reference", "MINE/1", "Unknown field"),
    ],
)
def test_bad_proposal_input_is_a_422_naming_the_field_and_writes_nothing(
    client, auth, db_session, call, organisation, field, value, reason
):
    response = client.post(
        URL, json=proposal_body(call, organisation, **{field: value}), headers=auth("staff")
    )
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    errors = response.get_json()["errors"]
    assert any(e["field"].split(".")[0] == field and reason in e["reason"] for e in errors), errors
    assert written(db_session) == (0, 0, 0)


def test_more_than_30_countries_are_refused(client, auth, db_session, call, organisation):
    countries = ["AF", "AL", "DZ", "AO", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB", "BY", "BE"]
    countries += ["BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "KH", "CM", "CA", "CV"]
    ok = client.post(URL, json=proposal_body(call, organisation, countries=countries), headers=auth("staff"))
    assert ok.status_code == 201
    too_many = proposal_body(call, organisation, countries=[*countries, "NG"])
    response = client.post(URL, json=too_many, headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "countries"
    assert db_session.query(Proposal).count() == 1


def test_unknown_call_or_organisation_is_a_404_naming_it(client, auth, db_session, call, organisation):
    response = client.post(
        URL, json=proposal_body(call, organisation, call_id=call.id + 999), headers=auth("staff")
    )
    assert response.status_code == 404
    assert f"call {call.id + 999}" in response.get_json()["detail"]
    body = proposal_body(call, organisation, organisation_id=organisation.id + 999)
    response = client.post(URL, json=body, headers=auth("staff"))
    assert response.status_code == 404
    assert "organisation" in response.get_json()["detail"]
    assert written(db_session) == (0, 0, 0)


def test_proposal_is_read_with_its_facets_checks_and_etag(client, auth, call):
    proposal = FacetedProposalFactory(call=call, countries=["NG", "GH"], target_groups=["boys"])
    response = client.get(f"{URL}/{proposal.id}", headers=auth("staff"))
    assert response.status_code == 200
    body = response.get_json()
    assert body["countries"] == ["GH", "NG"]
    assert body["target_groups"] == ["boys"]
    assert body["assistance"] == ["shelter"]
    assert body["eligibility_checks"] == []
    assert response.headers["ETag"] == f'"proposal-{proposal.id}-v1"'
    assert client.get(f"{URL}/{proposal.id + 999}", headers=auth("staff")).status_code == 404


def test_proposal_list_filters_by_call_status_organisation_and_facets(client, auth, call):
    other_call = CallFactory()
    ngo = OrganisationFactory(name="Legal Aid Clinic", country_code="GH")
    a = FacetedProposalFactory(call=call, countries=["NG"], target_groups=["women"], assistance=["shelter"])
    b = FacetedProposalFactory(
        call=call, organisation=ngo, countries=["GH", "TG"], target_groups=["boys"], assistance=["medical"]
    )
    c = FacetedProposalFactory(
        call=other_call, countries=["NG"], target_groups=["girls"], status=ProposalStatus.ELIGIBLE
    )

    def ids(query):
        response = client.get(f"{URL}?{query}", headers=auth("staff"))
        assert response.status_code == 200, response.get_json()
        return [p["id"] for p in response.get_json()["items"]]

    assert ids(f"call_id={call.id}") == [a.id, b.id]
    assert ids("status=eligible") == [c.id]
    assert ids("country=NG") == [a.id, c.id]
    assert ids("country=TG") == [b.id]
    assert ids(f"organisation_id={ngo.id}") == [b.id]
    assert ids("target_group=boys") == [b.id]
    assert ids("assistance=shelter") == [a.id, c.id]
    assert ids(f"country=NG&call_id={call.id}&assistance=shelter") == [a.id]
    assert ids("country=FR") == []


def test_proposal_list_sorts_and_nests_the_organisation_and_facets(client, auth, call):
    ngo = OrganisationFactory(name="Legal Aid Clinic", country_code="GH")
    small = FacetedProposalFactory(call=call, organisation=ngo, requested_minor=20_000_00, title="b: small")
    large = FacetedProposalFactory(call=call, requested_minor=60_000_00, title="A: large")
    middle = FacetedProposalFactory(call=call, requested_minor=40_000_00, title="c: middle")
    body = client.get(f"{URL}?sort=-requested_amount", headers=auth("staff")).get_json()
    assert [p["id"] for p in body["items"]] == [large.id, middle.id, small.id]
    assert body["total"] == 3
    assert body["items"][2]["organisation"]["name"] == "Legal Aid Clinic"
    assert body["items"][2]["organisation"]["country_code"] == "GH"
    assert body["items"][2]["countries"] == ["NG"]
    assert body["items"][2]["requested_amount"] == "20000.00"
    assert "eligibility_checks" not in body["items"][0]
    body = client.get(f"{URL}?sort=title", headers=auth("staff")).get_json()
    assert [p["id"] for p in body["items"]] == [large.id, small.id, middle.id]


def test_proposal_list_refuses_unknown_filters_and_values(client, auth):
    assert client.get(f"{URL}?target_group=children", headers=auth("staff")).status_code == 422
    assert client.get(f"{URL}?sort=reference", headers=auth("staff")).status_code == 422
    assert client.get(f"{URL}?call_id=0", headers=auth("staff")).status_code == 422
    assert client.get(f"{URL}?call_id=x", headers=auth("staff")).status_code == 422


def test_proposal_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, call, query_counter):
    def count(n):
        FacetedProposalFactory.create_batch(n, call=call)
        with query_counter() as statements:
            response = client.get(f"{URL}?page_size=100&country=NG", headers=auth("staff"))
            assert response.status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page (with call, organisation and facets aggregated)


def test_board_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, query_counter):
    call = CallFactory(status=CallStatus.UNDER_REVIEW)

    def count(n):
        FacetedProposalFactory.create_batch(n, call=call)
        with query_counter() as statements:
            response = client.get(f"{URL}?page_size=100", headers=auth("board"))
            assert response.status_code == 200
            assert response.get_json()["total"] > 0
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # the count; the page with its facets aggregated


def test_proposal_detail_makes_a_fixed_number_of_queries(client, auth, call, query_counter):
    proposal = FacetedProposalFactory(call=call)
    with query_counter() as statements:
        assert client.get(f"{URL}/{proposal.id}", headers=auth("staff")).status_code == 200
    # proposal with call and organisation, facets, checks, budget lines with their categories
    assert len(beyond_auth(statements)) == 4


# -- amending ------------------------------------------------------------------------------


def test_amending_a_proposal_needs_the_current_etag(client, auth, db_session, call):
    proposal = FacetedProposalFactory(call=call, title="Old title")
    url = f"{URL}/{proposal.id}"
    assert client.patch(url, json={"title": "New"}, headers=auth("staff")).status_code == 428
    stale = auth("staff", **{"If-Match": f'"proposal-{proposal.id}-v0"'})
    response = client.patch(url, json={"title": "New"}, headers=stale)
    assert response.status_code == 412
    assert response.mimetype == PROBLEM_TYPE
    db_session.expire_all()
    assert db_session.get(Proposal, proposal.id).title == "Old title"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json={"title": "New"}, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 200
    assert response.get_json()["title"] == "New"
    assert response.headers["ETag"] == f'"proposal-{proposal.id}-v2"'


def test_amending_only_the_countries_replaces_the_facet_rows_and_changes_the_etag(
    client, auth, db_session, call
):
    proposal = FacetedProposalFactory(call=call, countries=["NG", "GH"])
    url = f"{URL}/{proposal.id}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(
        url, json={"countries": ["GH", "TG"]}, headers=auth("staff", **{"If-Match": etag})
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["countries"] == ["GH", "TG"]
    assert response.get_json()["target_groups"] == ["women"]
    assert response.headers["ETag"] != etag
    rows = db_session.query(ProposalFacet).filter_by(proposal_id=proposal.id, facet=Facet.COUNTRY).all()
    assert sorted(r.code for r in rows) == ["GH", "TG"]
    event = db_session.query(AuditEvent).filter_by(action="proposal.update").one()
    assert event.before["countries"] == ["GH", "NG"]
    assert event.after["countries"] == ["GH", "TG"]


def test_amending_the_amount_outside_the_calls_limits_is_a_422_and_changes_nothing(
    client, auth, db_session, call
):
    proposal = FacetedProposalFactory(call=call, requested_minor=50_000_00)
    url = f"{URL}/{proposal.id}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    body = {"requested_amount": "70000.00", "title": "Bigger"}
    response = client.patch(url, json=body, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "requested_amount"
    db_session.expire_all()
    stored = db_session.get(Proposal, proposal.id)
    assert (stored.requested_minor, stored.title, stored.version) == (50_000_00, proposal.title, 1)


def test_the_call_and_organisation_of_a_proposal_cannot_be_changed(client, auth, call):
    proposal = FacetedProposalFactory(call=call)
    headers = auth("staff", **{"If-Match": f'"proposal-{proposal.id}-v1"'})
    response = client.patch(f"{URL}/{proposal.id}", json={"call_id": call.id}, headers=headers)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "call_id"


@pytest.mark.parametrize(
    "status", [ProposalStatus.ELIGIBLE, ProposalStatus.INELIGIBLE, ProposalStatus.WITHDRAWN]
)
def test_a_proposal_past_submission_cannot_be_amended(client, auth, db_session, call, status):
    proposal = FacetedProposalFactory(call=call, status=status, title="Kept")
    headers = auth("staff", **{"If-Match": f'"proposal-{proposal.id}-v1"'})
    response = client.patch(f"{URL}/{proposal.id}", json={"title": "Changed"}, headers=headers)
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)
    assert response.get_json()["allowed_states"] == ["submitted"]
    db_session.expire_all()
    assert db_session.get(Proposal, proposal.id).title == "Kept"


# -- withdrawing ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [ProposalStatus.SUBMITTED, ProposalStatus.ELIGIBLE])
def test_a_submitted_or_eligible_proposal_is_withdrawn_with_its_reason(
    client, auth, db_session, call, status
):
    proposal = FacetedProposalFactory(call=call, status=status)
    reason = "The organisation received other funding for the project."
    response = client.post(f"{URL}/{proposal.id}/withdraw", json={"reason": reason}, headers=auth("staff"))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "withdrawn"
    assert response.get_json()["withdrawn_reason"] == reason
    event = db_session.query(AuditEvent).filter_by(action="proposal.withdraw").one()
    assert event.before == {"status": str(status)}
    assert event.after["reason"] == reason


@pytest.mark.parametrize(
    "status", [ProposalStatus.INELIGIBLE, ProposalStatus.RECOMMENDED, ProposalStatus.WITHDRAWN]
)
def test_withdrawing_from_another_state_is_a_409_naming_the_states(client, auth, db_session, call, status):
    proposal = FacetedProposalFactory(call=call, status=status)
    response = client.post(f"{URL}/{proposal.id}/withdraw", json={"reason": "No."}, headers=auth("staff"))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == str(status)
    assert problem["allowed_states"] == ["eligible", "submitted"]
    assert db_session.query(AuditEvent).filter_by(action="proposal.withdraw").count() == 0


def test_withdrawing_needs_a_reason(client, auth, db_session, call):
    proposal = FacetedProposalFactory(call=call)
    response = client.post(f"{URL}/{proposal.id}/withdraw", json={"reason": " "}, headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "reason"
    db_session.expire_all()
    assert db_session.get(Proposal, proposal.id).status == ProposalStatus.SUBMITTED


# -- who may read and write ----------------------------------------------------------------


def test_board_members_see_only_proposals_of_calls_under_review(client, auth):
    reviewed = CallFactory(status=CallStatus.UNDER_REVIEW)
    for status in (CallStatus.OPEN, CallStatus.CLOSED, CallStatus.DECIDED):
        FacetedProposalFactory(call=CallFactory(status=status))
    visible = FacetedProposalFactory(call=reviewed)
    body = client.get(URL, headers=auth("board")).get_json()
    assert [p["id"] for p in body["items"]] == [visible.id]
    assert body["total"] == 1
    assert client.get(URL, headers=auth("staff")).get_json()["total"] == 4


def test_board_members_get_404_for_a_proposal_of_a_call_not_under_review(client, auth):
    hidden = FacetedProposalFactory(call=CallFactory(status=CallStatus.CLOSED))
    visible = FacetedProposalFactory(call=CallFactory(status=CallStatus.UNDER_REVIEW))
    response = client.get(f"{URL}/{hidden.id}", headers=auth("board"))
    assert response.status_code == 404
    assert response.get_json()["detail"] == f"proposal {hidden.id} does not exist"
    assert client.get(f"{URL}/{visible.id}", headers=auth("board")).status_code == 200


def test_approvers_read_every_proposal(client, auth):
    hidden_from_board = FacetedProposalFactory(call=CallFactory(status=CallStatus.OPEN))
    assert client.get(f"{URL}/{hidden_from_board.id}", headers=auth("approver")).status_code == 200
    assert client.get(URL, headers=auth("approver")).get_json()["total"] == 1


@pytest.mark.parametrize("role", ["board", "approver"])
def test_board_and_approvers_cannot_submit_amend_withdraw_or_screen(client, auth, db_session, role):
    call = CallFactory(status=CallStatus.UNDER_REVIEW)
    proposal = FacetedProposalFactory(call=call)
    organisation = OrganisationFactory()
    headers = auth(role, **{"If-Match": "*"})
    assert client.post(URL, json=proposal_body(call, organisation), headers=headers).status_code == 403
    assert client.patch(f"{URL}/{proposal.id}", json={"title": "X"}, headers=headers).status_code == 403
    assert (
        client.post(f"{URL}/{proposal.id}/withdraw", json={"reason": "x"}, headers=headers).status_code == 403
    )
    checks = {"checks": [{"criterion": "complete_application", "passed": True}]}
    assert client.post(f"{URL}/{proposal.id}/screening", json=checks, headers=headers).status_code == 403
    assert db_session.query(Proposal).count() == 1


def test_donors_get_403_and_anonymous_callers_401_on_proposals(client, auth, call):
    proposal = FacetedProposalFactory(call=call)
    for path in (URL, f"{URL}/{proposal.id}", f"{URL}/eligibility-summary?call_id={call.id}"):
        assert client.get(path, headers=auth("donor")).status_code == 403
        response = client.get(path)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_admin_may_submit_proposals(client, auth, call, organisation):
    assert client.post(URL, json=proposal_body(call, organisation), headers=auth("admin")).status_code == 201


def test_a_listed_proposal_reads_each_facet_from_the_lists_aggregated_column():
    """A list reads proposals as rows (no mapped object): the codes come from one string."""
    from fundapp.proposals.models import Facet, ListedProposal

    listed = ListedProposal(facets="country:TH,assistance:legal,country:NG")
    assert listed.facet_codes(Facet.COUNTRY) == ["TH", "NG"]
    assert listed.facet_codes(Facet.ASSISTANCE) == ["legal"]
    assert listed.facet_codes(Facet.TARGET_GROUP) == []
    assert ListedProposal(facets=None).facet_codes(Facet.COUNTRY) == []
