import datetime as dt

import pytest

from fundapp.grants.models import GrantStatus, ReportKind, ReportNature, ReportStatus
from fundapp.grants.services import today

from ..conftest import beyond_auth
from ..factories import ActiveGrantFactory, DueReportFactory
from .conftest import API, audit_actions

SHELTERED_GIRLS = {"sex": "female", "age_group": "child", "assistance": "shelter", "people": 12}
TREATED_WOMEN = {"sex": "female", "age_group": "adult", "assistance": "medical", "people": 30}


def receive(client, auth, report_id, beneficiaries, received_on="2016-01-10"):
    return client.post(
        f"{API}/grant-reports/{report_id}/receipt",
        json={"received_on": received_on, "beneficiaries": beneficiaries},
        headers=auth("staff"),
    )


# --- scheduling ----------------------------------------------------------------------------


def test_a_report_is_scheduled_as_due_and_audited(client, auth, grant, db_session):
    response = client.post(
        f"{API}/grants/{grant.id}/reports",
        json={"kind": "interim", "nature": "narrative", "due_on": "2016-01-31"},
        headers=auth("staff"),
    )
    assert response.status_code == 201
    body = response.get_json()
    assert (body["status"], body["kind"], body["nature"], body["due_on"]) == (
        "due",
        "interim",
        "narrative",
        "2016-01-31",
    )
    assert body["beneficiaries"] == []
    assert body["overdue"] is True  # 2016 is long past
    assert audit_actions(db_session, "grant_report", body["id"]) == ["grant_report.schedule"]


def test_the_same_report_twice_is_a_409_naming_the_existing_one(client, auth, grant, unchanged):
    existing = DueReportFactory(
        grant_id=grant.id, kind=ReportKind.FINAL, nature=ReportNature.FINANCIAL, due_on=dt.date(2017, 9, 30)
    )
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/reports",
            json={"kind": "final", "nature": "financial", "due_on": "2017-09-30"},
            headers=auth("staff"),
        )
    assert response.status_code == 409
    assert response.get_json()["existing_id"] == existing.id


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "annual", "nature": "narrative", "due_on": "2016-01-31"}, "kind"),
        ({"kind": "final", "nature": "audit", "due_on": "2016-01-31"}, "nature"),
        ({"kind": "final", "nature": "narrative", "due_on": "2015-06-30"}, "due_on"),
        ({"kind": "final", "nature": "narrative"}, "due_on"),
    ],
)
def test_bad_report_schedules_are_a_422_naming_the_field(client, auth, grant, unchanged, body, field):
    with unchanged():
        response = client.post(f"{API}/grants/{grant.id}/reports", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


def test_no_report_is_scheduled_for_a_closed_grant(client, auth, unchanged):
    grant = ActiveGrantFactory(status=GrantStatus.CLOSED)
    with unchanged():
        response = client.post(
            f"{API}/grants/{grant.id}/reports",
            json={"kind": "final", "nature": "financial", "due_on": "2017-09-30"},
            headers=auth("staff"),
        )
    assert response.status_code == 409
    assert response.get_json()["allowed_states"] == ["active", "suspended", "terminated"]


# --- receipt, acceptance, return -----------------------------------------------------------


def test_a_report_is_received_with_people_assisted_by_sex_age_and_assistance(client, auth, db_session):
    report = DueReportFactory()
    response = receive(client, auth, report.id, [SHELTERED_GIRLS, TREATED_WOMEN])
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "received"
    assert body["received_on"] == "2016-01-10"
    assert body["beneficiaries"] == [SHELTERED_GIRLS, TREATED_WOMEN]
    assert body["people_assisted"] == 42
    assert audit_actions(db_session, "grant_report", report.id) == ["grant_report.receive"]


def test_a_repeated_beneficiary_combination_is_a_422_naming_the_duplicates(client, auth, unchanged):
    report = DueReportFactory()
    with unchanged():
        response = receive(
            client, auth, report.id, [SHELTERED_GIRLS, TREATED_WOMEN, {**SHELTERED_GIRLS, "people": 3}]
        )
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "beneficiaries"
    assert "female/child/shelter" in error["reason"]


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({**SHELTERED_GIRLS, "assistance": "cash"}, "beneficiaries.0.assistance"),
        ({**SHELTERED_GIRLS, "people": -1}, "beneficiaries.0.people"),
        ({**SHELTERED_GIRLS, "people": "12"}, "beneficiaries.0.people"),
        ({**SHELTERED_GIRLS, "sex": "other"}, "beneficiaries.0.sex"),
        ({**SHELTERED_GIRLS, "name": "A. Person"}, "beneficiaries.0.name"),
    ],
)
def test_bad_beneficiary_rows_are_a_422_naming_the_row_and_field(client, auth, unchanged, row, field):
    report = DueReportFactory()
    with unchanged():
        response = receive(client, auth, report.id, [row])
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


