from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="ReviewCriterionUpdate")


@_attrs_define
class ReviewCriterionUpdate:
    """
    Attributes:
        name_en (str | Unset):
        name_fr (str | Unset):
        scale_min (int | Unset):
        scale_max (int | Unset):
        weight (int | Unset):
        active (bool | Unset):
    """

    name_en: str | Unset = UNSET
    name_fr: str | Unset = UNSET
    scale_min: int | Unset = UNSET
    scale_max: int | Unset = UNSET
    weight: int | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name_en = self.name_en

        name_fr = self.name_fr

        scale_min = self.scale_min

        scale_max = self.scale_max

        weight = self.weight

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if name_fr is not UNSET:
            field_dict["name_fr"] = name_fr
        if scale_min is not UNSET:
            field_dict["scale_min"] = scale_min
        if scale_max is not UNSET:
            field_dict["scale_max"] = scale_max
        if weight is not UNSET:
            field_dict["weight"] = weight
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name_en = d.pop("name_en", UNSET)

        name_fr = d.pop("name_fr", UNSET)

        scale_min = d.pop("scale_min", UNSET)

        scale_max = d.pop("scale_max", UNSET)

        weight = d.pop("weight", UNSET)

        active = d.pop("active", UNSET)

        review_criterion_update = cls(
            name_en=name_en,
            name_fr=name_fr,
            scale_min=scale_min,
            scale_max=scale_max,
            weight=weight,
            active=active,
        )

        return review_criterion_update
