"""Document renders are admitted, not piled up: per user (429), per installation and per process
(503), each with Retry-After, counted in the database so that every worker sees the same count.

One Board member asking for 16 status PDFs at once held every worker for 24 s and staff waited
20 s for ``GET /calls``; now the third of them is refused at once.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import func, select

from fundapp import pdf
from fundapp.auth.models import User
from fundapp.db import utcnow
from fundapp.renders import RenderClaim


@pytest.fixture
def fake_render(monkeypatch):
    """The worker's render replaced by a quick one (these tests are about admission, not layout)."""
    seen = []

    def quick(htmls, timeout, processes, memory_mb, static_dir, stylesheets, *, queue):
        seen.append(g_user_claims())
        fake = pdf.Rendered(
            pdf=b"%PDF-1.7 fake", pages=1, seconds=0.0, cpu_seconds=0.0, fetched=(), refused=()
        )
        return [fake for _html in htmls]

    monkeypatch.setattr(pdf, "_render_in_turn", quick)
    monkeypatch.setattr(pdf, "require_document_font", lambda: None)
    return seen


def g_user_claims() -> int:
    from flask import current_app

    with current_app.extensions["fundapp.sessionmaker"]() as session:
        return session.scalar(select(func.count()).select_from(RenderClaim)) or 0


def claim(db_session, holder: str, *, ago: float = 0, lease: float = 90) -> None:
    now = utcnow()
    db_session.add(
        RenderClaim(
            holder=holder,
            started_at=now - dt.timedelta(seconds=ago),
            expires_at=now - dt.timedelta(seconds=ago) + dt.timedelta(seconds=lease),
        )
    )
    db_session.flush()


def board_user_id(db_session) -> int:
    return db_session.scalar(select(User.id).where(User.role == "board"))


def status_pdf(client, auth, fund, role="board", day=1):
    return client.get(
        f"/api/v1/funds/{fund.id}/status.pdf?as_of=2019-03-{day:02d}&lang=en", headers=auth(role)
    )


def test_a_render_holds_a_claim_while_it_runs_and_none_after(
    client, auth, fund, db_session, fake_render, tmp_path, app, monkeypatch
):
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(tmp_path))
    response = status_pdf(client, auth, fund)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert fake_render == [1]  # its own claim, during the render
    assert db_session.scalar(select(func.count()).select_from(RenderClaim)) == 0


def test_a_user_with_as_many_renders_under_way_as_allowed_gets_429_with_retry_after(
    client, auth, fund, db_session, fake_render, tmp_path, app, monkeypatch
):
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(tmp_path))
    for _ in range(app.config["PDF_RENDERS_PER_USER"]):
        claim(db_session, f"user:{board_user_id(db_session)}", ago=3)
    refused = status_pdf(client, auth, fund)
    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"
    assert 1 <= int(refused.headers["Retry-After"]) <= app.config["PDF_RENDER_EXPECTED_SECONDS"]
    assert fake_render == []  # refused before any render
    assert status_pdf(client, auth, fund, role="staff").status_code == 200  # another user renders


def test_an_installation_with_every_renderer_busy_answers_503_with_retry_after(
    client, auth, fund, db_session, fake_render, tmp_path, app, monkeypatch
):
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(tmp_path))
    for n in range(app.config["PDF_RENDERS_IN_FLIGHT"]):
        claim(db_session, f"user:{10_000 + n}")
    busy = status_pdf(client, auth, fund)
    assert busy.status_code == 503
    assert int(busy.headers["Retry-After"]) >= 1
    assert fake_render == []


def test_a_claim_left_by_a_killed_worker_lapses(
    client, auth, fund, db_session, fake_render, tmp_path, app, monkeypatch
):
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(tmp_path))
    for _ in range(app.config["PDF_RENDERS_PER_USER"]):
        claim(db_session, f"user:{board_user_id(db_session)}", ago=600, lease=90)
    assert status_pdf(client, auth, fund).status_code == 200


def test_a_cached_document_needs_no_admission(
    client, auth, fund, db_session, fake_render, tmp_path, app, monkeypatch
):
    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(tmp_path))
    assert status_pdf(client, auth, fund).status_code == 200
    for _ in range(app.config["PDF_RENDERS_IN_FLIGHT"]):
        claim(db_session, "user:99999")
    assert status_pdf(client, auth, fund).status_code == 200  # from the cache
    assert len(fake_render) == 1


def test_a_process_queue_beyond_its_length_refuses_at_once_instead_of_holding_the_worker(monkeypatch):
    monkeypatch.setattr(pdf, "_slots", {})
    monkeypatch.setattr(pdf, "_waiting", 0)
    slot = pdf._slots.setdefault(1, threading.BoundedSemaphore(1))
    slot.acquire()  # a render is running
    try:
        started = time.monotonic()
        with pytest.raises(pdf.RenderUnavailable, match="waiting"):
            pdf._render_in_turn(["<p>x</p>"], 60, 1, 1024, pdf.STATIC_DIR, ("print.css",), queue=0)
        assert time.monotonic() - started < 1  # not the 60 s the old semaphore waited
    finally:
        slot.release()


def test_the_per_user_limit_is_shared_by_workers_through_the_database(
    client, auth, fund, db_session, fake_render, tmp_path, app, monkeypatch
):
    """A second app (a second gunicorn worker) sees the claims the first one holds."""
    from .conftest import make_test_app

    monkeypatch.setitem(app.config, "PDF_CACHE_DIR", str(tmp_path))
    other = make_test_app(app.config["DATABASE_URL"], PDF_CACHE_DIR=str(tmp_path / "other"))
    other.extensions["fundapp.sessionmaker"] = app.extensions["fundapp.sessionmaker"]
    other.extensions["fundapp.read_sessionmaker"] = app.extensions["fundapp.read_sessionmaker"]
    for _ in range(app.config["PDF_RENDERS_PER_USER"]):
        claim(db_session, f"user:{board_user_id(db_session)}")
    assert status_pdf(other.test_client(), auth, fund).status_code == 429
