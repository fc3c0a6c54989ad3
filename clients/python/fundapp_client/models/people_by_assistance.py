from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.people_by_assistance_assistance import PeopleByAssistanceAssistance


T = TypeVar("T", bound="PeopleByAssistance")


@_attrs_define
class PeopleByAssistance:
    """
    Attributes:
        assistance (PeopleByAssistanceAssistance):
        people (int):
    """

    assistance: PeopleByAssistanceAssistance
    people: int

    def to_dict(self) -> dict[str, Any]:
        assistance = self.assistance.value

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
        assistance = PeopleByAssistanceAssistance(d.pop("assistance"))

        people = d.pop("people")

        people_by_assistance = cls(
            assistance=assistance,
            people=people,
        )

        return people_by_assistance
