"""A fund's budget categories (English and French, indirect or not) and its cap on indirect
costs: managed by staff through the API, audited, changed with If-Match."""

import pytest
from sqlalchemy import func, select

from fundapp.audit import AuditEvent
from fundapp.funds.models import BudgetCategory

from ..factories import BudgetCategoryFactory, FundFactory

API = "/api/v1"
INDIRECT = {
    "code": "indirect_costs",
    "name_en": "Indirect (programme support) costs",
    "name_fr": "Coûts indirects (dépenses d'appui au programme)",
    "indirect": True,
}


def categories(fund):
    return f"{API}/funds/{fund.id}/budget-categories"


def writes(db_session):
    return (
        db_session.scalar(select(func.count()).select_from(AuditEvent)),
        db_session.execute(select(BudgetCategory.id, BudgetCategory.version)).all(),
    )


def test_staff_add_a_category_in_both_languages_and_it_is_listed_and_audited(client, auth, fund, db_session):
    response = client.post(categories(fund), json=INDIRECT, headers=auth("staff"))

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert {k: body[k] for k in INDIRECT} == INDIRECT
    assert (body["fund_id"], body["retired"], body["version"]) == (fund.id, False, 1)
    assert response.headers["ETag"] == f'"budgetcategory-{body["id"]}-v1"'
    listed = client.get(categories(fund), headers=auth("board")).get_json()
    assert [c["code"] for c in listed["items"]] == ["indirect_costs"]
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.entity == "budget_category")).one()
    assert (event.action, event.after["name_fr"]) == ("budget_category.create", INDIRECT["name_fr"])


def test_a_code_is_the_funds_own_a_second_is_a_409_naming_the_first(client, auth, fund, db_session):
    first = BudgetCategoryFactory(fund_id=fund.id, code="staff")
    BudgetCategoryFactory(fund_id=FundFactory().id, code="travel")  # another fund's code is free
    before = writes(db_session)
    response = client.post(categories(fund), json={**INDIRECT, "code": "staff"}, headers=auth("staff"))
    assert response.status_code == 409
    assert response.get_json()["existing_id"] == first.id
    assert writes(db_session) == before
    assert (
        client.post(categories(fund), json={**INDIRECT, "code": "travel"}, headers=auth("staff")).status_code
        == 201
    )


def test_a_category_is_renamed_and_retired_with_if_match_and_audited(client, auth, fund, db_session):
    category = BudgetCategoryFactory(fund_id=fund.id)
    path = f"{categories(fund)}/{category.id}"
    etag = client.get(path, headers=auth("staff")).headers["ETag"]

    response = client.patch(
        path,
        json={"name_fr": "Frais de personnel", "retired": True},
        headers=auth("staff", **{"If-Match": etag}),
    )

    assert response.status_code == 200, response.get_json()
    assert (response.get_json()["name_fr"], response.get_json()["retired"]) == ("Frais de personnel", True)
    assert response.headers["ETag"] != etag
    retired = client.get(f"{categories(fund)}?retired=true", headers=auth("staff")).get_json()
    assert [c["id"] for c in retired["items"]] == [category.id]
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "budget_category.update")).one()
    assert (event.before["retired"], event.after["retired"]) == (False, True)


def test_changing_a_category_needs_the_current_etag(client, auth, fund, db_session):
    category = BudgetCategoryFactory(fund_id=fund.id)
    path = f"{categories(fund)}/{category.id}"
    before = writes(db_session)
    assert client.patch(path, json={"retired": True}, headers=auth("staff")).status_code == 428
    stale = {"If-Match": f'"budgetcategory-{category.id}-v0"'}
    assert client.patch(path, json={"retired": True}, headers=auth("staff", **stale)).status_code == 412
    assert writes(db_session) == before


