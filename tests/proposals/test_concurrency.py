"""Parallel requests on a real (committed) database: references and duplicates stay right."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from fundapp import models as m
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.calls.models import CallStatus
from fundapp.db import get_engine, session_scope, utcnow
from fundapp.proposals import services

from ..conftest import make_test_app
from ..databases import fresh_database

THREADS = 8


@pytest.fixture
def live_app(tmp_path):
    """An app on its own database, where every request commits for real."""
    with fresh_database(tmp_path) as url:
        app = make_test_app(url)
        with app.app_context(), session_scope(app) as session:
            fund = m.Fund(
                code="UNVTF",
                name_en="Trust Fund",
                name_fr="Fonds",
                short_name="UNVTF",
                administrator="UNODC",
                established_on=dt.date(2010, 7, 30),
            )
            session.add(fund)
            session.flush()
            call = m.Call(
                fund_id=fund.id,
                cycle_label="2",
                cycle_number=2,
                title="Second call",
                deadline=utcnow() + dt.timedelta(days=5),
                floor_minor=20_000_00,
                ceiling_minor=60_000_00,
                max_duration_months=24,
                status=CallStatus.OPEN,
            )
            organisation = m.Organisation(name="NGO", country_code="NG", registration_number="RC-1")
            users = [
                m.User(
                    email=f"staff{n}@fund.example",
                    name="Staff",
                    role=Role.STAFF,
                    fund_grants=[m.UserFund(fund_id=fund.id)],
                )
                for n in range(THREADS)
            ]
            session.add_all([call, organisation, *users])
            session.flush()
            # a token per thread: requests sharing one would queue on its last_used_at update
            tokens = [issue_token(session, None, user, name="test")[0] for user in users]
            app.config["TEST_IDS"] = {"call": call.id, "organisation": organisation.id, "tokens": tokens}
        yield app
        get_engine(app).dispose()


def in_parallel(app, request):
    """Run ``request(client, headers)`` in THREADS threads released together; the responses."""
    barrier = threading.Barrier(THREADS)
    responses = [None] * THREADS

    def work(index):
        client = app.test_client()
        headers = {"Authorization": f"Bearer {app.config['TEST_IDS']['tokens'][index]}"}
        barrier.wait()
        responses[index] = request(client, headers)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


def test_parallel_submissions_to_one_call_get_distinct_consecutive_references(live_app, monkeypatch):
    numbering = services._next_reference

    def slow_numbering(*args):
        reference = numbering(*args)
        time.sleep(0.05)  # application work between drawing the number and writing it
        return reference

    monkeypatch.setattr(services, "_next_reference", slow_numbering)
    ids = live_app.config["TEST_IDS"]
    body = {
        "call_id": ids["call"],
        "organisation_id": ids["organisation"],
        "title": "Shelter",
        "summary": "Shelter and care.",
        "requested_amount": "30000.00",
        "duration_months": 12,
        "countries": ["NG"],
        "target_groups": ["women"],
        "assistance": ["shelter"],
    }
    responses = in_parallel(
        live_app, lambda client, headers: client.post("/api/v1/proposals", json=body, headers=headers)
    )
    assert [r.status_code for r in responses] == [201] * THREADS, [r.get_json() for r in responses]
    references = sorted(r.get_json()["reference"] for r in responses)
    assert references == [f"UNVTF/2/{n:04d}" for n in range(1, THREADS + 1)]


def test_parallel_registrations_of_one_organisation_make_one_and_name_it_to_the_others(live_app):
    body = {"name": "Racing NGO", "country_code": "GH", "registration_number": "GH-77"}
    responses = in_parallel(
        live_app, lambda client, headers: client.post("/api/v1/organisations", json=body, headers=headers)
    )
    statuses = Counter(r.status_code for r in responses)
    assert statuses == {201: 1, 409: THREADS - 1}, [r.get_json() for r in responses]
    created = next(r.get_json()["id"] for r in responses if r.status_code == 201)
    assert {r.get_json()["existing_id"] for r in responses if r.status_code == 409} == {created}
    with live_app.app_context(), session_scope(live_app) as session:
        count = session.scalar(select(func.count()).where(m.Organisation.registration_number == "GH-77"))
        assert count == 1
