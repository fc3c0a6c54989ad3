from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ProposalBrief")


@_attrs_define
class ProposalBrief:
    """
    Attributes:
        id (int):
        reference (str):
        title (str):
        organisation_id (int):
        organisation_name (str):
        currency (str):
        requested (str):  Example: 25000.00.
        duration_months (int):
        status (str):
    """

    id: int
    reference: str
    title: str
    organisation_id: int
    organisation_name: str
    currency: str
    requested: str
    duration_months: int
    status: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reference = self.reference

        title = self.title

        organisation_id = self.organisation_id

        organisation_name = self.organisation_name

        currency = self.currency

        requested = self.requested

        duration_months = self.duration_months

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "title": title,
                "organisation_id": organisation_id,
                "organisation_name": organisation_name,
                "currency": currency,
                "requested": requested,
                "duration_months": duration_months,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        title = d.pop("title")

        organisation_id = d.pop("organisation_id")

        organisation_name = d.pop("organisation_name")

        currency = d.pop("currency")

        requested = d.pop("requested")

        duration_months = d.pop("duration_months")

        status = d.pop("status")

        proposal_brief = cls(
            id=id,
            reference=reference,
            title=title,
            organisation_id=organisation_id,
            organisation_name=organisation_name,
            currency=currency,
            requested=requested,
            duration_months=duration_months,
            status=status,
        )

        return proposal_brief
