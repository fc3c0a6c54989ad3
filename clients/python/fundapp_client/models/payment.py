from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """
    Attributes:
        paid_on (datetime.date):
        amount (str): Amount paid, in USD; at most the tranche's planned amount Example: 25000.00.
    """

    paid_on: datetime.date
    amount: str

    def to_dict(self) -> dict[str, Any]:
        paid_on = self.paid_on.isoformat()

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "paid_on": paid_on,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        amount = d.pop("amount")

        payment = cls(
            paid_on=paid_on,
            amount=amount,
        )

        return payment
