"""Countries: the codes the API accepts, and their UN names ("République de Corée", "Viet Nam").

The codes are ISO 3166-1's assigned alpha-2 codes and the fund's documented exceptions (Kosovo,
XK), from ``data/iso3166-1-countries.csv``; the names are the UN's own (UNTERM / M49 short
names), from ``data/un-country-names.csv``. CLDR (through Babel) names only what that list leaves
out (territories), so a Babel upgrade never changes what is accepted, nor renames a Member State
in a document or an answer of the API.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from babel import Locale

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTRY_TABLE = DATA_DIR / "un-country-names.csv"
COUNTRY_CODES_TABLE = DATA_DIR / "iso3166-1-countries.csv"
LANGUAGES = ("en", "fr")
#: ``status`` of a code in ``COUNTRY_CODES_TABLE``
ASSIGNED = "assigned"
EXCEPTION = "exception"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@cache
def _code_status() -> dict[str, str]:
    return {row["code"]: row["status"] for row in _rows(COUNTRY_CODES_TABLE)}


def accepted_country_codes() -> list[str]:
    """Every code the API accepts, sorted: ISO 3166-1's assigned ones and the exceptions."""
    return sorted(_code_status())


def iso_assigned(code: str | None) -> bool:
    """Whether ``code`` is an assigned ISO 3166-1 alpha-2 code (an exception such as XK is not)."""
    return _code_status().get(code or "") == ASSIGNED


@cache
def un_names() -> dict[str, dict[str, str]]:
    """``{"KR": {"en": "Republic of Korea", "fr": "République de Corée"}, ...}``."""
    return {row["code"]: {lang: row[lang] for lang in LANGUAGES} for row in _rows(COUNTRY_TABLE)}


def country_name(code: str | None, lang: str = "en") -> str:
    """The UN short name of a country in ``lang``; CLDR's for a territory; the code if unknown."""
    if not code:
        return ""
    code = code.upper()
    names = un_names().get(code)
    if names is not None:
        return names.get(lang) or names["en"]
    return str(Locale.parse(lang).territories.get(code, code))
