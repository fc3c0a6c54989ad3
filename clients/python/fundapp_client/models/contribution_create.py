from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contribution_create_currency import ContributionCreateCurrency
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ContributionCreate")


@_attrs_define
class ContributionCreate:
    """
    Attributes:
        fund_id (int):
        donor_id (int):
        pledged_on (datetime.date):
        currency (ContributionCreateCurrency):  Example: EUR.
        amount (str): Decimal amount as a string, in major units, with at most the currency's decimals (USD 2, JPY 0,
            KWD 3); greater than zero Example: 25000.00.
        campaign_id (int | None | Unset):
        reference (str | Unset): Unique; generated when absent Example: AT-2015-01.
        earmarking (None | str | Unset):
        internal_note (None | str | Unset):
    """

    fund_id: int
    donor_id: int
    pledged_on: datetime.date
    currency: ContributionCreateCurrency
    amount: str
    campaign_id: int | None | Unset = UNSET
    reference: str | Unset = UNSET
    earmarking: None | str | Unset = UNSET
    internal_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fund_id = self.fund_id

        donor_id = self.donor_id

        pledged_on = self.pledged_on.isoformat()

        currency = self.currency.value

        amount = self.amount

        campaign_id: int | None | Unset
        if isinstance(self.campaign_id, Unset):
            campaign_id = UNSET
        else:
            campaign_id = self.campaign_id

        reference = self.reference

        earmarking: None | str | Unset
        if isinstance(self.earmarking, Unset):
            earmarking = UNSET
        else:
            earmarking = self.earmarking

        internal_note: None | str | Unset
        if isinstance(self.internal_note, Unset):
            internal_note = UNSET
        else:
            internal_note = self.internal_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "donor_id": donor_id,
                "pledged_on": pledged_on,
                "currency": currency,
                "amount": amount,
            }
        )
        if campaign_id is not UNSET:
            field_dict["campaign_id"] = campaign_id
        if reference is not UNSET:
            field_dict["reference"] = reference
        if earmarking is not UNSET:
            field_dict["earmarking"] = earmarking
        if internal_note is not UNSET:
            field_dict["internal_note"] = internal_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_id = d.pop("fund_id")

        donor_id = d.pop("donor_id")

        pledged_on = datetime.date.fromisoformat(d.pop("pledged_on"))

        currency = ContributionCreateCurrency(d.pop("currency"))

        amount = d.pop("amount")

        def _parse_campaign_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id", UNSET))

        reference = d.pop("reference", UNSET)

        def _parse_earmarking(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        earmarking = _parse_earmarking(d.pop("earmarking", UNSET))

        def _parse_internal_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_note = _parse_internal_note(d.pop("internal_note", UNSET))

        contribution_create = cls(
            fund_id=fund_id,
            donor_id=donor_id,
            pledged_on=pledged_on,
            currency=currency,
            amount=amount,
            campaign_id=campaign_id,
            reference=reference,
            earmarking=earmarking,
            internal_note=internal_note,
        )

        return contribution_create
