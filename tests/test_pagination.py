"""Keyset pagination: walking a list by ``next_cursor`` gives every row once, in the page order."""

import base64
import datetime as dt
import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Select, event, select
from sqlalchemy.orm import ORMExecuteState, Session

from fundapp import fund_scope, pagination
from fundapp.calls.models import Call
from fundapp.pagination import decode_cursor, encode_cursor, paginate

from .conftest import beyond_auth
from .factories import ApiTokenFactory, CallFactory, GrantFactory, ProposalFactory, UserFactory

T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


SECRET = b"a test key"


def raw_cursor(payload) -> str:
    """A cursor as the old unsigned format wrote it (a forger can write any such payload)."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def walk_by_cursor(client, headers, path, page_size=4):
    ids, cursor, pages = [], None, 0
    while True:
        url = f"{path}{'&' if '?' in path else '?'}page_size={page_size}"
        if cursor:
            url += f"&cursor={cursor}"
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        if cursor:
            assert body["total"] is None
        ids += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        pages += 1
        assert pages < 100, "the cursor never ran out"
        if cursor is None:
            return ids


def walk_by_page(client, headers, path, page_size=4):
    ids, page = [], 1
    while True:
        url = f"{path}{'&' if '?' in path else '?'}page_size={page_size}&page={page}"
        body = client.get(url, headers=headers).get_json()
        if not body["items"]:
            return ids
        ids += [item["id"] for item in body["items"]]
        page += 1


@pytest.fixture
def proposals(db_session, fund):
    """23 proposals with many ties: 3 submission times, 2 amounts, titles differing only in case."""
    call = CallFactory(fund_id=fund.id)
    return [
        ProposalFactory(
            call=call,
            submitted_at=T0 + dt.timedelta(hours=n % 3),
            requested_minor=40_000_00 + (n % 2) * 10_000_00,
            title=("Shelter" if n % 2 else "shelter") + f" {n % 5}",
        ).id
        for n in range(23)
    ]


@pytest.mark.parametrize(
    "sort", ["submitted_at", "-submitted_at", "requested_amount", "-requested_amount", "title", "-title"]
)
def test_paging_proposals_by_cursor_returns_every_row_exactly_once_in_page_order(
    client, auth, proposals, sort
):
    path = f"/api/v1/proposals?sort={sort}"
    by_cursor = walk_by_cursor(client, auth("staff"), path)
    assert sorted(by_cursor) == sorted(proposals)
    assert by_cursor == walk_by_page(client, auth("staff"), path)


@pytest.mark.parametrize("sort", ["approved_on", "-approved_on", "amount", "-amount", "agreement_number"])
def test_paging_grants_by_cursor_returns_every_row_exactly_once_in_page_order(client, auth, fund, sort):
    call = CallFactory(fund_id=fund.id)
    grants = [
        GrantFactory(
            proposal__call=call,
            approved_on=dt.date(2015, 6, 1) + dt.timedelta(days=n % 4),
            amount_minor=30_000_00 + (n % 3) * 1_000_00,
        ).id
        for n in range(17)
    ]
    path = f"/api/v1/grants?sort={sort}"
    by_cursor = walk_by_cursor(client, auth("staff"), path, page_size=3)
    assert sorted(by_cursor) == sorted(grants)
    assert by_cursor == walk_by_page(client, auth("staff"), path, page_size=3)


@pytest.mark.parametrize("sort", ["last_used_at", "-last_used_at"])
def test_a_nullable_sort_key_pages_its_nulls_once_last_ascending_and_first_descending(client, auth, sort):
    user = UserFactory()
    used = [ApiTokenFactory(user=user, last_used_at=T0 + dt.timedelta(minutes=n % 3)).id for n in range(7)]
    unused = [ApiTokenFactory(user=user, last_used_at=None).id for _ in range(6)]
    path = f"/api/v1/users/{user.id}/tokens?sort={sort}"
    by_cursor = walk_by_cursor(client, auth("admin"), path, page_size=4)
    assert sorted(by_cursor) == sorted(used + unused)
    assert by_cursor == walk_by_page(client, auth("admin"), path, page_size=4)
    nulls_at = by_cursor[-6:] if sort == "last_used_at" else by_cursor[:6]
    assert sorted(nulls_at) == sorted(unused)


def test_a_page_number_gives_the_cursor_of_the_page_after_it(client, auth, proposals):
    second = client.get("/api/v1/proposals?page_size=5&page=2", headers=auth("staff")).get_json()
    first = client.get("/api/v1/proposals?page_size=5", headers=auth("staff")).get_json()
    assert first["total"] == 23
    after_first = client.get(
        f"/api/v1/proposals?page_size=5&cursor={first['next_cursor']}", headers=auth("staff")
    ).get_json()
    assert [p["id"] for p in after_first["items"]] == [p["id"] for p in second["items"]]


def test_the_last_page_has_no_next_cursor(client, auth, proposals):
    body = client.get("/api/v1/proposals?page_size=23", headers=auth("staff")).get_json()
    assert len(body["items"]) == 23
    assert body["next_cursor"] is None


def test_a_cursor_page_makes_no_count_query(client, auth, proposals, query_counter):
    first = client.get("/api/v1/proposals?page_size=5", headers=auth("staff")).get_json()
    with query_counter() as by_page:
        client.get("/api/v1/proposals?page_size=5&page=2", headers=auth("staff"))
    with query_counter() as by_cursor:
        client.get(f"/api/v1/proposals?page_size=5&cursor={first['next_cursor']}", headers=auth("staff"))
    assert len(beyond_auth(by_cursor)) == len(beyond_auth(by_page)) - 1
    assert not any("count(" in s.lower() for s in beyond_auth(by_cursor))


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        raw_cursor([]),
        raw_cursor(["submitted_at", ["f", 1.5], ["i", 2]]),
        raw_cursor(["submitted_at", ["t", "2026-01-01T00:00:00"], ["i", 2]]),  # a naive time
        raw_cursor(["submitted_at", ["i", "12"], ["i", 2]]),
        # what the fuzzer and the attacker sent: values the database cannot take, if unsigned
        raw_cursor(["submitted_at", ["t", "2026-01-01T00:00:00+25:00"], ["i", 2]]),
        raw_cursor(["submitted_at", ["t", "9999-12-31T23:59:59-23:59"], ["i", 2]]),
        raw_cursor(["requested_amount", ["i", 2**70], ["i", 2]]),
        raw_cursor(["title", ["s", "a\u0000b"], ["i", 2]]),
        raw_cursor(["title", ["s", "\ud800"], ["i", 2]]),
        raw_cursor(["submitted_at", ["s", "not a time"], ["i", 2]]),
        raw_cursor(["submitted_at", ["n", None], ["s", "x"]]),
        raw_cursor(["proposal.id", "submitted_at", ["n", None], ["s", "x"]]) + ".AAAAAAAAAAAAAAAAAAAAAA",
    ],
)
def test_a_malformed_or_forged_cursor_is_a_422_naming_the_cursor_before_any_sql(
    client, auth, fund, cursor, query_counter
):
    with query_counter() as statements:
        response = client.get(f"/api/v1/proposals?cursor={cursor}", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "cursor"
    assert beyond_auth(statements) == []


def test_a_cursor_altered_by_one_character_is_a_422(client, auth, proposals):
    cursor = client.get("/api/v1/proposals?page_size=5", headers=auth("staff")).get_json()["next_cursor"]
    payload, mac = cursor.split(".")
    altered = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    altered[3] = ["i", altered[3][1] + 1]  # skip a row the caller was not given
    forged = b64(json.dumps(altered, separators=(",", ":")).encode()) + "." + mac
    response = client.get(f"/api/v1/proposals?page_size=5&cursor={forged}", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "cursor"


def test_a_cursor_of_another_list_is_a_422(client, auth, fund):
    for _ in range(3):
        CallFactory(fund_id=fund.id)
    calls = client.get("/api/v1/calls?page_size=1&sort=created_at", headers=auth("staff")).get_json()
    cursor = calls["next_cursor"]
    path = f"/api/v1/organisations?page_size=1&sort=created_at&cursor={cursor}"
    response = client.get(path, headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "cursor"


def test_a_cursor_of_another_sort_order_is_a_422(client, auth, proposals):
    cursor = client.get("/api/v1/proposals?page_size=5&sort=title", headers=auth("staff")).get_json()[
        "next_cursor"
    ]
    response = client.get(f"/api/v1/proposals?page_size=5&cursor={cursor}", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "cursor"


def test_a_cursor_with_a_page_number_is_a_422(client, auth, proposals):
    cursor = client.get("/api/v1/proposals?page_size=5", headers=auth("staff")).get_json()["next_cursor"]
    response = client.get(f"/api/v1/proposals?page_size=5&page=2&cursor={cursor}", headers=auth("staff"))
    assert response.status_code == 422


def test_a_cursor_round_trips_times_dates_texts_numbers_and_nulls():
    for key in (T0, dt.date(2015, 6, 1), "shelter", 4_000_000, None):
        cursor = decode_cursor(encode_cursor("-key", key, 7, secret=SECRET), secret=SECRET)
        assert cursor.sort == "-key"
        assert cursor.values == (key, 7)


def test_a_cursor_signed_with_another_key_is_refused():
    with pytest.raises(ValueError, match="not a cursor"):
        decode_cursor(encode_cursor("name", "x", 7, secret=b"another key"), secret=SECRET)


def _lists_with_a_cursor():
    from fundapp.access import PUBLIC

    from . import api_document
    from .conftest import make_test_app

    app = make_test_app("sqlite://")
    for operation in api_document.operations(app):
        names = {p["name"] for p in operation.spec.get("parameters", []) if p.get("in") == "query"}
        if operation.method == "get" and "cursor" in names:
            policy = api_document.policy_of(app, "get", operation.path)
            for role in ("staff", "admin", "board", "approver", "donor"):
                if role in policy or PUBLIC in policy:
                    yield pytest.param(operation.path, role, id=f"{operation.path}-{role}")


FORGED = [
    raw_cursor(["x", ["i", 2**70], ["i", 2]]),
    raw_cursor(["x", ["t", "2026-01-01T00:00:00+25:00"], ["i", 1]]),
    raw_cursor(["x", ["s", "\u0000"], ["i", 1]]),
    b64(json.dumps(["proposal.id", "id", ["i", 1], ["i", 1]]).encode()) + "." + b64(b"\x00" * 16),
    encode_cursor("id", 1, 1, scope="call.id", secret=b"not the service's key"),
]


@pytest.mark.parametrize(("path", "role"), list(_lists_with_a_cursor()))
def test_a_forged_cursor_is_a_422_on_every_list_for_every_role(client, auth, fund, path, role):
    url = re.sub(r"\{[^}]+\}", "1", path)
    for cursor in FORGED:
        response = client.get(f"{url}?cursor={cursor}", headers=auth(role))
        assert response.status_code in (404, 422), (
            url,
            response.status_code,
            response.get_data(as_text=True),
        )
        if response.status_code == 422:
            assert response.get_json()["errors"][0]["field"] == "cursor"


@contextmanager
def statements_run() -> Iterator[list[Any]]:
    """The statement objects the session runs inside the block, as they reach the database (the
    fund scope's criteria added)."""
    ran: list[Any] = []

    def keep(state: ORMExecuteState) -> None:
        ran.append(state.statement)

    event.listen(Session, "do_orm_execute", keep)  # after fund_scope's hook: its statement
    try:
        yield ran
    finally:
        event.remove(Session, "do_orm_execute", keep)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "/api/v1/grants?page_size=3&status=active&call_id={a}",
            "/api/v1/grants?page_size=4&status=closed&call_id={b}",
        ),
        ("/api/v1/proposals?page_size=3&call_id={a}", "/api/v1/proposals?page_size=5&call_id={b}"),
        ("/api/v1/contributions?page_size=3&page=2", "/api/v1/contributions?page_size=6&page=3"),
    ],
)
def test_a_list_runs_the_very_same_statements_for_other_values_of_the_same_filters(
    client, auth, fund, first, second
):
    a, b = CallFactory(fund_id=fund.id).id, CallFactory(fund_id=fund.id).id
    paths = [first.format(a=a, b=b), second.format(a=a, b=b)]
    runs = []
    for path in paths:
        with statements_run() as ran:
            assert client.get(path, headers=auth("staff")).status_code == 200
        # the token check first (built once as well, but not by the list), and after it, once a
        # minute, the token's last use (an UPDATE)
        runs.append([statement for statement in ran if isinstance(statement, Select)][1:])
    assert runs[0]
    assert all(x is y for x, y in zip(*runs, strict=True))
    other_filters = paths[0] + f"&fund_id={fund.id}"
    with statements_run() as ran:
        assert client.get(other_filters, headers=auth("staff")).status_code == 200
    assert [statement for statement in ran if isinstance(statement, Select)][1] is not runs[0][0]


