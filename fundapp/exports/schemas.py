"""Open data and spreadsheet exports: the filters each export takes.

The CSV filters are those the JSON list of the same records offers (or will offer), so a
spreadsheet holds exactly what the list shows, unpaginated.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields

from ..contributions.models import ContributionStatus, DonorKind
from ..grants.models import DisbursementStatus, GrantStatus
from ..proposals.models import ProposalStatus
from ..schemas_base import CountryCode, CurrencyCode, Day, InputSchema
from ..totals.schemas import QueryId, TotalsQuerySchema


def _range(label: str) -> tuple[fields.Date, fields.Date]:
    return (
        Day(metadata={"description": f"{label} on or after this day"}),
        Day(metadata={"description": f"{label} on or before this day"}),
    )


class _RangeChecked(InputSchema):
    """Every ``<x>_from``/``<x>_to`` pair must be ordered."""

    @ma.validates_schema
    def _ordered(self, data: dict[str, Any], **kwargs: Any) -> None:
        for key, start in data.items():
            if key.endswith("_from"):
                end_key = key.removesuffix("_from") + "_to"
                end = data.get(end_key)
                if start is not None and end is not None and end < start:
                    raise ma.ValidationError(f"must not be before '{key}'", end_key)


class OpenDataQuerySchema(InputSchema):
    fund_id = QueryId(metadata={"description": "Only this fund (default: every fund)"})


class ProposalExportQuerySchema(_RangeChecked):
    fund_id = QueryId()
    call_id = QueryId()
    organisation_id = QueryId()
    status = fields.Enum(ProposalStatus, by_value=True)
    country = CountryCode()  # a country of implementation
    submitted_from, submitted_to = _range("Submitted")


class GrantExportQuerySchema(_RangeChecked):
    fund_id = QueryId()
    call_id = QueryId()
    organisation_id = QueryId()
    status = fields.Enum(GrantStatus, by_value=True)
    country = CountryCode()
    approved_from, approved_to = _range("Approved")


class DisbursementExportQuerySchema(_RangeChecked):
    fund_id = QueryId()
    call_id = QueryId()
    grant_id = QueryId()
    status = fields.Enum(DisbursementStatus, by_value=True)
    planned_from, planned_to = _range("Planned")
    paid_from, paid_to = _range("Paid")


class ContributionExportQuerySchema(_RangeChecked):
    fund_id = QueryId()
    donor_id = QueryId()
    campaign_id = QueryId()
    donor_kind = fields.Enum(DonorKind, by_value=True)
    status = fields.Enum(ContributionStatus, by_value=True)
    currency = CurrencyCode()
    pledged_from, pledged_to = _range("Pledged")


class TotalsExportQuerySchema(TotalsQuerySchema):
    """The filters and grouping of ``GET /contributions/totals``."""


#: OpenAPI documentation of the non-JSON bodies.
CSV_BODY = {
    "type": "string",
    "format": "binary",
    "description": "UTF-8 CSV with a byte-order mark; the first row names the columns",
}
XML_BODY = {"type": "string", "format": "binary", "description": "IATI 2.03 activity XML (iati-activities)"}
GIVING360_BODY = {
    "type": "object",
    "description": "A 360Giving 1.4 data package (https://standard.threesixtygiving.org/); amounts are "
    "JSON numbers with two decimals, as the standard requires",
    "required": ["grants"],
    "properties": {"grants": {"type": "array", "items": {"type": "object"}}, "version": {"type": "string"}},
}
