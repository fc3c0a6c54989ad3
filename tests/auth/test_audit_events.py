"""The audit trail API: read only, filterable, newest first; and every auth route writes its event."""

import datetime as dt

import pytest
from sqlalchemy import select

from fundapp.audit import MUTATING_METHODS, AuditEvent
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.db import utcnow

from ..conftest import beyond_auth
from ..factories import AuditEventFactory, DonorFactory, FundFactory, UserFactory


def test_audit_events_are_listed_newest_first_for_admin_and_staff_only(client, auth):
    base = utcnow()
    for minutes in (3, 1, 2):
        AuditEventFactory(occurred_at=base - dt.timedelta(minutes=minutes), entity="grant", entity_id=minutes)
    for role in ("admin", "staff"):
        body = client.get("/api/v1/audit-events?entity=grant", headers=auth(role)).get_json()
        assert [e["entity_id"] for e in body["items"]] == [1, 2, 3]
    for role in ("board", "approver", "donor"):
        assert client.get("/api/v1/audit-events", headers=auth(role)).status_code == 403
    assert client.get("/api/v1/audit-events").status_code == 401


def test_audit_events_filter_by_entity_id_actor_action_and_time(client, auth):
    actor = UserFactory()
    base = utcnow()
    AuditEventFactory(
        entity="grant", entity_id=7, action="grant.approve", actor_id=actor.id, occurred_at=base
    )
    AuditEventFactory(
        entity="grant", entity_id=7, action="grant.create", occurred_at=base - dt.timedelta(days=2)
    )
    AuditEventFactory(
        entity="grant", entity_id=8, action="grant.create", occurred_at=base - dt.timedelta(days=1)
    )
    AuditEventFactory(entity="call", entity_id=7, action="call.create", occurred_at=base)

    def ids(query):
        response = client.get(f"/api/v1/audit-events?{query}", headers=auth("staff"))
        assert response.status_code == 200, response.get_json()
        return sorted((e["entity"], e["entity_id"], e["action"]) for e in response.get_json()["items"])

    assert ids("entity=grant&entity_id=7") == [("grant", 7, "grant.approve"), ("grant", 7, "grant.create")]
    assert ids(f"actor_id={actor.id}") == [("grant", 7, "grant.approve")]
    assert ids("action=grant.create") == [("grant", 7, "grant.create"), ("grant", 8, "grant.create")]
    since = (base - dt.timedelta(hours=36)).isoformat().replace("+00:00", "Z")
    until = (base - dt.timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    assert ids(f"entity=grant&from={since}&to={until}") == [("grant", 8, "grant.create")]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=yesterday", "from"),
        ("from=2026-01-01T00:00:00", "from"),  # no zone: ambiguous
        ("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"),
        ("entity_id=0", "entity_id"),
        ("entity=a%00b", "entity"),
        ("page_size=1000", "page_size"),
    ],
)
def test_bad_audit_queries_are_a_422_naming_the_parameter(client, auth, query, field):
    response = client.get(f"/api/v1/audit-events?{query}", headers=auth("admin"))
    assert response.status_code == 422
    assert field in {e["field"] for e in response.get_json()["errors"]}


def test_audit_list_makes_the_same_number_of_queries_for_5_and_50_rows(client, auth, query_counter):
    def count(n):
        AuditEventFactory.create_batch(n)
        with query_counter() as statements:
            assert client.get("/api/v1/audit-events?page_size=100", headers=auth("admin")).status_code == 200
        return len(beyond_auth(statements))

    assert count(5) == count(45) == 2  # count + page


def test_no_route_can_change_or_delete_an_audit_event(app):
    for rule in app.url_map.iter_rules():
        if "audit" in rule.rule:
            assert rule.methods - {"GET", "HEAD", "OPTIONS"} == set(), rule.rule


# --- every mutating route of this package writes its audit event ------------------------------

CHEAP = "a long passphrase"


