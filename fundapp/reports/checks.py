"""The checker every document passes: a document that contradicts itself is a bug.

``problems(doc, today)`` reads a worded document (``documents.<kind>.compose(data, lang)``) and lists
what is wrong with it, by the rules a UN editor reads a report with:

- each figure's values add up to what the text states (``doc["stated"]``, from the same
  computation): the outcomes of Figure I are the recommendations of the text, the money of
  Figure II the money awarded, the contributions by year the contributions received;
- shares in a table add up to 100 (largest-remainder rounding);
- the document is dated neither after today nor after the day it is "as of";
- no sentence opens with a figure, and no text has a straight apostrophe.

Counts that depend on the document's date (calls launched, Board members, donors and money by
kind of donor; ``doc["stated"]``) are compared with the database by the tests
(``tests/reports/test_seeded_consistency.py``), which count them again in plain SQL as of that
date, independently of the books the documents read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

_PERCENT = re.compile(r"^(\d+)")
_OPENS_WITH_FIGURE = re.compile(r"(?:^|[.!?]\s)(\d)")


def _texts(doc: dict[str, Any]) -> Iterator[str]:
    yield doc.get("summary") or ""
    yield from doc.get("footnotes", ())
    for chapter in doc.get("chapters", ()):
        yield chapter["title"]
        for block in chapter["blocks"]:
            if block["type"] == "para":
                yield block["text"]


def problems(doc: dict[str, Any], today: dt.date) -> list[str]:
    """What is wrong with the document; an empty list when nothing is."""
    found: list[str] = []
    stated = doc.get("stated", {})
    for chapter in doc.get("chapters", ()):
        for block in chapter["blocks"]:
            if block["type"] != "figure":
                continue
            for key, value in block["chart"].get("values", {}).items():
                expected = stated.get(key, stated.get("outcomes", {}).get(key))
                if expected is not None and value != expected:
                    found.append(f"figure {block['number']}: {key} is {value}, the text says {expected}")
    for table in doc.get("annexes", ()):
        column = table.get("share_column")
        if column is not None and table["rows"]:
            shares = [int(_PERCENT.match(row[column]).group(1)) for row in table["rows"]]  # type: ignore[union-attr]
            if sum(shares) != 100:
                found.append(f"{table['caption']}: shares add up to {sum(shares)}")
    day = stated.get("date")
    if day is not None:
        if day > today:
            found.append(f"dated {day}, after today")
        if stated.get("as_of") is not None and day > stated["as_of"]:
            found.append(f"dated {day}, after the day it is as of ({stated['as_of']})")
    for text in _texts(doc):
        if "'" in text:
            found.append(f"straight apostrophe in: {text[:80]}")
        opening = _OPENS_WITH_FIGURE.search(text)
        if opening and not re.match(r"\d+[.,]\d", text[opening.start(1) :]):
            found.append(f"a sentence opens with a figure: {text[opening.start(1) : opening.start(1) + 60]}")
    return found
