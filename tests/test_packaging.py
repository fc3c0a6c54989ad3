"""The wheel carries the whole app: every package, and every file beside the code it reads."""

import fnmatch
import tomllib
from pathlib import Path

import fundapp
from fundapp import resources

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def source_dir(package: str) -> Path:
    """Where a package's files are in the checkout, as pyproject.toml maps them."""
    mapped = SETUPTOOLS["package-dir"]
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        if ".".join(parts[:cut]) in mapped:
            return ROOT / mapped[".".join(parts[:cut])] / Path(*parts[cut:])
    return ROOT / Path(*parts)


def test_every_python_package_of_fundapp_is_listed_for_the_wheel():
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "fundapp").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= set(SETUPTOOLS["packages"])
    assert all(source_dir(p).is_dir() for p in SETUPTOOLS["packages"])


def test_templates_migrations_and_seed_ship_inside_the_package_and_are_found_beside_it_in_a_checkout():
    assert {"fundapp.templates", "fundapp.migrations", "fundapp.migrations.versions", "fundapp.seed"} <= set(
        SETUPTOOLS["packages"]
    )
    assert source_dir("fundapp.templates") == resources.TEMPLATES_DIR
    assert source_dir("fundapp.migrations") == resources.MIGRATIONS_DIR
    assert source_dir("fundapp.seed") == resources.SEED_DIR


#: Files beside the code that only developers use: pybabel's extraction settings.
NOT_SHIPPED = {"fundapp/translations/babel.cfg"}


def shipped(path: Path) -> bool:
    """Whether a package-data pattern of a package holding the file matches it (as setuptools reads)."""
    for package in SETUPTOOLS["packages"]:
        base = source_dir(package)
        if base in path.parents:
            relative = str(path.relative_to(base))
            if any(fnmatch.fnmatch(relative, p) for p in SETUPTOOLS["package-data"].get(package, [])):
                return True
    return False


def test_every_data_file_the_app_reads_is_matched_by_the_package_data():
    """A new kind of file (an .svg in templates/, a .csv in fundapp/data/) must not be left out."""
    files = {
        path
        for package in SETUPTOOLS["packages"]
        for path in source_dir(package).rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    unshipped = sorted(str(p.relative_to(ROOT)) for p in files if not shipped(p))
    assert unshipped == sorted(NOT_SHIPPED)


def test_the_version_is_the_packages_own():
    assert fundapp.__version__.count(".") == 2
    assert SETUPTOOLS["dynamic"]["version"] == {"attr": "fundapp.__version__"}
