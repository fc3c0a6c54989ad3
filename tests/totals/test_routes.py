import datetime as dt

import pytest

from fundapp.contributions.models import ContributionStatus, Donor, DonorKind, ReceiptStatus
from fundapp.db import utcnow
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import CampaignFactory, ContributionFactory, DonorFactory, FundFactory, ReceiptFactory

URL = "/api/v1/contributions/totals"


def receive(fund, donor, usd_minor, *, on=dt.date(2015, 2, 1), currency="USD", amount_minor=None, **extra):
    """One pledge of ``donor`` fully received on ``on`` (``usd_minor`` cents in USD)."""
    amount_minor = usd_minor if amount_minor is None else amount_minor
    campaign_id = extra.pop("campaign_id", None)
    pledge = ContributionFactory(
        fund_id=fund.id,
        donor_id=donor.id,
        currency=currency,
        pledged_minor=amount_minor,
        campaign_id=campaign_id,
        pledged_on=on,
    )
    return ReceiptFactory(
        contribution=pledge, received_on=on, amount_minor=amount_minor, usd_minor=usd_minor, **extra
    )


@pytest.fixture
def donors(fund, tokens, db_session):
    """Three donors of two kinds plus the donor bound to the donor token; receipts over two years."""
    austria = DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE)
    qatar = DonorFactory(name="Qatar", kind=DonorKind.MEMBER_STATE)
    acme = DonorFactory(name="Acme Corp", kind=DonorKind.PRIVATE_SECTOR)
    own = db_session.get(Donor, int(tokens["donor_id"]))
    campaign = CampaignFactory(fund_id=fund.id, name="2017 online campaign")
    receive(fund, austria, 100_000_00)
    receive(fund, austria, 50_000_00, on=dt.date(2016, 5, 1), currency="EUR", amount_minor=45_000_00)
    receive(fund, qatar, 250_000_00, on=dt.date(2016, 7, 1))
    receive(fund, acme, 10_000_00, on=dt.date(2017, 3, 1), campaign_id=campaign.id)
    receive(fund, own, 1_234_56, on=dt.date(2016, 1, 1))
    return {"austria": austria, "qatar": qatar, "acme": acme, "own": own, "campaign": campaign}


def get(client, auth, query="", role="staff"):
    response = client.get(URL + query, headers=auth(role))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_totals_by_year_and_donor_kind_in_usd_with_donor_and_receipt_counts(client, auth, donors):
    body = get(client, auth, "?group_by=year,donor_kind")
    assert body["currency"] == "USD"
    assert body["scope"] == "all"
    assert [(x["year"], x["donor_kind"], x["usd"], x["donors"], x["receipts"]) for x in body["lines"]] == [
        (2015, "member_state", "100000.00", 1, 1),
        (2016, "member_state", "301234.56", 3, 3),
        (2017, "private_sector", "10000.00", 1, 1),
    ]
    assert body["total"] == {"usd": "411234.56", "donors": 4, "receipts": 5}


def test_grouping_by_currency_adds_the_original_amount(client, auth, donors):
    lines = get(client, auth, "?group_by=currency")["lines"]
    assert [(x["currency"], x["amount"], x["usd"]) for x in lines] == [
        ("EUR", "45000.00", "50000.00"),
        ("USD", "361234.56", "361234.56"),
    ]
    assert "amount" not in get(client, auth, "?group_by=year")["lines"][0]


def test_grouping_by_donor_and_campaign_names_them(client, auth, donors):
    lines = get(client, auth, "?group_by=campaign,donor")["lines"]
    by_donor = {x["donor"]["name"]: x for x in lines}
    assert by_donor["Acme Corp"]["campaign"] == {"id": donors["campaign"].id, "name": "2017 online campaign"}
    assert by_donor["Austria"]["campaign"] is None
    assert by_donor["Austria"]["usd"] == "150000.00"
    assert by_donor["Austria"]["receipts"] == 2


