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
        purpose_en (str | Unset): What the documents say the fund supports: "the Fund supports <purpose>" Example:
            direct assistance to victims of torture and their families.
        purpose_fr (str | Unset):  Example: l’assistance directe aux victimes de la torture.
        victims_en (str | Unset): Whom the fund's grantees assist Example: victims of torture.
        victims_fr (str | Unset):  Example: victimes de la torture.
        cause_en (str | Unset): What the fund's work is part of the global fight against Example: torture.
        cause_fr (str | Unset):  Example: la torture.
        assistance (list[MandateAssistanceItem] | Unset): The kinds of assistance the fund funds, in the order its
            reports name them
        groups (list[MandateGroupsItem] | Unset): Those its mandate puts first
    """

    resolution: str | Unset = UNSET
    instrument_en: str | Unset = UNSET
    instrument_fr: str | Unset = UNSET
    purpose_en: str | Unset = UNSET
    purpose_fr: str | Unset = UNSET
    victims_en: str | Unset = UNSET
    victims_fr: str | Unset = UNSET
    cause_en: str | Unset = UNSET
    cause_fr: str | Unset = UNSET
    assistance: list[MandateAssistanceItem] | Unset = UNSET
    groups: list[MandateGroupsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resolution = self.resolution

        instrument_en = self.instrument_en

        instrument_fr = self.instrument_fr

        purpose_en = self.purpose_en

        purpose_fr = self.purpose_fr

        victims_en = self.victims_en

        victims_fr = self.victims_fr

        cause_en = self.cause_en

        cause_fr = self.cause_fr

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
        if purpose_en is not UNSET:
            field_dict["purpose_en"] = purpose_en
        if purpose_fr is not UNSET:
            field_dict["purpose_fr"] = purpose_fr
        if victims_en is not UNSET:
            field_dict["victims_en"] = victims_en
        if victims_fr is not UNSET:
            field_dict["victims_fr"] = victims_fr
        if cause_en is not UNSET:
            field_dict["cause_en"] = cause_en
        if cause_fr is not UNSET:
            field_dict["cause_fr"] = cause_fr
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

        purpose_en = d.pop("purpose_en", UNSET)

        purpose_fr = d.pop("purpose_fr", UNSET)

        victims_en = d.pop("victims_en", UNSET)

        victims_fr = d.pop("victims_fr", UNSET)

        cause_en = d.pop("cause_en", UNSET)

        cause_fr = d.pop("cause_fr", UNSET)

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
            purpose_en=purpose_en,
            purpose_fr=purpose_fr,
            victims_en=victims_en,
            victims_fr=victims_fr,
            cause_en=cause_en,
            cause_fr=cause_fr,
            assistance=assistance,
            groups=groups,
        )

        return mandate
