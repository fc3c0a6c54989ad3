"""The flask-smorest ``Api``: OpenAPI document, problem-details errors, shared fields."""

from __future__ import annotations

import http
import threading
from collections.abc import Callable
from typing import Any, cast

import marshmallow as ma
from apispec import APISpec
from flask_smorest import Api as SmorestApi
from flask_smorest.utils import prepare_response
from werkzeug.exceptions import HTTPException

from .dumping import OutputSchema
from .errors import PROBLEM_TYPE, http_exception_to_problem


class ProblemFieldSchema(OutputSchema):
    optional_fields = frozenset({"location", "current_state"})

    field = ma.fields.String(required=True)
    location = ma.fields.String()
    reason = ma.fields.String(required=True)
    current_state = ma.fields.String(metadata={"description": "The record's state, for a state conflict"})


class ProblemSchema(OutputSchema):
    """RFC 9457 problem details, with field errors for validation failures."""

    optional_fields = frozenset(
        {"type", "detail", "request_id", "errors", "current_state", "allowed_states", "shortfall", "currency"}
        | {"existing_id", "excess", "remaining", "missing", "reserve_expires_on", "unmet_conditions"}
        | {"blocking"}
        | {"paid", "available", "amount", "scheduled", "budgeted"}
    )

    type = ma.fields.String()
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String()
    request_id = ma.fields.String()
    errors = ma.fields.List(ma.fields.Nested(ProblemFieldSchema))
    current_state = ma.fields.String()
    allowed_states = ma.fields.List(ma.fields.String())
    shortfall = ma.fields.String()
    currency = ma.fields.String()
    existing_id = ma.fields.Integer()
    excess = ma.fields.String(metadata={"description": "How far a tranche would exceed its grant"})
    paid = ma.fields.String(
        metadata={"description": "What a grant was paid, net, when money would come back"}
    )
    available = ma.fields.String(
        metadata={"description": "The most that can come back from a grant on that day"}
    )
    amount = ma.fields.String(metadata={"description": "The amount the refused request asked for"})
    scheduled = ma.fields.String(metadata={"description": "What a grant's tranches schedule"})
    budgeted = ma.fields.String(metadata={"description": "What a grant's budget lines add up to"})
    remaining = ma.fields.String(metadata={"description": "What is left of a pledge to receive"})
    missing = ma.fields.List(
        ma.fields.String(), metadata={"description": "What a step (a call's, a grant's closure) still needs"}
    )
    blocking = ma.fields.List(
        ma.fields.Dict(keys=ma.fields.String()),
        metadata={"description": "The records in the way of a step: entity, id, state and a label"},
    )
    reserve_expires_on = ma.fields.Date(metadata={"description": "Last day of a lapsed reserve list"})
    unmet_conditions = ma.fields.List(
        ma.fields.Dict(keys=ma.fields.String()), metadata={"description": "Conditions before release not met"}
    )


#: The problems sent with ``Retry-After``: a busy idempotency key (409), too many renders or
#: logins (429), the database unreachable or busy (503).
RETRY_AFTER_STATUSES = (
    http.HTTPStatus.CONFLICT,
    http.HTTPStatus.TOO_MANY_REQUESTS,
    http.HTTPStatus.SERVICE_UNAVAILABLE,
)

#: Answered by the HTTP server in front of the app (gunicorn), in HTML, before the app sees the
#: request: the API's own limits sit well inside these, so a well-formed request never meets them.
SERVER_ANSWERS = {
    http.HTTPStatus.REQUEST_URI_TOO_LONG: "Request line over the server's limit (gunicorn: 4,094 bytes); "
    "HTML, from the server, not the app",
    http.HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "More header fields, or a longer one, than the server "
    "allows (gunicorn: 100 fields, 8,190 bytes); HTML, from the server, not the app",
}


class Api(SmorestApi):
    """flask-smorest's, with every blueprint's paths documented when the OpenAPI document is
    first read (``spec``), not when the blueprint is registered.

    Documenting some 130 operations deep-copies each one's documentation and resolves its
    schemas: 3 MB of memory, and the time, in every worker, most of which never serve the
    document. The paths are documented in the order the blueprints were registered, so the
    document is the same (``tests/test_openapi.py`` compares it with the committed one).
    """

    ERROR_SCHEMA = ProblemSchema

    def __init__(self, app: Any = None, **kwargs: Any) -> None:
        self._undocumented: list[Callable[[], None]] = []
        self._registering = False
        self._documenting = threading.Lock()
        super().__init__(app, **kwargs)

    @property
    def spec(self) -> APISpec:
        """The OpenAPI document, its blueprints' paths documented first (None, for flask-smorest,
        only until ``init_app``, which the constructor runs given the app)."""
        if self._undocumented and not self._registering:
            # one thread documents; another reading meanwhile waits for the whole document (a
            # blueprint leaves the list once documented, not before)
            with self._documenting:
                while self._undocumented:
                    self._undocumented[0]()
                    del self._undocumented[0]
        return cast(APISpec, self._spec)

    @spec.setter
    def spec(self, spec: APISpec | None) -> None:
        self._spec = spec

    def register_blueprint(self, blp: Any, **options: Any) -> None:
        # flask-smorest reads ``spec`` to document the blueprint and tag it: the tag is added
        # now, the paths (``document_later``) when the document is read
        self._registering = True
        try:
            super().register_blueprint(blp, **options)
        finally:
            self._registering = False

    def document_later(self, document: Callable[[], None]) -> None:
        """Run ``document`` (a blueprint's ``register_views_in_doc``) on the document's first read."""
        self._undocumented.append(document)

    def handle_http_exception(self, error: HTTPException) -> Any:
        return http_exception_to_problem(error)

    def _register_responses(self) -> None:
        """Error responses are documented as ``application/problem+json``, as they are served."""
        for status in http.HTTPStatus:
            if status in SERVER_ANSWERS:
                html = {"text/html": {"schema": {"type": "string"}}}
                self.spec.components.response(
                    status.name, {"description": SERVER_ANSWERS[status], "content": html}
                )
                continue
            response: dict[str, Any] = {"description": status.phrase}
            content_type = self.DEFAULT_RESPONSE_CONTENT_TYPE
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
                content_type = PROBLEM_TYPE
            if status in RETRY_AFTER_STATUSES:
                response["headers"] = {"Retry-After": {"$ref": "#/components/headers/Retry-After"}}
            prepare_response(response, self.spec, content_type)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Error (RFC 9457 problem details)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)
