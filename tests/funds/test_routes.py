import datetime as dt
from decimal import Decimal

import pytest

from fundapp.contributions.models import ContributionStatus, ReceiptStatus
from fundapp.db import utcnow
from fundapp.grants.models import GrantStatus

from ..conftest import beyond_auth
from ..factories import (
    CallFactory,
    ContributionFactory,
    ExchangeRateFactory,
    FundFactory,
    GrantFactory,
    PaidDisbursementFactory,
    ReceiptFactory,
)


def test_funds_are_listed_and_read_with_an_etag(client, auth, fund):
    FundFactory(code="OHCHR-VT", short_name="UNVFVT")
    body = client.get("/api/v1/funds?sort=-code", headers=auth("board")).get_json()
    assert body["total"] == 2
    assert body["items"][0]["code"] == "OHCHR-VT"
    response = client.get(f"/api/v1/funds/{fund.id}", headers=auth("approver"))
    assert response.status_code == 200
    assert response.get_json()["currency"] == "USD"
    assert response.headers["ETag"] == f'"fund-{fund.id}-v1"'
    missing = client.get("/api/v1/funds/999999", headers=auth("staff"))
    assert missing.status_code == 404
    assert missing.get_json()["detail"] == "fund 999999 does not exist"


@pytest.mark.parametrize(
    ("role", "status"), [("staff", 200), ("admin", 200), ("approver", 200), ("board", 200)]
)
def test_staff_admin_approvers_and_the_board_read_the_position(client, auth, fund, role, status):
    assert client.get(f"/api/v1/funds/{fund.id}/position", headers=auth(role)).status_code == status


def test_donors_and_anonymous_callers_do_not_read_the_funds_books(client, auth, fund):
    assert client.get(f"/api/v1/funds/{fund.id}/position", headers=auth("donor")).status_code == 403
    assert client.get("/api/v1/funds", headers=auth("donor")).status_code == 403
    assert client.get(f"/api/v1/funds/{fund.id}/position").status_code == 401


def test_the_position_of_an_empty_fund_is_zero_today(client, auth, fund):
    body = client.get(f"/api/v1/funds/{fund.id}/position", headers=auth("staff")).get_json()
    assert body["as_of"] == utcnow().date().isoformat()
    for figure in ("pledged", "received", "outstanding_pledges", "committed", "disbursed", "uncommitted"):
        assert body[figure] == "0.00"
    assert body["pledges_by_currency"] == []


