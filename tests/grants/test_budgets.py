"""A grant's budget and what its financial reports say was spent: the lines add up to the grant's
amount before a tranche is paid (revised with If-Match after an award or amendment at another
amount); expenditure is reported per line, never beyond it; once the grant ends, what it was paid
and did not spend is a refund due, which a refund received pays back through the books."""

import pytest
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.books import services as books

from ..conftest import beyond_auth
from ..factories import (
    BudgetCategoryFactory,
    GrantBudgetLineFactory,
    GrantReportFactory,
    ReportExpenditureFactory,
)
from .conftest import API, audit_actions


@pytest.fixture
def categories(grant):
    return [
        BudgetCategoryFactory(fund_id=grant.fund_id, code="staff"),
        BudgetCategoryFactory(fund_id=grant.fund_id, code="direct_assistance"),
    ]


@pytest.fixture
def budgeted(grant, categories):
    """The grant (1,000.00) with a budget of 600.00 staff and 400.00 direct assistance."""
    GrantBudgetLineFactory(grant=grant, category_id=categories[0].id, amount_minor=600_00)
    GrantBudgetLineFactory(grant=grant, category_id=categories[1].id, amount_minor=400_00)
    return grant


def put_budget(client, auth, grant, lines, etag=None):
    etag = etag or client.get(f"{API}/grants/{grant.id}", headers=auth("staff")).headers["ETag"]
    body = {"budget": [{"category_id": c.id, "amount": a} for c, a in lines]}
    return client.put(
        f"{API}/grants/{grant.id}/budget", json=body, headers=auth("staff", **{"If-Match": etag})
    )


def pay(client, auth, grant, amount, on="2015-08-01"):
    tranche = client.post(
        f"{API}/grants/{grant.id}/disbursements",
        json={"planned_on": on, "amount": amount},
        headers=auth("staff"),
    ).get_json()
    return client.post(
        f"{API}/disbursements/{tranche['id']}/payment",
        json={"paid_on": on, "amount": amount},
        headers=auth("staff"),
    )


def financial(client, auth, grant, spent, kind="final", on="2016-07-01"):
    report = GrantReportFactory(grant=grant, kind=kind, nature="financial")
    body = {"received_on": on, "expenditure": [{"category_id": c.id, "amount": a} for c, a in spent]}
    return report, client.post(f"{API}/grant-reports/{report.id}/receipt", json=body, headers=auth("staff"))


def test_the_grant_shows_its_budget_with_what_was_spent_under_each_line(client, auth, budgeted, categories):
    body = client.get(f"{API}/grants/{budgeted.id}", headers=auth("board")).get_json()
    assert [(line["code"], line["amount"], line["spent"]) for line in body["budget"]] == [
        ("staff", "600.00", "0.00"),
        ("direct_assistance", "400.00", "0.00"),
    ]
    assert (body["spent"], body["refund_due"]) == ("0.00", None)
    alone = client.get(f"{API}/grants/{budgeted.id}/budget", headers=auth("approver"))
    assert alone.headers["ETag"] == f'"grant-{budgeted.id}-v1"'
    assert (alone.get_json()["amount"], alone.get_json()["budget"]) == ("1000.00", body["budget"])


def test_a_budget_that_does_not_add_up_to_the_amount_stops_payment_until_revised(
    client, auth, grant, categories, unchanged, db_session
):
    GrantBudgetLineFactory(grant=grant, category_id=categories[0].id, amount_minor=1200_00)  # awarded less
    tranche = client.post(
        f"{API}/grants/{grant.id}/disbursements",
        json={"planned_on": "2015-08-01", "amount": "500.00"},
        headers=auth("staff"),
    ).get_json()
    payment = {"paid_on": "2015-08-01", "amount": "500.00"}
    with unchanged():
        refused = client.post(
            f"{API}/disbursements/{tranche['id']}/payment", json=payment, headers=auth("staff")
        )
    assert refused.status_code == 409
    problem = refused.get_json()
    assert (problem["budgeted"], problem["amount"]) == ("1200.00", "1000.00")
    assert f"PUT /grants/{grant.id}/budget" in problem["detail"]

    revised = put_budget(client, auth, grant, [(categories[0], "700.00"), (categories[1], "300.00")])

    assert revised.status_code == 200, revised.get_json()
    assert [line["amount"] for line in revised.get_json()["budget"]] == ["700.00", "300.00"]
    assert revised.headers["ETag"] == f'"grant-{grant.id}-v2"'
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "grant.budget")).one()
    assert event.before == {"budget": [{"category_id": categories[0].id, "amount_minor": 1200_00}]}
    assert len(event.after["budget"]) == 2
    paid = client.post(f"{API}/disbursements/{tranche['id']}/payment", json=payment, headers=auth("staff"))
    assert paid.status_code == 200


