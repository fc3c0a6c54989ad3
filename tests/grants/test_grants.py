import datetime as dt

import pytest

from fundapp.books.queries import committed_minor
from fundapp.db import utcnow
from fundapp.errors import PROBLEM_TYPE
from fundapp.grants.models import (
    DisbursementStatus,
    GrantStatus,
    ReportKind,
    ReportNature,
    ReportStatus,
)

from ..conftest import beyond_auth
from ..factories import (
    ActiveGrantFactory,
    CallFactory,
    CountryRowsProposalFactory,
    DueReportFactory,
    GrantConditionFactory,
    TrancheFactory,
)
from .conftest import API, audit_actions


def paid(grant, tranche, amount_minor, **kw):
    return TrancheFactory(
        grant_id=grant.id,
        tranche=tranche,
        amount_minor=amount_minor,
        status=DisbursementStatus.PAID,
        paid_on=dt.date(2015, 9, 1),
        paid_minor=amount_minor,
        **kw,
    )


def accepted_final_reports(grant):
    for nature in ReportNature:
        DueReportFactory(
            grant_id=grant.id,
            kind=ReportKind.FINAL,
            nature=nature,
            due_on=dt.date(2017, 9, 30),
            received_on=dt.date(2017, 9, 1),
            status=ReportStatus.ACCEPTED,
        )


# --- list ----------------------------------------------------------------------------------


def test_grant_list_nests_organisation_and_call_and_sums_only_paid_tranches(client, auth, grant):
    paid(grant, 1, 300_00)
    TrancheFactory(grant_id=grant.id, tranche=2, amount_minor=200_00)
    TrancheFactory(
        grant_id=grant.id,
        tranche=3,
        amount_minor=100_00,
        status=DisbursementStatus.CANCELLED,
        cancellation_reason="bank details wrong",
    )
    other = ActiveGrantFactory()

    body = client.get(f"{API}/grants?sort=agreement_number", headers=auth("staff")).get_json()

    assert body["total"] == 2
    first, second = body["items"]
    assert first["id"] == grant.id
    assert first["amount"] == "1000.00"
    assert first["disbursed"] == "300.00"
    assert first["organisation"]["name"].startswith("Shelter Association")
    assert first["organisation"]["country_code"] == "NG"
    assert first["call"]["cycle_label"] == grant.proposal.call.cycle_label
    assert second["id"] == other.id
    assert second["disbursed"] == "0.00"


@pytest.mark.parametrize("flt", ["call_id", "country", "organisation_id", "status", "approved_year"])
def test_grant_list_filters_keep_only_the_matching_grant(client, auth, db_session, flt):
    wanted = ActiveGrantFactory(country_code="UA", approved_on=dt.date(2017, 11, 20))
    ActiveGrantFactory(country_code="NG", approved_on=dt.date(2015, 6, 1), status=GrantStatus.CLOSED)
    ActiveGrantFactory(country_code="NG", approved_on=dt.date(2015, 6, 1), status=GrantStatus.CLOSED)
    value = {
        "call_id": wanted.call_id,
        "country": "UA",
        "organisation_id": wanted.organisation_id,
        "status": "active",
        "approved_year": 2017,
    }[flt]
    body = client.get(f"{API}/grants", query_string={flt: value}, headers=auth("staff")).get_json()
    assert [g["id"] for g in body["items"]] == [wanted.id]
    assert body["total"] == 1


