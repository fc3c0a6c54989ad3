"""Large CSV exports as jobs: beyond ``EXPORT_JOB_ROWS`` rows, the file is written by a job and
kept in the installation's document cache (``fundapp.document_cache``, the database's: every
server serves it), under a key that names the export, its query, what its caller may see and the
version of the data it shows; it is then served with its ETag (``304`` when current) as long as
that version holds. The same export of the same data asked twice is one job (its key), and once
done no job at all (the file is kept); each counts in its user's jobs (``JOBS_PER_USER``).

An export is made a job only where its data has a version that tells a kept file stale: the
contributions (pledges, donors, campaigns, receipts) are the money's (``answer_cache``'s
``data_version``). The other spreadsheets (proposals, grants, tranches: a fund's thousands of
rows at most) have no such version, and stream as they are asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy.orm import Session

from ..answer_cache import cached_at_version, decode, encode, frozen, money_version, question_digest
from ..auth.models import User
from ..contributions.services import names_anonymous_donors
from ..document_cache import shared_cache
from ..fund_scope import visible_funds
from ..jobs import services as jobs
from ..jobs.models import Job
from ..services_base import Progress
from . import services

#: The kind of the jobs that write a large export.
EXPORT_JOB = "export.csv"
MEDIA_TYPE = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class LargeExport:
    name: str
    filename: str
    #: The rows it would write for a query (one statement).
    count: Callable[[Session, dict[str, Any]], int]
    #: Its text chunks; told of the rows written (``advance``).
    produce: Callable[[Session, User, dict[str, Any], Callable[[int], None] | None], Iterator[str]]


CONTRIBUTIONS = LargeExport(
    "contributions", "contributions.csv", services.contributions_count, services.contributions_csv
)
EXPORTS = {export.name: export for export in (CONTRIBUTIONS,)}


@dataclass(frozen=True)
class Kept:
    """A large export's place in the cache: its key, ETag and, once written, its body."""

    key: str
    etag: str
    body: bytes | None


def large(export: LargeExport, session: Session, user: User, query: dict[str, Any]) -> Kept | None:
    """None when the export has at most ``EXPORT_JOB_ROWS`` rows (it streams as it is asked);
    else where it is kept (its body if it is there). The row count is an answer of the money's
    version (``answer_cache``'s ``counts`` shelf), and that version names the file."""
    threshold = int(current_app.config["EXPORT_JOB_ROWS"])
    if threshold <= 0:
        return None
    version, rows = cached_at_version(
        session,
        (f"export.{export.name}.rows", frozen(query)),
        lambda: export.count(session, query),
        shelf="counts",
    )
    if rows <= threshold:
        return None
    if version is None:
        version = money_version(session)
    key = question_digest(
        ("csv", export.name, version, visible_funds(session), names_anonymous_donors(user), frozen(query))
    )
    return Kept(key, f"{export.name}-{key[:32]}", shared_cache().get(key))


def submit(export: LargeExport, user: User, query: dict[str, Any], kept: Kept, href: str) -> Job:
    """The job writing the export (the one under way already, if asked before)."""
    return jobs.submit(
        current_app._get_current_object(),  # type: ignore[attr-defined]
        user,
        EXPORT_JOB,
        kept.key,
        {"export": export.name, "query": encode(query), "key": kept.key, "etag": kept.etag, "href": href},
    )


@jobs.task(EXPORT_JOB, writes=False)
def export_job(session: Session, job: jobs.RunningJob, progress: Progress) -> dict[str, Any]:
    """The export written (as the job's user may see it), kept in the document cache; its link,
    ETag and rows as the result. Progress: rows written, of how many."""
    if job.user is None:
        raise LookupError("an export job needs the user who asked for it")
    export = EXPORTS[job.arguments["export"]]
    query = decode(job.arguments["query"])
    rows = export.count(session, query)
    advance = progress("writing", rows)
    body = "".join(export.produce(session, job.user, query, advance)).encode("utf-8")
    shared_cache().put(job.arguments["key"], body)
    return {
        "href": job.arguments["href"],
        "etag": job.arguments["etag"],
        "media_type": MEDIA_TYPE,
        "rows": rows,
        "bytes": len(body),
    }
