from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.beneficiary_count import BeneficiaryCount


T = TypeVar("T", bound="ReportReceipt")


@_attrs_define
class ReportReceipt:
    """
    Attributes:
        received_on (datetime.date):
        beneficiaries (list[BeneficiaryCount] | Unset): People assisted, one row per (sex, age_group, assistance)
    """

    received_on: datetime.date
    beneficiaries: list[BeneficiaryCount] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.beneficiary_count import BeneficiaryCount  # noqa: PLC0415

        received_on = self.received_on.isoformat()

        beneficiaries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.beneficiaries, Unset):
            beneficiaries = []
            for beneficiaries_item_data in self.beneficiaries:
                beneficiaries_item = beneficiaries_item_data.to_dict()
                beneficiaries.append(beneficiaries_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "received_on": received_on,
            }
        )
        if beneficiaries is not UNSET:
            field_dict["beneficiaries"] = beneficiaries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiary_count import BeneficiaryCount  # noqa: PLC0415

        d = dict(src_dict)
        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        _beneficiaries = d.pop("beneficiaries", UNSET)
        beneficiaries: list[BeneficiaryCount] | Unset = UNSET
        if _beneficiaries is not UNSET:
            beneficiaries = []
            for beneficiaries_item_data in _beneficiaries:
                beneficiaries_item = BeneficiaryCount.from_dict(beneficiaries_item_data)

                beneficiaries.append(beneficiaries_item)

        report_receipt = cls(
            received_on=received_on,
            beneficiaries=beneficiaries,
        )

        return report_receipt
