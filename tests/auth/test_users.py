import datetime as dt

import pytest
from sqlalchemy import select, text

from fundapp.audit import AuditEvent
from fundapp.auth.models import ApiToken, Role, User
from fundapp.auth.services import hash_token, issue_token
from fundapp.db import utcnow
from fundapp.errors import PROBLEM_TYPE

from ..conftest import beyond_auth
from ..factories import ApiTokenFactory, DonorFactory, FundFactory, UserFactory


def test_admin_creates_a_user_whose_password_is_stored_only_as_an_argon2id_hash(
    client, auth, db_session, fund
):
    body = {
        "email": "M.Rossi@Fund.example",
        "name": "Maria Rossi",
        "role": "staff",
        "password": "a long passphrase",
        "fund_ids": [fund.id],
    }
    response = client.post("/api/v1/users", json=body, headers=auth("admin"))
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["email"] == "m.rossi@fund.example"
    assert created["role"] == "staff"
    assert created["has_password"] is True
    assert created["fund_ids"] == [fund.id]
    assert created["active"] is True
    assert "password" not in created
    assert "password_hash" not in created
    assert response.headers["Location"] == f"/api/v1/users/{created['id']}"
    stored = db_session.get(User, created["id"])
    assert stored.password_hash.startswith("$argon2id$")
    assert "a long passphrase" not in stored.password_hash


def test_a_donor_user_must_name_an_existing_donor_and_others_must_not(client, auth, db_session):
    donor = DonorFactory()
    base = {"email": "donor@state.example", "name": "Donor desk"}
    cases = [
        ({"role": "donor"}, "must be bound to a donor"),
        ({"role": "donor", "donor_id": 987654321}, "does not exist"),
        ({"role": "staff", "donor_id": donor.id, "fund_ids": [1]}, "only donor users"),
    ]
    for extra, reason in cases:
        response = client.post("/api/v1/users", json={**base, **extra}, headers=auth("admin"))
        assert response.status_code == 422, extra
        assert response.mimetype == PROBLEM_TYPE
        assert response.get_json()["errors"] == [
            {"field": "donor_id", "reason": response.get_json()["errors"][0]["reason"]}
        ]
        assert reason in response.get_json()["errors"][0]["reason"]
    ok = client.post(
        "/api/v1/users", json={**base, "role": "donor", "donor_id": donor.id}, headers=auth("admin")
    )
    assert ok.status_code == 201
    assert ok.get_json()["donor_id"] == donor.id
    assert (
        db_session.scalar(select(User.id).where(User.email == "donor@state.example")) == ok.get_json()["id"]
    )


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("email", "not-an-email", "email"),
        ("role", "superuser", "Must be one of"),
        ("password", "short", "Length must be between"),
        ("name", "a\x00b", "control character"),
        ("id", 5, "Unknown field"),
        ("active", False, "Unknown field"),
    ],
)
def test_bad_user_input_is_a_422_naming_the_field(client, auth, db_session, field, value, reason):
    body = {"email": "new@fund.example", "name": "New", "role": "staff", field: value}
    response = client.post("/api/v1/users", json=body, headers=auth("admin"))
    assert response.status_code == 422
    assert any(e["field"] == field and reason in e["reason"] for e in response.get_json()["errors"])
    assert db_session.scalar(select(User.id).where(User.email == "new@fund.example")) is None


def test_a_taken_email_is_a_409_whatever_its_case(client, auth):
    UserFactory(email="taken@fund.example")
    body = {"email": "TAKEN@fund.example", "name": "Other", "role": "board"}
    response = client.post("/api/v1/users", json=body, headers=auth("admin"))
    assert response.status_code == 409


def test_only_admins_manage_users_and_tokens(client, auth):
    user = UserFactory()
    for role in ("staff", "board", "approver", "donor"):
        assert client.get("/api/v1/users", headers=auth(role)).status_code == 403
        assert (
            client.post(f"/api/v1/users/{user.id}/tokens", json={"name": "x"}, headers=auth(role)).status_code
            == 403
        )


