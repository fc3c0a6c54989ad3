from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reporting_rules_final_natures_item import ReportingRulesFinalNaturesItem
from ..models.reporting_rules_interim_natures_item import ReportingRulesInterimNaturesItem
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="ReportingRules")


@_attrs_define
class ReportingRules:
    """
    Attributes:
        final_due_days (int): Days after the grant ends that its final reports are due
        final_natures (list[ReportingRulesFinalNaturesItem] | Unset): The final reports expected: narrative, financial
            or both Example: ['narrative', 'financial'].
        interim_every_months (int | None | Unset): An interim report for every this many months of the grant while it
            runs; null: no interim report
        interim_due_days (int | Unset): Days after the period an interim report covers that it is due Default: 30.
        interim_natures (list[ReportingRulesInterimNaturesItem] | Unset): The interim reports expected: narrative,
            financial or both Example: ['narrative', 'financial'].
    """

    final_due_days: int
    final_natures: list[ReportingRulesFinalNaturesItem] | Unset = UNSET
    interim_every_months: int | None | Unset = UNSET
    interim_due_days: int | Unset = 30
    interim_natures: list[ReportingRulesInterimNaturesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        final_due_days = self.final_due_days

        final_natures: list[str] | Unset = UNSET
        if not isinstance(self.final_natures, Unset):
            final_natures = []
            for final_natures_item_data in self.final_natures:
                final_natures_item = final_natures_item_data.value
                final_natures.append(final_natures_item)

        interim_every_months: int | None | Unset
        if isinstance(self.interim_every_months, Unset):
            interim_every_months = UNSET
        else:
            interim_every_months = self.interim_every_months

        interim_due_days = self.interim_due_days

        interim_natures: list[str] | Unset = UNSET
        if not isinstance(self.interim_natures, Unset):
            interim_natures = []
            for interim_natures_item_data in self.interim_natures:
                interim_natures_item = interim_natures_item_data.value
                interim_natures.append(interim_natures_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "final_due_days": final_due_days,
            }
        )
        if final_natures is not UNSET:
            field_dict["final_natures"] = final_natures
        if interim_every_months is not UNSET:
            field_dict["interim_every_months"] = interim_every_months
        if interim_due_days is not UNSET:
            field_dict["interim_due_days"] = interim_due_days
        if interim_natures is not UNSET:
            field_dict["interim_natures"] = interim_natures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        final_due_days = d.pop("final_due_days")

        _final_natures = d.pop("final_natures", UNSET)
        final_natures: list[ReportingRulesFinalNaturesItem] | Unset = UNSET
        if _final_natures is not UNSET:
            final_natures = []
            for final_natures_item_data in _final_natures:
                final_natures_item = ReportingRulesFinalNaturesItem(final_natures_item_data)

                final_natures.append(final_natures_item)

        def _parse_interim_every_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interim_every_months = _parse_interim_every_months(d.pop("interim_every_months", UNSET))

        interim_due_days = d.pop("interim_due_days", UNSET)

        _interim_natures = d.pop("interim_natures", UNSET)
        interim_natures: list[ReportingRulesInterimNaturesItem] | Unset = UNSET
        if _interim_natures is not UNSET:
            interim_natures = []
            for interim_natures_item_data in _interim_natures:
                interim_natures_item = ReportingRulesInterimNaturesItem(interim_natures_item_data)

                interim_natures.append(interim_natures_item)

        reporting_rules = cls(
            final_due_days=final_due_days,
            final_natures=final_natures,
            interim_every_months=interim_every_months,
            interim_due_days=interim_due_days,
            interim_natures=interim_natures,
        )

        return reporting_rules
