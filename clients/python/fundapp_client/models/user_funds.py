from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="UserFunds")


@_attrs_define
class UserFunds:
    """
    Attributes:
        fund_ids (list[int]): Every fund the user works for (any other it worked for is taken away)
    """

    fund_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        fund_ids = self.fund_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_ids": fund_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_ids = cast(list[int], d.pop("fund_ids"))

        user_funds = cls(
            fund_ids=fund_ids,
        )

        return user_funds