def test_user_list_is_paginated_and_filtered_by_role(client, auth):
    UserFactory.create_batch(3, role=Role.BOARD)
    body = client.get("/api/v1/users?role=board&page_size=2", headers=auth("admin")).get_json()
    assert body["total"] == 4  # three plus the board member of the tokens fixture
    assert len(body["items"]) == 2
    assert {u["role"] for u in body["items"]} == {"board"}
    assert client.get("/api/v1/users?role=nobody", headers=auth("admin")).status_code == 422


def test_user_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, query_counter):
    def count(n):
        UserFactory.create_batch(n)
        with query_counter() as statements:
            assert client.get("/api/v1/users?page_size=100", headers=auth("admin")).status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 3  # count + page + the page's users' funds


def test_reading_an_unknown_user_is_a_404_problem(client, auth):
    response = client.get("/api/v1/users/999999999", headers=auth("admin"))
    assert response.status_code == 404
    assert response.mimetype == PROBLEM_TYPE


def test_an_issued_token_is_shown_once_works_and_is_stored_only_as_its_sha256(client, auth, db_session):
    user = UserFactory(role=Role.BOARD)
    response = client.post(
        f"/api/v1/users/{user.id}/tokens", json={"name": "board laptop", "days": 30}, headers=auth("admin")
    )
    assert response.status_code == 201, response.get_json()
    issued = response.get_json()
    plain = issued["token"]
    assert plain.startswith("fa_")
    assert len(plain) > 40
    assert issued["prefix"] == plain[:10]
    assert issued["status"] == "active"
    expires = dt.datetime.fromisoformat(issued["expires_at"])
    assert dt.timedelta(days=29, hours=23) < expires - utcnow() <= dt.timedelta(days=30)

    row = db_session.get(ApiToken, issued["id"])
    assert row.token_hash == hash_token(plain)
    stored = db_session.execute(text("SELECT * FROM api_token WHERE id = :id"), {"id": issued["id"]}).one()
    assert plain not in [str(value) for value in stored]

    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    assert me.status_code == 200
    assert me.get_json()["id"] == user.id

    listed = client.get(f"/api/v1/users/{user.id}/tokens", headers=auth("admin")).get_json()
    assert [t["id"] for t in listed["items"]] == [issued["id"]]
    assert "token" not in listed["items"][0]
    assert plain not in client.get(f"/api/v1/users/{user.id}/tokens", headers=auth("admin")).get_data(
        as_text=True
    )


