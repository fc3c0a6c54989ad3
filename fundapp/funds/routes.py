"""``/api/v1/funds``: the funds, and each fund's position (sources and uses in USD)."""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..routing import Blueprint
from ..schemas_base import page_of
from . import services
from .schemas import (
    BudgetCategoryCreateSchema,
    BudgetCategoryQuerySchema,
    BudgetCategorySchema,
    BudgetCategoryUpdateSchema,
    BudgetRulesOutSchema,
    BudgetRulesSchema,
    FundCreateSchema,
    FundQuerySchema,
    FundSchema,
    FundUpdateSchema,
    PositionQuerySchema,
    PositionSchema,
)

blp = Blueprint("funds", __name__, url_prefix="/funds", description="The fund: its books and position")
READERS = (Role.ADMIN, Role.STAFF, Role.APPROVER, Role.BOARD)
#: Who draws up the fund's budget rules and categories: the secretariat.
WRITERS = (Role.ADMIN, Role.STAFF)


@blp.route("")
class Funds(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(FundQuerySchema, location="query")
    @blp.response(200, page_of(FundSchema))
    def get(self, query):
        """List the funds"""
        return services.list_funds(get_session(), query)

    @blp.allow(Role.ADMIN)
    @blp.arguments(FundCreateSchema)
    @blp.response(201, FundSchema)
    def post(self, data):
        """Create a fund (admin)"""
        return with_etag(services.create_fund(get_session(), g.user, data), 201)


@blp.route("/<int:fund_id>")
class FundById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, FundSchema)
    def get(self, fund_id):
        """Read a fund"""
        return with_etag(services.get_fund(get_session(), fund_id))

    @blp.allow(Role.ADMIN)
    @blp.if_match()
    @blp.arguments(FundUpdateSchema(partial=True))
    @blp.response(200, FundSchema)
    def patch(self, data, fund_id):
        """Change a fund's settings (admin)

        A new programme support rate applies to every figure of the fund's books, as of any day;
        one whose support costs on what is already committed would exceed the money received is
        a 409 with the shortfall.
        """
        fund = services.update_fund(get_session(), g.user, fund_id, data, request.headers.get("If-Match"))
        return with_etag(fund)


@blp.route("/<int:fund_id>/budget-rules")
class FundBudgetRules(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, BudgetRulesOutSchema)
    def get(self, fund_id):
        """Read the fund's rules for budgets (the cap on indirect costs), with the fund's ETag"""
        return with_etag(services.get_fund(get_session(), fund_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(BudgetRulesSchema)
    @blp.response(200, FundSchema)
    def put(self, data, fund_id):
        """Set or lift the fund's cap on indirect costs in budgets (per cent of the total)

        The fund's ETag is the one to send (If-Match); the fund's other settings are the admin's
        (PATCH /funds/{fund_id}).
        """
        fund = services.set_budget_rules(
            get_session(), g.user, fund_id, data, request.headers.get("If-Match")
        )
        return with_etag(fund)


@blp.route("/<int:fund_id>/budget-categories")
class BudgetCategories(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(BudgetCategoryQuerySchema, location="query")
    @blp.response(200, page_of(BudgetCategorySchema))
    def get(self, query, fund_id):
        """List the categories the fund's budgets are drawn up in"""
        return services.list_categories(get_session(), fund_id, query)

    @blp.allow(*WRITERS)
    @blp.arguments(BudgetCategoryCreateSchema)
    @blp.response(201, BudgetCategorySchema)
    def post(self, data, fund_id):
        """Add a budget category to the fund (English and French names; indirect or not)"""
        return with_etag(services.create_category(get_session(), g.user, fund_id, data), 201)


@blp.route("/<int:fund_id>/budget-categories/<int:category_id>")
class BudgetCategoryById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, BudgetCategorySchema)
    def get(self, fund_id, category_id):
        """Read a budget category"""
        return with_etag(services.get_category(get_session(), fund_id, category_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(BudgetCategoryUpdateSchema)
    @blp.response(200, BudgetCategorySchema)
    def patch(self, data, fund_id, category_id):
        """Rename a budget category, mark it indirect or not, retire or restore it"""
        category = services.update_category(
            get_session(), g.user, fund_id, category_id, data, request.headers.get("If-Match")
        )
        return with_etag(category)


@blp.route("/<int:fund_id>/position")
class FundPosition(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(PositionQuerySchema, location="query")
    @blp.response(200, PositionSchema)
    def get(self, query, fund_id):
        """The fund's position in USD as of a date: pledged, received, committed, disbursed, uncommitted

        Pledges and receipts count from their own dates; reversed receipts and cancelled
        pledges count on no date (they are corrections). The received part of a pledge is
        valued at its receipts' USD value; the part still to come is converted per currency at
        the latest exchange rate dated on or before `as_of` (reported with its date); a
        currency without one is listed in `unconverted_currencies` and left out.
        """
        return services.fund_position(get_session(), fund_id, query.get("as_of"))