def test_the_same_values_of_a_lists_filters_answer_what_they_select_each_time(client, auth, fund):
    calls = [CallFactory(fund_id=fund.id) for _ in range(2)]
    made = {
        call.id: {GrantFactory(proposal__call=call).id for _ in range(n + 1)} for n, call in enumerate(calls)
    }
    for call_id, ids in [*made.items(), *made.items()]:
        body = client.get(f"/api/v1/grants?call_id={call_id}", headers=auth("staff")).get_json()
        assert {item["id"] for item in body["items"]} == ids
        assert body["total"] == len(ids)


def test_a_statement_built_for_one_request_leaves_nothing_kept_behind(db_session, fund):
    kept = (pagination._PAGES, pagination._COUNTS, fund_scope._SCOPED)
    before = [len(memo) for memo in kept]
    CallFactory(fund_id=fund.id)
    fund_scope.restrict(db_session, [fund.id])
    try:
        for cursor in (
            None,
            decode_cursor(encode_cursor("deadline", T0, 1, scope="call.id", secret=SECRET), secret=SECRET),
        ):
            query = {"page": 1, "page_size": 5, "sort": "deadline", "cursor": cursor}
            stmt = select(Call).where(Call.title != "")  # built anew, as most lists build theirs
            paginate(db_session, stmt, query, sort_columns={"deadline": Call.deadline}, tiebreak=Call.id)
            assert [len(memo) for memo in kept] > before
            del stmt
    finally:
        fund_scope.restrict(db_session, None)
    gc.collect()
    assert [len(memo) for memo in kept] == before
