"""Donors, campaigns, contributions, receipts and exchange rates: input, output and query schemas.

Donor tokens get the ``*Schema`` forms; staff get the ``Staff*Schema`` forms, which add the
internal notes. A donor never sees an internal note.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ..dumping import OutputSchema
from ..money import FUND_CURRENCY, MAX_MAJOR_DIGITS, MoneyError, format_minor, parse_rate
from ..schemas_base import (
    MONEY_OUT_PATTERN,
    Amount,
    CountryCode,
    CurrencyCode,
    Day,
    Flag,
    Id,
    InputSchema,
    MoneyOut,
    PageQuery,
    QueryId,
    Text,
    sort_field,
)
from .models import ContributionStatus, DonorKind, ReceiptStatus

#: What a computed amount (a ``Function`` field) is in the OpenAPI document: MoneyOut's string.
MONEY_OUT = {"type": "string", "pattern": MONEY_OUT_PATTERN, "example": "25000.00"}

MONEY_PATTERN = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$"
_MONEY_RE = re.compile(MONEY_PATTERN)
RATE_PATTERN = r"^([1-9][0-9]{0,8}(\.[0-9]{1,12})?|0\.[0-9]{1,12})$"
#: As MONEY_PATTERN, but what the document promises: greater than zero.
NON_ZERO_MONEY_PATTERN = r"^([1-9][0-9]{0,14}(\.[0-9]{1,12})?|0\.[0-9]{1,12})$"
REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._/-]*$"


class MoneyAmount(Amount):
    """An amount in a currency, as a string; the error says what is wrong with it.

    The number of decimals the currency allows (USD 2, JPY 0, KWD 3) is checked by the
    service, which knows the currency.
    """

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "pattern": NON_ZERO_MONEY_PATTERN,
            "description": "Decimal amount as a string, in major units, with at most the currency's "
            "decimals (USD 2, JPY 0, KWD 3); greater than zero",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Decimal:
        if not isinstance(value, str):
            raise ma.ValidationError('must be a string such as "25000.00", not a number')
        text = value.strip().lower()
        if text.lstrip("+-") in ("nan", "snan", "inf", "infinity"):
            raise ma.ValidationError("must be a finite number, not NaN or Infinity")
        if re.fullmatch(r"[+-]?[0-9.]*e[+-]?[0-9]+", text):
            raise ma.ValidationError('must be written out without an exponent (such as "1e400")')
        if value.startswith("-"):
            raise ma.ValidationError("must be greater than zero (a negative amount is not accepted)")
        if not _MONEY_RE.match(value):
            raise ma.ValidationError(
                f"must be a plain decimal with at most {MAX_MAJOR_DIGITS} digits before the point, "
                'such as "25000.00"'
            )
        amount = Decimal(value)
        if amount == 0:
            raise ma.ValidationError("must be greater than zero")
        return amount


class Rate(fields.Field):
    """An exchange rate in USD per unit of a currency, as a decimal string greater than zero."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "type": "string",
            "pattern": RATE_PATTERN,
            "example": "1.0842",
            "description": "USD per unit of the currency, as a decimal string greater than zero",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Decimal:
        try:
            return parse_rate(value)
        except MoneyError as exc:
            raise ma.ValidationError(str(exc)) from exc

    def _serialize(self, value: Any, attr: Any, obj: Any, **kwargs: Any) -> str | None:
        return None if value is None else format(value, "f")


class UsdOut(MoneyOut):
    """An amount in USD minor units (the fund's currency), dumped as "1250.00"."""

    def serialize(self, attr: str, obj: Any, accessor: Any = None, **kwargs: Any) -> str | None:
        minor = ma.utils.get_value(obj, self.minor_attr)
        return None if minor is None or minor is ma.missing else format_minor(minor, FUND_CURRENCY)


# -- donors ------------------------------------------------------------------------------------


