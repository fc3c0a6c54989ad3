from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="BudgetCategoryUpdate")


@_attrs_define
class BudgetCategoryUpdate:
    """
    Attributes:
        name_en (str | Unset):
        name_fr (str | Unset):
        indirect (bool | Unset):
        retired (bool | Unset): Retired: new budgets may no longer use it
    """

    name_en: str | Unset = UNSET
    name_fr: str | Unset = UNSET
    indirect: bool | Unset = UNSET
    retired: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name_en = self.name_en

        name_fr = self.name_fr

        indirect = self.indirect

        retired = self.retired

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if name_fr is not UNSET:
            field_dict["name_fr"] = name_fr
        if indirect is not UNSET:
            field_dict["indirect"] = indirect
        if retired is not UNSET:
            field_dict["retired"] = retired

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name_en = d.pop("name_en", UNSET)

        name_fr = d.pop("name_fr", UNSET)

        indirect = d.pop("indirect", UNSET)

        retired = d.pop("retired", UNSET)

        budget_category_update = cls(
            name_en=name_en,
            name_fr=name_fr,
            indirect=indirect,
            retired=retired,
        )

        return budget_category_update
