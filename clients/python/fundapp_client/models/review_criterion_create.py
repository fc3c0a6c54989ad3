from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="ReviewCriterionCreate")


@_attrs_define
class ReviewCriterionCreate:
    """
    Attributes:
        fund_id (int):
        name_en (str):  Example: Relevance to the fund's mandate.
        name_fr (str):  Example: Pertinence au regard du mandat du Fonds.
        scale_min (int | Unset): Lowest score Default: 1.
        scale_max (int | Unset): Highest score Default: 5.
        weight (int | Unset): How much the criterion counts in a proposal's weighted total Default: 1.
        active (bool | Unset): Asked for in new reviews Default: True.
    """

    fund_id: int
    name_en: str
    name_fr: str
    scale_min: int | Unset = 1
    scale_max: int | Unset = 5
    weight: int | Unset = 1
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        fund_id = self.fund_id

        name_en = self.name_en

        name_fr = self.name_fr

        scale_min = self.scale_min

        scale_max = self.scale_max

        weight = self.weight

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "name_en": name_en,
                "name_fr": name_fr,
            }
        )
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
        fund_id = d.pop("fund_id")

        name_en = d.pop("name_en")

        name_fr = d.pop("name_fr")

        scale_min = d.pop("scale_min", UNSET)

        scale_max = d.pop("scale_max", UNSET)

        weight = d.pop("weight", UNSET)

        active = d.pop("active", UNSET)

        review_criterion_create = cls(
            fund_id=fund_id,
            name_en=name_en,
            name_fr=name_fr,
            scale_min=scale_min,
            scale_max=scale_max,
            weight=weight,
            active=active,
        )

        return review_criterion_create
