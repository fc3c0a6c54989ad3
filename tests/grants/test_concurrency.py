"""Parallel requests on a committed database: tranches never exceed the grant, a tranche is paid once.

These tests use a fresh database per test, committed for real (no rolled-back outer
transaction), 32 threads each with its own test client and its own bearer token, released
together by a barrier. A token per thread matters: ``authenticate`` updates the token's
``last_used_at``, so requests sharing one token queue on that row (PostgreSQL) and would
hide a missing lock.

The service is also slowed between its check and its write (``tranche_totals`` sleeps), so
that the race window is wide: with the grant's row lock the answer must still be exact.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select, text

from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.db import get_engine, new_session
from fundapp.grants import services
from fundapp.grants.models import Disbursement, DisbursementStatus

from .. import factories
from ..conftest import make_test_app
from ..databases import BACKEND, fresh_database
from .conftest import API

THREADS = 32
GRANT_MINOR = 1000_00
TRANCHE = "100.00"
AFFORDABLE = 10
ON_POSTGRESQL = pytest.mark.skipif(BACKEND != "postgresql", reason="SQLite serialises writers itself")


@pytest.fixture
def committed_app(tmp_path) -> Iterator[Flask]:
    with fresh_database(tmp_path) as url:
        app = make_test_app(url)
        try:
            yield app
        finally:
            get_engine(app).dispose()


def seed(app: Flask, *, planned_tranches: int = 0) -> tuple[int, list[str]]:
    """A committed grant of 1,000.00 USD (with planned 100.00 tranches) and a staff token per thread."""
    session = new_session(app)
    factories.holder.session = session
    try:
        grant = factories.ActiveGrantFactory(amount_minor=GRANT_MINOR)
        for number in range(1, planned_tranches + 1):
            factories.TrancheFactory(grant_id=grant.id, tranche=number, amount_minor=100_00)
        tokens = [
            issue_token(session, None, factories.UserFactory(role=Role.STAFF), name=f"thread {n}")[0]
            for n in range(THREADS)
        ]
        session.commit()
        return grant.id, tokens
    finally:
        factories.holder.session = None
        session.close()


def race(app: Flask, tokens: list[str], request_for) -> list[tuple[int, dict[str, Any]]]:
    """Run ``request_for(n)`` -> (url, json) in THREADS threads at once; (status, body) per thread."""
    barrier = threading.Barrier(len(tokens))
    results: list[Any] = [None] * len(tokens)

    def worker(n: int) -> None:
        client = app.test_client()
        url, body = request_for(n)
        try:
            barrier.wait(timeout=30)
            response = client.post(url, json=body, headers={"Authorization": f"Bearer {tokens[n]}"})
            results[n] = (response.status_code, response.get_json())
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[n] = (0, {"exception": repr(exc)})

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(tokens))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(r is not None for r in results), "a request did not finish"
    return results


def widen_the_race_window(monkeypatch, seconds: float = 0.02) -> None:
    """Sleep between the service's check (tranche totals) and its write."""
    real = services.tranche_totals

    def slow(*args, **kwargs):
        totals = real(*args, **kwargs)
        time.sleep(seconds)
        return totals

    monkeypatch.setattr(services, "tranche_totals", slow)


def remove_the_row_locks(monkeypatch) -> None:
    real = services.get_or_404
    monkeypatch.setattr(services, "get_or_404", lambda *a, **kw: real(*a, **{**kw, "lock": False}))


def scheduled_tranches(app: Flask, grant_id: int) -> list[tuple[int, int]]:
    with new_session(app) as session:
        return session.execute(
            select(Disbursement.tranche, Disbursement.amount_minor)
            .where(Disbursement.grant_id == grant_id, Disbursement.status != DisbursementStatus.CANCELLED)
            .order_by(Disbursement.tranche)
        ).all()


def schedule_race(app: Flask, grant_id: int, tokens: list[str]) -> tuple[collections.Counter, list[Any]]:
    results = race(
        app,
        tokens,
        lambda n: (f"{API}/grants/{grant_id}/disbursements", {"planned_on": "2015-08-01", "amount": TRANCHE}),
    )
    return collections.Counter(status for status, _ in results), results


@pytest.mark.parametrize("window", [0, 0.02], ids=["as-is", "slowed"])
def test_32_parallel_tranches_of_100_on_a_1000_grant_schedule_exactly_10(committed_app, monkeypatch, window):
    grant_id, tokens = seed(committed_app)
    if window:
        widen_the_race_window(monkeypatch, window)

    statuses, results = schedule_race(committed_app, grant_id, tokens)

    assert statuses == {201: AFFORDABLE, 409: THREADS - AFFORDABLE}, results
    assert all(body["excess"] == TRANCHE for status, body in results if status == 409)
    tranches = scheduled_tranches(committed_app, grant_id)
    assert [number for number, _ in tranches] == list(range(1, AFFORDABLE + 1))
    assert sum(amount for _, amount in tranches) == GRANT_MINOR


