from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="PledgeCurrency")


@_attrs_define
class PledgeCurrency:
    """
    Attributes:
        currency (str):
        outstanding (str):  Example: 25000.00.
        outstanding_usd (None | str):  Example: 25000.00.
        usd_per_unit (None | str):  Example: 1.0842.
        rate_date (datetime.date | None):
    """

    currency: str
    outstanding: str
    outstanding_usd: None | str
    usd_per_unit: None | str
    rate_date: datetime.date | None

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        outstanding = self.outstanding

        outstanding_usd: None | str
        outstanding_usd = self.outstanding_usd

        usd_per_unit: None | str
        usd_per_unit = self.usd_per_unit

        rate_date: None | str
        if isinstance(self.rate_date, datetime.date):
            rate_date = self.rate_date.isoformat()
        else:
            rate_date = self.rate_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "outstanding": outstanding,
                "outstanding_usd": outstanding_usd,
                "usd_per_unit": usd_per_unit,
                "rate_date": rate_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        outstanding = d.pop("outstanding")

        def _parse_outstanding_usd(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outstanding_usd = _parse_outstanding_usd(d.pop("outstanding_usd"))

        def _parse_usd_per_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        usd_per_unit = _parse_usd_per_unit(d.pop("usd_per_unit"))

        def _parse_rate_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rate_date_type_0 = datetime.date.fromisoformat(data)

                return rate_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        rate_date = _parse_rate_date(d.pop("rate_date"))

        pledge_currency = cls(
            currency=currency,
            outstanding=outstanding,
            outstanding_usd=outstanding_usd,
            usd_per_unit=usd_per_unit,
            rate_date=rate_date,
        )

        return pledge_currency