@pytest.mark.parametrize(
    ("query", "problem_field"),
    [
        ("country=XX", "country"),
        ("status=open", "status"),
        ("sort=title", "sort"),
        ("page_size=101", "page_size"),
    ],
)
def test_grant_list_rejects_bad_filters_naming_them(client, auth, query, problem_field):
    response = client.get(f"{API}/grants?{query}", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == problem_field


def test_grant_list_sorts_by_amount_approved_on_and_agreement_number(client, auth):
    a = ActiveGrantFactory(agreement_number="G-B", amount_minor=300_00, approved_on=dt.date(2016, 1, 1))
    b = ActiveGrantFactory(agreement_number="G-C", amount_minor=100_00, approved_on=dt.date(2018, 1, 1))
    c = ActiveGrantFactory(agreement_number="G-A", amount_minor=200_00, approved_on=dt.date(2017, 1, 1))

    def order(sort):
        body = client.get(f"{API}/grants?sort={sort}", headers=auth("staff")).get_json()
        return [g["id"] for g in body["items"]]

    assert order("amount") == [b.id, c.id, a.id]
    assert order("-amount") == [a.id, c.id, b.id]
    assert order("approved_on") == [a.id, c.id, b.id]
    assert order("-approved_on") == [b.id, c.id, a.id]
    assert order("agreement_number") == [c.id, a.id, b.id]


def test_grant_list_makes_the_same_number_of_queries_for_5_and_50_grants(client, auth, query_counter):
    call = CallFactory()

    def count(n):
        for _ in range(n):
            grant = ActiveGrantFactory(proposal=CountryRowsProposalFactory(call=call))
            paid(grant, 1, 100_00)
            TrancheFactory(grant_id=grant.id, tranche=2, amount_minor=100_00)
        with query_counter() as statements:
            response = client.get(f"{API}/grants?page_size=100", headers=auth("staff"))
        assert response.status_code == 200
        assert all(g["disbursed"] == "100.00" for g in response.get_json()["items"])
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page (organisation, call and sum joined in)


# --- detail --------------------------------------------------------------------------------


def test_grant_detail_has_conditions_tranches_reports_totals_and_an_etag(client, auth, grant):
    GrantConditionFactory(grant_id=grant.id, description="Bank details confirmed")
    paid(grant, 1, 400_00)
    TrancheFactory(grant_id=grant.id, tranche=2, amount_minor=350_00)
    TrancheFactory(
        grant_id=grant.id,
        tranche=3,
        amount_minor=100_00,
        status=DisbursementStatus.CANCELLED,
        cancellation_reason="duplicate",
    )
    DueReportFactory(grant_id=grant.id)

    response = client.get(f"{API}/grants/{grant.id}", headers=auth("board"))

    assert response.status_code == 200
    assert response.headers["ETag"] == f'"grant-{grant.id}-v{grant.version}"'
    body = response.get_json()
    assert body["disbursed"] == "400.00"
    assert body["scheduled"] == "750.00"
    assert [c["description"] for c in body["conditions"]] == ["Bank details confirmed"]
    assert [c["met"] for c in body["conditions"]] == [False]
    assert [d["tranche"] for d in body["disbursements"]] == [1, 2, 3]
    assert [r["status"] for r in body["reports"]] == ["due"]


def test_unknown_grant_is_a_404_problem(client, auth):
    response = client.get(f"{API}/grants/999999", headers=auth("staff"))
    assert response.status_code == 404
    assert response.mimetype == PROBLEM_TYPE
    assert "grant 999999" in response.get_json()["detail"]


# --- status actions ------------------------------------------------------------------------


def test_suspend_then_reinstate_keeps_the_reason_while_suspended_and_audits_both(
    client, auth, grant, db_session
):
    response = client.post(
        f"{API}/grants/{grant.id}/suspend", json={"reason": "Audit finding"}, headers=auth("staff")
    )
    assert response.status_code == 200
    assert response.get_json()["status"] == "suspended"
    assert response.get_json()["status_reason"] == "Audit finding"
    assert response.headers["ETag"] == f'"grant-{grant.id}-v2"'

    response = client.post(f"{API}/grants/{grant.id}/reinstate", headers=auth("staff"))
    assert response.status_code == 200
    assert response.get_json()["status"] == "active"
    assert response.get_json()["status_reason"] is None
    assert audit_actions(db_session, "grant", grant.id) == ["grant.suspend", "grant.reinstate"]


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [
        (GrantStatus.SUSPENDED, "suspend", ["active"]),
        (GrantStatus.ACTIVE, "reinstate", ["suspended"]),
        (GrantStatus.SUSPENDED, "close", ["active"]),
        (GrantStatus.CLOSED, "terminate", ["active", "suspended"]),
        (GrantStatus.TERMINATED, "terminate", ["active", "suspended"]),
        (GrantStatus.TERMINATED, "reinstate", ["suspended"]),
    ],
)
def test_a_grant_action_from_a_wrong_state_is_a_409_naming_current_and_allowed_states(
    client, auth, unchanged, status, action, allowed
):
    grant = ActiveGrantFactory(status=status)
    body = {"reason": "why"} if action in ("suspend", "terminate") else None
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/{action}", json=body, headers=auth("staff"))
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["current_state"] == str(status)
    assert problem["allowed_states"] == allowed


@pytest.mark.parametrize("action", ["suspend", "terminate"])
@pytest.mark.parametrize("body", [{}, {"reason": "  "}, {"reason": "x", "status": "closed"}])
def test_suspend_and_terminate_need_a_reason_and_nothing_else(client, auth, grant, unchanged, action, body):
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/{action}", json=body, headers=auth("staff"))
    assert response.status_code == 422


