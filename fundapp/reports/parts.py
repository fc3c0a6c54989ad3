"""A long document rendered in parts and assembled page for page.

A Board pack is a cover and one page per proposal (93 pages for the second cycle's session).
Laid out in one pass, any change (one recommendation recorded) lays out every page again. Here
each part (``DocumentSpec.parts``: the cover, each proposal's page) is laid out on its own, the
parts spread over the renderer's worker processes, and each is kept in the PDF cache under its
own version: the part's content, language, templates and code, and where it stands in the whole
(its first page number and the number of pages, which its footer prints). A pack whose one
recommendation changed lays out the cover and that proposal's page again, and nothing else.

The page numbers are the one thing a part cannot know alone. A part is laid out numbered from
the page counts it had last time (kept beside it in the cache) or, new, from the pages it
expects (``expected_pages``: a Board pack's part, one per proposal); a
part that comes out longer moves the parts after it, which are then laid out again with the
numbers now known (at most once more).

The assembled PDF reads as the one-pass render does: the same pages, text and outline. WeasyPrint
nests the outline by heading level, every proposal's title under the pack's title (the cover's
first heading); the assembly nests each later part's headings under it in the same way.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..document_cache import DocumentCache

if TYPE_CHECKING:
    from pypdf import PdfReader, PdfWriter

#: How many times the parts are laid out to get their page numbers right (the second time with
#: every part's page count known).
ROUNDS = 2


@dataclass(frozen=True)
class Assembled:
    pdf: bytes
    pages: int
    #: How many parts were laid out for this document (the others came from the cache), and of how many.
    rendered: int
    parts: int


def part_key(kind: str, part: dict[str, Any], lang: str, templates: str) -> str:
    """The version of a part's content, whatever its page numbers."""
    payload = json.dumps(
        {"kind": kind, "lang": lang, "part": part, "templates": templates},
        sort_keys=True,
        default=str,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def numbered_key(content_key: str, first_page: int, total: int) -> str:
    """The version of a part laid out from ``first_page`` of a ``total``-page document."""
    return hashlib.sha256(f"{content_key}|{first_page}|{total}".encode()).hexdigest()


def page_css(first_page: int, total: int, *, opens_document: bool) -> Markup:
    """The part's page furniture where it differs from the whole's: "n/N" with the whole's N, and,
    for a part after the first, numbers from ``first_page`` and the running header on its first
    page (print.css leaves the document's first page without one). Numbers only: nothing to escape."""
    css = f'@page {{ @bottom-right {{ content: counter(page) "/{int(total)}" }} }}'
    if not opens_document:
        css += (
            f" @page :first {{ counter-reset: page {int(first_page)};"
            " @top-left { content: string(symbol) } @top-right { content: string(organ-short) } }"
        )
    return Markup(css)


def render_in_parts(
    kind: str,
    parts: Sequence[dict[str, Any]],
    lang: str,
    *,
    templates: str,
    store: DocumentCache,
    html_of: Callable[[dict[str, Any], Markup], str],
    render_many: Callable[[list[str]], list[Any]],
) -> Assembled:
    """Lay out the parts not in ``store`` (``render_many``: HTML in, renders with ``pdf`` and
    ``pages`` out, in order), keep them there, and assemble the whole."""
    contents = [part_key(kind, part, lang, templates) for part in parts]
    counts = [
        store.get_pages(key) or part.get("expected_pages", 1)
        for key, part in zip(contents, parts, strict=True)
    ]
    laid_out = 0
    for _round in range(ROUNDS):
        firsts = [1 + sum(counts[:i]) for i in range(len(parts))]
        total = sum(counts)
        keys = [numbered_key(c, first, total) for c, first in zip(contents, firsts, strict=True)]
        pdfs = [store.get(key) for key in keys]
        missing = [i for i, found in enumerate(pdfs) if found is None]
        htmls = [html_of(parts[i], page_css(firsts[i], total, opens_document=i == 0)) for i in missing]
        rendered = render_many(htmls) if htmls else []
        laid_out += len(rendered)
        actual = list(counts)
        for i, result in zip(missing, rendered, strict=True):
            actual[i] = result.pages
            store.put_pages(contents[i], result.pages)
        if actual != counts:  # a part was longer or shorter than counted: number them again
            counts = actual
            continue
        for i, result in zip(missing, rendered, strict=True):
            store.put(keys[i], result.pdf)
            pdfs[i] = result.pdf
        return Assembled(
            pdf=assemble([p for p in pdfs if p is not None]), pages=total, rendered=laid_out, parts=len(parts)
        )
    raise RuntimeError(f"{kind}: the parts' page numbers did not settle in {ROUNDS} rounds")


def assemble(pdfs: Sequence[bytes]) -> bytes:
    """The parts' pages one after the other, with their outlines: the first part's as it is, each
    later part's headings nested under the first part's last top-level heading (as a one-pass
    layout nests a proposal's title under the pack's title)."""
    # imported when a document is assembled, not with the app: pypdf (with the cryptography it
    # loads) is some 17 MB of every worker's memory that only a document's parts need
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    parent = None
    for n, data in enumerate(pdfs):
        reader = PdfReader(io.BytesIO(data))
        offset = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        if n == 0:
            writer.add_metadata({k: v for k, v in (reader.metadata or {}).items() if isinstance(v, str)})
        top = _copy_outline(writer, reader, reader.outline, offset, parent)
        if n == 0 and top:
            parent = top[-1]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _copy_outline(
    writer: PdfWriter, reader: PdfReader, outline: list[Any], offset: int, parent: Any
) -> list[Any]:
    """Copy an outline (pypdf's nested list: an item, then the list of its children) under ``parent``."""
    from pypdf.generic import Destination

    added: list[Any] = []
    for entry in outline:
        if isinstance(entry, list):
            _copy_outline(writer, reader, entry, offset, added[-1])
            continue
        assert isinstance(entry, Destination)
        page = reader.get_destination_page_number(entry)
        if page is None:  # a bookmark to no page of the part: WeasyPrint writes none
            raise ValueError(f"the bookmark {entry.title!r} points to no page")
        added.append(
            writer.add_outline_item(title=entry.title or "", page_number=page + offset, parent=parent)
        )
    return added
