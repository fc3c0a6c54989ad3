from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="Running")


@_attrs_define
class Running:
    """
    Attributes:
        currency (str):
        pledged (str): Pledged to date, in the entry's currency Example: 25000.00.
        received (str): Received to date, in the entry's currency Example: 25000.00.
        received_usd (str): Received to date, all currencies, in USD Example: 25000.00.
    """

    currency: str
    pledged: str
    received: str
    received_usd: str

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        pledged = self.pledged

        received = self.received

        received_usd = self.received_usd

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "pledged": pledged,
                "received": received,
                "received_usd": received_usd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        pledged = d.pop("pledged")

        received = d.pop("received")

        received_usd = d.pop("received_usd")

        running = cls(
            currency=currency,
            pledged=pledged,
            received=received,
            received_usd=received_usd,
        )

        return running
