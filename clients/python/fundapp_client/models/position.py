from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.pledge_currency import PledgeCurrency


T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """
    Attributes:
        fund_id (int):
        as_of (datetime.date):
        currency (str):  Example: USD.
        pledged (str): Pledges not cancelled, in USD Example: 25000.00.
        received (str): Receipts not reversed Example: 25000.00.
        outstanding_pledges (str): Pledged but not yet received (pledged - received) Example: 25000.00.
        committed (str): Committed to approved grants Example: 25000.00.
        disbursed (str): Paid to grantees Example: 25000.00.
        undisbursed_commitments (str): Committed but not yet paid (committed - disbursed) Example: 25000.00.
        uncommitted (str): Received and not committed to grants (received - committed) Example: 25000.00.
        programme_support_rate (str): The share of each commitment the fund sets aside for programme support costs, in
            per cent Example: 13.00.
        programme_support_costs (str): Set aside for the programme support costs of what is committed (committed x
            programme_support_rate, to the cent) Example: 25000.00.
        available (str): What new grants may use: received - committed - programme_support_costs Example: 25000.00.
        grantable (str): The most new grants may commit, their own programme support costs set aside from available: a
            Board session's available income by default Example: 25000.00.
        pledges_by_currency (list[PledgeCurrency]):
        unconverted_currencies (list[str]): Currencies with outstanding pledges but no exchange rate on or before as_of;
            those outstanding amounts are left out of pledged and outstanding_pledges
    """

    fund_id: int
    as_of: datetime.date
    currency: str
    pledged: str
    received: str
    outstanding_pledges: str
    committed: str
    disbursed: str
    undisbursed_commitments: str
    uncommitted: str
    programme_support_rate: str
    programme_support_costs: str
    available: str
    grantable: str
    pledges_by_currency: list[PledgeCurrency]
    unconverted_currencies: list[str]

    def to_dict(self) -> dict[str, Any]:
        from ..models.pledge_currency import PledgeCurrency  # noqa: PLC0415

        fund_id = self.fund_id

        as_of = self.as_of.isoformat()

        currency = self.currency

        pledged = self.pledged

        received = self.received

        outstanding_pledges = self.outstanding_pledges

        committed = self.committed

        disbursed = self.disbursed

        undisbursed_commitments = self.undisbursed_commitments

        uncommitted = self.uncommitted

        programme_support_rate = self.programme_support_rate

        programme_support_costs = self.programme_support_costs

        available = self.available

        grantable = self.grantable

        pledges_by_currency = []
        for pledges_by_currency_item_data in self.pledges_by_currency:
            pledges_by_currency_item = pledges_by_currency_item_data.to_dict()
            pledges_by_currency.append(pledges_by_currency_item)

        unconverted_currencies = self.unconverted_currencies

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "as_of": as_of,
                "currency": currency,
                "pledged": pledged,
                "received": received,
                "outstanding_pledges": outstanding_pledges,
                "committed": committed,
                "disbursed": disbursed,
                "undisbursed_commitments": undisbursed_commitments,
                "uncommitted": uncommitted,
                "programme_support_rate": programme_support_rate,
                "programme_support_costs": programme_support_costs,
                "available": available,
                "grantable": grantable,
                "pledges_by_currency": pledges_by_currency,
                "unconverted_currencies": unconverted_currencies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pledge_currency import PledgeCurrency  # noqa: PLC0415

        d = dict(src_dict)
        fund_id = d.pop("fund_id")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        currency = d.pop("currency")

        pledged = d.pop("pledged")

        received = d.pop("received")

        outstanding_pledges = d.pop("outstanding_pledges")

        committed = d.pop("committed")

        disbursed = d.pop("disbursed")

        undisbursed_commitments = d.pop("undisbursed_commitments")

        uncommitted = d.pop("uncommitted")

        programme_support_rate = d.pop("programme_support_rate")

        programme_support_costs = d.pop("programme_support_costs")

        available = d.pop("available")

        grantable = d.pop("grantable")

        pledges_by_currency = []
        _pledges_by_currency = d.pop("pledges_by_currency")
        for pledges_by_currency_item_data in _pledges_by_currency:
            pledges_by_currency_item = PledgeCurrency.from_dict(pledges_by_currency_item_data)

            pledges_by_currency.append(pledges_by_currency_item)

        unconverted_currencies = cast(list[str], d.pop("unconverted_currencies"))

        position = cls(
            fund_id=fund_id,
            as_of=as_of,
            currency=currency,
            pledged=pledged,
            received=received,
            outstanding_pledges=outstanding_pledges,
            committed=committed,
            disbursed=disbursed,
            undisbursed_commitments=undisbursed_commitments,
            uncommitted=uncommitted,
            programme_support_rate=programme_support_rate,
            programme_support_costs=programme_support_costs,
            available=available,
            grantable=grantable,
            pledges_by_currency=pledges_by_currency,
            unconverted_currencies=unconverted_currencies,
        )

        return position
