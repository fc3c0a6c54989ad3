"""The flask-smorest ``Api``: OpenAPI document, problem-details errors, shared fields."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask_smorest import Api as SmorestApi
from werkzeug.exceptions import HTTPException

from .errors import http_exception_to_problem


class ProblemFieldSchema(ma.Schema):
    field = ma.fields.String(required=True)
    location = ma.fields.String()
    reason = ma.fields.String(required=True)


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details, with field errors for validation failures."""

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


class Api(SmorestApi):
    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException) -> Any:
        return http_exception_to_problem(error)
