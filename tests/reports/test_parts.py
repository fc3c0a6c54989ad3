"""A Board pack rendered in parts and assembled reads back as the one-pass render, and a changed
recommendation lays out again only the cover and the part that shows it."""

from __future__ import annotations

import copy
import io
import subprocess

import pytest
from pypdf import PdfReader

from fundapp import pdf
from fundapp.document_cache import PdfCache
from fundapp.reports import services
from fundapp.reports.documents import board_pack
from fundapp.reports.parts import page_css, render_in_parts


def layout(data: bytes) -> str:
    """Every page's text where it stands (pdftotext -layout): the furniture included."""
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")


def outline(reader: PdfReader, items=None, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found


class Counting:
    """The renderer, counting the parts it lays out."""

    def __init__(self) -> None:
        self.laid_out = 0

    def __call__(self, htmls: list[str]) -> list[pdf.Rendered]:
        self.laid_out += len(htmls)
        return [pdf.render_in_this_process(html) for html in htmls]


def in_parts(doc, store: PdfCache, renderer: Counting, lang: str = "en") -> bytes:
    assembled = render_in_parts(
        board_pack.KIND,
        board_pack.parts(doc),
        lang,
        templates=services.template_version(),
        store=store,
        html_of=lambda part, css: services.render_html(board_pack.TEMPLATE, part, lang, page_css=css),
        render_many=renderer,
    )
    return assembled.pdf


@pytest.fixture
def first_cycle_pack(seeded_session):
    """The first cycle's Board pack, worded in English: a cover and eleven proposals (two parts)."""
    return board_pack.compose(board_pack.load(seeded_session, None, session_id=1), "en")


def test_a_pack_assembled_from_parts_reads_back_as_the_one_pass_render(first_cycle_pack, tmp_path):
    one_pass = pdf.render_in_this_process(services.render_html(board_pack.TEMPLATE, first_cycle_pack, "en"))
    assembled = in_parts(first_cycle_pack, PdfCache(tmp_path), Counting())
    whole, parts = PdfReader(io.BytesIO(one_pass.pdf)), PdfReader(io.BytesIO(assembled))
    assert len(parts.pages) == len(whole.pages) == 12
    assert layout(assembled) == layout(one_pass.pdf)  # page numbers "n/12" and running headers included
    assert outline(parts) == outline(whole)
    assert outline(parts)[0][:2] == (0, "Board pack*")  # every proposal's title nested under the pack's
    assert parts.metadata.title == whole.metadata.title


def test_a_changed_recommendation_lays_out_only_the_cover_and_the_part_that_shows_it(
    first_cycle_pack, tmp_path
):
    store, renderer = PdfCache(tmp_path), Counting()
    in_parts(first_cycle_pack, store, renderer)
    assert renderer.laid_out == 3  # the cover, proposals 1-8, proposals 9-11
    in_parts(first_cycle_pack, store, renderer)
    assert renderer.laid_out == 3  # nothing changed: every part from the cache

    changed = copy.deepcopy(first_cycle_pack)
    changed["pages"][9]["recommendation"][4] = ("Rationale", "Reduced to fit the available income.")
    changed["facts"][-1] = ("Available after the recommended grants", "$1,000")
    renderer.laid_out = 0
    assembled = in_parts(changed, store, renderer)
    assert renderer.laid_out == 2  # the cover and proposals 9-11; proposals 1-8 from the cache
    assert "Reduced to fit the available income." in layout(assembled)


def test_a_part_longer_than_expected_numbers_the_pages_after_it_again(first_cycle_pack, tmp_path):
    """A proposal whose summary runs to a second page moves every page after it: the parts after
    are laid out with the numbers now known, and the whole reads as a one-pass render."""
    long = copy.deepcopy(first_cycle_pack)
    long["pages"][2]["summary"] = "A summary that runs on and on. " * 400
    one_pass = pdf.render_in_this_process(services.render_html(board_pack.TEMPLATE, long, "en"))
    assembled = in_parts(long, PdfCache(tmp_path), Counting())
    assert len(PdfReader(io.BytesIO(assembled)).pages) == one_pass.pages > 12
    assert layout(assembled) == layout(one_pass.pdf)


def test_a_part_after_the_first_numbers_its_pages_from_where_it_starts():
    assert (
        str(page_css(1, 93, opens_document=True))
        == '@page { @bottom-right { content: counter(page) "/93" } }'
    )
    later = str(page_css(10, 93, opens_document=False))
    assert "@page :first { counter-reset: page 10;" in later
    assert "@top-left { content: string(symbol) }" in later
