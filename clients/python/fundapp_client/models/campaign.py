from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="Campaign")


@_attrs_define
class Campaign:
    """
    Attributes:
        id (int):
        fund_id (int):
        name (str):
        platform (None | str):
        starts_on (datetime.date):
        ends_on (datetime.date | None):
        currency (str):
        target (None | str):  Example: 25000.00.
        illustrative (bool):
        source (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    fund_id: int
    name: str
    platform: None | str
    starts_on: datetime.date
    ends_on: datetime.date | None
    currency: str
    target: None | str
    illustrative: bool
    source: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fund_id = self.fund_id

        name = self.name

        platform: None | str
        platform = self.platform

        starts_on = self.starts_on.isoformat()

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        currency = self.currency

        target: None | str
        target = self.target

        illustrative = self.illustrative

        source: None | str
        source = self.source

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "name": name,
                "platform": platform,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "currency": currency,
                "target": target,
                "illustrative": illustrative,
                "source": source,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        name = d.pop("name")

        def _parse_platform(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform = _parse_platform(d.pop("platform"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        currency = d.pop("currency")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        campaign = cls(
            id=id,
            fund_id=fund_id,
            name=name,
            platform=platform,
            starts_on=starts_on,
            ends_on=ends_on,
            currency=currency,
            target=target,
            illustrative=illustrative,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
        )

        return campaign
