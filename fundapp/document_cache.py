"""Documents made from the records, named by the version of what they show: rendered PDFs and
Board pack parts (``fundapp.reports``), large CSV exports (``fundapp.exports``). In the database
(``SharedCache``, what the app uses: every server of the installation finds what one of them
made) or in a folder (``PdfCache``, for scripts and benchmarks).

The key is a hash of the document's data, language or query and version, so a copy is
never stale: changed data gives a new key (and a new render); unchanged data finds the
copy. Finding that key costs loading the data again; so the shared cache also keeps, under a
hash of the question (document, arguments, reader, language) and of the data versions it was
answered at (``answer_cache.document_versions``), which copy answered it (``same_as``): while
no money and no record has changed, a repeat finds its copy without loading a figure. The oldest
copies go beyond a bound (``PDF_CACHE_MAX_FILES``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from flask import current_app
from sqlalchemy import Index, LargeBinary, String, delete, func, select
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column, sessionmaker

from .db import Base, insert_on_conflict, utcnow

_KEY = re.compile(r"^[0-9a-f]{64}$")


class RenderedDocument(Base):
    """A PDF (a whole document, or a part of a Board pack) or a CSV export under the version of what
    it shows, or a part's page count under the version of its content (``body`` empty), or which
    of those answers a question at the current data versions (``same_as``, ``filename``; ``body``
    empty)."""

    __tablename__ = "rendered_document"
    __table_args__ = (
        Index(None, "created_at"),
        {"info": {"backup": False}},  # made again from the records whenever asked
    )

    #: The version key (sha256 hex) the document or part is kept under.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    pages: Mapped[int | None]
    #: The key of the document that answers this question (a ``SharedCache.put_answer`` row).
    same_as: Mapped[str | None] = mapped_column(String(64))
    #: The name that document is sent under (a ``put_answer`` row).
    filename: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DocumentCache(Protocol):
    """Where rendered documents and parts are kept, by version key."""

    def get(self, key: str) -> bytes | None: ...
    def put(self, key: str, data: bytes) -> None: ...
    def get_pages(self, key: str) -> int | None: ...
    def put_pages(self, key: str, pages: int) -> None: ...
    def clear(self) -> int: ...


class PdfCache:
    """A folder of files; writes are atomic (temporary file + rename)."""

    def __init__(self, directory: str | Path, max_files: int = 500) -> None:
        self.directory = Path(directory)
        self.max_files = max_files

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError("cache keys are sha256 hex digests")
        return self.directory / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, data: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".pdf")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, self._path(key))
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        self._prune()

    def get_pages(self, key: str) -> int | None:
        """The page count kept for ``key`` (a part of a document laid out before), if any."""
        try:
            return int(self._path(key).with_suffix(".pages").read_text())
        except (FileNotFoundError, ValueError):
            return None

    def put_pages(self, key: str, pages: int) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".pages")
        with os.fdopen(fd, "w") as out:
            out.write(str(pages))
        os.replace(tmp, self._path(key).with_suffix(".pages"))

    def _prune(self) -> None:
        files = sorted(self.directory.glob("*.pdf"), key=lambda p: p.stat().st_mtime)
        for old in files[: max(0, len(files) - self.max_files)]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()
        counts = sorted(self.directory.glob("*.pages"), key=lambda p: p.stat().st_mtime)
        for old in counts[: max(0, len(counts) - self.max_files)]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()

    def clear(self) -> int:
        removed = 0
        for path in [*self.directory.glob("*.pdf"), *self.directory.glob("*.pages")]:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
        return removed


class SharedCache:
    """The ``rendered_document`` table: each read and write its own short transaction (a render's
    result is kept whatever becomes of the request or job that made it)."""

    def __init__(
        self, sessions: sessionmaker[Session], read_sessions: sessionmaker[Session], max_entries: int = 500
    ) -> None:
        self.sessions = sessions
        self.read_sessions = read_sessions  # on SQLite, reads never take the write lock
        self.max_entries = max_entries

    def get(self, key: str) -> bytes | None:
        with self.read_sessions() as session:
            return session.scalar(select(RenderedDocument.body).where(RenderedDocument.key == _checked(key)))

    def get_pages(self, key: str) -> int | None:
        with self.read_sessions() as session:
            return session.scalar(select(RenderedDocument.pages).where(RenderedDocument.key == _checked(key)))

    def put(self, key: str, data: bytes) -> None:
        self._upsert(key, {"body": data})
        self._prune()

    def get_answer(self, question: str) -> tuple[str, str, bytes] | None:
        """The document that answered ``question`` (``put_answer``), if it is still kept: its key,
        its file name and its body, in one statement."""
        answer = aliased(RenderedDocument)
        with self.read_sessions() as session:
            found = session.execute(
                select(RenderedDocument.key, answer.filename, RenderedDocument.body)
                .join(answer, answer.same_as == RenderedDocument.key)
                .where(answer.key == _checked(question), RenderedDocument.body.is_not(None))
            ).first()
        if found is None:
            return None
        key, filename, body = found
        if filename is None or body is None:  # the query keeps neither, but the columns may be NULL
            return None
        return key, filename, body

    def put_answer(self, question: str, key: str, filename: str) -> None:
        """Keep that the document ``key``, sent as ``filename``, answers ``question``."""
        self._upsert(question, {"same_as": _checked(key), "filename": filename})
        self._prune()

    def put_pages(self, key: str, pages: int) -> None:
        self._upsert(key, {"pages": pages})

    def _upsert(self, key: str, values: dict[str, object]) -> None:
        with self.sessions() as session, session.begin():
            dialect = session.get_bind().dialect.name
            statement = insert_on_conflict(dialect, RenderedDocument).values(key=_checked(key), **values)
            session.execute(statement.on_conflict_do_update(index_elements=["key"], set_=values))

    def _prune(self) -> None:
        """Beyond ``max_entries`` copies, the oldest go."""
        with self.sessions() as session, session.begin():
            count = session.scalar(select(func.count()).select_from(RenderedDocument)) or 0
            if count <= self.max_entries:
                return
            oldest = (
                select(RenderedDocument.key)
                .order_by(RenderedDocument.created_at, RenderedDocument.key)
                .limit(count - self.max_entries)
            )
            session.execute(delete(RenderedDocument).where(RenderedDocument.key.in_(oldest)))

    def clear(self) -> int:
        with self.sessions() as session, session.begin():
            count = session.scalar(select(func.count()).select_from(RenderedDocument)) or 0
            session.execute(delete(RenderedDocument))
            return count


def _checked(key: str) -> str:
    if not _KEY.match(key):
        raise ValueError("cache keys are sha256 hex digests")
    return key


def shared_cache() -> SharedCache:
    """The installation's cache of documents (the database's, shared by every server)."""
    config = current_app.config
    extensions = current_app.extensions
    return SharedCache(
        extensions["fundapp.sessionmaker"],
        extensions["fundapp.read_sessionmaker"],
        int(config["PDF_CACHE_MAX_FILES"]),
    )
