from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country_code import CountryCode


T = TypeVar("T", bound="PeopleByNationality")


@_attrs_define
class PeopleByNationality:
    """
    Attributes:
        country_code (CountryCode): An ISO 3166-1 alpha-2 country code (officially assigned), or one of the fund's
            documented exceptions: XK, Kosovo (under UNSCR 1244). The list is fundapp/data/iso3166-1-countries.csv. Example:
            NG.
        people (int):
    """

    country_code: CountryCode
    people: int

    def to_dict(self) -> dict[str, Any]:
        country_code = self.country_code.value

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
        country_code = CountryCode(d.pop("country_code"))

        people = d.pop("people")

        people_by_nationality = cls(
            country_code=country_code,
            people=people,
        )

        return people_by_nationality
