"""Who may call a route: the declaration every view makes, and its lookup.

``@allow(Role.STAFF, Role.ADMIN)`` on a view (or a MethodView method) names the roles that
may call it; ``@allow(PUBLIC)`` opens it to anonymous callers. ``auth.policy.enforce_policy``
checks it before the view, centrally, so a forgotten declaration denies rather than exposes.
Roles are given as their names (a ``Role`` is a ``StrEnum``), so this module needs no domain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app

F = TypeVar("F", bound=Callable[..., Any])
PUBLIC = "public"
POLICY_ATTR = "_fundapp_policy"
#: Endpoints served by flask-smorest or Flask itself, open to all.
BUILTIN_PUBLIC_ENDPOINTS = frozenset({"static", "api-docs.openapi_json", "api-docs.openapi_swagger_ui"})


def allow(*roles: str) -> Callable[[F], F]:
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
