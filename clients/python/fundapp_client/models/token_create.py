from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="TokenCreate")


@_attrs_define
class TokenCreate:
    """
    Attributes:
        name (str):  Example: reporting script.
        days (int | Unset): Lifetime in days (at most 365); the default is 90
    """

    name: str
    days: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        days = self.days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if days is not UNSET:
            field_dict["days"] = days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        days = d.pop("days", UNSET)

        token_create = cls(
            name=name,
            days=days,
        )

        return token_create
