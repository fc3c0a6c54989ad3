"""Documents: cycle summaries, fund status, board packs."""

from ..routing import Blueprint

blp = Blueprint(
    "reports", __name__, url_prefix="", description="Documents: cycle summaries, fund status, board packs"
)
