"""Grants, conditions, disbursements and grantee reports: input, output and query schemas."""

import marshmallow as ma
from marshmallow import fields, validate

from ..auth.schemas import AuditEventSchema
from ..dumping import OutputSchema
from ..funds.models import ASSISTANCE_KINDS
from ..funds.schemas import BudgetLineInSchema, BudgetLineSchema
from ..schemas_base import (
    Amount,
    CountryCode,
    Day,
    Id,
    InputSchema,
    MoneyOut,
    PageQuery,
    QueryId,
    Text,
    sort_field,
)
from .models import (
    AgeGroup,
    AmendmentKind,
    AmendmentStatus,
    DisbursementStatus,
    GrantStatus,
    ReportKind,
    ReportNature,
    ReportStatus,
    Sex,
)
from .services import is_overdue, people_errors

YEAR = validate.Range(min=2000, max=2100)
#: At most one row per (sex, age group, kind of assistance).
#: At most one row per category of a breakdown (nationalities: a generous bound on the countries
#: a project's people can come from).
MAX_NATIONALITY_ROWS = 100
#: A bound on a budget's lines (one per category of the fund).
MAX_BUDGET_LINES = 50


# --- input -------------------------------------------------------------------------------


class ConditionCreateSchema(InputSchema):
    example = {
        "description": "Revised budget received and approved",
        "description_fr": "Budget révisé reçu et approuvé",
    }

    description = Text(
        required=True, max_length=500, metadata={"example": "Revised budget received and approved"}
    )
    description_fr = Text(
        max_length=500,
        allow_none=True,
        metadata={
            "example": "Budget révisé reçu et approuvé",
            "description": "The condition in French, for the French letters; without it they print the "
            "English marked as such",
        },
    )


class ConditionMetSchema(InputSchema):
    example = {
        "met_on": "2021-02-10",
        "note": "Revised budget of 8 February 2021 approved by the fund manager.",
    }

    met_on = Day(required=True)
    note = Text(max_length=2000, multiline=True, allow_none=True)


class DisbursementCreateSchema(InputSchema):
    example = {
        "planned_on": "2021-02-15",
        "amount": "29000.00",
    }

    planned_on = Day(required=True)
    amount = Amount(required=True, metadata={"example": "20000.00"})


class PaymentSchema(InputSchema):
    example = {
        "paid_on": "2021-02-18",
        "amount": "29000.00",
    }

    paid_on = Day(required=True)
    amount = Amount(
        required=True, metadata={"description": "Amount paid, in USD; at most the tranche's planned amount"}
    )


class PaymentCancellationSchema(InputSchema):
    example = {
        "cancelled_on": "2021-03-02",
        "reason": "Returned by the grantee's bank: account closed",
    }

    cancelled_on = Day(
        required=True,
        metadata={
            "description": "The day the payment was returned or found in error; not before it was paid"
        },
    )
    reason = Text(
        required=True,
        max_length=2000,
        multiline=True,
        metadata={"example": "Returned by the grantee's bank: account closed"},
    )


class RefundCreateSchema(InputSchema):
    example = {
        "amount": "1250.00",
        "received_on": "2023-02-15",
        "reason": "Unspent balance returned with the final financial report",
    }

    amount = Amount(
        required=True,
        metadata={
            "description": "Amount returned, in USD; at most what the grant has been paid, net",
            "example": "1250.00",
        },
    )
    received_on = Day(required=True)
    reason = Text(
        required=True,
        max_length=2000,
        multiline=True,
        metadata={"example": "Unspent balance returned with the final financial report"},
    )


class AmendmentCreateSchema(InputSchema):
    example = {
        "kind": "decrease",
        "amount": "45000.00",
        "reason": "Reduced to the available income on the Board's advice of 12 April 2021.",
        "requested_on": "2021-04-20",
    }

    kind = fields.Enum(
        AmendmentKind,
        by_value=True,
        metadata={
            "description": "extension (a new end date, the amount unchanged), increase or decrease (a new "
            "amount); may be left out: ends_on makes an extension, an amount an increase or a decrease"
        },
    )
    amount = Amount(
        metadata={
            "description": "An increase's or a decrease's new total amount, in USD",
            "example": "45000.00",
        },
    )
    ends_on = Day(metadata={"description": "An extension's new end date, after the grant's end"})
    reason = Text(required=True, max_length=2000, multiline=True)
    requested_on = Day(
        metadata={"description": "The day the change was asked for; today (UTC) by default, never later"}
    )


