"""The fund never commits what it does not have, even when approvals arrive together.

These tests run on a fresh, committed database (not the rolled-back ``db_session``): each
request is a real transaction, as under gunicorn. 32 approvals (or reserve-list promotions)
of USD 100 race for USD 1,000 received; exactly 10 may succeed. A second test removes the
fund lock and shows that the same race then over-commits, so the first test can see the bug.
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
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import sessionmaker

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.board import services as board_services
from fundapp.board.models import Approval, Recommendation
from fundapp.books import queries as book_queries
from fundapp.books import services as fund_services
from fundapp.calls.models import CallStatus
from fundapp.db import get_engine, new_session, utcnow
from fundapp.funds.models import Fund
from fundapp.grants import services as grant_services
from fundapp.grants.models import Grant
from fundapp.services_base import get_or_404

from .. import factories
from ..conftest import make_test_app
from ..databases import BACKEND, fresh_database

PARALLEL = 32
RECEIVED = 1_000_00  # USD 1,000.00, in four receipts
EACH = 100_00  # USD 100.00 per approval: 10 are affordable
AFFORDABLE = RECEIVED // EACH


@contextmanager
def committed_app(tmp_path) -> Iterator[Flask]:
    with fresh_database(tmp_path) as url:
        app = make_test_app(url)
        try:
            yield app
        finally:
            get_engine(app).dispose()


def seed(app: Flask, kind: str) -> tuple[str, list[int], int]:
    """A fund with USD 1,000 received and 32 recommendations of USD 100; an approver's token."""
    session = new_session(app)
    factories.holder.session = session
    try:
        fund = factories.FundFactory()
        for _ in range(4):
            factories.fund_receives(fund.id, RECEIVED // 4)
        call = factories.CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW)
        board_session = factories.BoardSessionFactory(call=call)
        recommendation = (
            factories.RecommendationFactory if kind == "approval" else factories.ReserveRecommendationFactory
        )
        recs = recommendation.create_batch(PARALLEL, session=board_session, proposal__requested_minor=EACH)
        if kind == "approval":
            for rec in recs:
                rec.amount_minor = EACH
        approver = factories.UserFactory(role=Role.APPROVER)
        token, api_token = issue_token(session, None, approver, name="concurrency")
        api_token.last_used_at = utcnow()  # authentication then only reads, as for a token in use
        session.commit()
        return token, [r.id for r in recs], fund.id
    finally:
        factories.holder.session = None
        session.close()


def fire(app: Flask, token: str, rec_ids: list[int], kind: str) -> list[tuple[int, dict]]:
    """One request per recommendation, each from its own thread and client, released together."""
    barrier = threading.Barrier(len(rec_ids))
    path, body = (
        ("approval", {"decision": "approved"}) if kind == "approval" else ("promotion", {"amount": "100.00"})
    )

    def request(rec_id: int) -> tuple[int, dict]:
        client = app.test_client()
        barrier.wait(timeout=60)
        response = client.post(
            f"/api/v1/board/recommendations/{rec_id}/{path}",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
        )
        return response.status_code, response.get_json()

    with ThreadPoolExecutor(max_workers=len(rec_ids)) as pool:
        return list(pool.map(request, rec_ids, timeout=180))


def books(app: Flask, fund_id: int) -> dict:
    session = new_session(app)
    try:
        return {
            "committed": book_queries.committed_minor(session, fund_id),
            "grants": session.scalar(select(func.count()).select_from(Grant)),
            "approvals": session.scalar(select(func.count()).select_from(Approval)),
            "numbers": sorted(session.scalars(select(Grant.agreement_number))),
            "recommendations": Counter(str(s) for s in session.scalars(select(Recommendation.status))),
        }
    finally:
        session.close()


def slow_check(monkeypatch, seconds: float) -> None:
    """Widen the race: time passes between the money check and the write (application work)."""
    check = fund_services.fund_balances  # the balances commit_to_grant reads under the fund's lock

    def balances_then_work(session, fund_id):
        balances = check(session, fund_id)
        time.sleep(seconds)
        return balances

    monkeypatch.setattr(fund_services, "fund_balances", balances_then_work)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["approval", "promotion"])
