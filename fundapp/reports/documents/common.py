"""What several documents share: the page header, numbered paragraphs (``Body``), the fund's and
its administrator's names, the Board's sentences and table, the history of calls, the Board's
recommendations (model A), donors by kind, the illustrative-records note and the yearly average.

From the figures (``queries``) to what a document says (``wording``), in the order and phrasing
of the UN reports (fund-facts section 6: model paragraphs A-D). The templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

from ...errors import Unprocessable
from ..wording import N_, Wording, lower_bound

CRITERIA = {
    "registered_non_profit": N_("Registered non-profit organization"),
    "direct_assistance_to_victims": N_("Direct assistance to victims"),
    "experience_with_victims": N_("Experience in assisting victims"),
    "amount_within_limits": N_("Amount within the call's limits"),
    "duration_within_limits": N_("Duration within the call's limits"),
    "complete_application": N_("Complete application"),
}
ASSISTANCE = {
    "identification": N_("identification of victims"),
    "shelter": N_("shelter"),
    "medical": N_("medical care"),
    "psychological_recovery": N_("psychological recovery"),
    "social_reintegration": N_("social reintegration"),
    "legal_administrative": N_("legal and administrative assistance"),
    "rights_assertion": N_("assertion of rights"),
    "education_vocational": N_("education and vocational training"),
    "return_family_reunification": N_("return and family reunification"),
    "coordination_information": N_("coordination and exchange of information"),
}
DONOR_KINDS = (
    ("member_state", N_("Member States")),
    ("private_sector", N_("Private sector")),
    ("foundation", N_("Foundations")),
    ("intergovernmental", N_("Intergovernmental organizations")),
    ("individual", N_("Individuals")),
)
#: Words that arrive as data (the administrator, places, appointing authority, call
#: priorities) and have a French form; any other data is printed as recorded.
DATA_TERMS = (
    N_("UNODC"),
    N_("OHCHR"),
    N_("Vienna"),
    N_("New York"),
    N_("Geneva"),
    N_("Secretary-General"),
    N_("armed conflict"),
    N_("mixed migration flows"),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def as_of_day(as_of: dt.date | None) -> dt.date:
    """The day a document is as of: today unless said, never in the future."""
    today = dt.datetime.now(dt.UTC).date()
    as_of = as_of or today
    if as_of > today:
        raise Unprocessable("as_of", "must not be in the future")
    return as_of


def check_established(data: dict[str, Any]) -> None:
    """A document as of a day before the fund was established is refused."""
    if data["as_of"] < data["fund"]["established_on"]:
        raise Unprocessable("as_of", f"the fund was established on {data['fund']['established_on']}")


def illustrative_note(w: Wording, *, reported: bool = True) -> str:
    """The note on the first page of every document that shows an invented record: beneath the
    figures the UN reports give (``reported``), or, for a fund whose history is all invented (the
    seed's second fund), of every figure."""
    if not reported:
        return w.gettext(
            "The calls, Board members, organizations, proposals, grants, donors and contributions shown "
            "below, and every figure drawn from them, are illustrative: invented to show the system at "
            "work and marked as such in the data. None of them is taken from the Fund's records."
        )
    return w.gettext(
        "The names and amounts of the individual organizations, proposals, grants, donors and "
        "contributions shown below are illustrative: invented beneath the aggregate figures that the "
        "United Nations reports give, and marked as such in the data. The aggregate figures are the "
        "reports'."
    )


def received_since(w: Wording, data: dict[str, Any], total_minor: int) -> list[str]:
    """What the fund has received since its creation and the yearly average, as the reports say
    it (A/70/86 par. 69): [the sentence with the total, the sentence with the average alone] (the
    chapter uses the second once its individual donors are many). Over the years since the fund's
    creation; but where its books begin after its first full year (``first_received_on``: a fund
    whose earlier history is not recorded here), over the years since they begin, and it says so:
    an average over years the books do not hold would understate it."""
    _ = w.gettext
    established, as_of = data["fund"]["established_on"], data["as_of"]
    first = data.get("first_received_on")
    recorded_late = first is not None and first.year > established.year + 1
    since = dt.date(first.year, 1, 1) if recorded_late and first else established
    amount = w.money_about(total_minor)
    average = w.money_about(annual_average(total_minor, since, as_of))
    words = {"year": since.year, "amount": amount, "of_amount": w.of(amount), "average": average}
    words["of_average"] = w.of(average)
    if recorded_late:
        return [
            _(
                "Since %(year)s, the earliest year for which records are available, the Fund has received "
                "contributions totalling %(amount)s, an annual average of %(average)s.",
                **words,
            ),
            _(
                "Since %(year)s, the earliest year for which records are available, the Fund has received an "
                "annual average of %(average)s.",
                **words,
            ),
        ]
    return [
        _(
            "Since its creation in %(year)s, the Fund has received contributions totalling %(amount)s, "
            "an annual average of %(average)s.",
            **words,
        ),
        _("Since its creation in %(year)s, the Fund has received an annual average of %(average)s.", **words),
    ]


def annual_average(total_minor: int, since: dt.date, until: dt.date) -> int:
    """The yearly average as the reports give it: the total over the whole years since creation
    (rounded, at least one): USD 2 million from July 2010 to June 2015 is 400,000 a year."""
    years = max(round(Decimal((until - since).days) / Decimal("365.25")), 1)
    return total_minor // years


def largest_remainder_percent(parts: list[int]) -> list[int]:
    """Whole percentages of ``parts`` that add up to exactly 100 (largest-remainder rounding)."""
    total = sum(parts)
    if total <= 0:
        return [0 for _ in parts]
    exact = [Decimal(p) * 100 / Decimal(total) for p in parts]
    floors = [int(e) for e in exact]
    short = 100 - sum(floors)
    by_remainder = sorted(range(len(parts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_remainder[:short]:
        floors[i] += 1
    return floors


def code_label(w: Wording, table: dict[str, str], code: str) -> str:
    """A recorded code in words: its term from ``table``, else the code itself, made readable."""
    return w.term(table[code]) if code in table else code.replace("_", " ").capitalize()


class Body:
    """Chapters of numbered paragraphs (numbered continuously, as in the reports) and figures."""

    def __init__(self, w: Wording | None = None) -> None:
        self.w = w
        self.chapters: list[dict[str, Any]] = []
        self.paragraphs = 0
        self.figures = 0

    def chapter(self, title: str) -> None:
        self.chapters.append({"number": ROMAN[len(self.chapters)], "title": title, "blocks": []})

    def para(self, *sentences: str | None) -> None:
        text = " ".join(self.w.sentence(s) if self.w else s for s in sentences if s)
        if text:
            self.paragraphs += 1
            self.chapters[-1]["blocks"].append({"type": "para", "number": self.paragraphs, "text": text})

    def table(self, table: dict[str, Any]) -> None:
        self.chapters[-1]["blocks"].append({"type": "table", "table": table})

    def figure(self, title: str, chart: dict[str, Any] | None) -> str:
        if chart is None:
            return ""
        self.figures += 1
        number = ROMAN[self.figures - 1]
        self.chapters[-1]["blocks"].append(
            {"type": "figure", "number": number, "title": title, "chart": chart}
        )
        return number


def header(
    w: Wording,
    fund: dict[str, Any],
    *,
    restricted: bool = False,
    symbol: str,
    day: dt.date,
    session_lines: list[str],
    title: str,
    subtitle: str | None,
    author: str | None,
) -> dict[str, Any]:
    """The page's head, as UN documents have it: symbol, distribution, date, languages, title."""
    _ = w.gettext
    return {
        "lang": w.lang,
        "symbol": symbol,
        "organ": fund["name_fr"] if w.lang == "fr" else fund["name_en"],
        "distribution": _("Distr.: Restricted") if restricted else _("Distr.: General"),
        "date": w.date(day),
        "language_lines": [w.pgettext("language of this version", "English")] if w.lang != "en" else [],
        "original": _("Original: English"),
        "session_lines": session_lines,
        "title": title,
        "subtitle": subtitle,
        "author": author,
    }


def fund_name(w: Wording, fund: dict[str, Any]) -> str:
    """The fund's full name in the document's language."""
    return fund["name_fr"] if w.lang == "fr" else fund["name_en"]


#: French initials that take "l’" before an administrator's acronym: its vowels. An acronym is
#: said letter by letter or as a word, and its H is never elided: "le HCDH", "du HCR".
ELIDING_INITIALS = "AEIOUY"


def administrator(w: Wording, fund: dict[str, Any], *, capital: bool = True) -> str:
    """ "L'ONUDC", "Le HCDH" / "UNODC": the administrator's name with the French article."""
    name = w.term(fund["administrator"])
    if w.lang != "fr":
        return name
    article = "L\u2019" if name[:1].upper() in ELIDING_INITIALS else "Le "
    return (article if capital else article.lower()) + name


def mandate_phrase(w: Wording, fund: dict[str, Any], key: str) -> str | None:
    """A phrase of the fund's mandate in the document's language (``purpose``, ``victims``,
    ``cause``: the fund's own words, stored in English and French), or None where it has none."""
    mandate = fund.get("mandate") or {}
    english, french = mandate.get(f"{key}_en"), mandate.get(f"{key}_fr")
    return w.own(english, french) if english or french else None


def victims(w: Wording, fund: dict[str, Any]) -> str:
    """Whom the fund assists: "victims of trafficking" / "victimes de la traite", or "victims"."""
    return mandate_phrase(w, fund, "victims") or w.gettext("victims")


def administration(w: Wording, fund: dict[str, Any]) -> str:
    """The paragraph every Board document opens with: who administers the Fund, and what for (in
    the fund's own words: a torture victims' fund never reads as a trafficking one)."""
    _ = w.gettext
    return _(
        "%(administrator)s continues to administer the Fund and to encourage Member States and other "
        "stakeholders to contribute to it. Through the non-governmental organizations working with it, "
        "the Fund supports %(purpose)s.",
        administrator=administrator(w, fund),
        purpose=mandate_phrase(w, fund, "purpose") or _("direct assistance to victims"),
    )


def of_administrator(w: Wording, fund: dict[str, Any]) -> str:
    """French "de l'ONUDC" / "du HCDH"; English "UNODC"."""
    name = w.term(fund["administrator"])
    if w.lang != "fr":
        return name
    return ("de l\u2019" if name[:1].upper() in ELIDING_INITIALS else "du ") + name


def final_approval_sentence(w: Wording, fund: dict[str, Any], count: int, amount_minor: int) -> str:
    """Who gave final approval to the grants: the fund's approver where its mandate names one
    ("the High Commissioner ..., on behalf of the Secretary-General"), else its administrator as
    Fund manager ("l’ONUDC, gestionnaire du Fonds", 2015 report par. 66)."""
    amount = w.money(amount_minor)
    approver = mandate_phrase(w, fund, "approver")
    if approver:
        return w.ngettext(
            "Final approval of %(n)s grant totalling %(amount)s was given by %(approver)s.",
            "Final approval of %(n)s grants totalling %(amount)s was given by %(approver)s.",
            count,
            approver=approver,
            amount=amount,
            of_amount=w.of(amount),
        )
    return w.ngettext(
        "As Fund manager, %(administrator)s gave final approval to %(n)s grant totalling %(amount)s.",
        "As Fund manager, %(administrator)s gave final approval to %(n)s grants totalling %(amount)s.",
        count,
        administrator=administrator(w, fund, capital=False),
        amount=amount,
        of_amount=w.of(amount),
    )


def approval_to_come_sentence(w: Wording, fund: dict[str, Any]) -> str:
    """The new grants are announced once final approval is given, by whom (as above)."""
    approver = mandate_phrase(w, fund, "approver")
    if approver:
        return w.gettext(
            "The new grants will be announced after final approval by %(approver)s.", approver=approver
        )
    return w.gettext(
        "The new grants will be announced after final approval by %(administrator)s, manager of the Fund.",
        administrator=w.term(fund["administrator"]),
        of_administrator=of_administrator(w, fund),
    )


def chair_and_others(term: dict[str, Any]) -> tuple[dict | None, list[dict]]:
    """The Board's Chair (if one is recorded) and its other members."""
    chair = next((m for m in term["members"] if m["is_chair"]), None)
    others = [m for m in term["members"] if m is not chair]
    return chair, others


def chair_title(w: Wording, chair: dict[str, Any]) -> str:
    """ "Présidente" / "Président" / "Chair": French titles agree with the person."""
    gender = (chair.get("gender") or "").upper()
    if gender == "F":
        return w.pgettext("female", "Chair")
    if gender == "M":
        return w.pgettext("male", "Chair")
    return w.gettext("Chair")


def board_composition_sentence(w: Wording, term: dict[str, Any]) -> str:
    """Model C: "Pour la mandature 2017-2020, le conseil d'administration se compose de
    X (Présidente), ..."."""
    chair, others = chair_and_others(term)
    names = ([f"{chair['name']} ({chair_title(w, chair)})"] if chair else []) + [m["name"] for m in others]
    return w.gettext(
        "For the %(term)s term, the Board of Trustees is composed of %(members)s.",
        term=term["label"],
        members=w.join(names),
    )


def _appointment_sentence(w: Wording, term: dict[str, Any], fund: dict[str, Any] | None) -> str:
    """ "Le Secrétaire général a nommé en décembre 2013, pour la période 2014-2016, un nouveau
    conseil d'administration de haut niveau, en tenant compte des connaissances de chaque membre
    dans le domaine de la traite de personnes et en respectant le principe de la répartition
    géographique équitable." (2015 report par. 68), with what the term's appointment said."""
    _ = w.gettext
    notes = set(term.get("appointment_notes") or ())
    new, high_level = "new_board" in notes, "high_level" in notes
    if new and high_level:
        board = _("a new high-level Board of Trustees")
    elif new:
        board = _("a new Board of Trustees")
    elif high_level:
        board = _("a high-level Board of Trustees")
    else:
        board = _("the Board of Trustees")
    values = {
        "month": w.month_year(term["appointed_on"]),
        "appointer": w.term(term["appointed_by"]),
        "term": term["label"],
        "board": board,
    }
    # the field of the members' knowledge, in the fund's words: "trafficking in persons" / (French,
    # after "dans le domaine") "de la traite de personnes"
    expertise = mandate_phrase(w, fund, "expertise") if fund else None
    if "expertise" in notes and expertise:
        return _(
            "In %(month)s, the %(appointer)s appointed %(board)s for the period %(term)s, taking into "
            "account each member's knowledge of %(expertise)s and with due regard to equitable "
            "geographical distribution.",
            expertise=expertise,
            **values,
        )
    return _(
        "In %(month)s, the %(appointer)s appointed %(board)s for the period %(term)s, with due regard "
        "to equitable geographical distribution.",
        **values,
    )


def board_with_countries_sentences(
    w: Wording, term: dict[str, Any], fund: dict[str, Any] | None = None
) -> list[str]:
    """Model D: appointment (the members' field of knowledge from the ``fund``'s mandate), then
    "La Présidente du Conseil est X (Autriche). Les autres membres sont ..."."""
    _ = w.gettext
    chair, others = chair_and_others(term)
    if chair is None or not all(m["country_code"] for m in term["members"]):
        return [board_composition_sentence(w, term)]
    out = []
    if term["appointed_on"] and term["appointed_by"]:
        out.append(_appointment_sentence(w, term, fund))
    person = f"{chair['name']} ({w.country(chair['country_code'])})"
    gender = (chair.get("gender") or "").upper()
    if gender == "F":
        out.append(w.pgettext("female", "The Chair of the Board is %(person)s.", person=person))
    elif gender == "M":
        out.append(w.pgettext("male", "The Chair of the Board is %(person)s.", person=person))
    else:
        out.append(_("The Chair of the Board is %(person)s.", person=person))
    if others:
        names = w.join(f"{m['name']} ({w.country(m['country_code'])})" for m in others)
        out.append(
            w.ngettext(
                "The other member is %(names)s.", "The other members are %(names)s.", len(others), names=names
            )
        )
    return out


def board_table(w: Wording, term: dict[str, Any] | None) -> dict[str, Any]:
    """The Board's members, their countries and roles (an annex)."""
    _ = w.gettext
    rows = []
    if term:
        for m in term["members"]:
            role = chair_title(w, m) if m["is_chair"] else _("Member")
            rows.append([m["name"], w.country(m["country_code"]) or "—", role])
    return {
        "caption": _("Board of Trustees, %(term)s", term=term["label"]) if term else _("Board of Trustees"),
        "widths": [45, 30, 25],
        "columns": [_("Name"), _("Country"), _("Role")],
        "numeric": [],
        "rows": rows,
        "empty": _("No Board term is recorded for this period."),
    }


def history_sentences(w: Wording, history: dict[str, Any], fund: dict[str, Any]) -> list[str]:
    """Model C: "Trois appels mondiaux ... en 2011, 2014 et 2017 ... Plus de 40 ONG ..."."""
    out = []
    years = sorted({d.year if isinstance(d, dt.date) else int(str(d)[:4]) for d in history["calls_launched"]})
    calls = len(history["calls_launched"])
    if calls:
        out.append(
            w.ngettext(
                "%(count)s global call for proposals was launched, in %(years)s, to fund projects.",
                "%(count)s global calls for proposals were launched, in %(years)s, to fund projects.",
                calls,
                count=w.spelled(calls),
                years=w.join(str(y) for y in years),
            )
        )
    organisations = history["organisations"]
    if organisations:
        figure, _more = _at_least_opening(w, organisations)
        out.append(
            w.ngettext(
                "%(count)s specialized NGO from around the world was selected and received a grant to "
                "provide direct assistance to %(victims)s.",
                "%(count)s specialized NGOs from around the world were selected and received grants to "
                "provide direct assistance to %(victims)s.",
                organisations,
                count=figure,
                victims=victims(w, fund),
            )
        )
    return out


def _at_least_opening(w: Wording, count: int) -> tuple[str, bool]:
    """A count opening a sentence: "Plus de 40" / "More than 40", else spelled out ("Douze")."""
    figure, more = lower_bound(count)
    if more:
        text = w.gettext("more than %(count)s", count=w.number(figure))
        return text[:1].upper() + text[1:], True
    return w.spelled(count, feminine=True), False


def recommendation_sentence(
    w: Wording,
    sessions: list[dict[str, Any]],
    funded: dict[str, Any],
    reserve: int,
    declined: int,
    eligible: int,
    reserve_until: dt.date | None,
) -> str:
    """Model A: "Le Conseil d'administration a recommandé l'octroi de subventions à 21 projets pour un
    total d'environ 1 million de dollars et l'inscription des 70 projets admissibles restants sur une
    liste de réserve ... d'ici à décembre 2016."
    """
    _ = w.gettext
    if sessions:
        last = sessions[-1]
        lead = _(
            "Meeting in %(place)s on %(date)s, the Board of Trustees",
            place=w.term(last["place"]),
            date=w.date(last["held_on"]),
        )
    else:
        lead = _("The Board of Trustees")
    parts = []
    if funded["count"]:
        amount = w.money_about(funded["amount_minor"])
        parts.append(
            w.ngettext(
                "recommended a grant for %(n)s project totalling %(amount)s",
                "recommended grants for %(n)s projects totalling %(amount)s",
                funded["count"],
                amount=amount,
                of_amount=w.of(amount),
            )
        )
    if reserve:
        until = w.month_year(reserve_until) if reserve_until else None
        remaining = reserve + funded["count"] == eligible and not declined
        parts.append(_reserve_phrase(w, reserve, until, remaining, joined=bool(parts)))
    if not parts:
        return _("%(board)s declined the eligible proposals.", board=lead)
    if len(parts) == 1:
        return _("%(board)s %(first)s.", board=lead, first=parts[0])
    return _("%(board)s %(first)s and %(second)s.", board=lead, first=parts[0], second=parts[1])


def _reserve_phrase(w: Wording, reserve: int, until: str | None, remaining: bool, *, joined: bool) -> str:
    """ "placed the 70 remaining eligible projects on a reserve list ... by December 2016". In French
    the phrase reads differently after "a recommandé l'octroi ... et" ("l'inscription des 70 ...")."""
    if remaining and until:
        if joined:
            return w.npgettext(
                "after a funding recommendation",
                "placed the remaining eligible project on a reserve list, to be considered further should "
                "new "
                "funds become available by %(until)s",
                "placed the %(n)s remaining eligible projects on a reserve list, to be considered further "
                "should "
                "new funds become available by %(until)s",
                reserve,
                until=until,
            )
        return w.ngettext(
            "placed the remaining eligible project on a reserve list, to be considered further should new "
            "funds become available by %(until)s",
            "placed the %(n)s remaining eligible projects on a reserve list, to be considered further should "
            "new funds become available by %(until)s",
            reserve,
            until=until,
        )
    if until:
        if joined:
            return w.npgettext(
                "after a funding recommendation",
                "placed %(n)s eligible project on a reserve list, to be considered further should new funds "
                "become available by %(until)s",
                "placed %(n)s eligible projects on a reserve list, to be considered further should new funds "
                "become available by %(until)s",
                reserve,
                until=until,
            )
        return w.ngettext(
            "placed %(n)s eligible project on a reserve list, to be considered further should new funds "
            "become available by %(until)s",
            "placed %(n)s eligible projects on a reserve list, to be considered further should new funds "
            "become available by %(until)s",
            reserve,
            until=until,
        )
    if joined:
        return w.npgettext(
            "after a funding recommendation",
            "placed %(n)s eligible project on a reserve list",
            "placed %(n)s eligible projects on a reserve list",
            reserve,
        )
    return w.ngettext(
        "placed %(n)s eligible project on a reserve list",
        "placed %(n)s eligible projects on a reserve list",
        reserve,
    )


def donors_of_kind(w: Wording, kind: str, count: int, shown: str) -> str:
    """ "30 Member States", "deux fondations": ``count`` donors of a kind, the number ``shown``."""
    if kind == "member_state":
        return w.ngettext("%(n)s Member State", "%(n)s Member States", count, n=shown)
    if kind == "private_sector":
        return w.ngettext(
            "%(n)s private-sector organization", "%(n)s private-sector organizations", count, n=shown
        )
    if kind == "foundation":
        return w.ngettext("%(n)s foundation", "%(n)s foundations", count, n=shown)
    if kind == "intergovernmental":
        return w.ngettext(
            "%(n)s intergovernmental organization", "%(n)s intergovernmental organizations", count, n=shown
        )
    return w.ngettext("%(n)s individual", "%(n)s individuals", count, n=shown)


def by_kind(rows: list[dict[str, Any]]) -> tuple[Counter[str], Counter[str], int]:
    """Donors and money received (USD minor units) by kind of donor, and how many donors asked
    not to be named."""
    donors: Counter[str] = Counter()
    amounts: Counter[str] = Counter()
    anonymous = 0
    for row in rows:
        donors[row["kind"]] += row["donors"]
        amounts[row["kind"]] += row["usd_minor"]
        if row["anonymous"]:
            anonymous += row["donors"]
    return donors, amounts, anonymous


def stated_as_of(data: dict[str, Any], donors: Counter[str], amounts: Counter[str]) -> dict[str, Any]:
    """What a document as of a day states, for the checker: its day, the money received and the
    donors by kind, the calls launched and the Board's members."""
    as_of = data["as_of"]
    return {
        "date": as_of,
        "as_of": as_of,
        "received_minor": sum(amounts.values()),
        **{f"received_minor:{k}": amounts[k] for k in amounts},
        **{f"donors:{k}": donors[k] for k in donors},
        "calls": len(data["history"]["calls_launched"]),
        "board_members": len(data["board"]["members"]) if data["board"] else 0,
    }


def kinds_annex(w: Wording, donors: Counter[str], amounts: Counter[str], total: int) -> dict[str, Any]:
    """Contributions received by kind of donor, with shares that add up to 100."""
    _ = w.gettext
    kinds = [(k, label) for k, label in DONOR_KINDS if donors[k]]
    shares = largest_remainder_percent([amounts[k] for k, _l in kinds])
    *cells, total_cell = w.amounts([amounts[k] for k, _l in kinds] + [total])
    rows = [
        [_(label), w.number(donors[k]), cell, w.gettext("%(number)s per cent", number=share)]
        for (k, label), share, cell in zip(kinds, shares, cells, strict=True)
    ]
    return {
        "caption": _("Contributions received, by kind of donor"),
        "unit": _("(United States dollars)"),
        "widths": [40, 15, 25, 20],
        "columns": [_("Kind of donor"), _("Donors"), _("Amount"), _("Share")],
        "numeric": [1, 2, 3],
        "share_column": 3,
        "rows": rows,
        "total": [_("Total"), w.number(sum(donors.values())), total_cell, w.percent(total, total)]
        if rows
        else None,
        "empty": _("No contribution received."),
    }
