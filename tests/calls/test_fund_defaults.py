"""A call takes its fund's criteria and grant limits for those it does not name, and may not go
beyond the fund's limits."""

import pytest

from fundapp.audit import AuditEvent
from fundapp.calls.models import Call, CallStatus
from fundapp.funds.models import DEFAULT_CRITERIA

from ..factories import CallFactory, FundFactory
from .test_routes import call_body

LIMITS = ("grant_floor", "grant_ceiling", "max_duration_months")
TORTURE_CRITERIA = ["registered_non_profit", "assistance_to_torture_victims", "complete_application"]


@pytest.fixture
def limited_fund(db_session):
    """A fund whose grants are USD 5,000 to 50,000 for at most 12 months, with criteria of its own."""
    return FundFactory(
        grant_floor_minor=5_000_00,
        grant_ceiling_minor=50_000_00,
        max_duration_months=12,
        eligibility_criteria=TORTURE_CRITERIA,
    )


def without_limits(fund_id, **overrides):
    """A call's body naming only the limits in ``overrides``."""
    body = {k: v for k, v in call_body(fund_id).items() if k not in LIMITS}
    return {**body, **overrides}


def test_a_call_that_names_no_limits_or_criteria_takes_its_funds(client, auth, limited_fund, db_session):
    response = client.post("/api/v1/calls", json=without_limits(limited_fund.id), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["grant_floor"], body["grant_ceiling"], body["max_duration_months"]) == (
        "5000.00",
        "50000.00",
        12,
    )
    assert body["eligibility_criteria"] == TORTURE_CRITERIA
    event = db_session.query(AuditEvent).filter_by(entity="call", entity_id=body["id"]).one()
    assert (event.after["floor_minor"], event.after["ceiling_minor"]) == (5_000_00, 50_000_00)


def test_a_call_in_a_fund_without_criteria_of_its_own_takes_the_defaults(client, auth, fund):
    response = client.post("/api/v1/calls", json=call_body(fund.id), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["eligibility_criteria"] == list(DEFAULT_CRITERIA)


def test_a_call_may_name_narrower_limits_and_its_own_criteria(client, auth, limited_fund):
    body = call_body(
        limited_fund.id,
        grant_floor="10000.00",
        grant_ceiling="30000.00",
        max_duration_months=6,
        eligibility_criteria=["complete_application"],
    )
    response = client.post("/api/v1/calls", json=body, headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    got = response.get_json()
    assert (got["grant_floor"], got["grant_ceiling"], got["max_duration_months"]) == (
        "10000.00",
        "30000.00",
        6,
    )
    assert got["eligibility_criteria"] == ["complete_application"]


@pytest.mark.parametrize(
    ("overrides", "field", "limit"),
    [
        ({"grant_ceiling": "60000.00"}, "grant_ceiling", "50000.00 USD"),
        ({"grant_floor": "4000.00", "grant_ceiling": "40000.00"}, "grant_floor", "5000.00 USD"),
        ({"max_duration_months": 24}, "max_duration_months", "12 months"),
    ],
)
def test_a_call_beyond_its_funds_limits_is_a_422_naming_the_field_and_the_limit(
    client, auth, limited_fund, db_session, overrides, field, limit
):
    response = client.post(
        "/api/v1/calls", json=without_limits(limited_fund.id, **overrides), headers=auth("staff")
    )
    assert response.status_code == 422, response.get_json()
    (error,) = response.get_json()["errors"]
    assert error["field"] == field
    assert limit in error["reason"]
    assert db_session.query(Call).count() == 0


def test_a_call_without_limits_in_a_fund_without_any_is_a_422_naming_the_field(
    client, auth, fund, db_session
):
    response = client.post("/api/v1/calls", json=without_limits(fund.id), headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "grant_floor"
    assert db_session.query(Call).count() == 0


def test_a_draft_call_amended_beyond_its_funds_ceiling_is_a_422_and_keeps_its_terms(
    client, auth, limited_fund, db_session
):
    call = CallFactory(
        fund_id=limited_fund.id, status=CallStatus.DRAFT, floor_minor=5_000_00, ceiling_minor=40_000_00
    )
    response = client.patch(
        f"/api/v1/calls/{call.id}",
        json={"grant_ceiling": "55000.00"},
        headers={**auth("staff"), "If-Match": f'"call-{call.id}-v1"'},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "grant_ceiling"
    db_session.expire_all()
    assert db_session.get(Call, call.id).ceiling_minor == 40_000_00


def test_a_call_written_before_its_fund_lowered_the_ceiling_keeps_its_own(
    client, auth, limited_fund, db_session
):
    call = CallFactory(fund_id=limited_fund.id, floor_minor=5_000_00, ceiling_minor=50_000_00)
    url = f"/api/v1/funds/{limited_fund.id}"
    etag = client.get(url, headers=auth("admin")).headers["ETag"]
    changed = client.patch(
        url, json={"grant_ceiling": "30000.00"}, headers={**auth("admin"), "If-Match": etag}
    )
    assert changed.status_code == 200, changed.get_json()
    assert (
        client.get(f"/api/v1/calls/{call.id}", headers=auth("staff")).get_json()["grant_ceiling"]
        == "50000.00"
    )
