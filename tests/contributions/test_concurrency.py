"""A pledge is never received above its amount, and one amendment wins, under parallel requests.

These run on a fresh, committed database (not the rolled-back ``db_session``): each request
is a real transaction, as under gunicorn, released together by a barrier.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from flask import Flask
from sqlalchemy import func, select

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.contributions import services
from fundapp.contributions.models import Contribution, ContributionStatus, Receipt
from fundapp.db import get_engine, new_session, utcnow

from .. import factories
from ..conftest import make_test_app
from ..databases import BACKEND, fresh_database

PARALLEL = 16
PLEDGED = 1_000_00  # USD 1,000.00
EACH = "100.00"  # 10 receipts fit


@contextmanager
def committed_app(tmp_path) -> Iterator[Flask]:
    with fresh_database(tmp_path) as url:
        app = make_test_app(url)
        try:
            yield app
        finally:
            get_engine(app).dispose()


def seed(app: Flask) -> tuple[str, int]:
    """A USD 1,000 pledge and a staff token (already used, so authenticating only reads)."""
    session = new_session(app)
    factories.holder.session = session
    try:
        contribution = factories.ContributionFactory(pledged_minor=PLEDGED)
        staff = factories.UserFactory(role=Role.STAFF)
        token, api_token = issue_token(session, None, staff, name="concurrency")
        api_token.last_used_at = utcnow()
        session.commit()
        return token, contribution.id
    finally:
        factories.holder.session = None
        session.close()


def together(app: Flask, calls: list) -> list[tuple[int, dict]]:
    """Run each ``call(client)`` in its own thread and client, released together."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        client = app.test_client()
        barrier.wait(timeout=60)
        response = call(client)
        return response.status_code, response.get_json()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls, timeout=180))


def post_receipt(token: str, contribution_id: int):
    def call(client):
        return client.post(
            f"/api/v1/contributions/{contribution_id}/receipts",
            json={"received_on": "2015-02-01", "amount": EACH},
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex},
        )

    return call


def money_of(app: Flask, contribution_id: int) -> tuple[int, int, ContributionStatus]:
    session = new_session(app)
    try:
        total = session.scalar(
            select(func.coalesce(func.sum(Receipt.amount_minor), 0)).where(
                Receipt.contribution_id == contribution_id
            )
        )
        count = session.scalar(select(func.count()).select_from(Receipt))
        return int(total), int(count), session.get(Contribution, contribution_id).status
    finally:
        session.close()


def slow_sum(monkeypatch, seconds: float) -> None:
    """Widen the race: time passes between summing what is received and writing the receipt."""
    summed = services._recorded_minor

    def sum_then_work(session, contribution_id):
        value = summed(session, contribution_id)
        time.sleep(seconds)
        return value

    monkeypatch.setattr(services, "_recorded_minor", sum_then_work)


@pytest.mark.slow
@pytest.mark.parametrize("work_seconds", [0, 0.005])
def test_parallel_receipts_never_take_a_pledge_above_its_amount(tmp_path, monkeypatch, work_seconds):
    if work_seconds:
        slow_sum(monkeypatch, work_seconds)
    with committed_app(tmp_path) as app:
        token, contribution_id = seed(app)

        results = together(app, [post_receipt(token, contribution_id)] * PARALLEL)

        statuses = Counter(status for status, _ in results)
        assert statuses == {201: 10, 409: PARALLEL - 10}, results
        refused = [body for status, body in results if status == 409]
        assert all(body["remaining"] == "0.00" for body in refused)
        assert money_of(app, contribution_id) == (PLEDGED, 10, ContributionStatus.RECEIVED)


@pytest.mark.slow
@pytest.mark.skipif(BACKEND != "postgresql", reason="SQLite's BEGIN IMMEDIATE serialises even the naive code")
def test_without_the_row_lock_the_parallel_receipts_test_fails(tmp_path, monkeypatch):
    """Mutation check: drop the contribution's row lock and the test above can no longer pass.

    The money stays right (every receipt bumps the contribution's version, so the losers of
    the race are refused with 412), but fewer than the 10 affordable receipts get through.
    """
    real = services.get_or_404

    def without_lock(session, model, ident, **kwargs):
        kwargs["lock"] = False
        return real(session, model, ident, **kwargs)

    monkeypatch.setattr(services, "get_or_404", without_lock)
    slow_sum(monkeypatch, 0.005)
    with committed_app(tmp_path) as app:
        token, contribution_id = seed(app)
        results = together(app, [post_receipt(token, contribution_id)] * PARALLEL)
        statuses = Counter(status for status, _ in results)
        assert statuses[412] > 0, results
        assert statuses[201] < 10
        received, count, _ = money_of(app, contribution_id)
        assert received == count * 100_00 <= PLEDGED


def patch_amount(token: str, contribution_id: int, amount: str, etag: str):
    def call(client):
        return client.patch(
            f"/api/v1/contributions/{contribution_id}",
            json={"amount": amount},
            headers={"Authorization": f"Bearer {token}", "If-Match": etag},
        )

    return call


def amount_of(app: Flask, contribution_id: int) -> tuple[int, int]:
    session = new_session(app)
    try:
        contribution = session.get(Contribution, contribution_id)
        return contribution.pledged_minor, contribution.version
    finally:
        session.close()


@pytest.mark.slow
def test_two_amendments_with_the_same_etag_exactly_one_wins(tmp_path):
    with committed_app(tmp_path) as app:
        token, contribution_id = seed(app)
        etag = f'"contribution-{contribution_id}-v1"'
        results = together(
            app,
            [
                patch_amount(token, contribution_id, "2000.00", etag),
                patch_amount(token, contribution_id, "3000.00", etag),
            ],
        )
        assert sorted(status for status, _ in results) == [200, 412], results
        winner = next(body for status, body in results if status == 200)
        assert amount_of(app, contribution_id) == (int(winner["amount"].replace(".", "")), 2)


@pytest.mark.slow
@pytest.mark.skipif(BACKEND != "postgresql", reason="on SQLite the second request waits before its check")
def test_when_both_amendments_pass_the_etag_check_the_version_column_refuses_one(tmp_path, monkeypatch):
    """Both requests are held after the If-Match check: only the version column can tell them apart."""
    barrier = threading.Barrier(2)
    check = services.require_if_match

    def check_then_wait(record, header):
        check(record, header)
        barrier.wait(timeout=30)

    monkeypatch.setattr(services, "require_if_match", check_then_wait)
    with committed_app(tmp_path) as app:
        token, contribution_id = seed(app)
        etag = f'"contribution-{contribution_id}-v1"'
        results = together(
            app,
            [
                patch_amount(token, contribution_id, "2000.00", etag),
                patch_amount(token, contribution_id, "3000.00", etag),
            ],
        )
        assert sorted(status for status, _ in results) == [200, 412], results
        loser = next(body for status, body in results if status == 412)
        assert loser["detail"] == "the record was changed by another request"
        assert amount_of(app, contribution_id)[1] == 2
