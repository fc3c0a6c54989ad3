from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="DisbursementCreate")


@_attrs_define
class DisbursementCreate:
    """
    Attributes:
        planned_on (datetime.date):
        amount (str): Decimal amount as a string, in major units of the currency Example: 20000.00.
    """

    planned_on: datetime.date
    amount: str

    def to_dict(self) -> dict[str, Any]:
        planned_on = self.planned_on.isoformat()

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "planned_on": planned_on,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        amount = d.pop("amount")

        disbursement_create = cls(
            planned_on=planned_on,
            amount=amount,
        )

        return disbursement_create
