from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.import_row_error import ImportRowError


T = TypeVar("T", bound="ImportProblem")


@_attrs_define
class ImportProblem:
    """
    Attributes:
        title (str):
        status (int):
        type_ (str | Unset):
        detail (str | Unset):
        errors (list[ImportRowError] | Unset): At most the first 1,000 errors
        error_count (int | Unset): All the errors found
        rows (int | Unset):
        request_id (str | Unset): The request's id, as in the audit trail and logs
    """

    title: str
    status: int
    type_: str | Unset = UNSET
    detail: str | Unset = UNSET
    errors: list[ImportRowError] | Unset = UNSET
    error_count: int | Unset = UNSET
    rows: int | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_row_error import ImportRowError  # noqa: PLC0415

        title = self.title

        status = self.status

        type_ = self.type_

        detail = self.detail

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        error_count = self.error_count

        rows = self.rows

        request_id = self.request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "status": status,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if detail is not UNSET:
            field_dict["detail"] = detail
        if errors is not UNSET:
            field_dict["errors"] = errors
        if error_count is not UNSET:
            field_dict["error_count"] = error_count
        if rows is not UNSET:
            field_dict["rows"] = rows
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_error import ImportRowError  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        status = d.pop("status")

        type_ = d.pop("type", UNSET)

        detail = d.pop("detail", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[ImportRowError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ImportRowError.from_dict(errors_item_data)

                errors.append(errors_item)

        error_count = d.pop("error_count", UNSET)

        rows = d.pop("rows", UNSET)

        request_id = d.pop("request_id", UNSET)

        import_problem = cls(
            title=title,
            status=status,
            type_=type_,
            detail=detail,
            errors=errors,
            error_count=error_count,
            rows=rows,
            request_id=request_id,
        )

        return import_problem