def test_without_grouping_there_is_one_line_equal_to_the_total(client, auth, donors):
    body = get(client, auth)
    assert body["group_by"] == []
    assert len(body["lines"]) == 1
    assert {k: body["lines"][0][k] for k in ("usd", "donors", "receipts")} == body["total"]


def test_period_and_fund_filters(client, auth, fund, donors):
    other_fund = FundFactory()
    receive(other_fund, donors["austria"], 999_00)
    assert get(client, auth, "?from=2016-01-01&to=2016-12-31")["total"]["usd"] == "301234.56"
    assert get(client, auth, f"?fund_id={fund.id}")["total"]["usd"] == "411234.56"
    assert get(client, auth, f"?fund_id={other_fund.id}")["total"] == {
        "usd": "999.00",
        "donors": 1,
        "receipts": 1,
    }
    # a fund no one may see (here, none exists) is a 404 to staff, whose role holds for its
    # funds; the admin's holds for every fund, present or not, and nothing was received there
    assert client.get(URL + "?fund_id=999999", headers=auth("staff")).status_code == 404
    assert get(client, auth, "?fund_id=999999", role="admin")["total"] == {
        "usd": "0.00",
        "donors": 0,
        "receipts": 0,
    }


def test_a_reversed_receipt_does_not_count_but_counted_until_the_day_it_was_reversed(client, auth, fund):
    donor = DonorFactory()
    receive(fund, donor, 500_00)
    reversed_at = dt.datetime(2015, 3, 10, 9, 30, tzinfo=dt.UTC)
    receive(
        fund,
        donor,
        200_00,
        status=ReceiptStatus.REVERSED,
        reversal_reason="returned by the bank",
        reversed_at=reversed_at,
    )
    assert get(client, auth)["total"]["usd"] == "500.00"
    assert get(client, auth, "?as_of=2015-03-09")["total"]["usd"] == "700.00"
    assert get(client, auth, "?as_of=2015-03-10")["total"]["usd"] == "500.00"
    assert get(client, auth, "?as_of=2015-01-31")["total"]["usd"] == "0.00"


@pytest.mark.parametrize(
    "group_by",
    ["", "year", "donor_kind", "donor", "currency", "campaign", "year,donor_kind,donor,currency,campaign"],
)
@pytest.mark.parametrize("role", ["staff", "donor"])
def test_each_totals_request_is_exactly_one_sql_statement(
    client, auth, donors, query_counter, group_by, role
):
    with query_counter() as statements:
        client.get(f"{URL}?group_by={group_by}&from=2015-01-01&as_of=2020-01-01", headers=auth(role))
    assert len(beyond_auth(statements)) == 1, beyond_auth(statements)


def test_a_donor_sees_its_own_lines_only_with_the_fund_wide_total(client, auth, donors):
    body = get(client, auth, "?group_by=year,donor", role="donor")
    assert body["scope"] == "own"
    assert body["lines"] == [
        {
            "year": 2016,
            "donor": {"id": donors["own"].id, "name": "Donor with a token", "anonymous": False},
            "usd": "1234.56",
            "donors": 1,
            "receipts": 1,
        }
    ]
    assert body["total"] == {"usd": "411234.56", "donors": 4, "receipts": 5}
    text = str(get(client, auth, "?group_by=donor,currency,campaign", role="donor"))
    for other in ("Austria", "Qatar", "Acme"):
        assert other not in text


def test_a_donor_without_receipts_in_the_filter_still_gets_the_fund_wide_total(client, auth, donors):
    body = get(client, auth, "?group_by=year&from=2017-01-01", role="donor")
    assert body["lines"] == []
    assert body["total"] == {"usd": "10000.00", "donors": 1, "receipts": 1}


@pytest.mark.parametrize("role", ["admin", "approver", "board"])
def test_other_roles_see_every_donor(client, auth, donors, role):
    assert len(get(client, auth, "?group_by=donor", role=role)["lines"]) == 4