class DonorCreateSchema(InputSchema):
    example = {
        "name": "Netherlands",
        "kind": "member_state",
        "country_code": "NL",
        "anonymous": False,
        "contact_email": "vie-ca@minbuza.example",
        "internal_note": "Contributions through the Permanent Mission in Vienna.",
    }

    name = Text(required=True, max_length=300)
    kind = fields.Enum(DonorKind, by_value=True, required=True)
    country_code = CountryCode(allow_none=True)
    anonymous = Flag(load_default=False)
    contact_email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    internal_note = Text(max_length=4000, multiline=True, allow_none=True)


class DonorUpdateSchema(DonorCreateSchema):
    """The fields of a donor that may change (use with ``partial=True``)."""

    example = {
        "contact_email": "vie-ecosoc@minbuza.example",
    }


class DonorSchema(OutputSchema):
    """A donor as its own donor token sees it: no internal note."""

    id = fields.Integer()
    name = fields.String()
    kind = fields.Enum(DonorKind, by_value=True)
    country_code = fields.String(allow_none=True)
    anonymous = fields.Boolean()
    contact_email = fields.String(allow_none=True)
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class StaffDonorSchema(DonorSchema):
    """A donor as staff see it (a donor token gets the same without ``internal_note``)."""

    optional_fields = frozenset({"internal_note"})

    internal_note = fields.String(
        allow_none=True, metadata={"description": "To staff and admin only: absent to a donor"}
    )


class DonorQuerySchema(PageQuery):
    fund_id = QueryId(
        metadata={"description": "Only those who pledged to the fund (a donor may give to several)"}
    )
    kind = fields.Enum(DonorKind, by_value=True)
    country = CountryCode()
    q = Text(max_length=100, required=False, metadata={"description": "Part of the name (any case)"})
    sort = sort_field(["name", "kind", "created_at"], "name")


# -- campaigns ---------------------------------------------------------------------------------


class CampaignCreateSchema(InputSchema):
    example = {
        "fund_id": 1,
        "name": "Blue Heart Campaign 2021: giving for survivors",
        "platform": "UNODC website",
        "starts_on": "2021-07-30",
        "ends_on": "2021-12-31",
        "currency": "USD",
        "target": "50000.00",
    }

    fund_id = Id(required=True)
    name = Text(required=True, max_length=200)
    platform = Text(max_length=100, allow_none=True)
    starts_on = Day(required=True)
    ends_on = Day(allow_none=True)
    currency = CurrencyCode(load_default=FUND_CURRENCY)
    target = MoneyAmount(allow_none=True)

    @ma.validates_schema
    def _ends_after_start(self, data: dict[str, Any], **kwargs: Any) -> None:
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts is not None and ends is not None and ends < starts:
            raise ma.ValidationError("must not be before starts_on", "ends_on")


class CampaignSchema(OutputSchema):
    id = fields.Integer()
    fund_id = fields.Integer()
    name = fields.String()
    platform = fields.String(allow_none=True)
    starts_on = Day()
    ends_on = Day(allow_none=True)
    currency = fields.String()
    target = MoneyOut("target_minor", allow_none=True)
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class CampaignQuerySchema(PageQuery):
    fund_id = QueryId()
    year = fields.Integer(
        validate=validate.Range(min=2000, max=2100), metadata={"description": "Year the campaign started"}
    )
    sort = sort_field(["starts_on", "name", "created_at"], "starts_on")


# -- exchange rates ----------------------------------------------------------------------------


class ExchangeRateCreateSchema(InputSchema):
    example = {
        "currency": "EUR",
        "rate_date": "2021-04-01",
        "usd_per_unit": "1.1873",
        "source": "UN operational rates of exchange, April 2021",
    }

    currency = CurrencyCode(required=True)
    rate_date = Day(required=True)
    usd_per_unit = Rate(required=True)
    source = Text(max_length=200, allow_none=True)


class ExchangeRateSchema(OutputSchema):
    id = fields.Integer()
    currency = fields.String()
    rate_date = Day()
    usd_per_unit = Rate()
    source = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()


