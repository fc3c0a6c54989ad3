import datetime as dt

import pytest

from fundapp.audit import AuditEvent
from fundapp.grants.models import GrantStatus, ReportKind, ReportNature, ReportStatus
from fundapp.grants.services import today

from ..conftest import beyond_auth
from ..factories import ActiveGrantFactory, DueReportFactory
from .conftest import API, audit_actions

GIRLS = {"sex": "female", "age_group": "child", "people": 12}
WOMEN = {"sex": "female", "age_group": "adult", "people": 30}
#: 42 people, each counted once: by sex and age, by nationality where known, by main kind of help.
PEOPLE = {
    "people_assisted": 42,
    "people_by_sex_and_age": [GIRLS, WOMEN],
    "people_by_nationality": [{"country_code": "NG", "people": 25}, {"country_code": "XK", "people": 2}],
    "people_by_assistance": [
        {"assistance": "shelter", "people": 12},
        {"assistance": "medical", "people": 30},
    ],
}


def receive(client, auth, report_id, people=None, received_on="2016-01-10"):
    return client.post(
        f"{API}/grant-reports/{report_id}/receipt",
        json={"received_on": received_on, **(people or {})},
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
    assert body["people_assisted"] is None
    assert body["people_by_sex_and_age"] == []
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


def test_a_report_is_received_with_its_people_counted_once_and_their_breakdowns(client, auth, db_session):
    report = DueReportFactory()
    response = receive(client, auth, report.id, PEOPLE)
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "received"
    assert body["received_on"] == "2016-01-10"
    assert {key: body[key] for key in PEOPLE} == PEOPLE
    assert audit_actions(db_session, "grant_report", report.id) == ["grant_report.receive"]
    event = db_session.query(AuditEvent).filter_by(entity="grant_report", entity_id=report.id).one()
    assert event.after["people_assisted"] == 42
    assert event.after["people_by_nationality"] == PEOPLE["people_by_nationality"]


def test_a_woman_given_shelter_and_legal_aid_counts_once(client, auth):
    """One person, two kinds of help: one person assisted, under the main kind of help."""
    report = DueReportFactory()
    one = {
        "people_assisted": 1,
        "people_by_sex_and_age": [{"sex": "female", "age_group": "adult", "people": 1}],
        "people_by_assistance": [{"assistance": "shelter", "people": 1}],
    }
    assert receive(client, auth, report.id, one).get_json()["people_assisted"] == 1
    twice = {
        **one,
        "people_by_assistance": [
            *one["people_by_assistance"],
            {"assistance": "legal_administrative", "people": 1},
        ],
    }
    other = DueReportFactory()
    response = receive(client, auth, other.id, twice)
    assert response.status_code == 422
    (error,) = response.get_json()["errors"]
    assert error["field"] == "people_by_assistance"
    assert error["reason"].startswith("adds up to 2 people, more than the 1 people assisted")


@pytest.mark.parametrize(
    ("field", "rows", "counted"),
    [
        ("people_by_sex_and_age", [GIRLS, {**WOMEN, "people": 31}], 43),
        ("people_by_nationality", [{"country_code": "NG", "people": 43}], 43),
        (
            "people_by_assistance",
            [{"assistance": "shelter", "people": 40}, {"assistance": "medical", "people": 5}],
            45,
        ),
    ],
)
def test_a_breakdown_above_the_people_assisted_is_a_422_naming_it(
    client, auth, unchanged, field, rows, counted
):
    report = DueReportFactory()
    with unchanged():
        response = receive(client, auth, report.id, {**PEOPLE, field: rows})
    assert response.status_code == 422
    (error,) = response.get_json()["errors"]
    assert error["field"] == field
    assert f"adds up to {counted} people, more than the 42 people assisted" in error["reason"]


def test_a_breakdown_without_the_people_assisted_is_a_422_naming_people_assisted(client, auth, unchanged):
    report = DueReportFactory()
    with unchanged():
        response = receive(client, auth, report.id, {"people_by_sex_and_age": [GIRLS]})
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"field": "people_assisted", "location": "json", "reason": "required with people_by_sex_and_age"}
    ]


@pytest.mark.parametrize(
    ("field", "rows", "repeated"),
    [
        (
            "people_by_sex_and_age",
            [GIRLS, {**GIRLS, "people": 3}],
            "(sex, age_group) may appear once; repeated: female/child",
        ),
        (
            "people_by_nationality",
            [{"country_code": "NG", "people": 1}] * 2,
            "country_code may appear once; repeated: NG",
        ),
        (
            "people_by_assistance",
            [{"assistance": "shelter", "people": 1}] * 2,
            "assistance may appear once; repeated: shelter",
        ),
    ],
)
def test_a_category_named_twice_in_a_breakdown_is_a_422_naming_it(
    client, auth, unchanged, field, rows, repeated
):
    report = DueReportFactory()
    with unchanged():
        response = receive(client, auth, report.id, {**PEOPLE, field: rows})
    assert response.status_code == 422
    (error,) = response.get_json()["errors"]
    assert error["field"] == field
    assert repeated in error["reason"]


