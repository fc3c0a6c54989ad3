from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ConditionMet")


@_attrs_define
class ConditionMet:
    """
    Attributes:
        met_on (datetime.date):
        note (None | str | Unset):
    """

    met_on: datetime.date
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        met_on = self.met_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "met_on": met_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        met_on = datetime.date.fromisoformat(d.pop("met_on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        condition_met = cls(
            met_on=met_on,
            note=note,
        )

        return condition_met
