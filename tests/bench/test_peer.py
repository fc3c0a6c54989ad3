"""The plain-way peer (``bench/peer.py``) answers fundapp's JSON, so timing the two compares like
with like. Bodies are compared, never timings; on a small generated database (more than one page
of each list, receipts and payments in the books, facets on the proposals), part of which belongs
to a second fund the staff caller does not work for, so both must leave the same rows out."""

import datetime as dt
import uuid

import pytest
from sqlalchemy import create_engine, func, insert, select, update

from bench.databases import drop_database, prepare
from bench.peer import create_peer
from fundapp import create_app
from fundapp.db import Base, get_engine, normalise_url
from fundapp.jobs.runners import stop_local_worker

from ..databases import BACKEND, POSTGRES_URL

pytestmark = pytest.mark.slow  # a few seconds: a 3,000-contribution database generated

LISTS = ("/api/v1/proposals", "/api/v1/grants", "/api/v1/contributions")
SORTS = {
    "/api/v1/proposals": ("submitted_at", "-requested_amount", "title"),
    "/api/v1/grants": ("approved_on", "-amount", "agreement_number"),
    "/api/v1/contributions": ("-pledged_on", "reference", "-created_at"),
}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """fundapp and its peer on one generated database, and a staff token's headers."""
    db = prepare(
        BACKEND,
        3000,
        pg_url=POSTGRES_URL or "postgresql://unused",
        fresh=True,
        label=f"peer_{uuid.uuid4().hex[:8]}_",
        data_dir=tmp_path_factory.mktemp("peer"),
    )
    another_funds_share(db.url)
    app = create_app({"DATABASE_URL": db.url, "WRITE_DEMO_TOKENS": False, "TESTING": True})
    peer = create_peer(db.url, app.config["SECRET_KEY"])
    yield app.test_client(), peer.test_client(), {"Authorization": f"Bearer {db.token}"}
    peer.extensions["peer.engine"].dispose()
    stop_local_worker(app)  # before its database goes (a released app's worker ends too, later)
    get_engine(app).dispose()
    drop_database(db.url)


#: Each list's rows in every fund (``another_funds_share``).
WHOLE: dict[str, int] = {}


def another_funds_share(url):
    """A second fund, which the staff caller does not work for, given one call in four (with its
    proposals and grants) and one contribution in five."""
    t = Base.metadata.tables
    now = dt.datetime.now(dt.UTC)
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(
            insert(t["fund"]).values(
                id=2,
                code="UNVFVT",
                name_en="Torture fund",
                name_fr="Fonds torture",
                short_name="UNVFVT",
                administrator="OHCHR",
                established_on=dt.date(1981, 12, 16),
                currency="USD",
                created_at=now,
                updated_at=now,
                illustrative=True,
                source="test",
                version=1,
            )
        )
        calls = select(t["call"].c.id).where(t["call"].c.id % 4 == 0)
        conn.execute(update(t["call"]).where(t["call"].c.id.in_(calls)).values(fund_id=2))
        conn.execute(update(t["grant_award"]).where(t["grant_award"].c.call_id.in_(calls)).values(fund_id=2))
        conn.execute(update(t["contribution"]).where(t["contribution"].c.id % 5 == 0).values(fund_id=2))
        assert conn.scalar(select(func.count()).where(t["grant_award"].c.fund_id == 2)), "no grant moved"
        for path, table in zip(LISTS, ("proposal", "grant_award", "contribution"), strict=True):
            WHOLE[path] = conn.scalar(select(func.count()).select_from(t[table]))
    engine.dispose()


def answers(both, path):
    fundapp, peer, headers = both
    mine, theirs = fundapp.get(path, headers=headers), peer.get(path, headers=headers)
    assert mine.status_code == 200, mine.get_data(as_text=True)
    assert theirs.status_code == 200, theirs.get_data(as_text=True)
    return mine.get_json(), theirs.get_json()


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("page", ["page_size=20", "page_size=20&page=2", "page_size=7&page=3"])
def test_the_peer_answers_the_same_json_as_fundapp_for_a_page_of_a_list(both, path, page):
    mine, theirs = answers(both, f"{path}?{page}")
    assert mine["items"], "an empty page would prove nothing"
    assert theirs == mine


@pytest.mark.parametrize("path", LISTS)
def test_the_peer_answers_the_same_json_as_fundapp_in_every_sort_order(both, path):
    for sort in SORTS[path]:
        mine, theirs = answers(both, f"{path}?page_size=15&sort={sort}")
        assert theirs == mine, sort


@pytest.mark.parametrize("path", LISTS)
def test_the_peer_follows_fundapps_cursor_to_the_same_next_page(both, path):
    first, _ = answers(both, f"{path}?page_size=10&sort={SORTS[path][1]}")
    assert first["next_cursor"]
    mine, theirs = answers(both, f"{path}?page_size=10&sort={SORTS[path][1]}&cursor={first['next_cursor']}")
    assert mine["total"] is None
    assert mine["items"]
    assert theirs == mine


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer fa_not-a-token"}])
def test_the_peer_refuses_a_list_without_a_valid_bearer_token_as_fundapp_does(both, headers):
    fundapp, peer, _ = both
    assert fundapp.get(LISTS[0], headers=headers).status_code == 401
    assert peer.get(LISTS[0], headers=headers).status_code == 401


@pytest.mark.parametrize("path", LISTS)
def test_the_peer_leaves_out_the_fund_its_staff_caller_does_not_work_for_as_fundapp_does(both, path):
    mine, theirs = answers(both, f"{path}?page_size=100")
    assert theirs == mine
    assert 0 < mine["total"] < WHOLE[path], "the other fund's rows are left out, the caller's kept"
