from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="CriterionFailures")


@_attrs_define
class CriterionFailures:
    """
    Attributes:
        criterion (str):
        failed (int):
    """

    criterion: str
    failed: int

    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion

        failed = self.failed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criterion": criterion,
                "failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion = d.pop("criterion")

        failed = d.pop("failed")

        criterion_failures = cls(
            criterion=criterion,
            failed=failed,
        )

        return criterion_failures
