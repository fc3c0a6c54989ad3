"""A whole grant cycle through HTTP alone: call, proposals, screening, Board, approval,
grant, disbursements, reports, closure — the way fund staff run the fund."""

from __future__ import annotations

import datetime as dt

import pytest

API = "/api/v1"


class Api:
    """A tiny client that fails loudly, with the problem's detail, when a step is refused."""

    def __init__(self, client, auth):
        self.client, self.auth = client, auth

    def post(self, role, path, body=None, expect=(200, 201), **headers):
        response = self.client.post(API + path, json=body or {}, headers=self.auth(role, **headers))
        assert response.status_code in expect, (path, response.status_code, response.get_json())
        return response.get_json()

    def get(self, role, path, expect=200):
        response = self.client.get(API + path, headers=self.auth(role))
        assert response.status_code == expect, (path, response.status_code, response.get_json())
        return response.get_json()


#: The grant limits the cycle's call has: named by the call in a fund without limits of its own,
#: the fund's own in the fund created through the API.
CALL_LIMITS = {"grant_floor": "20000.00", "grant_ceiling": "60000.00", "max_duration_months": 24}


@pytest.fixture(params=["the test's fund", "a fund created through the API"])
def cycle(request, client, auth, fund):
    """The fund the cycle runs in, the headers of its people and the grant limits its calls must
    name: the test's fund and its users (a fund without limits or rules of its own: its calls name
    their limits, its staff schedule reports by hand), or a new fund an admin creates through the
    API with its grant limits and reporting rules, and staff, a Board member and an approver
    created (with their tokens) through the API to work for it, and for it only."""
    if request.param == "the test's fund":
        return fund.id, auth, CALL_LIMITS
    created = client.post(
        API + "/funds",
        json={
            "code": "UNVFVT",
            "name_en": "United Nations Voluntary Fund for Victims of Torture",
            "name_fr": "Fonds de contributions volontaires des Nations Unies pour les victimes de la torture",
            "short_name": "UNVFVT",
            "administrator": "OHCHR",
            "established_on": "1981-12-16",
            "mandate": {
                "resolution": "36/151",
                "assistance": ["medical", "psychological_recovery"],
                "groups": [],
            },
            **CALL_LIMITS,
            "reporting": {"final_due_days": 60},
        },
        headers=auth("admin"),
    )
    assert created.status_code == 201, created.get_json()
    fund_id = created.get_json()["id"]
    tokens = {}
    for role in ("staff", "board", "approver"):
        user = client.post(
            API + "/users",
            json={
                "email": f"{role}@ohchr.example",
                "name": f"OHCHR {role}",
                "role": role,
                "fund_ids": [fund_id],
            },
            headers=auth("admin"),
        )
        assert user.status_code == 201, user.get_json()
        token = client.post(
            f"{API}/users/{user.get_json()['id']}/tokens", json={"name": "cycle"}, headers=auth("admin")
        )
        tokens[role] = token.get_json()["token"]

    def headers(role, **extra):
        if role not in tokens:
            return auth(role, **extra)
        return {"Authorization": f"Bearer {tokens[role]}", **extra}

    # the test fund's staff (whose tokens the other cycle uses) do not see the new fund
    assert client.get(f"{API}/funds/{fund_id}/position", headers=auth("staff")).status_code == 404
    return fund_id, headers, {}


