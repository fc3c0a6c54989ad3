from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.proposal_detail_status import ProposalDetailStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.budget_line import BudgetLine
    from ..models.call_brief import CallBrief
    from ..models.eligibility_check import EligibilityCheck
    from ..models.organisation_brief import OrganisationBrief


T = TypeVar("T", bound="ProposalDetail")


@_attrs_define
class ProposalDetail:
    """
    Attributes:
        id (int):
        reference (str):  Example: UNVTF/2/0042.
        call (CallBrief):
        organisation (OrganisationBrief):
        title (str):
        summary (str):
        currency (str):
        requested_amount (str):  Example: 25000.00.
        duration_months (int):
        countries (list[str]):
        target_groups (list[str]):
        assistance (list[str]):
        language (str):
        status (ProposalDetailStatus):
        submitted_at (datetime.datetime):
        withdrawn_reason (None | str):
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        eligibility_checks (list[EligibilityCheck]):
        budget (list[BudgetLine]): The budget by category, adding up to the requested amount; [] if none
    """

    id: int
    reference: str
    call: CallBrief
    organisation: OrganisationBrief
    title: str
    summary: str
    currency: str
    requested_amount: str
    duration_months: int
    countries: list[str]
    target_groups: list[str]
    assistance: list[str]
    language: str
    status: ProposalDetailStatus
    submitted_at: datetime.datetime
    withdrawn_reason: None | str
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    eligibility_checks: list[EligibilityCheck]
    budget: list[BudgetLine]

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_line import BudgetLine  # noqa: PLC0415
        from ..models.call_brief import CallBrief  # noqa: PLC0415
        from ..models.eligibility_check import EligibilityCheck  # noqa: PLC0415
        from ..models.organisation_brief import OrganisationBrief  # noqa: PLC0415

        id = self.id

        reference = self.reference

        call = self.call.to_dict()

        organisation = self.organisation.to_dict()

        title = self.title

        summary = self.summary

        currency = self.currency

        requested_amount = self.requested_amount

        duration_months = self.duration_months

        countries = self.countries

        target_groups = self.target_groups

        assistance = self.assistance

        language = self.language

        status = self.status.value

        submitted_at = self.submitted_at.isoformat()

        withdrawn_reason: None | str
        withdrawn_reason = self.withdrawn_reason

        illustrative = self.illustrative

        source: None | str
        source = self.source

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        eligibility_checks = []
        for eligibility_checks_item_data in self.eligibility_checks:
            eligibility_checks_item = eligibility_checks_item_data.to_dict()
            eligibility_checks.append(eligibility_checks_item)

        budget = []
        for budget_item_data in self.budget:
            budget_item = budget_item_data.to_dict()
            budget.append(budget_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "call": call,
                "organisation": organisation,
                "title": title,
                "summary": summary,
                "currency": currency,
                "requested_amount": requested_amount,
                "duration_months": duration_months,
                "countries": countries,
                "target_groups": target_groups,
                "assistance": assistance,
                "language": language,
                "status": status,
                "submitted_at": submitted_at,
                "withdrawn_reason": withdrawn_reason,
                "illustrative": illustrative,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "eligibility_checks": eligibility_checks,
                "budget": budget,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line import BudgetLine  # noqa: PLC0415
        from ..models.call_brief import CallBrief  # noqa: PLC0415
        from ..models.eligibility_check import EligibilityCheck  # noqa: PLC0415
        from ..models.organisation_brief import OrganisationBrief  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        call = CallBrief.from_dict(d.pop("call"))

        organisation = OrganisationBrief.from_dict(d.pop("organisation"))

        title = d.pop("title")

        summary = d.pop("summary")

        currency = d.pop("currency")

        requested_amount = d.pop("requested_amount")

        duration_months = d.pop("duration_months")

        countries = cast(list[str], d.pop("countries"))

        target_groups = cast(list[str], d.pop("target_groups"))

        assistance = cast(list[str], d.pop("assistance"))

        language = d.pop("language")

        status = ProposalDetailStatus(d.pop("status"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        def _parse_withdrawn_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawn_reason = _parse_withdrawn_reason(d.pop("withdrawn_reason"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        eligibility_checks = []
        _eligibility_checks = d.pop("eligibility_checks")
        for eligibility_checks_item_data in _eligibility_checks:
            eligibility_checks_item = EligibilityCheck.from_dict(eligibility_checks_item_data)

            eligibility_checks.append(eligibility_checks_item)

        budget = []
        _budget = d.pop("budget")
        for budget_item_data in _budget:
            budget_item = BudgetLine.from_dict(budget_item_data)

            budget.append(budget_item)

        proposal_detail = cls(
            id=id,
            reference=reference,
            call=call,
            organisation=organisation,
            title=title,
            summary=summary,
            currency=currency,
            requested_amount=requested_amount,
            duration_months=duration_months,
            countries=countries,
            target_groups=target_groups,
            assistance=assistance,
            language=language,
            status=status,
            submitted_at=submitted_at,
            withdrawn_reason=withdrawn_reason,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            eligibility_checks=eligibility_checks,
            budget=budget,
        )

        return proposal_detail
