from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="Recusal")


@_attrs_define
class Recusal:
    """
    Attributes:
        proposal_id (int):
        member_id (int):
        member_name (str):
    """

    proposal_id: int
    member_id: int
    member_name: str

    def to_dict(self) -> dict[str, Any]:
        proposal_id = self.proposal_id

        member_id = self.member_id

        member_name = self.member_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "proposal_id": proposal_id,
                "member_id": member_id,
                "member_name": member_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        proposal_id = d.pop("proposal_id")

        member_id = d.pop("member_id")

        member_name = d.pop("member_name")

        recusal = cls(
            proposal_id=proposal_id,
            member_id=member_id,
            member_name=member_name,
        )

        return recusal
