from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="OrganisationRef")


@_attrs_define
class OrganisationRef:
    """
    Attributes:
        id (int):
        name (str):
        country_code (str):
    """

    id: int
    name: str
    country_code: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        country_code = self.country_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "country_code": country_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        country_code = d.pop("country_code")

        organisation_ref = cls(
            id=id,
            name=name,
            country_code=country_code,
        )

        return organisation_ref
