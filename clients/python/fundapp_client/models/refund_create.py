from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="RefundCreate")


@_attrs_define
class RefundCreate:
    """
    Attributes:
        amount (str): Amount returned, in USD; at most what the grant has been paid, net Example: 1250.00.
        received_on (datetime.date):
        reason (str):  Example: Unspent balance returned with the final financial report.
    """

    amount: str
    received_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        received_on = self.received_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "received_on": received_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        reason = d.pop("reason")

        refund_create = cls(
            amount=amount,
            received_on=received_on,
            reason=reason,
        )

        return refund_create
