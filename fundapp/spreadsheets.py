"""Spreadsheets in: a CSV or XLSX file as a header and rows of text cells, each with its line.

Nothing here knows what the columns mean; the importer that reads the rows validates them.
Every cell comes out as text, so that amounts never pass through ``float``:

- CSV: UTF-8 (a byte-order mark, as Excel writes it, is skipped); the delimiter is a comma,
  a semicolon or a tab, whichever the header line uses; the line of a row is the line its
  record starts on.
- XLSX (openpyxl, read-only): the first worksheet; the line of a row is its row number.
  Dates become ``YYYY-MM-DD``; numbers are written out in full ("1250.5", never "1.2505E3");
  a formula gives the value Excel last computed. An XLSX is a zip archive: ``max_unpacked``
  refuses one that would expand beyond it (a "zip bomb") before anything is parsed. The
  sheet's declared dimension is ignored (a 2 KB file may declare ``A1:XFD1048576``, and
  openpyxl would pad every row to it); a sheet wider than ``MAX_COLUMNS`` is refused.

Cells are stripped of surrounding white space; rows with no text at all are skipped, but
``max_rows`` counts them (every row read, from the first), so that a sheet of a million empty
rows stops at the limit instead of being walked to its end.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
MEDIA_TYPES = {
    "text/csv": CSV,
    "application/csv": CSV,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": XLSX,
}
_DELIMITERS = (",", ";", "\t")
#: The widest sheet read (an importer's columns are a dozen or so).
MAX_COLUMNS = 200


class SheetError(ValueError):
    """The file cannot be read as a sheet; ``line`` says where, when a line is to blame."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


class TooManyRows(SheetError):
    """The sheet has more rows than the caller accepts."""


@dataclass(frozen=True)
class Sheet:
    columns: list[str]  # the header, normalised (``column_name``)
    header_line: int
    rows: list[tuple[int, list[str]]]  # (line, cells), cells as text, possibly fewer than columns


def column_name(title: object) -> str:
    """ "Received amount" -> "received_amount": lower case, spaces and hyphens as underscores."""
    return re.sub(r"[\s\-]+", "_", str(title if title is not None else "").strip().lower())


def format_of(filename: str | None, media_type: str | None = None) -> str | None:
    """ "csv" or "xlsx" from a file name's extension, else from a media type; None if neither says."""
    suffix = (filename or "").rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""
    if suffix in FORMATS:
        return suffix
    return MEDIA_TYPES.get((media_type or "").split(";")[0].strip().lower())


def read_sheet(
    data: bytes, fmt: str, *, max_rows: int | None = None, max_unpacked: int | None = None
) -> Sheet:
    """The header and the non-empty rows of a CSV or XLSX file (``SheetError`` if unreadable)."""
    if fmt == CSV:
        lines = _csv_rows(data)
    elif fmt == XLSX:
        lines = _xlsx_rows(data, max_unpacked)
    else:
        raise SheetError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
    header: tuple[int, list[str]] | None = None
    rows: list[tuple[int, list[str]]] = []
    for read, (line, cells) in enumerate(lines, start=1):
        # every row read counts, empty or not, the header's one more
        if max_rows is not None and read > max_rows + 1:
            raise TooManyRows(f"the file has more than {max_rows:,} rows", line)
        if not any(cells):
            continue
        if header is None:
            header = (line, cells)
            continue
        rows.append((line, cells))
    if header is None:
        raise SheetError("the file is empty: it has no header row")
    return Sheet(columns=[column_name(c) for c in header[1]], header_line=header[0], rows=rows)


def _csv_rows(data: bytes) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SheetError("the file is not UTF-8 text (save the CSV as UTF-8)", line) from None
    if "\x00" in text:
        raise SheetError(
            "the file holds NUL bytes: it is not a CSV text file", text[: text.index("\x00")].count("\n") + 1
        )
    first = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first.count) if any(d in first for d in _DELIMITERS) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise SheetError(f"malformed CSV: {exc}", line) from None
        yield line, [cell.strip() for cell in cells]


def _xlsx_rows(data: bytes, max_unpacked: int | None) -> Any:
    from openpyxl import load_workbook

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SheetError("the file is not an XLSX workbook (it is not a zip archive)") from None
    if max_unpacked is not None and unpacked > max_unpacked:
        raise SheetError(
            f"the workbook expands to {unpacked:,} bytes, more than the {max_unpacked:,} accepted"
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken workbook
        raise SheetError(f"the file is not a readable XLSX workbook ({type(exc).__name__})") from None
    try:
        if not workbook.worksheets:
            raise SheetError("the workbook has no worksheet")
        sheet = workbook.worksheets[0]
        # the rows and cells the file holds, not its declared dimension (which openpyxl pads to)
        sheet.reset_dimensions()
        rows = sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1, values_only=True)
        for line, values in enumerate(rows, start=1):
            if not any(value is not None for value in values):
                yield line, []  # a row with no cell (openpyxl fills the gaps between rows)
                continue
            if len(values) > MAX_COLUMNS and values[MAX_COLUMNS] is not None:
                raise SheetError(f"the sheet has more than {MAX_COLUMNS} columns", line)
            cells = [_cell_text(value) for value in values]
            while cells and not cells[-1]:
                cells.pop()
            yield line, cells
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """An XLSX cell as the text a person typed in it (never through float formatting)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        number = Decimal(repr(value))  # the shortest text that reads back as this float
        return (
            format(number.normalize(), "f") if number == number.to_integral_value() else format(number, "f")
        )
    return str(value).strip()
