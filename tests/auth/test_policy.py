"""Deny by default: every route of the app declares who may call it."""

from fundapp.access import policy_for


def test_every_route_and_method_declares_an_access_policy(app):
    missing = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if policy_for(rule.endpoint, method, app) is None:
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    assert missing == []


def test_a_token_in_the_url_is_refused_even_when_valid(client, tokens):
    response = client.get(f"/api/v1/calls?access_token={tokens['staff']}")
    assert response.status_code == 400
    assert "never accepted" in response.get_json()["detail"]


def test_an_unknown_bearer_token_is_401_with_a_challenge(client):
    response = client.get("/api/v1/calls", headers={"Authorization": "Bearer fa_nope"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
