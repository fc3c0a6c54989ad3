"""The fund: its books and position."""

from ..routing import Blueprint

blp = Blueprint("funds", __name__, url_prefix="/funds", description="The fund: its books and position")
