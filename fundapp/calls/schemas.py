"""Calls for proposals: input, output and query schemas."""

import marshmallow as ma
from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..funds.schemas import criteria_field
from ..money import FUND_CURRENCY
from ..schemas_base import (
    Amount,
    Day,
    Id,
    InputSchema,
    Moment,
    MoneyOut,
    PageQuery,
    QueryId,
    Text,
    sort_field,
)
from .models import CallStatus


class CallCreateSchema(InputSchema):
    example = {
        "fund_id": 1,
        "cycle_label": "4",
        "cycle_number": 4,
        "title": "Fourth global call for proposals: direct assistance to victims of trafficking",
        "launched_on": "2020-03-02",
        "deadline": "2020-05-29T16:00:00Z",
        "priorities": [
            "direct assistance to victims in situations of armed conflict",
            "direct assistance to victims identified in mixed migration flows",
        ],
        "budget": "1000000.00",
        "grant_floor": "20000.00",
        "grant_ceiling": "60000.00",
        "max_duration_months": 24,
        "reserve_expires_on": "2021-12-31",
    }

    fund_id = Id(required=True)
    cycle_label = Text(required=True, max_length=10, metadata={"example": "10.2"})
    cycle_number = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=1000))
    title = Text(required=True, max_length=300)
    launched_on = Day(allow_none=True)
    deadline = Moment(allow_none=True, metadata={"example": "2017-03-31T23:59:00Z"})
    priorities = fields.List(Text(max_length=300), load_default=list, validate=validate.Length(max=20))
    eligibility_criteria = criteria_field(
        metadata={"description": "The criteria its proposals are screened against; the fund's when not given"}
    )
    budget = Amount(currency=FUND_CURRENCY, allow_none=True)
    grant_floor = Amount(
        currency=FUND_CURRENCY,
        metadata={
            "description": "The least a grant may be: the fund's floor when not given, and never below it"
        },
    )
    grant_ceiling = Amount(
        currency=FUND_CURRENCY,
        metadata={
            "description": "The most a grant may be: the fund's ceiling when not given, and never above it"
        },
    )
    max_duration_months = fields.Integer(
        strict=True,
        validate=validate.Range(min=1, max=120),
        metadata={"description": "The longest a grant may run: the fund's when not given, and never longer"},
    )
    reserve_expires_on = Day(allow_none=True)

    @ma.validates_schema
    def _floor_below_ceiling(self, data, **kwargs):
        floor, ceiling = data.get("grant_floor"), data.get("grant_ceiling")
        if floor is not None and ceiling is not None and floor > ceiling:
            raise ma.ValidationError("must not be below grant_floor", "grant_ceiling")


class CallUpdateSchema(CallCreateSchema):
    """The fields of a draft call that may change (use with ``partial=True``)."""

    example = {
        "deadline": "2020-06-12T16:00:00Z",
        "budget": "1200000.00",
    }

    class Meta:
        exclude = ("fund_id",)


class CallSchema(OutputSchema):
    id = fields.Integer()
    fund_id = fields.Integer()
    cycle_label = fields.String()
    cycle_number = fields.Integer()
    title = fields.String()
    launched_on = fields.Date(allow_none=True)
    deadline = fields.AwareDateTime(allow_none=True)
    priorities = fields.List(fields.String())
    eligibility_criteria = fields.List(fields.String())
    currency = fields.String()
    budget = MoneyOut("budget_minor", allow_none=True)
    grant_floor = MoneyOut("floor_minor")
    grant_ceiling = MoneyOut("ceiling_minor")
    max_duration_months = fields.Integer()
    reserve_expires_on = fields.Date(allow_none=True)
    status = fields.Enum(CallStatus, by_value=True)
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class CallQuerySchema(PageQuery):
    fund_id = QueryId()
    status = fields.Enum(CallStatus, by_value=True)
    year = fields.Integer(
        validate=validate.Range(min=2000, max=2100), metadata={"description": "Year the call was launched"}
    )
    sort = sort_field(["launched_on", "cycle_number", "created_at"], "cycle_number")
