"""No review lands on a session the Board has already held, even when both arrive together.

A review reads the session (planned), checks it, then writes; the slate makes the session held.
The review holds the session's row (FOR SHARE) from its check to its commit, so the slate waits
for it, or it waits for the slate and finds the session held (409). A committed database, one
real transaction per request, as under gunicorn; a second test removes the lock and shows the
race then lets a review in after the slate (PostgreSQL: SQLite serialises writers itself).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from sqlalchemy import select

from fundapp.audit import AuditEvent
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.board import reviews
from fundapp.board.models import BoardSession
from fundapp.calls.models import CallStatus
from fundapp.db import new_session, utcnow
from fundapp.proposals.models import ProposalStatus
from fundapp.services_base import get_or_404

from .. import factories
from ..databases import BACKEND
from .test_concurrency import committed_app

MEMBERS = 5  # each request may hold two of the pool's 15 connections: all 6 requests run at once


def seed(app: Flask) -> dict:
    """A planned session whose term has five members, each with a login and a proposal to review."""
    session = new_session(app)
    factories.holder.session = session
    try:
        fund = factories.FundFactory()
        call = factories.CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW)
        term = factories.BoardTermFactory(
            fund_id=fund.id, starts_on=dt.date(2014, 1, 1), ends_on=dt.date(2016, 12, 31)
        )
        board_session = factories.BoardSessionFactory(call=call, term_id=term.id)
        criterion = factories.ReviewCriterionFactory(fund_id=fund.id)
        tokens, proposals = [], []
        for n in range(MEMBERS):
            email = f"trustee{n}@trustees.example"
            factories.BoardMemberFactory(term=term, email=email)
            user = factories.UserFactory(role=Role.BOARD, email=email)
            plain, token = issue_token(session, None, user, name="t")
            token.last_used_at = utcnow()  # authentication then only reads, as for a token in use
            tokens.append(plain)
            proposals.append(factories.ProposalFactory(call=call, status=ProposalStatus.ELIGIBLE).id)
        secretariat, token = issue_token(session, None, factories.UserFactory(role=Role.STAFF), name="t")
        token.last_used_at = utcnow()
        slated = factories.ProposalFactory(
            call=call, status=ProposalStatus.ELIGIBLE, requested_minor=10_00
        ).id
        session.commit()
        return {
            "session_id": board_session.id,
            "criterion_id": criterion.id,
            "tokens": tokens,
            "proposals": proposals,
            "slated": slated,
            "secretariat": secretariat,
        }
    finally:
        factories.holder.session = None
        session.close()


def fire(app: Flask, seeded: dict) -> tuple[list[int], int]:
    """Five reviews and the slate, each from its own thread, released together."""
    barrier = threading.Barrier(MEMBERS + 1)
    url = f"/api/v1/board/sessions/{seeded['session_id']}"

    def review(n: int) -> int:
        client = app.test_client()
        body = {
            "proposal_id": seeded["proposals"][n],
            "scores": [{"criterion_id": seeded["criterion_id"], "score": 3}],
            "recommendation": "fund",
        }
        barrier.wait(timeout=60)
        headers = {"Authorization": f"Bearer {seeded['tokens'][n]}"}
        return client.post(f"{url}/reviews", json=body, headers=headers).status_code

    def slate() -> int:
        client = app.test_client()
        entry = {"proposal_id": seeded["slated"], "decision": "decline", "rationale": "Out of scope."}
        barrier.wait(timeout=60)
        time.sleep(0.01)  # the reviews are under way
        headers = {"Authorization": f"Bearer {seeded['secretariat']}"}
        return client.post(
            f"{url}/recommendations", json={"recommendations": [entry]}, headers=headers
        ).status_code

    with ThreadPoolExecutor(max_workers=MEMBERS + 1) as pool:
        slate_status = pool.submit(slate)
        statuses = list(pool.map(review, range(MEMBERS), timeout=180))
        return statuses, slate_status.result(timeout=180)


def reviews_after_the_hold(app: Flask, session_id: int) -> tuple[int, int]:
    """How many reviews were recorded, and how many of them after the session was held (by the
    order of their audit events: each is written in its request's transaction, under its locks)."""
    session = new_session(app)
    try:
        events = session.execute(
            select(AuditEvent.id, AuditEvent.action).where(
                AuditEvent.action.in_(["board_review.record", "board_session.hold"])
            )
        ).all()
        (held,) = [i for i, action in events if action == "board_session.hold"]
        recorded = [i for i, action in events if action == "board_review.record"]
        status = session.scalar(select(BoardSession.status).where(BoardSession.id == session_id))
        assert str(status) == "held"
        return len(recorded), sum(1 for i in recorded if i > held)
    finally:
        session.close()


def slow_check(monkeypatch) -> None:
    """Widen the race: time passes between the review's check of the session and its write."""
    check = reviews._open_for_review

    def check_then_work(session, board_session):
        check(session, board_session)
        time.sleep(0.1)

    monkeypatch.setattr(reviews, "_open_for_review", check_then_work)


@pytest.mark.slow
def test_a_review_racing_the_slate_lands_before_it_or_is_refused(tmp_path, monkeypatch):
    slow_check(monkeypatch)
    with committed_app(tmp_path) as app:
        seeded = seed(app)

        statuses, slate = fire(app, seeded)

        assert slate == 201
        assert set(statuses) <= {201, 409}, statuses
        recorded, late = reviews_after_the_hold(app, seeded["session_id"])
        assert (recorded, late) == (Counter(statuses)[201], 0)


@pytest.mark.slow
@pytest.mark.skipif(BACKEND == "sqlite", reason="SQLite's BEGIN IMMEDIATE serialises even the naive code")
def test_without_the_session_lock_a_review_lands_after_the_slate(tmp_path, monkeypatch):
    slow_check(monkeypatch)
    monkeypatch.setattr(
        reviews,
        "_session_for_review",
        lambda session, session_id: get_or_404(session, BoardSession, session_id, label="board session"),
    )
    with committed_app(tmp_path) as app:
        seeded = seed(app)

        statuses, slate = fire(app, seeded)

        assert slate == 201
        _recorded, late = reviews_after_the_hold(app, seeded["session_id"])
        assert late > 0, Counter(statuses)
