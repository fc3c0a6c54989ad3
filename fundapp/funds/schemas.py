"""The fund: output schemas for funds and their position, and the query schemas."""

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..money import FUND_CURRENCY
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
from .models import (
    ASSISTANCE_KINDS,
    FUND_LANGUAGES,
    MANDATE_GROUPS,
    REPORT_NATURES,
    SDG_TARGETS,
    percent_of_bp,
)

PERCENT = {"type": "string", "pattern": r"^[0-9]{1,3}\.[0-9]{2}$", "example": "7.00"}
SUPPORT_RATE = {
    **PERCENT,
    "example": "13.00",
    "description": "The share of each commitment the fund sets aside for programme support costs, "
    "in per cent",
}


def indirect_cost_cap_field() -> fields.Function:
    """A fund's cap on indirect costs as the API writes it: "7.00" (per cent), or null."""
    return fields.Function(
        lambda fund: None if fund.indirect_cost_cap_bp is None else percent_of_bp(fund.indirect_cost_cap_bp),
        allow_none=True,
        metadata={
            **PERCENT,
            "nullable": True,
            "description": "The most a budget may put in indirect costs, in per cent of its total; "
            "null: no cap",
        },
    )


def criteria_field(**kwargs: Any) -> fields.List:
    """A list of eligibility criteria, as codes ("registered_non_profit"): a call's or a fund's."""
    return fields.List(
        fields.String(validate=[validate.Length(min=1, max=40), Matches(r"^[a-z][a-z0-9_]*$")]),
        validate=validate.Length(min=1, max=30),
        **kwargs,
    )


def _natures(description: str) -> fields.List:
    return fields.List(
        fields.String(validate=validate.OneOf(REPORT_NATURES)),
        validate=[validate.Length(min=1, max=len(REPORT_NATURES)), _distinct],
        load_default=lambda: list(REPORT_NATURES),
        metadata={"description": description, "example": list(REPORT_NATURES)},
    )


def _distinct(values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise ma.ValidationError("must not name a nature twice")


class ReportingRulesSchema(InputSchema):
    """The reports the fund expects of each grant, scheduled when the grant is awarded."""

    example = {"interim_every_months": 6, "interim_due_days": 15, "final_due_days": 60}

    final_due_days = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=0, max=365),
        metadata={"description": "Days after the grant ends that its final reports are due"},
    )
    final_natures = _natures("The final reports expected: narrative, financial or both")
    interim_every_months = fields.Integer(
        strict=True,
        allow_none=True,
        load_default=None,
        validate=validate.Range(min=1, max=60),
        metadata={
            "description": "An interim report for every this many months of the grant while it runs; "
            "null: no interim report"
        },
    )
    interim_due_days = fields.Integer(
        strict=True,
        load_default=30,
        validate=validate.Range(min=0, max=365),
        metadata={"description": "Days after the period an interim report covers that it is due"},
    )
    interim_natures = _natures("The interim reports expected: narrative, financial or both")

    @ma.validates_schema
    def _whole(self, data: dict[str, Any], **kwargs: Any) -> None:
        """The rules are replaced whole, also in a fund's partial change (PATCH)."""
        if "final_due_days" not in data:
            raise ma.ValidationError("Missing data for required field.", "final_due_days")


