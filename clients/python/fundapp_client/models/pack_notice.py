from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="PackNotice")


@_attrs_define
class PackNotice:
    """
    Attributes:
        session_id (int):
        queued (int): E-mails written to the outbox now: one per member with an address not yet told (0 when all were,
            or when the fund does not send this kind)
    """

    session_id: int
    queued: int

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        queued = self.queued

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "session_id": session_id,
                "queued": queued,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        queued = d.pop("queued")

        pack_notice = cls(
            session_id=session_id,
            queued=queued,
        )

        return pack_notice
