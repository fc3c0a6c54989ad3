"""Errors as RFC 9457 problem details (``application/problem+json``).

Services raise the domain errors below; the app turns each into a problem response.
No stack trace ever reaches a client.

What the person running fundapp must fix (the configuration, the database, the fonts) is an
``OperatorError``: one line saying what is wrong and what to do, and an exit code of the
command line. Those a running service meets are also a 503 for its clients.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from flask import Flask, Response, g
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)
PROBLEM_TYPE = "application/problem+json"


class DomainError(Exception):
    status = 400
    title = "Bad request"
    headers: dict[str, str] = {}

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFound(DomainError):
    status = 404
    title = "Not found"


class Forbidden(DomainError):
    status = 403
    title = "Forbidden"


class Conflict(DomainError):
    status = 409
    title = "Conflict"


class InvalidTransition(Conflict):
    title = "Invalid state transition"

    def __init__(self, entity: str, current: str, action: str, allowed_from: Iterable[str]) -> None:
        allowed = sorted(str(s) for s in allowed_from)
        super().__init__(
            f"cannot {action} a {entity} that is {current}; allowed from: {', '.join(allowed)}",
            current_state=str(current),
            allowed_states=allowed,
        )


class Unfinished(Conflict):
    """A step that must wait for other work to be finished first (409).

    ``missing`` says what stands in the way, one line each, as a person would act on it;
    ``blocking`` names each record in the way (``entity``, ``id``, its ``state`` and, where it has
    one, a ``label`` such as a proposal's reference), for a client to follow up.
    """

    title = "Unfinished prerequisites"

    def __init__(self, what: str, missing: list[str], blocking: Iterable[dict[str, Any]] = ()) -> None:
        super().__init__(f"{what}: " + "; ".join(missing), missing=missing, blocking=list(blocking))


class InsufficientFunds(Conflict):
    title = "Insufficient funds"


class Unprocessable(DomainError):
    """Input that parses but cannot be accepted; ``field`` names the culprit."""

    status = 422
    title = "Unprocessable content"

    def __init__(self, field: str, reason: str, **extra: Any) -> None:
        super().__init__(f"{field}: {reason}", errors=[{"field": field, "reason": reason}], **extra)


class UnsupportedMediaType(DomainError):
    status = 415
    title = "Unsupported media type"


class PreconditionRequired(DomainError):
    status = 428
    title = "Precondition required"


class PreconditionFailed(DomainError):
    status = 412
    title = "Precondition failed"


#: Exit codes of the command line besides click's own (1: the command refused, 2: wrong usage);
#: ``flask --app wsgi fund --help`` and the README list them.
EXIT_CONFIGURATION = 4  # also gunicorn's own code when a worker cannot load the app
EXIT_DATABASE_UNREACHABLE = 5
EXIT_NOT_MIGRATED = 6
EXIT_FONTS_MISSING = 7


class OperatorError(Exception):
    """What the person running fundapp must fix: ``message`` says what is wrong and what to do."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def exit(self) -> NoReturn:
        """End the process: the one line on stderr, then ``exit_code``; no traceback."""
        print(f"fundapp: {self.message}", file=sys.stderr, flush=True)
        raise SystemExit(self.exit_code)


class ConfigurationError(OperatorError):
    """The settings cannot work (an unsupported ``DATABASE_URL``): the app is not built."""

    exit_code = EXIT_CONFIGURATION


class ServiceUnavailable(OperatorError):
    """Something the service needs is down or missing: a 503 whose ``detail`` a client may read
    (no host, path or version in it), and the operator's ``message`` in the command line."""

    status = 503
    title = "Service unavailable"
    headers: dict[str, str] = {}

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


class DatabaseUnreachable(ServiceUnavailable):
    exit_code = EXIT_DATABASE_UNREACHABLE
    headers = {"Retry-After": "30"}

    def __init__(self, message: str) -> None:
        super().__init__(message, "the database cannot be reached: try again later")


class DatabaseBusy(ServiceUnavailable):
    """SQLite's writer lock was held past the busy timeout by other writers: nothing was written."""

    headers = {"Retry-After": "5"}

    def __init__(self, message: str) -> None:
        super().__init__(message, "the database is busy: try again shortly")


NOT_MIGRATED_MESSAGE = "database not migrated: run `flask --app wsgi fund migrate`"
NOT_MIGRATED_DETAIL = "database not migrated: run `flask fund migrate`"


class NotMigrated(ServiceUnavailable):
    """The database's schema is not the one the code was written for."""

    exit_code = EXIT_NOT_MIGRATED

    def __init__(self, message: str = NOT_MIGRATED_MESSAGE, detail: str = NOT_MIGRATED_DETAIL) -> None:
        super().__init__(message, detail)


class FontsMissing(ServiceUnavailable):
    """The fonts the documents name are not installed: no PDF is rendered."""

    exit_code = EXIT_FONTS_MISSING


def problem(status: int, title: str, detail: str | None = None, **extra: Any) -> Response:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    request_id = g.get("request_id") if g else None
    if request_id:
        body["request_id"] = request_id
    body.update(extra)
    return Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)