def test_close_is_refused_with_everything_still_missing_listed(client, auth, grant, unchanged):
    TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=100_00)
    narrative = DueReportFactory(
        grant_id=grant.id,
        kind=ReportKind.FINAL,
        nature=ReportNature.NARRATIVE,
        due_on=dt.date(2017, 9, 30),
        received_on=dt.date(2017, 9, 1),
        status=ReportStatus.RECEIVED,
    )

    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/close", headers=auth("staff"))

    assert response.status_code == 409
    missing = response.get_json()["missing"]
    assert missing == [
        "1 planned disbursement(s) remain (tranche 1): pay or cancel them",
        f"final narrative report {narrative.id} (due 2017-09-30) is received, not accepted",
        "no final financial report is scheduled",
    ]


def test_close_needs_every_final_report_accepted_even_an_extra_one(client, auth, grant, unchanged):
    accepted_final_reports(grant)
    DueReportFactory(
        grant_id=grant.id,
        kind=ReportKind.FINAL,
        nature=ReportNature.FINANCIAL,
        due_on=dt.date(2017, 12, 31),
        status=ReportStatus.RETURNED,
    )
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/close", headers=auth("staff"))
    assert response.status_code == 409
    assert len(response.get_json()["missing"]) == 1
    assert "is returned, not accepted" in response.get_json()["missing"][0]


def test_closing_a_settled_grant_releases_the_unpaid_remainder_to_the_fund(client, auth, grant, db_session):
    paid(grant, 1, 600_00)
    TrancheFactory(
        grant_id=grant.id,
        tranche=2,
        amount_minor=400_00,
        status=DisbursementStatus.CANCELLED,
        cancellation_reason="project ended early",
    )
    accepted_final_reports(grant)
    assert committed_minor(db_session, grant.fund_id) == 1000_00

    response = client.post(f"{API}/grants/{grant.id}/close", headers=auth("staff"))

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "closed"
    assert response.get_json()["ended_on"] == utcnow().date().isoformat()
    assert committed_minor(db_session, grant.fund_id) == 600_00
    assert audit_actions(db_session, "grant", grant.id) == ["grant.close"]


def test_terminating_cancels_planned_tranches_keeps_paid_ones_and_releases_the_rest(
    client, auth, grant, db_session
):
    first = paid(grant, 1, 250_00)
    second = TrancheFactory(grant_id=grant.id, tranche=2, amount_minor=500_00)

    response = client.post(
        f"{API}/grants/{grant.id}/terminate", json={"reason": "NGO dissolved"}, headers=auth("admin")
    )

    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "terminated"
    assert body["status_reason"] == "NGO dissolved"
    assert [(d["status"], d["cancellation_reason"]) for d in body["disbursements"]] == [
        ("paid", None),
        ("cancelled", "grant terminated: NGO dissolved"),
    ]
    assert body["disbursed"] == "250.00"
    assert body["ended_on"] == utcnow().date().isoformat()  # the day it stopped committing more
    assert committed_minor(db_session, grant.fund_id) == 250_00
    yesterday = utcnow().date() - dt.timedelta(days=1)
    assert committed_minor(db_session, grant.fund_id, yesterday) == grant.amount_minor  # still open then
    assert audit_actions(db_session, "disbursement", second.id) == ["disbursement.cancel"]
    assert audit_actions(db_session, "disbursement", first.id) == []


# --- conditions before release -------------------------------------------------------------


def test_a_condition_is_added_in_english_and_french_then_met_with_a_note(client, auth, grant, db_session):
    response = client.post(
        f"{API}/grants/{grant.id}/conditions",
        json={"description": "Revised budget", "description_fr": "Budget révisé"},
        headers=auth("staff"),
    )
    assert response.status_code == 201
    condition = response.get_json()
    assert condition["met"] is False
    assert (condition["description"], condition["description_fr"]) == ("Revised budget", "Budget révisé")

    response = client.post(
        f"{API}/grants/{grant.id}/conditions/{condition['id']}/met",
        json={"met_on": "2015-07-15", "note": "Received by email"},
        headers=auth("staff"),
    )
    assert response.status_code == 200
    assert response.get_json()["met"] is True
    assert response.get_json()["met_on"] == "2015-07-15"
    assert audit_actions(db_session, "grant_condition", condition["id"]) == [
        "grant_condition.create",
        "grant_condition.met",
    ]


