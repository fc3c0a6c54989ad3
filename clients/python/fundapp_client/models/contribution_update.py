from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="ContributionUpdate")


@_attrs_define
class ContributionUpdate:
    """
    Attributes:
        amount (str | Unset): Decimal amount as a string, in major units, with at most the currency's decimals (USD 2,
            JPY 0, KWD 3); greater than zero Example: 25000.00.
        earmarking (None | str | Unset):
        internal_note (None | str | Unset):
    """

    amount: str | Unset = UNSET
    earmarking: None | str | Unset = UNSET
    internal_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        earmarking: None | str | Unset
        if isinstance(self.earmarking, Unset):
            earmarking = UNSET
        else:
            earmarking = self.earmarking

        internal_note: None | str | Unset
        if isinstance(self.internal_note, Unset):
            internal_note = UNSET
        else:
            internal_note = self.internal_note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if earmarking is not UNSET:
            field_dict["earmarking"] = earmarking
        if internal_note is not UNSET:
            field_dict["internal_note"] = internal_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount", UNSET)

        def _parse_earmarking(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        earmarking = _parse_earmarking(d.pop("earmarking", UNSET))

        def _parse_internal_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_note = _parse_internal_note(d.pop("internal_note", UNSET))

        contribution_update = cls(
            amount=amount,
            earmarking=earmarking,
            internal_note=internal_note,
        )

        return contribution_update
