"""NGO applicants."""

from ..routing import Blueprint

blp = Blueprint("organisations", __name__, url_prefix="/organisations", description="NGO applicants")
