from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="ProblemField")


@_attrs_define
class ProblemField:
    """
    Attributes:
        field (str):
        reason (str):
        location (str | Unset):
        current_state (str | Unset): The record's state, for a state conflict
    """

    field: str
    reason: str
    location: str | Unset = UNSET
    current_state: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        reason = self.reason

        location = self.location

        current_state = self.current_state

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "reason": reason,
            }
        )
        if location is not UNSET:
            field_dict["location"] = location
        if current_state is not UNSET:
            field_dict["current_state"] = current_state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        reason = d.pop("reason")

        location = d.pop("location", UNSET)

        current_state = d.pop("current_state", UNSET)

        problem_field = cls(
            field=field,
            reason=reason,
            location=location,
            current_state=current_state,
        )

        return problem_field
