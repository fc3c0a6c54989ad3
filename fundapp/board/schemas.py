"""The Board of Trustees: input, output and query schemas."""

import marshmallow as ma
from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..money import FUND_CURRENCY, format_minor
from ..schemas_base import (
    MONEY_OUT_PATTERN,
    Amount,
    CountryCode,
    Day,
    Flag,
    Id,
    InputSchema,
    MoneyOut,
    PageQuery,
    QueryFlag,
    QueryId,
    Text,
    sort_field,
)
from .models import APPOINTMENT_NOTES, ApprovalDecision, Decision, RecommendationStatus, SessionStatus
from .services import funded_total_minor

MAX_SLATE = 500
MONEY_OUT = {"type": "string", "pattern": MONEY_OUT_PATTERN, "example": "25000.00"}


def _dates_ordered(data, start="starts_on", end="ends_on"):
    starts_on, ends_on = data.get(start), data.get(end)
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise ma.ValidationError(f"must not be before {start}", end)


# --- terms and members -------------------------------------------------------------------


class TermCreateSchema(InputSchema):
    example = {
        "fund_id": 1,
        "label": "2020-2022",
        "starts_on": "2020-01-01",
        "ends_on": "2022-12-31",
        "appointed_on": "2019-12-02",
        "appointed_by": "the Secretary-General",
        "appointment_notes": ["new_board", "expertise"],
    }

    fund_id = Id(required=True)
    label = Text(required=True, max_length=20, metadata={"example": "2017-2020"})
    starts_on = Day(required=True)
    ends_on = Day(required=True)
    appointed_on = Day(allow_none=True)
    appointed_by = Text(max_length=100, allow_none=True, metadata={"example": "the Secretary-General"})
    appointment_notes = fields.List(
        fields.String(validate=validate.OneOf(APPOINTMENT_NOTES)),
        load_default=list,
        validate=validate.Length(max=len(APPOINTMENT_NOTES)),
        metadata={
            "description": "What the appointment said beyond its date, as the documents word it: "
            "`new_board` (a new Board), `high_level` (a high-level Board), `expertise` (its members "
            "chosen for their knowledge of the field)"
        },
    )

    @ma.validates_schema
    def _ordered(self, data, **kwargs):
        _dates_ordered(data)


class MemberCreateSchema(InputSchema):
    example = {
        "name": "Maria Grazia Giammarinaro",
        "country_code": "IT",
        "is_chair": True,
        "gender": "F",
        "email": "m.giammarinaro@trustees.example",
    }

    name = Text(required=True, max_length=200)
    country_code = CountryCode(allow_none=True)
    is_chair = Flag(load_default=False)
    gender = fields.String(
        allow_none=True,
        validate=validate.OneOf(["F", "M"]),
        metadata={"description": "For 'la Présidente' / 'le Président' in documents"},
    )
    email = fields.Email(
        allow_none=True,
        validate=validate.Length(max=254),
        metadata={"description": "Where the fund writes to the member; never published"},
    )


class MemberUpdateSchema(InputSchema):
    example = {"email": "chair@trustees.example"}

    email = fields.Email(
        required=True,
        allow_none=True,
        validate=validate.Length(max=254),
        metadata={"description": "Where the fund writes to the member (null: nowhere)"},
    )


class MemberSchema(OutputSchema):
    id = fields.Integer()
    term_id = fields.Integer()
    name = fields.String()
    country_code = fields.String(allow_none=True)
    is_chair = fields.Boolean()
    gender = fields.String(allow_none=True)


class MemberDetailSchema(MemberSchema):
    """A member with the e-mail address the fund writes to: for staff only, never in a term's list."""

    email = fields.String(allow_none=True)
    version = fields.Integer()


class PackNoticeSchema(OutputSchema):
    session_id = fields.Integer()
    queued = fields.Integer(
        metadata={
            "description": "E-mails written to the outbox now: one per member with an address not "
            "yet told (0 when all were, or when the fund does not send this kind)"
        }
    )


class TermSchema(OutputSchema):
    id = fields.Integer()
    fund_id = fields.Integer()
    label = fields.String()
    starts_on = Day()
    ends_on = Day()
    appointed_on = Day(allow_none=True)
    appointed_by = fields.String(allow_none=True)
    appointment_notes = fields.List(fields.String(validate=validate.OneOf(APPOINTMENT_NOTES)))
    members = fields.List(fields.Nested(MemberSchema))
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()


class TermQuerySchema(PageQuery):
    fund_id = QueryId()
    sort = sort_field(["starts_on", "label", "created_at"], "starts_on")


# --- sessions ----------------------------------------------------------------------------


