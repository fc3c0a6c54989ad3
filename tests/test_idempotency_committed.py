"""Idempotency keys on a committed database (not the rolled-back test transaction)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import func, select

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.db import get_engine, new_session
from fundapp.grants.models import Disbursement
from fundapp.idempotency import IdempotencyRecord

from . import factories
from .conftest import make_test_app
from .databases import fresh_database


@pytest.fixture
def committed(tmp_path) -> Iterator[tuple[Flask, int, dict[str, str]]]:
    """An app on a fresh committed database, a grant of 1,000.00 USD and a staff token."""
    with fresh_database(tmp_path) as url:
        app = make_test_app(url)
        session = new_session(app)
        factories.holder.session = session
        try:
            grant = factories.ActiveGrantFactory(amount_minor=1000_00)
            token, _ = issue_token(session, None, factories.UserFactory(role=Role.STAFF), name="t")
            session.commit()
            grant_id = grant.id
        finally:
            factories.holder.session = None
            session.close()
        try:
            yield app, grant_id, {"Authorization": f"Bearer {token}"}
        finally:
            get_engine(app).dispose()


def count(app: Flask, model) -> int:
    with new_session(app) as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_keyed_post_is_answered_and_replayed_on_a_committed_database(committed):
    # On SQLite the request's transaction holds the write lock from authentication on;
    # a claim taken on a second connection waited 30 s for it and answered 500.
    app, grant_id, headers = committed
    client = app.test_client()
    url = f"/api/v1/grants/{grant_id}/disbursements"
    body = {"planned_on": "2015-08-01", "amount": "100.00"}

    first = client.post(url, json=body, headers={**headers, "Idempotency-Key": "tranche-1"})
    again = client.post(url, json=body, headers={**headers, "Idempotency-Key": "tranche-1"})

    assert first.status_code == 201, first.get_json()
    assert again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert count(app, Disbursement) == 1
    assert count(app, IdempotencyRecord) == 1


def test_a_refused_keyed_post_leaves_no_claim_and_can_be_retried(committed):
    app, grant_id, headers = committed
    client = app.test_client()
    url = f"/api/v1/grants/{grant_id}/disbursements"
    keyed = {**headers, "Idempotency-Key": "too-much"}

    refused = client.post(url, json={"planned_on": "2015-08-01", "amount": "1000.01"}, headers=keyed)
    assert refused.status_code == 409
    assert count(app, IdempotencyRecord) == 0
    retried = client.post(url, json={"planned_on": "2015-08-01", "amount": "1000.01"}, headers=keyed)
    assert retried.status_code == 409
    assert count(app, Disbursement) == 0
