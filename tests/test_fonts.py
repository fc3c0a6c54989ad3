"""``fundapp/fonts.py``: no document is rendered in a font other than the one its stylesheet names;
a missing font is refused with the Debian package to install."""

from __future__ import annotations

import pytest

from fundapp import fonts
from fundapp.errors import EXIT_FONTS_MISSING, FontsMissing
from fundapp.resources import TEMPLATES_DIR

STYLESHEET = TEMPLATES_DIR / "pdf" / "static" / "print.css"


def test_the_font_checked_is_the_one_the_stylesheet_names():
    assert f'font-family: "{fonts.DOCUMENT_FONT}"' in STYLESHEET.read_text(encoding="utf-8")


def test_fontconfig_finds_every_documents_font_on_this_machine():
    # the suite renders PDFs, so it runs where .ci/run installed the fonts' packages
    for family, _package in fonts.DOCUMENT_FONTS:
        assert fonts.matched_family(family) == family
        assert f'"{family}"' in STYLESHEET.read_text(encoding="utf-8")
    assert fonts.matched_family("A Family Nobody Installed") != "A Family Nobody Installed"


def test_with_no_font_at_all_fontconfig_matches_nothing(monkeypatch, tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{tmp_path / 'none'}</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    assert fonts.matched_family(fonts.DOCUMENT_FONT) is None


def test_another_family_in_its_place_is_refused_naming_fonts_liberation(missing_font):
    with pytest.raises(FontsMissing) as raised:
        fonts.require_document_font()
    assert raised.value.message == (
        "the documents' font 'Liberation Serif' is not installed (fontconfig would use 'Liberation Sans' "
        "instead): apt-get install fonts-liberation"
    )
    assert raised.value.detail == (
        "documents cannot be rendered: the font Liberation Serif is not installed on the server "
        "(Debian package fonts-liberation)"
    )
    assert raised.value.exit_code == EXIT_FONTS_MISSING == 7


def test_no_font_at_all_is_refused_naming_fontconfig_and_the_fonts(monkeypatch):
    monkeypatch.setattr(fonts, "_found", set())
    monkeypatch.setattr(fonts, "matched_family", lambda family: None)
    with pytest.raises(FontsMissing, match="apt-get install libfontconfig1 fonts-liberation$"):
        fonts.require_document_font()


def test_a_font_found_is_not_asked_again_and_a_missing_one_is_until_it_is_installed(monkeypatch):
    asked: list[str] = []
    installed = False

    def matched(family: str) -> str:
        asked.append(family)
        return family if installed else "Liberation Sans"

    monkeypatch.setattr(fonts, "_found", set())
    monkeypatch.setattr(fonts, "matched_family", matched)
    for _ in range(2):
        with pytest.raises(FontsMissing):
            fonts.require_document_font()
    installed = True  # the packages are installed meanwhile: no restart needed
    for _ in range(3):
        fonts.require_document_font()
    families = [family for family, _package in fonts.DOCUMENT_FONTS]
    assert asked == [fonts.DOCUMENT_FONT] * 2 + families  # each asked once, once found
