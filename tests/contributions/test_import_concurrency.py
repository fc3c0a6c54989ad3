"""A long import holds the rows every other money writer needs for its last moment alone.

On a fresh, committed PostgreSQL database (each request a real transaction, as under
gunicorn): while a 20,000-row import writes, a pledge, a receipt and an approval from other
requests complete, and the import's figures and theirs are both exact. The import settles the
balances and the donors' sums once, at its end, and the money's data version is advanced once,
at its commit; the fund's lock (FOR NO KEY UPDATE) does not wait for the rows the import writes
that refer to the fund.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from fundapp.answer_cache import money_version
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.board.models import Recommendation
from fundapp.books import queries as book_queries
from fundapp.calls.models import CallStatus
from fundapp.contributions.imports import import_contributions
from fundapp.contributions.models import Contribution
from fundapp.db import new_session, utcnow

from .. import factories
from ..books.helpers import kind_sums_kept_and_recomputed
from ..databases import BACKEND
from .test_concurrency import committed_app

pytestmark = pytest.mark.skipif(BACKEND != "postgresql", reason="SQLite has one writer at a time")

ROWS = 20_000


def _seed(app):
    session = new_session(app)
    factories.holder.session = session
    try:
        fund = factories.FundFactory(code="UNVTF")
        factories.fund_receives(fund.id, 1_000_00)
        donor = factories.DonorFactory(name="Austria", kind="member_state")
        pledged = factories.ContributionFactory(fund_id=fund.id, donor_id=donor.id, pledged_minor=500_00)
        call = factories.CallFactory(fund_id=fund.id, status=CallStatus.UNDER_REVIEW)
        board_session = factories.BoardSessionFactory(call=call)
        recommendation = factories.RecommendationFactory(
            session=board_session, proposal__requested_minor=100_00
        )
        recommendation.amount_minor = 100_00
        tokens = {}
        for role in (Role.STAFF, Role.APPROVER):
            token, api_token = issue_token(session, None, factories.UserFactory(role=role), name="import")
            api_token.last_used_at = utcnow()
            tokens[role] = token
        session.commit()
        return fund.id, donor.id, pledged.id, recommendation.id, tokens
    finally:
        factories.holder.session = None
        session.close()


def _sheet() -> bytes:
    lines = ["reference,fund,donor,donor_kind,pledged_on,currency,amount,received_on,received_amount"]
    for n in range(ROWS):
        received = "2016-02-01,10.00" if n % 2 else ","
        lines.append(f"IMP-{n:06d},UNVTF,Austria,member_state,2016-01-15,USD,10.00,{received}")
    return ("\n".join(lines) + "\n").encode()


def test_a_pledge_a_receipt_and_an_approval_complete_while_a_20000_row_import_writes(tmp_path):
    with committed_app(tmp_path) as app:
        fund_id, donor_id, pledge_id, recommendation_id, tokens = _seed(app)
        version_before = _version(app)
        writing, done = threading.Event(), threading.Event()
        outcome: dict = {}

        def progress(phase: str, total: int):
            def advance(count: int) -> None:
                if phase == "writing":
                    outcome["written"] = outcome.get("written", 0) + count
                    if outcome["written"] >= ROWS // 4:
                        writing.set()

            return advance

        def run_import() -> None:
            session = new_session(app)
            try:
                outcome["summary"] = import_contributions(session, None, _sheet(), "csv", progress=progress)
                outcome["before_commit"] = time.monotonic()
                session.commit()
            except BaseException as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc
                writing.set()
            finally:
                session.close()
                done.set()

        importer = threading.Thread(target=run_import)
        importer.start()
        assert writing.wait(timeout=300), "the import never started writing"
        assert "error" not in outcome, outcome.get("error")
        client = app.test_client()
        finished: dict[str, float] = {}
        for name, method, url, body, role in (
            ("pledge", "post", "/api/v1/contributions",
             {"fund_id": fund_id, "donor_id": donor_id, "pledged_on": "2016-03-01", "currency": "USD",
              "amount": "700.00"}, Role.STAFF),
            ("receipt", "post", f"/api/v1/contributions/{pledge_id}/receipts",
             {"received_on": "2016-03-02", "amount": "500.00"}, Role.STAFF),
            ("approval", "post", f"/api/v1/board/recommendations/{recommendation_id}/approval",
             {"decision": "approved"}, Role.APPROVER),
        ):  # fmt: skip
            response = getattr(client, method)(
                url, json=body, headers={"Authorization": f"Bearer {tokens[role]}"}
            )
            finished[name] = time.monotonic()
            assert response.status_code == 201, (name, response.get_json())
        import_still_writing = not done.is_set()
        importer.join(timeout=600)
        assert "error" not in outcome, outcome.get("error")

        # each finished before the import committed: none waited for it (how long each took is a
        # figure of bench/imports.py, not a budget of this test)
        for name, moment in finished.items():
            assert moment < outcome["before_commit"], (name, finished, outcome["before_commit"])
        assert import_still_writing

        # the import's figures and the others', exact
        received_each = ROWS // 2 * 10_00
        session = new_session(app)
        try:
            # the seeded receipt's pledge, the pledge received on, the import's, the new pledge
            assert session.scalar(select(func.count()).select_from(Contribution)) == 2 + ROWS + 1
            assert book_queries.received_minor(session, fund_id) == 1_000_00 + 500_00 + received_each
            assert book_queries.committed_minor(session, fund_id) == 100_00
            assert session.get(Recommendation, recommendation_id).status.value == "approved"
            kept, recomputed = kind_sums_kept_and_recomputed(session)
            assert kept == recomputed
            # four committed money transactions (pledge, receipt, approval, import): four versions
            assert money_version(session) == version_before + 4
        finally:
            session.close()


def _version(app) -> int:
    session = new_session(app)
    try:
        return money_version(session)
    finally:
        session.close()
