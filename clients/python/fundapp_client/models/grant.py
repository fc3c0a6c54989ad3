from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.grant_status import GrantStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.call_ref import CallRef
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="Grant")


@_attrs_define
class Grant:
    """
    Attributes:
        id (int):
        agreement_number (str):
        fund_id (int):
        proposal_id (int):
        call (CallRef):
        organisation (OrganisationRef):
        country_code (str):
        currency (str):
        amount (str):  Example: 25000.00.
        disbursed (str): What the grant was paid, net of cancelled payments and refunds (the books) Example: 25000.00.
        approved_on (datetime.date):
        starts_on (datetime.date):
        ends_on (datetime.date):
        status (GrantStatus):
        status_reason (None | str):
        ended_on (datetime.date | None): The day it was closed or terminated (null while open, or not recorded)
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    agreement_number: str
    fund_id: int
    proposal_id: int
    call: CallRef
    organisation: OrganisationRef
    country_code: str
    currency: str
    amount: str
    disbursed: str
    approved_on: datetime.date
    starts_on: datetime.date
    ends_on: datetime.date
    status: GrantStatus
    status_reason: None | str
    ended_on: datetime.date | None
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.call_ref import CallRef  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        id = self.id

        agreement_number = self.agreement_number

        fund_id = self.fund_id

        proposal_id = self.proposal_id

        call = self.call.to_dict()

        organisation = self.organisation.to_dict()

        country_code = self.country_code

        currency = self.currency

        amount = self.amount

        disbursed = self.disbursed

        approved_on = self.approved_on.isoformat()

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        illustrative = self.illustrative

        source: None | str
        source = self.source

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "agreement_number": agreement_number,
                "fund_id": fund_id,
                "proposal_id": proposal_id,
                "call": call,
                "organisation": organisation,
                "country_code": country_code,
                "currency": currency,
                "amount": amount,
                "disbursed": disbursed,
                "approved_on": approved_on,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "status": status,
                "status_reason": status_reason,
                "ended_on": ended_on,
                "illustrative": illustrative,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.call_ref import CallRef  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        agreement_number = d.pop("agreement_number")

        fund_id = d.pop("fund_id")

        proposal_id = d.pop("proposal_id")

        call = CallRef.from_dict(d.pop("call"))

        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        country_code = d.pop("country_code")

        currency = d.pop("currency")

        amount = d.pop("amount")

        disbursed = d.pop("disbursed")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        status = GrantStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        grant = cls(
            id=id,
            agreement_number=agreement_number,
            fund_id=fund_id,
            proposal_id=proposal_id,
            call=call,
            organisation=organisation,
            country_code=country_code,
            currency=currency,
            amount=amount,
            disbursed=disbursed,
            approved_on=approved_on,
            starts_on=starts_on,
            ends_on=ends_on,
            status=status,
            status_reason=status_reason,
            ended_on=ended_on,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return grant
