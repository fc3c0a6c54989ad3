"""Reading the PDFs back: pdftotext (poppler) for sentences, pypdf for pages and exact characters."""

from __future__ import annotations

import io
import re
import subprocess

import pypdf


class Words(str):
    """Text in which ``phrase in words`` ignores hyphens: pdftotext joins a word hyphenated at
    a line end ("Ferrero-" / "Waldner" -> "FerreroWaldner") and keeps no way to tell; and reads
    "’" as "'"."""

    def __contains__(self, phrase: object) -> bool:
        return _loose(str(phrase)) in _loose(self)


def _loose(text: str) -> str:
    """Without hyphens, and with the typographic apostrophe read as the straight one (tests write
    "l'octroi"; ``test_un_style`` checks that the documents print "l’octroi")."""
    return text.replace("-", "").replace("\u2019", "'")


def text(pdf: bytes) -> Words:
    """The document's text as one line: pdftotext's words, every run of white space made one space."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return Words(re.sub(r"\s+", " ", out))


def pages(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it (keeps U+00A0 and U+202F)."""
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def squeeze(page_text: str) -> str:
    """pypdf spreads justified words apart: collapse ordinary spaces and newlines, keep no-break ones."""
    return re.sub(r"[ \n\r\t]+", " ", page_text)
