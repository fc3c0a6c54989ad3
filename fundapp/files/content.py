"""What an uploaded file is, decided from its bytes (magic bytes), never from its name or the
type its sender declares; its name made safe to keep and to send back.

Binary formats are recognised by ``filetype`` (signatures, and the parts list inside a zip for
the OOXML and OpenDocument formats). What it does not recognise is taken as text only when it is
UTF-8 without NUL bytes and is not markup: a file whose first characters open a tag (HTML, XML,
SVG), or that carries an HTML tag a browser would sniff, is refused, whatever its name says.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from typing import IO, BinaryIO

import filetype

from ..errors import DomainError, Unprocessable, UnsupportedMediaType

#: The kinds of file the fund accepts, by media type, with the extension a download gets.
ACCEPTED: dict[str, str] = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/tiff": "tif",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "text/plain": "txt",
    "text/csv": "csv",
}
ACCEPTED_NAMES = (
    "PDF, PNG, JPEG, GIF, WebP or TIFF images, Word, Excel, PowerPoint or OpenDocument files, "
    "CSV or plain text (UTF-8)"
)
#: How much of the start of a file the type is read from (filetype reads no more).
HEAD_BYTES = 8192
#: Tags a browser sniffs as HTML anywhere near the start (WHATWG MIME sniffing, 7.1).
_HTML_TAGS = re.compile(
    rb"<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|\?xml)[\s>/]",
    re.IGNORECASE,
)
FILENAME_MAX = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class TooLarge(DomainError):
    status = 413
    title = "Payload too large"


@dataclass
class Received:
    """An upload read to the end: its bytes (in a temporary file), size, SHA-256 and first bytes."""

    file: IO[bytes]
    size: int
    sha256: str
    head: bytes


def receive(stream: BinaryIO, max_bytes: int, *, field: str = "file", chunk: int = 64 * 1024) -> Received:
    """Copy ``stream`` into a temporary file (spilled to disk past 1 MiB), hashing as it goes;
    a 413 as soon as it goes past ``max_bytes``, without reading the rest."""
    digest = hashlib.sha256()
    out = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115 - returned open
    size, head = 0, b""
    while True:
        block = stream.read(chunk)
        if not block:
            break
        size += len(block)
        if size > max_bytes:
            out.close()
            raise TooLarge(f"{field}: larger than the {max_bytes:,} bytes a file may have", field=field)
        if len(head) < HEAD_BYTES:
            head += block[: HEAD_BYTES - len(head)]
        digest.update(block)
        out.write(block)
    out.seek(0)
    return Received(out, size, digest.hexdigest(), head)


def media_type_of(head: bytes, filename: str, *, field: str = "file") -> str:
    """The media type of a file from its first bytes; a 415 naming ``field`` for any other kind."""
    if not head:
        raise Unprocessable(field, "the file is empty")
    kind = filetype.guess(head)
    if kind is not None:
        if kind.mime not in ACCEPTED:
            raise UnsupportedMediaType(
                f"{field}: its content is {kind.mime}, which is not accepted; send {ACCEPTED_NAMES}",
                field=field,
            )
        return str(kind.mime)
    text = _utf8_text(head)
    if text is None:
        raise UnsupportedMediaType(
            f"{field}: its content is of no kind accepted; send {ACCEPTED_NAMES}", field=field
        )
    if text.lstrip("\ufeff \t\r\n").startswith("<") or _HTML_TAGS.search(head[:1024]):
        raise UnsupportedMediaType(
            f"{field}: its content is markup (HTML, XML or SVG), whatever its name says; "
            f"send {ACCEPTED_NAMES}",
            field=field,
        )
    return "text/csv" if filename.lower().endswith(".csv") else "text/plain"


def _utf8_text(head: bytes) -> str | None:
    """The head as text when it is UTF-8 without NUL bytes (a character cut at the end is fine)."""
    if b"\x00" in head:
        return None
    for cut in range(4):
        try:
            return head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return None


def safe_filename(name: str | None, media_type: str, *, field: str = "file") -> str:
    """The name to keep: the sender's, in NFC, when it is a plain name (no folder, no control
    character), with the extension of what the file is. A name with a path is a 422: the file
    is stored under its hash, never under its name, and a name that says where to put the file
    is a client's mistake or an attack that the sender should hear about."""
    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name:
        raise Unprocessable(field, "the file has no name")
    if "/" in name or "\\" in name or name in (".", ".."):
        raise Unprocessable(field, "the file name must not contain a path (/ or \\): send the name alone")
    if _CONTROL.search(name):
        raise Unprocessable(field, "the file name must not contain control characters")
    stem, dot, extension = name.lstrip(".").rpartition(".")
    if not dot:
        stem = extension
    expected = ACCEPTED[media_type]
    same = extension.lower() == expected or {extension.lower(), expected} in (
        {"jpg", "jpeg"},
        {"tif", "tiff"},
    )
    stem = stem[: FILENAME_MAX - len(expected) - 1] or "file"
    return f"{stem}.{extension}" if dot and same else f"{stem}.{expected}"
