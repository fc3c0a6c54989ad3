"""Where fundapp's files beside its code are: templates/, migrations/ and seed/.

A checkout keeps them beside the package, the project's designed top level; a wheel ships
them inside it (``pyproject.toml`` maps them to ``fundapp/templates``, ``fundapp/migrations``
and ``fundapp/seed``). Code reads them from these paths only, so both work alike.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


TEMPLATES_DIR = _shipped("templates")
MIGRATIONS_DIR = _shipped("migrations")
SEED_DIR = _shipped("seed")