def test_a_grant_without_a_budget_pays_as_before(client, auth, grant):
    assert pay(client, auth, grant, "500.00").status_code == 200


def test_revising_the_budget_needs_the_current_etag(client, auth, budgeted, categories, unchanged):
    body = {"budget": [{"category_id": categories[0].id, "amount": "1000.00"}]}
    path = f"{API}/grants/{budgeted.id}/budget"
    with unchanged():
        assert client.put(path, json=body, headers=auth("staff")).status_code == 428
        stale = auth("staff", **{"If-Match": f'"grant-{budgeted.id}-v0"'})
        assert client.put(path, json=body, headers=stale).status_code == 412
        board = auth("board", **{"If-Match": "*"})
        assert client.put(path, json=body, headers=board).status_code == 403


def test_a_revised_budget_adds_up_to_the_grants_amount(client, auth, budgeted, categories, unchanged):
    with unchanged():
        response = put_budget(client, auth, budgeted, [(categories[0], "600.00"), (categories[1], "300.00")])
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["budget"]
    assert "900.00 USD, not 1000.00 USD" in response.get_json()["detail"]


def test_an_ended_grants_budget_is_not_revised(client, auth, budgeted, categories, unchanged):
    client.post(
        f"{API}/grants/{budgeted.id}/terminate", json={"reason": "Closed down"}, headers=auth("staff")
    )
    with unchanged():
        response = put_budget(client, auth, budgeted, [(categories[0], "1000.00")])
    assert response.status_code == 409
    assert response.get_json()["current_state"] == "terminated"


def test_a_financial_report_records_expenditure_per_line_and_the_grant_totals_it(
    client, auth, budgeted, categories, db_session
):
    report, response = financial(client, auth, budgeted, [(categories[0], "550.00"), (categories[1], "0.00")])

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["expenditure"] == [
        {"category_id": categories[0].id, "amount": "550.00"},
        {"category_id": categories[1].id, "amount": "0.00"},
    ]
    detail = client.get(f"{API}/grants/{budgeted.id}", headers=auth("staff")).get_json()
    assert [line["spent"] for line in detail["budget"]] == ["550.00", "0.00"]
    assert detail["spent"] == "550.00"
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "grant_report.receive")).one()
    assert event.after["expenditure"][0] == {"category_id": categories[0].id, "amount_minor": 550_00}


def test_a_returned_financial_report_counts_nothing_until_received_again_and_is_then_replaced(
    client, auth, budgeted, categories
):
    report, _ = financial(client, auth, budgeted, [(categories[0], "550.00")])
    client.post(f"{API}/grant-reports/{report.id}/return", json={"note": "By line"}, headers=auth("staff"))
    assert client.get(f"{API}/grants/{budgeted.id}", headers=auth("staff")).get_json()["spent"] == "0.00"
    body = {
        "received_on": "2016-07-02",
        "expenditure": [{"category_id": categories[1].id, "amount": "400.00"}],
    }
    again = client.post(f"{API}/grant-reports/{report.id}/receipt", json=body, headers=auth("staff"))
    assert again.status_code == 200, again.get_json()
    assert again.get_json()["expenditure"] == [{"category_id": categories[1].id, "amount": "400.00"}]
    assert client.get(f"{API}/grants/{budgeted.id}", headers=auth("staff")).get_json()["spent"] == "400.00"


