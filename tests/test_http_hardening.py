"""Request size limits and the security headers on every kind of response."""

import json

import pytest
from sqlalchemy import select

from fundapp.db import get_engine
from fundapp.errors import PROBLEM_TYPE

from .conftest import make_test_app, rolled_back

TWO_MIB = 2 * 1024 * 1024

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
}


def _big_json() -> str:
    return json.dumps({"email": "a@b.example", "password": "x" * TWO_MIB})


def test_a_body_above_max_content_length_is_a_413_problem_even_on_the_public_login(client, fund, app):
    assert len(_big_json()) > app.config["MAX_CONTENT_LENGTH"]
    response = client.post("/api/v1/auth/login", data=_big_json(), content_type="application/json")
    assert response.status_code == 413
    assert response.mimetype == PROBLEM_TYPE
    assert response.get_json()["status"] == 413


def test_a_large_body_to_an_authenticated_route_is_413_and_writes_nothing(client, auth, db_session):
    from sqlalchemy import func, select

    from fundapp.auth.models import User

    before = db_session.scalar(select(func.count()).select_from(User))
    body = json.dumps({"email": "big@fund.example", "name": "x" * TWO_MIB, "role": "staff"})
    response = client.post("/api/v1/users", data=body, content_type="application/json", headers=auth("admin"))
    assert response.status_code == 413
    assert db_session.scalar(select(func.count()).select_from(User)) == before


def _server_error(client, monkeypatch):
    import fundapp.system.services as health_services

    def broken(_session, **_options):
        raise RuntimeError("secret internals: SELECT * FROM app_user")

    monkeypatch.setattr(health_services, "health", broken)
    return client.get("/api/v1/health")


@pytest.mark.parametrize("kind", ["200", "401", "404", "405", "413", "422", "500"])
def test_every_kind_of_response_carries_the_security_headers(client, auth, fund, monkeypatch, kind):
    responses = {
        "200": lambda: client.get("/api/v1/health"),
        "401": lambda: client.get("/api/v1/me"),
        "404": lambda: client.get("/api/v1/no-such-thing"),
        "405": lambda: client.open("/api/v1/health", method="TRACE"),
        "413": lambda: client.post("/api/v1/auth/login", data=_big_json(), content_type="application/json"),
        "422": lambda: client.get("/api/v1/users?page_size=0", headers=auth("admin")),
        "500": lambda: _server_error(client, monkeypatch),
    }
    response = responses[kind]()
    assert response.status_code == int(kind)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert response.headers["X-Request-ID"]
    if kind != "200":
        assert response.mimetype == PROBLEM_TYPE


def test_a_405_names_the_allowed_methods(client):
    for method in ("TRACE", "DELETE", "PUT"):
        response = client.open("/api/v1/me", method=method)
        assert response.status_code == 405
        assert set(response.headers["Allow"].split(", ")) >= {"GET", "HEAD"}
        assert "TRACE" not in response.headers["Allow"]


@pytest.mark.parametrize("path", ["/api/v1/health", "/api/v1/me", "/api/v1/calls"])
def test_trace_with_a_body_is_a_405_not_a_415(client, path):
    response = client.open(path, method="TRACE", data=b"<x/>", content_type="text/xml")
    assert response.status_code == 405
    assert response.mimetype == PROBLEM_TYPE
    assert "TRACE" not in response.headers["Allow"]


def test_a_500_tells_nothing_of_the_internals(client, monkeypatch):
    response = _server_error(client, monkeypatch)
    text = response.get_data(as_text=True)
    assert "secret internals" not in text
    assert "Traceback" not in text
    assert response.get_json()["request_id"] == response.headers["X-Request-ID"]


def _login_client_address(app, headers) -> str:
    from fundapp.audit import AuditEvent
    from fundapp.auth.models import Role, User

    with rolled_back(app) as session:
        user = User(email="proxied@fund.example", name="P", role=Role.STAFF, password_hash="$argon2id$x")
        session.add(user)
        session.flush()
        response = app.test_client().post(
            "/api/v1/auth/login",
            json={"email": "proxied@fund.example", "password": "wrong password!"},
            headers=headers,
            environ_base={"REMOTE_ADDR": "10.0.0.2"},  # the proxy
        )
        assert response.status_code == 401
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "user.login_failed")).one()
        return event.after["client"]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (0, "203.0.113.5", "10.0.0.2"),  # no proxy trusted: the header is the client's own word
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.66, 203.0.113.5", "203.0.113.5"),  # a client's own X-Forwarded-For is not believed
    ],
)
def test_the_client_address_is_the_trusted_proxies_word_and_no_more(database_url, proxies, forwarded, client):
    app = make_test_app(database_url, TRUSTED_PROXIES=proxies)
    try:
        assert _login_client_address(app, {"X-Forwarded-For": forwarded}) == client
    finally:
        get_engine(app).dispose()
