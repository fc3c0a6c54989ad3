from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="PeopleByNationalityOut")


@_attrs_define
class PeopleByNationalityOut:
    """
    Attributes:
        country_code (str):
        people (int):
    """

    country_code: str
    people: int

    def to_dict(self) -> dict[str, Any]:
        country_code = self.country_code

        people = self.people

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country_code": country_code,
                "people": people,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country_code = d.pop("country_code")

        people = d.pop("people")

        people_by_nationality_out = cls(
            country_code=country_code,
            people=people,
        )

        return people_by_nationality_out
