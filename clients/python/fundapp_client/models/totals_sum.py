from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="TotalsSum")


@_attrs_define
class TotalsSum:
    """
    Attributes:
        usd (str): Received, in USD Example: 25000.00.
        receipts (int):
        donors (int): Distinct donors
    """

    usd: str
    receipts: int
    donors: int

    def to_dict(self) -> dict[str, Any]:
        usd = self.usd

        receipts = self.receipts

        donors = self.donors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "usd": usd,
                "receipts": receipts,
                "donors": donors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        usd = d.pop("usd")

        receipts = d.pop("receipts")

        donors = d.pop("donors")

        totals_sum = cls(
            usd=usd,
            receipts=receipts,
            donors=donors,
        )

        return totals_sum
