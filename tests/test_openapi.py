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


def _operations(app) -> list[tuple[str, str, dict]]:
    return [
        (method, path, operation)
        for path, item in current_spec(app)["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def test_every_operation_has_a_unique_operation_id_named_in_the_one_table(app):
    from fundapp.openapi import OPERATION_IDS

    ids = [operation.get("operationId") for _, _, operation in _operations(app)]
    assert None not in ids
    assert len(ids) == len(set(ids)), "operationIds repeat"
    assert set(ids) == set(OPERATION_IDS.values()), "OPERATION_IDS names operations no route serves"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)


def test_every_parameter_has_a_description_and_every_field_a_type(app):
    spec = current_spec(app)
    for path, item in spec["paths"].items():
        for parameter in item.get("parameters", []):
            assert parameter.get("description"), f"{path} {parameter['name']}"
    for method, path, operation in _operations(app):
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), f"{method} {path} {parameter['name']}"
    for name, schema in spec["components"]["schemas"].items():
        for field, prop in schema.get("properties", {}).items():
            assert {"type", "$ref", "allOf"} & prop.keys(), f"{name}.{field} has no type"
            assert None not in prop.get("enum", []), f"{name}.{field}: null listed as an enum value"


def test_views_that_send_an_etag_declare_it(app):
    """The views answering through ``with_etag`` or ``send`` are the operations declaring ETag."""
    import inspect

    from fundapp.openapi import OPERATION_IDS, SENDS_ETAG

    by_endpoint = {}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(API_PREFIX) and not rule.rule.endswith("openapi.json"):
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                key = f"{method} {_rule_to_path(rule.rule).removeprefix('/api/v1')}"
                view = app.view_functions[rule.endpoint]
                handler = getattr(getattr(view, "view_class", None), method.lower(), view)
                source = inspect.getsource(inspect.unwrap(handler))
                by_endpoint[OPERATION_IDS[key]] = "with_etag(" in source or "send(view(" in source
    assert {op for op, sends in by_endpoint.items() if sends} == SENDS_ETAG
    for _, _, operation in _operations(app):
        responses = [r for r in operation["responses"].values() if "headers" in r]
        declared = any("ETag" in r["headers"] for r in responses)
        assert declared == (operation["operationId"] in SENDS_ETAG), operation["operationId"]


def test_binary_answers_are_bytes_and_their_errors_problem_details(app):
    for method, path, operation in _operations(app):
        for response in operation["responses"].values():
            content = response.get("content", {}) if isinstance(response, dict) else {}
            for media_type in ("application/pdf", "application/xml", "text/csv"):
                if media_type in content:
                    assert content[media_type]["schema"]["format"] == "binary", f"{method} {path}"
                    errors = [s for s in operation["responses"] if s.startswith("4")]
                    assert errors, f"{method} {path} declares no 4xx problem"
