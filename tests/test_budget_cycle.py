"""A whole cycle with money by budget line, through HTTP alone: the fund's budget categories and
cap, a proposal with its budget, the Board's review (two members score it, a third declares a
conflict of interest and is recused on the slate), an award at a lower amount and the budget revised to it, an
increase requested by staff and approved by the fund manager, a no-cost extension, a final
financial report with an unspent balance, the closure that makes it a refund due, and the refund
that brings it back to the fund through the books."""

from __future__ import annotations

import datetime as dt

from .board.test_reviews import login
from .test_grant_cycle import Api


def test_a_cycle_with_reviews_a_recusal_budgets_an_amendment_and_an_unspent_balance_refunded(
    client, auth, fund, db_session
):
    api = Api(client, auth)
    today = dt.date.today()

    # The fund's money and its budget rules: three categories, indirect costs capped at 7%.
    donor = api.post("staff", "/donors", {"name": "Germany", "kind": "member_state", "country_code": "DE"})
    pledge = api.post(
        "staff",
        "/contributions",
        {
            "fund_id": fund.id,
            "donor_id": donor["id"],
            "pledged_on": today.isoformat(),
            "currency": "USD",
            "amount": "100000.00",
        },
        **{"Idempotency-Key": "budget-pledge"},
    )
    api.post(
        "staff",
        f"/contributions/{pledge['id']}/receipts",
        {"received_on": today.isoformat(), "amount": "100000.00"},
        **{"Idempotency-Key": "budget-receipt"},
    )
    staff, direct, indirect = (
        api.post("staff", f"/funds/{fund.id}/budget-categories", body)
        for body in (
            {"code": "staff", "name_en": "Staff and personnel", "name_fr": "Personnel"},
            {"code": "direct_assistance", "name_en": "Direct assistance", "name_fr": "Assistance directe"},
            {
                "code": "indirect_costs",
                "name_en": "Indirect costs",
                "name_fr": "Coûts indirects",
                "indirect": True,
            },
        )
    )
    etag = client.get(f"/api/v1/funds/{fund.id}", headers=auth("staff")).headers["ETag"]
    response = client.put(
        f"/api/v1/funds/{fund.id}/budget-rules",
        json={"indirect_cost_cap": "7.00"},
        headers=auth("staff", **{"If-Match": etag}),
    )
    assert response.status_code == 200, response.get_json()

    def lines(*amounts: str) -> list[dict]:
        return [
            {"category_id": c["id"], "amount": a}
            for c, a in zip((staff, direct, indirect), amounts, strict=False)
        ]

    # A call, one proposal with its budget (adding up to the 45,000.00 requested), screened.
    call = api.post(
        "staff",
        "/calls",
        {
            "fund_id": fund.id,
            "cycle_label": "12",
            "cycle_number": 12,
            "title": "Twelfth call for proposals",
            "launched_on": today.isoformat(),
            "deadline": (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat(),
            "grant_floor": "20000.00",
            "grant_ceiling": "60000.00",
            "max_duration_months": 24,
        },
    )
    api.post("staff", f"/calls/{call['id']}/open")
    org = api.post(
        "staff", "/organisations", {"name": "Casa Refugio", "country_code": "MX", "registration_number": "R1"}
    )
    proposal = api.post(
        "staff",
        "/proposals",
        {
            "call_id": call["id"],
            "organisation_id": org["id"],
            "title": "Shelter and legal aid in Tapachula",
            "summary": "Shelter, medical care and legal assistance.",
            "requested_amount": "45000.00",
            "duration_months": 12,
            "countries": ["MX"],
            "target_groups": ["women", "girls"],
            "assistance": ["shelter", "legal_administrative"],
            "budget": lines("20000.00", "22000.00", "3000.00"),
        },
    )
    assert [line["amount"] for line in proposal["budget"]] == ["20000.00", "22000.00", "3000.00"]
    api.post("staff", f"/calls/{call['id']}/close")
    criteria = api.get("staff", f"/calls/{call['id']}")["eligibility_criteria"]
    api.post(
        "staff",
        f"/proposals/{proposal['id']}/screening",
        {"checks": [{"criterion": c, "passed": True, "note": "Checked"} for c in criteria]},
    )
    api.post("staff", f"/calls/{call['id']}/review")

    # The Board recommends 40,000.00; the fund manager approves: the grant's budget starts as the
    # proposal's (45,000.00), so no tranche is paid until it is revised to the amount awarded.
    term = api.post(
        "staff",
        "/board/terms",
        {
            "fund_id": fund.id,
            "label": f"{today.year}-{today.year + 3}",
            "starts_on": today.replace(month=1, day=1).isoformat(),
            "ends_on": today.replace(year=today.year + 3, month=12, day=31).isoformat(),
        },
    )
    api.post(
        "staff",
        f"/board/terms/{term['id']}/members",
        {"name": "A. Chair", "country_code": "AT", "is_chair": True},
    )
    # Three members who review: each tied to a login by the e-mail address staff give them.
    reviewers = []
    for name in ("B. Member", "C. Member", "D. Member"):
        member = api.post("staff", f"/board/terms/{term['id']}/members", {"name": name, "country_code": "GH"})
        email = f"{name[0].lower()}.member@trustees.example"
        url = f"/api/v1/board/members/{member['id']}"
        etag = client.get(url, headers=auth("staff")).headers["ETag"]
        assert (
            client.patch(url, json={"email": email}, headers=auth("staff", **{"If-Match": etag})).status_code
            == 200
        )
        reviewers.append((member, login(db_session, email)))
    relevance = api.post(
        "staff",
        "/board/review-criteria",
        {"fund_id": fund.id, "name_en": "Relevance", "name_fr": "Pertinence", "scale_min": 1, "scale_max": 5},
    )
    session = api.post(
        "staff",
        "/board/sessions",
        {"call_id": call["id"], "term_id": term["id"], "held_on": today.isoformat(), "place": "Vienna"},
    )
    reviews_url = f"/api/v1/board/sessions/{session['id']}/reviews"
    for (_member, headers), score in zip(reviewers[:2], (5, 3), strict=True):
        scored = {
            "proposal_id": proposal["id"],
            "scores": [{"criterion_id": relevance["id"], "score": score}],
            "recommendation": "fund",
        }
        assert client.post(reviews_url, json=scored, headers=headers).status_code == 201
    recused, recused_headers = reviewers[2]
    conflict = {"proposal_id": proposal["id"], "conflict_of_interest": True, "comment": "Former trustee."}
    assert client.post(reviews_url, json=conflict, headers=recused_headers).status_code == 201
    slate = api.post(
        "board",
        f"/board/sessions/{session['id']}/recommendations",
        {
            "recommendations": [
                {
                    "proposal_id": proposal["id"],
                    "decision": "fund",
                    "amount": "40000.00",
                    "rank": 1,
                    "rationale": "Strong record; scope reduced to the income available",
                }
            ]
        },
    )
    assert [r["member_id"] for r in slate["recusals"]] == [recused["id"]]
    approval = api.post(
        "approver",
        f"/board/recommendations/{slate['recommendations'][0]['id']}/approval",
        {
            "decision": "approved",
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=365)).isoformat(),
        },
        **{"Idempotency-Key": "budget-approval"},
    )
    grant_id = approval["grant"]["id"] if "grant" in approval else approval["grant_id"]
    grant = api.get("staff", f"/grants/{grant_id}")
    assert [line["amount"] for line in grant["budget"]] == ["20000.00", "22000.00", "3000.00"]
    tranche = api.post(
        "staff",
        f"/grants/{grant_id}/disbursements",
        {"planned_on": today.isoformat(), "amount": "20000.00"},
        **{"Idempotency-Key": "budget-tranche-1"},
    )
    refused = api.post(
        "staff",
        f"/disbursements/{tranche['id']}/payment",
        {"paid_on": today.isoformat(), "amount": "20000.00"},
        expect=(409,),
    )
    assert (refused["budgeted"], refused["amount"]) == ("45000.00", "40000.00")
    etag = client.get(f"/api/v1/grants/{grant_id}", headers=auth("staff")).headers["ETag"]
    revised = client.put(
        f"/api/v1/grants/{grant_id}/budget",
        json={"budget": lines("18000.00", "19200.00", "2800.00")},  # indirect: 7.00% exactly
        headers=auth("staff", **{"If-Match": etag}),
    )
    assert revised.status_code == 200, revised.get_json()
    api.post(
        "staff",
        f"/disbursements/{tranche['id']}/payment",
        {"paid_on": today.isoformat(), "amount": "20000.00"},
        **{"Idempotency-Key": "budget-pay-1"},
    )

    # An increase requested by staff, approved by the fund manager (money checked under the fund's
    # lock), then the budget revised to the new amount; and a no-cost extension.
    increase = api.post(
        "staff",
        f"/grants/{grant_id}/amendments",
        {"amount": "44000.00", "reason": "A second shelter opened at the municipality's request"},
        **{"Idempotency-Key": "budget-increase"},
    )
    assert (increase["kind"], increase["status"]) == ("increase", "requested")
    decided = api.post(
        "approver",
        f"/grant-amendments/{increase['id']}/decision",
        {"decision": "approved", "decided_on": today.isoformat()},
        **{"Idempotency-Key": "budget-increase-approval"},
    )
    assert decided["status"] == "approved"
    assert api.get("staff", f"/funds/{fund.id}/position")["committed"] == "44000.00"
    etag = client.get(f"/api/v1/grants/{grant_id}", headers=auth("staff")).headers["ETag"]
    revised = client.put(
        f"/api/v1/grants/{grant_id}/budget",
        json={"budget": lines("20000.00", "21000.00", "3000.00")},
        headers=auth("staff", **{"If-Match": etag}),
    )
    assert revised.status_code == 200, revised.get_json()
    new_end = (today + dt.timedelta(days=455)).isoformat()
    extension = api.post(
        "staff", f"/grants/{grant_id}/amendments", {"ends_on": new_end, "reason": "Late start"}
    )
    api.post(
        "approver",
        f"/grant-amendments/{extension['id']}/decision",
        {"decision": "approved", "decided_on": today.isoformat()},
    )
    tranche = api.post(
        "staff",
        f"/grants/{grant_id}/disbursements",
        {"planned_on": today.isoformat(), "amount": "24000.00"},
        **{"Idempotency-Key": "budget-tranche-2"},
    )
    api.post(
        "staff",
        f"/disbursements/{tranche['id']}/payment",
        {"paid_on": today.isoformat(), "amount": "24000.00"},
        **{"Idempotency-Key": "budget-pay-2"},
    )

    # The final reports: 42,000.00 spent of the 44,000.00 paid.
    for nature, body in (
        ("narrative", {"people_assisted": 60}),
        ("financial", {"expenditure": lines("19000.00", "20500.00", "2500.00")}),
    ):
        report = api.post(
            "staff",
            f"/grants/{grant_id}/reports",
            {"kind": "final", "nature": nature, "due_on": today.isoformat()},
        )
        api.post(
            "staff", f"/grant-reports/{report['id']}/receipt", {"received_on": today.isoformat(), **body}
        )
        api.post("staff", f"/grant-reports/{report['id']}/acceptance")

    # Closure: the unspent 2,000.00 is due back; the refund received brings it to the fund.
    closed = api.post("staff", f"/grants/{grant_id}/close")
    assert (closed["ends_on"], closed["spent"], closed["refund_due"]) == (new_end, "42000.00", "2000.00")
    assert [line["spent"] for line in closed["budget"]] == ["19000.00", "20500.00", "2500.00"]
    api.post(
        "staff",
        f"/grants/{grant_id}/refunds",
        {"amount": "2000.00", "received_on": today.isoformat(), "reason": "Unspent balance at closure"},
        **{"Idempotency-Key": "budget-refund"},
    )
    grant = api.get("staff", f"/grants/{grant_id}")
    assert (grant["disbursed"], grant["refund_due"]) == ("42000.00", "0.00")
    position = api.get("staff", f"/funds/{fund.id}/position")
    assert (position["received"], position["committed"], position["disbursed"], position["uncommitted"]) == (
        "100000.00",
        "42000.00",
        "42000.00",
        "58000.00",
    )

    # One history holds it all: the budget revisions, the amendments and their decisions, the refund.
    history = api.get("staff", f"/grants/{grant_id}/history?page_size=100")["items"]
    actions = [e["action"] for e in history]
    for action in (
        "grant.create",
        "grant.budget",
        "grant_amendment.request",
        "grant_amendment.approve",
        "grant.amend",
    ):
        assert action in actions, action
    assert actions.count("grant.budget") == 2
    assert actions[-1] == "grant_refund.create"
    assert [e["after"]["amount"] for e in history if e["action"] == "grant_refund.create"] == ["2000.00"]