def test_zero_people_is_a_valid_count(client, auth):
    report = DueReportFactory()
    response = receive(client, auth, report.id, [{**SHELTERED_GIRLS, "people": 0}])
    assert response.status_code == 200
    assert response.get_json()["people_assisted"] == 0


def test_a_report_cannot_be_received_in_the_future(client, auth, unchanged):
    report = DueReportFactory()
    with unchanged():
        response = receive(client, auth, report.id, [], received_on="2099-01-01")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "received_on"


@pytest.mark.parametrize(
    ("status", "action", "body", "allowed"),
    [
        (ReportStatus.RECEIVED, "receipt", {"received_on": "2016-01-10"}, ["due", "returned"]),
        (ReportStatus.ACCEPTED, "receipt", {"received_on": "2016-01-10"}, ["due", "returned"]),
        (ReportStatus.DUE, "acceptance", None, ["received"]),
        (ReportStatus.RETURNED, "acceptance", None, ["received"]),
        (ReportStatus.ACCEPTED, "acceptance", None, ["received"]),
        (ReportStatus.DUE, "return", {"note": "x"}, ["received"]),
        (ReportStatus.ACCEPTED, "return", {"note": "x"}, ["received"]),
    ],
)
def test_a_report_step_from_a_wrong_state_is_a_409_naming_the_allowed_states(
    client, auth, unchanged, status, action, body, allowed
):
    received_on = None if status == ReportStatus.DUE else dt.date(2016, 1, 5)
    report = DueReportFactory(status=status, received_on=received_on)
    with unchanged():
        response = client.post(f"{API}/grant-reports/{report.id}/{action}", json=body, headers=auth("staff"))
    assert response.status_code == 409
    assert response.get_json()["current_state"] == str(status)
    assert response.get_json()["allowed_states"] == allowed


