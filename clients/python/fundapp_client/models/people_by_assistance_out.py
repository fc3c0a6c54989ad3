from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="PeopleByAssistanceOut")


@_attrs_define
class PeopleByAssistanceOut:
    """
    Attributes:
        assistance (str):
        people (int):
    """

    assistance: str
    people: int

    def to_dict(self) -> dict[str, Any]:
        assistance = self.assistance

        people = self.people

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assistance": assistance,
                "people": people,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assistance = d.pop("assistance")

        people = d.pop("people")

        people_by_assistance_out = cls(
            assistance=assistance,
            people=people,
        )

        return people_by_assistance_out
