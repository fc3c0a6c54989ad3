"""The audit guard: a successful mutation that wrote no audit event is an error (500 when strict)."""

import logging

import pytest
from flask import Response, g
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from fundapp.access import PUBLIC, allow
from fundapp.audit import AuditEvent, not_audited, record_event
from fundapp.contributions.models import Donor, DonorKind
from fundapp.db import get_engine, get_session

from .conftest import make_test_app


def _donor(name: str) -> Donor:
    return Donor(name=name, kind=DonorKind.PRIVATE_SECTOR, country_code="AT")


@pytest.fixture(params=[True, False], ids=["strict", "lenient"])
def guarded(request, database_url):
    """An app with a few mutating test routes, its sessions in one rolled-back transaction."""
    app = make_test_app(database_url, AUDIT_STRICT=request.param)

    @app.post("/t/unaudited")
    @allow(PUBLIC)
    def unaudited():
        get_session().add(_donor("written without an audit event"))
        return {"ok": True}, 201

    @app.post("/t/audited-after-flush")
    @allow(PUBLIC)
    def audited_after_flush():
        session = get_session()
        donor = _donor("audited, event flushed")
        session.add(donor)
        session.flush()
        record_event(session, None, "donor.create", "donor", donor.id, after={"name": donor.name})
        session.flush()
        return {"ok": True}, 201

    @app.post("/t/audited-pending")
    @allow(PUBLIC)
    def audited_pending():
        record_event(get_session(), None, "donor.touch", "donor", None)  # committed by the app's hook
        return {"ok": True}, 200

    @app.post("/t/replay")
    @allow(PUBLIC)
    def replay():
        return Response(
            "{}", status=201, headers={"Idempotent-Replayed": "true"}, mimetype="application/json"
        )

    @app.post("/t/preview")
    @allow(PUBLIC)
    @not_audited("renders a preview, changes nothing")
    def preview():
        return {"preview": True}

    @app.post("/t/refused")
    @allow(PUBLIC)
    def refused():
        get_session().add(_donor("refused"))
        return {"status": 409}, 409

    connection = get_engine(app).connect()
    outer = connection.begin()
    maker = sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    app.extensions["fundapp.sessionmaker"] = app.extensions["fundapp.read_sessionmaker"] = maker
    check = maker()
    try:
        yield app, check, request.param
    finally:
        check.close()
        outer.rollback()
        connection.close()
        get_engine(app).dispose()


def _donor_names(session):
    return set(session.scalars(select(Donor.name)))


def test_a_successful_mutation_without_an_audit_event_is_a_500_when_strict_and_logged_always(guarded, caplog):
    app, check, strict = guarded
    with caplog.at_level(logging.ERROR, logger="fundapp.audit"):
        response = app.test_client().post("/t/unaudited", headers={"X-Request-ID": "req-unaudited"})
    assert "mutation without an audit event: POST /t/unaudited" in caplog.text
    assert "req-unaudited" in caplog.text
    if strict:
        assert response.status_code == 500
        assert response.mimetype == "application/problem+json"
        assert "written without an audit event" not in _donor_names(check)  # rolled back
    else:
        assert response.status_code == 201
        assert "written without an audit event" in _donor_names(check)


@pytest.mark.parametrize("path", ["/t/audited-after-flush", "/t/audited-pending"])
def test_a_mutation_with_its_event_passes_whether_the_event_was_flushed_or_is_pending(guarded, caplog, path):
    app, check, _ = guarded
    with caplog.at_level(logging.ERROR, logger="fundapp.audit"):
        response = app.test_client().post(path)
    assert 200 <= response.status_code < 300
    assert "mutation without an audit event" not in caplog.text
    assert check.scalar(select(AuditEvent.id).where(AuditEvent.entity == "donor")) is not None


@pytest.mark.parametrize("path", ["/t/replay", "/t/preview", "/t/refused"])
def test_replays_declared_non_mutations_and_refusals_need_no_event(guarded, caplog, path):
    app, check, _ = guarded
    with caplog.at_level(logging.ERROR, logger="fundapp.audit"):
        response = app.test_client().post(path)
    assert response.status_code != 500
    assert "mutation without an audit event" not in caplog.text
    assert "refused" not in _donor_names(check)


def test_events_counted_in_one_request_do_not_carry_over_to_the_next(guarded):
    app, _, strict = guarded
    client = app.test_client()
    assert client.post("/t/audited-after-flush").status_code == 201
    assert client.post("/t/unaudited").status_code == (500 if strict else 201)


def test_the_test_apps_are_strict(app):
    assert app.config["AUDIT_STRICT"] is True


def test_the_guard_counts_only_the_requests_own_session(guarded):
    """An audit event flushed by another session (a script, a thread) does not excuse the request."""
    app, check, strict = guarded

    @app.before_request
    def _other_session_writes_an_event():
        if g.get("other_done"):
            return
        record_event(check, None, "elsewhere", "donor", None)
        check.flush()
        g.other_done = True

    response = app.test_client().post("/t/unaudited")
    assert response.status_code == (500 if strict else 201)


def test_the_request_id_is_the_services_and_the_clients_is_kept_apart(client, auth, db_session):
    """A client's X-Request-ID was stored as the request's id: anyone could forge the trail's ids."""
    response = client.post(
        "/api/v1/organisations",
        json={"name": "Casa Refugio", "country_code": "MX", "registration_number": "MX-2009-114"},
        headers=auth("staff", **{"X-Request-ID": "forged-id-1"}),
    )
    assert response.status_code == 201, response.get_json()
    served = response.headers["X-Request-ID"]
    assert served != "forged-id-1"
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "organisation.create")).one()
    assert (event.request_id, event.client_request_id) == (served, "forged-id-1")
    listed = client.get(
        "/api/v1/audit-events?client_request_id=forged-id-1", headers=auth("staff")
    ).get_json()
    assert [e["request_id"] for e in listed["items"]] == [served]
