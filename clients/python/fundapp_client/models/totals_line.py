from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.totals_line_donor_kind import TotalsLineDonorKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.campaign_ref import CampaignRef
    from ..models.donor_ref import DonorRef


T = TypeVar("T", bound="TotalsLine")


@_attrs_define
class TotalsLine:
    """
    Attributes:
        usd (str): Received, in USD at each receipt's rate Example: 25000.00.
        receipts (int):
        donors (int):
        year (int | Unset):
        donor_kind (TotalsLineDonorKind | Unset):
        donor (DonorRef | Unset):
        currency (str | Unset): Currency the money was received in
        amount (str | Unset): Received, in the original currency (only when grouping by currency) Example: 25000.00.
        campaign (CampaignRef | Unset):
    """

    usd: str
    receipts: int
    donors: int
    year: int | Unset = UNSET
    donor_kind: TotalsLineDonorKind | Unset = UNSET
    donor: DonorRef | Unset = UNSET
    currency: str | Unset = UNSET
    amount: str | Unset = UNSET
    campaign: CampaignRef | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.campaign_ref import CampaignRef  # noqa: PLC0415
        from ..models.donor_ref import DonorRef  # noqa: PLC0415

        usd = self.usd

        receipts = self.receipts

        donors = self.donors

        year = self.year

        donor_kind: str | Unset = UNSET
        if not isinstance(self.donor_kind, Unset):
            donor_kind = self.donor_kind.value

        donor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.donor, Unset):
            donor = self.donor.to_dict()

        currency = self.currency

        amount = self.amount

        campaign: dict[str, Any] | Unset = UNSET
        if not isinstance(self.campaign, Unset):
            campaign = self.campaign.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "usd": usd,
                "receipts": receipts,
                "donors": donors,
            }
        )
        if year is not UNSET:
            field_dict["year"] = year
        if donor_kind is not UNSET:
            field_dict["donor_kind"] = donor_kind
        if donor is not UNSET:
            field_dict["donor"] = donor
        if currency is not UNSET:
            field_dict["currency"] = currency
        if amount is not UNSET:
            field_dict["amount"] = amount
        if campaign is not UNSET:
            field_dict["campaign"] = campaign

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_ref import CampaignRef  # noqa: PLC0415
        from ..models.donor_ref import DonorRef  # noqa: PLC0415

        d = dict(src_dict)
        usd = d.pop("usd")

        receipts = d.pop("receipts")

        donors = d.pop("donors")

        year = d.pop("year", UNSET)

        _donor_kind = d.pop("donor_kind", UNSET)
        donor_kind: TotalsLineDonorKind | Unset
        if isinstance(_donor_kind, Unset):
            donor_kind = UNSET
        else:
            donor_kind = TotalsLineDonorKind(_donor_kind)

        _donor = d.pop("donor", UNSET)
        donor: DonorRef | Unset
        if isinstance(_donor, Unset):
            donor = UNSET
        else:
            donor = DonorRef.from_dict(_donor)

        currency = d.pop("currency", UNSET)

        amount = d.pop("amount", UNSET)

        _campaign = d.pop("campaign", UNSET)
        campaign: CampaignRef | Unset
        if isinstance(_campaign, Unset):
            campaign = UNSET
        else:
            campaign = CampaignRef.from_dict(_campaign)

        totals_line = cls(
            usd=usd,
            receipts=receipts,
            donors=donors,
            year=year,
            donor_kind=donor_kind,
            donor=donor,
            currency=currency,
            amount=amount,
            campaign=campaign,
        )

        return totals_line
