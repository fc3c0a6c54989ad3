"""Proposals and eligibility screening."""

from ..routing import Blueprint

blp = Blueprint(
    "proposals", __name__, url_prefix="/proposals", description="Proposals and eligibility screening"
)
