"""Write a large contributions CSV for ``flask --app wsgi fund import contributions`` (see IMPORT.md).

The rows name the seeded fund (``UNVTF``) and the seeded donors (by exact name and kind, as
a finance office's spreadsheet would), so run it against a database made by
``flask --app wsgi fund seed``. Standard library only; a fixed random seed gives the same
file every time:

    python bench/make_import_csv.py --rows 100000 --out /tmp/contributions-100k.csv

About 40 per cent of the pledges are in USD, the rest in six other currencies with their
``usd_rate``; some 70 per cent were received (in full or in part), so the import records
a receipt for them too.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from decimal import Decimal
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
HEADER = [
    "reference",
    "fund",
    "donor",
    "donor_kind",
    "pledged_on",
    "currency",
    "amount",
    "received_on",
    "received_amount",
    "usd_rate",
    "earmarking",
]
#: Currency -> (USD per unit, decimals).
CURRENCIES = {
    "EUR": (Decimal("1.12"), 2),
    "GBP": (Decimal("1.31"), 2),
    "JPY": (Decimal("0.0091"), 0),
    "CHF": (Decimal("1.02"), 2),
    "SEK": (Decimal("0.105"), 2),
    "NOK": (Decimal("0.113"), 2),
}
EARMARKINGS = ["", "", "", "Direct assistance to victims", "Shelter and medical care", "Legal assistance"]


def seeded_donors() -> list[tuple[str, str]]:
    """(name, kind) of the seeded donors whose name and kind name one donor only."""
    donors = json.loads((SEED_DIR / "contributions.json").read_text(encoding="utf-8"))["donors"]
    pairs = [(d["name"], d["kind"]) for d in donors]
    return sorted(p for p in set(pairs) if pairs.count(p) == 1)


def rows(count: int, prefix: str, rng: random.Random) -> list[list[str]]:
    donors = seeded_donors()
    first, last = dt.date(2011, 1, 1), dt.date(2024, 12, 31)
    span = (last - first).days
    out = []
    for n in range(1, count + 1):
        name, kind = rng.choice(donors)
        pledged_on = first + dt.timedelta(days=rng.randrange(span))
        currency = "USD" if rng.random() < 0.4 else rng.choice(sorted(CURRENCIES))
        rate, places = CURRENCIES.get(currency, (Decimal(1), 2))
        major = rng.randrange(100, 250_000) if currency != "JPY" else rng.randrange(10_000, 25_000_000)
        amount = Decimal(major) if places == 0 else Decimal(major) + Decimal(rng.randrange(100)) / 100
        received_on = received_amount = usd_rate = ""
        if rng.random() < 0.7:
            received_on = (pledged_on + dt.timedelta(days=rng.randrange(0, 60))).isoformat()
            if rng.random() < 0.3:
                part = (amount * Decimal(rng.randrange(10, 95)) / 100).quantize(Decimal(1).scaleb(-places))
                received_amount = str(max(part, Decimal(1)))
            usd_rate = "" if currency == "USD" else str(rate)
        out.append(
            [
                f"{prefix}-{n:07d}",
                "UNVTF",
                name,
                kind,
                pledged_on.isoformat(),
                currency,
                str(amount),
                received_on,
                received_amount,
                usd_rate,
                rng.choice(EARMARKINGS),
            ]
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--prefix", default="BENCH", help="reference prefix (change it to import again)")
    parser.add_argument("--seed", type=int, default=20100730)
    args = parser.parse_args()
    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows(args.rows, args.prefix, random.Random(args.seed)))
    print(f"{args.rows:,} rows written to {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
