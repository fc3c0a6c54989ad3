"""Grants, disbursements and grantee reports."""

from ..routing import Blueprint

blp = Blueprint(
    "grants", __name__, url_prefix="/grants", description="Grants, disbursements and grantee reports"
)
