"""The OpenAPI document is generated from the code, valid, committed, and matches the routes."""

import json
import re
from pathlib import Path

from openapi_spec_validator import validate

SNAPSHOT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"
API_PREFIX = "/api/v1/"


def current_spec(app) -> dict:
    return json.loads(json.dumps(app.extensions["fundapp.api"].spec.to_dict()))


def test_served_openapi_document_is_valid_openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    validate(response.get_json())


def test_committed_snapshot_matches_the_code(app):
    # Regenerate with: flask --app wsgi openapi write --format=json docs/openapi.json
    assert SNAPSHOT.exists(), "docs/openapi.json is missing"
    assert json.loads(SNAPSHOT.read_text()) == current_spec(app), "docs/openapi.json is stale"


def _rule_to_path(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule)


def test_every_route_is_documented_and_every_documented_path_exists(app):
    documented = {
        (path, method.upper())
        for path, item in current_spec(app)["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }
    routed = {
        (_rule_to_path(rule.rule), method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(API_PREFIX) and not rule.rule.endswith("openapi.json")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routed - documented == set(), "routes missing from the OpenAPI document"
    assert documented - routed == set(), "documented paths that no route serves"
