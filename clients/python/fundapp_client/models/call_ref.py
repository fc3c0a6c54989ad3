from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="CallRef")


@_attrs_define
class CallRef:
    """
    Attributes:
        id (int):
        cycle_label (str):
        title (str):
    """

    id: int
    cycle_label: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        cycle_label = self.cycle_label

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "cycle_label": cycle_label,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        cycle_label = d.pop("cycle_label")

        title = d.pop("title")

        call_ref = cls(
            id=id,
            cycle_label=cycle_label,
            title=title,
        )

        return call_ref