def test_32_parallel_payments_of_10_tranches_pay_each_exactly_once(committed_app, monkeypatch):
    grant_id, tokens = seed(committed_app, planned_tranches=AFFORDABLE)
    with new_session(committed_app) as session:
        ids = session.scalars(
            select(Disbursement.id).where(Disbursement.grant_id == grant_id).order_by(Disbursement.tranche)
        ).all()

    results = race(
        committed_app,
        tokens,
        lambda n: (
            f"{API}/disbursements/{ids[n % AFFORDABLE]}/payment",
            {"paid_on": "2015-08-03", "amount": TRANCHE},
        ),
    )

    statuses = collections.Counter(status for status, _ in results)
    assert statuses == {200: AFFORDABLE, 409: THREADS - AFFORDABLE}, results
    assert all(body["current_state"] == "paid" for status, body in results if status == 409)
    with new_session(committed_app) as session:
        paid = session.execute(
            select(func.count(), func.sum(Disbursement.paid_minor)).where(
                Disbursement.grant_id == grant_id, Disbursement.status == DisbursementStatus.PAID
            )
        ).one()
    assert tuple(paid) == (AFFORDABLE, GRANT_MINOR)


# --- the same races without the lock, to show that the tests above can fail ---------------


@ON_POSTGRESQL
def test_without_the_grant_lock_parallel_scheduling_refuses_affordable_tranches(committed_app, monkeypatch):
    """No lock: the unique (grant, tranche) number turns the race into spurious conflicts."""
    grant_id, tokens = seed(committed_app)
    remove_the_row_locks(monkeypatch)
    widen_the_race_window(monkeypatch)

    statuses, _ = schedule_race(committed_app, grant_id, tokens)

    assert statuses[201] < AFFORDABLE
    assert sum(amount for _, amount in scheduled_tranches(committed_app, grant_id)) < GRANT_MINOR


@ON_POSTGRESQL
def test_without_the_lock_or_a_unique_tranche_number_parallel_scheduling_over_disburses(
    committed_app, monkeypatch
):
    """The naive check-then-insert: READ COMMITTED lets each request see the others' tranches too late."""
    grant_id, tokens = seed(committed_app)
    with get_engine(committed_app).begin() as connection:
        connection.execute(text("ALTER TABLE disbursement DROP CONSTRAINT uq_disbursement_grant_id_tranche"))
    remove_the_row_locks(monkeypatch)
    widen_the_race_window(monkeypatch)

    statuses, _ = schedule_race(committed_app, grant_id, tokens)

    assert statuses[201] > AFFORDABLE
    assert sum(amount for _, amount in scheduled_tranches(committed_app, grant_id)) > GRANT_MINOR


@ON_POSTGRESQL
def test_without_the_locks_a_double_payment_is_stopped_only_by_the_version_check(committed_app, monkeypatch):
    """No lock: the loser of a payment race gets 412 from the version column, not a clean 409."""
    grant_id, tokens = seed(committed_app, planned_tranches=1)
    with new_session(committed_app) as session:
        tranche_id = session.scalar(select(Disbursement.id).where(Disbursement.grant_id == grant_id))
    remove_the_row_locks(monkeypatch)
    real = services.check_transition

    def slow_check(*args, **kwargs):
        real(*args, **kwargs)
        time.sleep(0.02)

    monkeypatch.setattr(services, "check_transition", slow_check)

    results = race(
        committed_app,
        tokens,
        lambda n: (f"{API}/disbursements/{tranche_id}/payment", {"paid_on": "2015-08-03", "amount": TRANCHE}),
    )

    statuses = collections.Counter(status for status, _ in results)
    assert statuses[200] == 1
    assert statuses[412] > 0
    with new_session(committed_app) as session:
        assert session.scalar(select(Disbursement.paid_minor).where(Disbursement.id == tranche_id)) == 100_00


def test_32_parallel_increases_approved_on_a_fund_with_1000_left_commit_exactly_10(committed_app):
    """Each of 32 grants of one fund has an increase of 100.00 awaiting the fund manager; the fund
    has 1,000.00 uncommitted. Approved at once, exactly 10 fit (the fund's row lock), the others
    are 409s with the shortfall, and the books commit exactly what was received."""
    from fundapp.books import services as books
    from fundapp.grants.models import AmendmentStatus, GrantAmendment

    session = new_session(committed_app)
    factories.holder.session = session
    try:
        call = factories.CallFactory()
        grants = [
            factories.ActiveGrantFactory(proposal__call=call, amount_minor=GRANT_MINOR)
            for _ in range(THREADS)
        ]
        fund_id = call.fund_id
        factories.fund_receives(fund_id, THREADS * GRANT_MINOR + 1000_00)
        amendments = [
            factories.GrantAmendmentFactory(
                grant=grant,
                status=AmendmentStatus.REQUESTED,
                amount_minor=GRANT_MINOR + 100_00,
                requested_on=grant.approved_on,
                decided_on=None,
                takes_effect=False,
            ).id
            for grant in grants
        ]
        tokens = [
            issue_token(session, None, factories.UserFactory(role=Role.APPROVER), name=f"thread {n}")[0]
            for n in range(THREADS)
        ]
        session.commit()
    finally:
        factories.holder.session = None
        session.close()

    results = race(
        committed_app,
        tokens,
        lambda n: (
            f"{API}/grant-amendments/{amendments[n]}/decision",
            {"decision": "approved", "decided_on": "2015-09-01"},
        ),
    )

    statuses = collections.Counter(status for status, _ in results)
    assert statuses == {200: AFFORDABLE, 409: THREADS - AFFORDABLE}, results
    assert all(body["shortfall"] == TRANCHE for status, body in results if status == 409)
    with new_session(committed_app) as check:
        received, committed = books.fund_balances(check, fund_id)
        approved = check.scalar(select(func.count()).where(GrantAmendment.status == AmendmentStatus.APPROVED))
    assert (approved, committed) == (AFFORDABLE, received)