def test_anonymous_callers_get_401(client, donors):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.mimetype == PROBLEM_TYPE


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?group_by=planet", "group_by.0"),
        ("?group_by=year,year", "group_by"),
        ("?from=2016-01-01&to=2015-01-01", "to"),
        ("?as_of=yesterday", "as_of"),
        ("?fund_id=0", "fund_id"),
    ],
)
def test_bad_totals_queries_are_422_naming_the_field(client, auth, query, field):
    response = client.get(URL + query, headers=auth("staff"))
    assert response.status_code == 422
    assert field in {e["field"] for e in response.get_json()["errors"]}


# --- public totals ----------------------------------------------------------------------------

PUBLIC = "/api/v1/public/totals"


def test_public_totals_need_no_token_and_sum_by_year_and_by_kind(client, fund, donors):
    response = client.get(PUBLIC)
    assert response.status_code == 200
    body = response.get_json()
    assert body["usd"] == "411234.56"
    assert body["donors"] == 4
    assert body["by_year"] == [
        {"year": 2015, "usd": "100000.00"},
        {"year": 2016, "usd": "301234.56"},
        {"year": 2017, "usd": "10000.00"},
    ]
    kinds = {k["donor_kind"]: k for k in body["by_donor_kind"]}
    assert set(kinds) == {k.value for k in DonorKind}
    assert kinds["member_state"] == {
        "donor_kind": "member_state",
        "usd": "401234.56",
        "donors": 3,
        "named_donors": ["Austria", "Donor with a token", "Qatar"],
    }
    assert kinds["individual"]["donors"] == 0
    assert client.get(f"{PUBLIC}?as_of=2015-12-31").get_json()["usd"] == "100000.00"
    assert client.get(f"{PUBLIC}?fund_id={fund.id}").get_json()["usd"] == "411234.56"
    assert client.get(f"{PUBLIC}?fund_id={fund.id + 1000}").get_json()["usd"] == "0.00"


def test_public_totals_take_three_statements_whatever_the_data(client, fund, donors, query_counter):
    with query_counter() as statements:
        assert client.get(PUBLIC).status_code == 200
    assert len(statements) == 3  # by year, by kind, the names that may be published


def test_public_totals_never_name_an_individual_or_an_anonymous_donor(client, fund, donors):
    receive(fund, DonorFactory(name="Maria Individual", kind=DonorKind.INDIVIDUAL), 50_00)
    receive(fund, DonorFactory(name="Hidden State", kind=DonorKind.MEMBER_STATE, anonymous=True), 70_00)
    receive(fund, DonorFactory(name="Quiet Foundation", kind=DonorKind.FOUNDATION, anonymous=True), 90_00)
    body = client.get(PUBLIC)
    text = body.get_data(as_text=True)
    for secret in ("Maria Individual", "Hidden State", "Quiet Foundation"):
        assert secret not in text
    kinds = {k["donor_kind"]: k for k in body.get_json()["by_donor_kind"]}
    assert kinds["individual"] == {
        "donor_kind": "individual",
        "usd": "50.00",
        "donors": 1,
        "named_donors": [],
    }
    assert kinds["member_state"]["donors"] == 4  # counted, not named
    assert kinds["foundation"]["named_donors"] == []
    assert "Austria" in text


# --- donor statements -------------------------------------------------------------------------


def statement_url(donor_id, query=""):
    return f"/api/v1/donors/{donor_id}/statement{query}"


