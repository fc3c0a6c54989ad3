from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.people_by_sex_and_age_out_age_group import PeopleBySexAndAgeOutAgeGroup
from ..models.people_by_sex_and_age_out_sex import PeopleBySexAndAgeOutSex


T = TypeVar("T", bound="PeopleBySexAndAgeOut")


@_attrs_define
class PeopleBySexAndAgeOut:
    """
    Attributes:
        sex (PeopleBySexAndAgeOutSex):
        age_group (PeopleBySexAndAgeOutAgeGroup):
        people (int):
    """

    sex: PeopleBySexAndAgeOutSex
    age_group: PeopleBySexAndAgeOutAgeGroup
    people: int

    def to_dict(self) -> dict[str, Any]:
        sex = self.sex.value

        age_group = self.age_group.value

        people = self.people

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sex": sex,
                "age_group": age_group,
                "people": people,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sex = PeopleBySexAndAgeOutSex(d.pop("sex"))

        age_group = PeopleBySexAndAgeOutAgeGroup(d.pop("age_group"))

        people = d.pop("people")

        people_by_sex_and_age_out = cls(
            sex=sex,
            age_group=age_group,
            people=people,
        )

        return people_by_sex_and_age_out
