from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="BudgetCategory")


@_attrs_define
class BudgetCategory:
    """
    Attributes:
        id (int):
        fund_id (int):
        code (str):
        name_en (str):
        name_fr (str):
        indirect (bool):
        retired (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    fund_id: int
    code: str
    name_en: str
    name_fr: str
    indirect: bool
    retired: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fund_id = self.fund_id

        code = self.code

        name_en = self.name_en

        name_fr = self.name_fr

        indirect = self.indirect

        retired = self.retired

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "code": code,
                "name_en": name_en,
                "name_fr": name_fr,
                "indirect": indirect,
                "retired": retired,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        code = d.pop("code")

        name_en = d.pop("name_en")

        name_fr = d.pop("name_fr")

        indirect = d.pop("indirect")

        retired = d.pop("retired")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        budget_category = cls(
            id=id,
            fund_id=fund_id,
            code=code,
            name_en=name_en,
            name_fr=name_fr,
            indirect=indirect,
            retired=retired,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return budget_category