def test_a_bad_as_of_is_422_and_an_unknown_fund_404(client, auth, fund):
    response = client.get(f"/api/v1/funds/{fund.id}/position?as_of=2016-02-30", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "as_of"
    assert client.get("/api/v1/funds/999999/position", headers=auth("staff")).status_code == 404


@pytest.fixture
def hand_built_fund(fund):
    """Every kind of record, on both sides of 2016-12-31, with figures easy to add up by hand."""
    f = fund.id

    def pledge(currency, minor, on, **kw):
        return ContributionFactory(fund_id=f, currency=currency, pledged_minor=minor, pledged_on=on, **kw)

    def receipt(contribution, minor, usd, on, **kw):
        return ReceiptFactory(
            contribution=contribution, amount_minor=minor, usd_minor=usd, received_on=on, **kw
        )

    usd = pledge("USD", 1000_00, dt.date(2015, 1, 15))
    receipt(usd, 600_00, 600_00, dt.date(2015, 2, 1))
    receipt(
        usd,
        100_00,
        100_00,
        dt.date(2015, 5, 1),
        status=ReceiptStatus.REVERSED,
        reversal_reason="bounced",
        reversed_at=utcnow(),
    )
    eur = pledge("EUR", 1000_00, dt.date(2015, 3, 1))
    receipt(eur, 400_00, 440_00, dt.date(2015, 4, 1), usd_rate=Decimal("1.10"))
    pledge("GBP", 500_00, dt.date(2016, 1, 1))  # no GBP rate anywhere
    pledge("JPY", 1_000_000, dt.date(2016, 2, 1))
    pledge(
        "USD",
        300_00,
        dt.date(2015, 6, 1),
        status=ContributionStatus.CANCELLED,
        cancellation_reason="withdrawn",
    )
    later = pledge("USD", 5000_00, dt.date(2017, 2, 1))
    receipt(later, 5000_00, 5000_00, dt.date(2017, 3, 1))
    ContributionFactory(currency="USD", pledged_minor=777_00)  # another fund's
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2015, 1, 1), usd_per_unit=Decimal("1.05"))
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2016, 6, 30), usd_per_unit=Decimal("1.20"))
    ExchangeRateFactory(currency="EUR", rate_date=dt.date(2017, 1, 5), usd_per_unit=Decimal("1.30"))
    ExchangeRateFactory(currency="JPY", rate_date=dt.date(2016, 1, 15), usd_per_unit=Decimal("0.0085"))

    call = CallFactory(fund_id=f)
    active = GrantFactory(proposal__call=call, amount_minor=300_00, approved_on=dt.date(2015, 6, 1))
    PaidDisbursementFactory(grant=active, amount_minor=50_00, paid_on=dt.date(2015, 7, 20))
    PaidDisbursementFactory(grant=active, amount_minor=100_00, paid_on=dt.date(2017, 1, 10))
    closed = GrantFactory(
        proposal__call=call, amount_minor=500_00, approved_on=dt.date(2015, 6, 1), status=GrantStatus.CLOSED
    )
    PaidDisbursementFactory(grant=closed, amount_minor=100_00, paid_on=dt.date(2016, 1, 10))
    GrantFactory(proposal__call=call, amount_minor=200_00, approved_on=dt.date(2017, 1, 15))
    GrantFactory(amount_minor=999_00)  # another fund's
    return fund