class SessionCreateSchema(InputSchema):
    example = {
        "call_id": 4,
        "term_id": 3,
        "held_on": "2020-10-27",
        "place": "Vienna",
        "available_income": "950000.00",
    }

    call_id = Id(required=True)
    term_id = Id(allow_none=True)
    held_on = Day(required=True)
    place = Text(required=True, max_length=100, metadata={"example": "Vienna"})
    available_income = Amount(
        currency=FUND_CURRENCY,
        allow_zero=True,
        allow_none=True,
        metadata={
            "description": "USD the Board may recommend; default: what the fund may commit to new grants "
            "today, their programme support costs set aside"
        },
    )


class RecommendationBriefSchema(OutputSchema):
    id = fields.Integer()
    proposal_id = fields.Integer()
    decision = fields.Enum(Decision, by_value=True)
    currency = fields.String()
    amount = MoneyOut("amount_minor", allow_none=True)
    rank = fields.Integer(allow_none=True)
    rationale = fields.String()
    reserve_expires_on = Day(allow_none=True)
    status = fields.Enum(RecommendationStatus, by_value=True)
    recorded_by_id = fields.Integer(allow_none=True)
    created_at = fields.AwareDateTime()


class RecusalSchema(OutputSchema):
    """A member's declared conflict of interest on a proposal: the member takes no part in it."""

    proposal_id = fields.Integer()
    member_id = fields.Integer()
    member_name = fields.String(attribute="member.name")


class SessionSchema(OutputSchema):
    id = fields.Integer()
    fund_id = fields.Integer()
    call_id = fields.Integer()
    term_id = fields.Integer(allow_none=True)
    held_on = Day()
    place = fields.String()
    currency = fields.String()
    available_income = MoneyOut("available_income_minor")
    funded_total = fields.Method(
        "_funded_total",
        metadata={
            **MONEY_OUT,
            "description": "The session's fund recommendations, less those the fund manager rejected",
        },
    )
    remaining_income = fields.Method(
        "_remaining_income", metadata={**MONEY_OUT, "description": "available_income - funded_total"}
    )
    status = fields.Enum(SessionStatus, by_value=True)
    recommendations = fields.List(fields.Nested(RecommendationBriefSchema))
    recusals = fields.List(
        fields.Nested(RecusalSchema),
        metadata={"description": "The members who declared a conflict of interest, by proposal"},
    )
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()

    def _funded_total(self, obj):
        return format_minor(funded_total_minor(obj.recommendations), obj.currency)

    def _remaining_income(self, obj):
        remaining = obj.available_income_minor - funded_total_minor(obj.recommendations)
        return format_minor(remaining, obj.currency)


class SessionQuerySchema(PageQuery):
    fund_id = QueryId()
    call_id = QueryId()
    term_id = QueryId()
    status = fields.Enum(SessionStatus, by_value=True)
    sort = sort_field(["held_on", "created_at"], "-held_on")


# --- the slate ---------------------------------------------------------------------------


class SlateEntrySchema(InputSchema):
    proposal_id = Id(required=True)
    decision = fields.Enum(Decision, by_value=True, required=True)
    amount = Amount(
        currency=FUND_CURRENCY,
        allow_none=True,
        metadata={"description": "USD; required for fund, refused otherwise"},
    )
    rank = fields.Integer(strict=True, allow_none=True, validate=validate.Range(min=1, max=10_000))
    rationale = Text(required=True, max_length=4000, multiline=True)

    @ma.validates_schema
    def _amount_iff_fund(self, data, **kwargs):
        decision, amount = data.get("decision"), data.get("amount")
        if decision == Decision.FUND and amount is None:
            raise ma.ValidationError("required when the decision is fund", "amount")
        if decision is not None and decision != Decision.FUND and amount is not None:
            raise ma.ValidationError(f"only a fund decision carries an amount, not {decision}", "amount")


class SlateSchema(InputSchema):
    example = {
        "recommendations": [
            {
                "proposal_id": 412,
                "decision": "fund",
                "amount": "58000.00",
                "rank": 1,
                "rationale": "Meets an unmet need for specialised shelter and recovery; sound budget.",
            },
            {
                "proposal_id": 418,
                "decision": "reserve",
                "rank": 2,
                "rationale": "Strong project; to be funded if new contributions are received.",
            },
            {
                "proposal_id": 420,
                "decision": "decline",
                "rationale": "Awareness-raising only: the fund supports direct assistance to victims.",
            },
        ]
    }

    recommendations = fields.List(
        fields.Nested(SlateEntrySchema), required=True, validate=validate.Length(min=1, max=MAX_SLATE)
    )


# --- recommendations, approval, promotion ------------------------------------------------


