"""The Board pack of the largest seeded session: in parts (fundapp/reports/parts.py) against one pass.

    python -m bench.board_pack [--session 2] [--processes 2] [--repeat 3] [--lang en]

On a fresh seeded SQLite database in a temporary folder, each repeat, in the same run:

- **one pass**: WeasyPrint lays out the whole pack's HTML at once (one worker process);
- **first, in parts**: an empty cache, every part laid out, spread over ``--processes`` workers,
  and assembled;
- **again after one change**: the rationale of one recommendation (the middle proposal's) and the
  cover's slate changed, so the cover and that proposal's part are laid out again, the rest read
  from the cache, and assembled.

Each figure is the wall-clock time of the whole step (HTML to assembled PDF bytes; the figures are
worded once, outside the timings). The ratios against the one-pass render are printed and, with
``--write``, appended to ``bench/BOARD_PACK.md`` with the machine's load average. The goals (issue
22): the re-render at most 0.2x the one-pass render, the first render no slower than it.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import Session

from fundapp import pdf, schema
from fundapp.db import make_engine
from fundapp.document_cache import PdfCache
from fundapp.reports import services
from fundapp.reports.documents import board_pack
from fundapp.reports.parts import render_in_parts
from fundapp.resources import SEED_DIR
from fundapp.seeding import load_seed

RESULTS = Path(__file__).resolve().parent / "BOARD_PACK.md"


def composed_pack(folder: Path, session_id: int, lang: str) -> dict:
    engine = make_engine(f"sqlite:///{folder / 'bench.sqlite3'}")
    schema.upgrade(engine)
    with Session(engine) as session:
        with session.begin():
            load_seed(session, SEED_DIR)
        doc = board_pack.compose(board_pack.load(session, None, session_id=session_id), lang)
    engine.dispose()
    return doc


def in_parts(doc: dict, lang: str, store: PdfCache, processes: int) -> tuple[float, int]:
    started = time.perf_counter()
    assembled = render_in_parts(
        board_pack.KIND,
        board_pack.parts(doc),
        lang,
        templates=services.template_version(),
        store=store,
        html_of=lambda part, css: services.render_html(board_pack.TEMPLATE, part, lang, page_css=css),
        render_many=lambda htmls: pdf.render_pdfs(htmls, timeout=600, processes=processes, memory_mb=2048),
    )
    return time.perf_counter() - started, assembled.rendered


def one_pass(doc: dict, lang: str) -> tuple[float, int]:
    started = time.perf_counter()
    rendered = pdf.render_pdf(
        services.render_html(board_pack.TEMPLATE, doc, lang), timeout=600, processes=1, memory_mb=2048
    )
    return time.perf_counter() - started, rendered.pages


def changed(doc: dict) -> dict:
    """The pack after one recommendation's rationale changed, and the cover's slate with it."""
    after = copy.deepcopy(doc)
    page = after["pages"][len(after["pages"]) // 2]
    if page["recommendation"]:
        page["recommendation"][-1] = (page["recommendation"][-1][0], "Revised by the Board at its session.")
    after["facts"][-1] = (after["facts"][-1][0], after["facts"][-1][1] + " ")
    return after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--session", type=int, default=2, help="the Board session (2: 91 proposals)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--write", action="store_true", help=f"append the figures to {RESULTS.name}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        doc = composed_pack(folder, args.session, args.lang)
        after = changed(doc)
        pdf.warm_up(timeout=600, processes=1, memory_mb=2048)
        rows = []
        for n in range(args.repeat):
            whole, pages = one_pass(doc, args.lang)
            store = PdfCache(folder / f"cache-{n}")
            pdf.warm_up(timeout=600, processes=args.processes, memory_mb=2048)
            first, laid_first = in_parts(doc, args.lang, store, args.processes)
            again, laid_again = in_parts(after, args.lang, store, args.processes)
            rows.append((whole, first, again))
            print(
                f"{pages} pages: one pass {whole:.2f} s; in parts, first {first:.2f} s "
                f"({laid_first} parts, {first / whole:.2f}x), after one change {again:.2f} s "
                f"({laid_again} parts, {again / whole:.2f}x)"
            )
            pdf.warm_up(timeout=600, processes=1, memory_mb=2048)
    whole, first, again = (statistics.median(column) for column in zip(*rows, strict=True))
    load = os.getloadavg()[0]
    line = (
        f"| {dt.date.today()} | {args.session} | {pages} | {args.processes} | {load:.1f} | {whole:.2f} | "
        f"{first:.2f} ({first / whole:.2f}x) | {again:.2f} ({again / whole:.2f}x) |"
    )
    print(line)
    if args.write:
        if not RESULTS.exists():
            RESULTS.write_text(
                "# Board pack: in parts against one pass (bench/board_pack.py)\n\n"
                "Medians of the repeats, wall-clock seconds, same run. Goals: first render no slower "
                "than one pass; after one change at most 0.2x.\n\n"
                "| date | session | pages | processes | load | one pass | first, in parts "
                "| after one change |\n"
                "|---|---:|---:|---:|---:|---:|---:|---:|\n"
            )
        with RESULTS.open("a") as out:
            out.write(line + "\n")


if __name__ == "__main__":
    main()
