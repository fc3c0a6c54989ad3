from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mandate_assistance_item import MandateAssistanceItem
from ..models.mandate_groups_item import MandateGroupsItem
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="Mandate")


@_attrs_define
class Mandate:
    """
    Attributes:
        resolution (str | Unset):  Example: 64/293.
        instrument_en (str | Unset):  Example: United Nations Global Plan of Action.
        instrument_fr (str | Unset):  Example: Plan d’action mondial des Nations Unies.
        assistance (list[MandateAssistanceItem] | Unset): The kinds of assistance the fund funds, in the order its
            reports name them
        groups (list[MandateGroupsItem] | Unset): Those its mandate puts first
    """

    resolution: str | Unset = UNSET
    instrument_en: str | Unset = UNSET
    instrument_fr: str | Unset = UNSET
    assistance: list[MandateAssistanceItem] | Unset = UNSET
    groups: list[MandateGroupsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resolution = self.resolution

        instrument_en = self.instrument_en

        instrument_fr = self.instrument_fr

        assistance: list[str] | Unset = UNSET
        if not isinstance(self.assistance, Unset):
            assistance = []
            for assistance_item_data in self.assistance:
                assistance_item = assistance_item_data.value
                assistance.append(assistance_item)

        groups: list[str] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.value
                groups.append(groups_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if instrument_en is not UNSET:
            field_dict["instrument_en"] = instrument_en
        if instrument_fr is not UNSET:
            field_dict["instrument_fr"] = instrument_fr
        if assistance is not UNSET:
            field_dict["assistance"] = assistance
        if groups is not UNSET:
            field_dict["groups"] = groups

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resolution = d.pop("resolution", UNSET)

        instrument_en = d.pop("instrument_en", UNSET)

        instrument_fr = d.pop("instrument_fr", UNSET)

        _assistance = d.pop("assistance", UNSET)
        assistance: list[MandateAssistanceItem] | Unset = UNSET
        if _assistance is not UNSET:
            assistance = []
            for assistance_item_data in _assistance:
                assistance_item = MandateAssistanceItem(assistance_item_data)

                assistance.append(assistance_item)

        _groups = d.pop("groups", UNSET)
        groups: list[MandateGroupsItem] | Unset = UNSET
        if _groups is not UNSET:
            groups = []
            for groups_item_data in _groups:
                groups_item = MandateGroupsItem(groups_item_data)

                groups.append(groups_item)

        mandate = cls(
            resolution=resolution,
            instrument_en=instrument_en,
            instrument_fr=instrument_fr,
            assistance=assistance,
            groups=groups,
        )

        return mandate
