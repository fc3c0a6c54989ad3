"""Totals answers are kept under the money's data version, and any write to the money makes them stale."""

import datetime as dt

import pytest

from fundapp.answer_cache import money_version
from fundapp.contributions.models import Donor, DonorKind

from ..conftest import beyond_auth
from ..factories import CampaignFactory, ContributionFactory, DonorFactory, ReceiptFactory
from .test_routes import URL, receive

PUBLIC = "/api/v1/public/totals"


@pytest.fixture
def cache_on(app):
    """The cache as production has it, for this test only (other tests' writes are rolled back)."""
    app.config["TOTALS_CACHE_ENTRIES"] = 64
    for shelf in ("totals", "counts"):
        app.extensions.pop(f"fundapp.{shelf}_cache", None)
    yield
    app.config["TOTALS_CACHE_ENTRIES"] = 0
    for shelf in ("totals", "counts"):
        app.extensions.pop(f"fundapp.{shelf}_cache", None)


@pytest.fixture
def money(fund, tokens, db_session):
    austria = DonorFactory(name="Austria", kind=DonorKind.MEMBER_STATE)
    receive(fund, austria, 100_000_00)
    receive(fund, db_session.get(Donor, int(tokens["donor_id"])), 5_000_00)
    return austria


def test_a_repeated_question_is_answered_from_the_cache_after_one_version_query(
    client, auth, money, cache_on, query_counter
):
    with query_counter() as first:
        body = client.get(f"{URL}?group_by=year", headers=auth("staff")).get_json()
    with query_counter() as again:
        assert client.get(f"{URL}?group_by=year", headers=auth("staff")).get_json() == body
    assert len(beyond_auth(first)) == 2  # the version, the aggregate
    assert len(beyond_auth(again)) == 1  # the version
    assert "data_version" in beyond_auth(again)[0]


def test_public_totals_come_from_the_cache_the_second_time(client, money, cache_on, query_counter):
    body = client.get(PUBLIC).get_json()
    with query_counter() as again:
        assert client.get(PUBLIC).get_json() == body
    assert len(again) == 1


def test_a_new_receipt_makes_the_kept_answer_stale(client, auth, fund, money, cache_on):
    before = client.get(URL, headers=auth("staff")).get_json()["total"]["usd"]
    receive(fund, money, 1_000_00, on=dt.date(2016, 1, 1))
    after = client.get(URL, headers=auth("staff")).get_json()["total"]["usd"]
    assert (before, after) == ("105000.00", "106000.00")


def test_a_renamed_donor_is_named_anew_in_the_public_figures(client, db_session, money, cache_on):
    def names():
        kinds = client.get(PUBLIC).get_json()["by_donor_kind"]
        return next(k["named_donors"] for k in kinds if k["donor_kind"] == "member_state")

    assert "Austria" in names()
    money.name = "Republic of Austria"
    db_session.flush()
    assert "Republic of Austria" in names()
    assert "Austria" not in names()


def test_a_donor_and_staff_asking_the_same_question_get_their_own_answers(client, auth, money, cache_on):
    staff = client.get(f"{URL}?group_by=donor", headers=auth("staff")).get_json()
    donor = client.get(f"{URL}?group_by=donor", headers=auth("donor")).get_json()
    assert (staff["scope"], donor["scope"]) == ("all", "own")
    assert len(staff["lines"]) == 2
    assert len(donor["lines"]) == 1


@pytest.mark.parametrize("table", ["receipt", "contribution", "donor", "campaign"])
def test_each_write_to_the_money_tables_advances_the_version(db_session, fund, table):
    receipt = ReceiptFactory(contribution__fund_id=fund.id)
    start = money_version(db_session)
    if table == "receipt":
        ReceiptFactory(contribution=receipt.contribution, amount_minor=1_00, usd_minor=1_00)
    elif table == "contribution":
        ContributionFactory(fund_id=fund.id)
    elif table == "donor":
        db_session.get(Donor, receipt.contribution.donor_id).name = "Renamed"
        db_session.flush()
    else:
        CampaignFactory(fund_id=fund.id)
    assert money_version(db_session) > start


def test_with_the_cache_off_every_request_runs_the_aggregate(client, auth, money, query_counter):
    client.get(URL, headers=auth("staff"))
    with query_counter() as again:
        client.get(URL, headers=auth("staff"))
    assert len(beyond_auth(again)) == 1
    assert "data_version" not in beyond_auth(again)[0]


LIST = "/api/v1/contributions"


def test_the_contributions_list_counts_its_rows_once_per_money_version(
    app, client, auth, fund, money, cache_on, query_counter
):
    def listed(url: str, role: str = "staff") -> tuple[int, int]:
        """The list's total, and the rows it actually lists."""
        body = client.get(f"{url}{'&' if '?' in url else '?'}page_size=100", headers=auth(role)).get_json()
        return body["total"], len(body["items"])

    assert listed(LIST) == (2, 2)
    assert len(app.extensions["fundapp.counts_cache"]) == 1  # beside the totals, not among them
    assert "fundapp.totals_cache" not in app.extensions
    with query_counter() as again:
        assert listed(LIST) == (2, 2)
    assert not any("count(" in statement.lower() for statement in again)
    assert listed(f"{LIST}?donor_kind=individual") == (0, 0)  # other filters, another count
    assert listed(LIST, "donor") == (1, 1)  # a donor counts only its own
    ContributionFactory(fund_id=fund.id, donor_id=money.id)  # a new pledge advances the version
    assert listed(LIST) == (3, 3)
    assert listed(LIST, "donor") == (1, 1)
