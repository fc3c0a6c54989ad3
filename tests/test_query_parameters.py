"""Every documented value of every query parameter, from the OpenAPI document, answers without a
server error, for every role that may call the operation (the attacker found ``/donors?sort=kind``,
a documented value, answering 500).

Documented values are a parameter's ``enum`` (or its items' ``enum``) and both booleans. Small
enumerations are tried by every allowed role; the long ones (countries, currencies) by one. A
``sort`` value also follows its page's ``next_cursor`` once, so that every sort key is carried by a
cursor. The operations come from the live document: a new parameter is covered without a change.
The requests run on the seeded database (real-looking rows for every list), and only read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from fundapp.access import PUBLIC
from fundapp.auth.models import Role
from fundapp.auth.services import issue_token

from . import api_document, factories
from .conftest import make_test_app, rolled_back

#: More values than this: one role tries them (every role tries a shorter list).
EVERY_ROLE_UP_TO = 20
#: Operations whose answers are rendered documents: one role, the cache takes the rest.
DOCUMENT_TYPES = ("application/pdf",)

DOCUMENT_APP = make_test_app("sqlite://")


def documented_values(schema: dict[str, Any]) -> list[Any] | None:
    if "enum" in schema:
        return list(schema["enum"])
    if schema.get("type") == "array" and "enum" in schema.get("items", {}):
        return list(schema["items"]["enum"])
    if schema.get("type") == "boolean":
        return [True, False]
    return None


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def cases() -> Iterator[Any]:
    for operation in api_document.operations(DOCUMENT_APP):
        if operation.method != "get":
            continue
        policy = api_document.policy_of(DOCUMENT_APP, operation.method, operation.path)
        roles = ["anonymous"] if PUBLIC in policy else [str(r) for r in Role if str(r) in policy]
        content = operation.spec["responses"].get("200", {}).get("content", {})
        for parameter in operation.spec.get("parameters", []):
            values = documented_values(parameter.get("schema", {}))
            if parameter.get("in") != "query" or not values:
                continue
            who = roles
            if len(values) > EVERY_ROLE_UP_TO or any(t in content for t in DOCUMENT_TYPES):
                who = [api_document.caller_role(DOCUMENT_APP, operation.method, operation.path)]
                who = ["anonymous"] if PUBLIC in policy else who
            for role in who:
                yield pytest.param(
                    operation.path,
                    parameter["name"],
                    [_text(v) for v in values],
                    role,
                    id=f"{operation.path}?{parameter['name']}-{role}",
                )


@pytest.fixture(scope="module")
def callers(seeded_app: Flask) -> Iterator[dict[str, dict[str, str]]]:
    """Headers per role on the seeded database (the donor is the seed's first donor)."""
    with rolled_back(seeded_app) as session:
        headers: dict[str, dict[str, str]] = {"anonymous": {}}
        for role in Role:
            user = factories.UserFactory(role=role, donor_id=1 if role == Role.DONOR else None)
            plain, _ = issue_token(session, None, user, name="query parameters")
            headers[str(role)] = {"Authorization": f"Bearer {plain}"}
        session.flush()
        yield headers


def _path(template: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", template)


@pytest.mark.parametrize(("path", "name", "values", "role"), list(cases()))
def test_every_documented_value_of_a_query_parameter_answers_without_a_server_error(
    seeded_app, callers, path, name, values, role
):
    client = seeded_app.test_client()
    failures = []
    for value in values:
        url = f"{_path(path)}?{name}={value}"
        if name == "sort":
            url += "&page_size=2"
        response = client.get(url, headers=callers[role])
        if response.status_code >= 500:
            failures.append((url, response.status_code, response.get_data(as_text=True)[:200]))
            continue
        cursor = (response.get_json(silent=True) or {}).get("next_cursor") if response.is_json else None
        if name == "sort" and cursor:
            after = client.get(f"{url}&cursor={cursor}", headers=callers[role])
            if after.status_code >= 500 or after.status_code == 422:
                failures.append((f"{url}&cursor=...", after.status_code, after.get_data(as_text=True)[:200]))
    assert failures == []


def test_the_generated_cases_cover_every_documented_query_parameter():
    named = {(p.values[0], p.values[1]) for p in cases()}
    assert ("/api/v1/donors", "sort") in named
    assert ("/api/v1/contributions/totals", "group_by") in named
    assert len(named) >= 50
