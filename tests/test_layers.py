"""The import contract (``[tool.importlinter]`` in pyproject.toml) holds, and it is live.

CI runs ``lint-imports`` after ruff; this runs the same check so that ``pytest`` shows a
broken layer too. The second test breaks the layers in a copy of the package and sees the
check fail, so a contract that stopped checking anything would not pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the ``fundapp`` package found in ``package_parent`` (its working directory)."""
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    return subprocess.run(
        [command, "--config", str(CONFIG), "--no-cache"],
        cwd=package_parent,
        env={**os.environ, "PYTHONPATH": str(package_parent)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_packages_keep_their_layers_and_have_no_import_cycles():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_import_against_the_layers_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "fundapp", tmp_path / "fundapp", ignore=shutil.ignore_patterns("__pycache__"))
    books = tmp_path / "fundapp" / "books" / "services.py"
    # the books read the grants' models; asking grants' services would go up a layer
    books.write_text(books.read_text() + "\nfrom ..grants import services as grants  # noqa: E402, F401\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "fundapp.books.services -> fundapp.grants.services" in result.stdout, result.stdout
