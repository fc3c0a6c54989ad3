"""Board terms and their members."""

import pytest

from fundapp.audit import AuditEvent
from fundapp.board.models import BoardMember, BoardTerm
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import BoardMemberFactory, BoardTermFactory


def term_body(fund_id, **overrides):
    body = {
        "fund_id": fund_id,
        "label": "2017-2020",
        "starts_on": "2017-01-01",
        "ends_on": "2020-12-31",
        "appointed_on": "2016-12-15",
        "appointed_by": "the Secretary-General",
    }
    body.update(overrides)
    return body


def test_staff_record_a_term_and_its_members_and_the_chair_is_listed_first(client, auth, fund, db_session):
    response = client.post("/api/v1/board/terms", json=term_body(fund.id), headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    term = response.get_json()
    assert term["label"] == "2017-2020"
    assert term["members"] == []
    url = f"/api/v1/board/terms/{term['id']}/members"
    kouassi = client.post(url, json={"name": "Arnaud Kouassi", "gender": "M"}, headers=auth("staff"))
    assert kouassi.status_code == 201, kouassi.get_json()
    chair = {"name": "Benita Ferrero-Waldner", "country_code": "AT", "is_chair": True, "gender": "F"}
    assert client.post(url, json=chair, headers=auth("admin")).status_code == 201

    read = client.get(f"/api/v1/board/terms/{term['id']}", headers=auth("board")).get_json()
    assert [(m["name"], m["is_chair"]) for m in read["members"]] == [
        ("Benita Ferrero-Waldner", True),
        ("Arnaud Kouassi", False),
    ]
    assert read["members"][0]["country_code"] == "AT"
    assert read["members"][1]["country_code"] is None
    events = db_session.query(AuditEvent).filter(AuditEvent.entity.like("board_%")).order_by(AuditEvent.id)
    actions = [e.action for e in events]
    assert actions == ["board_term.create", "board_member.create", "board_member.create"]


def test_a_second_chair_is_a_409_naming_the_chair_and_adds_no_one(client, auth, db_session):
    chair = BoardMemberFactory(name="Benita Ferrero-Waldner", is_chair=True)
    response = client.post(
        f"/api/v1/board/terms/{chair.term_id}/members",
        json={"name": "Saisuree Chutikul", "is_chair": True},
        headers=auth("staff"),
    )
    assert response.status_code == 409
    assert response.mimetype == PROBLEM_TYPE
    assert "Benita Ferrero-Waldner" in response.get_json()["detail"]
    assert response.get_json()["existing_id"] == chair.id
    assert db_session.query(BoardMember).count() == 1


def test_the_same_member_twice_in_a_term_is_a_409(client, auth):
    member = BoardMemberFactory(name="Joy Ngozi Ezeilo")
    response = client.post(
        f"/api/v1/board/terms/{member.term_id}/members",
        json={"name": "Joy Ngozi Ezeilo"},
        headers=auth("staff"),
    )
    assert response.status_code == 409


def test_a_duplicate_term_label_in_a_fund_is_a_409(client, auth, fund, db_session):
    BoardTermFactory(fund_id=fund.id, label="2014-2016")
    response = client.post(
        "/api/v1/board/terms",
        json=term_body(fund.id, label="2014-2016", starts_on="2014-01-01", ends_on="2016-12-31"),
        headers=auth("staff"),
    )
    assert response.status_code == 409
    assert db_session.query(BoardTerm).count() == 1


@pytest.mark.parametrize(
    ("path", "body", "field", "reason"),
    [
        ("terms", {"ends_on": "2016-12-31"}, "ends_on", "must not be before starts_on"),
        ("terms", {"label": "   "}, "label", "may not be blank"),
        ("terms", {"label": "x" * 21}, "label", "Longer than maximum length 20"),
        ("members", {"gender": "X"}, "gender", "Must be one of"),
        ("members", {"country_code": "XX"}, "country_code", "not an ISO 3166-1"),
        ("members", {"name": ""}, "name", "may not be blank"),
        ("members", {"role": "chair"}, "role", "Unknown field"),
    ],
)
def test_bad_term_or_member_input_is_a_422_naming_the_field(
    client, auth, fund, db_session, path, body, field, reason
):
    if path == "terms":
        url, payload = "/api/v1/board/terms", term_body(fund.id, **body)
    else:
        term = BoardTermFactory(fund_id=fund.id)
        url, payload = f"/api/v1/board/terms/{term.id}/members", {"name": "Viktoria Avakova", **body}
    response = client.post(url, json=payload, headers=auth("staff"))
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert any(e["field"] == field and reason in e["reason"] for e in errors), errors
    assert db_session.query(BoardMember).count() == 0


def test_unknown_fund_or_term_is_a_404(client, auth):
    assert (
        client.post("/api/v1/board/terms", json=term_body(999_999), headers=auth("staff")).status_code == 404
    )
    response = client.post("/api/v1/board/terms/999999/members", json={"name": "A"}, headers=auth("staff"))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "read", "write"), [("board", 200, 403), ("approver", 200, 403), ("donor", 403, 403)]
)
def test_terms_are_written_by_staff_and_read_by_the_board_and_approver(client, auth, fund, role, read, write):
    term = BoardTermFactory(fund_id=fund.id)
    assert client.get("/api/v1/board/terms", headers=auth(role)).status_code == read
    assert client.get(f"/api/v1/board/terms/{term.id}", headers=auth(role)).status_code == read
    body = term_body(fund.id, label="2021-2024")
    assert client.post("/api/v1/board/terms", json=body, headers=auth(role)).status_code == write
    url = f"/api/v1/board/terms/{term.id}/members"
    assert client.post(url, json={"name": "A"}, headers=auth(role)).status_code == write


def test_term_list_is_filtered_by_fund_and_sorted(client, auth, fund):
    BoardTermFactory(fund_id=fund.id, label="2017-2020")
    BoardTermFactory(fund_id=fund.id, label="2014-2016")
    BoardTermFactory(label="other fund")
    body = client.get(f"/api/v1/board/terms?fund_id={fund.id}&sort=label", headers=auth("staff")).get_json()
    assert [t["label"] for t in body["items"]] == ["2014-2016", "2017-2020"]
    assert body["total"] == 2


def test_term_list_makes_the_same_number_of_queries_for_5_and_50_terms(client, auth, fund, query_counter):
    def count(n):
        for term in BoardTermFactory.create_batch(n, fund_id=fund.id):
            BoardMemberFactory.create_batch(2, term=term)
        with query_counter() as statements:
            response = client.get("/api/v1/board/terms?page_size=100", headers=auth("staff"))
            assert response.status_code == 200
        assert all(len(t["members"]) == 2 for t in response.get_json()["items"])
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 3  # count + page + members
