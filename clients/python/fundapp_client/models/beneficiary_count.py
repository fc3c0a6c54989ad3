from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.beneficiary_count_age_group import BeneficiaryCountAgeGroup
from ..models.beneficiary_count_assistance import BeneficiaryCountAssistance
from ..models.beneficiary_count_sex import BeneficiaryCountSex


T = TypeVar("T", bound="BeneficiaryCount")


@_attrs_define
class BeneficiaryCount:
    """
    Attributes:
        sex (BeneficiaryCountSex):
        age_group (BeneficiaryCountAgeGroup):
        assistance (BeneficiaryCountAssistance):
        people (int):
    """

    sex: BeneficiaryCountSex
    age_group: BeneficiaryCountAgeGroup
    assistance: BeneficiaryCountAssistance
    people: int

    def to_dict(self) -> dict[str, Any]:
        sex = self.sex.value

        age_group = self.age_group.value

        assistance = self.assistance.value

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
        sex = BeneficiaryCountSex(d.pop("sex"))

        age_group = BeneficiaryCountAgeGroup(d.pop("age_group"))

        assistance = BeneficiaryCountAssistance(d.pop("assistance"))

        people = d.pop("people")

        beneficiary_count = cls(
            sex=sex,
            age_group=age_group,
            assistance=assistance,
            people=people,
        )

        return beneficiary_count
