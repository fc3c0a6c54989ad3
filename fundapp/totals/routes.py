"""Donors' totals, public figures and statements (full paths: this blueprint has no prefix)."""

from flask import g

from ..access import PUBLIC
from ..auth.models import Role
from ..db import get_session
from ..routing import Blueprint
from . import services
from .schemas import (
    PublicTotalsQuerySchema,
    PublicTotalsSchema,
    StatementQuerySchema,
    StatementSchema,
    TotalsQuerySchema,
    TotalsSchema,
)

blp = Blueprint(
    "totals", __name__, url_prefix="", description="Donors' totals, public figures and statements"
)


@blp.route("/contributions/totals")
@blp.allow(Role.ADMIN, Role.STAFF, Role.APPROVER, Role.BOARD, Role.DONOR)
@blp.arguments(TotalsQuerySchema, location="query")
@blp.response(200, TotalsSchema)
def contribution_totals(query):
    """Money received, grouped by year, donor kind, donor, currency and/or campaign

    One SQL aggregate. Amounts are USD strings (and the original currency when grouping by
    currency). A donor's token sees its own lines only; the total stays fund-wide.
    """
    return services.totals(get_session(), g.user, query)


@blp.route("/public/totals")
@blp.allow(PUBLIC)
@blp.arguments(PublicTotalsQuerySchema, location="query")
@blp.response(200, PublicTotalsSchema)
def public_totals(query):
    """The fund's public figures: received by year and by donor kind, donors of each kind

    No token needed. Individuals and anonymous donors are never named; no single donor's
    amount is given.
    """
    return services.public_totals(get_session(), query)


@blp.route("/donors/<int:donor_id>/statement")
@blp.allow(Role.ADMIN, Role.STAFF, Role.DONOR)
@blp.arguments(StatementQuerySchema, location="query")
@blp.response(200, StatementSchema)
@blp.alt_response(409, response="CONFLICT", description="The donor gave to several funds: name one (fund_id)")
def donor_statement(query, donor_id):
    """A donor's statement: pledges and receipts with running totals, and what the fund did

    A donor's token reads its own statement only (another donor's answers 404).
    """
    return services.donor_statement(get_session(), g.user, donor_id, query)
