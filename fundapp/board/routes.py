"""Board of Trustees: terms, sessions, recommendations, approval."""

from ..routing import Blueprint

blp = Blueprint(
    "board",
    __name__,
    url_prefix="/board",
    description="Board of Trustees: terms, sessions, recommendations, approval",
)
