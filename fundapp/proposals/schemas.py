"""Proposals and eligibility screening: input, output and query schemas."""

from collections.abc import Sequence
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ..calls.models import CallStatus
from ..dumping import OutputSchema
from ..funds.models import ASSISTANCE_KINDS, TARGET_GROUPS
from ..funds.schemas import BudgetLineInSchema, BudgetLineSchema
from ..money import FUND_CURRENCY
from ..schemas_base import (
    Amount,
    CountryCode,
    Flag,
    Id,
    InputSchema,
    Matches,
    MoneyOut,
    PageQuery,
    QueryId,
    Text,
    sort_field,
)
from .models import Facet, ProposalStatus

#: The languages a proposal may be written in: the six official languages of the United Nations.
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
MAX_COUNTRIES = 30
#: A bound on a budget's lines (one per category of the fund).
MAX_BUDGET_LINES = 50
CRITERION = Matches(r"^[a-z][a-z0-9_]*$", error="must be a criterion name such as 'complete_application'")


def no_repeats(values: Sequence[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ma.ValidationError(f"lists '{value}' more than once")
        seen.add(value)


def _codes(choices: Sequence[str], *, max_items: int, example: list[str]) -> fields.List:
    return fields.List(
        fields.String(validate=validate.OneOf(choices)),
        required=True,
        validate=[validate.Length(min=1, max=max_items), no_repeats],
        metadata={"example": example, "uniqueItems": True},
    )


class ProposalCreateSchema(InputSchema):
    example = {
        "call_id": 4,
        "organisation_id": 12,
        "title": "Shelter, medical care and reintegration for women and girls trafficked for sexual "
        "exploitation along the Abidjan-Lagos corridor",
        "summary": "FEST will run a 20-bed shelter in Abidjan offering medical care, psychosocial "
        "counselling and legal assistance to an estimated 180 women and girls identified as victims "
        "of trafficking for sexual exploitation, with individual reintegration plans and family "
        "tracing in Côte d'Ivoire and Ghana over 24 months.",
        "requested_amount": "58000.00",
        "duration_months": 24,
        "countries": ["CI", "GH"],
        "target_groups": ["women", "girls"],
        "assistance": ["shelter", "medical", "psychological_recovery", "legal_administrative"],
        "language": "fr",
    }

    call_id = Id(required=True)
    organisation_id = Id(required=True)
    title = Text(required=True, max_length=300)
    summary = Text(required=True, max_length=5000, multiline=True)
    requested_amount = Amount(
        currency=FUND_CURRENCY, required=True, metadata={"description": "In the call's currency (USD)"}
    )
    duration_months = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=120))
    countries = fields.List(
        CountryCode(),
        required=True,
        validate=[validate.Length(min=1, max=MAX_COUNTRIES), no_repeats],
        metadata={
            "description": "Countries of implementation (ISO 3166-1 alpha-2)",
            "example": ["NG", "GH"],
            "uniqueItems": True,
        },
    )
    target_groups = _codes(TARGET_GROUPS, max_items=len(TARGET_GROUPS), example=["women", "girls"])
    assistance = _codes(ASSISTANCE_KINDS, max_items=len(ASSISTANCE_KINDS), example=["shelter", "medical"])
    language = fields.String(load_default="en", validate=validate.OneOf(LANGUAGES))
    budget = fields.List(
        fields.Nested(BudgetLineInSchema),
        validate=validate.Length(max=MAX_BUDGET_LINES),
        metadata={
            "description": "The budget by category of the fund (GET /funds/{fund_id}/budget-categories): "
            "the lines add up to the requested amount; [] for none"
        },
    )


class ProposalUpdateSchema(ProposalCreateSchema):
    """The fields of a submitted proposal that may change (use with ``partial=True``)."""

    example = {
        "requested_amount": "55000.00",
        "duration_months": 20,
    }

    class Meta:
        exclude = ("call_id", "organisation_id")


class WithdrawalSchema(InputSchema):
    example = {
        "reason": "The project is now fully funded by the national anti-trafficking commission.",
    }

    reason = Text(required=True, max_length=2000, multiline=True)


