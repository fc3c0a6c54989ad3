from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country_code import CountryCode
from ..models.proposal_create_assistance_item import ProposalCreateAssistanceItem
from ..models.proposal_create_language import ProposalCreateLanguage
from ..models.proposal_create_target_groups_item import ProposalCreateTargetGroupsItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.budget_line_in import BudgetLineIn


T = TypeVar("T", bound="ProposalCreate")


@_attrs_define
class ProposalCreate:
    """
    Attributes:
        call_id (int):
        organisation_id (int):
        title (str):
        summary (str):
        requested_amount (str): In the call's currency (USD) Example: 25000.00.
        duration_months (int):
        countries (list[CountryCode]): Countries of implementation (ISO 3166-1 alpha-2) Example: ['NG', 'GH'].
        target_groups (list[ProposalCreateTargetGroupsItem]):  Example: ['women', 'girls'].
        assistance (list[ProposalCreateAssistanceItem]):  Example: ['shelter', 'medical'].
        language (ProposalCreateLanguage | Unset):  Default: ProposalCreateLanguage.EN.
        budget (list[BudgetLineIn] | Unset): The budget by category of the fund (GET /funds/{fund_id}/budget-
            categories): the lines add up to the requested amount; [] for none
    """

    call_id: int
    organisation_id: int
    title: str
    summary: str
    requested_amount: str
    duration_months: int
    countries: list[CountryCode]
    target_groups: list[ProposalCreateTargetGroupsItem]
    assistance: list[ProposalCreateAssistanceItem]
    language: ProposalCreateLanguage | Unset = ProposalCreateLanguage.EN
    budget: list[BudgetLineIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_line_in import BudgetLineIn  # noqa: PLC0415

        call_id = self.call_id

        organisation_id = self.organisation_id

        title = self.title

        summary = self.summary

        requested_amount = self.requested_amount

        duration_months = self.duration_months

        countries = []
        for countries_item_data in self.countries:
            countries_item = countries_item_data.value
            countries.append(countries_item)

        target_groups = []
        for target_groups_item_data in self.target_groups:
            target_groups_item = target_groups_item_data.value
            target_groups.append(target_groups_item)

        assistance = []
        for assistance_item_data in self.assistance:
            assistance_item = assistance_item_data.value
            assistance.append(assistance_item)

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        budget: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.budget, Unset):
            budget = []
            for budget_item_data in self.budget:
                budget_item = budget_item_data.to_dict()
                budget.append(budget_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "call_id": call_id,
                "organisation_id": organisation_id,
                "title": title,
                "summary": summary,
                "requested_amount": requested_amount,
                "duration_months": duration_months,
                "countries": countries,
                "target_groups": target_groups,
                "assistance": assistance,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if budget is not UNSET:
            field_dict["budget"] = budget

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line_in import BudgetLineIn  # noqa: PLC0415

        d = dict(src_dict)
        call_id = d.pop("call_id")

        organisation_id = d.pop("organisation_id")

        title = d.pop("title")

        summary = d.pop("summary")

        requested_amount = d.pop("requested_amount")

        duration_months = d.pop("duration_months")

        countries = []
        _countries = d.pop("countries")
        for countries_item_data in _countries:
            countries_item = CountryCode(countries_item_data)

            countries.append(countries_item)

        target_groups = []
        _target_groups = d.pop("target_groups")
        for target_groups_item_data in _target_groups:
            target_groups_item = ProposalCreateTargetGroupsItem(target_groups_item_data)

            target_groups.append(target_groups_item)

        assistance = []
        _assistance = d.pop("assistance")
        for assistance_item_data in _assistance:
            assistance_item = ProposalCreateAssistanceItem(assistance_item_data)

            assistance.append(assistance_item)

        _language = d.pop("language", UNSET)
        language: ProposalCreateLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = ProposalCreateLanguage(_language)

        _budget = d.pop("budget", UNSET)
        budget: list[BudgetLineIn] | Unset = UNSET
        if _budget is not UNSET:
            budget = []
            for budget_item_data in _budget:
                budget_item = BudgetLineIn.from_dict(budget_item_data)

                budget.append(budget_item)

        proposal_create = cls(
            call_id=call_id,
            organisation_id=organisation_id,
            title=title,
            summary=summary,
            requested_amount=requested_amount,
            duration_months=duration_months,
            countries=countries,
            target_groups=target_groups,
            assistance=assistance,
            language=language,
            budget=budget,
        )

        return proposal_create
