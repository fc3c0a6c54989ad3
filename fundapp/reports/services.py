"""The documents: figures (queries) -> words (documents, wording) -> HTML (templates) -> PDF.

One service, ``document(spec, ...)``, for every document: its ``DocumentSpec`` says how its
figures are loaded and worded, its template and its symbol (``reports.documents``).

A PDF is rendered once per version of what it shows: the version key hashes the data
the document reads, its language and format, and the templates, catalogues and code
that word it. The key gives the ETag (``304`` on ``If-None-Match``) and names the file in
the cache under the instance folder, so unchanged data is never rendered twice and
changed data is never served stale. The cache is the database's (``fundapp.document_cache``): a
document rendered through one server is served by every other.

A request never renders a PDF itself: ``document_or_job`` answers from the cache, or queues the
render as a job (``fundapp.jobs``, kind ``document``) that ``render_job`` runs on a worker. A
repeat loads no figure while nothing has changed: the cache keeps which copy answered the same
question at the same data versions (the money's and the records', advanced by the database's
triggers on every write to what a document shows), and serves it in two statements.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from flask import current_app
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from sqlalchemy.orm import Session
from werkzeug.http import parse_etags

from ..answer_cache import document_versions
from ..auth.models import User
from ..db import utcnow
from ..document_cache import SharedCache, shared_cache
from ..fund_scope import visible_funds
from ..jobs import services as jobs
from ..jobs.models import Job
from ..resources import TEMPLATES_DIR
from ..services_base import Progress
from .documents import BY_KIND, ROMAN, DocumentSpec
from .parts import render_in_parts
from .wording import TRANSLATIONS_DIR, Wording

log = logging.getLogger(__name__)

TEMPLATE_DIR = TEMPLATES_DIR / "pdf"
STYLESHEET = TEMPLATE_DIR / "static" / "print.css"
MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}
#: Bump to invalidate every cached document (the key also hashes the files themselves).
DOCUMENT_VERSION = "1"


@dataclass(frozen=True)
class Document:
    etag: str
    media_type: str
    filename: str
    body: bytes | None = None  # None: the client's copy is current (304)
    from_cache: bool = False
    pages: int | None = None
    render_seconds: float | None = None

    @property
    def not_modified(self) -> bool:
        return self.body is None


# -- the service ----------------------------------------------------------------------------


def document(
    spec: DocumentSpec,
    session: Session,
    user: User | None,
    *,
    lang: str,
    fmt: str,
    if_none_match: str | None = None,
    **arguments: Any,
) -> Document:
    """The document ``spec`` names, as PDF or HTML: its figures loaded with ``arguments`` (the
    route's: ``call_id``, ``fund_id`` and ``as_of`` ...), then worded in ``lang`` and rendered,
    unless the client's copy is current or the PDF is cached."""
    return _produce(spec, spec.load(session, user, **arguments), lang, fmt, if_none_match)


def document_or_job(
    spec: DocumentSpec,
    session: Session,
    user: User,
    *,
    lang: str,
    fmt: str,
    href: str,
    if_none_match: str | None = None,
    **arguments: Any,
) -> Document | Job:
    """``document``, but a PDF not in the cache is not rendered here: its render is queued as a job
    (or the same render already queued is found), and the job answers. ``href`` is the document's
    own link (path and query), which the job gives back as its result's."""
    question = _question(spec.kind, session, user, lang, fmt, arguments) if fmt == "pdf" else None
    if question is not None:
        answered = pdf_cache().get_answer(question)
        if answered is not None:  # nothing it shows has changed since: no figure is loaded
            key, filename, body = answered
            etag = _etag(spec.kind, key)
            return _not_modified(etag, fmt, filename, if_none_match) or Document(
                etag=etag, media_type=MEDIA_TYPES[fmt], filename=filename, body=body, from_cache=True
            )
    data = spec.load(session, user, **arguments)
    if fmt != "pdf":
        return _produce(spec, data, lang, fmt, if_none_match)
    key = version_key(spec.kind, data, lang, fmt)
    found = _answer_without_rendering(spec, data, key, lang, fmt, if_none_match)
    if found is not None:
        if question is not None and found.from_cache:
            pdf_cache().put_answer(question, key, found.filename)
        return found
    # per user: what a document shows depends on who reads it (a donor's own statement)
    return jobs.submit(
        current_app._get_current_object(),  # type: ignore[attr-defined]
        user,
        RENDER_JOB,
        hashlib.sha256(f"{key}|{user.id}".encode()).hexdigest(),
        {"document": spec.kind, "lang": lang, "arguments": _encoded(arguments), "href": href},
    )


def _question(
    kind: str, session: Session, user: User, lang: str, fmt: str, arguments: dict[str, Any]
) -> str | None:
    """The key of what is asked (the document, its arguments, who reads it and the funds it sees,
    the language, the day, the templates) at the current versions of the money and the records:
    while both stay, the document that answered it still does (None: the database keeps no
    versions). The versions are read before any figure is (``document_versions``)."""
    versions = document_versions(session)
    if versions is None:
        return None
    payload = json.dumps(
        {
            "kind": kind,
            "arguments": _encoded(arguments),
            "reader": user.id,
            "funds": visible_funds(session),
            "lang": lang,
            "fmt": fmt,
            "day": utcnow().date().isoformat(),  # what a document says of "today" holds for the day
            "templates": template_version(),
            "versions": versions,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


#: The kind of the jobs that render a document (``render_job``).
RENDER_JOB = "document"


@jobs.task(RENDER_JOB, writes=False)
def render_job(session: Session, job: jobs.RunningJob, progress: Progress) -> dict[str, Any]:
    """The job's document rendered (its figures loaded again, as the job's user may see them) and
    kept in the cache; its link, ETag and pages as the result."""
    spec = BY_KIND[job.arguments["document"]]
    advance = progress("rendering", 1)
    rendered = document(
        spec, session, job.user, lang=job.arguments["lang"], fmt="pdf", **_decoded(job.arguments["arguments"])
    )
    advance(1)
    return {
        "href": job.arguments["href"],
        "etag": rendered.etag,
        "media_type": rendered.media_type,
        "pages": rendered.pages,
        "from_cache": rendered.from_cache,
    }


def _encoded(arguments: dict[str, Any]) -> dict[str, Any]:
    """The route's arguments as JSON (a day as ``{"day": "2019-03-31"}``)."""
    return {k: {"day": v.isoformat()} if isinstance(v, dt.date) else v for k, v in arguments.items()}


def _decoded(arguments: dict[str, Any]) -> dict[str, Any]:
    return {
        k: dt.date.fromisoformat(v["day"]) if isinstance(v, dict) and "day" in v else v
        for k, v in arguments.items()
    }


def pdf_cache() -> SharedCache:
    """The installation's cache of rendered documents (the database's, shared by every server)."""
    return shared_cache()


def render_options() -> dict[str, Any]:
    """The renderer's limits from the app's config (``FUNDAPP_PDF_RENDER_*``)."""
    config = current_app.config
    return {
        "timeout": float(config["PDF_RENDER_TIMEOUT"]),
        "processes": int(config["PDF_RENDER_PROCESSES"]),
        "memory_mb": int(config["PDF_RENDER_MEMORY_MB"]),
    }


# -- the pipeline ---------------------------------------------------------------------------


def _answer_without_rendering(
    spec: DocumentSpec, data: dict[str, Any], key: str, lang: str, fmt: str, if_none_match: str | None
) -> Document | None:
    """304 for the client's current copy, the HTML preview, or the PDF from the cache; else None."""
    etag = _etag(spec.kind, key)
    media_type = MEDIA_TYPES[fmt]
    filename = f"{spec.filename(data, lang)}.{fmt}"
    current = _not_modified(etag, fmt, filename, if_none_match)
    if current is not None:
        return current
    if fmt == "html":
        html = render_html(spec.template, spec.compose(data, lang), lang, inline_css=True)
        return Document(etag=etag, media_type=media_type, filename=filename, body=html.encode("utf-8"))
    # the data's version is known: a cached PDF is served without wording the document again
    cached = pdf_cache().get(key)
    if cached is not None:
        return Document(etag=etag, media_type=media_type, filename=filename, body=cached, from_cache=True)
    return None


def _etag(kind: str, key: str) -> str:
    """The ETag of the document ``kind`` whose version key is ``key``."""
    return f"{kind}-{key[:32]}"


def _not_modified(etag: str, fmt: str, filename: str, if_none_match: str | None) -> Document | None:
    """The answer 304 when ``If-None-Match`` names ``etag`` (the client's copy is current)."""
    if if_none_match and parse_etags(if_none_match).contains_weak(etag):
        return Document(etag=etag, media_type=MEDIA_TYPES[fmt], filename=filename)
    return None


def _produce(
    spec: DocumentSpec, data: dict[str, Any], lang: str, fmt: str, if_none_match: str | None
) -> Document:
    kind = spec.kind
    key = version_key(kind, data, lang, fmt)
    found = _answer_without_rendering(spec, data, key, lang, fmt, if_none_match)
    if found is not None:
        return found
    etag = _etag(kind, key)
    media_type = MEDIA_TYPES[fmt]
    filename = f"{spec.filename(data, lang)}.{fmt}"
    store = pdf_cache()

    from .. import pdf  # imported on first render: WeasyPrint takes ~0.5 s to import

    if spec.parts is not None:
        started = time.perf_counter()
        assembled = render_in_parts(
            kind,
            spec.parts(spec.compose(data, lang)),
            lang,
            templates=template_version(),
            store=store,
            html_of=lambda part, css: render_html(spec.template, part, lang, page_css=css),
            render_many=lambda htmls: pdf.render_pdfs(htmls, **render_options()),
        )
        seconds = time.perf_counter() - started
        log.info(
            "%s rendered: %d pages in %.2f s (%d of %d parts laid out)",
            kind,
            assembled.pages,
            seconds,
            assembled.rendered,
            assembled.parts,
        )
        store.put(key, assembled.pdf)
        return Document(
            etag=etag,
            media_type=media_type,
            filename=filename,
            body=assembled.pdf,
            pages=assembled.pages,
            render_seconds=seconds,
        )
    rendered = pdf.render_pdf(render_html(spec.template, spec.compose(data, lang), lang), **render_options())
    if rendered.refused:
        log.warning(
            "%s: the renderer refused %d URL(s): %s", kind, len(rendered.refused), rendered.refused[:5]
        )
    log.info("%s rendered: %d pages in %.2f s", kind, rendered.pages, rendered.seconds)
    store.put(key, rendered.pdf)
    return Document(
        etag=etag,
        media_type=media_type,
        filename=filename,
        body=rendered.pdf,
        pages=rendered.pages,
        render_seconds=rendered.seconds,
    )


def version_key(kind: str, data: dict[str, Any], lang: str, fmt: str) -> str:
    """sha256 of everything the document depends on: data, language, format, templates and code."""
    payload = json.dumps(
        {"kind": kind, "lang": lang, "fmt": fmt, "data": data, "templates": template_version()},
        sort_keys=True,
        default=str,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _inputs() -> list[Path]:
    reports = Path(__file__).resolve().parent
    return sorted(
        [*TEMPLATE_DIR.rglob("*.html"), *TEMPLATE_DIR.rglob("*.css"), *TRANSLATIONS_DIR.rglob("*.po")]
        + [*reports.rglob("*.py"), *reports.glob("*.json")]
    )


def template_version() -> str:
    """A hash of the templates, stylesheet, catalogues and wording code (re-read when one changes)."""
    signature = tuple((str(p), (stat := p.stat()).st_mtime_ns, stat.st_size) for p in _inputs())
    return _hash_files(signature)


@cache
def _hash_files(signature: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256(f"{DOCUMENT_VERSION}|weasyprint {version('weasyprint')}".encode())
    for path, _mtime, _size in signature:
        digest.update(path.encode())
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


# -- templates ------------------------------------------------------------------------------


@cache
def _environment(lang: str) -> Environment:
    """One Jinja environment per language: autoescaped, strict, with the catalogue installed."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        auto_reload=True,
    )
    wording = Wording(lang)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        wording.template_gettext,
        wording.template_ngettext,
        newstyle=True,
        pgettext=wording.template_pgettext,
    )
    env.globals["roman"] = ROMAN
    return env


def render_html(
    template: str, doc: dict[str, Any], lang: str, *, inline_css: bool = False, page_css: Markup | None = None
) -> str:
    """The worded document laid out in its template, as HTML; ``inline_css`` embeds the
    stylesheet (the browser preview), ``page_css`` a part's page furniture (``parts.page_css``)."""
    css = Markup(STYLESHEET.read_text(encoding="utf-8")) if inline_css else None
    return _environment(lang).get_template(template).render(doc=doc, inline_css=css, page_css=page_css)
