"""ETag / If-Match on versioned records: the version column is the ETag's source of truth."""

from __future__ import annotations

from typing import Any

from .errors import PreconditionFailed, PreconditionRequired


def etag_of(record: Any) -> str:
    return f'"{type(record).__name__.lower()}-{record.id}-v{record.version}"'


def require_if_match(record: Any, header: str | None) -> None:
    """Refuse an update without ``If-Match`` (428) or with a stale one (412)."""
    if not header:
        raise PreconditionRequired(
            f"send If-Match with the current ETag ({etag_of(record)}) to change this record"
        )
    candidates = {tag.strip() for tag in header.split(",")}
    if "*" not in candidates and etag_of(record) not in candidates:
        raise PreconditionFailed(
            f"the record has changed since you read it; its current ETag is {etag_of(record)}",
        )


def with_etag(record: Any, status: int = 200) -> tuple[Any, int, dict[str, str]]:
    """A view's return value carrying the record's ETag header."""
    return record, status, {"ETag": etag_of(record)}


IF_MATCH_PARAMETER = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "schema": {"type": "string"},
    "description": "The ETag of the record as last read; a stale one is refused with 412",
}
