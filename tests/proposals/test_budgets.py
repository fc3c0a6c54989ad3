"""A proposal's budget: lines by category of its fund, adding up to the amount requested, indirect
costs within the fund's cap; given with the proposal and amended with it."""

import pytest
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.proposals.models import ProposalBudgetLine

from ..factories import BudgetCategoryFactory, FacetedProposalFactory
from .test_routes import URL, proposal_body, written


@pytest.fixture
def lines(fund):
    """Three categories of the fund: staff, direct assistance, indirect costs (capped at 7%)."""
    fund.indirect_cost_cap_bp = 700
    return [
        BudgetCategoryFactory(fund_id=fund.id, code="staff"),
        BudgetCategoryFactory(fund_id=fund.id, code="direct_assistance"),
        BudgetCategoryFactory(fund_id=fund.id, code="indirect_costs", indirect=True),
    ]


def budget(lines, *amounts):
    return [{"category_id": c.id, "amount": a} for c, a in zip(lines, amounts, strict=False)]


def test_a_proposal_is_submitted_with_its_budget_in_both_languages(
    client, auth, db_session, call, organisation, lines
):
    body = proposal_body(call, organisation, budget=budget(lines, "20000.00", "22000.00", "3000.00"))

    response = client.post(URL, json=body, headers=auth("staff"))

    assert response.status_code == 201, response.get_json()
    got = response.get_json()["budget"]
    assert [(line["code"], line["amount"], line["indirect"]) for line in got] == [
        ("staff", "20000.00", False),
        ("direct_assistance", "22000.00", False),
        ("indirect_costs", "3000.00", True),
    ]
    assert got[0]["name_fr"] == lines[0].name_fr
    detail = client.get(f"{URL}/{response.get_json()['id']}", headers=auth("staff")).get_json()
    assert detail["budget"] == got
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "proposal.submit")).one()
    assert event.after["budget"][2] == {"category_id": lines[2].id, "amount_minor": 3000_00}


def test_a_proposal_without_a_budget_is_submitted_as_before(client, auth, call, organisation):
    response = client.post(URL, json=proposal_body(call, organisation), headers=auth("staff"))
    assert response.status_code == 201
    assert response.get_json()["budget"] == []


@pytest.mark.parametrize(
    ("amounts", "reason"),
    [
        (("20000.00", "22000.00", "2000.00"), "the lines add up to 44,000.00 USD, not 45,000.00 USD"),
        (("20000.00", "21000.00", "4000.00"), "indirect costs of 4,000.00 USD exceed the fund's cap of 7.00"),
    ],
)
def test_a_budget_that_does_not_add_up_or_exceeds_the_cap_is_a_422_naming_budget(
    client, auth, db_session, call, organisation, lines, amounts, reason
):
    before = written(db_session)
    body = proposal_body(call, organisation, budget=budget(lines, *amounts))
    response = client.post(URL, json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["budget"]
    assert reason.replace(",", "") in response.get_json()["detail"].replace(",", "")
    assert written(db_session) == before


def test_a_budget_names_its_categories_once_from_its_own_fund_and_not_retired(
    client, auth, db_session, call, organisation, lines
):
    other_funds = BudgetCategoryFactory()
    retired = BudgetCategoryFactory(fund_id=lines[0].fund_id, retired=True)
    cases = {
        "appears twice": [budget(lines, "20000.00")[0], budget(lines, "25000.00")[0]],
        f"no budget category {other_funds.id}": [{"category_id": other_funds.id, "amount": "45000.00"}],
        "is retired": [{"category_id": retired.id, "amount": "45000.00"}],
    }
    before = written(db_session)
    for reason, lines_given in cases.items():
        response = client.post(
            URL, json=proposal_body(call, organisation, budget=lines_given), headers=auth("staff")
        )
        assert response.status_code == 422, reason
        assert reason in response.get_json()["detail"]
        assert response.get_json()["errors"][0]["field"] == "budget"
    assert written(db_session) == before


@pytest.mark.parametrize(
    "line",
    [
        {"category_id": 1, "amount": "0.00"},
        {"category_id": 1, "amount": 100},
        {"category_id": "1", "amount": "100.00"},
        {"category_id": 1, "amount": "100.001"},
        {"category_id": 1},
    ],
)
def test_a_malformed_budget_line_is_a_422_naming_budget(client, auth, call, organisation, line):
    response = client.post(URL, json=proposal_body(call, organisation, budget=[line]), headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"].startswith("budget")


def test_amending_the_amount_needs_the_budget_revised_with_it(client, auth, db_session, call, lines):
    proposal = FacetedProposalFactory(call=call, requested_minor=45_000_00)
    url = f"{URL}/{proposal.id}"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    given = client.patch(
        url,
        json={"budget": budget(lines, "20000.00", "22000.00", "3000.00")},
        headers=auth("staff", **{"If-Match": etag}),
    )
    assert given.status_code == 200, given.get_json()
    etag = given.headers["ETag"]

    alone = client.patch(
        url, json={"requested_amount": "40000.00"}, headers=auth("staff", **{"If-Match": etag})
    )

    assert alone.status_code == 422
    assert [e["field"] for e in alone.get_json()["errors"]] == ["requested_amount"]
    both = client.patch(
        url,
        json={"requested_amount": "40000.00", "budget": budget(lines, "18000.00", "22000.00")},
        headers=auth("staff", **{"If-Match": etag}),
    )
    assert both.status_code == 200, both.get_json()
    assert [line["amount"] for line in both.get_json()["budget"]] == ["18000.00", "22000.00"]
    stored = db_session.execute(
        select(ProposalBudgetLine.category_id, ProposalBudgetLine.amount_minor).order_by(
            ProposalBudgetLine.id
        )
    ).all()
    assert [tuple(row) for row in stored] == [(lines[0].id, 18000_00), (lines[1].id, 22000_00)]
