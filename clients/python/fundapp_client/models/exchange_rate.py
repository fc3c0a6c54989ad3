from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="ExchangeRate")


@_attrs_define
class ExchangeRate:
    """
    Attributes:
        id (int):
        currency (str):
        rate_date (datetime.date):
        usd_per_unit (str): USD per unit of the currency, as a decimal string greater than zero Example: 1.0842.
        source (None | str):
        created_at (datetime.datetime):
    """

    id: int
    currency: str
    rate_date: datetime.date
    usd_per_unit: str
    source: None | str
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        currency = self.currency

        rate_date = self.rate_date.isoformat()

        usd_per_unit = self.usd_per_unit

        source: None | str
        source = self.source

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "currency": currency,
                "rate_date": rate_date,
                "usd_per_unit": usd_per_unit,
                "source": source,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        currency = d.pop("currency")

        rate_date = datetime.date.fromisoformat(d.pop("rate_date"))

        usd_per_unit = d.pop("usd_per_unit")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        exchange_rate = cls(
            id=id,
            currency=currency,
            rate_date=rate_date,
            usd_per_unit=usd_per_unit,
            source=source,
            created_at=created_at,
        )

        return exchange_rate
