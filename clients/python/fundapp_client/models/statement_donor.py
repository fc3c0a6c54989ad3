from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.statement_donor_kind import StatementDonorKind


T = TypeVar("T", bound="StatementDonor")


@_attrs_define
class StatementDonor:
    """
    Attributes:
        id (int):
        name (str):
        kind (StatementDonorKind):
    """

    id: int
    name: str
    kind: StatementDonorKind

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = StatementDonorKind(d.pop("kind"))

        statement_donor = cls(
            id=id,
            name=name,
            kind=kind,
        )

        return statement_donor
