from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="EligibilityCheck")


@_attrs_define
class EligibilityCheck:
    """
    Attributes:
        criterion (str):
        passed (bool):
        note (None | str):
        checked_by_id (int | None):
        checked_at (datetime.datetime):
    """

    criterion: str
    passed: bool
    note: None | str
    checked_by_id: int | None
    checked_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion

        passed = self.passed

        note: None | str
        note = self.note

        checked_by_id: int | None
        checked_by_id = self.checked_by_id

        checked_at = self.checked_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criterion": criterion,
                "passed": passed,
                "note": note,
                "checked_by_id": checked_by_id,
                "checked_at": checked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion = d.pop("criterion")

        passed = d.pop("passed")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_checked_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        checked_by_id = _parse_checked_by_id(d.pop("checked_by_id"))

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        eligibility_check = cls(
            criterion=criterion,
            passed=passed,
            note=note,
            checked_by_id=checked_by_id,
            checked_at=checked_at,
        )

        return eligibility_check
