"""Idempotency-Key on the money-creating POSTs (Stripe / IETF draft semantics)."""

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import func, select

from fundapp import idempotency
from fundapp.auth.models import Role, User
from fundapp.db import utcnow
from fundapp.idempotency import IdempotencyRecord

from ..factories import DonorFactory
from .helpers import counts, pledge, pledge_body


@pytest.fixture
def donor(db_session):
    return DonorFactory()


def post_json(client, auth, path, body, key, role="staff"):
    return client.post(
        path,
        data=json.dumps(body),
        content_type="application/json",
        headers=auth(role, **{"Idempotency-Key": key}),
    )


def keys(session):
    return session.scalar(select(func.count()).select_from(IdempotencyRecord))


def test_the_same_key_and_body_replay_the_first_response_and_record_one_pledge(
    client, auth, fund, donor, db_session
):
    body = pledge_body(fund.id, donor.id)
    first = post_json(client, auth, "/api/v1/contributions", body, "pledge-1")
    again = post_json(client, auth, "/api/v1/contributions", body, "pledge-1")
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["ETag"] == first.headers["ETag"]
    assert "Idempotent-Replayed" not in first.headers
    assert counts(db_session) == (1, 0)
    assert keys(db_session) == 1


def test_the_same_key_and_body_replay_a_receipt_and_record_it_once(client, auth, fund, donor, db_session):
    created = pledge(client, auth, fund.id, donor.id)
    path = f"/api/v1/contributions/{created['id']}/receipts"
    body = {"received_on": "2015-02-01", "amount": "600.00"}
    first = post_json(client, auth, path, body, "receipt-1")
    again = post_json(client, auth, path, body, "receipt-1")
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert counts(db_session) == (1, 1)


def test_the_same_key_with_another_body_is_422_and_changes_nothing(client, auth, fund, donor, db_session):
    post_json(client, auth, "/api/v1/contributions", pledge_body(fund.id, donor.id), "pledge-1")
    response = post_json(
        client, auth, "/api/v1/contributions", pledge_body(fund.id, donor.id, amount="2000.00"), "pledge-1"
    )
    assert response.status_code == 422
    assert "different request" in response.get_json()["detail"]
    assert counts(db_session) == (1, 0)


def test_a_request_while_the_first_with_its_key_is_in_flight_is_409(client, auth, fund, donor, db_session):
    body = pledge_body(fund.id, donor.id)
    path = "/api/v1/contributions"
    digest = hashlib.sha256(b"POST" + path.encode() + json.dumps(body).encode()).hexdigest()
    staff = db_session.scalar(select(User).where(User.role == Role.STAFF))
    db_session.add(
        IdempotencyRecord(user_id=staff.id, key="pledge-1", method="POST", path=path, request_hash=digest)
    )
    db_session.flush()
    response = post_json(client, auth, path, body, "pledge-1")
    assert response.status_code == 409
    assert "still being processed" in response.get_json()["detail"]
    assert counts(db_session) == (0, 0)


def test_a_refused_request_keeps_no_key_so_the_corrected_retry_runs(client, auth, fund, donor, db_session):
    bad = post_json(
        client, auth, "/api/v1/contributions", pledge_body(fund.id, donor.id, amount="0"), "pledge-1"
    )
    assert bad.status_code == 422
    assert keys(db_session) == 0
    good = post_json(client, auth, "/api/v1/contributions", pledge_body(fund.id, donor.id), "pledge-1")
    assert good.status_code == 201
    assert counts(db_session) == (1, 0)


def test_keys_are_kept_24_hours_then_may_be_used_again(client, auth, fund, donor, db_session, monkeypatch):
    body = pledge_body(fund.id, donor.id)
    first = post_json(client, auth, "/api/v1/contributions", body, "pledge-1")
    start = utcnow()
    monkeypatch.setattr(idempotency, "utcnow", lambda: start + dt.timedelta(hours=23, minutes=59))
    replay = post_json(client, auth, "/api/v1/contributions", body, "pledge-1")
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.get_json()["id"] == first.get_json()["id"]
    monkeypatch.setattr(idempotency, "utcnow", lambda: start + dt.timedelta(hours=24, minutes=1))
    later = post_json(client, auth, "/api/v1/contributions", body, "pledge-1")
    assert later.status_code == 201
    assert "Idempotent-Replayed" not in later.headers
    assert later.get_json()["id"] != first.get_json()["id"]
    assert counts(db_session) == (2, 0)
    assert keys(db_session) == 1


def test_keys_belong_to_their_user(client, auth, fund, donor, db_session):
    body = pledge_body(fund.id, donor.id)
    post_json(client, auth, "/api/v1/contributions", body, "shared-key", role="staff")
    other = post_json(client, auth, "/api/v1/contributions", body, "shared-key", role="admin")
    assert other.status_code == 201
    assert "Idempotent-Replayed" not in other.headers
    assert counts(db_session) == (2, 0)


def test_a_malformed_key_is_400(client, auth, fund, donor, db_session):
    response = post_json(client, auth, "/api/v1/contributions", pledge_body(fund.id, donor.id), "has space")
    assert response.status_code == 400
    assert counts(db_session) == (0, 0)
