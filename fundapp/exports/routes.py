"""Open data (360Giving, IATI) and spreadsheets."""

from ..routing import Blueprint

blp = Blueprint(
    "exports", __name__, url_prefix="/exports", description="Open data (360Giving, IATI) and spreadsheets"
)
