"""Names in every UN official language print: Chinese in Noto Serif CJK, Arabic in DejaVu Sans
(shaped right to left), the rest in the Times-metric body face; a long unbroken name wraps
inside its cell instead of running off the page."""

from __future__ import annotations

import subprocess

import pytest

from . import builders
from .pdftext import text

CHINESE = "北京反对拐卖人口援助中心"
ARABIC = "جمعية مساعدة ضحايا الاتجار بالبشر"


def fonts_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout


def summary(client, auth, call_id: int, lang: str = "fr") -> bytes:
    response = client.get(f"/api/v1/calls/{call_id}/summary.pdf?lang={lang}", headers=auth("board"))
    assert response.status_code == 200, response.get_json()
    return response.data


def test_a_chinese_organisation_name_prints_in_noto_serif_cjk(client, auth, fund, pdf_cache_dir, tmp_path):
    cycle = builders.cycle_two(
        fund, funded=2, reserve=1, ineligible=1, organisation_name=CHINESE, completed=0
    )
    pdf = summary(client, auth, cycle.call.id)
    assert CHINESE in text(pdf).replace(" ", "")
    embedded = fonts_of(pdf, tmp_path)
    assert "Noto-Serif-CJK" in embedded
    assert "Liberation" in embedded
    assert "Serif" in embedded


def test_an_arabic_organisation_name_prints_its_letters_in_dejavu_sans(
    client, auth, fund, pdf_cache_dir, tmp_path
):
    cycle = builders.cycle_two(fund, funded=2, reserve=1, ineligible=1, organisation_name=ARABIC, completed=0)
    pdf = summary(client, auth, cycle.call.id, lang="en")
    printed = text(pdf)
    assert set(ARABIC.replace(" ", "")) <= set(printed)  # no empty boxes: every letter is there
    assert "DejaVu-Sans" in fonts_of(pdf, tmp_path)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_unbroken_name_wraps_inside_its_cell(client, auth, fund, pdf_cache_dir, lang):
    long_name = "Association" + "X" * 120
    cycle = builders.cycle_two(
        fund, funded=2, reserve=1, ineligible=1, organisation_name=long_name, completed=0
    )
    pdf = summary(client, auth, cycle.call.id, lang=lang)
    layout = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pieces = [line for line in layout.splitlines() if "XXXXXXXXXX" in line]
    assert len(pieces) >= 3  # broken over several lines of its cell, not one line off the page
    assert all(len(line.rstrip()) < 200 for line in layout.splitlines())
