from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notification_settings_update_off_item import NotificationSettingsUpdateOffItem
from typing import cast


T = TypeVar("T", bound="NotificationSettingsUpdate")


@_attrs_define
class NotificationSettingsUpdate:
    """
    Attributes:
        off (list[NotificationSettingsUpdateOffItem]): The kinds of notification the fund does not send; the others it
            does
    """

    off: list[NotificationSettingsUpdateOffItem]

    def to_dict(self) -> dict[str, Any]:
        off = []
        for off_item_data in self.off:
            off_item = off_item_data.value
            off.append(off_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "off": off,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        off = []
        _off = d.pop("off")
        for off_item_data in _off:
            off_item = NotificationSettingsUpdateOffItem(off_item_data)

            off.append(off_item)

        notification_settings_update = cls(
            off=off,
        )

        return notification_settings_update