class AmendmentDecisionSchema(InputSchema):
    example = {
        "decision": "approved",
        "decided_on": "2021-04-27",
    }

    decision = fields.String(
        required=True,
        validate=validate.OneOf([AmendmentStatus.APPROVED.value, AmendmentStatus.REJECTED.value]),
        metadata={"description": "approved (the grant changes now) or rejected (with a reason)"},
    )
    decided_on = Day(required=True, metadata={"description": "Not before the request, nor in the future"})
    reason = Text(max_length=2000, multiline=True, allow_none=True)

    @ma.validates_schema
    def _a_rejection_says_why(self, data, **kwargs):
        if data.get("decision") == AmendmentStatus.REJECTED and not data.get("reason"):
            raise ma.ValidationError("a rejection needs a reason", "reason")


class ReportCreateSchema(InputSchema):
    example = {
        "kind": "interim",
        "nature": "narrative",
        "due_on": "2021-12-31",
    }

    kind = fields.Enum(ReportKind, by_value=True, required=True)
    nature = fields.Enum(ReportNature, by_value=True, required=True)
    due_on = Day(required=True)


PEOPLE = fields.Integer(required=True, strict=True, validate=validate.Range(min=0, max=10_000_000))


class PeopleBySexAndAgeSchema(InputSchema):
    sex = fields.Enum(Sex, by_value=True, required=True)
    age_group = fields.Enum(AgeGroup, by_value=True, required=True)
    people = PEOPLE


class PeopleByNationalitySchema(InputSchema):
    country_code = CountryCode(required=True)
    people = PEOPLE


class PeopleByAssistanceSchema(InputSchema):
    assistance = fields.String(required=True, validate=validate.OneOf(ASSISTANCE_KINDS))
    people = PEOPLE


class ExpenditureInSchema(InputSchema):
    category_id = Id(required=True)
    amount = Amount(currency="USD", allow_zero=True, required=True, metadata={"example": "11250.00"})


class ReportReceiptSchema(InputSchema):
    example = {
        "received_on": "2022-01-14",
        "people_assisted": 162,
        "people_by_sex_and_age": [
            {"sex": "female", "age_group": "adult", "people": 98},
            {"sex": "female", "age_group": "child", "people": 41},
            {"sex": "male", "age_group": "adult", "people": 23},
        ],
        "people_by_nationality": [
            {"country_code": "NG", "people": 120},
            {"country_code": "GH", "people": 30},
        ],
        "people_by_assistance": [
            {"assistance": "shelter", "people": 91},
            {"assistance": "medical", "people": 71},
        ],
    }

    received_on = Day(required=True)
    people_assisted = fields.Integer(
        strict=True,
        allow_none=True,
        load_default=None,
        validate=validate.Range(min=0, max=10_000_000),
        metadata={
            "description": "The people the project assisted, each person counted once whatever help "
            "they had; leave it out for a report that counts no people (a financial report)"
        },
    )
    people_by_sex_and_age = fields.List(
        fields.Nested(PeopleBySexAndAgeSchema),
        load_default=list,
        validate=validate.Length(max=len(Sex) * len(AgeGroup)),
        metadata={
            "description": "Of the people assisted, how many of each sex and age group (at most the total)"
        },
    )
    people_by_nationality = fields.List(
        fields.Nested(PeopleByNationalitySchema),
        load_default=list,
        validate=validate.Length(max=MAX_NATIONALITY_ROWS),
        metadata={"description": "Of the people assisted, how many of each nationality, where known"},
    )
    people_by_assistance = fields.List(
        fields.Nested(PeopleByAssistanceSchema),
        load_default=list,
        validate=validate.Length(max=len(ASSISTANCE_KINDS)),
        metadata={
            "description": "Of the people assisted, how many had each kind of assistance as the main "
            "help they were given (each person under one kind, so at most the total)"
        },
    )

    expenditure = fields.List(
        fields.Nested(ExpenditureInSchema),
        load_default=list,
        validate=validate.Length(max=MAX_BUDGET_LINES),
        metadata={
            "description": "A financial report's: what was spent in its period under each line of the "
            "grant's budget (by category id); over the reports received, each line's within its amount"
        },
    )

    @ma.validates_schema
    def _each_breakdown_counts_people_once(self, data, **kwargs):
        errors = people_errors(data)
        if errors:
            raise ma.ValidationError(errors)


class ReturnSchema(InputSchema):
    example = {
        "note": "The financial statement does not match the budget lines: please send it by budget line.",
    }

    note = Text(required=True, max_length=2000, multiline=True)


# --- output ------------------------------------------------------------------------------


class OrganisationRefSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    country_code = fields.String()


class CallRefSchema(OutputSchema):
    id = fields.Integer()
    cycle_label = fields.String()
    title = fields.String()


