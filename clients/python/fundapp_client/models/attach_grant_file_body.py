from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.attach_grant_file_body_category import AttachGrantFileBodyCategory
from ..types import File, FileTypes
from io import BytesIO


T = TypeVar("T", bound="AttachGrantFileBody")


@_attrs_define
class AttachGrantFileBody:
    """
    Attributes:
        file (File): The file: PDF, PNG, JPEG, GIF, WebP or TIFF images, Word, Excel, PowerPoint or OpenDocument files,
            CSV or plain text (UTF-8). Its type is read from its bytes; its name may not contain a path
        category (AttachGrantFileBodyCategory):
    """

    file: File
    category: AttachGrantFileBodyCategory

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        category = self.category.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "category": category,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("category", (None, str(self.category.value).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        category = AttachGrantFileBodyCategory(d.pop("category"))

        attach_grant_file_body = cls(
            file=file,
            category=category,
        )

        return attach_grant_file_body
