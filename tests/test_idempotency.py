"""Idempotency-Key claims are leases: a dead request's claim is taken over, a live one's never twice."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from fundapp.auth.models import Role, User
from fundapp.board.models import Approval, RecommendationStatus
from fundapp.books import services as fund_services
from fundapp.calls.models import CallStatus
from fundapp.db import new_session, utcnow
from fundapp.grants.models import Grant
from fundapp.idempotency import IN_FLIGHT, IdempotencyRecord, request_hash

from .factories import BoardSessionFactory, CallFactory, RecommendationFactory, fund_receives

BODY = json.dumps({"decision": "approved"}).encode()


@pytest.fixture
def pending(fund):
    fund_receives(fund.id, 80_000_00)
    call = CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW)
    return RecommendationFactory(session=BoardSessionFactory(call=call), amount_minor=50_000_00)


def approval_path(rec) -> str:
    return f"/api/v1/board/recommendations/{rec.id}/approval"


def approve(client, auth, rec, key: str):
    headers = auth("approver", **{"Idempotency-Key": key})
    return client.post(approval_path(rec), data=BODY, content_type="application/json", headers=headers)


def leave_a_claim(db_session, rec, key: str, age_seconds: float) -> IdempotencyRecord:
    """The claim a request left behind when its process died before its commit."""
    approver = db_session.scalar(select(User).where(User.role == Role.APPROVER))
    claim = IdempotencyRecord(
        user_id=approver.id,
        key=key,
        method="POST",
        path=approval_path(rec),
        request_hash=request_hash("POST", approval_path(rec), BODY),
        state=IN_FLIGHT,
        created_at=utcnow() - dt.timedelta(seconds=age_seconds),
    )
    db_session.add(claim)
    db_session.flush()
    return claim


def grants(db_session) -> int:
    return db_session.scalar(select(func.count()).select_from(Grant))


def test_a_claim_still_within_its_lease_answers_409_with_retry_after_and_runs_nothing(
    client, auth, pending, db_session, app, monkeypatch
):
    monkeypatch.setitem(app.config, "IDEMPOTENCY_IN_FLIGHT_SECONDS", 30)
    leave_a_claim(db_session, pending, "died-just-now", age_seconds=5)

    response = approve(client, auth, pending, "died-just-now")

    assert response.status_code == 409, response.get_json()
    assert "still being processed" in response.get_json()["detail"]
    assert 20 <= int(response.headers["Retry-After"]) <= 25
    assert grants(db_session) == 0


def test_a_claim_older_than_its_lease_is_taken_over_and_the_retry_runs_once(
    client, auth, pending, db_session, app, monkeypatch
):
    monkeypatch.setitem(app.config, "IDEMPOTENCY_IN_FLIGHT_SECONDS", 1)
    died_at = leave_a_claim(db_session, pending, "died-long-ago", age_seconds=2).created_at

    first = approve(client, auth, pending, "died-long-ago")
    again = approve(client, auth, pending, "died-long-ago")

    assert first.status_code == 201, first.get_json()
    assert "Idempotent-Replayed" not in first.headers
    assert (again.status_code, again.headers.get("Idempotent-Replayed")) == (201, "true")
    assert again.get_json() == first.get_json()
    db_session.expire_all()
    claims = db_session.scalars(select(IdempotencyRecord)).all()
    assert [(c.key, c.state) for c in claims] == [("died-long-ago", "completed")]
    assert claims[0].created_at > died_at + dt.timedelta(seconds=1)  # the retry's own claim
    assert grants(db_session) == 1


def test_a_request_that_loses_its_claim_while_it_runs_saves_nothing(
    client, auth, pending, db_session, monkeypatch
):
    """A request slower than its lease: a retry took its key over; its own work must not commit."""
    commit_to_grant = fund_services.commit_to_grant

    def taken_over_meanwhile(session, fund_id, amount_minor):
        other = new_session()
        other.execute(IdempotencyRecord.__table__.delete())
        other.commit()
        other.close()
        return commit_to_grant(session, fund_id, amount_minor)

    monkeypatch.setattr(fund_services, "commit_to_grant", taken_over_meanwhile)

    response = approve(client, auth, pending, "too-slow")

    assert response.status_code == 409, response.get_json()
    assert "took the key over" in response.get_json()["detail"]
    db_session.expire_all()
    assert grants(db_session) == 0
    assert db_session.scalar(select(func.count()).select_from(Approval)) == 0
    assert db_session.get(type(pending), pending.id).status == RecommendationStatus.PENDING_APPROVAL
