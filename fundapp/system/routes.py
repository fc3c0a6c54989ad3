"""Service status."""

from flask import g

from ..access import PUBLIC
from ..db import get_session
from ..routing import Blueprint
from . import services  # outbox: declares the outbox's sending job (at the app's start)
from .schemas import HealthSchema, LivenessSchema

blp = Blueprint("system", __name__, url_prefix="", description="Service status")


@blp.route("/health")
@blp.allow(PUBLIC)
@blp.response(200, HealthSchema)
def health():
    """Database reachable and migrated; to an authenticated caller, its revision and record counts too.

    Public: a load balancer or a monitor asks it without a token.
    """
    return services.health(get_session(require_migrated=False), detailed=g.get("user") is not None)


@blp.route("/health/live")
@blp.allow(PUBLIC)
@blp.response(200, LivenessSchema)
def liveness():
    """The process answers (no database touched): for load balancers and as a benchmark's floor.

    Always 200 while the process serves requests.
    """
    return {"status": "ok"}