def test_a_condition_is_met_once_only(client, auth, grant, unchanged):
    condition = GrantConditionFactory(grant_id=grant.id, met_on=dt.date(2015, 7, 2))
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/conditions/{condition.id}/met",
            json={"met_on": "2015-07-15"},
            headers=auth("staff"),
        )
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "met"


def test_a_condition_cannot_be_met_in_the_future(client, auth, grant, unchanged):
    condition = GrantConditionFactory(grant_id=grant.id)
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)).isoformat()
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/conditions/{condition.id}/met",
            json={"met_on": tomorrow},
            headers=auth("staff"),
        )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "met_on"


def test_a_condition_of_another_grant_is_a_404(client, auth, grant, unchanged):
    condition = GrantConditionFactory()
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/conditions/{condition.id}/met",
            json={"met_on": "2015-07-15"},
            headers=auth("staff"),
        )
    assert response.status_code == 404


def test_no_condition_is_added_to_a_closed_grant(client, auth, unchanged):
    grant = ActiveGrantFactory(status=GrantStatus.CLOSED)
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/conditions", json={"description": "Too late"}, headers=auth("staff")
        )
    assert response.status_code == 409
    assert response.get_json()["allowed_states"] == ["active", "suspended"]


# --- who may do what -----------------------------------------------------------------------


def _routes(grant, tranche, report, condition):
    reads = [
        f"{API}/grants",
        f"{API}/grants/{grant.id}",
        f"{API}/disbursements",
        f"{API}/disbursements/{tranche.id}",
        f"{API}/grant-reports",
        f"{API}/grant-reports/{report.id}",
    ]
    writes = [
        (f"{API}/grants/{grant.id}/suspend", {"reason": "x"}),
        (f"{API}/grants/{grant.id}/reinstate", None),
        (f"{API}/grants/{grant.id}/close", None),
        (f"{API}/grants/{grant.id}/terminate", {"reason": "x"}),
        (f"{API}/grants/{grant.id}/conditions", {"description": "x"}),
        (f"{API}/grants/{grant.id}/conditions/{condition.id}/met", {"met_on": "2015-08-01"}),
        (f"{API}/grants/{grant.id}/disbursements", {"planned_on": "2015-08-01", "amount": "1.00"}),
        (f"{API}/disbursements/{tranche.id}/payment", {"paid_on": "2015-08-01", "amount": "1.00"}),
        (f"{API}/disbursements/{tranche.id}/cancellation", {"reason": "x"}),
        (
            f"{API}/grants/{grant.id}/reports",
            {"kind": "final", "nature": "financial", "due_on": "2017-09-30"},
        ),
        (
            f"{API}/grant-reports/{report.id}/receipt",
            {"received_on": "2016-01-01"},
        ),
        (f"{API}/grant-reports/{report.id}/acceptance", None),
        (f"{API}/grant-reports/{report.id}/return", {"note": "x"}),
    ]
    return reads, writes


@pytest.fixture
def records(grant):
    tranche = TrancheFactory(grant_id=grant.id, tranche=1, amount_minor=100_00)
    report = DueReportFactory(grant_id=grant.id)
    condition = GrantConditionFactory(grant_id=grant.id)
    return grant, tranche, report, condition


@pytest.mark.parametrize("role", ["board", "approver"])
def test_board_and_approver_read_grants_but_write_nothing(client, auth, records, unchanged, role):
    reads, writes = _routes(*records)
    for url in reads:
        assert client.get(url, headers=auth(role)).status_code == 200, url
    with unchanged():
        for url, body in writes:
            assert client.post(url, json=body, headers=auth(role)).status_code == 403, url


def test_donors_get_nothing_here_and_anonymous_callers_must_authenticate(client, auth, records, unchanged):
    reads, writes = _routes(*records)
    with unchanged():
        for url in reads:
            assert client.get(url, headers=auth("donor")).status_code == 403, url
            assert client.get(url).status_code == 401, url
        for url, body in writes:
            assert client.post(url, json=body, headers=auth("donor")).status_code == 403, url
            assert client.post(url, json=body).status_code == 401, url


def test_staff_and_admin_may_write(client, auth, records):
    grant, *_ = records
    for role in ("staff", "admin"):
        response = client.post(
            f"{API}/grants/{grant.id}/conditions", json={"description": role}, headers=auth(role)
        )
        assert response.status_code == 201
