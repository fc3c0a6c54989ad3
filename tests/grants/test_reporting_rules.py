"""The reports a fund's rules expect of each grant: scheduled when the grant is awarded, moved
and completed when an extension makes it longer."""

import datetime as dt

import pytest

from fundapp.audit import AuditEvent
from fundapp.calls.models import CallStatus
from fundapp.funds.models import Fund, ReportingRules
from fundapp.grants.models import GrantReport, ReportKind, ReportNature
from fundapp.grants.services import expected_reports, today

from ..factories import CallFactory, FundFactory, RecommendationFactory, fund_receives
from .conftest import API
from .test_amendments import decide, request

D = dt.date
INTERIM, FINAL = ReportKind.INTERIM, ReportKind.FINAL
NARRATIVE, FINANCIAL = ReportNature.NARRATIVE, ReportNature.FINANCIAL
#: The Slavery fund's (``reference/grant-systems.md`` §3.2): a six-month progress report by 15 July,
#: a final narrative and financial report by 1 March of the following year.
SLAVERY = ReportingRules(
    final_due_days=60, interim_every_months=6, interim_due_days=15, interim_natures=("narrative",)
)


def test_a_one_year_grant_from_january_owes_a_progress_report_by_15_july_and_its_final_ones_by_1_march():
    assert expected_reports(SLAVERY, D(2026, 1, 1), D(2026, 12, 31)) == [
        (INTERIM, NARRATIVE, D(2026, 7, 15)),
        (FINAL, NARRATIVE, D(2027, 3, 1)),
        (FINAL, FINANCIAL, D(2027, 3, 1)),
    ]


def test_a_two_year_grant_owes_an_interim_report_for_every_period_that_ends_before_it_does():
    rules = ReportingRules(final_due_days=90, interim_every_months=6, interim_due_days=30)
    got = expected_reports(rules, D(2027, 1, 1), D(2028, 12, 31))
    interim = [(nature, due) for kind, nature, due in got if kind == INTERIM]
    assert interim == [
        (NARRATIVE, D(2027, 7, 30)),
        (FINANCIAL, D(2027, 7, 30)),
        (NARRATIVE, D(2028, 1, 30)),
        (FINANCIAL, D(2028, 1, 30)),
        (NARRATIVE, D(2028, 7, 30)),
        (FINANCIAL, D(2028, 7, 30)),
    ]
    assert got[-2:] == [(FINAL, NARRATIVE, D(2029, 3, 31)), (FINAL, FINANCIAL, D(2029, 3, 31))]


def test_a_grant_no_longer_than_the_interim_period_owes_its_final_reports_only():
    assert expected_reports(SLAVERY, D(2027, 3, 15), D(2027, 9, 14)) == [
        (FINAL, NARRATIVE, D(2027, 11, 13)),
        (FINAL, FINANCIAL, D(2027, 11, 13)),
    ]


@pytest.fixture
def pending(db_session):
    """A recommendation of USD 40,000 awaiting approval in a fund with the Slavery fund's rules."""
    fund = FundFactory(reporting=SLAVERY.stored())
    fund_receives(fund.id, 100_000_00)
    call = CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW, reserve_expires_on=D(2099, 12, 31))
    return RecommendationFactory(session__call=call, amount_minor=40_000_00)


def approve(client, auth, recommendation, **dates):
    return client.post(
        f"{API}/board/recommendations/{recommendation.id}/approval",
        json={"decision": "approved", **dates},
        headers=auth("approver"),
    )


def reports_of(client, auth, grant_id):
    reports = client.get(f"{API}/grants/{grant_id}", headers=auth("staff")).get_json()["reports"]
    return [(r["kind"], r["nature"], r["due_on"], r["status"]) for r in reports]


def test_an_approved_grant_expects_the_reports_its_funds_rules_name_each_audited(
    client, auth, pending, db_session
):
    response = approve(client, auth, pending, starts_on="2027-01-01", ends_on="2027-12-31")
    assert response.status_code == 201, response.get_json()
    grant_id = response.get_json()["grant"]["id"]

    assert reports_of(client, auth, grant_id) == [
        ("interim", "narrative", "2027-07-15", "due"),
        ("final", "narrative", "2028-02-29", "due"),
        ("final", "financial", "2028-02-29", "due"),
    ]
    events = (
        db_session.query(AuditEvent).filter_by(entity="grant_report", action="grant_report.schedule").all()
    )
    assert len(events) == 3
    assert all(e.after["by_rule"] and e.after["grant_id"] == grant_id for e in events)


def test_a_grant_of_a_fund_without_rules_expects_no_report_until_staff_schedule_one(
    client, auth, pending, db_session
):
    db_session.get(Fund, pending.session.fund_id).reporting = None
    db_session.flush()
    response = approve(client, auth, pending, starts_on="2027-01-01", ends_on="2027-12-31")
    assert response.status_code == 201, response.get_json()
    assert reports_of(client, auth, response.get_json()["grant"]["id"]) == []


def test_an_extension_moves_the_final_reports_still_due_and_adds_the_interim_ones_it_now_runs_through(
    client, auth, pending, db_session
):
    grant_id = approve(client, auth, pending, starts_on="2027-01-01", ends_on="2027-12-31").get_json()[
        "grant"
    ]["id"]
    on = today().isoformat()  # an amendment is dated between the approval (today) and today
    amendment = request(client, auth, grant_id, requested_on=on, ends_on="2028-06-30").get_json()
    decided = decide(client, auth, amendment["id"], decided_on=on)
    assert decided.status_code == 200, decided.get_json()

    assert reports_of(client, auth, grant_id) == [
        ("interim", "narrative", "2027-07-15", "due"),
        ("interim", "narrative", "2028-01-15", "due"),
        ("final", "narrative", "2028-08-29", "due"),
        ("final", "financial", "2028-08-29", "due"),
    ]
    moved = db_session.query(AuditEvent).filter_by(action="grant_report.reschedule").all()
    assert (
        sorted((e.before["due_on"], e.after["due_on"]) for e in moved) == [("2028-02-29", "2028-08-29")] * 2
    )
    assert db_session.query(GrantReport).filter_by(grant_id=grant_id).count() == 4


def test_an_extension_leaves_a_final_report_staff_already_expect_on_the_new_date(
    client, auth, pending, db_session
):
    grant_id = approve(client, auth, pending, starts_on="2027-01-01", ends_on="2027-12-31").get_json()[
        "grant"
    ]["id"]
    by_hand = client.post(
        f"{API}/grants/{grant_id}/reports",
        json={"kind": "final", "nature": "narrative", "due_on": "2028-08-29"},
        headers=auth("staff"),
    )
    assert by_hand.status_code == 201, by_hand.get_json()
    on = today().isoformat()
    amendment = request(client, auth, grant_id, requested_on=on, ends_on="2028-06-30").get_json()
    decided = decide(client, auth, amendment["id"], decided_on=on)
    assert decided.status_code == 200, decided.get_json()
    finals = [r[1:3] for r in reports_of(client, auth, grant_id) if r[0] == "final"]
    assert sorted(finals) == [
        ("financial", "2028-08-29"),
        ("narrative", "2028-02-29"),
        ("narrative", "2028-08-29"),
    ]
