"""The open-data validator kit (``shared/validators``): never copied into the project.

``FUNDAPP_VALIDATORS_DIR`` names the folder holding ``iati-validate`` and
``giving360-validate``; otherwise ``shared/validators`` beside the repository (or beside the
folder of worktrees). Without it, or without Node.js and npm for the IATI one, a test that
needs it is skipped, saying why, unless ``FUNDAPP_REQUIRE_VALIDATORS=1`` (CI), which makes
that a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ENV = "FUNDAPP_VALIDATORS_DIR"
_ROOT = Path(__file__).resolve().parents[2]


def validators_dir() -> Path | None:
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    for base in (_ROOT.parent, _ROOT.parent.parent):
        candidate = base / "shared" / "validators"
        if candidate.is_dir():
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("FUNDAPP_REQUIRE_VALIDATORS") == "1":
        pytest.fail(f"the open-data validators are required here: {reason}")
    pytest.skip(f"{reason}; set {ENV} to the folder holding iati-validate and giving360-validate")


def require(script: str) -> Path:
    folder = validators_dir()
    if folder is None or not (folder / script).is_file():
        _unavailable(f"{script} not found (looked in ../shared/validators)")
    assert folder is not None
    if script == "iati-validate" and not (shutil.which("node") and shutil.which("npm")):
        _unavailable("iati-validate needs Node.js 18+ and npm")
    return folder / script


def run(script: str, data: Path, *args: str) -> dict:
    """Run one validator on a file; its JSON report (the exit status is checked by the caller)."""
    report = data.with_suffix(".report.json")
    completed = subprocess.run(
        [str(require(script)), str(data), "--json", str(report), *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode == 2:
        pytest.fail(f"{script} could not check {data.name}:\n{completed.stdout}\n{completed.stderr}")
    result = json.loads(report.read_text(encoding="utf-8"))
    result["exit_status"] = completed.returncode
    result["output"] = completed.stdout
    return result
