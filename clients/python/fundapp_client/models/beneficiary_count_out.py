from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.beneficiary_count_out_age_group import BeneficiaryCountOutAgeGroup
from ..models.beneficiary_count_out_sex import BeneficiaryCountOutSex


T = TypeVar("T", bound="BeneficiaryCountOut")


@_attrs_define
class BeneficiaryCountOut:
    """
    Attributes:
        sex (BeneficiaryCountOutSex):
        age_group (BeneficiaryCountOutAgeGroup):
        assistance (str):
        people (int):
    """

    sex: BeneficiaryCountOutSex
    age_group: BeneficiaryCountOutAgeGroup
    assistance: str
    people: int

    def to_dict(self) -> dict[str, Any]:
        sex = self.sex.value

        age_group = self.age_group.value

        assistance = self.assistance

        people = self.people

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sex": sex,
                "age_group": age_group,
                "assistance": assistance,
                "people": people,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sex = BeneficiaryCountOutSex(d.pop("sex"))

        age_group = BeneficiaryCountOutAgeGroup(d.pop("age_group"))

        assistance = d.pop("assistance")

        people = d.pop("people")

        beneficiary_count_out = cls(
            sex=sex,
            age_group=age_group,
            assistance=assistance,
            people=people,
        )

        return beneficiary_count_out
