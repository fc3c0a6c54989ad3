from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.currency_balance import CurrencyBalance


T = TypeVar("T", bound="Balance")


@_attrs_define
class Balance:
    """
    Attributes:
        by_currency (list[CurrencyBalance]):
        received_usd (str): Received, in USD at each receipt's rate Example: 25000.00.
    """

    by_currency: list[CurrencyBalance]
    received_usd: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.currency_balance import CurrencyBalance  # noqa: PLC0415

        by_currency = []
        for by_currency_item_data in self.by_currency:
            by_currency_item = by_currency_item_data.to_dict()
            by_currency.append(by_currency_item)

        received_usd = self.received_usd

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by_currency": by_currency,
                "received_usd": received_usd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.currency_balance import CurrencyBalance  # noqa: PLC0415

        d = dict(src_dict)
        by_currency = []
        _by_currency = d.pop("by_currency")
        for by_currency_item_data in _by_currency:
            by_currency_item = CurrencyBalance.from_dict(by_currency_item_data)

            by_currency.append(by_currency_item)

        received_usd = d.pop("received_usd")

        balance = cls(
            by_currency=by_currency,
            received_usd=received_usd,
        )

        return balance
