from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.disbursement_status import DisbursementStatus
from typing import cast
import datetime


T = TypeVar("T", bound="Disbursement")


@_attrs_define
class Disbursement:
    """
    Attributes:
        id (int):
        grant_id (int):
        tranche (int):
        currency (str):
        planned_on (datetime.date):
        amount (str): Planned amount Example: 25000.00.
        status (DisbursementStatus):
        paid_on (datetime.date | None):
        paid (None | str):  Example: 25000.00.
        cancellation_reason (None | str):
        payment_cancelled_on (datetime.date | None):
        payment_cancellation_reason (None | str):
        payment_cancellation_released (bool | None): The grant had ended: cancelling the payment also released its
            commitment
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    grant_id: int
    tranche: int
    currency: str
    planned_on: datetime.date
    amount: str
    status: DisbursementStatus
    paid_on: datetime.date | None
    paid: None | str
    cancellation_reason: None | str
    payment_cancelled_on: datetime.date | None
    payment_cancellation_reason: None | str
    payment_cancellation_released: bool | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        grant_id = self.grant_id

        tranche = self.tranche

        currency = self.currency

        planned_on = self.planned_on.isoformat()

        amount = self.amount

        status = self.status.value

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        paid: None | str
        paid = self.paid

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        payment_cancelled_on: None | str
        if isinstance(self.payment_cancelled_on, datetime.date):
            payment_cancelled_on = self.payment_cancelled_on.isoformat()
        else:
            payment_cancelled_on = self.payment_cancelled_on

        payment_cancellation_reason: None | str
        payment_cancellation_reason = self.payment_cancellation_reason

        payment_cancellation_released: bool | None
        payment_cancellation_released = self.payment_cancellation_released

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "tranche": tranche,
                "currency": currency,
                "planned_on": planned_on,
                "amount": amount,
                "status": status,
                "paid_on": paid_on,
                "paid": paid,
                "cancellation_reason": cancellation_reason,
                "payment_cancelled_on": payment_cancelled_on,
                "payment_cancellation_reason": payment_cancellation_reason,
                "payment_cancellation_released": payment_cancellation_released,
                "version": version,
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

        tranche = d.pop("tranche")

        currency = d.pop("currency")

        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        amount = d.pop("amount")

        status = DisbursementStatus(d.pop("status"))

        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))

        def _parse_paid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid = _parse_paid(d.pop("paid"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        def _parse_payment_cancelled_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_cancelled_on_type_0 = datetime.date.fromisoformat(data)

                return payment_cancelled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        payment_cancelled_on = _parse_payment_cancelled_on(d.pop("payment_cancelled_on"))

        def _parse_payment_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_cancellation_reason = _parse_payment_cancellation_reason(d.pop("payment_cancellation_reason"))

        def _parse_payment_cancellation_released(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        payment_cancellation_released = _parse_payment_cancellation_released(
            d.pop("payment_cancellation_released")
        )

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        disbursement = cls(
            id=id,
            grant_id=grant_id,
            tranche=tranche,
            currency=currency,
            planned_on=planned_on,
            amount=amount,
            status=status,
            paid_on=paid_on,
            paid=paid,
            cancellation_reason=cancellation_reason,
            payment_cancelled_on=payment_cancelled_on,
            payment_cancellation_reason=payment_cancellation_reason,
            payment_cancellation_released=payment_cancellation_released,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return disbursement
