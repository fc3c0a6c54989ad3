"""The app's own OpenAPI document, read as data: its operations, their policies and their fields.

The fuzzer and the bad-input corpus walk whatever routes exist through these, so a new route
is covered without a change to either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from flask import Flask

from fundapp.access import PUBLIC, policy_for
from fundapp.auth.models import Role

HTTP_METHODS = ("get", "put", "post", "patch", "delete")
MUTATING = ("post", "put", "patch", "delete")
MAX_ID = 2**63 - 1


def document(app: Flask) -> dict[str, Any]:
    return app.extensions["fundapp.api"].spec.to_dict()


def policy_of(app: Flask, method: str, path: str) -> frozenset[str]:
    """The declared policy of an OpenAPI operation, found through the app's url_map."""
    url = re.sub(r"\{[^}]+\}", "1", path)
    endpoint, _ = app.url_map.bind("localhost").match(url, method=method.upper())
    policy = policy_for(endpoint, method.upper(), app)
    assert policy is not None, f"{method} {path} declares no policy"
    return policy


def caller_role(app: Flask, method: str, path: str, preferred: str = str(Role.STAFF)) -> str:
    """``preferred`` if the operation allows it (or is public), else the first role it allows."""
    policy = policy_of(app, method, path)
    if PUBLIC in policy or preferred in policy:
        return preferred
    return next(str(r) for r in Role if str(r) in policy)


@dataclass(frozen=True)
class Field:
    """A leaf of a request: where it goes (``body``/``query``), its dotted path and its schema."""

    location: str
    path: tuple[str, ...]
    schema: dict[str, Any]

    @property
    def name(self) -> str:
        return ".".join(self.path)

    @property
    def is_text(self) -> bool:
        """A free text the API stores (our ``Text``: a pattern and a maximum length, or an email)."""
        s = self.schema
        return (
            s.get("type") == "string"
            and "enum" not in s
            and not self.is_amount
            and s.get("format") not in ("date", "date-time")
            and ("maxLength" in s and "pattern" in s or s.get("format") == "email")
        )

    @property
    def is_amount(self) -> bool:
        return self.schema.get("type") == "string" and "[1-9][0-9]{0,14}" in self.schema.get("pattern", "")

    @property
    def is_id(self) -> bool:
        return self.schema.get("type") == "integer" and self.schema.get("maximum") == MAX_ID

    @property
    def is_date(self) -> bool:
        return self.schema.get("format") == "date"


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any]
    components: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def path_parameters(self) -> list[str]:
        return re.findall(r"\{([^}]+)\}", self.path)

    def url(self, ids: dict[str, int]) -> str:
        return re.sub(r"\{([^}]+)\}", lambda m: str(ids.get(m.group(1), 1)), self.path)

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.components[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    @property
    def body_schema(self) -> dict[str, Any] | None:
        body = self.spec.get("requestBody")
        if not body or "application/json" not in body["content"]:
            return None  # no body, or a file upload (the contribution import): not a JSON corpus target
        return self.resolve(body["content"]["application/json"]["schema"])

    def fields(self) -> Iterator[Field]:
        for parameter in self.spec.get("parameters", []):
            if parameter.get("in") == "query":
                yield Field("query", (parameter["name"],), parameter.get("schema", {}))
        if self.body_schema is not None:
            yield from self._leaves(self.body_schema, ())

    def _leaves(self, schema: dict[str, Any], path: tuple[str, ...]) -> Iterator[Field]:
        schema = self.resolve(schema)
        if "properties" in schema:
            for name, inner in schema["properties"].items():
                if not self.resolve(inner).get("readOnly"):
                    yield from self._leaves(inner, (*path, name))
        elif schema.get("type") == "array" and "items" in schema:
            yield from self._leaves(schema["items"], (*path, "0"))
        else:
            yield Field("body", path, schema)


def operations(app: Flask) -> list[Operation]:
    doc = document(app)
    components = doc.get("components", {}).get("schemas", {})
    return [
        Operation(method, path, spec, components)
        for path, item in doc["paths"].items()
        for method, spec in item.items()
        if method in HTTP_METHODS
    ]


def body_with(path: tuple[str, ...], value: Any) -> Any:
    """``{"a": [{"b": value}]}`` for the path ``("a", "0", "b")``."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    inner = body_with(rest, value)
    return [inner] if head.isdigit() else {head: inner}


def problem_members(app: Flask) -> set[str]:
    """The members the document declares for a problem (its schema forbids any other)."""
    return set(document(app)["components"]["schemas"]["Problem"]["properties"])
