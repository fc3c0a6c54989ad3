"""Donors, campaigns, contributions and exchange rates."""

from ..routing import Blueprint

blp = Blueprint(
    "contributions",
    __name__,
    url_prefix="",
    description="Donors, campaigns, contributions and exchange rates",
)
