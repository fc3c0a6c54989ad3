from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.people_by_sex_and_age_age_group import PeopleBySexAndAgeAgeGroup
from ..models.people_by_sex_and_age_sex import PeopleBySexAndAgeSex


T = TypeVar("T", bound="PeopleBySexAndAge")


@_attrs_define
class PeopleBySexAndAge:
    """
    Attributes:
        sex (PeopleBySexAndAgeSex):
        age_group (PeopleBySexAndAgeAgeGroup):
        people (int):
    """

    sex: PeopleBySexAndAgeSex
    age_group: PeopleBySexAndAgeAgeGroup
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
        sex = PeopleBySexAndAgeSex(d.pop("sex"))

        age_group = PeopleBySexAndAgeAgeGroup(d.pop("age_group"))

        people = d.pop("people")

        people_by_sex_and_age = cls(
            sex=sex,
            age_group=age_group,
            people=people,
        )

        return people_by_sex_and_age
