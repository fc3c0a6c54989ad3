"""What is measured, each figure beside its floor, on one generated database.

An endpoint the app does not have (yet) gives a row saying "not available", never a crash.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import delete
from werkzeug.exceptions import MethodNotAllowed, NotFound

from fundapp import create_app
from fundapp.answer_cache import KeptAnswer
from fundapp.books.services import commit_to_grant
from fundapp.db import get_engine, new_session
from fundapp.reports import services as report_services

from .databases import BenchDatabase
from .measure import Driver, Timing, captured, data_statements, interleaved
from .peer import create_peer
from .results import Result

PAGE_SIZE = 20
LIST_MAX_RATIO = 3.0
#: A list may cost at most twice what the same list written the plain way does (bench.peer).
PEER_MAX_RATIO = 2.0
PDF_MAX_RATIO = 1.3
PDF_CACHED_LIMIT_MS = 20.0
OUT_DIR = Path(__file__).resolve().parent / "out"

#: (key, path, what it is): the lists, each read on its first page and on a deep page.
LISTS = (
    ("proposals", "/api/v1/proposals", "proposals"),
    ("grants", "/api/v1/grants", "grants"),
    ("contributions", "/api/v1/contributions", "contributions"),
)


#: The money received, as the books keep it for totals without a day: one row per donor (and
#: year), maintained with the ledger's entries (``fundapp.books.models.ReceivedByDonor``).
BY_DONOR = "FROM ledger_received_by_donor r JOIN donor d ON d.id = r.donor_id"
BY_DONOR_YEAR = "FROM ledger_received_by_donor_year r JOIN donor d ON d.id = r.donor_id"
GAVE = "SUM(CASE WHEN r.receipts > 0 THEN 1 ELSE 0 END)"


def totals_floors(dialect: str) -> dict[str, list[str]]:
    """The bare SQL aggregate behind each totals endpoint, over the same maintained sums (what
    the figures cost at least)."""
    not_anonymous = "d.anonymous = false" if dialect == "postgresql" else "d.anonymous = 0"
    return {
        "totals.all": [f"SELECT SUM(r.usd_minor), SUM(r.receipts), {GAVE} FROM ledger_received_by_donor r"],
        "totals.year_kind": [
            f"SELECT r.year, d.kind, SUM(r.usd_minor), SUM(r.receipts), {GAVE} {BY_DONOR_YEAR} "
            "GROUP BY 1, 2 ORDER BY 1, 2"
        ],
        "totals.public": [
            "SELECT r.year, SUM(r.usd_minor) FROM ledger_received_by_donor_year r GROUP BY 1 ORDER BY 1",
            f"SELECT d.kind, SUM(r.usd_minor), {GAVE} {BY_DONOR} GROUP BY 1",
            f"SELECT d.kind, d.name {BY_DONOR} WHERE r.receipts > 0 AND d.kind <> 'individual' "
            f"AND {not_anonymous} ORDER BY 1, 2",
        ],
    }


TOTALS = (
    ("totals.all", "/api/v1/contributions/totals", "fund-wide total"),
    ("totals.year_kind", "/api/v1/contributions/totals?group_by=year,donor_kind", "by year and donor kind"),
    ("totals.public", "/api/v1/public/totals", "public figures"),
)


class Context:
    """The app, a test client with a staff token, and a raw driver, on one database."""

    def __init__(
        self, db: BenchDatabase, *, min_seconds: float = 0.5, min_runs: int = 5, max_runs: int = 200
    ) -> None:
        self.db = db
        self.min_seconds = min_seconds
        self.min_runs = min_runs
        self.max_runs = max_runs
        self.warmup = 5 if min_runs >= 5 else 1
        self.pdf_cache = Path(tempfile.mkdtemp(prefix="fundapp-bench-pdf-"))
        self.app: Flask = create_app(
            {
                "DATABASE_URL": db.url,
                "WRITE_DEMO_TOKENS": False,
                "PDF_CACHE_DIR": str(self.pdf_cache),
                # a document's render measured in the request that asks for it, as a quick one is
                # answered (bench/jobs.py measures renders as jobs)
                "JOBS_BACKEND": "inline",
            }
        )
        self.client = self.app.test_client()
        self.headers = {"Authorization": f"Bearer {db.token}"}
        self.engine = get_engine(self.app)
        self.driver = Driver(db.url)
        self.peer = create_peer(db.url, self.app.config["SECRET_KEY"])
        self.peer_client = self.peer.test_client()

    def close(self) -> None:
        self.driver.close()
        self.engine.dispose()
        self.peer.extensions["peer.engine"].dispose()
        shutil.rmtree(self.pdf_cache, ignore_errors=True)

    # -- helpers ---------------------------------------------------------------------------

    def has_route(self, path: str) -> bool:
        adapter = self.app.url_map.bind("localhost")
        try:
            adapter.match(path.split("?")[0], method="GET")
        except (NotFound, MethodNotAllowed):
            return False
        return True

    def get(self, path: str, *, peer: bool = False) -> Any:
        response = (self.peer_client if peer else self.client).get(path, headers=self.headers)
        if response.status_code != 200:
            raise RuntimeError(
                f"GET {path} answered {response.status_code}: {response.get_data(as_text=True)[:300]}"
            )
        return response

    def result(self, section: str, key: str, name: str, value: float | None, **kwargs: Any) -> Result:
        return Result(self.db.engine_name, self.db.size, section, key, name, value, **kwargs)

    def time(self, action: Callable[[], Any], **kwargs: Any) -> Timing:
        before_each = kwargs.pop("before_each", None)
        (timing,) = self.time_in_turn((action, before_each), **kwargs)
        return timing

    def time_in_turn(
        self, *actions: tuple[Callable[[], Any], Callable[[], None] | None], **kwargs: Any
    ) -> list[Timing]:
        """``actions`` (each with its ``before_each``) timed in turn, one run of each per round."""
        options = {
            "min_seconds": self.min_seconds,
            "min_runs": self.min_runs,
            "max_runs": self.max_runs,
            "warmup": self.warmup,
            **kwargs,
        }
        return interleaved(actions, **options)

    def endpoint_against_replay(
        self,
        section: str,
        key: str,
        name: str,
        path: str,
        *,
        max_ratio: float | None = LIST_MAX_RATIO,
        with_auth: bool = False,
        before_each: Callable[[], None] | None = None,
        peer: bool = False,
        **kwargs: Any,
    ) -> Result:
        """The endpoint's latency beside its own SQL replayed through the driver (and, with
        ``peer``, beside the same request answered by the plain-way peer).

        The SQL is caught on a second request, as every timed request after it runs: a count
        kept in a cache is not counted again, so it is not in the floor either (unless
        ``before_each`` empties that cache before each request, the capture's included; what
        ``before_each`` itself runs is not the request's, and is not caught).
        """
        self.get(path)
        if before_each is not None:
            before_each()
        with captured(self.engine) as statements:
            self.get(path)
        data = data_statements(statements, with_auth=with_auth)
        if peer:  # fundapp and its peer in turn, so that their ratio is the code's, not the moment's
            self.get(path, peer=True)
            endpoint, answered = self.time_in_turn(
                (lambda: self.get(path), before_each), (lambda: self.get(path, peer=True), None)
            )
            kwargs["peer"] = answered.median_ms
            kwargs["peer_max_ratio"] = PEER_MAX_RATIO
        else:
            endpoint = self.time(lambda: self.get(path), before_each=before_each)
        floor = self.time(lambda: self.driver.run(data))
        return self.result(
            section,
            key,
            name,
            endpoint.median_ms,
            floor=floor.median_ms,
            floor_name=f"its {len(data)} SQL statement(s) through the driver",
            max_ratio=max_ratio,
            queries=len([s for s in statements if s.sql.strip().upper().split()[0] in ("SELECT", "WITH")]),
            **kwargs,
        )

    def clear_totals_cache(self, shelf: str = "totals") -> None:
        """Forget the totals answers (or the list counts) kept in the database, as a money write
        makes them stale for every server."""
        with new_session(self.app) as session, session.begin():
            session.execute(delete(KeptAnswer).where(KeptAnswer.shelf == shelf))

    def clear_counts(self) -> None:
        self.clear_totals_cache("counts")

    def unavailable(self, section: str, key: str, name: str, why: str = "not available") -> Result:
        return self.result(section, key, name, None, note=why)


# -- the cases ----------------------------------------------------------------------------------


#: The least an authenticated request costs: the token and its user, and the user dumped.
LEAST = "/api/v1/me"


def list_endpoints(ctx: Context) -> list[Result]:
    section = "List endpoints"
    results: list[Result] = []
    if ctx.has_route(LEAST):
        results.append(
            ctx.endpoint_against_replay(
                section,
                "least",
                f"GET {LEAST} (for scale, no target: Flask, the token check and one row, what any "
                "authenticated request costs at least)",
                LEAST,
                max_ratio=None,
                with_auth=True,
            )
        )
    for key, path, what in LISTS:
        first = f"{path}?page_size={PAGE_SIZE}"
        if not ctx.has_route(path):
            for part in ("first", "deep"):
                results.append(ctx.unavailable(section, f"{key}.{part}", f"GET {path} ({part} page)"))
            continue
        body = ctx.get(first).get_json()
        total = int(body["total"])
        deep_page = max(1, (total * 9 // 10) // PAGE_SIZE)
        deep = f"{first}&page={deep_page}"
        results.append(
            ctx.endpoint_against_replay(
                section, f"{key}.first", f"GET {first} (first page of {total:,} {what})", first, peer=True
            )
        )
        if key == "contributions":  # its total is kept under the money's version: count it anew
            results.append(
                ctx.endpoint_against_replay(
                    section,
                    f"{key}.recount",
                    f"GET {first} (first page, rows counted anew as after a money write)",
                    first,
                    before_each=ctx.clear_counts,
                    peer=True,
                )
            )
        results.append(
            ctx.endpoint_against_replay(
                section,
                f"{key}.deep",
                f"GET {deep} (offset {(deep_page - 1) * PAGE_SIZE:,})",
                deep,
                peer=True,
            )
        )
        cursor_name = f"GET {path}?page_size={PAGE_SIZE}&cursor=… (the page after page {deep_page})"
        if "next_cursor" not in body:
            results.append(ctx.unavailable(section, f"{key}.cursor", cursor_name, "no cursor"))
            continue
        cursor = ctx.get(deep).get_json().get("next_cursor")
        if not cursor:
            results.append(ctx.unavailable(section, f"{key}.cursor", cursor_name, "one page only"))
            continue
        after = f"{first}&cursor={cursor}"
        results.append(ctx.endpoint_against_replay(section, f"{key}.cursor", cursor_name, after, peer=True))
    return results


def totals_endpoints(ctx: Context) -> list[Result]:
    section = "Totals"
    floors = totals_floors(ctx.db.engine_name)
    results: list[Result] = []
    for key, path, what in TOTALS:
        name = f"GET {path} ({what})"
        if not ctx.has_route(path):
            results.append(ctx.unavailable(section, key + ".cold", name))
            continue
        ctx.clear_totals_cache()
        with captured(ctx.engine) as statements:
            ctx.get(path)
        cold = ctx.time(lambda path=path: ctx.get(path), before_each=ctx.clear_totals_cache)
        warm = ctx.time(lambda path=path: ctx.get(path))
        floor = ctx.time(lambda key=key: ctx.driver.sql(*floors[key]))
        for suffix, timing, how in ((".cold", cold, "cache emptied first"), (".cached", warm, "cached")):
            results.append(
                ctx.result(
                    section,
                    key + suffix,
                    f"{name}, {how}",
                    timing.median_ms,
                    floor=floor.median_ms,
                    floor_name=f"bare SQL aggregate ({len(floors[key])} statement(s))",
                    max_ratio=LIST_MAX_RATIO,
                    queries=len(data_statements(statements)) + 1 if suffix == ".cold" else None,
                )
            )
    return results


def pdf_summary(ctx: Context, call_id: int = 1) -> list[Result]:
    """The cycle summary PDF: rendered (cache emptied first), WeasyPrint alone, and cached."""
    section = "PDF"
    pdf_path = f"/api/v1/calls/{call_id}/summary.pdf"
    html_path = f"/api/v1/calls/{call_id}/summary.html"
    if not ctx.has_route(pdf_path):
        return [
            ctx.unavailable(section, "pdf.render", f"GET {pdf_path} (rendered)"),
            ctx.unavailable(section, "pdf.cached", f"GET {pdf_path} (cached repeat)"),
        ]

    def empty_cache() -> None:
        with ctx.app.app_context():
            report_services.pdf_cache().clear()

    pdf_runs = {
        "min_runs": min(3, ctx.min_runs),
        "max_runs": 10,
        "warmup": 2,
        "min_seconds": min(ctx.min_seconds * 4, 4.0),
    }
    floor, floor_name, pages = None, "", None
    if ctx.has_route(html_path):
        html = ctx.get(html_path).get_data(as_text=True)
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        saved = OUT_DIR / f"cycle-summary-{ctx.db.engine_name}-{ctx.db.size}.html"
        saved.write_text(html, encoding="utf-8")
        pages, floor_timing = weasyprint_alone(saved, ctx, pdf_runs)
        floor, floor_name = floor_timing.median_ms, "WeasyPrint alone on the same HTML saved to a file"
    rendered = ctx.time(lambda: ctx.get(pdf_path), before_each=empty_cache, **pdf_runs)
    ctx.get(pdf_path)  # into the cache
    cached = ctx.time(lambda: ctx.get(pdf_path))
    name = f"GET {pdf_path}" + (f" ({pages} pages)" if pages else "")
    return [
        ctx.result(
            section,
            "pdf.render",
            f"{name}, rendered",
            rendered.median_ms,
            floor=floor,
            floor_name=floor_name or "(no HTML preview to compare with)",
            max_ratio=PDF_MAX_RATIO,
            growth=False,
            note="" if floor else "floor not available",
        ),
        ctx.result(
            section, "pdf.cached", f"{name}, cached repeat", cached.median_ms, limit=PDF_CACHED_LIMIT_MS
        ),
    ]


def weasyprint_alone(html_file: Path, ctx: Context, runs: dict[str, Any]) -> tuple[int, Timing]:
    """WeasyPrint rendering a saved HTML file in this process (with the app's asset fetcher if any)."""
    import weasyprint

    options: dict[str, Any] = {}
    try:
        from fundapp.pdf import ASSET_SCHEME, STATIC_DIR, AssetFetcher

        options = {"url_fetcher": AssetFetcher(STATIC_DIR), "base_url": f"{ASSET_SCHEME}:"}
    except ImportError:
        pass

    def render() -> int:
        document = weasyprint.HTML(filename=str(html_file), **options).render()
        document.write_pdf()
        return len(document.pages)

    pages = render()
    return pages, ctx.time(render, **runs)


#: What an approval read under the fund's lock before the books kept balances: every receipt and
#: every grant summed (the "before" of the approval figure, measured in the same run).
SUMMED_UNDER_THE_LOCK = [
    "SELECT COALESCE(SUM(usd_minor), 0) FROM contribution_receipt WHERE fund_id = 1 AND status = 'recorded'",
    "SELECT COALESCE(SUM(CASE WHEN g.status IN ('active', 'suspended') THEN g.amount_minor ELSE "
    "(SELECT COALESCE(SUM(d.paid_minor), 0) FROM disbursement d "
    "WHERE d.grant_id = g.id AND d.status = 'paid') END), 0) FROM grant_award g WHERE g.fund_id = 1",
]


def approval(ctx: Context) -> list[Result]:
    """The money check of an approval: lock the fund, read what it may commit (then roll back).

    It reads two balance rows whatever the number of receipts; before the books it summed them
    all (``SUMMED_UNDER_THE_LOCK``, timed beside it as its "before").
    """

    def check() -> None:
        with ctx.app.app_context():
            session = new_session(ctx.app)
            try:
                commit_to_grant(session, 1, 1)
            finally:
                session.rollback()
                session.close()

    timing = ctx.time(check)
    before = ctx.time(lambda: ctx.driver.sql(*SUMMED_UNDER_THE_LOCK))
    return [
        ctx.result(
            "Money",
            "approval.check",
            "An approval's money check under the fund lock (commit_to_grant: lock, two balances)",
            timing.median_ms,
            floor=before.median_ms,
            floor_name="before the books: every receipt and grant summed under the lock",
            note="the 1M figure must stay within 1.5x of the 10k one",
        )
    ]
