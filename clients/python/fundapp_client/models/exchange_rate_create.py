from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exchange_rate_create_currency import ExchangeRateCreateCurrency
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ExchangeRateCreate")


@_attrs_define
class ExchangeRateCreate:
    """
    Attributes:
        currency (ExchangeRateCreateCurrency):  Example: EUR.
        rate_date (datetime.date):
        usd_per_unit (str): USD per unit of the currency, as a decimal string greater than zero Example: 1.0842.
        source (None | str | Unset):
    """

    currency: ExchangeRateCreateCurrency
    rate_date: datetime.date
    usd_per_unit: str
    source: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency.value

        rate_date = self.rate_date.isoformat()

        usd_per_unit = self.usd_per_unit

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "rate_date": rate_date,
                "usd_per_unit": usd_per_unit,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = ExchangeRateCreateCurrency(d.pop("currency"))

        rate_date = datetime.date.fromisoformat(d.pop("rate_date"))

        usd_per_unit = d.pop("usd_per_unit")

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        exchange_rate_create = cls(
            currency=currency,
            rate_date=rate_date,
            usd_per_unit=usd_per_unit,
            source=source,
        )

        return exchange_rate_create
