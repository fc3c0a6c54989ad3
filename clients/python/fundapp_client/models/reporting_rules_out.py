from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ReportingRulesOut")


@_attrs_define
class ReportingRulesOut:
    """
    Attributes:
        final_due_days (int):
        final_natures (list[str]):
        interim_every_months (int | None):
        interim_due_days (int):
        interim_natures (list[str]):
    """

    final_due_days: int
    final_natures: list[str]
    interim_every_months: int | None
    interim_due_days: int
    interim_natures: list[str]

    def to_dict(self) -> dict[str, Any]:
        final_due_days = self.final_due_days

        final_natures = self.final_natures

        interim_every_months: int | None
        interim_every_months = self.interim_every_months

        interim_due_days = self.interim_due_days

        interim_natures = self.interim_natures

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "final_due_days": final_due_days,
                "final_natures": final_natures,
                "interim_every_months": interim_every_months,
                "interim_due_days": interim_due_days,
                "interim_natures": interim_natures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        final_due_days = d.pop("final_due_days")

        final_natures = cast(list[str], d.pop("final_natures"))

        def _parse_interim_every_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        interim_every_months = _parse_interim_every_months(d.pop("interim_every_months"))

        interim_due_days = d.pop("interim_due_days")

        interim_natures = cast(list[str], d.pop("interim_natures"))

        reporting_rules_out = cls(
            final_due_days=final_due_days,
            final_natures=final_natures,
            interim_every_months=interim_every_months,
            interim_due_days=interim_due_days,
            interim_natures=interim_natures,
        )

        return reporting_rules_out
