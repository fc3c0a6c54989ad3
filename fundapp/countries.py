"""Countries by their UN names: "République de Corée", "Viet Nam", "Bosnia and Herzegovina".

The names are the UN's own (UNTERM / M49 short names), from ``data/un-country-names.csv``; CLDR
(through Babel) names only what that list leaves out (territories), so a Babel upgrade never
renames a Member State in a document or an answer of the API.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from babel import Locale

COUNTRY_TABLE = Path(__file__).resolve().parent / "data" / "un-country-names.csv"
LANGUAGES = ("en", "fr")


@cache
def un_names() -> dict[str, dict[str, str]]:
    """``{"KR": {"en": "Republic of Korea", "fr": "République de Corée"}, ...}``."""
    with COUNTRY_TABLE.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {row["code"]: {lang: row[lang] for lang in LANGUAGES} for row in rows}


def country_name(code: str | None, lang: str = "en") -> str:
    """The UN short name of a country in ``lang``; CLDR's for a territory; the code if unknown."""
    if not code:
        return ""
    code = code.upper()
    names = un_names().get(code)
    if names is not None:
        return names.get(lang) or names["en"]
    return str(Locale.parse(lang).territories.get(code, code))
