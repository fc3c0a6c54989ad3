from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ImportRowError")


@_attrs_define
class ImportRowError:
    """
    Attributes:
        line (int | None): Line of the CSV or row of the worksheet (1: the header)
        field (None | str): The column
        reason (str):
    """

    line: int | None
    field: None | str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        line: int | None
        line = self.line

        field: None | str
        field = self.field

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "line": line,
                "field": field,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_line(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line = _parse_line(d.pop("line"))

        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))

        reason = d.pop("reason")

        import_row_error = cls(
            line=line,
            field=field,
            reason=reason,
        )

        return import_row_error