@pytest.mark.parametrize("work_seconds", [0, 0.005])
def test_parallel_decisions_commit_exactly_the_money_received(tmp_path, monkeypatch, kind, work_seconds):
    if work_seconds:
        slow_check(monkeypatch, work_seconds)
    with committed_app(tmp_path) as app:
        token, rec_ids, fund_id = seed(app, kind)

        results = fire(app, token, rec_ids, kind)

        statuses = Counter(status for status, _ in results)
        assert statuses == {201: AFFORDABLE, 409: PARALLEL - AFFORDABLE}, results
        refusals = [body for status, body in results if status == 409]
        assert all(b["title"] == "Insufficient funds" and b["shortfall"] == "100.00" for b in refusals), (
            refusals
        )
        after = books(app, fund_id)
        assert after["committed"] == RECEIVED
        assert after["grants"] == after["approvals"] == AFFORDABLE
        year = board_services.today().year
        assert after["numbers"] == [f"UNVTF/{year}/{n:03d}" for n in range(1, AFFORDABLE + 1)]
        done, waiting = ("approved", "pending_approval") if kind == "approval" else ("promoted", "on_reserve")
        assert after["recommendations"] == {done: AFFORDABLE, waiting: PARALLEL - AFFORDABLE}


def _unique_agreement_number(session, fund, year):
    return f"{fund.short_name}/{year}/{uuid.uuid4().hex[:12]}"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["approval", "promotion"])
def test_without_the_fund_lock_the_same_race_over_commits(tmp_path, monkeypatch, kind):
    """The naive way (check, then write, with nothing held) commits money the fund does not have.

    PostgreSQL: ``lock_fund`` reads the fund without ``SELECT ... FOR UPDATE``.
    SQLite: requests run on a plain SQLAlchemy + pysqlite engine, whose reads run outside any
    transaction until the first write (instead of fundapp's ``BEGIN IMMEDIATE``).
    Either way, the per-year agreement numbering (max + 1) is made collision-free: without the
    lock it would race too, and its unique constraint would turn some of the over-commitments
    into 409s, hiding the money race this test is about.
    """
    monkeypatch.setattr(
        fund_services, "lock_fund", lambda session, fund_id: get_or_404(session, Fund, fund_id, label="fund")
    )
    monkeypatch.setattr(grant_services, "next_agreement_number", _unique_agreement_number)
    slow_check(monkeypatch, 0.02)
    with committed_app(tmp_path) as app:
        token, rec_ids, fund_id = seed(app, kind)
        if BACKEND == "sqlite":
            plain = create_engine(get_engine(app).url, connect_args={"timeout": 30})
            naive = sessionmaker(bind=plain, expire_on_commit=False)
            app.extensions["fundapp.sessionmaker"] = app.extensions["fundapp.read_sessionmaker"] = naive

        results = fire(app, token, rec_ids, kind)

        approved = sum(1 for status, _ in results if status == 201)
        after = books(app, fund_id)
        assert approved > AFFORDABLE, Counter(status for status, _ in results)
        assert after["committed"] > RECEIVED
        if BACKEND == "sqlite":
            plain.dispose()


def test_an_idempotent_approval_on_a_committed_database_answers_at_once_and_replays(tmp_path):
    """The claim of an Idempotency-Key has its own transaction; it must not wait for the request's."""
    with committed_app(tmp_path) as app:
        token, rec_ids, fund_id = seed(app, "approval")
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "approve-once"}
        url = f"/api/v1/board/recommendations/{rec_ids[0]}/approval"
        # one thread: a claim that waited for the request's own transaction would never get it
        # and fail (SQLite's busy timeout, a PostgreSQL lock wait), so a 201 proves it did not wait
        first = client.post(url, json={"decision": "approved"}, headers=headers)
        again = client.post(url, json={"decision": "approved"}, headers=headers)
        assert (first.status_code, again.status_code) == (201, 201), first.get_json()
        assert again.get_json() == first.get_json()
        assert again.headers["Idempotent-Replayed"] == "true"
        refused = client.post(url, json={"decision": "rejected", "reason": "no"}, headers=headers)
        assert refused.status_code == 422
        assert books(app, fund_id)["grants"] == 1


@pytest.mark.slow
def test_parallel_retries_with_one_idempotency_key_make_one_grant(tmp_path):
    with committed_app(tmp_path) as app:
        token, rec_ids, fund_id = seed(app, "approval")
        barrier = threading.Barrier(8)
        url = f"/api/v1/board/recommendations/{rec_ids[0]}/approval"

        def retry(_):
            client = app.test_client()
            barrier.wait(timeout=60)
            headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "one-key"}
            response = client.post(url, json={"decision": "approved"}, headers=headers)
            return response.status_code, response.headers.get("Idempotent-Replayed")

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(retry, range(8), timeout=120))

        created = [r for r in results if r == (201, None)]
        assert len(created) == 1, results
        assert all(r in {(201, "true"), (409, None)} for r in results if r != (201, None)), results
        assert books(app, fund_id)["grants"] == 1
