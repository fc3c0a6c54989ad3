"""Who may call a route, enforced: every route declares a policy (``access.allow``); a
route without one is refused. The check runs before the view, centrally, so a forgotten
declaration denies rather than exposes.
"""

from __future__ import annotations

from typing import Any

from flask import g, request

from ..access import PUBLIC, policy_for
from ..db import get_session
from ..errors import DomainError, Forbidden
from ..fund_scope import restrict
from .models import Role
from .services import identify

STAFF = (Role.ADMIN, Role.STAFF)


class Unauthorized(DomainError):
    status = 401
    title = "Unauthorized"
    headers = {"WWW-Authenticate": 'Bearer realm="fundapp"'}


def enforce_policy() -> None:
    """``before_request``: authenticate, then check the route's policy."""
    if request.method == "OPTIONS" or request.routing_exception is not None:
        return
    for name in ("access_token", "token", "api_key"):
        if name in request.args:
            raise DomainError(
                f"credentials in the URL ('{name}') are never accepted; send 'Authorization: Bearer <token>'"
            )
    policy = policy_for(request.endpoint, request.method)
    header = request.headers.get("Authorization")
    caller = identify(get_session(), header) if header else None
    g.user = caller.user if caller else None
    if policy is None:
        raise Forbidden("this route declares no access policy")
    if PUBLIC in policy:
        return
    if g.user is None:
        raise Unauthorized("a valid bearer token is required")
    if str(g.user.role) not in policy:
        raise Forbidden(f"role '{g.user.role}' may not call this route")
    # the caller's role holds for its funds only: another fund's records are absent to it
    restrict(get_session(), caller.fund_ids if caller else None)


def current_user() -> Any:
    return g.get("user")