@pytest.fixture
def history(fund):
    """A donor's pledges and receipts in two currencies, one cancelled pledge, one reversal."""
    donor = DonorFactory(name="Austria")
    eur = ContributionFactory(
        fund_id=fund.id,
        donor_id=donor.id,
        currency="EUR",
        pledged_minor=100_000_00,
        pledged_on=dt.date(2015, 1, 10),
    )
    ReceiptFactory(
        contribution=eur, received_on=dt.date(2015, 3, 1), amount_minor=60_000_00, usd_minor=66_000_00
    )
    ReceiptFactory(
        contribution=eur,
        received_on=dt.date(2015, 4, 1),
        amount_minor=1_00,
        usd_minor=1_10,
        status=ReceiptStatus.REVERSED,
        reversal_reason="duplicate",
    )
    ReceiptFactory(
        contribution=eur, received_on=dt.date(2016, 2, 1), amount_minor=40_000_00, usd_minor=43_000_00
    )
    usd = ContributionFactory(
        fund_id=fund.id, donor_id=donor.id, pledged_minor=20_000_00, pledged_on=dt.date(2015, 6, 1)
    )
    ReceiptFactory(contribution=usd, received_on=dt.date(2015, 6, 15))
    ContributionFactory(
        fund_id=fund.id,
        donor_id=donor.id,
        pledged_minor=5_000_00,
        pledged_on=dt.date(2016, 1, 1),
        status=ContributionStatus.CANCELLED,
        cancellation_reason="budget cut",
    )
    return donor


def test_statement_lists_pledges_and_receipts_in_order_with_running_totals(client, auth, history):
    body = client.get(statement_url(history.id), headers=auth("staff")).get_json()
    assert body["donor"] == {"id": history.id, "name": "Austria", "kind": "member_state"}
    got = [
        (e["date"], e["type"], e["currency"], e["amount"], e["running"]["pledged"],
         e["running"]["received"], e["running"]["received_usd"])
        for e in body["entries"]
    ]  # fmt: skip
    # a reversal and a cancellation are their own entries (here on the day of what they correct)
    assert got == [
        ("2015-01-10", "pledge", "EUR", "100000.00", "100000.00", "0.00", "0.00"),
        ("2015-03-01", "receipt", "EUR", "60000.00", "100000.00", "60000.00", "66000.00"),
        ("2015-04-01", "receipt", "EUR", "1.00", "100000.00", "60001.00", "66001.10"),
        ("2015-04-01", "receipt_reversal", "EUR", "-1.00", "100000.00", "60000.00", "66000.00"),
        ("2015-06-01", "pledge", "USD", "20000.00", "20000.00", "0.00", "66000.00"),
        ("2015-06-15", "receipt", "USD", "20000.00", "20000.00", "20000.00", "86000.00"),
        ("2016-01-01", "pledge", "USD", "5000.00", "25000.00", "20000.00", "86000.00"),
        ("2016-01-01", "pledge_cancellation", "USD", "-5000.00", "20000.00", "20000.00", "86000.00"),
        ("2016-02-01", "receipt", "EUR", "40000.00", "100000.00", "100000.00", "129000.00"),
    ]
    assert body["opening"] == {"by_currency": [], "received_usd": "0.00"}
    assert body["closing"] == {
        "by_currency": [
            {"currency": "EUR", "pledged": "100000.00", "received": "100000.00"},
            {"currency": "USD", "pledged": "20000.00", "received": "20000.00"},
        ],
        "received_usd": "129000.00",
    }


def test_a_statement_period_opens_with_the_balance_before_it(client, auth, history):
    body = client.get(
        statement_url(history.id, "?from=2015-06-01&to=2015-12-31"), headers=auth("staff")
    ).get_json()
    assert [e["date"] for e in body["entries"]] == ["2015-06-01", "2015-06-15"]
    assert body["opening"] == {
        "by_currency": [{"currency": "EUR", "pledged": "100000.00", "received": "60000.00"}],
        "received_usd": "66000.00",
    }
    assert body["entries"][-1]["running"]["received_usd"] == "86000.00"
    assert body["closing"]["received_usd"] == "86000.00"


