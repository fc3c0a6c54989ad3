from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="BudgetLineIn")


@_attrs_define
class BudgetLineIn:
    """
    Attributes:
        category_id (int):
        amount (str): Decimal amount as a string, in USD Example: 12000.00.
    """

    category_id: int
    amount: str

    def to_dict(self) -> dict[str, Any]:
        category_id = self.category_id

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category_id": category_id,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category_id = d.pop("category_id")

        amount = d.pop("amount")

        budget_line_in = cls(
            category_id=category_id,
            amount=amount,
        )

        return budget_line_in
