"""Rendered PDFs on disk, named by the version of what they show.

The key is a hash of the document's data, language and template version, so a file is
never stale: changed data gives a new key (and a new render); unchanged data finds the
file. Writes are atomic (temporary file + rename); the oldest files go beyond a bound.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

_KEY = re.compile(r"^[0-9a-f]{64}$")


class PdfCache:
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