def test_the_statement_says_what_the_fund_did_in_the_period(client, auth, fund, history):
    from fundapp.grants.models import ReportStatus

    from ..factories import GrantReportFactory, GrantWithProposalFactory, PeopleCountFactory

    in_period = GrantWithProposalFactory(
        proposal__call__fund_id=fund.id,
        approved_on=dt.date(2015, 6, 1),
        amount_minor=50_000_00,
        country_code="NG",
    )
    GrantWithProposalFactory(
        proposal__call__fund_id=fund.id,
        approved_on=dt.date(2014, 1, 1),
        starts_on=dt.date(2014, 2, 1),
        ends_on=dt.date(2015, 3, 1),
        amount_minor=10_000_00,
        country_code="BJ",
    )
    GrantWithProposalFactory(
        proposal__call__fund_id=fund.id,
        approved_on=dt.date(2018, 1, 1),
        starts_on=dt.date(2018, 2, 1),
        ends_on=dt.date(2019, 1, 1),
        country_code="MX",
    )
    accepted = GrantReportFactory(
        grant=in_period, status=ReportStatus.ACCEPTED, received_on=dt.date(2015, 11, 1), people_assisted=150
    )
    PeopleCountFactory(report=accepted, by_assistance=True, people=120)
    PeopleCountFactory(report=accepted, by_assistance=True, category="medical", people=30)
    GrantReportFactory(  # received, not yet accepted: not counted
        grant=in_period, status=ReportStatus.RECEIVED, received_on=dt.date(2015, 12, 1), people_assisted=999
    )
    body = client.get(
        statement_url(history.id, "?from=2015-01-01&to=2015-12-31"), headers=auth("staff")
    ).get_json()
    assert body["fund_activity"] == [
        {
            "fund_id": fund.id,
            "fund_name": fund.name_en,
            "grants_approved": 1,
            "grants_approved_usd": "50000.00",
            "countries_reached": ["BJ", "NG"],
            "people_assisted": 150,
        }
    ]


def test_a_donor_reads_its_own_statement_and_another_donors_is_a_404(client, auth, tokens, history):
    own = client.get(statement_url(int(tokens["donor_id"])), headers=auth("donor"))
    assert own.status_code == 200
    assert own.get_json()["entries"] == []
    other = client.get(statement_url(history.id), headers=auth("donor"))
    assert other.status_code == 404
    missing = client.get(statement_url(history.id + 1000), headers=auth("donor"))
    assert missing.status_code == 404
    assert other.get_json()["detail"] == missing.get_json()["detail"].replace(
        str(history.id + 1000), str(history.id)
    )


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("board", 403), ("approver", 403)])
def test_statement_roles(client, auth, history, role, status):
    assert client.get(statement_url(history.id), headers=auth(role)).status_code == status


def test_statement_of_an_unknown_donor_is_a_404_and_anonymous_callers_get_401(client, auth, history):
    assert client.get(statement_url(history.id + 1000), headers=auth("staff")).status_code == 404
    assert client.get(statement_url(history.id)).status_code == 401


def test_statement_period_must_be_ordered(client, auth, history):
    response = client.get(statement_url(history.id, "?from=2016-01-01&to=2015-01-01"), headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "to"


def test_today_is_a_valid_as_of(client, auth, donors):
    assert get(client, auth, f"?as_of={utcnow().date().isoformat()}")["total"]["usd"] == "411234.56"


@pytest.mark.parametrize(
    ("role", "named"), [("board", False), ("approver", False), ("staff", True), ("admin", True)]
)
def test_totals_by_donor_name_an_anonymous_donor_only_to_those_who_list_donors(
    client, auth, fund, donors, role, named
):
    hidden = DonorFactory(name="Hidden State", kind=DonorKind.MEMBER_STATE, anonymous=True)
    receive(fund, hidden, 70_00)
    lines = {x["donor"]["id"]: x["donor"] for x in get(client, auth, "?group_by=donor", role=role)["lines"]}
    assert lines[hidden.id] == {"id": hidden.id, "name": "Hidden State" if named else None, "anonymous": True}
    assert lines[donors["austria"].id]["name"] == "Austria"


def test_a_donor_reads_its_own_name_in_its_totals_even_when_anonymous(client, auth, donors, db_session):
    donors["own"].anonymous = True
    db_session.flush()
    lines = get(client, auth, "?group_by=donor", role="donor")["lines"]
    assert [x["donor"]["name"] for x in lines] == ["Donor with a token"]
