from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="AwardedGrant")


@_attrs_define
class AwardedGrant:
    """
    Attributes:
        id (int):
        agreement_number (str):
        fund_id (int):
        call_id (int):
        proposal_id (int):
        organisation_id (int):
        approval_id (int):
        currency (str):
        amount (str):  Example: 25000.00.
        approved_on (datetime.date):
        starts_on (datetime.date):
        ends_on (datetime.date):
        country_code (str):
        status (str):
    """

    id: int
    agreement_number: str
    fund_id: int
    call_id: int
    proposal_id: int
    organisation_id: int
    approval_id: int
    currency: str
    amount: str
    approved_on: datetime.date
    starts_on: datetime.date
    ends_on: datetime.date
    country_code: str
    status: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        agreement_number = self.agreement_number

        fund_id = self.fund_id

        call_id = self.call_id

        proposal_id = self.proposal_id

        organisation_id = self.organisation_id

        approval_id = self.approval_id

        currency = self.currency

        amount = self.amount

        approved_on = self.approved_on.isoformat()

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        country_code = self.country_code

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "agreement_number": agreement_number,
                "fund_id": fund_id,
                "call_id": call_id,
                "proposal_id": proposal_id,
                "organisation_id": organisation_id,
                "approval_id": approval_id,
                "currency": currency,
                "amount": amount,
                "approved_on": approved_on,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "country_code": country_code,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        agreement_number = d.pop("agreement_number")

        fund_id = d.pop("fund_id")

        call_id = d.pop("call_id")

        proposal_id = d.pop("proposal_id")

        organisation_id = d.pop("organisation_id")

        approval_id = d.pop("approval_id")

        currency = d.pop("currency")

        amount = d.pop("amount")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        country_code = d.pop("country_code")

        status = d.pop("status")

        awarded_grant = cls(
            id=id,
            agreement_number=agreement_number,
            fund_id=fund_id,
            call_id=call_id,
            proposal_id=proposal_id,
            organisation_id=organisation_id,
            approval_id=approval_id,
            currency=currency,
            amount=amount,
            approved_on=approved_on,
            starts_on=starts_on,
            ends_on=ends_on,
            country_code=country_code,
            status=status,
        )

        return awarded_grant