class CheckInSchema(InputSchema):
    criterion = fields.String(required=True, validate=[validate.Length(min=1, max=40), CRITERION])
    passed = Flag(required=True)
    note = Text(max_length=2000, multiline=True, allow_none=True)

    @ma.validates_schema
    def _failure_has_a_reason(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("passed") is False and not data.get("note"):
            raise ma.ValidationError("a failed criterion needs a note saying why", "note")


class ScreeningSchema(InputSchema):
    example = {
        "checks": [
            {"criterion": "registered_non_profit", "passed": True},
            {"criterion": "direct_assistance_to_victims", "passed": True},
            {"criterion": "experience_with_victims", "passed": True},
            {"criterion": "amount_within_limits", "passed": True},
            {"criterion": "duration_within_limits", "passed": True},
            {
                "criterion": "complete_application",
                "passed": False,
                "note": "The certificate of registration was not attached.",
            },
        ]
    }

    checks = fields.List(
        fields.Nested(CheckInSchema),
        required=True,
        validate=validate.Length(min=1, max=30),
        metadata={"description": "Exactly one entry per eligibility criterion of the call"},
    )


class FacetCodes(fields.List):
    """The codes of one facet of a proposal (its countries, target groups or kinds of assistance), sorted."""

    def __init__(self, facet: Facet, **kwargs: Any) -> None:
        self.facet = facet
        super().__init__(fields.String(), dump_only=True, **kwargs)

    def serialize(self, attr: str, obj: Any, accessor: Any = None, **kwargs: Any) -> list[str]:
        return sorted(obj.facet_codes(self.facet))


class CallBriefSchema(OutputSchema):
    id = fields.Integer()
    cycle_label = fields.String()
    status = fields.Enum(CallStatus, by_value=True)


class OrganisationBriefSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    acronym = fields.String(allow_none=True)
    country_code = fields.String()


class EligibilityCheckSchema(OutputSchema):
    criterion = fields.String()
    passed = fields.Boolean()
    note = fields.String(allow_none=True)
    checked_by_id = fields.Integer(allow_none=True)
    checked_at = fields.AwareDateTime()


class ProposalSchema(OutputSchema):
    id = fields.Integer()
    reference = fields.String(metadata={"example": "UNVTF/2/0042"})
    call = fields.Nested(CallBriefSchema)
    organisation = fields.Nested(OrganisationBriefSchema)
    title = fields.String()
    summary = fields.String()
    currency = fields.String()
    requested_amount = MoneyOut("requested_minor")
    duration_months = fields.Integer()
    countries = FacetCodes(Facet.COUNTRY)
    target_groups = FacetCodes(Facet.TARGET_GROUP)
    assistance = FacetCodes(Facet.ASSISTANCE)
    language = fields.String()
    status = fields.Enum(ProposalStatus, by_value=True)
    submitted_at = fields.AwareDateTime()
    withdrawn_reason = fields.String(allow_none=True)
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class ProposalDetailSchema(ProposalSchema):
    eligibility_checks = fields.List(fields.Nested(EligibilityCheckSchema), attribute="checks")
    budget = fields.List(
        fields.Nested(BudgetLineSchema),
        attribute="budget_lines",
        metadata={"description": "The budget by category, adding up to the requested amount; [] if none"},
    )


class ProposalQuerySchema(PageQuery):
    fund_id = QueryId(metadata={"description": "Only the fund's"})
    call_id = QueryId()
    status = fields.Enum(ProposalStatus, by_value=True)
    country = CountryCode()
    organisation_id = QueryId()
    target_group = fields.String(validate=validate.OneOf(TARGET_GROUPS))
    assistance = fields.String(validate=validate.OneOf(ASSISTANCE_KINDS))
    sort = sort_field(["submitted_at", "requested_amount", "title"], "submitted_at")


class SummaryQuerySchema(InputSchema):
    call_id = QueryId(required=True)


class CriterionFailuresSchema(OutputSchema):
    criterion = fields.String()
    failed = fields.Integer()


class EligibilitySummarySchema(OutputSchema):
    call_id = fields.Integer()
    received = fields.Integer(metadata={"description": "Proposals submitted to the call"})
    screened = fields.Integer(metadata={"description": "Proposals screened against every criterion"})
    eligible = fields.Integer()
    ineligible = fields.Integer()
    criteria = fields.List(
        fields.Nested(CriterionFailuresSchema),
        metadata={"description": "For each of the call's criteria, how many proposals failed it"},
    )
