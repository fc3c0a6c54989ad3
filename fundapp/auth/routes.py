"""Users, tokens, login and the audit trail."""

from ..routing import Blueprint

blp = Blueprint("auth", __name__, url_prefix="", description="Users, tokens, login and the audit trail")
