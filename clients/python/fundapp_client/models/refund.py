from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="Refund")


@_attrs_define
class Refund:
    """
    Attributes:
        id (int):
        grant_id (int):
        currency (str):
        amount (str):  Example: 25000.00.
        received_on (datetime.date):
        reason (str):
        released_commitment (bool): The grant had ended: the refund also released as much of its commitment
        illustrative (bool):
        source (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    grant_id: int
    currency: str
    amount: str
    received_on: datetime.date
    reason: str
    released_commitment: bool
    illustrative: bool
    source: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        grant_id = self.grant_id

        currency = self.currency

        amount = self.amount

        received_on = self.received_on.isoformat()

        reason = self.reason

        released_commitment = self.released_commitment

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
                "amount": amount,
                "received_on": received_on,
                "reason": reason,
                "released_commitment": released_commitment,
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

        amount = d.pop("amount")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        reason = d.pop("reason")

        released_commitment = d.pop("released_commitment")

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        refund = cls(
            id=id,
            grant_id=grant_id,
            currency=currency,
            amount=amount,
            received_on=received_on,
            reason=reason,
            released_commitment=released_commitment,
            illustrative=illustrative,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
        )

        return refund
