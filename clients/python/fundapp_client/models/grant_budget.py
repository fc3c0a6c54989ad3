from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.budget_line_in import BudgetLineIn


T = TypeVar("T", bound="GrantBudget")


@_attrs_define
class GrantBudget:
    """
    Attributes:
        budget (list[BudgetLineIn]): The lines by category of the fund, adding up to the grant's amount
    """

    budget: list[BudgetLineIn]

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_line_in import BudgetLineIn  # noqa: PLC0415

        budget = []
        for budget_item_data in self.budget:
            budget_item = budget_item_data.to_dict()
            budget.append(budget_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "budget": budget,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line_in import BudgetLineIn  # noqa: PLC0415

        d = dict(src_dict)
        budget = []
        _budget = d.pop("budget")
        for budget_item_data in _budget:
            budget_item = BudgetLineIn.from_dict(budget_item_data)

            budget.append(budget_item)

        grant_budget = cls(
            budget=budget,
        )

        return grant_budget
