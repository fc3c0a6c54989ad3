from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country_code import CountryCode
from ..models.proposal_update_assistance_item import ProposalUpdateAssistanceItem
from ..models.proposal_update_language import ProposalUpdateLanguage
from ..models.proposal_update_target_groups_item import ProposalUpdateTargetGroupsItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.budget_line_in import BudgetLineIn


T = TypeVar("T", bound="ProposalUpdate")


@_attrs_define
class ProposalUpdate:
    """
    Attributes:
        title (str | Unset):
        summary (str | Unset):
        requested_amount (str | Unset): In the call's currency (USD) Example: 25000.00.
        duration_months (int | Unset):
        countries (list[CountryCode] | Unset): Countries of implementation (ISO 3166-1 alpha-2) Example: ['NG', 'GH'].
        target_groups (list[ProposalUpdateTargetGroupsItem] | Unset):  Example: ['women', 'girls'].
        assistance (list[ProposalUpdateAssistanceItem] | Unset):  Example: ['shelter', 'medical'].
        language (ProposalUpdateLanguage | Unset):  Default: ProposalUpdateLanguage.EN.
        budget (list[BudgetLineIn] | Unset): The budget by category of the fund (GET /funds/{fund_id}/budget-
            categories): the lines add up to the requested amount; [] for none
    """

    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    requested_amount: str | Unset = UNSET
    duration_months: int | Unset = UNSET
    countries: list[CountryCode] | Unset = UNSET
    target_groups: list[ProposalUpdateTargetGroupsItem] | Unset = UNSET
    assistance: list[ProposalUpdateAssistanceItem] | Unset = UNSET
    language: ProposalUpdateLanguage | Unset = ProposalUpdateLanguage.EN
    budget: list[BudgetLineIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_line_in import BudgetLineIn  # noqa: PLC0415

        title = self.title

        summary = self.summary

        requested_amount = self.requested_amount

        duration_months = self.duration_months

        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = []
            for countries_item_data in self.countries:
                countries_item = countries_item_data.value
                countries.append(countries_item)

        target_groups: list[str] | Unset = UNSET
        if not isinstance(self.target_groups, Unset):
            target_groups = []
            for target_groups_item_data in self.target_groups:
                target_groups_item = target_groups_item_data.value
                target_groups.append(target_groups_item)

        assistance: list[str] | Unset = UNSET
        if not isinstance(self.assistance, Unset):
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

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if requested_amount is not UNSET:
            field_dict["requested_amount"] = requested_amount
        if duration_months is not UNSET:
            field_dict["duration_months"] = duration_months
        if countries is not UNSET:
            field_dict["countries"] = countries
        if target_groups is not UNSET:
            field_dict["target_groups"] = target_groups
        if assistance is not UNSET:
            field_dict["assistance"] = assistance
        if language is not UNSET:
            field_dict["language"] = language
        if budget is not UNSET:
            field_dict["budget"] = budget

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line_in import BudgetLineIn  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        requested_amount = d.pop("requested_amount", UNSET)

        duration_months = d.pop("duration_months", UNSET)

        _countries = d.pop("countries", UNSET)
        countries: list[CountryCode] | Unset = UNSET
        if _countries is not UNSET:
            countries = []
            for countries_item_data in _countries:
                countries_item = CountryCode(countries_item_data)

                countries.append(countries_item)

        _target_groups = d.pop("target_groups", UNSET)
        target_groups: list[ProposalUpdateTargetGroupsItem] | Unset = UNSET
        if _target_groups is not UNSET:
            target_groups = []
            for target_groups_item_data in _target_groups:
                target_groups_item = ProposalUpdateTargetGroupsItem(target_groups_item_data)

                target_groups.append(target_groups_item)

        _assistance = d.pop("assistance", UNSET)
        assistance: list[ProposalUpdateAssistanceItem] | Unset = UNSET
        if _assistance is not UNSET:
            assistance = []
            for assistance_item_data in _assistance:
                assistance_item = ProposalUpdateAssistanceItem(assistance_item_data)

                assistance.append(assistance_item)

        _language = d.pop("language", UNSET)
        language: ProposalUpdateLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = ProposalUpdateLanguage(_language)

        _budget = d.pop("budget", UNSET)
        budget: list[BudgetLineIn] | Unset = UNSET
        if _budget is not UNSET:
            budget = []
            for budget_item_data in _budget:
                budget_item = BudgetLineIn.from_dict(budget_item_data)

                budget.append(budget_item)

        proposal_update = cls(
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

        return proposal_update