class GrantSchema(OutputSchema):
    id = fields.Integer()
    agreement_number = fields.String()
    fund_id = fields.Integer()
    proposal_id = fields.Integer()
    call = fields.Nested(CallRefSchema)
    organisation = fields.Nested(OrganisationRefSchema)
    country_code = fields.String()
    currency = fields.String()
    amount = MoneyOut("amount_minor")
    disbursed = MoneyOut(
        "disbursed_minor",
        metadata={
            "description": "What the grant was paid, net of cancelled payments and refunds (the books)"
        },
    )
    approved_on = Day()
    starts_on = Day()
    ends_on = Day()
    status = fields.Enum(GrantStatus, by_value=True)
    status_reason = fields.String(allow_none=True)
    ended_on = Day(
        allow_none=True,
        metadata={"description": "The day it was closed or terminated (null while open, or not recorded)"},
    )
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class ConditionSchema(OutputSchema):
    id = fields.Integer()
    grant_id = fields.Integer()
    description = fields.String()
    description_fr = fields.String(allow_none=True)
    met = fields.Function(lambda condition: condition.met_on is not None, metadata={"type": "boolean"})
    met_on = Day(allow_none=True)
    note = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class DisbursementSchema(OutputSchema):
    id = fields.Integer()
    grant_id = fields.Integer()
    tranche = fields.Integer()
    currency = fields.String()
    planned_on = Day()
    amount = MoneyOut("amount_minor", metadata={"description": "Planned amount"})
    status = fields.Enum(DisbursementStatus, by_value=True)
    paid_on = Day(allow_none=True)
    paid = MoneyOut("paid_minor", allow_none=True)
    cancellation_reason = fields.String(allow_none=True)
    payment_cancelled_on = Day(allow_none=True)
    payment_cancellation_reason = fields.String(allow_none=True)
    payment_cancellation_released = fields.Boolean(
        allow_none=True,
        metadata={"description": "The grant had ended: cancelling the payment also released its commitment"},
    )
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class RefundSchema(OutputSchema):
    id = fields.Integer()
    grant_id = fields.Integer()
    currency = fields.String()
    amount = MoneyOut("amount_minor")
    received_on = Day()
    reason = fields.String()
    released_commitment = fields.Boolean(
        metadata={"description": "The grant had ended: the refund also released as much of its commitment"}
    )
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class AmendmentSchema(OutputSchema):
    id = fields.Integer()
    grant_id = fields.Integer()
    kind = fields.Enum(AmendmentKind, by_value=True)
    status = fields.Enum(AmendmentStatus, by_value=True)
    currency = fields.String()
    previous = MoneyOut("previous_minor", metadata={"description": "The grant's amount when requested"})
    amount = MoneyOut(
        "amount_minor",
        metadata={"description": "The grant's amount once approved (an extension's: unchanged)"},
    )
    previous_ends_on = Day(
        allow_none=True, metadata={"description": "An extension's: the grant's end before"}
    )
    ends_on = Day(allow_none=True, metadata={"description": "An extension's: the grant's new end"})
    reason = fields.String()
    requested_on = Day()
    decided_on = Day(
        allow_none=True, metadata={"description": "The approver's decision; null while requested"}
    )
    decision_note = fields.String(allow_none=True, metadata={"description": "Why it was rejected, or a note"})
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class PeopleBySexAndAgeOutSchema(OutputSchema):
    sex = fields.Enum(Sex, by_value=True)
    age_group = fields.Enum(AgeGroup, by_value=True)
    people = fields.Integer()


class PeopleByNationalityOutSchema(OutputSchema):
    country_code = fields.String()
    people = fields.Integer()


class PeopleByAssistanceOutSchema(OutputSchema):
    assistance = fields.String()
    people = fields.Integer()


class ExpenditureSchema(OutputSchema):
    category_id = fields.Integer()
    amount = MoneyOut("amount_minor")


class GrantReportSchema(OutputSchema):
    id = fields.Integer()
    grant_id = fields.Integer()
    kind = fields.Enum(ReportKind, by_value=True)
    nature = fields.Enum(ReportNature, by_value=True)
    due_on = Day()
    received_on = Day(allow_none=True)
    status = fields.Enum(ReportStatus, by_value=True)
    overdue = fields.Function(
        is_overdue,
        metadata={"type": "boolean", "description": "Due before today and not received or accepted"},
    )
    review_note = fields.String(allow_none=True)
    people_assisted = fields.Integer(
        allow_none=True,
        metadata={"description": "The people the project assisted, each counted once; null if none stated"},
    )
    people_by_sex_and_age = fields.List(
        fields.Nested(PeopleBySexAndAgeOutSchema),
        metadata={"description": "Of the people assisted, how many of each sex and age group"},
    )
    people_by_nationality = fields.List(
        fields.Nested(PeopleByNationalityOutSchema),
        metadata={"description": "Of the people assisted, how many of each nationality, where known"},
    )
    people_by_assistance = fields.List(
        fields.Nested(PeopleByAssistanceOutSchema),
        metadata={
            "description": "Of the people assisted, how many had each kind of assistance as their main help"
        },
    )
    expenditure = fields.List(
        fields.Nested(ExpenditureSchema),
        metadata={"description": "A financial report's: what it says was spent under each budget line"},
    )
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class GrantBudgetLineSchema(BudgetLineSchema):
    spent = MoneyOut(
        "spent_minor", metadata={"description": "What the financial reports received say was spent under it"}
    )