def test_a_whole_cycle_runs_through_the_api_from_call_to_closed_grant(client, cycle):
    fund_id, auth, call_limits = cycle
    api = Api(client, auth)
    today = dt.date.today()

    # Money first: a donor pledges and pays, so the fund has something to commit.
    donor = api.post("staff", "/donors", {"name": "Austria", "kind": "member_state", "country_code": "AT"})
    pledge = api.post(
        "staff",
        "/contributions",
        {
            "fund_id": fund_id,
            "donor_id": donor["id"],
            "pledged_on": today.isoformat(),
            "currency": "USD",
            "amount": "100000.00",
        },
        **{"Idempotency-Key": "pledge-1"},
    )
    api.post(
        "staff",
        f"/contributions/{pledge['id']}/receipts",
        {"received_on": today.isoformat(), "amount": "100000.00"},
        **{"Idempotency-Key": "receipt-1"},
    )

    # 1. The call opens.
    call = api.post(
        "staff",
        "/calls",
        {
            "fund_id": fund_id,
            "cycle_label": "11",
            "cycle_number": 11,
            "title": "Eleventh call for proposals",
            "launched_on": today.isoformat(),
            "deadline": (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat(),
            "priorities": ["victims in armed conflict", "mixed migration flows"],
            **call_limits,
            "reserve_expires_on": (today + dt.timedelta(days=365)).isoformat(),
        },
    )
    assert (call["grant_floor"], call["grant_ceiling"], call["max_duration_months"]) == (
        "20000.00",
        "60000.00",
        24,
    )
    api.post("staff", f"/calls/{call['id']}/open")

    # 2. Three NGOs submit.
    proposals = []
    for n, (name, country) in enumerate(
        [("Casa Refugio", "MX"), ("Shelter Lagos", "NG"), ("Hope Kyiv", "UA")]
    ):
        org = api.post(
            "staff",
            "/organisations",
            {"name": name, "country_code": country, "registration_number": f"REG-{n}"},
        )
        proposals.append(
            api.post(
                "staff",
                "/proposals",
                {
                    "call_id": call["id"],
                    "organisation_id": org["id"],
                    "title": f"Direct assistance by {name}",
                    "summary": "Shelter, medical care and legal assistance.",
                    "requested_amount": "45000.00",
                    "duration_months": 12,
                    "countries": [country],
                    "target_groups": ["women", "girls"],
                    "assistance": ["shelter", "legal_administrative"],
                },
            )
        )
    funded, reserved, declined = proposals

    # 3. Screening after the call closes.
    api.post("staff", f"/calls/{call['id']}/close")
    criteria = api.get("staff", f"/calls/{call['id']}")["eligibility_criteria"]
    for proposal in proposals:
        screened = api.post(
            "staff",
            f"/proposals/{proposal['id']}/screening",
            {"checks": [{"criterion": c, "passed": True, "note": "Checked"} for c in criteria]},
        )
        assert screened["status"] == "eligible"
    api.post("staff", f"/calls/{call['id']}/review")

    # 4. The Board meets: one funded, one on the reserve list, one declined.
    term = api.post(
        "staff",
        "/board/terms",
        {
            "fund_id": fund_id,
            "label": f"{today.year}-{today.year + 3}",
            "starts_on": today.replace(month=1, day=1).isoformat(),
            "ends_on": today.replace(year=today.year + 3, month=12, day=31).isoformat(),
        },
    )
    api.post(
        "staff",
        f"/board/terms/{term['id']}/members",
        {"name": "Benita Ferrero-Waldner", "country_code": "AT", "is_chair": True, "gender": "F"},
    )
    session = api.post(
        "staff",
        "/board/sessions",
        {"call_id": call["id"], "term_id": term["id"], "held_on": today.isoformat(), "place": "Vienna"},
    )
    assert session["available_income"] == "100000.00"
    slate = api.post(
        "board",
        f"/board/sessions/{session['id']}/recommendations",
        {
            "recommendations": [
                {
                    "proposal_id": funded["id"],
                    "decision": "fund",
                    "amount": "40000.00",
                    "rank": 1,
                    "rationale": "Strong record of direct assistance",
                },
                {
                    "proposal_id": reserved["id"],
                    "decision": "reserve",
                    "rank": 2,
                    "rationale": "Good, if funds allow",
                },
                {"proposal_id": declined["id"], "decision": "decline", "rationale": "Outside the priorities"},
            ]
        },
    )
    recommendations = {r["proposal_id"]: r for r in slate["recommendations"]}
    assert recommendations[reserved["id"]]["reserve_expires_on"] == call["reserve_expires_on"]

    # 5. Final approval by the fund manager makes the grant.
    approval = api.post(
        "approver",
        f"/board/recommendations/{recommendations[funded['id']]['id']}/approval",
        {
            "decision": "approved",
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=365)).isoformat(),
        },
        **{"Idempotency-Key": "approval-1"},
    )
    grant_id = approval["grant"]["id"] if "grant" in approval else approval["grant_id"]
    grant = api.get("staff", f"/grants/{grant_id}")
    assert grant["amount"] == "40000.00"
    assert grant["status"] == "active"
    api.post("staff", f"/calls/{call['id']}/decide")

    # 6. Conditions before release, then two tranches paid.
    condition = api.post("staff", f"/grants/{grant_id}/conditions", {"description": "Bank details received"})
    condition_id = condition["id"] if "description" in condition else condition["conditions"][0]["id"]
    api.post("staff", f"/grants/{grant_id}/conditions/{condition_id}/met", {"met_on": today.isoformat()})
    starts_on = dt.date.fromisoformat(grant["starts_on"])
    for n in (1, 2):
        tranche = api.post(
            "staff",
            f"/grants/{grant_id}/disbursements",
            {"planned_on": starts_on.isoformat(), "amount": "20000.00"},
            **{"Idempotency-Key": f"tranche-{n}"},
        )
        api.post(
            "staff",
            f"/disbursements/{tranche['id']}/payment",
            {"paid_on": today.isoformat(), "amount": "20000.00"},
            **{"Idempotency-Key": f"pay-{n}"},
        )

    # 7. Interim and final reports, received with the people assisted (each counted once), accepted.
    people = {
        "people_assisted": 42,
        "people_by_sex_and_age": [
            {"sex": "female", "age_group": "child", "people": 12},
            {"sex": "female", "age_group": "adult", "people": 30},
        ],
        "people_by_nationality": [{"country_code": "NG", "people": 40}],
        "people_by_assistance": [
            {"assistance": "shelter", "people": 12},
            {"assistance": "legal_administrative", "people": 30},
        ],
    }
    # the final reports are expected from the approval where the fund's rules say so (60 days
    # after the grant ends); staff schedule what the rules do not
    expected = {(r["kind"], r["nature"]): r for r in api.get("staff", f"/grants/{grant_id}")["reports"]}
    final_due = (dt.date.fromisoformat(grant["ends_on"]) + dt.timedelta(days=60)).isoformat()
    if call_limits:
        assert expected == {}
    else:
        assert {key: r["due_on"] for key, r in expected.items()} == {
            ("final", "narrative"): final_due,
            ("final", "financial"): final_due,
        }
    for kind, nature in (("interim", "narrative"), ("final", "narrative"), ("final", "financial")):
        report = expected.get((kind, nature)) or api.post(
            "staff",
            f"/grants/{grant_id}/reports",
            {"kind": kind, "nature": nature, "due_on": today.isoformat()},
        )
        api.post(
            "staff",
            f"/grant-reports/{report['id']}/receipt",
            {"received_on": today.isoformat(), **(people if nature == "narrative" else {})},
        )
        api.post("staff", f"/grant-reports/{report['id']}/acceptance")

    # 8. Closure; the call completes.
    closed = api.post("staff", f"/grants/{grant_id}/close")
    assert closed["status"] == "closed"
    api.post("staff", f"/calls/{call['id']}/complete")

    position = api.get("staff", f"/funds/{fund_id}/position")
    assert position["received"] == "100000.00"
    assert position["disbursed"] == "40000.00"
    assert position["committed"] == "40000.00"
    assert position["uncommitted"] == "60000.00"
    trail = api.get("admin", f"/audit-events?entity=grant&entity_id={grant_id}&page_size=100")
    assert {"grant.close"} <= {e["action"] for e in trail["items"]}

    # 9. The donor's statement holds its gift to this fund, and the fund's work in the period.
    statement = api.get("staff", f"/donors/{donor['id']}/statement")
    assert [(e["type"], e["fund_id"], e["usd"]) for e in statement["entries"]] == [
        ("pledge", fund_id, "100000.00"),
        ("receipt", fund_id, "100000.00"),
    ]
    assert [a["fund_id"] for a in statement["fund_activity"]] == [fund_id]
