from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.campaign_create_currency import CampaignCreateCurrency
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="CampaignCreate")


@_attrs_define
class CampaignCreate:
    """
    Attributes:
        fund_id (int):
        name (str):
        starts_on (datetime.date):
        platform (None | str | Unset):
        ends_on (datetime.date | None | Unset):
        currency (CampaignCreateCurrency | Unset):  Default: CampaignCreateCurrency.USD. Example: EUR.
        target (None | str | Unset): Decimal amount as a string, in major units, with at most the currency's decimals
            (USD 2, JPY 0, KWD 3); greater than zero Example: 25000.00.
    """

    fund_id: int
    name: str
    starts_on: datetime.date
    platform: None | str | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    currency: CampaignCreateCurrency | Unset = CampaignCreateCurrency.USD
    target: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fund_id = self.fund_id

        name = self.name

        starts_on = self.starts_on.isoformat()

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        else:
            platform = self.platform

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "name": name,
                "starts_on": starts_on,
            }
        )
        if platform is not UNSET:
            field_dict["platform"] = platform
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if currency is not UNSET:
            field_dict["currency"] = currency
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_id = d.pop("fund_id")

        name = d.pop("name")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_platform(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform = _parse_platform(d.pop("platform", UNSET))

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        _currency = d.pop("currency", UNSET)
        currency: CampaignCreateCurrency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CampaignCreateCurrency(_currency)

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        campaign_create = cls(
            fund_id=fund_id,
            name=name,
            starts_on=starts_on,
            platform=platform,
            ends_on=ends_on,
            currency=currency,
            target=target,
        )

        return campaign_create
