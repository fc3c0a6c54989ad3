from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attachment_category import AttachmentCategory
from typing import cast
import datetime


T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """
    Attributes:
        id (int):
        category (AttachmentCategory):
        filename (str): The name it downloads under
        media_type (str): What its bytes are (decided from them, not its name)
        size_bytes (int):
        sha256 (str): SHA-256 of its bytes, in hex
        language (None | str): A letter's language
        uploaded_by_id (int | None):
        created_at (datetime.datetime):
        withdrawn_at (datetime.datetime | None):
        withdrawn_reason (None | str):
    """

    id: int
    category: AttachmentCategory
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    language: None | str
    uploaded_by_id: int | None
    created_at: datetime.datetime
    withdrawn_at: datetime.datetime | None
    withdrawn_reason: None | str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        category = self.category.value

        filename = self.filename

        media_type = self.media_type

        size_bytes = self.size_bytes

        sha256 = self.sha256

        language: None | str
        language = self.language

        uploaded_by_id: int | None
        uploaded_by_id = self.uploaded_by_id

        created_at = self.created_at.isoformat()

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        withdrawn_reason: None | str
        withdrawn_reason = self.withdrawn_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "category": category,
                "filename": filename,
                "media_type": media_type,
                "size_bytes": size_bytes,
                "sha256": sha256,
                "language": language,
                "uploaded_by_id": uploaded_by_id,
                "created_at": created_at,
                "withdrawn_at": withdrawn_at,
                "withdrawn_reason": withdrawn_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        category = AttachmentCategory(d.pop("category"))

        filename = d.pop("filename")

        media_type = d.pop("media_type")

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        def _parse_uploaded_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        uploaded_by_id = _parse_uploaded_by_id(d.pop("uploaded_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        def _parse_withdrawn_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawn_reason = _parse_withdrawn_reason(d.pop("withdrawn_reason"))

        attachment = cls(
            id=id,
            category=category,
            filename=filename,
            media_type=media_type,
            size_bytes=size_bytes,
            sha256=sha256,
            language=language,
            uploaded_by_id=uploaded_by_id,
            created_at=created_at,
            withdrawn_at=withdrawn_at,
            withdrawn_reason=withdrawn_reason,
        )

        return attachment
