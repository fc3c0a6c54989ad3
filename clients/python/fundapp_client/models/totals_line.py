from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.totals_line_donor_kind import TotalsLineDonorKind
from typing import cast

if TYPE_CHECKING:
    from ..models.campaign_ref import CampaignRef
    from ..models.donor_ref import DonorRef


T = TypeVar("T", bound="TotalsLine")


@_attrs_define
class TotalsLine:
    """
    Attributes:
        year (int):
        donor_kind (TotalsLineDonorKind):
        donor (DonorRef):
        currency (str): Currency the money was received in
        amount (str): Received, in the original currency (only when grouping by currency) Example: 25000.00.
        campaign (CampaignRef):
        usd (str): Received, in USD at each receipt's rate Example: 25000.00.
        receipts (int):
        donors (int):
    """

    year: int
    donor_kind: TotalsLineDonorKind
    donor: DonorRef
    currency: str
    amount: str
    campaign: CampaignRef
    usd: str
    receipts: int
    donors: int

    def to_dict(self) -> dict[str, Any]:
        from ..models.campaign_ref import CampaignRef  # noqa: PLC0415
        from ..models.donor_ref import DonorRef  # noqa: PLC0415

        year = self.year

        donor_kind = self.donor_kind.value

        donor = self.donor.to_dict()

        currency = self.currency

        amount = self.amount

        campaign = self.campaign.to_dict()

        usd = self.usd

        receipts = self.receipts

        donors = self.donors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
                "donor_kind": donor_kind,
                "donor": donor,
                "currency": currency,
                "amount": amount,
                "campaign": campaign,
                "usd": usd,
                "receipts": receipts,
                "donors": donors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_ref import CampaignRef  # noqa: PLC0415
        from ..models.donor_ref import DonorRef  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        donor_kind = TotalsLineDonorKind(d.pop("donor_kind"))

        donor = DonorRef.from_dict(d.pop("donor"))

        currency = d.pop("currency")

        amount = d.pop("amount")

        campaign = CampaignRef.from_dict(d.pop("campaign"))

        usd = d.pop("usd")

        receipts = d.pop("receipts")

        donors = d.pop("donors")

        totals_line = cls(
            year=year,
            donor_kind=donor_kind,
            donor=donor,
            currency=currency,
            amount=amount,
            campaign=campaign,
            usd=usd,
            receipts=receipts,
            donors=donors,
        )

        return totals_line
