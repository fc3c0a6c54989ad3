"""Donors' totals, public figures and statements."""

from ..routing import Blueprint

blp = Blueprint(
    "totals", __name__, url_prefix="", description="Donors' totals, public figures and statements"
)
