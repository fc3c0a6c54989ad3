import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from fundapp.reports.wording import NBSP, NNBSP, TRANSLATIONS_DIR, Wording, approximate, lower_bound

ROOT = Path(__file__).resolve().parents[2]
FR, EN = Wording("fr"), Wording("en")


@pytest.mark.parametrize(
    ("value", "figure", "marker"),
    [
        ("1021450", "1000000", "about"),  # "environ 1 million de dollars" (2015 report, par. 66)
        ("745600", "750000", "some"),  # "quelque 750 000 dollars" (par. 65)
        ("998500", "1000000", ""),  # within half a per cent: said flat, as the reports say totals
        ("6704219.35", "6700000", ""),  # "6,7 millions de dollars" (A/74/127, par. 123)
        ("2000000", "2000000", ""),  # round already: said as it is
        ("400000", "400000", ""),
        ("47547", "48000", "some"),
        ("9999", "9999", ""),  # small amounts stay exact
    ],
)
def test_approximate_rounds_to_two_significant_figures_and_says_how(value, figure, marker):
    assert approximate(Decimal(value)) == (Decimal(figure), marker)


@pytest.mark.parametrize(
    ("count", "expected"), [(43, (40, True)), (41, (40, True)), (40, (40, False)), (19, (19, False))]
)
def test_lower_bound_says_more_than_the_ten_below(count, expected):
    assert lower_bound(count) == expected


def test_french_amounts_read_as_in_the_reports():
    assert FR.money_about(1_021_450_00) == f"environ 1{NBSP}million de{NBSP}dollars"
    assert FR.money_about(745_600_00) == f"quelque 750{NNBSP}000{NBSP}dollars"
    assert FR.money_about(6_704_219_35) == f"6,7{NBSP}millions de{NBSP}dollars"
    assert FR.money_about(2_000_000_00) == f"2{NBSP}millions de{NBSP}dollars"
    assert FR.money(1_000_000_50) == f"1{NNBSP}000{NNBSP}000,50{NBSP}dollars"
    assert FR.money(998_500_00) == f"998{NNBSP}500{NBSP}dollars"


def test_english_amounts_read_as_in_un_english():
    assert EN.money_about(1_021_450_00) == f"about $1{NBSP}million"
    assert EN.money_about(745_600_00) == "some $750,000"
    assert EN.money_about(6_704_219_35) == f"$6.7{NBSP}million"
    assert EN.money(998_500_00) == "$998,500"


def test_a_money_column_has_one_format():
    assert FR.amounts([219_078_00, 218_434_06]) == [f"219{NNBSP}078,00", f"218{NNBSP}434,06"]
    assert EN.amounts([219_078_00, 218_434_00]) == ["219,078", "218,434"]


def test_counts_one_to_nine_are_words_and_a_sentence_never_opens_with_a_figure():
    assert EN.ngettext("%(n)s proposal was withdrawn.", "%(n)s proposals were withdrawn.", 1) == (
        "one proposal was withdrawn."
    )
    assert EN.sentence("one proposal was withdrawn.") == "One proposal was withdrawn."
    assert EN.ngettext("%(n)s project", "%(n)s projects", 16) == "16 projects"
    assert FR.sentence("21 propositions ont été retenues.") == "Vingt et une propositions ont été retenues."
    assert FR.sentence("2 fondations ont contribué.") == "Deux fondations ont contribué."
    assert EN.sentence("30 Member States gave.") == "Thirty Member States gave."


def test_typographic_apostrophes_and_no_break_spaces_in_dates():
    assert FR.gettext("Board of Trustees").count("'") == 0
    assert FR.gettext("Board of Trustees") == "Conseil d\u2019administration"
    assert FR.date(dt.date(2010, 7, 30)) == f"30{NBSP}juillet{NBSP}2010"


def test_counts_percentages_and_shares_in_both_languages():
    assert FR.at_least(43) == "plus de 40"
    assert EN.at_least(43) == "more than 40"
    assert FR.percent(59, 100) == f"59{NBSP}%"
    assert EN.percent(59, 100) == "59 per cent"
    assert FR.percent(7, 1000) == f"0,7{NBSP}%"
    assert FR.share(2_100_000, 6_712_345) == "presque un tiers"
    assert EN.share(2_100_000, 6_712_345) == "almost a third"
    assert FR.share(52, 100) == "plus de la moitié"
    assert FR.share(648_420, 2_000_000) == "presque un tiers"  # 32.4 %: the 2015 report, par. 69
    assert FR.share(3_330, 10_000) == "environ un tiers"
    assert FR.people_about(2_985) == f"environ 3{NNBSP}000"


def test_numbers_opening_a_sentence_are_spelled_out_and_agree_in_gender():
    assert FR.spelled(21) == "Vingt et un"
    assert FR.spelled(21, feminine=True) == "Vingt et une"
    assert FR.spelled(19) == "Dix-neuf"
    assert EN.spelled(21) == "Twenty-one"
    assert FR.ordinal(2) == "deuxième"
    assert EN.ordinal(2) == "second"


def test_dates_follow_each_language():
    assert FR.date(dt.date(2015, 5, 1)) == f"1er{NBSP}mai{NBSP}2015"
    assert FR.date(dt.date(2016, 12, 31)) == f"31{NBSP}décembre{NBSP}2016"
    assert EN.date(dt.date(2015, 5, 1)) == f"1{NBSP}May{NBSP}2015"
    assert FR.month_year(dt.date(2016, 12, 31)) == f"décembre{NBSP}2016"


def test_countries_have_their_un_names_in_each_language():
    assert FR.country("KR") == "République de Corée"
    assert FR.country("MD") == "République de Moldova"
    assert FR.country("VN") == EN.country("VN") == "Viet Nam"
    assert EN.country("BA") == "Bosnia and Herzegovina"
    assert FR.country("AT") == "Autriche"
    assert FR.country("CI") == "Côte d\u2019Ivoire"
    assert EN.country("HK") == "Hong Kong SAR China"  # a territory: CLDR's name


def test_french_punctuation_and_quotes_get_no_break_spaces():
    assert FR.gettext("Original: English") == f"Original{NBSP}: anglais"
    assert FR.quote("armed conflict") == f"«{NBSP}armed conflict{NBSP}»"
    assert EN.join(["a", "b", "c"]) == "a, b and c"
    assert FR.join(["a", "b", "c"]) == "a, b et c"


def test_every_message_of_the_documents_has_a_french_translation():
    with (TRANSLATIONS_DIR / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale="fr")
    translated = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalogue if m.id and m.string
    }
    assert not [m.id for m in catalogue if m.id and m.fuzzy], "fuzzy translations"
    method_map = [("fundapp/reports/**.py", "python"), ("templates/pdf/**.html", "jinja2")]
    keywords = {
        "_": None,
        "gettext": None,
        "ngettext": (1, 2),
        "figures": (1, 2),
        "pgettext": ((1, "c"), 2),
        "npgettext": ((1, "c"), 2, 3),
        "N_": None,
    }
    missing, seen = [], 0
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, keywords=keywords, comment_tags=(), strip_comment_tags=True
    ):
        msgid = message if isinstance(message, str) else message[0]
        seen += 1
        if (context, msgid) not in translated:
            missing.append((context, msgid))
    assert seen > 200, "the extraction found the documents' messages"
    assert missing == []