@pytest.mark.parametrize("days", [0, 366, "30", 1.5])
def test_token_lifetime_is_a_whole_number_of_days_up_to_365(client, auth, days):
    user = UserFactory()
    response = client.post(
        f"/api/v1/users/{user.id}/tokens", json={"name": "x", "days": days}, headers=auth("admin")
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "days"


def test_token_without_days_lasts_the_default_90_days(client, auth):
    user = UserFactory()
    issued = client.post(
        f"/api/v1/users/{user.id}/tokens", json={"name": "x"}, headers=auth("admin")
    ).get_json()
    lifetime = dt.datetime.fromisoformat(issued["expires_at"]) - utcnow()
    assert dt.timedelta(days=89) < lifetime <= dt.timedelta(days=90)


def test_a_revoked_token_stops_working_at_once_and_revoking_twice_is_a_409(client, auth, db_session):
    user = UserFactory(role=Role.APPROVER)
    plain, token = issue_token(db_session, None, user, name="t")
    headers = {"Authorization": f"Bearer {plain}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    response = client.post(f"/api/v1/tokens/{token.id}/revocation", headers=auth("admin"))
    assert response.status_code == 200
    assert response.get_json()["status"] == "revoked"
    assert response.get_json()["revoked_at"] is not None
    refused = client.get("/api/v1/me", headers=headers)
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    again = client.post(f"/api/v1/tokens/{token.id}/revocation", headers=auth("admin"))
    assert again.status_code == 409
    assert again.get_json()["current_state"] == "revoked"
    assert client.post("/api/v1/tokens/999999999/revocation", headers=auth("admin")).status_code == 404


def test_an_expired_token_is_refused_and_listed_as_expired(client, auth, db_session):
    user = UserFactory()
    plain, token = issue_token(db_session, None, user, name="old")
    token.expires_at = utcnow() - dt.timedelta(seconds=1)
    db_session.flush()
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
    listed = client.get(f"/api/v1/users/{user.id}/tokens", headers=auth("admin")).get_json()
    assert listed["items"][0]["status"] == "expired"


def test_using_a_token_records_when_it_was_last_used(client, db_session):
    user = UserFactory()
    plain, token = issue_token(db_session, None, user, name="t")
    assert token.last_used_at is None
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 200
    db_session.expire_all()
    assert db_session.get(ApiToken, token.id).last_used_at is not None


def test_token_list_is_newest_first_with_a_constant_number_of_queries(client, auth, query_counter):
    user = UserFactory()

    def count(n):
        ApiTokenFactory.create_batch(n, user=user)
        with query_counter() as statements:
            response = client.get(f"/api/v1/users/{user.id}/tokens?page_size=100", headers=auth("admin"))
        assert response.status_code == 200
        created = [t["created_at"] for t in response.get_json()["items"]]
        assert created == sorted(created, reverse=True)
        # beyond_auth drops every statement naming api_token; drop only the token check here
        return len([s for s in statements if "token_hash =" not in s and "SET last_used_at" not in s])

    assert count(5) == count(45) == 3  # user exists + count + page
    assert client.get("/api/v1/users/999999999/tokens", headers=auth("admin")).status_code == 404


def test_deactivating_a_user_revokes_its_tokens_and_cannot_be_done_twice_or_to_yourself(
    client, auth, db_session
):
    user = UserFactory()
    plain, _ = issue_token(db_session, None, user, name="t")
    response = client.post(f"/api/v1/users/{user.id}/deactivation", headers=auth("admin"))
    assert response.status_code == 200
    assert response.get_json()["active"] is False
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
    tokens = client.get(f"/api/v1/users/{user.id}/tokens", headers=auth("admin")).get_json()["items"]
    assert [t["status"] for t in tokens] == ["revoked"]
    again = client.post(f"/api/v1/users/{user.id}/deactivation", headers=auth("admin"))
    assert again.status_code == 409
    assert again.get_json()["allowed_states"] == ["active"]
    no_token = client.post(f"/api/v1/users/{user.id}/tokens", json={"name": "x"}, headers=auth("admin"))
    assert no_token.status_code == 409

    me = client.get("/api/v1/me", headers=auth("admin")).get_json()
    yourself = client.post(f"/api/v1/users/{me['id']}/deactivation", headers=auth("admin"))
    assert yourself.status_code == 409
    assert client.get("/api/v1/me", headers=auth("admin")).status_code == 200


@pytest.mark.parametrize("role", ["admin", "staff", "board", "approver", "donor"])
def test_me_tells_every_role_who_it_is(client, auth, tokens, role, fund):
    response = client.get("/api/v1/me", headers=auth(role))
    assert response.status_code == 200
    body = response.get_json()
    assert body["role"] == role
    assert set(body) == {"id", "email", "name", "role", "donor_id", "fund_ids"}
    assert body["fund_ids"] == (None if role in ("admin", "donor") else [fund.id])
    assert body["donor_id"] == (int(tokens["donor_id"]) if role == "donor" else None)
    assert client.get("/api/v1/me").status_code == 401


def test_audit_events_record_user_and_token_changes_without_secrets(client, auth, db_session):
    body = {"email": "x@fund.example", "name": "X", "role": "admin", "password": "correct horse battery"}
    user_id = client.post("/api/v1/users", json=body, headers=auth("admin")).get_json()["id"]
    issued = client.post(
        f"/api/v1/users/{user_id}/tokens", json={"name": "t"}, headers=auth("admin")
    ).get_json()
    events = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action.in_(["user.create", "token.issue"]))
    ).all()
    dumped = repr([(e.before, e.after) for e in events])
    assert "correct horse battery" not in dumped
    assert "$argon2" not in dumped
    assert issued["token"] not in dumped
    assert hash_token(issued["token"]) not in dumped


