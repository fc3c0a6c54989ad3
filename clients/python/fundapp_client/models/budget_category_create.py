from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="BudgetCategoryCreate")


@_attrs_define
class BudgetCategoryCreate:
    """
    Attributes:
        code (str):
        name_en (str):
        name_fr (str):
        indirect (bool | Unset): Indirect costs, capped with the others Default: False.
    """

    code: str
    name_en: str
    name_fr: str
    indirect: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_en = self.name_en

        name_fr = self.name_fr

        indirect = self.indirect

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name_en": name_en,
                "name_fr": name_fr,
            }
        )
        if indirect is not UNSET:
            field_dict["indirect"] = indirect

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name_en = d.pop("name_en")

        name_fr = d.pop("name_fr")

        indirect = d.pop("indirect", UNSET)

        budget_category_create = cls(
            code=code,
            name_en=name_en,
            name_fr=name_fr,
            indirect=indirect,
        )

        return budget_category_create