class ReportingRulesOutSchema(OutputSchema):
    final_due_days = fields.Integer()
    final_natures = fields.List(fields.String())
    interim_every_months = fields.Integer(allow_none=True)
    interim_due_days = fields.Integer()
    interim_natures = fields.List(fields.String())


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
    programme_support_rate = fields.String(metadata=SUPPORT_RATE)
    mandate = fields.Dict(
        allow_none=True,
        metadata={
            "description": "What the fund is for: resolution, instrument_en/fr, purpose_en/fr, "
            "victims_en/fr, cause_en/fr, expertise_en/fr, approver_en/fr, sdg_targets, assistance, groups"
        },
    )
    indirect_cost_cap = indirect_cost_cap_field()
    eligibility_criteria = fields.List(
        fields.String(),
        attribute="criteria",
        metadata={"description": "The criteria the fund's calls screen against unless they name their own"},
    )
    grant_floor = MoneyOut(
        "grant_floor_minor",
        allow_none=True,
        metadata={"description": "The least a grant of the fund may be; null: no floor of the fund's"},
    )
    grant_ceiling = MoneyOut(
        "grant_ceiling_minor",
        allow_none=True,
        metadata={"description": "The most a grant of the fund may be; null: no ceiling of the fund's"},
    )
    max_duration_months = fields.Integer(
        allow_none=True,
        metadata={"description": "The longest a grant of the fund may run; null: no limit of the fund's"},
    )
    reporting = fields.Nested(
        ReportingRulesOutSchema,
        allow_none=True,
        metadata={"description": "The reports each new grant is expected to send; null: scheduled by hand"},
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
        metadata={"description": "Received and not committed to grants (received - committed)"},
    )
    programme_support_rate = fields.Method("_support_rate", metadata=SUPPORT_RATE)
    programme_support_costs = MoneyOut(
        "support_costs_minor",
        metadata={
            "description": "Set aside for the programme support costs of what is committed "
            "(committed x programme_support_rate, to the cent)"
        },
    )
    available = MoneyOut(
        "available_minor",
        metadata={"description": "What new grants may use: received - committed - programme_support_costs"},
    )
    grantable = MoneyOut(
        "grantable_minor",
        metadata={
            "description": "The most new grants may commit, their own programme support costs set "
            "aside from available: a Board session's available income by default"
        },
    )
    pledges_by_currency = fields.List(fields.Nested(PledgeCurrencySchema))
    unconverted_currencies = fields.List(
        fields.String(),
        metadata={
            "description": "Currencies with outstanding pledges but no exchange rate on or before as_of; "
            "those outstanding amounts are left out of pledged and outstanding_pledges"
        },
    )

    def _support_rate(self, obj: dict[str, Any]) -> str:
        return percent_of_bp(obj["programme_support_bp"])


SUPPORT_PERCENT = r"^(?:[0-9]|1[0-9]|2[0-4])(?:\.[0-9]{1,2})?$|^25(?:\.00?)?$"


class MandateSchema(InputSchema):
    """What the fund is for, as its reports state it (the fund's chapter says it)."""

    resolution = Text(
        max_length=20,
        validate=validate.Regexp(
            r"^[0-9]{1,3}/[0-9]{1,4}$", error="a General Assembly resolution, as 64/293"
        ),
        metadata={"example": "64/293"},
    )
    instrument_en = Text(max_length=300, metadata={"example": "United Nations Global Plan of Action"})
    instrument_fr = Text(max_length=300, metadata={"example": "Plan d’action mondial des Nations Unies"})
    purpose_en = Text(
        max_length=300,
        metadata={
            "example": "direct assistance to victims of torture and their families",
            "description": 'What the documents say the fund supports: "the Fund supports <purpose>"',
        },
    )
    purpose_fr = Text(max_length=300, metadata={"example": "l’assistance directe aux victimes de la torture"})
    victims_en = Text(
        max_length=120,
        metadata={"example": "victims of torture", "description": "Whom the fund's grantees assist"},
    )
    victims_fr = Text(max_length=120, metadata={"example": "victimes de la torture"})
    cause_en = Text(
        max_length=120,
        metadata={
            "example": "torture",
            "description": "What the fund's work is part of the global fight against",
        },
    )
    cause_fr = Text(max_length=120, metadata={"example": "la torture"})
    expertise_en = Text(
        max_length=120,
        metadata={
            "example": "human rights",
            "description": "The field of the Board members' knowledge, where an appointment says it: "
            '"taking into account each member\'s knowledge of <expertise>"',
        },
    )
    expertise_fr = Text(
        max_length=120,
        metadata={
            "example": "des droits de l’homme",
            "description": 'As it follows "dans le domaine": "de la traite de personnes", "des droits '
            'de l’homme"',
        },
    )
    approver_en = Text(
        max_length=200,
        metadata={
            "example": "the United Nations High Commissioner for Human Rights, on behalf of the "
            "Secretary-General",
            "description": "Who gives final approval to the Board's recommendations, where it is not the "
            'administrator as Fund manager: "final approval ... was given by <approver>"',
        },
    )
    approver_fr = Text(
        max_length=200,
        metadata={
            "example": "la Haute-Commissaire des Nations Unies aux droits de l’homme, au nom du "
            "Secrétaire général"
        },
    )
    sdg_targets = fields.List(
        fields.String(validate=validate.OneOf(SDG_TARGETS)),
        validate=validate.Length(max=len(SDG_TARGETS)),
        metadata={
            "example": ["16.3"],
            "description": "The SDG targets every grant of the fund serves, in its open data (IATI tags; "
            "5.2 and 16.2 are added for grants to women and girls, and to children)",
        },
    )
    assistance = fields.List(
        fields.String(validate=validate.OneOf(ASSISTANCE_KINDS)),
        validate=validate.Length(max=len(ASSISTANCE_KINDS)),
        metadata={
            "description": "The kinds of assistance the fund funds, in the order its reports name them"
        },
    )
    groups = fields.List(
        fields.String(validate=validate.OneOf(MANDATE_GROUPS)),
        validate=validate.Length(max=len(MANDATE_GROUPS)),
        metadata={"description": "Those its mandate puts first"},
    )