class ProposalBriefSchema(OutputSchema):
    id = fields.Integer()
    reference = fields.String()
    title = fields.String()
    organisation_id = fields.Integer()
    organisation_name = fields.String(attribute="organisation.name")
    currency = fields.String()
    requested = MoneyOut("requested_minor")
    duration_months = fields.Integer()
    status = fields.String()


class ApprovalSchema(OutputSchema):
    id = fields.Integer()
    recommendation_id = fields.Integer()
    decision = fields.Enum(ApprovalDecision, by_value=True)
    currency = fields.String()
    amount = MoneyOut("amount_minor", allow_none=True)
    reason = fields.String(allow_none=True)
    approver_id = fields.Integer(allow_none=True)
    approver_name = fields.String()
    decided_at = fields.AwareDateTime()


class RecommendationSchema(RecommendationBriefSchema):
    session_id = fields.Integer()
    call_id = fields.Integer(attribute="session.call_id")
    held_on = Day(attribute="session.held_on")
    proposal = fields.Nested(ProposalBriefSchema)
    approvals = fields.List(fields.Nested(ApprovalSchema))


class RecommendationQuerySchema(PageQuery):
    fund_id = QueryId()
    session_id = QueryId()
    call_id = QueryId()
    proposal_id = QueryId()
    decision = fields.Enum(Decision, by_value=True)
    status = fields.Enum(RecommendationStatus, by_value=True)
    sort = sort_field(["id", "rank", "amount", "created_at"], "id")


class ApprovalCreateSchema(InputSchema):
    example = {
        "decision": "approved",
        "starts_on": "2021-01-01",
        "ends_on": "2022-12-31",
    }

    decision = fields.Enum(ApprovalDecision, by_value=True, required=True)
    reason = Text(max_length=4000, multiline=True, allow_none=True)
    starts_on = Day(
        allow_none=True, metadata={"description": "Grant start; default: the first of next month"}
    )
    ends_on = Day(allow_none=True, metadata={"description": "Grant end; default: start + duration"})

    @ma.validates_schema
    def _consistent(self, data, **kwargs):
        if data.get("decision") == ApprovalDecision.REJECTED:
            if not data.get("reason"):
                raise ma.ValidationError("a rejection needs a reason", "reason")
            for name in ("starts_on", "ends_on"):
                if data.get(name) is not None:
                    raise ma.ValidationError("only an approval sets the grant's dates", name)
        _dates_ordered(data)


class PromotionCreateSchema(InputSchema):
    example = {
        "amount": "45000.00",
        "reason": "New contributions from Germany and Qatar received in March 2021.",
        "starts_on": "2021-05-01",
        "ends_on": "2023-04-30",
    }

    amount = Amount(
        currency=FUND_CURRENCY,
        required=True,
        metadata={"description": "USD; at most the proposal's requested amount"},
    )
    reason = Text(max_length=4000, multiline=True, allow_none=True)
    starts_on = Day(allow_none=True)
    ends_on = Day(allow_none=True)

    @ma.validates_schema
    def _ordered(self, data, **kwargs):
        _dates_ordered(data)


class AwardedGrantSchema(OutputSchema):
    """The grant an approval or promotion created (the grants API has the full record)."""

    id = fields.Integer()
    agreement_number = fields.String()
    fund_id = fields.Integer()
    call_id = fields.Integer()
    proposal_id = fields.Integer()
    organisation_id = fields.Integer()
    approval_id = fields.Integer()
    currency = fields.String()
    amount = MoneyOut("amount_minor")
    approved_on = Day()
    starts_on = Day()
    ends_on = Day()
    country_code = fields.String()
    status = fields.String()


class DecisionOutcomeSchema(OutputSchema):
    """What a final decision did: the approval, the recommendation's new state, and any grant."""

    approval = fields.Nested(ApprovalSchema, required=True)
    recommendation = fields.Nested(RecommendationBriefSchema, required=True)
    proposal_status = fields.String(required=True)
    grant = fields.Nested(AwardedGrantSchema, allow_none=True)


# --- the Board's review ------------------------------------------------------------------


