from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="ConditionCreate")


@_attrs_define
class ConditionCreate:
    """
    Attributes:
        description (str):  Example: Revised budget received and approved.
        description_fr (None | str | Unset): The condition in French, for the French letters; without it they print the
            English marked as such Example: Budget révisé reçu et approuvé.
    """

    description: str
    description_fr: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        description_fr: None | str | Unset
        if isinstance(self.description_fr, Unset):
            description_fr = UNSET
        else:
            description_fr = self.description_fr

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
            }
        )
        if description_fr is not UNSET:
            field_dict["description_fr"] = description_fr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        def _parse_description_fr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description_fr = _parse_description_fr(d.pop("description_fr", UNSET))

        condition_create = cls(
            description=description,
            description_fr=description_fr,
        )

        return condition_create