def test_a_return_needs_a_note(client, auth, unchanged):
    report = DueReportFactory(status=ReportStatus.RECEIVED, received_on=dt.date(2016, 1, 5))
    with unchanged():
        response = client.post(f"{API}/grant-reports/{report.id}/return", json={}, headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "note"


def test_a_returned_report_comes_back_with_corrected_counts_and_is_accepted(client, auth, db_session):
    report = DueReportFactory()
    assert receive(client, auth, report.id, [SHELTERED_GIRLS, TREATED_WOMEN]).status_code == 200

    response = client.post(
        f"{API}/grant-reports/{report.id}/return",
        json={"note": "Medical figures double-count referrals"},
        headers=auth("staff"),
    )
    assert response.status_code == 200
    assert response.get_json()["status"] == "returned"
    assert response.get_json()["review_note"] == "Medical figures double-count referrals"

    corrected = [{**SHELTERED_GIRLS, "people": 14}, {**TREATED_WOMEN, "assistance": "legal_administrative"}]
    response = receive(client, auth, report.id, corrected, received_on="2016-02-01")
    assert response.status_code == 200
    assert response.get_json()["beneficiaries"] == corrected

    response = client.post(f"{API}/grant-reports/{report.id}/acceptance", headers=auth("staff"))
    assert response.status_code == 200
    assert response.get_json()["status"] == "accepted"
    assert (
        client.get(f"{API}/grant-reports/{report.id}", headers=auth("staff")).get_json()["beneficiaries"]
        == corrected
    )
    assert audit_actions(db_session, "grant_report", report.id) == [
        "grant_report.receive",
        "grant_report.return",
        "grant_report.receive",
        "grant_report.accept",
    ]


# --- list ----------------------------------------------------------------------------------


def test_overdue_reports_are_those_due_before_today_and_not_received_or_accepted(client, auth, grant):
    day = today()

    def report(days_from_today, status, **kw):
        received = None if status in (ReportStatus.DUE,) else day - dt.timedelta(days=40)
        return DueReportFactory(
            grant_id=grant.id,
            due_on=day + dt.timedelta(days=days_from_today),
            status=status,
            received_on=received,
            **kw,
        )

    late = report(-1, ReportStatus.DUE)
    sent_back = report(-30, ReportStatus.RETURNED)
    received = report(-7, ReportStatus.RECEIVED)
    accepted = report(-60, ReportStatus.ACCEPTED)
    due_today = report(0, ReportStatus.DUE)
    upcoming = report(10, ReportStatus.DUE, kind=ReportKind.FINAL)

    def ids(**query):
        body = client.get(f"{API}/grant-reports", query_string=query, headers=auth("staff")).get_json()
        return [r["id"] for r in body["items"]], [r["overdue"] for r in body["items"]]

    assert ids(overdue="true") == ([sent_back.id, late.id], [True, True])
    assert ids(overdue="false")[0] == [accepted.id, received.id, due_today.id, upcoming.id]
    assert ids()[0] == [accepted.id, sent_back.id, received.id, late.id, due_today.id, upcoming.id]
    assert ids(sort="-due_on")[0][0] == upcoming.id
    assert ids(kind="final")[0] == [upcoming.id]
    assert ids(status="returned")[0] == [sent_back.id]


def test_report_list_filters_by_grant(client, auth, grant):
    mine = DueReportFactory(grant_id=grant.id)
    DueReportFactory()
    body = client.get(f"{API}/grant-reports?grant_id={grant.id}", headers=auth("approver")).get_json()
    assert [r["id"] for r in body["items"]] == [mine.id]


def test_report_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, grant, query_counter):
    def count(n):
        for report in DueReportFactory.create_batch(n, grant_id=grant.id):
            receive(client, auth, report.id, [SHELTERED_GIRLS])
        with query_counter() as statements:
            response = client.get(f"{API}/grant-reports?page_size=100", headers=auth("staff"))
        assert response.status_code == 200
        assert all(r["people_assisted"] == 12 for r in response.get_json()["items"])
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 3  # count + page + beneficiaries


def test_a_report_cannot_be_received_before_its_grant_starts(client, auth, unchanged):
    report = DueReportFactory(grant_id=ActiveGrantFactory(starts_on=dt.date(2015, 7, 1)).id)
    with unchanged():
        response = receive(client, auth, report.id, [], received_on="2015-06-30")
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error == {"field": "received_on", "reason": "must not be before the grant starts (2015-07-01)"}
    assert receive(client, auth, report.id, [], received_on="2015-07-01").status_code == 200


def test_a_final_report_received_before_the_grant_started_cannot_make_it_closable(client, auth, unchanged):
    grant = ActiveGrantFactory(starts_on=dt.date(2015, 7, 1))
    final = DueReportFactory(grant_id=grant.id, kind=ReportKind.FINAL, due_on=dt.date(2017, 6, 30))
    with unchanged():
        assert receive(client, auth, final.id, [], received_on="2015-06-01").status_code == 422
        assert client.post(f"{API}/grants/{grant.id}/close", headers=auth("staff")).status_code == 409
