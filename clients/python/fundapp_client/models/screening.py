from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.check_in import CheckIn


T = TypeVar("T", bound="Screening")


@_attrs_define
class Screening:
    """
    Attributes:
        checks (list[CheckIn]): Exactly one entry per eligibility criterion of the call
    """

    checks: list[CheckIn]

    def to_dict(self) -> dict[str, Any]:
        from ..models.check_in import CheckIn  # noqa: PLC0415

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checks": checks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_in import CheckIn  # noqa: PLC0415

        d = dict(src_dict)
        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = CheckIn.from_dict(checks_item_data)

            checks.append(checks_item)

        screening = cls(
            checks=checks,
        )

        return screening