def test_a_failed_last_used_write_does_not_fail_the_request(app, client, db_session):
    """On SQLite a GET's deferred transaction may be refused the write lock; the read still answers."""
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    from fundapp.db import get_engine

    user = UserFactory()
    plain, token = issue_token(db_session, None, user, name="t")

    def refuse(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        if statement.startswith("UPDATE api_token SET last_used_at"):
            raise OperationalError(statement, parameters, Exception("database is locked"))

    event.listen(get_engine(app), "before_cursor_execute", refuse)
    try:
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    finally:
        event.remove(get_engine(app), "before_cursor_execute", refuse)
    assert response.status_code == 200
    db_session.expire_all()
    assert db_session.get(ApiToken, token.id).last_used_at is None


def test_a_lone_surrogate_in_a_new_users_password_is_a_422_and_creates_nobody(client, auth, db_session):
    body = {"email": "s@fund.example", "name": "S", "role": "admin", "password": "long \udfff passphrase"}
    response = client.post("/api/v1/users", json=body, headers=auth("admin"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "password"
    assert db_session.scalar(select(User).where(User.email == "s@fund.example")) is None


def test_staff_board_members_and_approvers_work_for_named_funds_and_admins_and_donors_for_none(
    client, auth, db_session, fund
):
    base = {"email": "f@fund.example", "name": "F"}
    cases = [
        ({"role": "staff"}, "works for one fund or more"),
        ({"role": "board", "fund_ids": []}, "works for one fund or more"),
        ({"role": "approver", "fund_ids": [987654321]}, "fund 987654321 does not exist"),
        ({"role": "admin", "fund_ids": [fund.id]}, "admin users are not given funds"),
        (
            {"role": "donor", "donor_id": DonorFactory().id, "fund_ids": [fund.id]},
            "donor users are not given funds",
        ),
    ]
    for extra, reason in cases:
        response = client.post("/api/v1/users", json={**base, **extra}, headers=auth("admin"))
        assert response.status_code == 422, extra
        [error] = response.get_json()["errors"]
        assert error["field"] == "fund_ids"
        assert reason in error["reason"]
    assert db_session.scalar(select(User.id).where(User.email == "f@fund.example")) is None
    admin = client.post("/api/v1/users", json={**base, "role": "admin"}, headers=auth("admin")).get_json()
    assert admin["fund_ids"] is None


def test_an_admin_sets_the_funds_a_user_works_for_and_the_user_sees_them_at_once(
    client, auth, db_session, fund
):
    other = FundFactory()
    user = UserFactory(role=Role.STAFF, fund_ids=[fund.id])
    plain, _ = issue_token(db_session, None, user, name="t")
    headers = {"Authorization": f"Bearer {plain}"}
    assert client.get("/api/v1/me", headers=headers).get_json()["fund_ids"] == [fund.id]
    assert client.get(f"/api/v1/funds/{other.id}/position", headers=headers).status_code == 404
    response = client.put(
        f"/api/v1/users/{user.id}/funds", json={"fund_ids": [other.id, fund.id]}, headers=auth("admin")
    )
    assert response.status_code == 200
    assert response.get_json()["fund_ids"] == sorted([fund.id, other.id])
    assert client.get(f"/api/v1/funds/{other.id}/position", headers=headers).status_code == 200
    only_first = UserFactory(role=Role.BOARD, fund_ids=[fund.id])
    listed = client.get(f"/api/v1/users?fund_id={other.id}&page_size=100", headers=auth("admin")).get_json()
    assert user.id in [u["id"] for u in listed["items"]]
    assert only_first.id not in [u["id"] for u in listed["items"]]
    refused = client.put(f"/api/v1/users/{user.id}/funds", json={"fund_ids": []}, headers=auth("admin"))
    assert refused.status_code == 422
    me = client.get("/api/v1/me", headers=auth("admin")).get_json()
    assert (
        client.put(
            f"/api/v1/users/{me['id']}/funds", json={"fund_ids": [fund.id]}, headers=auth("admin")
        ).status_code
        == 422
    )
