from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.statement_entry_type import StatementEntryType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.running import Running


T = TypeVar("T", bound="StatementEntry")


@_attrs_define
class StatementEntry:
    """
    Attributes:
        date (datetime.date):
        type_ (StatementEntryType): The movement: a change, a cancellation or a reversal is its own entry, dated the day
            it happened, with a signed amount
        contribution_id (int):
        contribution_reference (str):
        receipt_id (int | None):
        fund_id (int):
        currency (str):
        amount (str): In the original currency, signed (negative for a reduction) Example: 25000.00.
        usd (None | str): In USD (receipts; pledges only when made in USD) Example: 25000.00.
        status (str): The pledge's or receipt's status today
        running (Running):
    """

    date: datetime.date
    type_: StatementEntryType
    contribution_id: int
    contribution_reference: str
    receipt_id: int | None
    fund_id: int
    currency: str
    amount: str
    usd: None | str
    status: str
    running: Running

    def to_dict(self) -> dict[str, Any]:
        from ..models.running import Running  # noqa: PLC0415

        date = self.date.isoformat()

        type_ = self.type_.value

        contribution_id = self.contribution_id

        contribution_reference = self.contribution_reference

        receipt_id: int | None
        receipt_id = self.receipt_id

        fund_id = self.fund_id

        currency = self.currency

        amount = self.amount

        usd: None | str
        usd = self.usd

        status = self.status

        running = self.running.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "type": type_,
                "contribution_id": contribution_id,
                "contribution_reference": contribution_reference,
                "receipt_id": receipt_id,
                "fund_id": fund_id,
                "currency": currency,
                "amount": amount,
                "usd": usd,
                "status": status,
                "running": running,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.running import Running  # noqa: PLC0415

        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        type_ = StatementEntryType(d.pop("type"))

        contribution_id = d.pop("contribution_id")

        contribution_reference = d.pop("contribution_reference")

        def _parse_receipt_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        receipt_id = _parse_receipt_id(d.pop("receipt_id"))

        fund_id = d.pop("fund_id")

        currency = d.pop("currency")

        amount = d.pop("amount")

        def _parse_usd(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        usd = _parse_usd(d.pop("usd"))

        status = d.pop("status")

        running = Running.from_dict(d.pop("running"))

        statement_entry = cls(
            date=date,
            type_=type_,
            contribution_id=contribution_id,
            contribution_reference=contribution_reference,
            receipt_id=receipt_id,
            fund_id=fund_id,
            currency=currency,
            amount=amount,
            usd=usd,
            status=status,
            running=running,
        )

        return statement_entry
