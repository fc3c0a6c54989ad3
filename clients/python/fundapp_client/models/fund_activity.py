from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="FundActivity")


@_attrs_define
class FundActivity:
    """
    Attributes:
        fund_id (int):
        fund_name (str):
        grants_approved (int): Grants approved in the period
        grants_approved_usd (str): Their total, in USD Example: 25000.00.
        countries_reached (list[str]): Countries of the grants running at some time in the period
        people_assisted (int): People assisted per the grantee reports accepted in the period
    """

    fund_id: int
    fund_name: str
    grants_approved: int
    grants_approved_usd: str
    countries_reached: list[str]
    people_assisted: int

    def to_dict(self) -> dict[str, Any]:
        fund_id = self.fund_id

        fund_name = self.fund_name

        grants_approved = self.grants_approved

        grants_approved_usd = self.grants_approved_usd

        countries_reached = self.countries_reached

        people_assisted = self.people_assisted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "fund_name": fund_name,
                "grants_approved": grants_approved,
                "grants_approved_usd": grants_approved_usd,
                "countries_reached": countries_reached,
                "people_assisted": people_assisted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_id = d.pop("fund_id")

        fund_name = d.pop("fund_name")

        grants_approved = d.pop("grants_approved")

        grants_approved_usd = d.pop("grants_approved_usd")

        countries_reached = cast(list[str], d.pop("countries_reached"))

        people_assisted = d.pop("people_assisted")

        fund_activity = cls(
            fund_id=fund_id,
            fund_name=fund_name,
            grants_approved=grants_approved,
            grants_approved_usd=grants_approved_usd,
            countries_reached=countries_reached,
            people_assisted=people_assisted,
        )

        return fund_activity
