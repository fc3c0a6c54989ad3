from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ReceiptCreate")


@_attrs_define
class ReceiptCreate:
    """
    Attributes:
        received_on (datetime.date):
        amount (str): In the pledge's currency Example: 25000.00.
        usd_rate (None | str | Unset): USD per unit; when absent, the exchange-rate table's latest rate on or before
            received_on (at most 31 days before) is used Example: 1.0842.
        rate_date (datetime.date | None | Unset): Date of usd_rate (default received_on)
    """

    received_on: datetime.date
    amount: str
    usd_rate: None | str | Unset = UNSET
    rate_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        received_on = self.received_on.isoformat()

        amount = self.amount

        usd_rate: None | str | Unset
        if isinstance(self.usd_rate, Unset):
            usd_rate = UNSET
        else:
            usd_rate = self.usd_rate

        rate_date: None | str | Unset
        if isinstance(self.rate_date, Unset):
            rate_date = UNSET
        elif isinstance(self.rate_date, datetime.date):
            rate_date = self.rate_date.isoformat()
        else:
            rate_date = self.rate_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "received_on": received_on,
                "amount": amount,
            }
        )
        if usd_rate is not UNSET:
            field_dict["usd_rate"] = usd_rate
        if rate_date is not UNSET:
            field_dict["rate_date"] = rate_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        amount = d.pop("amount")

        def _parse_usd_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        usd_rate = _parse_usd_rate(d.pop("usd_rate", UNSET))

        def _parse_rate_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rate_date_type_0 = datetime.date.fromisoformat(data)

                return rate_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        rate_date = _parse_rate_date(d.pop("rate_date", UNSET))

        receipt_create = cls(
            received_on=received_on,
            amount=amount,
            usd_rate=usd_rate,
            rate_date=rate_date,
        )

        return receipt_create
