"""HTML in, PDF out: the one module that imports WeasyPrint.

Safety (WeasyPrint's own advice, and GHSA-jf6q-chmf-3h3v): untrusted text reaches a
document only through autoescaped templates, and whatever WeasyPrint would fetch goes
through ``AssetFetcher``, which serves the project's own files under
``templates/pdf/static/`` (addressed as ``fundapp-asset:NAME``) and refuses every other
URL: ``http(s)``, ``file``, ``data``, everything. The same fetcher is given to ``HTML``
and to every ``CSS`` passed to ``render(stylesheets=...)``, so no default fetcher is
ever built.

Cost and limits: a render runs in a long-lived worker process (WeasyPrint is imported
there once, ~0.5 s), one at a time per app process, under a wall-clock limit (the worker
is killed and replaced when it is exceeded) and an address-space limit. A request's render is
first admitted (``fundapp.renders``: so many under way in the installation, so many per
user, counted in the database), and at most ``PDF_RENDER_QUEUE`` more wait their turn in a
process; beyond that the answer is at once a 429 or a 503 with ``Retry-After``, never a worker
held waiting. A runaway
layout therefore costs a 503, never a stuck web worker or an exhausted machine. Nothing is
rendered unless the documents' font is installed (``fonts.py``): a missing font is a 503 that
names the package, never a document set in whatever font fontconfig finds instead.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import re
import threading
import time
from dataclasses import dataclass
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from flask import current_app, g, has_request_context
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import renders
from .errors import DomainError
from .fonts import require_document_font
from .resources import TEMPLATES_DIR

log = logging.getLogger(__name__)

ASSET_SCHEME = "fundapp-asset"
STATIC_DIR = TEMPLATES_DIR / "pdf" / "static"
_ASSET_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,60}\.(css|svg|png)$")
_MEDIA_TYPES = {"css": "text/css", "svg": "image/svg+xml", "png": "image/png"}


class RenderUnavailable(DomainError):
    """The document could not be rendered in time or within memory (503; try again later)."""

    status = 503
    title = "Service unavailable"
    headers = {"Retry-After": "30"}


class URLRefused(ValueError):
    """WeasyPrint catches this, logs it and renders without the resource."""


def asset_url(name: str) -> str:
    return f"{ASSET_SCHEME}:{name}"


class AssetFetcher(URLFetcher):
    """Serves ``fundapp-asset:NAME`` from one folder; refuses (and records) any other URL."""

    def __init__(self, static_dir: Path) -> None:
        super().__init__(timeout=1, allowed_protocols=frozenset({ASSET_SCHEME}), allow_redirects=False)
        self.static_dir = Path(static_dir).resolve()
        self.fetched: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        prefix = f"{ASSET_SCHEME}:"
        name = url[len(prefix) :].lstrip("/") if url.startswith(prefix) else ""
        match = _ASSET_NAME.match(name)
        path = self.static_dir / name
        if match and path.parent == self.static_dir and path.is_file():
            self.fetched.append(url)
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": _MEDIA_TYPES[match.group(1)]}
            )
        self.refused.append(url[:200])
        raise URLRefused(f"URL refused (documents load only their own assets): {url[:200]}")

    def open(self, url: Any, data: Any = None, timeout: Any = None) -> URLFetcherResponse:
        """Never the ``urllib`` opener underneath, whatever calls it."""
        return self.fetch(getattr(url, "full_url", url))


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    seconds: float  # wall-clock time of the render in the worker
    cpu_seconds: float  # CPU time it used (what the render costs, whatever else the machine runs)
    fetched: tuple[str, ...]
    refused: tuple[str, ...]


def render_in_this_process(
    html: str, static_dir: str | Path = STATIC_DIR, stylesheets: tuple[str, ...] = ("print.css",)
) -> Rendered:
    """Lay out and write the PDF here (the worker calls this; so may a test)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    fetcher = AssetFetcher(Path(static_dir))
    document = HTML(string=html, base_url=f"{ASSET_SCHEME}:", url_fetcher=fetcher)
    css = [CSS(url=asset_url(name), url_fetcher=fetcher) for name in stylesheets]
    laid_out = document.render(stylesheets=css)
    pdf = laid_out.write_pdf()
    return Rendered(
        pdf=pdf,
        pages=len(laid_out.pages),
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
        fetched=tuple(fetcher.fetched),
        refused=tuple(fetcher.refused),
    )


# -- the worker process -------------------------------------------------------------------

_pool: Pool | None = None
_pool_key: tuple[int, int] | None = None
_pool_lock = threading.Lock()
_slots: dict[int, threading.BoundedSemaphore] = {}
_waiting = 0  # renders of this process waiting for a slot
_waiting_lock = threading.Lock()


