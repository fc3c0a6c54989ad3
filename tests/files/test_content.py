"""What a file is, from its bytes; what it may be called."""

from __future__ import annotations

import hashlib
import io

import pytest

from fundapp.errors import Unprocessable, UnsupportedMediaType
from fundapp.files import content

from . import samples


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (samples.PDF, "form.pdf", "application/pdf"),
        (samples.PNG, "certificate.png", "image/png"),
        (samples.xlsx(), "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (samples.CSV, "budget.csv", "text/csv"),
        (samples.CSV, "notes.txt", "text/plain"),
        # the bytes decide, not the name
        (samples.PDF, "budget.xlsx", "application/pdf"),
    ],
)
def test_the_type_of_an_accepted_file_is_read_from_its_bytes(data, name, expected):
    assert content.media_type_of(data[: content.HEAD_BYTES], name) == expected


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (samples.HTML, "markup"),
        (samples.SVG, "markup"),
        (samples.SNEAKY_HTML, "markup"),
        (b"\xef\xbb\xbf  <html><p>hi", "markup"),
        (samples.EXECUTABLE, "application/x-msdownload"),
        (b"\x00\x01\x02\x03binary junk", "no kind accepted"),
    ],
)
def test_markup_and_unknown_or_executable_kinds_are_a_415_naming_the_field(data, why):
    with pytest.raises(UnsupportedMediaType) as refused:
        content.media_type_of(data, "application.pdf")
    assert refused.value.detail.startswith("file: ")
    assert why in refused.value.detail


def test_receive_hashes_what_it_reads_and_stops_past_the_limit_without_reading_the_rest():
    class Endless(io.RawIOBase):
        read_calls = 0

        def read(self, size=-1):
            self.read_calls += 1
            return b"x" * size

    endless = Endless()
    with pytest.raises(content.TooLarge):
        content.receive(endless, max_bytes=200_000, chunk=64 * 1024)
    assert endless.read_calls == 4  # 256 KiB read, not one chunk more

    received = content.receive(io.BytesIO(samples.PDF), max_bytes=len(samples.PDF))
    assert received.size == len(samples.PDF)
    assert received.file.read() == samples.PDF
    assert received.sha256 == hashlib.sha256(samples.PDF).hexdigest()


@pytest.mark.parametrize(
    ("sent", "media_type", "kept"),
    [
        ("Formulaire de demande.pdf", "application/pdf", "Formulaire de demande.pdf"),
        ("budget.PDF", "application/pdf", "budget.PDF"),
        ("scan.jpeg", "image/jpeg", "scan.jpeg"),
        ("budget.xlsx", "application/pdf", "budget.pdf"),  # named for what it is
        ("statuts", "application/pdf", "statuts.pdf"),
        (".hidden.pdf", "application/pdf", "hidden.pdf"),
        ("Ле́ген\u0301да.pdf", "application/pdf", "Ле́ген́да.pdf"),
    ],
)
def test_a_plain_name_is_kept_with_the_extension_of_what_the_file_is(sent, media_type, kept):
    assert content.safe_filename(sent, media_type) == kept


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.pdf", "C:\\Users\\ngo\\budget.pdf", "reports/budget.pdf", "..", "a\x00b.pdf", ""],
)
def test_a_name_with_a_path_or_control_characters_is_a_422_naming_the_file(name):
    with pytest.raises(Unprocessable) as refused:
        content.safe_filename(name, "application/pdf")
    assert refused.value.extra["errors"][0]["field"] == "file"
