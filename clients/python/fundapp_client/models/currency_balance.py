from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="CurrencyBalance")


@_attrs_define
class CurrencyBalance:
    """
    Attributes:
        currency (str):
        pledged (str): Pledged (cancelled pledges excluded), in this currency Example: 25000.00.
        received (str): Received (reversed receipts excluded), in this currency Example: 25000.00.
    """

    currency: str
    pledged: str
    received: str

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        pledged = self.pledged

        received = self.received

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "pledged": pledged,
                "received": received,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        pledged = d.pop("pledged")

        received = d.pop("received")

        currency_balance = cls(
            currency=currency,
            pledged=pledged,
            received=received,
        )

        return currency_balance
