"""Who may call a route. Every route declares a policy; a route without one is refused.

``@allow(Role.STAFF, Role.ADMIN)`` on a view (or a MethodView method) names the roles that
may call it; ``@allow(PUBLIC)`` opens it to anonymous callers. The check runs before the
view, centrally, so a forgotten declaration denies rather than exposes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app, g, request

from ..errors import DomainError, Forbidden
from .models import Role

F = TypeVar("F", bound=Callable[..., Any])
PUBLIC = "public"
POLICY_ATTR = "_fundapp_policy"
#: Endpoints served by flask-smorest or Flask itself, open to all.
BUILTIN_PUBLIC_ENDPOINTS = frozenset({"static", "api-docs.openapi_json", "api-docs.openapi_swagger_ui"})
STAFF = (Role.ADMIN, Role.STAFF)


class Unauthorized(DomainError):
    status = 401
    title = "Unauthorized"
    headers = {"WWW-Authenticate": 'Bearer realm="fundapp"'}


def allow(*roles: Role | str) -> Callable[[F], F]:
    """Declare who may call the decorated view."""
    policy = frozenset(str(r) for r in roles)

    def decorate(view: F) -> F:
        setattr(view, POLICY_ATTR, policy)
        return view

    return decorate


def policy_for(endpoint: str | None, method: str, app: Flask | None = None) -> frozenset[str] | None:
    """The declared policy of an endpoint and method, or None where nothing is declared."""
    app = app or current_app
    if endpoint is None:
        return None
    if endpoint in BUILTIN_PUBLIC_ENDPOINTS:
        return frozenset({PUBLIC})
    view = app.view_functions.get(endpoint)
    if view is None:
        return None
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        method_name = method.lower()
        if method_name == "head":
            method_name = "get"
        handler = getattr(view_class, method_name, None)
        return getattr(handler, POLICY_ATTR, None) if handler else None
    return getattr(view, POLICY_ATTR, None)


def enforce_policy() -> None:
    """``before_request``: authenticate, then check the route's policy."""
    from ..db import get_session
    from .services import authenticate

    if request.method == "OPTIONS" or request.routing_exception is not None:
        return
    for name in ("access_token", "token", "api_key"):
        if name in request.args:
            raise DomainError(
                f"credentials in the URL ('{name}') are never accepted; send 'Authorization: Bearer <token>'"
            )
    policy = policy_for(request.endpoint, request.method)
    header = request.headers.get("Authorization")
    g.user = authenticate(get_session(), header) if header else None
    if policy is None:
        raise Forbidden("this route declares no access policy")
    if PUBLIC in policy:
        return
    if g.user is None:
        raise Unauthorized("a valid bearer token is required")
    if str(g.user.role) not in policy:
        raise Forbidden(f"role '{g.user.role}' may not call this route")


def current_user() -> Any:
    return g.get("user")
