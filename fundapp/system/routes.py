"""Service status."""

from ..auth.policy import PUBLIC
from ..db import get_session
from ..routing import Blueprint
from . import services
from .schemas import HealthSchema

blp = Blueprint("system", __name__, url_prefix="", description="Service status")


@blp.route("/health")
@blp.allow(PUBLIC)
@blp.response(200, HealthSchema)
def health():
    """Database reachable, migration revision and record counts."""
    return services.health(get_session())
