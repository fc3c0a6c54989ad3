"""The fund: output schemas for funds and their position, and the query schemas."""

from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..schemas_base import (
    Amount,
    Day,
    Flag,
    Id,
    InputSchema,
    Matches,
    MoneyOut,
    PageQuery,
    QueryFlag,
    Text,
    sort_field,
)

#: A share in per cent with two decimals, as the API writes it ("7.00").
PERCENT = {"type": "string", "pattern": r"^[0-9]{1,3}\.[0-9]{2}$", "example": "7.00"}


def percent_of_bp(basis_points: int | None) -> str | None:
    """Basis points (700) as the API's per cent ("7.00"); None stays None."""
    return None if basis_points is None else f"{basis_points // 100}.{basis_points % 100:02d}"


class FundSchema(OutputSchema):
    id = fields.Integer()
    code = fields.String()
    name_en = fields.String()
    name_fr = fields.String()
    short_name = fields.String()
    administrator = fields.String()
    established_on = Day()
    currency = fields.String()
    languages = fields.List(
        fields.String(),
        attribute="working_languages",
        metadata={"description": "The languages the fund writes in (its contacts may choose among them)"},
    )
    notifications_off = fields.List(
        fields.String(),
        attribute="notifications_switched_off",
        metadata={"description": "The kinds of e-mail notification the fund does not send"},
    )
    indirect_cost_cap = fields.Function(
        lambda fund: percent_of_bp(fund.indirect_cost_cap_bp),
        allow_none=True,
        metadata={
            **PERCENT,
            "nullable": True,
            "description": "The most a budget may put in indirect costs, in per cent of its total; "
            "null: no cap",
        },
    )
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class FundQuerySchema(PageQuery):
    sort = sort_field(["code", "short_name", "established_on"], "code")


class PositionQuerySchema(InputSchema):
    as_of = Day(metadata={"description": "The date of the position (YYYY-MM-DD); today (UTC) by default"})


class PledgeCurrencySchema(OutputSchema):
    """What is still to come of the pledges in one currency, and the rate that values it in USD."""

    currency = fields.String()
    outstanding = MoneyOut("outstanding_minor")
    outstanding_usd = MoneyOut("outstanding_usd_minor", "fund_currency", allow_none=True)
    usd_per_unit = fields.Decimal(
        as_string=True,
        allow_none=True,
        # apispec documents a Decimal as a number; this one is served as a string, as all money is
        metadata={"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$", "example": "1.0842"},
    )
    rate_date = Day(allow_none=True)


class PositionSchema(OutputSchema):
    """Sources and uses of the fund in USD, as of a date."""

    fund_id = fields.Integer()
    as_of = Day()
    currency = fields.String(metadata={"example": "USD"})
    pledged = MoneyOut("pledged_minor", metadata={"description": "Pledges not cancelled, in USD"})
    received = MoneyOut("received_minor", metadata={"description": "Receipts not reversed"})
    outstanding_pledges = MoneyOut(
        "outstanding_minor", metadata={"description": "Pledged but not yet received (pledged - received)"}
    )
    committed = MoneyOut("committed_minor", metadata={"description": "Committed to approved grants"})
    disbursed = MoneyOut("disbursed_minor", metadata={"description": "Paid to grantees"})
    undisbursed_commitments = MoneyOut(
        "undisbursed_minor", metadata={"description": "Committed but not yet paid (committed - disbursed)"}
    )
    uncommitted = MoneyOut(
        "uncommitted_minor",
        metadata={"description": "Available for new grants (received - committed)"},
    )
    pledges_by_currency = fields.List(fields.Nested(PledgeCurrencySchema))
    unconverted_currencies = fields.List(
        fields.String(),
        metadata={
            "description": "Currencies with outstanding pledges but no exchange rate on or before as_of; "
            "those outstanding amounts are left out of pledged and outstanding_pledges"
        },
    )


class BudgetRulesSchema(InputSchema):
    """How the fund's budgets are drawn up (PATCH /funds/{fund_id}, If-Match)."""

    example = {"indirect_cost_cap": "7.00"}

    indirect_cost_cap = Amount(
        currency="USD",  # two decimals
        allow_zero=True,
        allow_none=True,
        required=True,
        metadata={
            "description": "The most a budget may put in indirect costs, in per cent of its total (at most "
            "100.00); null: no cap",
            "example": "7.00",
        },
    )


CATEGORY_CODE = Matches(r"^[a-z][a-z0-9_]*$", error="must be a code such as 'staff' or 'indirect_costs'")


class BudgetCategoryCreateSchema(InputSchema):
    example = {
        "code": "indirect_costs",
        "name_en": "Indirect (programme support) costs",
        "name_fr": "Coûts indirects (dépenses d'appui au programme)",
        "indirect": True,
    }

    code = fields.String(required=True, validate=[validate.Length(max=40), CATEGORY_CODE])
    name_en = Text(required=True, max_length=200)
    name_fr = Text(required=True, max_length=200)
    indirect = Flag(load_default=False, metadata={"description": "Indirect costs, capped with the others"})


class BudgetCategoryUpdateSchema(InputSchema):
    """What may change of a category (If-Match): its names, whether indirect, whether retired."""

    example = {"name_fr": "Frais de personnel", "retired": False}

    name_en = Text(max_length=200)
    name_fr = Text(max_length=200)
    indirect = Flag()
    retired = Flag(metadata={"description": "Retired: new budgets may no longer use it"})


class BudgetCategorySchema(OutputSchema):
    id = fields.Integer()
    fund_id = fields.Integer()
    code = fields.String()
    name_en = fields.String()
    name_fr = fields.String()
    indirect = fields.Boolean()
    retired = fields.Boolean()
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class BudgetCategoryQuerySchema(PageQuery):
    retired = QueryFlag(metadata={"description": "true: only retired categories; false: only those in use"})
    sort = sort_field(["code"], "code")


class BudgetLineInSchema(InputSchema):
    """One line of a budget: an amount under one of the fund's categories."""

    category_id = Id(required=True)
    amount = Amount(currency="USD", required=True, metadata={"example": "12000.00"})


class BudgetLineSchema(OutputSchema):
    category_id = fields.Integer()
    code = fields.String(attribute="category.code")
    name_en = fields.String(attribute="category.name_en")
    name_fr = fields.String(attribute="category.name_fr")
    indirect = fields.Boolean(attribute="category.indirect")
    amount = MoneyOut("amount_minor")