def _limit_memory(memory_mb: int) -> None:
    """Pool initializer: cap the worker's address space (POSIX); quiet WeasyPrint's logs."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    if memory_mb <= 0:
        return
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX, or not allowed
        log.warning("could not limit the PDF worker's memory")


def _get_pool(processes: int, memory_mb: int) -> Pool:
    global _pool, _pool_key
    with _pool_lock:
        if _pool is None or _pool_key != (processes, memory_mb):
            if _pool is not None:
                _pool.terminate()
            context = multiprocessing.get_context("spawn")
            _pool = context.Pool(
                processes, initializer=_limit_memory, initargs=(memory_mb,), maxtasksperchild=200
            )
            _pool_key = (processes, memory_mb)
        return _pool


def _discard_pool() -> None:
    """Kill the worker(s): the next render starts fresh ones."""
    global _pool, _pool_key
    with _pool_lock:
        if _pool is not None:
            _pool.terminate()
            _pool.join()
        _pool, _pool_key = None, None


atexit.register(_discard_pool)


def render_pdf(
    html: str,
    *,
    timeout: float = 60.0,
    processes: int = 1,
    memory_mb: int = 1024,
    static_dir: str | Path = STATIC_DIR,
    stylesheets: tuple[str, ...] = ("print.css",),
) -> Rendered:
    """Render ``html`` in the worker within ``timeout`` seconds, or raise ``RenderUnavailable``.

    At most ``processes`` renders run at once; a caller waits up to ``timeout`` for its turn.
    Nothing is rendered without the documents' font (``FontsMissing``). In a request, the
    render is admitted first (``fundapp.renders``) and waits in a queue of bounded length.
    """
    (rendered,) = render_pdfs(
        [html],
        timeout=timeout,
        processes=processes,
        memory_mb=memory_mb,
        static_dir=static_dir,
        stylesheets=stylesheets,
    )
    return rendered


def render_pdfs(
    htmls: list[str],
    *,
    timeout: float = 60.0,
    processes: int = 1,
    memory_mb: int = 1024,
    static_dir: str | Path = STATIC_DIR,
    stylesheets: tuple[str, ...] = ("print.css",),
) -> list[Rendered]:
    """Render each of ``htmls`` (the parts of one document), spread over the worker processes, as
    one admitted render that takes one of the ``processes`` slots and every worker while it runs;
    within ``timeout`` seconds for them all, or ``RenderUnavailable``."""
    require_document_font()
    if not (has_request_context() and g.get("user") is not None):
        return _render_in_turn(htmls, timeout, processes, memory_mb, static_dir, stylesheets, queue=None)
    config = current_app.config
    holder = f"user:{g.user.id}"
    sessions = current_app.extensions["fundapp.sessionmaker"]
    if "db_session" in g and g.db_session.get_bind().dialect.name == "sqlite":
        # SQLite has one writer: the admission's own transaction would wait on the request's
        # (the whole busy timeout, then 503) if the request held the write lock. A render's
        # request has read what it renders; end its transaction first.
        g.db_session.commit()
    with renders.admitted(
        sessions(),
        holder,
        in_flight=int(config["PDF_RENDERS_IN_FLIGHT"]),
        per_holder=int(config["PDF_RENDERS_PER_USER"]),
        lease_seconds=timeout + 30,
        expected_seconds=float(config["PDF_RENDER_EXPECTED_SECONDS"]),
    ):
        queue = int(config["PDF_RENDER_QUEUE"])
        return _render_in_turn(htmls, timeout, processes, memory_mb, static_dir, stylesheets, queue=queue)


def _render_in_turn(
    htmls: list[str],
    timeout: float,
    processes: int,
    memory_mb: int,
    static_dir: str | Path,
    stylesheets: tuple[str, ...],
    *,
    queue: int | None,
) -> list[Rendered]:
    """Wait for one of the process's ``processes`` slots (behind at most ``queue`` others), render."""
    global _waiting
    slot = _slots.setdefault(processes, threading.BoundedSemaphore(processes))
    if not slot.acquire(blocking=False):
        with _waiting_lock:
            if queue is not None and _waiting >= queue:
                raise RenderUnavailable(
                    f"{_waiting} documents are waiting to be rendered here; try again shortly"
                )
            _waiting += 1
        try:
            acquired = slot.acquire(timeout=timeout)
        finally:
            with _waiting_lock:
                _waiting -= 1
        if not acquired:
            raise RenderUnavailable(f"every document renderer is busy; try again in {int(timeout)} s")
    try:
        pool = _get_pool(processes, memory_mb)
        pending = pool.starmap_async(
            render_in_this_process, [(html, str(static_dir), stylesheets) for html in htmls], chunksize=1
        )
        try:
            return pending.get(timeout)
        except multiprocessing.TimeoutError:
            _discard_pool()
            log.warning("PDF render exceeded %.1f s; worker replaced", timeout)
            raise RenderUnavailable(f"the document took longer than {timeout:g} s to render") from None
        except MemoryError:
            _discard_pool()
            log.warning("PDF render exceeded %d MB; worker replaced", memory_mb)
            raise RenderUnavailable("the document is too large to render") from None
    finally:
        slot.release()


def warm_up(**options: Any) -> Rendered:
    """Start the worker (and import WeasyPrint there) before the first real document."""
    return render_pdf("<!doctype html><title>-</title><p>-</p>", **options)
