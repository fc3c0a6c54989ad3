"""Board members' e-mail addresses: where the fund writes to them."""

import pytest

from fundapp.audit import AuditEvent
from fundapp.board.models import BoardMember
from fundapp.errors import PROBLEM_TYPE

from ..factories import BoardMemberFactory, BoardTermFactory


def test_a_member_is_added_with_an_email_address_that_staff_read_with_an_etag(client, auth, fund, db_session):
    term = BoardTermFactory(fund_id=fund.id)
    body = {"name": "Viktoria Avakova", "email": "v.avakova@trustees.example"}
    response = client.post(f"/api/v1/board/terms/{term.id}/members", json=body, headers=auth("staff"))
    assert response.status_code == 201, response.get_json()
    member = response.get_json()
    assert member["email"] == "v.avakova@trustees.example"
    read = client.get(f"/api/v1/board/members/{member['id']}", headers=auth("staff"))
    assert read.headers["ETag"] == f'"boardmember-{member["id"]}-v1"'
    event = db_session.query(AuditEvent).filter_by(entity="board_member", entity_id=member["id"]).one()
    assert event.after["email"] == "v.avakova@trustees.example"


@pytest.mark.parametrize("email", ["not-an-address", "x" * 250 + "@t.example"])
def test_a_bad_member_email_is_a_422_naming_the_field_and_adds_no_one(client, auth, fund, db_session, email):
    term = BoardTermFactory(fund_id=fund.id)
    response = client.post(
        f"/api/v1/board/terms/{term.id}/members",
        json={"name": "A Trustee", "email": email},
        headers=auth("staff"),
    )
    assert response.status_code == 422
    assert response.mimetype == PROBLEM_TYPE
    assert [e["field"] for e in response.get_json()["errors"]] == ["email"]
    assert db_session.query(BoardMember).count() == 0


def test_staff_change_a_members_email_with_if_match_and_the_change_is_audited(client, auth, fund, db_session):
    member = BoardMemberFactory(email="old@trustees.example")
    url = f"/api/v1/board/members/{member.id}"
    change = {"email": "new@trustees.example"}
    assert client.patch(url, json=change, headers=auth("staff")).status_code == 428
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    response = client.patch(url, json=change, headers=auth("staff", **{"If-Match": etag}))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["email"] == "new@trustees.example"
    again = client.patch(url, json={"email": None}, headers=auth("staff", **{"If-Match": etag}))
    assert again.status_code == 412
    event = db_session.query(AuditEvent).filter_by(entity="board_member", action="board_member.update").one()
    assert (event.before["email"], event.after["email"]) == ("old@trustees.example", "new@trustees.example")


@pytest.mark.parametrize("role", ["board", "approver", "donor"])
def test_only_staff_read_or_change_a_members_email_address(client, auth, fund, role):
    member = BoardMemberFactory(email="chair@trustees.example")
    url = f"/api/v1/board/members/{member.id}"
    assert client.get(url, headers=auth(role)).status_code == 403
    response = client.patch(url, json={"email": None}, headers=auth(role, **{"If-Match": "*"}))
    assert response.status_code == 403


def test_a_terms_members_are_listed_without_their_email_addresses(client, auth, fund):
    member = BoardMemberFactory(email="chair@trustees.example")
    for role in ("staff", "board", "approver"):
        term = client.get(f"/api/v1/board/terms/{member.term_id}", headers=auth(role)).get_json()
        assert [m["name"] for m in term["members"]] == [member.name]
        assert "email" not in term["members"][0]
