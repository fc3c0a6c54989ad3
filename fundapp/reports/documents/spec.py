"""What the pipeline needs of a document, and nothing else: one ``DocumentSpec`` per document.

``services.document(spec, ...)`` loads its figures, names its file and its ETag from them
(before wording anything, so a cached PDF is served unworded), words it and lays it out in its
template. Each document module (``cycle_summary``, ``fund_status``, ``chapter``,
``board_pack``, ``donor_statement``) defines its spec; ``documents`` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def filename(symbol: str, lang: str) -> str:
    """ "UNVTF-CS-2017-2-fr": a symbol made safe for a file name and a Content-Disposition header."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", f"{symbol}-{lang}").strip("-.")


@dataclass(frozen=True)
class DocumentSpec:
    """A document: its kind (in its ETag), its template, how its figures are loaded (from the
    session, the user and the route's arguments), how they are worded in a language, and its
    symbol (known from the figures alone)."""

    kind: str
    template: str
    #: ``load(session, user, **arguments)``: the figures, as plain data (hashed into the ETag).
    load: Callable[..., dict[str, Any]]
    compose: Callable[[dict[str, Any], str], dict[str, Any]]
    symbol: Callable[[dict[str, Any]], str]
    #: ``parts(composed)``: the document as parts that each begin on a new page, rendered on their
    #: own (in parallel, each kept by its own version) and assembled; None: rendered in one pass.
    parts: Callable[[dict[str, Any]], list[dict[str, Any]]] | None = None

    def filename(self, data: dict[str, Any], lang: str) -> str:
        return filename(self.symbol(data), lang)
