from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_result_format import ImportResultFormat
from typing import cast


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        file (None | str): The uploaded file's name
        format_ (ImportResultFormat):
        sha256 (str): Digest of the file, as recorded in the audit event
        rows (int): Rows read (empty rows are not counted)
        created (int): Contributions (pledges) created
        receipts (int): Receipts recorded on them
        skipped (int): Rows whose reference was already recorded with the same data
        dry_run (bool):
        request_id (str): The audit events of the import carry this request id
    """

    file: None | str
    format_: ImportResultFormat
    sha256: str
    rows: int
    created: int
    receipts: int
    skipped: int
    dry_run: bool
    request_id: str

    def to_dict(self) -> dict[str, Any]:
        file: None | str
        file = self.file

        format_ = self.format_.value

        sha256 = self.sha256

        rows = self.rows

        created = self.created

        receipts = self.receipts

        skipped = self.skipped

        dry_run = self.dry_run

        request_id = self.request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "format": format_,
                "sha256": sha256,
                "rows": rows,
                "created": created,
                "receipts": receipts,
                "skipped": skipped,
                "dry_run": dry_run,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_file(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file = _parse_file(d.pop("file"))

        format_ = ImportResultFormat(d.pop("format"))

        sha256 = d.pop("sha256")

        rows = d.pop("rows")

        created = d.pop("created")

        receipts = d.pop("receipts")

        skipped = d.pop("skipped")

        dry_run = d.pop("dry_run")

        request_id = d.pop("request_id")

        import_result = cls(
            file=file,
            format_=format_,
            sha256=sha256,
            rows=rows,
            created=created,
            receipts=receipts,
            skipped=skipped,
            dry_run=dry_run,
            request_id=request_id,
        )

        return import_result
