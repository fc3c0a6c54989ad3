from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="OrganisationBrief")


@_attrs_define
class OrganisationBrief:
    """
    Attributes:
        id (int):
        name (str):
        acronym (None | str):
        country_code (str):
    """

    id: int
    name: str
    acronym: None | str
    country_code: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        acronym: None | str
        acronym = self.acronym

        country_code = self.country_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "acronym": acronym,
                "country_code": country_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_acronym(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acronym = _parse_acronym(d.pop("acronym"))

        country_code = d.pop("country_code")

        organisation_brief = cls(
            id=id,
            name=name,
            acronym=acronym,
            country_code=country_code,
        )

        return organisation_brief
