"""Currencies and amounts: the project's own ISO 4217 table, not a dependency's list."""

import csv
import re
from decimal import Decimal

import pytest

from fundapp.money import (
    CURRENCY_TABLE,
    MoneyError,
    check_currency,
    exponent,
    from_minor,
    known_currencies,
    parse_amount,
    to_minor,
)
from fundapp.reports.wording import Wording
from fundapp.resources import PACKAGE_DIR

from .exports.standards import require

TABLE = PACKAGE_DIR / "data" / CURRENCY_TABLE


@pytest.mark.parametrize("code", ["USD", "EUR", "CHF", "JPY", "KWD", "XCG", "ZWG", "VES", "VED", "SLE"])
def test_active_iso_4217_currencies_are_accepted(code):
    assert check_currency(code) == code


@pytest.mark.parametrize(
    "code",
    [
        "DEM",  # withdrawn for the euro in 2002
        "FRF",
        "CYP",
        "HRK",  # withdrawn 2023
        "SLL",  # withdrawn 2023-12 (SLE replaced it)
        "ANG",  # withdrawn 2025 (XCG replaced it)
        "CNX",  # never a circulating currency (a historic CLDR entry)
        "XAD",  # the Arab Monetary Fund's unit of account
        "XDR",  # the IMF's special drawing right
        "XAU",  # gold
        "XTS",  # testing
        "CLF",  # an indexed unit
    ],
)
def test_withdrawn_codes_units_of_account_metals_and_funds_are_refused(code):
    with pytest.raises(MoneyError, match="not an ISO 4217 currency code"):
        check_currency(code)


@pytest.mark.parametrize(
    ("code", "decimals"),
    [("USD", 2), ("JPY", 0), ("KWD", 3), ("CLP", 0), ("ISK", 0), ("HUF", 2), ("IQD", 3), ("IDR", 2)],
)
def test_minor_units_are_iso_4217_s_not_cldr_s(code, decimals):
    # CLDR (Babel) rounds HUF, IDR and IQD to whole units; ISO 4217 gives them 2, 2 and 3 decimals
    assert exponent(code) == decimals
    assert (
        to_minor(parse_amount("1" + ("." + "5" * decimals if decimals else ""), code), code) >= 10**decimals
    )
    assert from_minor(10**decimals, code) == Decimal(1)


def test_the_currency_table_cites_its_source_and_date_and_has_one_row_per_code():
    text = TABLE.read_text(encoding="utf-8")
    comments = " ".join(line for line in text.splitlines() if line.startswith("#"))
    assert "ISO 4217" in comments
    assert "SIX" in comments
    assert "2026-02-01" in comments
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes)) == len(known_currencies()) > 150
    assert all(row["minor_units"] in {"0", "2", "3", "4"} and len(row["numeric"]) == 3 for row in rows)


#: Codes ISO 4217 introduced after 360Giving 1.4.3's codelist was made: VED (2021), SLE (2022),
#: ZWG (2024), XCG (2025).
NEWER_THAN_360GIVING_1_4_3 = {"VED", "SLE", "ZWG", "XCG"}


def test_every_accepted_currency_is_in_the_360giving_codelist_but_those_introduced_since():
    folder = require("360giving-1.4.3", "codelists/currency.csv")
    with (folder / "codelists" / "currency.csv").open(encoding="utf-8") as codelist:
        listed = {row["Code"] for row in csv.DictReader(codelist)}
    assert known_currencies() - listed == NEWER_THAN_360GIVING_1_4_3


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_babel_still_formats_every_accepted_currency_in_the_documents(lang):
    wording = Wording(lang)
    for code in sorted(known_currencies()):
        places = exponent(code)
        minor = 1_234_567 * 10**places + (10**places - 1)  # 1,234,567.99 or 1,234,567.999
        text = wording.money_in(minor, code)
        assert code in text or code == "USD"  # "1 234 567,99 dollars", "$1,234,567.99"
        assert re.sub(r"\D", "", text) == "1234567" + "9" * places
