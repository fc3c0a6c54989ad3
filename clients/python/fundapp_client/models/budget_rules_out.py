from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="BudgetRulesOut")


@_attrs_define
class BudgetRulesOut:
    """
    Attributes:
        fund_id (int):
        indirect_cost_cap (None | str): The most a budget may put in indirect costs, in per cent of its total; null: no
            cap Example: 7.00.
    """

    fund_id: int
    indirect_cost_cap: None | str

    def to_dict(self) -> dict[str, Any]:
        fund_id = self.fund_id

        indirect_cost_cap: None | str
        indirect_cost_cap = self.indirect_cost_cap

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "indirect_cost_cap": indirect_cost_cap,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_id = d.pop("fund_id")

        def _parse_indirect_cost_cap(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        indirect_cost_cap = _parse_indirect_cost_cap(d.pop("indirect_cost_cap"))

        budget_rules_out = cls(
            fund_id=fund_id,
            indirect_cost_cap=indirect_cost_cap,
        )

        return budget_rules_out