@pytest.mark.parametrize(
    ("people", "field"),
    [
        (
            {"people_by_assistance": [{"assistance": "cash", "people": 1}]},
            "people_by_assistance.0.assistance",
        ),
        ({"people_by_sex_and_age": [{**GIRLS, "people": -1}]}, "people_by_sex_and_age.0.people"),
        ({"people_by_sex_and_age": [{**GIRLS, "people": "12"}]}, "people_by_sex_and_age.0.people"),
        ({"people_by_sex_and_age": [{**GIRLS, "sex": "other"}]}, "people_by_sex_and_age.0.sex"),
        ({"people_by_sex_and_age": [{**GIRLS, "name": "A. Person"}]}, "people_by_sex_and_age.0.name"),
        (
            {"people_by_nationality": [{"country_code": "EU", "people": 1}]},
            "people_by_nationality.0.country_code",
        ),
        ({"people_assisted": -1}, "people_assisted"),
        ({"people_assisted": "42"}, "people_assisted"),
    ],
)
def test_bad_people_rows_are_a_422_naming_the_row_and_field(client, auth, unchanged, people, field):
    report = DueReportFactory()
    with unchanged():
        response = receive(client, auth, report.id, {**PEOPLE, **people})
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]


def test_zero_people_is_a_valid_count_and_a_report_may_count_no_one(client, auth):
    report = DueReportFactory()
    response = receive(client, auth, report.id, {"people_assisted": 0})
    assert response.status_code == 200
    assert response.get_json()["people_assisted"] == 0
    financial = DueReportFactory(nature=ReportNature.FINANCIAL)
    body = receive(client, auth, financial.id).get_json()
    assert body["people_assisted"] is None
    assert (
        body["people_by_sex_and_age"] == body["people_by_nationality"] == body["people_by_assistance"] == []
    )


def test_a_report_cannot_be_received_in_the_future(client, auth, unchanged):
    report = DueReportFactory()
    with unchanged():
        response = receive(client, auth, report.id, received_on="2099-01-01")
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
    assert receive(client, auth, report.id, PEOPLE).status_code == 200

    response = client.post(
        f"{API}/grant-reports/{report.id}/return",
        json={"note": "Medical figures double-count referrals"},
        headers=auth("staff"),
    )
    assert response.status_code == 200
    assert response.get_json()["status"] == "returned"
    assert response.get_json()["review_note"] == "Medical figures double-count referrals"

    corrected = {
        "people_assisted": 44,
        "people_by_sex_and_age": [{**GIRLS, "people": 14}, WOMEN],
        "people_by_nationality": [],
        "people_by_assistance": [
            {"assistance": "shelter", "people": 14},
            {"assistance": "legal_administrative", "people": 30},
        ],
    }
    response = receive(client, auth, report.id, corrected, received_on="2016-02-01")
    assert response.status_code == 200
    assert {key: response.get_json()[key] for key in corrected} == corrected

    response = client.post(f"{API}/grant-reports/{report.id}/acceptance", headers=auth("staff"))
    assert response.status_code == 200
    assert response.get_json()["status"] == "accepted"
    read = client.get(f"{API}/grant-reports/{report.id}", headers=auth("staff")).get_json()
    assert {key: read[key] for key in corrected} == corrected
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
            receive(client, auth, report.id, PEOPLE)
        with query_counter() as statements:
            response = client.get(f"{API}/grant-reports?page_size=100", headers=auth("staff"))
        assert response.status_code == 200
        items = response.get_json()["items"]
        assert all(r["people_assisted"] == 42 and r["people_by_nationality"] for r in items)
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 4  # count + page + the people counts + the expenditure


def test_a_report_cannot_be_received_before_its_grant_starts(client, auth, unchanged):
    report = DueReportFactory(grant_id=ActiveGrantFactory(starts_on=dt.date(2015, 7, 1)).id)
    with unchanged():
        response = receive(client, auth, report.id, received_on="2015-06-30")
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error == {"field": "received_on", "reason": "must not be before the grant starts (2015-07-01)"}
    assert receive(client, auth, report.id, received_on="2015-07-01").status_code == 200


def test_a_final_report_received_before_the_grant_started_cannot_make_it_closable(client, auth, unchanged):
    grant = ActiveGrantFactory(starts_on=dt.date(2015, 7, 1))
    final = DueReportFactory(grant_id=grant.id, kind=ReportKind.FINAL, due_on=dt.date(2017, 6, 30))
    with unchanged():
        assert receive(client, auth, final.id, received_on="2015-06-01").status_code == 422
        assert client.post(f"{API}/grants/{grant.id}/close", headers=auth("staff")).status_code == 409
