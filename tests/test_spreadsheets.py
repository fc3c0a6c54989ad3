"""fundapp.spreadsheets: every cell as the text a person typed, every row with its line."""

import datetime as dt
import io

import openpyxl
import pytest

from fundapp.spreadsheets import CSV, XLSX, SheetError, TooManyRows, column_name, format_of, read_sheet


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1250.5, "1250.5"),
        (1000.0, "1000"),
        (0.1, "0.1"),
        (0.0091, "0.0091"),
        (1e20, "100000000000000000000"),
        (123456789012.34, "123456789012.34"),
        (15_000_000, "15000000"),
        (dt.datetime(2015, 1, 2), "2015-01-02"),
        (dt.datetime(2015, 1, 2, 10, 30), "2015-01-02T10:30:00"),
        (True, "TRUE"),
        ("  Austria ", "Austria"),
    ],
)
def test_xlsx_cells_come_out_as_typed_never_through_float_formatting(value, text):
    workbook = openpyxl.Workbook()
    workbook.active.append(["cell"])
    workbook.active.append([value])
    out = io.BytesIO()
    workbook.save(out)
    sheet = read_sheet(out.getvalue(), XLSX)
    assert sheet.rows == [(2, [text])]


def test_csv_lines_count_blank_lines_and_multiline_cells_and_rows_are_stripped():
    data = b'a,b\n\n x ,"one\ntwo"\n,\n3,4\n'
    sheet = read_sheet(data, CSV)
    assert sheet.columns == ["a", "b"]
    assert sheet.rows == [(3, ["x", "one\ntwo"]), (6, ["3", "4"])]


def test_the_delimiter_is_the_one_the_header_uses():
    assert read_sheet(b"a;b\n1,5;2\n", CSV).rows == [(2, ["1,5", "2"])]
    assert read_sheet(b"a\tb\n1\t2\n", CSV).rows == [(2, ["1", "2"])]


def test_too_many_rows_stop_the_reading_at_the_first_row_beyond():
    with pytest.raises(TooManyRows) as caught:
        read_sheet(b"a\n1\n2\n3\n", CSV, max_rows=2)
    assert caught.value.line == 4


def test_a_nul_byte_is_not_csv_text():
    with pytest.raises(SheetError) as caught:
        read_sheet(b"a\nx\x00y\n", CSV)
    assert caught.value.line == 2


def test_column_names_and_formats():
    assert column_name(" Received amount ") == "received_amount"
    assert column_name("Donor-Kind") == "donor_kind"
    assert format_of("Pledges 2019.XLSX") == XLSX
    assert format_of(None, "text/csv; charset=utf-8") == CSV
    assert format_of("notes.txt", "text/plain") is None


def xlsx_declaring(dimension: str, extra_rows: str = "") -> bytes:
    """A two-row workbook whose sheet declares ``dimension`` and holds ``extra_rows`` (XML) too."""
    import re
    import zipfile

    workbook = openpyxl.Workbook()
    workbook.active.append(["reference", "amount"])
    workbook.active.append(["C-1", 100])
    plain = io.BytesIO()
    workbook.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', data.decode())
                data = text.replace("</sheetData>", extra_rows + "</sheetData>").encode()
            target.writestr(item, data)
    return out.getvalue()


def test_a_declared_dimension_of_the_whole_sheet_is_read_as_the_rows_it_holds_at_once():
    """A 2 KB file declaring A1:XFD1048576 took about 18 minutes of a worker."""
    import time

    data = xlsx_declaring("A1:XFD1048576")
    assert len(data) < 8_000
    started = time.monotonic()
    sheet = read_sheet(data, XLSX, max_rows=20_000)
    assert time.monotonic() - started < 2
    assert sheet.columns == ["reference", "amount"]
    assert sheet.rows == [(2, ["C-1", "100"])]


def test_empty_rows_count_towards_the_row_limit_so_a_far_row_stops_the_reading_early():
    import time

    data = xlsx_declaring(
        "A1:B1048576", '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    started = time.monotonic()
    with pytest.raises(TooManyRows):
        read_sheet(data, XLSX, max_rows=20_000)
    assert time.monotonic() - started < 2


def test_a_cell_in_the_last_column_does_not_widen_every_row():
    import time

    data = xlsx_declaring("A1:XFD3", '<row r="3"><c r="XFD3" t="inlineStr"><is><t>far</t></is></c></row>')
    started = time.monotonic()
    sheet = read_sheet(data, XLSX, max_rows=20_000)
    assert time.monotonic() - started < 2
    assert sheet.rows == [(2, ["C-1", "100"])]  # beyond the columns read: the row is empty