class GrantBudgetViewSchema(OutputSchema):
    """A grant's budget as GET /grants/{id}/budget reads it (the fields of the grant's detail)."""

    grant_id = fields.Integer(attribute="id")
    currency = fields.String()
    amount = MoneyOut("amount_minor")
    budget = fields.List(fields.Nested(GrantBudgetLineSchema), attribute="budget_lines")
    spent = MoneyOut("spent_minor")
    refund_due = MoneyOut("refund_due_minor", allow_none=True)
    version = fields.Integer()


class GrantDetailSchema(GrantSchema):
    scheduled = MoneyOut(
        "scheduled_minor",
        metadata={
            "description": "Tranches planned at their amount and paid ones as paid (cancelled tranches "
            "and cancelled payments count nothing)"
        },
    )
    conditions = fields.List(fields.Nested(ConditionSchema))
    disbursements = fields.List(fields.Nested(DisbursementSchema))
    reports = fields.List(fields.Nested(GrantReportSchema))
    refunds = fields.List(fields.Nested(RefundSchema))
    amendments = fields.List(fields.Nested(AmendmentSchema))
    budget = fields.List(
        fields.Nested(GrantBudgetLineSchema),
        attribute="budget_lines",
        metadata={
            "description": "The budget by category: the proposal's at the award, revised since; its lines "
            "add up to the amount before a tranche is paid. [] if the grant has none"
        },
    )
    spent = MoneyOut(
        "spent_minor", metadata={"description": "What the financial reports received say was spent, in all"}
    )
    refund_due = MoneyOut(
        "refund_due_minor",
        allow_none=True,
        metadata={
            "description": "Once the grant has ended: what it was paid, net of refunds (the books), less "
            "what its financial reports say it spent, never below zero. Null while open, or if no report "
            "states expenditure"
        },
    )


# --- queries -----------------------------------------------------------------------------


class GrantQuerySchema(PageQuery):
    fund_id = QueryId(metadata={"description": "Only the fund's"})
    call_id = QueryId()
    country = CountryCode()
    organisation_id = QueryId()
    status = fields.Enum(GrantStatus, by_value=True)
    approved_year = fields.Integer(validate=YEAR, metadata={"description": "Year the grant was approved"})
    sort = sort_field(["approved_on", "amount", "agreement_number"], "-approved_on")


class DisbursementQuerySchema(PageQuery):
    fund_id = QueryId(metadata={"description": "Only the fund's"})
    grant_id = QueryId()
    call_id = QueryId()
    status = fields.Enum(DisbursementStatus, by_value=True)
    paid_year = fields.Integer(validate=YEAR, metadata={"description": "Year the tranche was paid"})
    sort = sort_field(["planned_on", "paid_on", "amount"], "planned_on")


class GrantReportQuerySchema(PageQuery):
    fund_id = QueryId(metadata={"description": "Only the fund's"})
    grant_id = QueryId()
    status = fields.Enum(ReportStatus, by_value=True)
    kind = fields.Enum(ReportKind, by_value=True)
    overdue = fields.Boolean(
        metadata={"description": "true: due before today and not received or accepted; false: the others"}
    )
    sort = sort_field(["due_on"], "due_on")


class AmendmentQuerySchema(PageQuery):
    grant_id = QueryId()
    status = fields.Enum(AmendmentStatus, by_value=True)
    kind = fields.Enum(AmendmentKind, by_value=True)
    sort = sort_field(["requested_on"], "requested_on")


class GrantBudgetSchema(InputSchema):
    example = {
        "budget": [
            {"category_id": 1, "amount": "30000.00"},
            {"category_id": 2, "amount": "12000.00"},
            {"category_id": 5, "amount": "3000.00"},
        ]
    }

    budget = fields.List(
        fields.Nested(BudgetLineInSchema),
        required=True,
        validate=validate.Length(min=1, max=MAX_BUDGET_LINES),
        metadata={"description": "The lines by category of the fund, adding up to the grant's amount"},
    )


class GrantHistoryQuerySchema(PageQuery):
    sort = sort_field(["occurred_at"], "occurred_at")


class GrantHistoryEventSchema(AuditEventSchema):
    """An audit event of a grant or of one of its records, amounts as decimal strings."""

    before = fields.Dict(
        allow_none=True,
        metadata={"description": "The record before; amounts as decimal strings (amount, paid, previous...)"},
    )
    after = fields.Dict(allow_none=True, metadata={"description": "The record after, amounts as above"})
