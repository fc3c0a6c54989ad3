"""Totals, public figures and donor statements: query and output schemas."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate
from webargs.fields import DelimitedList

from ..contributions.models import DonorKind
from ..dumping import OutputSchema
from ..schemas_base import MONEY_OUT_PATTERN, Day, InputSchema, QueryId

#: The keys the totals can be grouped by, in the order their columns appear.
GROUP_KEYS = ("year", "donor_kind", "donor", "currency", "campaign")


_MONEY = {"type": "string", "pattern": MONEY_OUT_PATTERN, "example": "25000.00"}


def _money(description: str, **kwargs: Any) -> fields.String:
    return fields.String(metadata={**_MONEY, "description": description}, **kwargs)


class PeriodQuery(InputSchema):
    """``from`` and ``to`` (inclusive dates); ``to`` may not precede ``from``."""

    date_from = Day(data_key="from", metadata={"description": "First day of the period (inclusive)"})
    date_to = Day(data_key="to", metadata={"description": "Last day of the period (inclusive)"})

    @ma.validates_schema
    def _ordered(self, data: dict[str, Any], **kwargs: Any) -> None:
        start, end = data.get("date_from"), data.get("date_to")
        if start is not None and end is not None and end < start:
            raise ma.ValidationError("must not be before 'from'", "to")


class TotalsQuerySchema(PeriodQuery):
    group_by = DelimitedList(
        fields.String(validate=validate.OneOf(GROUP_KEYS)),
        load_default=list,
        validate=validate.Length(max=len(GROUP_KEYS)),
        metadata={
            "description": "Comma-separated keys to group by, any of: " + ", ".join(GROUP_KEYS),
            "example": ["year", "donor_kind"],
            "uniqueItems": True,
        },
    )
    as_of = Day(
        metadata={
            "description": "The books as they stood at the end of this day: receipts received by then "
            "and not reversed by then"
        }
    )
    fund_id = QueryId()

    @ma.validates("group_by")
    def _no_repeats(self, value: list[str], **kwargs: Any) -> None:
        if len(set(value)) != len(value):
            raise ma.ValidationError("a key may appear only once")


class DonorRefSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String(
        allow_none=True,
        metadata={"description": "Null for an anonymous donor, except to staff and admin"},
    )
    anonymous = fields.Boolean()


class CampaignRefSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()


class TotalsLineSchema(OutputSchema):
    """One group; only the keys grouped by are present."""

    #: the keys grouped by, and ``amount`` when grouping by currency
    optional_fields = frozenset({*GROUP_KEYS, "amount"})

    year = fields.Integer()
    donor_kind = fields.Enum(DonorKind, by_value=True)
    donor = fields.Nested(DonorRefSchema)
    currency = fields.String(metadata={"description": "Currency the money was received in"})
    amount = _money("Received, in the original currency (only when grouping by currency)")
    campaign = fields.Nested(CampaignRefSchema, allow_none=True)
    usd = _money("Received, in USD at each receipt's rate")
    receipts = fields.Integer()
    donors = fields.Integer()


class TotalsSumSchema(OutputSchema):
    usd = _money("Received, in USD")
    receipts = fields.Integer()
    donors = fields.Integer(metadata={"description": "Distinct donors"})


class TotalsSchema(OutputSchema):
    currency = fields.String(metadata={"example": "USD"})
    scope = fields.String(
        metadata={
            "description": "'all': every donor's lines; 'own': a donor's own lines only "
            "(the total stays fund-wide)",
            "enum": ["all", "own"],
        }
    )
    group_by = fields.List(fields.String())
    fund_id = fields.Integer(allow_none=True)
    date_from = Day(data_key="from", allow_none=True)
    date_to = Day(data_key="to", allow_none=True)
    as_of = Day(allow_none=True)
    lines = fields.List(fields.Nested(TotalsLineSchema))
    total = fields.Nested(TotalsSumSchema, metadata={"description": "Fund-wide, under the same filters"})


class PublicTotalsQuerySchema(InputSchema):
    fund_id = QueryId()
    as_of = Day()


class PublicYearSchema(OutputSchema):
    year = fields.Integer()
    usd = _money("Received in the year, in USD")


class PublicKindSchema(OutputSchema):
    donor_kind = fields.Enum(DonorKind, by_value=True)
    usd = _money("Received from donors of this kind, in USD")
    donors = fields.Integer()
    named_donors = fields.List(
        fields.String(),
        metadata={
            "description": "Names of the donors of this kind; never individuals, never anonymous donors"
        },
    )


class PublicTotalsSchema(OutputSchema):
    currency = fields.String()
    fund_id = fields.Integer(allow_none=True)
    as_of = Day(allow_none=True)
    usd = _money("Received, in USD")
    donors = fields.Integer()
    by_year = fields.List(fields.Nested(PublicYearSchema))
    by_donor_kind = fields.List(fields.Nested(PublicKindSchema))


#: A donor's statement is of one fund: the one it gave to, or the one this names.
STATEMENT_FUND = {
    "description": "The fund whose pledges and payments the statement lists; needed when the donor gave "
    "to several funds (a statement never mixes two funds' money)"
}


class StatementQuerySchema(PeriodQuery):
    fund_id = QueryId(metadata=STATEMENT_FUND)


class CurrencyBalanceSchema(OutputSchema):
    currency = fields.String()
    pledged = _money("Pledged (cancelled pledges excluded), in this currency")
    received = _money("Received (reversed receipts excluded), in this currency")


class BalanceSchema(OutputSchema):
    by_currency = fields.List(fields.Nested(CurrencyBalanceSchema))
    received_usd = _money("Received, in USD at each receipt's rate")


class RunningSchema(OutputSchema):
    currency = fields.String()
    pledged = _money("Pledged to date, in the entry's currency")
    received = _money("Received to date, in the entry's currency")
    received_usd = _money("Received to date, all currencies, in USD")


class StatementEntrySchema(OutputSchema):
    date = Day()
    type = fields.String(
        metadata={
            "enum": ["pledge", "pledge_change", "pledge_cancellation", "receipt", "receipt_reversal"],
            "description": "The movement: a change, a cancellation or a reversal is its own entry, "
            "dated the day it happened, with a signed amount",
        }
    )
    contribution_id = fields.Integer()
    contribution_reference = fields.String()
    receipt_id = fields.Integer(allow_none=True)
    fund_id = fields.Integer()
    currency = fields.String()
    amount = _money("In the original currency, signed (negative for a reduction)")
    usd = _money("In USD (receipts; pledges only when made in USD)", allow_none=True)
    status = fields.String(metadata={"description": "The pledge's or receipt's status today"})
    running = fields.Nested(RunningSchema)


class FundActivitySchema(OutputSchema):
    fund_id = fields.Integer()
    fund_name = fields.String()
    grants_approved = fields.Integer(metadata={"description": "Grants approved in the period"})
    grants_approved_usd = _money("Their total, in USD")
    countries_reached = fields.List(
        fields.String(),
        metadata={"description": "Countries of the grants running at some time in the period"},
    )
    people_assisted = fields.Integer(
        metadata={"description": "People assisted per the grantee reports accepted in the period"}
    )


class StatementDonorSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.Enum(DonorKind, by_value=True)


class StatementSchema(OutputSchema):
    donor = fields.Nested(StatementDonorSchema)
    date_from = Day(data_key="from", allow_none=True)
    date_to = Day(data_key="to", allow_none=True)
    opening = fields.Nested(BalanceSchema, metadata={"description": "Before the period"})
    entries = fields.List(fields.Nested(StatementEntrySchema))
    closing = fields.Nested(BalanceSchema, metadata={"description": "At the end of the period"})
    fund_activity = fields.List(fields.Nested(FundActivitySchema))
