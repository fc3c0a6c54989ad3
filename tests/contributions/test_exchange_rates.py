import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from fundapp.contributions.models import ExchangeRate

from ..conftest import beyond_auth
from ..factories import ExchangeRateFactory


def rate_count(session):
    return session.scalar(select(func.count()).select_from(ExchangeRate))


def test_staff_add_a_rate_kept_exactly_as_a_decimal(client, auth, tokens, db_session):
    body = {"currency": "EUR", "rate_date": "2015-03-02", "usd_per_unit": "1.123456789012", "source": "UN"}
    response = client.post("/api/v1/exchange-rates", json=body, headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["usd_per_unit"] == "1.123456789012"
    assert db_session.get(ExchangeRate, response.get_json()["id"]).usd_per_unit == Decimal("1.123456789012")


def test_one_rate_per_currency_and_date_the_second_is_409_and_not_written(client, auth, tokens, db_session):
    body = {"currency": "EUR", "rate_date": "2015-03-02", "usd_per_unit": "1.10"}
    first = client.post("/api/v1/exchange-rates", json=body, headers=auth("staff")).get_json()
    again = client.post(
        "/api/v1/exchange-rates", json={**body, "usd_per_unit": "1.20"}, headers=auth("staff")
    )
    assert again.status_code == 409
    assert again.get_json()["existing_id"] == first["id"]
    assert "a rate for EUR on 2015-03-02 already exists" in again.get_json()["detail"]
    assert rate_count(db_session) == 1


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("usd_per_unit", "0", "greater than zero"),
        ("usd_per_unit", "0.000", "greater than zero"),
        ("usd_per_unit", "-1.1", "decimal string"),
        ("usd_per_unit", 1.1, "decimal string"),
        ("usd_per_unit", "NaN", "decimal string"),
        ("usd_per_unit", "1e3", "decimal string"),
        ("currency", "USD", "USD is the fund's currency"),
        ("currency", "XAU", "not an ISO 4217"),
        ("currency", "eur", "three capital letters"),
        ("rate_date", "2015-02-30", "Not a valid date"),
    ],
)
def test_bad_rates_are_a_422_naming_the_field_and_write_nothing(
    client, auth, tokens, db_session, field, value, reason
):
    body = {"currency": "EUR", "rate_date": "2015-03-02", "usd_per_unit": "1.10", field: value}
    response = client.post("/api/v1/exchange-rates", json=body, headers=auth("staff"))
    assert response.status_code == 422
    assert any(e["field"] == field and reason in e["reason"] for e in response.get_json()["errors"])
    assert rate_count(db_session) == 0


def test_rate_list_filters_by_currency_and_dates_newest_first(client, auth, tokens):
    for day in (1, 2, 3):
        ExchangeRateFactory(currency="EUR", rate_date=dt.date(2015, 3, day))
    ExchangeRateFactory(currency="GBP", rate_date=dt.date(2015, 3, 2))
    body = client.get(
        "/api/v1/exchange-rates?currency=EUR&from=2015-03-02", headers=auth("approver")
    ).get_json()
    assert [r["rate_date"] for r in body["items"]] == ["2015-03-03", "2015-03-02"]
    body = client.get("/api/v1/exchange-rates?to=2015-03-01", headers=auth("staff")).get_json()
    assert body["total"] == 1


def test_only_staff_maintain_rates(client, auth, tokens):
    body = {"currency": "EUR", "rate_date": "2015-03-02", "usd_per_unit": "1.10"}
    for role in ("board", "approver", "donor"):
        assert client.post("/api/v1/exchange-rates", json=body, headers=auth(role)).status_code == 403


def test_rate_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, tokens, query_counter):
    def count(n):
        ExchangeRateFactory.create_batch(n, currency="CHF")
        with query_counter() as statements:
            assert (
                client.get("/api/v1/exchange-rates?page_size=100", headers=auth("staff")).status_code == 200
            )
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2