class ReviewCriterionCreateSchema(InputSchema):
    example = {
        "fund_id": 1,
        "name_en": "Direct assistance to victims",
        "name_fr": "Assistance directe aux victimes",
        "scale_min": 1,
        "scale_max": 5,
        "weight": 2,
    }

    fund_id = Id(required=True)
    name_en = Text(required=True, max_length=200, metadata={"example": "Relevance to the fund's mandate"})
    name_fr = Text(
        required=True, max_length=200, metadata={"example": "Pertinence au regard du mandat du Fonds"}
    )
    scale_min = fields.Integer(
        strict=True,
        load_default=1,
        validate=validate.Range(min=0, max=99),
        metadata={"description": "Lowest score"},
    )
    scale_max = fields.Integer(
        strict=True,
        load_default=5,
        validate=validate.Range(min=1, max=100),
        metadata={"description": "Highest score"},
    )
    weight = fields.Integer(
        strict=True,
        load_default=1,
        validate=validate.Range(min=1, max=100),
        metadata={"description": "How much the criterion counts in a proposal's weighted total"},
    )
    active = Flag(load_default=True, metadata={"description": "Asked for in new reviews"})

    @ma.validates_schema
    def _scale_ordered(self, data, **kwargs):
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and high <= low:
            raise ma.ValidationError("must be above scale_min", "scale_max")


class ReviewCriterionUpdateSchema(InputSchema):
    """What may change of a criterion, each field optional: not its fund."""

    example = {"weight": 3, "active": False}

    name_en = Text(max_length=200)
    name_fr = Text(max_length=200)
    scale_min = fields.Integer(strict=True, validate=validate.Range(min=0, max=99))
    scale_max = fields.Integer(strict=True, validate=validate.Range(min=1, max=100))
    weight = fields.Integer(strict=True, validate=validate.Range(min=1, max=100))
    active = Flag()


class ReviewCriterionSchema(OutputSchema):
    id = fields.Integer()
    fund_id = fields.Integer()
    name_en = fields.String()
    name_fr = fields.String()
    scale_min = fields.Integer()
    scale_max = fields.Integer()
    weight = fields.Integer()
    active = fields.Boolean()
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class ReviewCriterionQuerySchema(PageQuery):
    fund_id = QueryId()
    active = QueryFlag(
        metadata={"description": "Only the criteria asked for in new reviews (true), or retired ones"}
    )
    sort = sort_field(["id", "name_en"], "id")


class ReviewScoreSchema(InputSchema):
    criterion_id = Id(required=True)
    score = fields.Integer(strict=True, required=True, metadata={"description": "On the criterion's scale"})


class ReviewContentSchema(InputSchema):
    """What a member says of a proposal: scores, a recommendation and a comment, or a conflict."""

    example = {
        "scores": [{"criterion_id": 1, "score": 4}, {"criterion_id": 2, "score": 5}],
        "recommendation": "fund",
        "comment": "Experienced shelter; the budget for legal aid is modest but realistic.",
    }

    conflict_of_interest = Flag(
        load_default=False,
        metadata={
            "description": "The member declares a conflict of interest (final): no scores, no "
            "recommendation, and no sight of the others' reviews of this proposal"
        },
    )
    recommendation = fields.Enum(
        Decision, by_value=True, allow_none=True, metadata={"description": "Required unless a conflict"}
    )
    comment = Text(max_length=4000, multiline=True, allow_none=True)
    scores = fields.List(
        fields.Nested(ReviewScoreSchema),
        load_default=list,
        validate=validate.Length(max=50),
        metadata={"description": "One score on each active criterion of the fund; none with a conflict"},
    )

    @ma.validates_schema
    def _review_or_conflict(self, data, **kwargs):
        if data.get("conflict_of_interest"):
            if data.get("scores"):
                raise ma.ValidationError("a declared conflict of interest carries no scores", "scores")
            if data.get("recommendation") is not None:
                raise ma.ValidationError(
                    "a declared conflict of interest carries no recommendation", "recommendation"
                )
        elif data.get("recommendation") is None:
            raise ma.ValidationError("required unless conflict_of_interest is true", "recommendation")


class ReviewCreateSchema(ReviewContentSchema):
    example = {"proposal_id": 412, **ReviewContentSchema.example}

    proposal_id = Id(required=True)


class ReviewScoreOutSchema(OutputSchema):
    criterion_id = fields.Integer()
    score = fields.Integer()


class ReviewSchema(OutputSchema):
    id = fields.Integer()
    session_id = fields.Integer()
    proposal_id = fields.Integer()
    member_id = fields.Integer()
    member_name = fields.String(attribute="member.name")
    conflict_of_interest = fields.Boolean()
    recommendation = fields.String(
        allow_none=True, metadata={"description": "fund, reserve or decline; null for a declared conflict"}
    )
    comment = fields.String(allow_none=True)
    scores = fields.List(fields.Nested(ReviewScoreOutSchema))
    recorded_by_id = fields.Integer()
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class ReviewQuerySchema(PageQuery):
    proposal_id = QueryId()
    member_id = QueryId(metadata={"description": "Only this Board member's reviews"})
    conflict_of_interest = QueryFlag(
        metadata={"description": "Only declared conflicts (true), or only reviews (false)"}
    )
    sort = sort_field(["id", "proposal_id"], "id")
