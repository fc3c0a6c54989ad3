"""Money: integer minor units in the database, ``Decimal`` in Python, strings in JSON.

Nothing here imports Flask. Amounts never pass through ``float``.
"""

from __future__ import annotations

import csv
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import cache
from importlib.resources import files

FUND_CURRENCY = "USD"
#: Largest amount accepted anywhere: a thousand billion in major units.
MAX_MAJOR_DIGITS = 15
_AMOUNT_RE = re.compile(r"^(0|[1-9][0-9]{0,14})(\.[0-9]+)?$")
#: The active ISO 4217 currencies and their minor units, owned by the project (the file cites
#: its source and date): an upgrade of a dependency never changes what the API accepts.
CURRENCY_TABLE = "iso4217-currencies.csv"


class MoneyError(ValueError):
    """An amount or currency that cannot be money; the message says why."""


@cache
def minor_units() -> dict[str, int]:
    """Each accepted currency code and its number of decimals (USD 2, JPY 0, KWD 3)."""
    text = files("fundapp").joinpath("data", CURRENCY_TABLE).read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["code"]: int(row["minor_units"]) for row in rows}


def known_currencies() -> frozenset[str]:
    return frozenset(minor_units())


def check_currency(code: str) -> str:
    if not isinstance(code, str) or code not in minor_units():
        raise MoneyError(f"'{code}' is not an ISO 4217 currency code")
    return code


def exponent(currency: str) -> int:
    """Number of decimals of the currency's minor unit (USD 2, JPY 0, KWD 3)."""
    return minor_units()[check_currency(currency)]


def parse_amount(text: str, currency: str, *, allow_zero: bool = False) -> Decimal:
    """A strictly written amount: digits, at most the currency's decimals, positive."""
    if not isinstance(text, str):
        raise MoneyError('amount must be a string such as "1250.00"')
    if not _AMOUNT_RE.match(text):
        raise MoneyError(
            "amount must be a plain decimal number with at most "
            f'{MAX_MAJOR_DIGITS} digits before the point, such as "1250.00"'
        )
    places = exponent(currency)
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    if decimals > places:
        raise MoneyError(f"{currency} allows at most {places} decimals")
    value = Decimal(text)
    if value == 0 and not allow_zero:
        raise MoneyError("amount must be greater than zero")
    return value


def to_minor(amount: Decimal, currency: str) -> int:
    """Major units to integer minor units; refuses amounts finer than the minor unit."""
    try:
        scaled = amount.scaleb(exponent(currency))
    except InvalidOperation as exc:  # pragma: no cover - Decimal of a string is finite
        raise MoneyError("amount is not a finite number") from exc
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        raise MoneyError(f"{currency} allows at most {exponent(currency)} decimals")
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    places = exponent(currency)
    return Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def format_minor(minor: int | None, currency: str) -> str | None:
    """The JSON form: ``"1250000.00"``."""
    if minor is None:
        return None
    return str(from_minor(minor, currency))


def convert_to_usd_minor(minor: int, currency: str, usd_per_unit: Decimal) -> int:
    """USD cents for an amount in another currency at a rate, rounded half to even."""
    if currency == FUND_CURRENCY:
        return minor
    major = from_minor(minor, currency)
    usd = (major * usd_per_unit).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    return int(usd.scaleb(2))


def parse_rate(text: str) -> Decimal:
    """An exchange rate in USD per unit of the currency: positive, at most 12 decimals."""
    if not isinstance(text, str) or not re.match(r"^[0-9]{1,9}(\.[0-9]{1,12})?$", text):
        raise MoneyError('rate must be a decimal string such as "1.0842" (USD per unit)')
    rate = Decimal(text)
    if rate <= 0:
        raise MoneyError("rate must be greater than zero")
    return rate