class ExchangeRateQuerySchema(PageQuery):
    currency = CurrencyCode()
    from_date = Day(data_key="from", metadata={"description": "Rates dated on or after"})
    to_date = Day(data_key="to", metadata={"description": "Rates dated on or before"})
    sort = sort_field(["rate_date", "currency"], "-rate_date")


# -- contributions and receipts ----------------------------------------------------------------


class ContributionCreateSchema(InputSchema):
    example = {
        "fund_id": 1,
        "donor_id": 7,
        "reference": "DE-2021-01",
        "pledged_on": "2021-03-15",
        "currency": "EUR",
        "amount": "250000.00",
        "earmarking": "Direct assistance to victims in mixed migration flows",
        "internal_note": "Note verbale of 15 March 2021; paid in two instalments.",
    }

    fund_id = Id(required=True)
    donor_id = Id(required=True)
    campaign_id = Id(allow_none=True)
    reference = fields.String(
        validate=[validate.Length(min=1, max=64), validate.Regexp(REFERENCE_PATTERN)],
        metadata={"description": "Unique; generated when absent", "example": "AT-2015-01"},
    )
    pledged_on = Day(required=True)
    currency = CurrencyCode(required=True)
    amount = MoneyAmount(required=True)
    earmarking = Text(max_length=300, allow_none=True)
    internal_note = Text(max_length=4000, multiline=True, allow_none=True)


class ContributionUpdateSchema(InputSchema):
    """What may change while nothing is received."""

    example = {
        "amount": "300000.00",
        "internal_note": "Increased by the note verbale of 2 June 2021.",
    }

    amount = MoneyAmount()
    earmarking = Text(max_length=300, allow_none=True)
    internal_note = Text(max_length=4000, multiline=True, allow_none=True)


class ReceiptCreateSchema(InputSchema):
    example = {
        "received_on": "2021-04-09",
        "amount": "125000.00",
        "usd_rate": "1.1873",
        "rate_date": "2021-04-01",
    }

    received_on = Day(required=True)
    amount = MoneyAmount(required=True, metadata={"description": "In the pledge's currency"})
    usd_rate = Rate(
        allow_none=True,
        metadata={
            "description": "USD per unit; when absent, the exchange-rate table's latest rate on or "
            "before received_on (at most 31 days before) is used"
        },
    )
    rate_date = Day(allow_none=True, metadata={"description": "Date of usd_rate (default received_on)"})


class ReceiptSchema(OutputSchema):
    id = fields.Integer()
    contribution_id = fields.Integer()
    fund_id = fields.Integer()
    received_on = Day()
    currency = fields.String()
    amount = MoneyOut("amount_minor")
    usd_amount = UsdOut("usd_minor")
    usd_rate = Rate()
    rate_date = Day()
    status = fields.Enum(ReceiptStatus, by_value=True)
    reversal_reason = fields.String(allow_none=True)
    reversed_at = fields.AwareDateTime(allow_none=True)
    created_at = fields.AwareDateTime()


class RecordedReceiptSchema(ReceiptSchema):
    """A receipt just recorded or reversed, with what it did to its pledge."""

    contribution_status = fields.Function(
        lambda r: str(r.contribution.status),
        metadata={
            "description": "The pledge's status after this receipt or its reversal",
            "type": "string",
            "enum": [str(status) for status in ContributionStatus],
        },
    )


