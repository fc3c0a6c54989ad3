"""A fund's defaults for its calls and grants: eligibility criteria, grant size limits and
reporting rules, set through the API (admin, If-Match, audited)."""

import pytest

from fundapp.audit import AuditEvent
from fundapp.funds.models import DEFAULT_CRITERIA, Fund

from .test_settings import TORTURE_FUND, create

#: The Torture fund's grants: up to about USD 50,000 for one year, a final narrative and financial
#: report by 1 March of the following year (``reference/grant-systems.md`` §3.2).
RULES = {
    "grant_floor": "5000.00",
    "grant_ceiling": "50000.00",
    "max_duration_months": 12,
    "eligibility_criteria": [
        "registered_non_profit",
        "assistance_to_torture_victims",
        "complete_application",
    ],
    "reporting": {"final_due_days": 60},
}


def patch(client, auth, fund_id, body):
    url = f"/api/v1/funds/{fund_id}"
    etag = client.get(url, headers=auth("admin")).headers["ETag"]
    return client.patch(url, json=body, headers={**auth("admin"), "If-Match": etag})


def test_a_fund_is_created_with_its_criteria_grant_limits_and_reporting_rules(client, auth, db_session):
    response = create(client, auth, {**TORTURE_FUND, **RULES})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["grant_floor"], body["grant_ceiling"], body["max_duration_months"]) == (
        "5000.00",
        "50000.00",
        12,
    )
    assert body["eligibility_criteria"] == RULES["eligibility_criteria"]
    # the rules as they apply: what was not said takes its default
    assert body["reporting"] == {
        "final_due_days": 60,
        "final_natures": ["narrative", "financial"],
        "interim_every_months": None,
        "interim_due_days": 30,
        "interim_natures": ["narrative", "financial"],
    }
    fund = db_session.get(Fund, body["id"])
    assert (fund.grant_floor_minor, fund.grant_ceiling_minor) == (5000_00, 50000_00)
    event = db_session.query(AuditEvent).filter_by(entity="fund", entity_id=fund.id).one()
    assert event.after["grant_ceiling_minor"] == 50000_00
    assert event.after["reporting"]["final_due_days"] == 60


def test_a_fund_without_its_own_criteria_shows_the_defaults_and_no_limits(client, auth, fund):
    body = client.get(f"/api/v1/funds/{fund.id}", headers=auth("staff")).get_json()
    assert body["eligibility_criteria"] == list(DEFAULT_CRITERIA)
    assert (body["grant_floor"], body["grant_ceiling"], body["max_duration_months"], body["reporting"]) == (
        None,
        None,
        None,
        None,
    )


def test_changing_the_limits_and_rules_is_audited_before_and_after(client, auth, fund, db_session):
    response = patch(client, auth, fund.id, RULES)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["reporting"]["final_natures"] == ["narrative", "financial"]
    lifted = patch(
        client, auth, fund.id, {"grant_floor": None, "reporting": None, "eligibility_criteria": None}
    )
    assert lifted.status_code == 200, lifted.get_json()
    assert (lifted.get_json()["grant_floor"], lifted.get_json()["reporting"]) == (None, None)
    assert lifted.get_json()["eligibility_criteria"] == list(DEFAULT_CRITERIA)
    first, second = (
        db_session.query(AuditEvent)
        .filter_by(entity="fund", action="fund.update")
        .order_by(AuditEvent.id)
        .all()
    )
    assert (first.before["grant_ceiling_minor"], first.after["grant_ceiling_minor"]) == (None, 50000_00)
    assert (second.before["grant_floor_minor"], second.after["grant_floor_minor"]) == (5000_00, None)
    assert second.before["reporting"]["final_due_days"] == 60
    assert second.after["reporting"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"grant_floor": "60000.00", "grant_ceiling": "50000.00"}, "grant_ceiling"),
        ({"grant_floor": "0.00"}, "grant_floor"),
        ({"grant_ceiling": 50000}, "grant_ceiling"),
        ({"max_duration_months": 0}, "max_duration_months"),
        ({"max_duration_months": 121}, "max_duration_months"),
        ({"eligibility_criteria": []}, "eligibility_criteria"),
        ({"eligibility_criteria": ["Not a code"]}, "eligibility_criteria"),
        ({"reporting": {}}, "reporting"),
        ({"reporting": {"final_due_days": -1}}, "reporting"),
        ({"reporting": {"final_due_days": 60, "final_natures": ["narrative", "narrative"]}}, "reporting"),
        ({"reporting": {"final_due_days": 60, "interim_natures": ["photos"]}}, "reporting"),
        ({"reporting": {"final_due_days": 60, "interim_every_months": 0}}, "reporting"),
    ],
)
def test_bad_limits_or_rules_are_a_422_naming_the_field(client, auth, fund, db_session, body, field):
    response = patch(client, auth, fund.id, body)
    assert response.status_code == 422, response.get_json()
    assert response.headers["Content-Type"] == "application/problem+json"
    assert field in {e["field"].split(".")[0] for e in response.get_json()["errors"]}
    assert db_session.query(AuditEvent).filter_by(entity="fund", action="fund.update").count() == 0


def test_a_ceiling_below_the_floor_the_fund_already_has_is_a_422_and_changes_nothing(
    client, auth, fund, db_session
):
    assert patch(client, auth, fund.id, {"grant_floor": "20000.00"}).status_code == 200
    response = patch(client, auth, fund.id, {"grant_ceiling": "10000.00"})
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "grant_ceiling"
    assert "20000.00" in response.get_json()["errors"][0]["reason"]
    db_session.expire_all()
    assert db_session.get(Fund, fund.id).grant_ceiling_minor is None
