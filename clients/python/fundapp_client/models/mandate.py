from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mandate_assistance_item import MandateAssistanceItem
from ..models.mandate_groups_item import MandateGroupsItem
from ..models.mandate_sdg_targets_item import MandateSdgTargetsItem
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
        expertise_en (str | Unset): The field of the Board members' knowledge, where an appointment says it: "taking
            into account each member's knowledge of <expertise>" Example: human rights.
        expertise_fr (str | Unset): As it follows "dans le domaine": "de la traite de personnes", "des droits de
            l’homme" Example: des droits de l’homme.
        approver_en (str | Unset): Who gives final approval to the Board's recommendations, where it is not the
            administrator as Fund manager: "final approval ... was given by <approver>" Example: the United Nations High
            Commissioner for Human Rights, on behalf of the Secretary-General.
        approver_fr (str | Unset):  Example: la Haute-Commissaire des Nations Unies aux droits de l’homme, au nom du
            Secrétaire général.
        sdg_targets (list[MandateSdgTargetsItem] | Unset): The SDG targets every grant of the fund serves, in its open
            data (IATI tags; 5.2 and 16.2 are added for grants to women and girls, and to children) Example: ['16.3'].
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
    expertise_en: str | Unset = UNSET
    expertise_fr: str | Unset = UNSET
    approver_en: str | Unset = UNSET
    approver_fr: str | Unset = UNSET
    sdg_targets: list[MandateSdgTargetsItem] | Unset = UNSET
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

        expertise_en = self.expertise_en

        expertise_fr = self.expertise_fr

        approver_en = self.approver_en

        approver_fr = self.approver_fr

        sdg_targets: list[str] | Unset = UNSET
        if not isinstance(self.sdg_targets, Unset):
            sdg_targets = []
            for sdg_targets_item_data in self.sdg_targets:
                sdg_targets_item = sdg_targets_item_data.value
                sdg_targets.append(sdg_targets_item)

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
        if expertise_en is not UNSET:
            field_dict["expertise_en"] = expertise_en
        if expertise_fr is not UNSET:
            field_dict["expertise_fr"] = expertise_fr
        if approver_en is not UNSET:
            field_dict["approver_en"] = approver_en
        if approver_fr is not UNSET:
            field_dict["approver_fr"] = approver_fr
        if sdg_targets is not UNSET:
            field_dict["sdg_targets"] = sdg_targets
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

        expertise_en = d.pop("expertise_en", UNSET)

        expertise_fr = d.pop("expertise_fr", UNSET)

        approver_en = d.pop("approver_en", UNSET)

        approver_fr = d.pop("approver_fr", UNSET)

        _sdg_targets = d.pop("sdg_targets", UNSET)
        sdg_targets: list[MandateSdgTargetsItem] | Unset = UNSET
        if _sdg_targets is not UNSET:
            sdg_targets = []
            for sdg_targets_item_data in _sdg_targets:
                sdg_targets_item = MandateSdgTargetsItem(sdg_targets_item_data)

                sdg_targets.append(sdg_targets_item)

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
            expertise_en=expertise_en,
            expertise_fr=expertise_fr,
            approver_en=approver_en,
            approver_fr=approver_fr,
            sdg_targets=sdg_targets,
            assistance=assistance,
            groups=groups,
        )

        return mandate
