from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.attachment import Attachment


T = TypeVar("T", bound="AttachmentPage")


@_attrs_define
class AttachmentPage:
    """
    Attributes:
        items (list[Attachment]):
        total (int | None): Rows matching the filters; null when paging by cursor
        page (int):
        page_size (int):
        next_cursor (None | str): Pass as cursor for the next page; null on the last page
    """

    items: list[Attachment]
    total: int | None
    page: int
    page_size: int
    next_cursor: None | str

    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment import Attachment  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total: int | None
        total = self.total

        page = self.page

        page_size = self.page_size

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "total": total,
                "page": page,
                "page_size": page_size,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Attachment.from_dict(items_item_data)

            items.append(items_item)

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        page = d.pop("page")

        page_size = d.pop("page_size")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        attachment_page = cls(
            items=items,
            total=total,
            page=page,
            page_size=page_size,
            next_cursor=next_cursor,
        )

        return attachment_page
