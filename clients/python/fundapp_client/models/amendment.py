from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="Amendment")


@_attrs_define
class Amendment:
    """
    Attributes:
        id (int):
        grant_id (int):
        currency (str):
        previous (str): The grant's amount before Example: 25000.00.
        amount (str): The grant's amount after Example: 25000.00.
        decided_on (datetime.date):
        reason (str):
        illustrative (bool):
        source (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    grant_id: int
    currency: str
    previous: str
    amount: str
    decided_on: datetime.date
    reason: str
    illustrative: bool
    source: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        grant_id = self.grant_id

        currency = self.currency

        previous = self.previous

        amount = self.amount

        decided_on = self.decided_on.isoformat()

        reason = self.reason

        illustrative = self.illustrative

        source: None | str
        source = self.source

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "currency": currency,
                "previous": previous,
                "amount": amount,
                "decided_on": decided_on,
                "reason": reason,
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

        grant_id = d.pop("grant_id")

        currency = d.pop("currency")

        previous = d.pop("previous")

        amount = d.pop("amount")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        reason = d.pop("reason")

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        amendment = cls(
            id=id,
            grant_id=grant_id,
            currency=currency,
            previous=previous,
            amount=amount,
            decided_on=decided_on,
            reason=reason,
            illustrative=illustrative,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
        )

        return amendment
