from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="ReviewCriterion")


@_attrs_define
class ReviewCriterion:
    """
    Attributes:
        id (int):
        fund_id (int):
        name_en (str):
        name_fr (str):
        scale_min (int):
        scale_max (int):
        weight (int):
        active (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    fund_id: int
    name_en: str
    name_fr: str
    scale_min: int
    scale_max: int
    weight: int
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fund_id = self.fund_id

        name_en = self.name_en

        name_fr = self.name_fr

        scale_min = self.scale_min

        scale_max = self.scale_max

        weight = self.weight

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "name_en": name_en,
                "name_fr": name_fr,
                "scale_min": scale_min,
                "scale_max": scale_max,
                "weight": weight,
                "active": active,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        name_en = d.pop("name_en")

        name_fr = d.pop("name_fr")

        scale_min = d.pop("scale_min")

        scale_max = d.pop("scale_max")

        weight = d.pop("weight")

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        review_criterion = cls(
            id=id,
            fund_id=fund_id,
            name_en=name_en,
            name_fr=name_fr,
            scale_min=scale_min,
            scale_max=scale_max,
            weight=weight,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return review_criterion
