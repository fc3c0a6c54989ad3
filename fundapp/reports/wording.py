"""How the documents say things, in French and English, the way the UN reports say them.

Sentences come from gettext catalogues (``fundapp/translations/<lang>/LC_MESSAGES/
messages.po``, compiled in memory at first use); numbers and dates from Babel; numbers
that open a sentence are spelled out with num2words. Figures are worded exact or
approximate by one rule (``approximate``): "environ 1 million de dollars", "quelque
750 000 dollars", "plus de 40 ONG"; "about USD 1 million", "some USD 750,000", "more than
40 NGOs".
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from ..countries import country_name
from ..money import exponent, from_minor

LANGUAGES = ("en", "fr")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
REGIONS_FILE = Path(__file__).resolve().parent / "regions.json"
NBSP = "\u00a0"
NNBSP = "\u202f"
APOSTROPHE = "\u2019"
#: A rounded figure within this share of the value is said as it is, as the reports say their
#: totals ("6,7 millions de dollars" for 6 704 219,35); beyond it, "environ" / "quelque".
FLAT_WITHIN = Decimal("0.005")
#: A share within this of a simple fraction is "about" it; below it "almost", above it "more than".
FRACTION_EXACT_WITHIN = Decimal("0.003")
#: Amounts below this are always given exactly.
APPROXIMATE_FROM = Decimal(10_000)
#: People are counted exactly below this ("850 personnes"), approximately above ("quelque 3 000").
PEOPLE_APPROXIMATE_FROM = Decimal(1_000)


#: A sentence that opens with a count: the count, then the word it counts.
OPENING_NUMBER = re.compile(r"^(\d{1,3}(?:[\u202f\u00a0,]\d{3})*)(?![.,]\d)\s+(\w+)")
#: French "de" / "que" before a vowel, as a count in words can bring it ("de un" -> "d’un").
ELIDED = re.compile(r"\b(de|que) (un|une|onze)\b")
#: French nouns a count agrees with in the feminine ("vingt et une propositions").
FEMININE_NOUNS = (
    "proposition",
    "subvention",
    "organisation",
    "fondation",
    "recommandation",
    "personne",
    "ong",
)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    return message


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The language's messages: its ``.po`` compiled in memory; English is the source language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    path = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def french_typography(text: str) -> str:
    """No-break spaces where French typography wants them (before : ; ! ? % », after «).

    Applied to catalogue strings before they are formatted, where a percent sign is ``%%``.
    """
    for plain, fixed in (
        (" :", NBSP + ":"),
        (" ;", NNBSP + ";"),
        (" !", NNBSP + "!"),
        (" ?", NNBSP + "?"),
        (" %%", NBSP + "%%"),
        ("« ", "«" + NBSP),
        (" »", NBSP + "»"),
    ):
        text = text.replace(plain, fixed)
    return text


def typographic_apostrophes(text: str) -> str:
    """UN documents print the typographic apostrophe: "l’ONUDC", "the Fund’s"."""
    return text.replace("'", APOSTROPHE)


def approximate(value: Decimal, floor: Decimal = APPROXIMATE_FROM) -> tuple[Decimal, str]:
    """``(figure, marker)``: the value rounded to two significant figures, and how to say it.

    The marker is ``""`` when the rounding did not change the value, or changed it by less than
    ``FLAT_WITHIN`` (the reports give such totals flat: "6,7 millions", "2 millions");
    ``"about"`` when the rounded figure has a single significant digit (1,021,450 -> about
    1 million) and ``"some"`` otherwise (745,600 -> some 750,000). Small amounts stay exact.
    """
    if value < floor:
        return value, ""
    step = Decimal(1).scaleb(value.adjusted() - 1)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP).quantize(Decimal(1))
    if rounded == value:
        return value, ""
    if abs(rounded - value) / value < FLAT_WITHIN:
        return rounded, ""
    significant = len(rounded.normalize().as_tuple().digits)
    return rounded, "about" if significant == 1 else "some"


def lower_bound(count: int) -> tuple[int, bool]:
    """``(figure, more_than)``: 43 -> (40, True), said "more than 40"; round or small counts as is."""
    if count > 20 and count % 10:
        return count - count % 10, True
    return count, False


class Wording:
    """The words, numbers and dates of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = Locale.parse(lang)
        self._translations = catalogue(lang)

    # -- sentences ---------------------------------------------------------------------------
    def _typeset(self, text: str) -> str:
        text = typographic_apostrophes(text)
        if self.lang == "fr":
            return french_typography(text)
        return text

    def gettext(self, message: str, **values: object) -> str:
        text = self._typeset(self._translations.gettext(message))
        return text % values if values else text

    def count_words(self, count: int, text: str) -> dict[str, str]:
        """``n`` (and ``n_f``, feminine) as UN style gives a count in running text: one to nine in
        words, larger counts in figures (a count that opens a sentence is spelled out by
        ``sentence``)."""
        if 1 <= count <= 9:
            return {
                "n": self.spelled(count, capital=False),
                "n_f": self.spelled(count, feminine=True, capital=False),
            }
        return {"n": self.number(count), "n_f": self.number(count)}

    def sentence(self, text: str) -> str:
        """A sentence as UN style opens it: a number in words ("Vingt et une propositions ...",
        "Twelve projects ..."), and a capital."""
        match = OPENING_NUMBER.match(text)
        if match:
            count = int(match.group(1).replace(NNBSP, "").replace(NBSP, "").replace(",", ""))
            feminine = match.group(2).lower().startswith(FEMININE_NOUNS) if self.lang == "fr" else False
            text = self.spelled(count, feminine=feminine) + text[len(match.group(1)) :]
        if self.lang == "fr":  # "de un pays" -> "d’un pays"
            text = ELIDED.sub(lambda m: m.group(1)[0] + APOSTROPHE + m.group(2), text)
        return text[:1].upper() + text[1:]

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """``%(n)s`` is the count in words or figures (``count_words``); ``%(n_f)s`` its French
        feminine; pass ``n=...`` to show it otherwise."""
        text = self._typeset(self._translations.ngettext(singular, plural, count))
        return text % {**self.count_words(count, text), **values}

    def figures(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """As ``ngettext``, with the count always in figures (table cells, captions)."""
        text = self._typeset(self._translations.ngettext(singular, plural, count))
        return text % {"n": self.number(count), "n_f": self.number(count), **values}

    def npgettext(self, context: str, singular: str, plural: str, count: int, /, **values: object) -> str:
        text = self._typeset(self._translations.npgettext(context, singular, plural, count))
        return text % {**self.count_words(count, text), **values}

    def pgettext(self, context: str, message: str, **values: object) -> str:
        """A message whose translation depends on ``context`` (e.g. "female": "Présidente")."""
        text = self._typeset(self._translations.pgettext(context, message))
        return text % values if values else text

    _ = gettext

    def own(self, english: str | None, french: str | None) -> str:
        """A text the fund wrote (a call's title or priority, an evaluation's findings): its French
        in a French document; without one, the English marked as such ("... [en anglais]"), never
        passed off as French nor left out (the reader sees what lacks a translation)."""
        if self.lang == "fr":
            if french:
                return french
            known = self.term(english or "")  # a word the catalogue knows ("armed conflict")
            if known != self._typeset(english or ""):
                return known
            return self.gettext("%(text)s [in English]", text=english or "")
        return english or ""

    def term(self, value: str) -> str:
        """A word marked with ``N_`` or arriving as data ("Vienna" -> "Vienne"); unknown words as given."""
        return self._typeset(self._translations.gettext(value)) if value else value

    # The templates' callables: translated and typeset, formatted by Jinja (autoescaping the values).
    def template_gettext(self, message: str) -> str:
        return self._typeset(self._translations.gettext(message))

    def template_ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._typeset(self._translations.ngettext(singular, plural, n))

    def template_pgettext(self, context: str, message: str) -> str:
        return self._typeset(self._translations.pgettext(context, message))

    # -- numbers -----------------------------------------------------------------------------
    def number(self, value: int | Decimal) -> str:
        return format_decimal(value, format="#,##0.##", locale=self.locale)

    def spelled(self, value: int, *, feminine: bool = False, capital: bool = True) -> str:
        """A number opening a sentence: "Vingt et un", "Vingt et une", "Twenty-one"."""
        from num2words import num2words  # with a document, not with the app (see ``ordinal``)

        words = num2words(value, lang=self.lang)
        if self.lang == "fr" and feminine and (words == "un" or words.endswith((" un", "-un"))):
            words += "e"
        return words[:1].upper() + words[1:] if capital else words

    def ordinal(self, value: int) -> str:
        """ "deuxième" / "second" (masculine in French, as in "deuxième cycle")."""
        # imported when a document spells a number, not with the app: num2words loads a module
        # per language it knows (62 modules, 3 MB of every worker's memory)
        from num2words import num2words

        return num2words(value, lang=self.lang, to="ordinal")

    def percent(self, part: int, whole: int) -> str:
        """ "81 %" / "81 per cent"; shares under 1 per cent keep one decimal."""
        if whole <= 0:
            return self.gettext("%(number)s per cent", number=self.number(0))
        share = Decimal(part) * 100 / Decimal(whole)
        places = Decimal("0.1") if 0 < share < 1 else Decimal(1)
        return self.gettext(
            "%(number)s per cent", number=self.number(share.quantize(places, rounding=ROUND_HALF_UP))
        )

    def share(self, part: int, whole: int) -> str:
        """A share in words when it is near a simple fraction: "presque un tiers", "about half"."""
        if whole <= 0 or part <= 0:
            return self.percent(part, whole)
        share = Decimal(part) / Decimal(whole)
        fractions = (
            (Decimal(1) / 10, N_("a tenth")),
            (Decimal(1) / 5, N_("a fifth")),
            (Decimal(1) / 4, N_("a quarter")),
            (Decimal(1) / 3, N_("a third")),
            (Decimal(1) / 2, N_("half")),
            (Decimal(2) / 3, N_("two thirds")),
            (Decimal(3) / 4, N_("three quarters")),
        )
        value, words = min(fractions, key=lambda f: abs(share - f[0]))
        gap = share - value
        fraction = self.term(words)
        if abs(gap) <= FRACTION_EXACT_WITHIN:
            return self.gettext("about %(fraction)s", fraction=fraction)
        if Decimal("-0.05") <= gap < 0:
            return self.gettext("almost %(fraction)s", fraction=fraction)
        if 0 < gap <= Decimal("0.05"):
            return self.gettext("more than %(fraction)s", fraction=fraction, fraction_of=self.of(fraction))
        return self.percent(part, whole)

    def at_least(self, count: int) -> str:
        """ "plus de 40" / "more than 40" for 41-49; the number itself when it is round or small."""
        figure, more = lower_bound(count)
        return self.gettext("more than %(count)s", count=self.number(figure)) if more else self.number(count)

    # -- money (US dollars) ------------------------------------------------------------------
    def _dollars(self, value: Decimal) -> str:
        if value >= 1_000_000 and value % 100_000 == 0:
            millions = value / 1_000_000
            text = self.figures(
                "$%(amount)s million",
                "$%(amount)s million",
                int(millions),
                amount=self.number(millions),
            )
        else:
            shown = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
            amount = format_decimal(
                shown,
                format="#,##0" if shown == shown.to_integral_value() else "#,##0.00",
                locale=self.locale,
            )
            text = self.gettext("$%(amount)s", amount=amount)
        # the figure and its unit never part: "6,7 millions de dollars", "$6.7 million"
        return text.replace(" million", NBSP + "million").replace(" dollars", NBSP + "dollars")

    def money(self, minor: int | None) -> str:
        """An exact amount in words: "998 500 dollars" / "USD 998,500"."""
        return self._dollars(from_minor(minor or 0, "USD"))

    def money_about(self, minor: int | None) -> str:
        """An amount worded as the reports word it: exact, "environ ...", or "quelque ..."."""
        figure, marker = approximate(from_minor(minor or 0, "USD"))
        amount = self._dollars(figure)
        if marker == "about":
            return self.gettext("about %(amount)s", amount=amount)
        if marker == "some":
            return self.gettext("some %(amount)s", amount=amount)
        return amount

    def amount(self, minor: int | None) -> str:
        """A table cell: "998 500" / "998,500" (cents only when there are some)."""
        value = from_minor(minor or 0, "USD")
        pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
        return format_decimal(value, format=pattern, locale=self.locale)

    def amounts(self, minors: Iterable[int | None], currency: str = "USD") -> list[str]:
        """A money column: one format for every cell, cents on all of them or on none
        ("219 078,00" beside "218 434,06", never "219 078")."""
        values = [from_minor(m or 0, currency) for m in minors]
        places = exponent(currency)
        cents = places and any(v != v.to_integral_value() for v in values)
        pattern = "#,##0." + "0" * places if cents else "#,##0"
        return [format_decimal(v, format=pattern, locale=self.locale) for v in values]

    def amount_in(self, minor: int | None, currency: str) -> str:
        """A table cell in any currency: "1 250,50" / "1,250.50"; JPY "2 000 000" (its own decimals)."""
        value = from_minor(minor or 0, currency)
        pattern = "#,##0" if value == value.to_integral_value() else "#,##0." + "0" * exponent(currency)
        return format_decimal(value, format=pattern, locale=self.locale)

    def money_in(self, minor: int | None, currency: str) -> str:
        """An exact amount in words, in any currency: dollars as ``money``; else "1 250,50 EUR" /
        "EUR 1,250.50" (the ISO code, as UN documents give other currencies)."""
        if currency == "USD":
            return self.money(minor)
        amount = self.amount_in(minor, currency)
        return f"{amount}{NBSP}{currency}" if self.lang == "fr" else f"{currency}{NBSP}{amount}"

    def people_about(self, count: int) -> str:
        figure, marker = approximate(Decimal(count), floor=PEOPLE_APPROXIMATE_FROM)
        number = self.number(figure)
        if marker == "about":
            return self.gettext("about %(amount)s", amount=number)
        if marker == "some":
            return self.gettext("some %(amount)s", amount=number)
        return number

    # -- dates, places, lists ----------------------------------------------------------------
    def date(self, day: dt.date | None) -> str:
        """ "1er mai 2015", "31 décembre 2016" / "1 May 2015"."""
        if day is None:
            return ""
        text = format_date(day, "d MMMM y", locale=self.locale)
        if self.lang == "fr" and day.day == 1:
            text = "1er" + text[1:]
        return text.replace(" ", NBSP)  # a date never breaks across lines

    def month_year(self, day: dt.date | None) -> str:
        return format_date(day, "MMMM y", locale=self.locale).replace(" ", NBSP) if day else ""

    def country(self, code: str | None) -> str:
        """The UN name ("République de Moldova", "Viet Nam"), apostrophes typeset."""
        return typographic_apostrophes(country_name(code, self.lang))

    def region(self, code: str) -> str:
        return self.locale.territories.get(code, code) if code != "other" else self.gettext("Other")

    def join(self, items: Iterable[str]) -> str:
        """ "a, b et c" / "a, b and c" (no serial comma, as in UN English)."""
        items = [i for i in items if i]
        if not items:
            return ""
        return format_list(items, locale="fr" if self.lang == "fr" else "en_GB")

    def of(self, text: str) -> str:
        """French "de"/"d'" before a phrase: "d'environ 1 million", "de quelque 750 000", "d'un tiers"."""
        if self.lang != "fr":
            return text
        return ("d" + APOSTROPHE if text[:1].lower() in "aeiouyhéèêà" else "de ") + text

    @staticmethod
    def sort_key(text: str) -> str:
        """Alphabetical order that ignores accents and case ("Bénin" before "Burkina Faso")."""
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()

    def quote(self, text: str) -> str:
        return f"«{NBSP}{text}{NBSP}»" if self.lang == "fr" else f"\u201c{text}\u201d"


@cache
def _regions() -> dict[str, str]:
    """ISO 3166 alpha-2 -> UN M49 region (002 Africa, 019 Americas, 142 Asia, 150 Europe, 009 Oceania)."""
    data = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    return {code: region for region, codes in data["regions"].items() for code in codes}


def region_of(country_code: str | None) -> str:
    return _regions().get((country_code or "").upper(), "other")


REGION_ORDER = ("002", "019", "142", "150", "009", "other")
