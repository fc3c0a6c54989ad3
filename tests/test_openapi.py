"""The OpenAPI document is generated from the code, valid, committed, and matches the routes."""

import json
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask_smorest import Blueprint as SmorestBlueprint
from openapi_spec_validator import validate

from fundapp import DOMAINS
from fundapp.db import get_engine
from fundapp.openapi import ClientContract

from .conftest import make_test_app

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
            # a nullable named enum is one of the enum or null (fundapp.openapi._named_enum)
            typed = [branch for branch in prop.get("oneOf", []) if {"type", "$ref"} & branch.keys()]
            assert {"type", "$ref", "allOf"} & prop.keys() or (typed and typed == prop["oneOf"]), (
                f"{name}.{field} has no type"
            )
            assert None not in prop.get("enum", []), f"{name}.{field}: null listed as an enum value"


def test_views_that_send_an_etag_declare_it(app):
    """The views answering through ``with_etag``, ``send`` or ``_large_or_streamed`` (a large export,
    kept) are the operations declaring ETag."""
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
                by_endpoint[OPERATION_IDS[key]] = any(
                    call in source for call in ("with_etag(", "send(view(", "_large_or_streamed(")
                )
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


def _contract(app):
    return next(p for p in app.extensions["fundapp.api"].spec.plugins if isinstance(p, ClientContract))


def test_every_request_body_has_an_example(app):
    bodies = [(op["operationId"], op["requestBody"]) for _, _, op in _operations(app) if "requestBody" in op]
    assert len(bodies) >= 40
    for operation_id, body in bodies:
        content = body["content"]
        assert any("example" in media for media in content.values()), f"{operation_id} has no example"
        if "application/json" in content:
            assert "example" in content["application/json"], operation_id


def test_every_json_example_loads_through_the_schema_its_route_uses(app):
    """Examples cannot rot: each one is a body the route's own schema (its instance, with
    ``partial`` where the route sets it) accepts as it stands."""
    schemas = _contract(app).request_schemas
    checked = 0
    for method, path, operation in _operations(app):
        media = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if media is None:
            continue
        schema = schemas[operation["operationId"]]
        assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
            "/" + type(schema).__name__.removesuffix("Schema")
        ), f"{method} {path}: not the schema its body refers to"
        with app.test_request_context():
            schema.load(media["example"])  # raises ValidationError naming the field that rotted
        checked += 1
    assert checked == 60


@pytest.fixture
def documented(monkeypatch) -> list[str]:
    """The blueprints flask-smorest documents, in turn, each taking a moment (so that another
    thread reading the document meanwhile would see it half made)."""
    names: list[str] = []
    document = SmorestBlueprint.register_views_in_doc

    def counted(blueprint, *args, **kwargs):
        names.append(blueprint.name)
        time.sleep(0.005)
        return document(blueprint, *args, **kwargs)

    monkeypatch.setattr(SmorestBlueprint, "register_views_in_doc", counted)
    return names


def test_an_app_documents_its_paths_when_the_document_is_first_read_not_when_it_starts(
    documented, database_url
):
    app = make_test_app(database_url)
    try:
        assert documented == []
        app.test_client().get("/api/v1/health/live")
        assert documented == []
        paths = app.extensions["fundapp.api"].spec.to_dict()["paths"]
        assert len(documented) == len(DOMAINS)
        assert "/api/v1/proposals" in paths
        app.extensions["fundapp.api"].spec.to_dict()
        assert len(documented) == len(DOMAINS)  # once
    finally:
        get_engine(app).dispose()


def test_two_threads_reading_the_document_at_once_both_get_all_of_it_documented_once(
    documented, database_url
):
    app = make_test_app(database_url)
    api = app.extensions["fundapp.api"]
    start = threading.Barrier(2)

    def read() -> int:
        start.wait()
        return len(api.spec.to_dict()["paths"])

    try:
        with ThreadPoolExecutor(2) as pool:
            counts = list(pool.map(lambda _: read(), range(2)))
    finally:
        get_engine(app).dispose()
    assert counts[0] == counts[1] == len(json.loads(SNAPSHOT.read_text())["paths"])
    assert sorted(documented) == sorted(set(documented))
    assert len(documented) == len(DOMAINS)


def test_a_body_schema_without_an_example_fails_the_document(monkeypatch):
    from fundapp.schemas_base import ReasonSchema

    monkeypatch.setattr(ReasonSchema, "example", None)
    spec = APISpec("fund", "1", "3.0.3", plugins=[MarshmallowPlugin(), ClientContract()])
    body = {"content": {"application/json": {"schema": ReasonSchema}}}
    with pytest.raises(LookupError, match="cancel_pledge: give ReasonSchema an example"):
        spec.path(
            path="/api/v1/contributions/{contribution_id}/cancellation",
            operations={"post": {"requestBody": body, "responses": {}}},
        )


def test_the_csv_example_of_the_import_imports_on_the_seeded_fund(seeded_client, seeded_auth):
    from fundapp.contributions.routes import IMPORT_BODY

    response = seeded_client.post(
        "/api/v1/contributions/imports",
        data=IMPORT_BODY["content"]["text/csv"]["example"].encode(),
        headers={**seeded_auth("staff"), "Content-Type": "text/csv"},
    )
    assert response.status_code in (200, 201), response.get_json()
