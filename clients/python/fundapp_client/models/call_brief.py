from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.call_brief_status import CallBriefStatus


T = TypeVar("T", bound="CallBrief")


@_attrs_define
class CallBrief:
    """
    Attributes:
        id (int):
        cycle_label (str):
        status (CallBriefStatus):
    """

    id: int
    cycle_label: str
    status: CallBriefStatus

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        cycle_label = self.cycle_label

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "cycle_label": cycle_label,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        cycle_label = d.pop("cycle_label")

        status = CallBriefStatus(d.pop("status"))

        call_brief = cls(
            id=id,
            cycle_label=cycle_label,
            status=status,
        )

        return call_brief
