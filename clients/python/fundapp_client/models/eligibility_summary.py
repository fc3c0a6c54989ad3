from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.criterion_failures import CriterionFailures


T = TypeVar("T", bound="EligibilitySummary")


@_attrs_define
class EligibilitySummary:
    """
    Attributes:
        call_id (int):
        received (int): Proposals submitted to the call
        screened (int): Proposals screened against every criterion
        eligible (int):
        ineligible (int):
        criteria (list[CriterionFailures]): For each of the call's criteria, how many proposals failed it
    """

    call_id: int
    received: int
    screened: int
    eligible: int
    ineligible: int
    criteria: list[CriterionFailures]

    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion_failures import CriterionFailures  # noqa: PLC0415

        call_id = self.call_id

        received = self.received

        screened = self.screened

        eligible = self.eligible

        ineligible = self.ineligible

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "call_id": call_id,
                "received": received,
                "screened": screened,
                "eligible": eligible,
                "ineligible": ineligible,
                "criteria": criteria,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_failures import CriterionFailures  # noqa: PLC0415

        d = dict(src_dict)
        call_id = d.pop("call_id")

        received = d.pop("received")

        screened = d.pop("screened")

        eligible = d.pop("eligible")

        ineligible = d.pop("ineligible")

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionFailures.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        eligibility_summary = cls(
            call_id=call_id,
            received=received,
            screened=screened,
            eligible=eligible,
            ineligible=ineligible,
            criteria=criteria,
        )

        return eligibility_summary
