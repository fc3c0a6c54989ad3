from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.staff_contribution_status import StaffContributionStatus
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="StaffContribution")


@_attrs_define
class StaffContribution:
    """
    Attributes:
        id (int):
        fund_id (int):
        donor_id (int):
        campaign_id (int | None):
        reference (str):
        pledged_on (datetime.date):
        currency (str):
        amount (str):  Example: 25000.00.
        received (str): Received so far (net of reversals), in the pledge's currency Example: 25000.00.
        received_usd (str): USD value of what was received, at the receipts' rates Example: 25000.00.
        outstanding (str): Left to receive, in the pledge's currency Example: 25000.00.
        earmarking (None | str):
        status (StaffContributionStatus):
        cancellation_reason (None | str):
        cancelled_at (datetime.datetime | None):
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        internal_note (None | str | Unset): To staff and admin only: absent to a donor
    """

    id: int
    fund_id: int
    donor_id: int
    campaign_id: int | None
    reference: str
    pledged_on: datetime.date
    currency: str
    amount: str
    received: str
    received_usd: str
    outstanding: str
    earmarking: None | str
    status: StaffContributionStatus
    cancellation_reason: None | str
    cancelled_at: datetime.datetime | None
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    internal_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fund_id = self.fund_id

        donor_id = self.donor_id

        campaign_id: int | None
        campaign_id = self.campaign_id

        reference = self.reference

        pledged_on = self.pledged_on.isoformat()

        currency = self.currency

        amount = self.amount

        received = self.received

        received_usd = self.received_usd

        outstanding = self.outstanding

        earmarking: None | str
        earmarking = self.earmarking

        status = self.status.value

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        illustrative = self.illustrative

        source: None | str
        source = self.source

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        internal_note: None | str | Unset
        if isinstance(self.internal_note, Unset):
            internal_note = UNSET
        else:
            internal_note = self.internal_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "donor_id": donor_id,
                "campaign_id": campaign_id,
                "reference": reference,
                "pledged_on": pledged_on,
                "currency": currency,
                "amount": amount,
                "received": received,
                "received_usd": received_usd,
                "outstanding": outstanding,
                "earmarking": earmarking,
                "status": status,
                "cancellation_reason": cancellation_reason,
                "cancelled_at": cancelled_at,
                "illustrative": illustrative,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if internal_note is not UNSET:
            field_dict["internal_note"] = internal_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        donor_id = d.pop("donor_id")

        def _parse_campaign_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        reference = d.pop("reference")

        pledged_on = datetime.date.fromisoformat(d.pop("pledged_on"))

        currency = d.pop("currency")

        amount = d.pop("amount")

        received = d.pop("received")

        received_usd = d.pop("received_usd")

        outstanding = d.pop("outstanding")

        def _parse_earmarking(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        earmarking = _parse_earmarking(d.pop("earmarking"))

        status = StaffContributionStatus(d.pop("status"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_internal_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_note = _parse_internal_note(d.pop("internal_note", UNSET))

        staff_contribution = cls(
            id=id,
            fund_id=fund_id,
            donor_id=donor_id,
            campaign_id=campaign_id,
            reference=reference,
            pledged_on=pledged_on,
            currency=currency,
            amount=amount,
            received=received,
            received_usd=received_usd,
            outstanding=outstanding,
            earmarking=earmarking,
            status=status,
            cancellation_reason=cancellation_reason,
            cancelled_at=cancelled_at,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            internal_note=internal_note,
        )

        return staff_contribution
