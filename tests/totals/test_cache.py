"""Totals answers are kept under the money's data version, and any write to the money makes them stale."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from fundapp.answer_cache import KeptAnswer, decode, encode, money_version, question_digest
from fundapp.contributions.models import Donor, DonorKind

from ..conftest import beyond_auth
from ..factories import CampaignFactory, ContributionFactory, DonorFactory, ReceiptFactory
from .test_routes import URL, receive

PUBLIC = "/api/v1/public/totals"


@pytest.fixture
def cache_on(app, monkeypatch):
    """The cache as production has it, for this test only (its rows are rolled back with the test)."""
    monkeypatch.setitem(app.config, "TOTALS_CACHE_ENTRIES", 64)


def kept(session, shelf: str) -> list[KeptAnswer]:
    return list(session.scalars(select(KeptAnswer).where(KeptAnswer.shelf == shelf).order_by(KeptAnswer.id)))


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
    # the version with the kept answer (none yet), the aggregate, keeping it, pruning the shelf
    assert len(beyond_auth(first)) == 4
    assert len(beyond_auth(again)) == 1  # the version with the kept answer
    assert "data_version" in beyond_auth(again)[0]
    assert "answer_cache" in beyond_auth(again)[0]


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
    app, client, auth, db_session, fund, money, cache_on, query_counter
):
    def listed(url: str, role: str = "staff") -> tuple[int, int]:
        """The list's total, and the rows it actually lists."""
        body = client.get(f"{url}{'&' if '?' in url else '?'}page_size=100", headers=auth(role)).get_json()
        return body["total"], len(body["items"])

    assert listed(LIST) == (2, 2)
    assert len(kept(db_session, "counts")) == 1  # beside the totals, not among them
    assert kept(db_session, "totals") == []
    with query_counter() as again:
        assert listed(LIST) == (2, 2)
    assert not any("count(" in statement.lower() for statement in again)
    assert listed(f"{LIST}?donor_kind=individual") == (0, 0)  # other filters, another count
    assert listed(LIST, "donor") == (1, 1)  # a donor counts only its own
    ContributionFactory(fund_id=fund.id, donor_id=money.id)  # a new pledge advances the version
    assert listed(LIST) == (3, 3)
    assert listed(LIST, "donor") == (1, 1)


def test_an_answer_is_kept_once_per_version_and_question_and_earlier_versions_are_pruned(
    client, auth, fund, db_session, money, cache_on
):
    for _ in range(2):
        client.get(f"{URL}?group_by=year", headers=auth("staff"))
    client.get(f"{URL}?group_by=donor", headers=auth("staff"))
    first = kept(db_session, "totals")
    assert len(first) == 2
    assert {row.version for row in first} == {money_version(db_session)}
    receive(fund, money, 1_00, on=dt.date(2016, 1, 1))  # a new version
    client.get(f"{URL}?group_by=year", headers=auth("staff"))
    (now,) = kept(db_session, "totals")
    assert now.version == money_version(db_session) > first[0].version


def test_beyond_its_bound_a_shelf_keeps_its_newest_answers(
    client, auth, db_session, money, cache_on, monkeypatch
):
    monkeypatch.setitem(client.application.config, "TOTALS_CACHE_ENTRIES", 2)
    for group_by in ("year", "donor", "donor_kind"):
        client.get(f"{URL}?group_by={group_by}", headers=auth("staff"))
    rows = kept(db_session, "totals")
    assert len(rows) == 2
    assert client.get(f"{URL}?group_by=donor_kind", headers=auth("staff")).status_code == 200
    assert len(kept(db_session, "totals")) == 2  # the newest was found: nothing written


def test_the_kept_row_is_what_answers_the_question_again(client, auth, db_session, money, cache_on):
    """What another server finds: the row, not this process's memory (nothing else is kept)."""
    first = client.get(URL, headers=auth("staff")).get_json()
    (row,) = kept(db_session, "totals")
    db_session.execute(
        update(KeptAnswer)
        .where(KeptAnswer.id == row.id)
        .values(answer=row.answer.replace("105000.00", "1.00"))
    )
    again = client.get(URL, headers=auth("staff")).get_json()
    assert (first["total"]["usd"], again["total"]["usd"]) == ("105000.00", "1.00")


@pytest.mark.parametrize(
    "answer",
    [
        {"year": 2016, "donor_kind": DonorKind.MEMBER_STATE, "day": dt.date(2016, 1, 1)},
        ("totals", None, True, (("group_by", ("year",)), ("as_of", dt.date(2019, 3, 31)))),
        {1: Decimal("1.50"), "$odd": [dt.datetime(2016, 1, 1, 12, tzinfo=dt.UTC), frozenset({3, 1})]},
        [None, 7, "7", 1.5, False],
    ],
)
def test_an_answer_comes_back_from_its_json_as_it_was(answer):
    back = decode(json.loads(json.dumps(encode(answer))))
    assert back == answer
    assert type(back) is type(answer)


def test_an_answer_of_a_type_it_cannot_keep_exactly_is_refused():
    with pytest.raises(TypeError, match="object"):
        encode({"x": object()})
    with pytest.raises(ValueError, match="fundapp"):
        decode({"$enum": "os:PathLike", "v": 1})


def test_a_question_digest_tells_a_number_from_its_text():
    assert question_digest(("q", 1)) != question_digest(("q", "1"))
    assert question_digest(("q", frozenset({1, 2}))) == question_digest(("q", frozenset({2, 1})))


def test_an_answer_computed_quicker_than_keeping_it_would_cost_is_computed_again_not_kept(
    client, auth, db_session, money, cache_on, monkeypatch, query_counter
):
    monkeypatch.setitem(client.application.config, "ANSWER_CACHE_MIN_MS", 60_000)  # none is that slow
    first = client.get(URL, headers=auth("staff")).get_json()
    assert kept(db_session, "totals") == []
    with query_counter() as again:
        assert client.get(URL, headers=auth("staff")).get_json() == first
    assert len(beyond_auth(again)) > 1, "the version read, then the aggregate computed again"
    assert kept(db_session, "totals") == []