def test_the_position_of_a_hand_built_fund_at_the_end_of_2016(client, auth, hand_built_fund):
    response = client.get(
        f"/api/v1/funds/{hand_built_fund.id}/position?as_of=2016-12-31", headers=auth("staff")
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["as_of"] == "2016-12-31"
    assert body["currency"] == "USD"
    # received: 600 + 100 (USD; that 100 was reversed only today) + 440 (EUR 400 at 1.10); not the
    # 2017 receipt. A correction is dated the day it is made: it never rewrites a past day.
    assert body["received"] == "1140.00"
    # committed: the active grant in full (300), the closed one for what it paid (100); not the 2017 grant
    assert body["committed"] == "400.00"
    # disbursed: 50 paid in 2015 + 100 paid in 2016; not the 100 paid in 2017
    assert body["disbursed"] == "150.00"
    assert body["undisbursed_commitments"] == "250.00"
    assert body["uncommitted"] == "740.00"
    # outstanding: USD 300 + EUR 600 x 1.20 (latest rate by then) + JPY 1,000,000 x 0.0085; GBP: no rate
    assert body["outstanding_pledges"] == "9520.00"
    assert body["pledged"] == "10660.00"
    assert body["unconverted_currencies"] == ["GBP"]
    assert body["pledges_by_currency"] == [
        {"currency": "EUR", "outstanding": "600.00", "outstanding_usd": "720.00", "usd_per_unit": "1.20",
         "rate_date": "2016-06-30"},
        {"currency": "GBP", "outstanding": "500.00", "outstanding_usd": None, "usd_per_unit": None,
         "rate_date": None},
        {"currency": "JPY", "outstanding": "1000000", "outstanding_usd": "8500.00", "usd_per_unit": "0.0085",
         "rate_date": "2016-01-15"},
        {"currency": "USD", "outstanding": "300.00", "outstanding_usd": "300.00", "usd_per_unit": None,
         "rate_date": None},
    ]  # fmt: skip


def test_the_position_of_the_same_fund_a_year_earlier(client, auth, hand_built_fund):
    body = client.get(
        f"/api/v1/funds/{hand_built_fund.id}/position?as_of=2015-12-31", headers=auth("staff")
    ).get_json()
    assert body["received"] == "1140.00"  # the 100 reversed today still counts on that day
    assert body["disbursed"] == "50.00"
    # the closed grant commits what it paid, whenever it paid it (its closing day is not recorded)
    assert body["committed"] == "400.00"
    # outstanding: USD 300 + EUR 600 x 1.05 (the rate of 2015-01-01); GBP and JPY were not yet pledged
    assert body["outstanding_pledges"] == "930.00"
    assert body["pledged"] == "2070.00"
    assert body["unconverted_currencies"] == []
    assert [c["currency"] for c in body["pledges_by_currency"]] == ["EUR", "USD"]


def test_a_grant_commits_its_whole_amount_until_the_day_it_ended_then_what_it_paid(client, auth, fund):
    call = CallFactory(fund_id=fund.id)
    terminated = GrantFactory(
        proposal__call=call,
        amount_minor=500_00,
        approved_on=dt.date(2015, 6, 1),
        status=GrantStatus.TERMINATED,
        ended_on=dt.date(2016, 6, 30),
    )
    PaidDisbursementFactory(grant=terminated, amount_minor=100_00, paid_on=dt.date(2016, 1, 10))

    def committed(as_of: str) -> str:
        url = f"/api/v1/funds/{fund.id}/position?as_of={as_of}"
        return client.get(url, headers=auth("staff")).get_json()["committed"]

    assert committed("2015-12-31") == "500.00"  # open then: its whole amount
    assert committed("2016-06-29") == "500.00"
    assert committed("2016-06-30") == "100.00"  # ended that day: what it paid
    assert committed("2016-12-31") == "100.00"


def test_the_position_today_counts_everything_recorded(client, auth, hand_built_fund, db_session):
    from fundapp.books import services

    body = client.get(f"/api/v1/funds/{hand_built_fund.id}/position", headers=auth("staff")).get_json()
    assert body["received"] == "6040.00"
    assert body["committed"] == "600.00"
    assert body["disbursed"] == "250.00"
    assert body["uncommitted"] == "5440.00"
    assert services.available_now_minor(db_session, hand_built_fund.id) == 5440_00  # what approvals check


def test_the_position_sets_aside_the_programme_support_costs_of_what_is_committed(
    client, auth, hand_built_fund, db_session
):
    hand_built_fund.programme_support_bp = 1300
    db_session.flush()
    body = client.get(f"/api/v1/funds/{hand_built_fund.id}/position", headers=auth("staff")).get_json()
    assert body["programme_support_rate"] == "13.00"
    assert (body["received"], body["committed"], body["uncommitted"]) == ("6040.00", "600.00", "5440.00")
    assert body["programme_support_costs"] == "78.00"
    assert body["available"] == "5362.00"
    assert body["grantable"] == "4745.13"  # 4,745.13 + 616.87 of support costs = 5,362.00
    fund = client.get(f"/api/v1/funds/{hand_built_fund.id}", headers=auth("staff")).get_json()
    assert fund["programme_support_rate"] == "13.00"


def test_the_position_takes_three_queries_whatever_the_number_of_records(client, auth, fund, query_counter):
    call = CallFactory(fund_id=fund.id)

    def count(n):
        for i in range(n):
            receipt = ReceiptFactory(
                contribution__fund_id=fund.id, contribution__currency=("USD", "EUR")[i % 2]
            )
            PaidDisbursementFactory(grant__proposal__call=call, amount_minor=receipt.usd_minor // 4)
        with query_counter() as statements:
            response = client.get(f"/api/v1/funds/{fund.id}/position", headers=auth("staff"))
            assert response.status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 3  # the fund, the totals, the pledges per currency with their rates


def test_fund_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, tokens, query_counter):
    def count(n):
        FundFactory.create_batch(n)
        with query_counter() as statements:
            assert client.get("/api/v1/funds?page_size=100", headers=auth("staff")).status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2
