from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.amendment_create_kind import AmendmentCreateKind
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="AmendmentCreate")


@_attrs_define
class AmendmentCreate:
    """
    Attributes:
        reason (str):
        kind (AmendmentCreateKind | Unset): extension (a new end date, the amount unchanged), increase or decrease (a
            new amount); may be left out: ends_on makes an extension, an amount an increase or a decrease
        amount (str | Unset): An increase's or a decrease's new total amount, in USD Example: 45000.00.
        ends_on (datetime.date | Unset): An extension's new end date, after the grant's end
        requested_on (datetime.date | Unset): The day the change was asked for; today (UTC) by default, never later
    """

    reason: str
    kind: AmendmentCreateKind | Unset = UNSET
    amount: str | Unset = UNSET
    ends_on: datetime.date | Unset = UNSET
    requested_on: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        amount = self.amount

        ends_on: str | Unset = UNSET
        if not isinstance(self.ends_on, Unset):
            ends_on = self.ends_on.isoformat()

        requested_on: str | Unset = UNSET
        if not isinstance(self.requested_on, Unset):
            requested_on = self.requested_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if amount is not UNSET:
            field_dict["amount"] = amount
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if requested_on is not UNSET:
            field_dict["requested_on"] = requested_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        _kind = d.pop("kind", UNSET)
        kind: AmendmentCreateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = AmendmentCreateKind(_kind)

        amount = d.pop("amount", UNSET)

        _ends_on = d.pop("ends_on", UNSET)
        ends_on: datetime.date | Unset
        if isinstance(_ends_on, Unset):
            ends_on = UNSET
        else:
            ends_on = datetime.date.fromisoformat(_ends_on)

        _requested_on = d.pop("requested_on", UNSET)
        requested_on: datetime.date | Unset
        if isinstance(_requested_on, Unset):
            requested_on = UNSET
        else:
            requested_on = datetime.date.fromisoformat(_requested_on)

        amendment_create = cls(
            reason=reason,
            kind=kind,
            amount=amount,
            ends_on=ends_on,
            requested_on=requested_on,
        )

        return amendment_create
