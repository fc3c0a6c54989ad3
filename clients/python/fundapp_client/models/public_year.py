from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="PublicYear")


@_attrs_define
class PublicYear:
    """
    Attributes:
        year (int):
        usd (str): Received in the year, in USD Example: 25000.00.
    """

    year: int
    usd: str

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        usd = self.usd

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
                "usd": usd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        usd = d.pop("usd")

        public_year = cls(
            year=year,
            usd=usd,
        )

        return public_year
