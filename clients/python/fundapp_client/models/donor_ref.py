from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="DonorRef")


@_attrs_define
class DonorRef:
    """
    Attributes:
        id (int):
        name (None | str): Null for an anonymous donor, except to staff and admin
        anonymous (bool):
    """

    id: int
    name: None | str
    anonymous: bool

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        anonymous = self.anonymous

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "anonymous": anonymous,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        anonymous = d.pop("anonymous")

        donor_ref = cls(
            id=id,
            name=name,
            anonymous=anonymous,
        )

        return donor_ref