def test_expenditure_beyond_a_line_over_the_reports_is_a_422_naming_expenditure(
    client, auth, budgeted, categories, unchanged
):
    financial(client, auth, budgeted, [(categories[1], "300.00")], kind="interim", on="2016-01-15")
    report = GrantReportFactory(grant=budgeted, kind="final", nature="financial")
    body = {
        "received_on": "2016-07-01",
        "expenditure": [{"category_id": categories[1].id, "amount": "100.01"}],
    }
    with unchanged():
        response = client.post(f"{API}/grant-reports/{report.id}/receipt", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["expenditure"]
    assert "400.01 USD spent of its 400.00 USD" in response.get_json()["detail"]


def test_a_budget_line_is_not_revised_below_what_was_spent_under_it(
    client, auth, budgeted, categories, unchanged
):
    financial(client, auth, budgeted, [(categories[0], "550.00")])
    with unchanged():
        response = put_budget(client, auth, budgeted, [(categories[0], "500.00"), (categories[1], "500.00")])
    assert response.status_code == 422
    assert "550.00 USD is spent under it already" in response.get_json()["detail"]


@pytest.mark.parametrize(
    ("nature", "line", "reason"),
    [
        ("narrative", 0, "only a financial report states expenditure"),
        ("financial", None, "the grant's budget has no line"),
    ],
)
def test_expenditure_belongs_to_a_financial_report_and_a_line_of_the_budget(
    client, auth, budgeted, categories, unchanged, nature, line, reason
):
    category_id = (
        categories[line].id if line is not None else BudgetCategoryFactory(fund_id=budgeted.fund_id).id
    )
    report = GrantReportFactory(grant=budgeted, nature=nature)
    body = {"received_on": "2016-07-01", "expenditure": [{"category_id": category_id, "amount": "10.00"}]}
    with unchanged():
        response = client.post(f"{API}/grant-reports/{report.id}/receipt", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["expenditure"]
    assert reason in response.get_json()["detail"]


def test_a_grant_without_a_budget_reports_no_expenditure(client, auth, grant, categories, unchanged):
    report = GrantReportFactory(grant=grant, nature="financial")
    body = {
        "received_on": "2016-07-01",
        "expenditure": [{"category_id": categories[0].id, "amount": "10.00"}],
    }
    with unchanged():
        response = client.post(f"{API}/grant-reports/{report.id}/receipt", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert "has no budget to report against" in response.get_json()["detail"]


def test_unspent_money_is_a_refund_due_once_the_grant_ends_and_a_refund_pays_it_back(
    client, auth, budgeted, categories, db_session
):
    assert pay(client, auth, budgeted, "1000.00").status_code == 200
    financial(client, auth, budgeted, [(categories[0], "600.00"), (categories[1], "250.00")])
    assert client.get(f"{API}/grants/{budgeted.id}", headers=auth("staff")).get_json()["refund_due"] is None

    ended = client.post(
        f"{API}/grants/{budgeted.id}/terminate", json={"reason": "Done early"}, headers=auth("staff")
    )

    assert ended.status_code == 200
    assert (ended.get_json()["spent"], ended.get_json()["refund_due"]) == ("850.00", "150.00")
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "grant.terminate")).one()
    assert event.after["refund_due_minor"] == 150_00
    received_before = books.fund_balances(db_session, budgeted.fund_id)
    refund = client.post(
        f"{API}/grants/{budgeted.id}/refunds",
        json={"amount": "150.00", "received_on": "2016-08-01", "reason": "Unspent balance"},
        headers=auth("staff"),
    )
    assert refund.status_code == 201, refund.get_json()
    detail = client.get(f"{API}/grants/{budgeted.id}", headers=auth("staff")).get_json()
    assert (detail["disbursed"], detail["refund_due"]) == ("850.00", "0.00")
    # the money is the fund's again: 150.00 less committed (received unchanged)
    assert books.fund_balances(db_session, budgeted.fund_id) == (
        received_before[0],
        received_before[1] - 150_00,
    )
    assert audit_actions(db_session, "grant", budgeted.id)[-1] == "grant.terminate"


def test_the_grant_reads_its_budget_and_expenditure_in_the_same_queries_for_2_and_20_lines(
    client, auth, grant, query_counter
):
    def count(n):
        for _ in range(n):
            line = GrantBudgetLineFactory(grant=grant)
            report = GrantReportFactory(grant=grant, nature="financial", status="received")
            ReportExpenditureFactory(report=report, category_id=line.category_id, amount_minor=10_00)
        with query_counter() as statements:
            response = client.get(f"{API}/grants/{grant.id}", headers=auth("staff"))
        assert response.status_code == 200
        assert len(response.get_json()["budget"]) == len(response.get_json()["reports"])
        return len(beyond_auth(statements))

    # the grant with its organisation and call; its conditions, tranches, reports, their people
    # and expenditure, refunds, amendments, budget lines with their categories; paid (the books);
    # spent by line
    assert count(2) == count(18) == 11
