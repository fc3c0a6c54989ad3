"""fundapp: grant management for UN victim-assistance trust funds."""

from __future__ import annotations

import logging
import os
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click
from flask import Flask, Response, g, request
from flask.cli import AppGroup
from werkzeug.routing import IntegerConverter

from . import apidocs, audit, db, errors, faults
from .api import Api
from .auth.policy import enforce_policy
from .config import default_config, environment_config, instance_secret_key
from .idempotency import release_claim
from .jobs import runners as jobs_runners
from .openapi import ClientContract
from .openapi import init_api as init_openapi
from .resources import TEMPLATES_DIR
from .routing import BODY_TYPES_ATTR, StandardResponses

log = logging.getLogger(__name__)
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
__version__ = "0.2.0"


class IdConverter(IntegerConverter):
    """Path ids are 1 to 2^63-1: anything else is a 404, never a database overflow."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:  # noqa: A002
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", 2**63 - 1)
        super().__init__(map, *args, **kwargs)


class FundCommands(AppGroup):
    """The app's ``flask`` commands, ``fund ...`` among them, loaded when a command line asks for
    them: ``fundapp.cli`` brings the seeding, the outbox and Alembic, which a web worker never
    runs (with Alembic, some 15 MB of its memory)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), "fund"})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == "fund":
            from .cli import fund_commands

            return fund_commands()
        return super().get_command(ctx, cmd_name)


class FundApp(Flask):
    """Flask, with one more try for a read whose database connection was lost in flight, and
    commands loaded when a command line asks for them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cli = FundCommands(self.name)

    def full_dispatch_request(self) -> Response:
        response = super().full_dispatch_request()
        if g.pop("retry_lost_connection", False):
            # a GET or HEAD lost its connection before it could write anything (fundapp.db):
            # once more, on a new connection; a second loss is answered 503 with Retry-After
            log.warning("database connection lost; %s %s runs once more", request.method, request.path)
            db.forget_request_session()
            g.retried_lost_connection = True
            response = super().full_dispatch_request()
        return response


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then ``FUNDAPP_*``/``DATABASE_URL``, then ``test_config``."""
    # The instance folder (the SQLite file, demo tokens, the PDF cache): FUNDAPP_INSTANCE_PATH,
    # or Flask's default: instance/ beside a checkout, <venv>/var/fundapp-instance when installed.
    app = FundApp(
        __name__,
        instance_path=os.environ.get("FUNDAPP_INSTANCE_PATH") or None,
        template_folder=str(TEMPLATES_DIR),
        static_folder=None,
    )
    app.config.from_mapping(default_config(app.instance_path))
    app.config.from_prefixed_env("FUNDAPP")
    app.config.update(environment_config())
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    faults.check_config(app)
    _trust_proxies(app)

    db.init_app(app)
    errors.init_app(app)
    app.url_map.converters["int"] = IdConverter
    api = Api(app, spec_kwargs={"extra_plugins": [StandardResponses(), ClientContract()]})
    init_openapi(api)
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "description": "An opaque API token"}
    )
    app.extensions["fundapp.api"] = api
    _register_blueprints(app, api)
    apidocs.init_app(app)
    _register_request_hooks(app)
    audit.init_app(app)  # after the commit hook, so that it runs before it
    jobs_runners.init_app(app)

    return app


def _trust_proxies(app: Flask) -> None:
    """Behind ``TRUSTED_PROXIES`` reverse proxies, the client's address is the one they forwarded.

    Without it every client has the proxy's address (and shares its login throttle); with too
    many, a client could name any address it likes. Only the proxies' own headers are read.
    """
    from werkzeug.middleware.proxy_fix import ProxyFix

    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies < 0:
        raise errors.ConfigurationError(f"TRUSTED_PROXIES must be 0 or more, not {proxies}")
    if proxies:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies, x_prefix=0
        )


#: The domain packages, each with models, schemas, services and routes (and maybe cli).
DOMAINS = (
    "system",
    "funds",
    "calls",
    "applicants",
    "contacts",
    "notifications",
    "proposals",
    "board",
    "grants",
    "contributions",
    "totals",
    "reports",
    "exports",
    "auth",
    "jobs",
)


def _register_blueprints(app: Flask, api: Api) -> None:
    from importlib import import_module

    for domain in DOMAINS:
        blueprint = import_module(f".{domain}.routes", __name__).blp
        api.register_blueprint(blueprint, url_prefix=f"/api/v1{blueprint.url_prefix or ''}")


def _register_request_hooks(app: Flask) -> None:
    @app.before_request
    def _request_id() -> None:
        """Every request gets an id of the service's making (answered as ``X-Request-ID`` and kept
        in the audit trail); a client's own ``X-Request-ID`` is kept beside it, never instead."""
        g.request_id = uuid.uuid4().hex
        supplied = request.headers.get("X-Request-ID", "")
        g.client_request_id = supplied if _REQUEST_ID_RE.match(supplied) else None

    app.before_request(enforce_policy)

    @app.before_request
    def _json_bodies_only() -> None:
        """The API reads JSON only: any other body is a 415, not a body silently ignored.

        A request no route takes (404, or 405 for its method, TRACE among them) is answered so.
        """
        if request.routing_exception is not None:
            return
        from webargs.flaskparser import is_json_request
        from werkzeug.exceptions import UnsupportedMediaType

        view = app.view_functions.get(request.endpoint or "")
        view_class = getattr(view, "view_class", None)  # set on a MethodView's view function
        if view_class is not None:
            view = getattr(view_class, request.method.lower(), None)
        if request.mimetype in getattr(view, BODY_TYPES_ATTR, ()):
            return
        if request.content_length and not is_json_request(request):
            raise UnsupportedMediaType(
                f"send the body as application/json, not {request.mimetype or 'untyped'}"
            )

    @app.after_request
    def _finish_transaction(response: Response) -> Response:
        """The one place a request's transaction is committed (or rolled back)."""
        session = g.get("db_session")
        if session is None:
            return response
        if response.status_code >= 400 and not g.get("commit_despite_error"):
            session.rollback()
            return response
        faults.pause_point(faults.BEFORE_COMMIT)
        try:
            session.commit()
        except Exception as exc:  # noqa: BLE001 - any failure to commit is answered, not raised
            session.rollback()
            if g.get("idempotency_claim_id"):
                release_claim(g.idempotency_claim_id)
            log.warning("commit failed: %s", exc)
            from sqlalchemy.exc import IntegrityError
            from sqlalchemy.orm.exc import StaleDataError

            if isinstance(exc, StaleDataError):
                return errors.problem(412, "Precondition failed", "the record was changed by another request")
            if isinstance(exc, IntegrityError):
                return errors.problem(409, "Conflict", "the change conflicts with existing records")
            unavailable = errors.problem(503, "Service unavailable", "the change could not be saved")
            unavailable.headers["Retry-After"] = "30"
            return unavailable
        faults.pause_point(faults.AFTER_COMMIT)
        return response

    @app.after_request
    def _security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        headers["X-Request-ID"] = g.get("request_id", "")
        headers.setdefault("Cache-Control", "no-store")
        if request.endpoint == apidocs.PAGE_ENDPOINT and response.status_code == 200:
            policy = apidocs.page_content_security_policy(response.get_data(as_text=True))
            headers.setdefault("Content-Security-Policy", policy)
        headers.setdefault("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
        return response