def flatten_validation_messages(messages: Any, location: str | None = None) -> list[dict[str, str]]:
    """webargs/marshmallow nested messages -> ``[{field, location, reason}]``."""
    errors: list[dict[str, str]] = []

    def walk(node: Any, path: list[str]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, [*path, str(key)])
        elif isinstance(node, list | tuple) and node and all(isinstance(m, str) for m in node):
            for message in node:
                errors.append({"field": ".".join(path) or "_schema", "reason": message})
        elif isinstance(node, list | tuple):
            for index, value in enumerate(node):
                walk(value, [*path, str(index)])
        else:
            errors.append({"field": ".".join(path) or "_schema", "reason": str(node)})

    if isinstance(messages, dict) and location is None:
        for loc, inner in messages.items():
            for error in flatten_validation_messages(inner, loc):
                errors.append(error)
        return errors
    walk(messages, [])
    for error in errors:
        error["location"] = location or "json"
    return errors


def http_exception_to_problem(error: HTTPException) -> Response:
    data = getattr(error, "data", None) or {}
    code = error.code or 500
    extra: dict[str, Any] = {}
    detail = data.get("message") or error.description
    messages = data.get("errors") or data.get("messages")
    if messages:
        errors = flatten_validation_messages(messages)
        extra["errors"] = errors
        if errors:
            detail = "; ".join(f"{e['field']}: {e['reason']}" for e in errors[:5])
    if code == 422 and not messages:
        pass
    response = problem(code, error.name, detail, **extra)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    for name, value in (data.get("headers") or {}).items():
        response.headers[name] = value
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def _domain(error: DomainError) -> Response:
        response = problem(error.status, error.title, error.detail, **error.extra)
        response.headers.update(error.headers)
        return response

    @app.errorhandler(StaleDataError)
    def _stale(_error: StaleDataError) -> Response:
        return problem(412, "Precondition failed", "the record was changed by another request")

    @app.errorhandler(IntegrityError)
    def _integrity(error: IntegrityError) -> Response:
        log.warning("integrity error: %s", error.orig)
        return problem(409, "Conflict", "the change conflicts with existing records")

    app.register_error_handler(ServiceUnavailable, unavailable_to_problem)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        if isinstance(error, HTTPException):
            return http_exception_to_problem(error)
        return unexpected_to_problem(error)


def unavailable_to_problem(error: ServiceUnavailable) -> Response:
    log.warning("503: %s", error.message)
    response = problem(error.status, error.title, error.detail)
    response.headers.update(error.headers)
    return response


def unexpected_to_problem(error: Exception) -> Response:
    """A 500 that says nothing of the cause; the traceback goes to the log."""
    log.error("unhandled error", exc_info=error)
    return problem(500, "Internal server error", "an unexpected error occurred")
