"""The Blueprint every domain uses: flask-smorest's, plus access policy, If-Match and
idempotency declared once so that the OpenAPI document says what the code enforces."""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable
from typing import Any

from apispec import BasePlugin
from flask import Request, request
from flask_smorest import Blueprint as SmorestBlueprint
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request

from .access import PUBLIC, allow
from .errors import Unprocessable
from .etag import IF_MATCH_PARAMETER
from .idempotency import IDEMPOTENCY_PARAMETER, idempotent

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


class StrictParser(FlaskParser):
    """Unknown query parameters are an error too (webargs would silently drop them).

    A body is strict JSON: ``NaN`` and ``Infinity`` (which Python's parser takes), a number of
    more digits than Python converts, and nesting deeper than the parser recurses are all a
    400 "Invalid JSON body", never a 500.
    """

    DEFAULT_UNKNOWN_BY_LOCATION = {
        **FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
        "query": None,  # None: the schema decides (InputSchema raises)
        "querystring": None,
    }

    def _raw_load_json(self, req: Request) -> Any:
        if not is_json_request(req):
            return core.missing
        data = req.get_data(cache=True)
        try:
            return json.loads(data.decode("utf-8"), parse_constant=_not_json)
        except json.JSONDecodeError:
            raise
        except UnicodeDecodeError as exc:
            raise json.JSONDecodeError(f"not UTF-8: {exc.reason}", "-", 0) from exc
        except (ValueError, RecursionError) as exc:
            raise json.JSONDecodeError(str(exc), "-", 0) from exc


BODY_TYPES_ATTR = "_fundapp_body_types"


def accepts_bodies(*mimetypes: str) -> Decorator:
    """Let a view take bodies other than JSON (a spreadsheet upload); every other view is JSON only."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        setattr(view, BODY_TYPES_ATTR, frozenset(mimetypes))
        return view

    return decorate


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = StrictParser()

    def register_views_in_doc(self, api: Any, app: Any, spec: Any, *, name: str, parameters: Any) -> None:
        """Documented when the OpenAPI document is first read (``fundapp.api.Api.spec``)."""
        document = super().register_views_in_doc
        api.document_later(functools.partial(document, api, app, spec, name=name, parameters=parameters))

    def arguments(
        self, schema: Any, *, location: str = "json", required: bool = True, **kwargs: Any
    ) -> Decorator:
        """flask-smorest's, and a required JSON body must be there: a missing body is a 422.

        (webargs reads a missing body as ``{}``, which a schema of optional fields accepts.)
        A schema class is made an instance here, once: given the class, webargs would make one
        on every request.
        """
        if isinstance(schema, type):
            schema = schema()
        decorate = super().arguments(schema, location=location, required=required, **kwargs)
        if location != "json" or not required:
            return decorate

        def with_body(view: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(view)
            def needs_body(*args: Any, **view_kwargs: Any) -> Any:
                if not request.get_data(cache=True).strip():
                    raise Unprocessable("body", "a JSON body is required")
                return view(*args, **view_kwargs)

            return decorate(needs_body)

        return with_body

    def allow(self, *roles: Any) -> Decorator:
        """Declare who may call the view (deny by default); document it in OpenAPI."""

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            if PUBLIC in roles:
                view = self.doc(security=[])(view)
            else:
                names = ", ".join(str(r) for r in roles)
                view = self.doc(description=_append(view, f"Roles: {names}."))(view)
            return allow(*roles)(view)

        return decorate

    def if_match(self) -> Decorator:
        """The update needs ``If-Match`` with the record's current ETag (428 / 412)."""

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            return self.doc(parameters=[IF_MATCH_PARAMETER])(view)

        return decorate

    def idempotent(self) -> Decorator:
        """The POST accepts an ``Idempotency-Key`` and replays the first response for it."""

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            return self.doc(parameters=[IDEMPOTENCY_PARAMETER])(idempotent(view))

        return decorate


def _append(view: Callable[..., Any], text: str) -> str:
    doc = inspect.cleandoc(view.__doc__ or "")
    return f"{doc}\n\n{text}" if doc else text


class StandardResponses(BasePlugin):
    """An apispec plugin documenting the answers a route may give besides its own.

    Derived from what the route declares, so a new route is documented without a line more:
    a route that needs a token may answer 401 and 403; one with ids in its path 404; one with
    a body 413 (too large) and 415 (not JSON); a mutation 409 (conflict with stored records)
    and 422 (a rule the input breaks); If-Match 412 and 428; a rendered document (PDF) 429 (the
    caller's renders under way) and 503 (the installation's), both with Retry-After. Every route
    may get the HTTP server's own 414 and 431 (HTML, before the app sees the request).
    """

    def operation_helper(
        self, path: str | None = None, operations: dict | None = None, **kwargs: Any
    ) -> None:
        rule = kwargs.get("rule")
        for method, operation in (operations or {}).items():
            responses = operation.setdefault("responses", {})

            def add(status: int, name: str, responses: dict = responses) -> None:
                if status not in responses and str(status) not in responses:
                    responses[str(status)] = name

            add(414, "REQUEST_URI_TOO_LONG")
            add(431, "REQUEST_HEADER_FIELDS_TOO_LARGE")
            if operation.get("security") != []:
                add(401, "UNAUTHORIZED")
                add(403, "FORBIDDEN")
            if rule is not None and rule.arguments:
                add(404, "NOT_FOUND")
            if "requestBody" in operation:
                add(413, "REQUEST_ENTITY_TOO_LARGE")
                add(415, "UNSUPPORTED_MEDIA_TYPE")
            if method.lower() in ("post", "put", "patch", "delete"):
                add(409, "CONFLICT")
                add(422, "UNPROCESSABLE_ENTITY")
            headers = {p.get("name") for p in operation.get("parameters", []) if isinstance(p, dict)}
            if "If-Match" in headers:
                add(412, "PRECONDITION_FAILED")
                add(428, "PRECONDITION_REQUIRED")
            ok = responses.get("200") or responses.get(200) or {}
            # a rendered document answers PDF only (a file's download may be a PDF among others)
            if isinstance(ok, dict) and list(ok.get("content", {})) == ["application/pdf"]:
                add(429, "TOO_MANY_REQUESTS")
                add(503, "SERVICE_UNAVAILABLE")
