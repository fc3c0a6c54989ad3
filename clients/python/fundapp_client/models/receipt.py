from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.receipt_status import ReceiptStatus
from typing import cast
import datetime


T = TypeVar("T", bound="Receipt")


@_attrs_define
class Receipt:
    """
    Attributes:
        id (int):
        contribution_id (int):
        fund_id (int):
        received_on (datetime.date):
        currency (str):
        amount (str):  Example: 25000.00.
        usd_amount (str):  Example: 25000.00.
        usd_rate (str): USD per unit of the currency, as a decimal string greater than zero Example: 1.0842.
        rate_date (datetime.date):
        status (ReceiptStatus):
        reversal_reason (None | str):
        reversed_at (datetime.datetime | None):
        created_at (datetime.datetime):
    """

    id: int
    contribution_id: int
    fund_id: int
    received_on: datetime.date
    currency: str
    amount: str
    usd_amount: str
    usd_rate: str
    rate_date: datetime.date
    status: ReceiptStatus
    reversal_reason: None | str
    reversed_at: datetime.datetime | None
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contribution_id = self.contribution_id

        fund_id = self.fund_id

        received_on = self.received_on.isoformat()

        currency = self.currency

        amount = self.amount

        usd_amount = self.usd_amount

        usd_rate = self.usd_rate

        rate_date = self.rate_date.isoformat()

        status = self.status.value

        reversal_reason: None | str
        reversal_reason = self.reversal_reason

        reversed_at: None | str
        if isinstance(self.reversed_at, datetime.datetime):
            reversed_at = self.reversed_at.isoformat()
        else:
            reversed_at = self.reversed_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "contribution_id": contribution_id,
                "fund_id": fund_id,
                "received_on": received_on,
                "currency": currency,
                "amount": amount,
                "usd_amount": usd_amount,
                "usd_rate": usd_rate,
                "rate_date": rate_date,
                "status": status,
                "reversal_reason": reversal_reason,
                "reversed_at": reversed_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        contribution_id = d.pop("contribution_id")

        fund_id = d.pop("fund_id")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        currency = d.pop("currency")

        amount = d.pop("amount")

        usd_amount = d.pop("usd_amount")

        usd_rate = d.pop("usd_rate")

        rate_date = datetime.date.fromisoformat(d.pop("rate_date"))

        status = ReceiptStatus(d.pop("status"))

        def _parse_reversal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reversal_reason = _parse_reversal_reason(d.pop("reversal_reason"))

        def _parse_reversed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reversed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reversed_at = _parse_reversed_at(d.pop("reversed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        receipt = cls(
            id=id,
            contribution_id=contribution_id,
            fund_id=fund_id,
            received_on=received_on,
            currency=currency,
            amount=amount,
            usd_amount=usd_amount,
            usd_rate=usd_rate,
            rate_date=rate_date,
            status=status,
            reversal_reason=reversal_reason,
            reversed_at=reversed_at,
            created_at=created_at,
        )

        return receipt
