import pytest
from sqlalchemy import func, select

from fundapp.contributions.models import Campaign
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import FundFactory, PledgeCampaignFactory


def campaign_body(fund_id, **overrides):
    body = {
        "fund_id": fund_id,
        "name": "2017 online campaign",
        "platform": "online",
        "starts_on": "2017-01-01",
        "ends_on": "2017-12-31",
        "target": "50000.00",
    }
    body.update(overrides)
    return body


def campaign_count(session):
    return session.scalar(select(func.count()).select_from(Campaign))


def test_staff_create_a_campaign_with_a_target_in_usd(client, auth, fund, db_session):
    response = client.post("/api/v1/campaigns", json=campaign_body(fund.id), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["target"] == "50000.00"
    assert body["currency"] == "USD"
    assert db_session.get(Campaign, body["id"]).target_minor == 50_000_00
    fetched = client.get(f"/api/v1/campaigns/{body['id']}", headers=auth("board"))
    assert fetched.get_json()["name"] == "2017 online campaign"


@pytest.mark.parametrize(
    ("overrides", "field", "reason"),
    [
        ({"ends_on": "2016-12-31"}, "ends_on", "must not be before starts_on"),
        ({"target": 50000}, "target", "must be a string"),
        ({"target": "0"}, "target", "greater than zero"),
        ({"target": "50000.005"}, "target", "USD allows at most 2 decimals"),
        ({"currency": "JPY", "target": "5000000.5"}, "target", "JPY allows no decimals"),
        ({"name": ""}, "name", "blank"),
    ],
)
def test_bad_campaign_input_is_a_422_naming_the_field_and_writes_nothing(
    client, auth, fund, db_session, overrides, field, reason
):
    response = client.post(
        "/api/v1/campaigns", json=campaign_body(fund.id, **overrides), headers=auth("staff")
    )
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    assert any(e["field"] == field and reason in e["reason"] for e in response.get_json()["errors"])
    assert campaign_count(db_session) == 0


def test_a_campaign_name_is_unique_within_its_fund(client, auth, fund, db_session):
    first = client.post("/api/v1/campaigns", json=campaign_body(fund.id), headers=auth("staff")).get_json()
    again = client.post("/api/v1/campaigns", json=campaign_body(fund.id), headers=auth("staff"))
    assert again.status_code == 409
    assert again.get_json()["existing_id"] == first["id"]
    other_fund = FundFactory()
    elsewhere = client.post("/api/v1/campaigns", json=campaign_body(other_fund.id), headers=auth("staff"))
    assert elsewhere.status_code == 201
    assert campaign_count(db_session) == 2


def test_a_campaign_for_an_unknown_fund_is_404(client, auth, tokens):
    response = client.post("/api/v1/campaigns", json=campaign_body(999999), headers=auth("staff"))
    assert response.status_code == 404
    assert response.get_json()["detail"] == "fund 999999 does not exist"


def test_campaign_list_filters_by_fund_and_year(client, auth, fund):
    import datetime as dt

    PledgeCampaignFactory(fund_id=fund.id, starts_on=dt.date(2017, 3, 1))
    PledgeCampaignFactory(fund_id=fund.id, starts_on=dt.date(2018, 3, 1))
    PledgeCampaignFactory(starts_on=dt.date(2017, 5, 1))
    body = client.get(f"/api/v1/campaigns?fund_id={fund.id}&year=2017", headers=auth("staff")).get_json()
    assert body["total"] == 1
    assert body["items"][0]["starts_on"] == "2017-03-01"
    assert client.get("/api/v1/campaigns", headers=auth("staff")).get_json()["total"] == 3


def test_only_staff_create_campaigns_and_donors_do_not_read_them(client, auth, fund):
    for role in ("board", "approver", "donor"):
        response = client.post("/api/v1/campaigns", json=campaign_body(fund.id), headers=auth(role))
        assert response.status_code == 403
    assert client.get("/api/v1/campaigns", headers=auth("donor")).status_code == 403


def test_campaign_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, fund, query_counter):
    def count(n):
        PledgeCampaignFactory.create_batch(n, fund_id=fund.id)
        with query_counter() as statements:
            assert client.get("/api/v1/campaigns?page_size=100", headers=auth("staff")).status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2