def test_another_funds_category_is_a_404_under_this_fund(client, auth, fund):
    other = BudgetCategoryFactory()
    response = client.get(f"{categories(fund)}/{other.id}", headers=auth("staff"))
    assert response.status_code == 404
    assert client.get(f"{API}/funds/999999/budget-categories", headers=auth("staff")).status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**INDIRECT, "code": "Indirect Costs"}, "code"),
        ({**INDIRECT, "code": "x" * 41}, "code"),
        ({**INDIRECT, "name_fr": ""}, "name_fr"),
        ({k: v for k, v in INDIRECT.items() if k != "name_en"}, "name_en"),
        ({**INDIRECT, "indirect": "yes"}, "indirect"),
        ({**INDIRECT, "fund_id": 2}, "fund_id"),
    ],
)
def test_bad_category_input_is_a_422_naming_the_field(client, auth, fund, db_session, body, field):
    before = writes(db_session)
    response = client.post(categories(fund), json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]
    assert writes(db_session) == before


@pytest.mark.parametrize("role", ["board", "approver", "donor"])
def test_only_staff_and_admin_add_or_change_categories(client, auth, fund, db_session, role):
    category = BudgetCategoryFactory(fund_id=fund.id)
    before = writes(db_session)
    assert client.post(categories(fund), json=INDIRECT, headers=auth(role)).status_code == 403
    headers = auth(role, **{"If-Match": "*"})
    path = f"{categories(fund)}/{category.id}"
    assert client.patch(path, json={"retired": True}, headers=headers).status_code == 403
    assert writes(db_session) == before


def test_the_cap_on_indirect_costs_is_set_and_lifted_with_if_match_and_audited(
    client, auth, fund, db_session
):
    path = f"{API}/funds/{fund.id}/budget-rules"
    read = client.get(f"{API}/funds/{fund.id}", headers=auth("staff"))
    etag = read.headers["ETag"]
    assert read.get_json()["indirect_cost_cap"] is None

    response = client.put(
        path, json={"indirect_cost_cap": "7.00"}, headers=auth("staff", **{"If-Match": etag})
    )

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["indirect_cost_cap"] == "7.00"
    db_session.refresh(fund)
    assert fund.indirect_cost_cap_bp == 700
    lifted = client.put(
        path,
        json={"indirect_cost_cap": None},
        headers=auth("staff", **{"If-Match": response.headers["ETag"]}),
    )
    assert lifted.get_json()["indirect_cost_cap"] is None
    actions = db_session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "fund")).all()
    assert actions == ["fund.budget_rules", "fund.budget_rules"]


@pytest.mark.parametrize(
    ("cap", "status"),
    [("100.01", 422), ("7.001", 422), ("-1.00", 422), (7, 422), ("100.00", 200), ("0.00", 200)],
)
def test_the_cap_is_a_share_from_0_to_100_per_cent(client, auth, fund, cap, status):
    headers = auth("staff", **{"If-Match": "*"})
    response = client.put(
        f"{API}/funds/{fund.id}/budget-rules", json={"indirect_cost_cap": cap}, headers=headers
    )
    assert response.status_code == status, response.get_json()
    if status == 422:
        assert [e["field"] for e in response.get_json()["errors"]] == ["indirect_cost_cap"]


def test_the_cap_needs_if_match_and_staff(client, auth, fund, db_session):
    path = f"{API}/funds/{fund.id}/budget-rules"
    assert client.put(path, json={"indirect_cost_cap": "7.00"}, headers=auth("staff")).status_code == 428
    board = auth("board", **{"If-Match": "*"})
    assert client.put(path, json={"indirect_cost_cap": "7.00"}, headers=board).status_code == 403
    db_session.refresh(fund)
    assert fund.indirect_cost_cap_bp is None


def test_the_funds_budget_rules_are_read_with_the_funds_etag(client, auth, fund):
    response = client.get(f"/api/v1/funds/{fund.id}/budget-rules", headers=auth("board"))
    assert response.status_code == 200
    assert response.get_json() == {"fund_id": fund.id, "indirect_cost_cap": None}
    fund_etag = client.get(f"/api/v1/funds/{fund.id}", headers=auth("staff")).headers["ETag"]
    assert response.headers["ETag"] == fund_etag
