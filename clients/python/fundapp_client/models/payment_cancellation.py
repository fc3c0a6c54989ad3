from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="PaymentCancellation")


@_attrs_define
class PaymentCancellation:
    """
    Attributes:
        cancelled_on (datetime.date): The day the payment was returned or found in error; not before it was paid
        reason (str):  Example: Returned by the grantee's bank: account closed.
    """

    cancelled_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        cancelled_on = self.cancelled_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cancelled_on": cancelled_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancelled_on = datetime.date.fromisoformat(d.pop("cancelled_on"))

        reason = d.pop("reason")

        payment_cancellation = cls(
            cancelled_on=cancelled_on,
            reason=reason,
        )

        return payment_cancellation
