from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.public_kind_donor_kind import PublicKindDonorKind
from typing import cast


T = TypeVar("T", bound="PublicKind")


@_attrs_define
class PublicKind:
    """
    Attributes:
        donor_kind (PublicKindDonorKind):
        usd (str): Received from donors of this kind, in USD Example: 25000.00.
        donors (int):
        named_donors (list[str]): Names of the donors of this kind; never individuals, never anonymous donors
    """

    donor_kind: PublicKindDonorKind
    usd: str
    donors: int
    named_donors: list[str]

    def to_dict(self) -> dict[str, Any]:
        donor_kind = self.donor_kind.value

        usd = self.usd

        donors = self.donors

        named_donors = self.named_donors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "donor_kind": donor_kind,
                "usd": usd,
                "donors": donors,
                "named_donors": named_donors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        donor_kind = PublicKindDonorKind(d.pop("donor_kind"))

        usd = d.pop("usd")

        donors = d.pop("donors")

        named_donors = cast(list[str], d.pop("named_donors"))

        public_kind = cls(
            donor_kind=donor_kind,
            usd=usd,
            donors=donors,
            named_donors=named_donors,
        )

        return public_kind
