"""Where the official 360Giving and IATI files are: never copied into the project.

``FUNDAPP_STANDARDS_DIR`` names the folder holding ``360giving-1.4.3/`` and ``iati-2.03/``;
otherwise ``shared/standards`` beside the repository (or beside the folder of worktrees).
A test that needs a missing folder is skipped, saying why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENV = "FUNDAPP_STANDARDS_DIR"
_ROOT = Path(__file__).resolve().parents[2]


def standards_dir() -> Path | None:
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    for base in (_ROOT.parent, _ROOT.parent.parent):
        candidate = base / "shared" / "standards"
        if candidate.is_dir():
            return candidate
    return None


def require(folder: str, *files: str) -> Path:
    """The standard's folder, or skip the test naming what is missing and how to provide it."""
    base = standards_dir()
    path = base / folder if base else None
    missing = [f for f in files if path is None or not (path / f).is_file()]
    if path is None or not path.is_dir() or missing:
        where = path or f"../shared/standards/{folder}"
        pytest.skip(
            f"official {folder} files not found at {where} ({', '.join(missing) or 'folder missing'}); "
            f"set {ENV} to the folder holding {folder}/ to run this validation"
        )
    return path