class ContributionSchema(OutputSchema):
    """A contribution as its donor sees it: no internal note."""

    id = fields.Integer()
    fund_id = fields.Integer()
    donor_id = fields.Integer()
    campaign_id = fields.Integer(allow_none=True)
    reference = fields.String()
    pledged_on = Day()
    currency = fields.String()
    amount = MoneyOut("pledged_minor")
    # what the books say the pledge received (set by the services: contributions.services.with_received)
    received = fields.Function(
        lambda c: format_minor(c.received_minor, c.currency),
        metadata={"description": "Received so far (net of reversals), in the pledge's currency", **MONEY_OUT},
    )
    received_usd = fields.Function(
        lambda c: format_minor(c.received_usd_minor, FUND_CURRENCY),
        metadata={"description": "USD value of what was received, at the receipts' rates", **MONEY_OUT},
    )
    outstanding = fields.Function(
        lambda c: format_minor(c.pledged_minor - c.received_minor, c.currency),
        metadata={"description": "Left to receive, in the pledge's currency", **MONEY_OUT},
    )
    earmarking = fields.String(allow_none=True)
    status = fields.Enum(ContributionStatus, by_value=True)
    cancellation_reason = fields.String(allow_none=True)
    cancelled_at = fields.AwareDateTime(allow_none=True)
    illustrative = fields.Boolean()
    source = fields.String(allow_none=True)
    version = fields.Integer()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class StaffContributionSchema(ContributionSchema):
    """A contribution as staff see it (a donor token gets the same without ``internal_note``)."""

    optional_fields = frozenset({"internal_note"})
    internal_note = fields.String(
        allow_none=True, metadata={"description": "To staff and admin only: absent to a donor"}
    )


class ContributionDetailSchema(ContributionSchema):
    receipts = fields.List(fields.Nested(ReceiptSchema))


class StaffContributionDetailSchema(StaffContributionSchema):
    """A contribution with its receipts, as staff see it (donors: without ``internal_note``)."""

    receipts = fields.List(fields.Nested(ReceiptSchema))


class ContributionQuerySchema(PageQuery):
    fund_id = QueryId()
    donor_id = QueryId()
    donor_kind = fields.Enum(DonorKind, by_value=True)
    year = fields.Integer(
        validate=validate.Range(min=2000, max=2100), metadata={"description": "Year of the pledge"}
    )
    campaign_id = QueryId()
    status = fields.Enum(ContributionStatus, by_value=True)
    currency = CurrencyCode()
    sort = sort_field(["pledged_on", "reference", "created_at"], "-pledged_on")


# -- spreadsheet imports -----------------------------------------------------------------------


class ImportedContributionSchema(ContributionCreateSchema):
    """A pledge as a spreadsheet row gives it: the API's own schema, with the reference required
    (so that importing the same file twice does not record the same pledge twice)."""

    reference = fields.String(
        required=True, validate=[validate.Length(min=1, max=64), validate.Regexp(REFERENCE_PATTERN)]
    )


class ImportResultSchema(OutputSchema):
    file = fields.String(allow_none=True, metadata={"description": "The uploaded file's name"})
    format = fields.String(metadata={"enum": ["csv", "xlsx"]})
    sha256 = fields.String(metadata={"description": "Digest of the file, as recorded in the audit event"})
    rows = fields.Integer(metadata={"description": "Rows read (empty rows are not counted)"})
    created = fields.Integer(metadata={"description": "Contributions (pledges) created"})
    receipts = fields.Integer(metadata={"description": "Receipts recorded on them"})
    skipped = fields.Integer(
        metadata={"description": "Rows whose reference was already recorded with the same data"}
    )
    dry_run = fields.Boolean()
    request_id = fields.String(
        metadata={"description": "The audit events of the import carry this request id"}
    )


class ImportRowErrorSchema(OutputSchema):
    line = fields.Integer(
        allow_none=True, metadata={"description": "Line of the CSV or row of the worksheet (1: the header)"}
    )
    field = fields.String(allow_none=True, metadata={"description": "The column"})
    reason = fields.String()


class ImportProblemSchema(OutputSchema):
    """422: the rows that cannot be imported, each with its line; nothing was imported."""

    optional_fields = frozenset({"type", "detail", "errors", "error_count", "rows", "request_id"})

    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    errors = fields.List(
        fields.Nested(ImportRowErrorSchema), metadata={"description": "At most the first 1,000 errors"}
    )
    error_count = fields.Integer(metadata={"description": "All the errors found"})
    rows = fields.Integer()
    request_id = fields.String(metadata={"description": "The request's id, as in the audit trail and logs"})
