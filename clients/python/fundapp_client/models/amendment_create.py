from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="AmendmentCreate")


@_attrs_define
class AmendmentCreate:
    """
    Attributes:
        amount (str): The grant's new total amount, in USD Example: 45000.00.
        reason (str):
        decided_on (datetime.date):
    """

    amount: str
    reason: str
    decided_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        reason = self.reason

        decided_on = self.decided_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "reason": reason,
                "decided_on": decided_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        reason = d.pop("reason")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        amendment_create = cls(
            amount=amount,
            reason=reason,
            decided_on=decided_on,
        )

        return amendment_create
