"""The fund: output schemas for funds and their position, and the query schemas."""

from marshmallow import fields

from ..dumping import OutputSchema
from ..schemas_base import Day, InputSchema, MoneyOut, PageQuery, sort_field


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