class FundCreateSchema(InputSchema):
    """A new fund: its names, who administers it, when it was created and how it keeps its books."""

    example = {
        "code": "UNVFVT",
        "name_en": "United Nations Voluntary Fund for Victims of Torture",
        "name_fr": "Fonds de contributions volontaires des Nations Unies pour les victimes de la torture",
        "short_name": "UNVFVT",
        "administrator": "OHCHR",
        "established_on": "1981-12-16",
        "languages": ["en", "fr", "es"],
        "programme_support_rate": "13.00",
        "mandate": {
            "resolution": "36/151",
            "assistance": ["medical", "psychological_recovery"],
            "groups": [],
        },
        "grant_floor": "5000.00",
        "grant_ceiling": "50000.00",
        "max_duration_months": 12,
        "reporting": {"final_due_days": 60, "final_natures": ["narrative", "financial"]},
    }

    code = Text(
        required=True,
        max_length=20,
        validate=validate.Regexp(
            r"^[A-Z][A-Z0-9-]{1,19}$", error="capital letters, digits and hyphens, as UNVTF"
        ),
        metadata={"example": "UNVFVT", "description": "The fund's code: it begins its documents' symbols"},
    )
    name_en = Text(required=True, max_length=300)
    name_fr = Text(required=True, max_length=300)
    short_name = Text(required=True, max_length=40, metadata={"example": "UNVFVT"})
    administrator = Text(required=True, max_length=100, metadata={"example": "OHCHR"})
    established_on = Day(required=True)
    languages = fields.List(
        fields.String(validate=validate.OneOf(FUND_LANGUAGES)),
        validate=validate.Length(min=1, max=len(FUND_LANGUAGES)),
        metadata={"description": "The languages the fund writes in; English and French when not given"},
    )
    programme_support_rate = fields.String(
        validate=validate.Regexp(
            SUPPORT_PERCENT, error="a percentage from 0 to 25, at most two decimals, as 13.00"
        ),
        metadata={**SUPPORT_RATE, "pattern": SUPPORT_PERCENT},
    )
    mandate = fields.Nested(MandateSchema)
    eligibility_criteria = criteria_field(
        allow_none=True,
        metadata={
            "description": "The criteria the fund's calls screen against unless they name their own; "
            "null: the defaults",
            "example": ["registered_non_profit", "direct_assistance_to_victims", "complete_application"],
        },
    )
    grant_floor = Amount(
        currency=FUND_CURRENCY,
        allow_none=True,
        metadata={"description": "The least a grant of the fund may be; its calls may not go below it"},
    )
    grant_ceiling = Amount(
        currency=FUND_CURRENCY,
        allow_none=True,
        metadata={"description": "The most a grant of the fund may be; its calls may not go above it"},
    )
    max_duration_months = fields.Integer(
        strict=True,
        allow_none=True,
        validate=validate.Range(min=1, max=120),
        metadata={"description": "The longest a grant of the fund may run; its calls may not allow more"},
    )
    reporting = fields.Nested(
        ReportingRulesSchema,
        allow_none=True,
        metadata={"description": "The reports each new grant is expected to send; null: scheduled by hand"},
    )

    @ma.validates_schema
    def _floor_below_ceiling(self, data: dict[str, Any], **kwargs: Any) -> None:
        floor, ceiling = data.get("grant_floor"), data.get("grant_ceiling")
        if floor is not None and ceiling is not None and floor > ceiling:
            raise ma.ValidationError("must not be below grant_floor", "grant_ceiling")


class FundUpdateSchema(FundCreateSchema):
    """A fund's settings, any of them (its code, which its documents' symbols carry, stays)."""

    example = {"programme_support_rate": "7.00", "languages": ["en", "fr"]}

    class Meta:
        exclude = ("code",)


class BudgetRulesOutSchema(OutputSchema):
    """How the fund's budgets are drawn up."""

    fund_id = fields.Integer(attribute="id")
    indirect_cost_cap = indirect_cost_cap_field()


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
