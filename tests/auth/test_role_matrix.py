"""Role x route matrix, derived from the declared policies (so it covers every domain's routes).

Every /api/v1 route and method is called by each role, anonymously, with a revoked token and
with an expired token, with path ids 1 and an unknown large id, and an empty JSON body:

- anonymous, revoked, expired: 401 unless the route is PUBLIC;
- a role outside the route's policy: 403 (the policy's refusal);
- a role inside it: never 401, never the policy's 403, never a 5xx (404, 409, 422 ... are fine).

Each call runs inside a savepoint rolled back afterwards, so no call changes what the next sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter, Rule

from fundapp.access import PUBLIC, policy_for
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token
from fundapp.db import utcnow

from ..factories import UserFactory

ROLES = [str(role) for role in Role]
NOT_AUTHENTICATED = ["anonymous", "revoked", "expired"]
UNKNOWN_ID = 2**62 + 12345
BODY_METHODS = {"POST", "PUT", "PATCH"}
POLICY_REFUSAL = "may not call this route"


@dataclass(frozen=True)
class Call:
    method: str
    url: str
    endpoint: str
    policy: frozenset[str]


def _path_value(rule: Rule, name: str, ident: int) -> object:
    converter = rule._converters[name]
    if isinstance(converter, IntegerConverter):
        return ident
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)[0]
    return "1" if ident == 1 else f"unknown-{ident}"


def api_calls(app) -> list[Call]:
    calls = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.rule.startswith("/api/v1/"):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            policy = policy_for(rule.endpoint, method, app)
            assert policy is not None, f"{method} {rule.rule} declares no policy"
            idents = (1, UNKNOWN_ID) if rule.arguments else (1,)
            for ident in idents:
                _, url = rule.build({name: _path_value(rule, name, ident) for name in rule.arguments})
                calls.append(Call(method, url, rule.endpoint, policy))
    return calls


@pytest.fixture
def credentials(db_session, tokens) -> dict[str, dict[str, str]]:
    """Headers per identity; revoked and expired tokens belong to admins, so only the token is wrong."""
    revoked_plain, revoked = issue_token(db_session, None, UserFactory(role=Role.ADMIN), name="revoked")
    revoked.revoked_at = utcnow()
    expired_plain, expired = issue_token(db_session, None, UserFactory(role=Role.ADMIN), name="expired")
    expired.expires_at = utcnow() - dt.timedelta(minutes=1)
    db_session.flush()
    headers = {role: {"Authorization": f"Bearer {tokens[role]}"} for role in ROLES}
    headers["anonymous"] = {}
    headers["revoked"] = {"Authorization": f"Bearer {revoked_plain}"}
    headers["expired"] = {"Authorization": f"Bearer {expired_plain}"}
    return headers


def _expectation_failure(identity: str, call: Call, status: int, detail: str) -> str | None:
    public = PUBLIC in call.policy
    if not public and identity in NOT_AUTHENTICATED:
        return None if status == 401 else f"expected 401, got {status}"
    if not public and identity not in call.policy:
        return (
            None if status == 403 and POLICY_REFUSAL in detail else f"expected the policy's 403, got {status}"
        )
    if status == 401 or (status == 403 and POLICY_REFUSAL in detail):
        return f"allowed by policy {sorted(call.policy)} but refused with {status}"
    if status >= 500:
        return f"server error {status}: {detail}"
    return None


@pytest.mark.parametrize("identity", ROLES + NOT_AUTHENTICATED)
def test_every_route_answers_each_identity_as_its_declared_policy_says(
    app, client, db_session, credentials, identity
):
    connection = db_session.connection()
    failures = []
    for call in api_calls(app):
        savepoint = connection.begin_nested()
        try:
            kwargs = {"json": {}} if call.method in BODY_METHODS else {}
            # closed before the rollback, as a server closes every response (a streamed one holds a session)
            with client.open(
                call.url, method=call.method, headers=credentials[identity], **kwargs
            ) as response:
                status, body = response.status_code, response.get_json(silent=True) or {}
        finally:
            savepoint.rollback()
        detail = str(body.get("detail", "")) if isinstance(body, dict) else ""
        failure = _expectation_failure(identity, call, status, detail)
        if failure:
            failures.append(f"{identity}: {call.method} {call.url} ({call.endpoint}): {failure}")
    assert failures == []


def test_the_matrix_walks_every_domains_routes_including_these(app):
    calls = api_calls(app)
    seen = {(c.method, c.endpoint) for c in calls}
    assert {
        ("GET", "auth.Users"),
        ("POST", "auth.Users"),
        ("GET", "auth.user_by_id"),
        ("POST", "auth.user_deactivation"),
        ("GET", "auth.UserTokens"),
        ("POST", "auth.UserTokens"),
        ("POST", "auth.token_revocation"),
        ("GET", "auth.me"),
        ("POST", "auth.login"),
        ("GET", "auth.audit_events"),
        ("GET", "calls.Calls"),
        ("GET", "system.health"),
        ("GET", "board.ReviewCriteria"),
        ("POST", "board.ReviewCriteria"),
        ("GET", "board.ReviewCriterionById"),
        ("PATCH", "board.ReviewCriterionById"),
        ("GET", "board.SessionReviews"),
        ("POST", "board.SessionReviews"),
        ("GET", "board.ReviewById"),
        ("PUT", "board.ReviewById"),
        ("POST", "grants.grant_amendment"),
        ("GET", "grants.GrantAmendments"),
        ("GET", "grants.GrantAmendmentById"),
        ("POST", "grants.grant_amendment_decision"),
        ("PUT", "grants.GrantBudget"),
        ("GET", "grants.GrantBudget"),
        ("PUT", "funds.FundBudgetRules"),
        ("PATCH", "funds.FundById"),
        ("POST", "funds.Funds"),
        ("GET", "funds.BudgetCategories"),
        ("POST", "funds.BudgetCategories"),
        ("GET", "funds.BudgetCategoryById"),
        ("PATCH", "funds.BudgetCategoryById"),
        ("GET", "jobs.read_job"),
    } <= seen
    assert any(c.url.endswith(str(UNKNOWN_ID)) for c in calls)


def test_the_matrix_would_notice_a_route_that_let_the_wrong_role_in():
    staff_only = Call("POST", "/api/v1/x", "x", frozenset({"admin", "staff"}))
    assert _expectation_failure("donor", staff_only, 422, "") is not None
    assert _expectation_failure("anonymous", staff_only, 404, "") is not None
    assert _expectation_failure("staff", staff_only, 403, "role 'staff' may not call this route") is not None
    assert _expectation_failure("staff", staff_only, 500, "boom") is not None
    assert _expectation_failure("staff", staff_only, 404, "") is None
    assert _expectation_failure("staff", staff_only, 403, "this proposal is not under review") is None


# --- explicit per-object checks -------------------------------------------------------------


def test_a_donor_token_says_which_donor_it_speaks_for_and_nothing_about_others(client, auth, tokens):
    body = client.get("/api/v1/me", headers=auth("donor")).get_json()
    assert body["donor_id"] == int(tokens["donor_id"])
    assert client.get(f"/api/v1/users/{body['id']}", headers=auth("donor")).status_code == 403
    assert client.get(f"/api/v1/users/{body['id']}/tokens", headers=auth("donor")).status_code == 403


def test_no_role_but_admin_can_mint_a_token_even_for_itself(client, auth):
    for role in ("staff", "board", "approver", "donor"):
        me = client.get("/api/v1/me", headers=auth(role)).get_json()
        response = client.post(f"/api/v1/users/{me['id']}/tokens", json={"name": "mine"}, headers=auth(role))
        assert response.status_code == 403, role


def test_a_deactivated_admins_token_is_refused_everywhere(client, auth, db_session):
    admin = UserFactory(role=Role.ADMIN)
    plain, _ = issue_token(db_session, None, admin, name="t")
    headers = {"Authorization": f"Bearer {plain}"}
    assert client.get("/api/v1/users", headers=headers).status_code == 200
    assert client.post(f"/api/v1/users/{admin.id}/deactivation", headers=auth("admin")).status_code == 200
    for url in ("/api/v1/users", "/api/v1/me", "/api/v1/audit-events"):
        assert client.get(url, headers=headers).status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token fa_x", "bearer fa_not_a_real_token", "Bearer a b c"],
)
def test_malformed_authorization_headers_are_401_with_a_challenge(client, fund, header):
    response = client.get("/api/v1/me", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