def _scenarios(client, auth, db_session):
    """endpoint -> a request sending X-Request-ID ``req-<endpoint>``, and what its event must hold:
    (response, action, entity, entity id from the answer, before keys (None: no before), after keys,
    actor role)."""
    from argon2 import PasswordHasher, profiles

    fund, other = FundFactory(), FundFactory()
    target, holder = UserFactory(role=Role.BOARD), UserFactory(role=Role.DONOR, donor_id=DonorFactory().id)
    _, token = issue_token(db_session, None, holder, name="to revoke")
    UserFactory(
        email="login@fund.example",
        password_hash=PasswordHasher.from_parameters(profiles.CHEAPEST).hash(CHEAP),
    )

    def admin(endpoint):
        return auth("admin", **{"X-Request-ID": f"req-{endpoint}"})

    return {
        "auth.Users": lambda e: (
            client.post(
                "/api/v1/users",
                json={"email": "n@fund.example", "name": "N", "role": "staff", "fund_ids": [fund.id]},
                headers=admin(e),
            ),
            ("user.create", "user", lambda body: body["id"]),
            (None, {"email", "role", "donor_id", "active", "fund_ids"}),
            "admin",
        ),
        "auth.user_funds": lambda e: (
            client.put(f"/api/v1/users/{target.id}/funds", json={"fund_ids": [other.id]}, headers=admin(e)),
            ("user.funds", "user", lambda _: target.id),
            ({"fund_ids"}, {"fund_ids"}),
            "admin",
        ),
        "auth.user_deactivation": lambda e: (
            client.post(f"/api/v1/users/{target.id}/deactivation", headers=admin(e)),
            ("user.deactivate", "user", lambda _: target.id),
            ({"active"}, {"active", "tokens_revoked"}),
            "admin",
        ),
        "auth.UserTokens": lambda e: (
            client.post(f"/api/v1/users/{holder.id}/tokens", json={"name": "n"}, headers=admin(e)),
            ("token.issue", "api_token", lambda body: body["id"]),
            (None, {"user_id", "name", "prefix", "expires_at", "revoked_at"}),
            "admin",
        ),
        "auth.token_revocation": lambda e: (
            client.post(f"/api/v1/tokens/{token.id}/revocation", headers=admin(e)),
            ("token.revoke", "api_token", lambda _: token.id),
            ({"revoked_at"}, {"revoked_at"}),
            "admin",
        ),
        "auth.login": lambda e: (
            client.post(
                "/api/v1/auth/login",
                json={"email": "login@fund.example", "password": CHEAP},
                headers={"X-Request-ID": f"req-{e}"},
            ),
            ("user.login", "user", lambda body: body["user"]["id"]),
            ({"failed_logins"}, {"failed_logins", "token_id", "expires_at"}),
            "staff",
        ),
    }


def test_every_mutating_auth_route_writes_a_complete_audit_event(app, client, auth, db_session, tokens):
    mutating = sorted(
        {
            rule.endpoint
            for rule in app.url_map.iter_rules()
            if rule.rule.startswith("/api/v1/") and rule.methods & MUTATING_METHODS
        }
    )
    # The other domains' mutating routes are held to the same rule by AUDIT_STRICT in their tests.
    mine = {endpoint for endpoint in mutating if endpoint.startswith("auth.")}
    scenarios = _scenarios(client, auth, db_session)
    assert mine == set(scenarios), "every mutating route of fundapp.auth needs a scenario here"

    for endpoint, run in scenarios.items():
        response, (action, entity, entity_id_of), (before_keys, after_keys), actor_role = run(endpoint)
        assert 200 <= response.status_code < 300, (endpoint, response.get_json())
        event = db_session.scalars(
            select(AuditEvent).where(AuditEvent.client_request_id == f"req-{endpoint}")
        ).one()
        assert event.request_id == response.headers["X-Request-ID"] != f"req-{endpoint}"
        assert (event.action, event.entity) == (action, entity)
        assert event.entity_id == entity_id_of(response.get_json())
        assert event.actor_id is not None
        assert event.actor_role == actor_role
        assert event.occurred_at is not None
        if before_keys is None:
            assert event.before is None, endpoint
        else:
            assert set(event.before) >= before_keys, endpoint
        assert set(event.after) >= after_keys, endpoint
