from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="GrantBudgetLine")


@_attrs_define
class GrantBudgetLine:
    """
    Attributes:
        category_id (int):
        code (str):
        name_en (str):
        name_fr (str):
        indirect (bool):
        amount (str):  Example: 25000.00.
        spent (str): What the financial reports received say was spent under it Example: 25000.00.
    """

    category_id: int
    code: str
    name_en: str
    name_fr: str
    indirect: bool
    amount: str
    spent: str

    def to_dict(self) -> dict[str, Any]:
        category_id = self.category_id

        code = self.code

        name_en = self.name_en

        name_fr = self.name_fr

        indirect = self.indirect

        amount = self.amount

        spent = self.spent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category_id": category_id,
                "code": code,
                "name_en": name_en,
                "name_fr": name_fr,
                "indirect": indirect,
                "amount": amount,
                "spent": spent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category_id = d.pop("category_id")

        code = d.pop("code")

        name_en = d.pop("name_en")

        name_fr = d.pop("name_fr")

        indirect = d.pop("indirect")

        amount = d.pop("amount")

        spent = d.pop("spent")

        grant_budget_line = cls(
            category_id=category_id,
            code=code,
            name_en=name_en,
            name_fr=name_fr,
            indirect=indirect,
            amount=amount,
            spent=spent,
        )

        return grant_budget_line
