"""From the figures (``queries``) to what a document says (``wording``): header, numbered
paragraphs, figures and annex tables, in the order and phrasing of the UN reports
(fund-facts section 6: model paragraphs A-D). The templates only lay this out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from ..money import to_minor
from ..proposals.models import ProposalStatus
from . import charts
from .queries import OUTCOME_OF_STATUS, SCREENED_ELIGIBLE
from .wording import N_, REGION_ORDER, Wording, lower_bound, region_of

SCREENED = {str(s) for s in SCREENED_ELIGIBLE}
OUTCOMES = (
    ("funded", N_("Recommended for funding")),
    ("reserve", N_("Reserve list")),
    ("declined", N_("Not retained")),
    ("ineligible", N_("Not eligible")),
    ("pending", N_("Not yet decided")),
    ("withdrawn", N_("Withdrawn")),
)
CRITERIA = {
    "registered_non_profit": N_("Registered non-profit organization"),
    "direct_assistance_to_victims": N_("Direct assistance to victims"),
    "experience_with_victims": N_("Experience in assisting victims"),
    "amount_within_limits": N_("Amount within the call's limits"),
    "duration_within_limits": N_("Duration within the call's limits"),
    "complete_application": N_("Complete application"),
}
TARGET_GROUPS = {"women": N_("women"), "girls": N_("girls"), "men": N_("men"), "boys": N_("boys")}
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
DECISIONS = {"fund": N_("Fund"), "reserve": N_("Reserve list"), "decline": N_("Decline")}
RECOMMENDATION_STATUSES = {
    "pending_approval": N_("awaiting final approval"),
    "approved": N_("approved"),
    "rejected": N_("not approved"),
    "on_reserve": N_("on the reserve list"),
    "promoted": N_("funded from the reserve list"),
    "expired": N_("reserve list lapsed"),
    "declined": N_("declined"),
}
#: Donor kinds whose French noun is feminine (organisation, fondation).
FEMININE_KINDS = ("private_sector", "foundation", "intergovernmental")
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
RESERVE_STATUSES = {
    "on_reserve": N_("on reserve"),
    "promoted": N_("funded"),
    "expired": N_("lapsed"),
}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
OUTCOME_COLOURS = {
    "funded": "#1f5f8b",
    "reserve": "#6fa8d6",
    "declined": "#b7b7b7",
    "ineligible": "#e0a458",
    "pending": "#d9d9d9",
    "withdrawn": "#efefef",
}
KIND_COLOURS = {
    "member_state": "#1f5f8b",
    "private_sector": "#6fa8d6",
    "foundation": "#9cc5a1",
    "intergovernmental": "#e0a458",
    "individual": "#b7b7b7",
}


def symbol(kind: str, data: dict[str, Any]) -> str:
    """The document's symbol, "UNVTF/CS/2017/2": fund, kind, year and what it is about."""
    fund = data["funds"][0] if kind == "donor-statement" else data["fund"]
    if kind == "cycle-summary":
        return f"{fund['short_name']}/CS/{data['data_date'].year}/{data['call']['cycle_label']}"
    if kind == "fund-status":  # one status a day: the day is in its symbol
        return f"{fund['short_name']}/FS/{data['as_of']:%Y/%m%d}"
    if kind == "board-pack":
        return f"{fund['short_name']}/BP/{data['session']['held_on'].year}/{data['session']['id']}"
    if kind == "donor-statement":  # a donor's statement of a given period, made on a given day
        start = f"{data['date_from']:%Y%m%d}-" if data.get("date_from") else ""
        period = f"{start}{data['made_on']:%Y%m%d}"
        return f"{fund['short_name']}/DS/{data['made_on']:%Y}/{data['donor']['id']}/{period}"
    raise ValueError(f"no such document: {kind!r}")


def filename(kind: str, data: dict[str, Any], lang: str) -> str:
    """ "UNVTF-CS-2017-2-fr": the symbol made safe for a file name and a Content-Disposition header.

    Known from the data alone, so that a cached PDF is served without wording the document.
    """
    return re.sub(r"[^A-Za-z0-9._-]+", "-", f"{symbol(kind, data)}-{lang}").strip("-.")


def illustrative_note(w: Wording) -> str:
    """The note on the first page of every document that shows an invented record."""
    return w.gettext(
        "The names and amounts of the individual organizations, proposals, grants, donors and "
        "contributions shown below are illustrative: invented beneath the aggregate figures that the "
        "United Nations reports give, and marked as such in the data. The aggregate figures are the "
        "reports'."
    )


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


def _label(w: Wording, table: dict[str, str], code: str) -> str:
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


def _header(
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


def _fund_name(w: Wording, fund: dict[str, Any]) -> str:
    return fund["name_fr"] if w.lang == "fr" else fund["name_en"]


def _administrator(w: Wording, fund: dict[str, Any], *, capital: bool = True) -> str:
    """ "L'ONUDC" / "UNODC": the administrator's name with the French article."""
    name = w.term(fund["administrator"])
    if w.lang != "fr":
        return name
    article = "L\u2019" if name[:1].upper() in "AEIOUYH" else "Le "
    return (article if capital else article.lower()) + name


def _administration(w: Wording, fund: dict[str, Any]) -> str:
    """The paragraph every Board document opens with: who administers the Fund, and what for."""
    _ = w.gettext
    return _(
        "%(administrator)s continues to administer the Fund and to encourage Member States and other "
        "stakeholders to contribute to it. Through the non-governmental organizations working with it, "
        "the Fund supports direct assistance to victims of trafficking, in particular women and "
        "children.",
        administrator=_administrator(w, fund),
    )


def _of_administrator(w: Wording, fund: dict[str, Any]) -> str:
    """French "de l'ONUDC" / "du HCDH"; English "UNODC"."""
    name = w.term(fund["administrator"])
    if w.lang != "fr":
        return name
    return ("de l\u2019" if name[:1].upper() in "AEIOUYH" else "du ") + name


def _chair_and_others(term: dict[str, Any]) -> tuple[dict | None, list[dict]]:
    chair = next((m for m in term["members"] if m["is_chair"]), None)
    others = [m for m in term["members"] if m is not chair]
    return chair, others


def _chair_title(w: Wording, chair: dict[str, Any]) -> str:
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
    chair, others = _chair_and_others(term)
    names = ([f"{chair['name']} ({_chair_title(w, chair)})"] if chair else []) + [m["name"] for m in others]
    return w.gettext(
        "For the %(term)s term, the Board of Trustees is composed of %(members)s.",
        term=term["label"],
        members=w.join(names),
    )


def board_with_countries_sentences(w: Wording, term: dict[str, Any]) -> list[str]:
    """Model D: appointment, then "La Présidente du Conseil est X (Autriche). Les autres membres sont ..."."""
    _ = w.gettext
    chair, others = _chair_and_others(term)
    if chair is None or not all(m["country_code"] for m in term["members"]):
        return [board_composition_sentence(w, term)]
    out = []
    if term["appointed_on"] and term["appointed_by"]:
        out.append(
            _(
                "In %(month)s, the %(appointer)s appointed the Board of Trustees for the period %(term)s, "
                "with due regard to equitable geographical distribution.",
                month=w.month_year(term["appointed_on"]),
                appointer=w.term(term["appointed_by"]),
                term=term["label"],
            )
        )
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
    _ = w.gettext
    rows = []
    if term:
        for m in term["members"]:
            role = _chair_title(w, m) if m["is_chair"] else _("Member")
            rows.append([m["name"], w.country(m["country_code"]) or "—", role])
    return {
        "caption": _("Board of Trustees, %(term)s", term=term["label"]) if term else _("Board of Trustees"),
        "widths": [45, 30, 25],
        "columns": [_("Name"), _("Country"), _("Role")],
        "numeric": [],
        "rows": rows,
        "empty": _("No Board term is recorded for this period."),
    }


def _history_sentences(w: Wording, history: dict[str, Any]) -> list[str]:
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
                "provide direct assistance to victims of trafficking.",
                "%(count)s specialized NGOs from around the world were selected and received grants to "
                "provide direct assistance to victims of trafficking.",
                organisations,
                count=figure,
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


def _call_priorities(w: Wording, call: dict[str, Any]) -> list[str]:
    """The call's priorities in the document's language: the French the fund recorded, else the
    English marked as such (``Wording.own``)."""
    french = call.get("priorities_fr") or []
    if len(french) != len(call["priorities"]):
        french = [None] * len(call["priorities"])
    return [w.own(en, fr) for en, fr in zip(call["priorities"], french, strict=True)]


# -- cycle summary --------------------------------------------------------------------------


def cycle_summary(data: dict[str, Any], lang: str) -> dict[str, Any]:
    w = Wording(lang)
    _ = w.gettext
    fund, call = data["fund"], data["call"]
    ordinal = w.ordinal(call["cycle_number"])
    day = data["data_date"]
    doc_symbol = symbol("cycle-summary", data)

    status_counts: Counter[str] = Counter()
    countries: set[str] = set()
    for row in data["proposals"]:
        status_counts[row["status"]] += row["count"]
        countries.add(row["country_code"])
    received = sum(status_counts.values())
    eligible = sum(n for s, n in status_counts.items() if s in SCREENED)
    ineligible = status_counts[str(ProposalStatus.INELIGIBLE)]
    pending = status_counts[str(ProposalStatus.SUBMITTED)]
    withdrawn = status_counts[str(ProposalStatus.WITHDRAWN)]

    recs: dict[str, dict[str, Any]] = defaultdict(lambda: {"count": 0, "amount_minor": 0})
    rec_status: Counter[str] = Counter()
    reserve_until = None
    for r in data["recommendations"]:
        recs[r["decision"]]["count"] += r["count"]
        recs[r["decision"]]["amount_minor"] += r["amount_minor"]
        rec_status[r["status"]] += r["count"]
        if r["decision"] == "reserve" and r["reserve_expires_on"]:
            reserve_until = max(reserve_until or r["reserve_expires_on"], r["reserve_expires_on"])
    reserve_until = reserve_until or call["reserve_expires_on"]
    funded, reserve, declined = recs["fund"], recs["reserve"]["count"], recs["decline"]["count"]

    grants = data["grants"]
    money = data["money"]["total"]
    grant_total = money["awarded_minor"]
    grant_countries = {g["country_code"] for g in grants}
    completed = sum(1 for g in grants if g["status"] == "closed")
    promoted = rec_status["promoted"]

    body = Body(w)
    fund_name = _fund_name(w, fund)

    # I. Introduction
    body.chapter(_("Introduction"))
    period = (
        _(
            "It covers the period from %(start)s to %(end)s.",
            start=w.date(call["launched_on"]),
            end=w.date(day),
        )
        if call["launched_on"]
        else None
    )
    body.para(
        _(
            "The present document reports on the %(ordinal)s grant cycle of the %(fund)s, from the call for "
            "proposals to the grants awarded.",
            ordinal=ordinal,
            fund=fund_name,
        ),
        period,
    )
    body.para(_administration(w, fund))

    # II. The call for proposals
    body.chapter(_("Call for proposals"))
    launched = (
        _(
            "The call for proposals for the %(ordinal)s grant cycle was launched in %(year)s.",
            ordinal=ordinal,
            year=call["launched_on"].year,
        )
        if call["launched_on"]
        else None
    )
    priorities = (
        _(
            "It gave priority to projects concerning %(priorities)s.",
            priorities=w.join(w.quote(text) for text in _call_priorities(w, call)),
        )
        if call["priorities"]
        else None
    )
    received_sentence = w.ngettext(
        "In total, %(n)s proposal was received from %(countries)s.",
        "In total, %(n)s proposals were received from %(countries)s.",
        received,
        countries=w.ngettext("%(n)s country", "%(n)s countries", len(countries)),
    )
    body.para(launched, priorities, received_sentence)

    screening = []
    if eligible or ineligible:
        found = w.ngettext(
            "%(n)s proposal was found eligible (%(percent)s)",
            "%(n)s proposals were found eligible (%(percent)s)",
            eligible,
            percent=w.percent(eligible, received),
        )
        if ineligible:
            screening.append(
                _(
                    "After screening against the eligibility criteria, %(eligible)s and %(ineligible)s.",
                    eligible=found,
                    ineligible=w.ngettext("%(n)s was not", "%(n)s were not", ineligible),
                )
            )
        else:
            screening.append(
                _("After screening against the eligibility criteria, %(eligible)s.", eligible=found)
            )
        screening.append(_("The results of the screening, criterion by criterion, are given in annex III."))
    if pending:
        screening.append(
            w.ngettext(
                "%(n)s proposal is still being screened.",
                "%(n)s proposals are still being screened.",
                pending,
            )
        )
    if withdrawn:
        screening.append(
            w.ngettext(
                "%(n)s proposal was withdrawn by its applicant.",
                "%(n)s proposals were withdrawn by their applicants.",
                withdrawn,
            )
        )
    regions = _regions_chart(w, data["proposals"])
    if regions and screening:
        screening.append(
            _("Figure %(figure)s shows the proposals by region and outcome.", figure=ROMAN[body.figures])
        )
    body.para(*screening)
    body.figure(_("Proposals received, by region and outcome"), regions)

    # III. The Board's recommendations and final approval
    body.chapter(_("Recommendations of the Board of Trustees and final approval"))
    recommendation_sentence = None
    if funded["count"] or reserve or declined:
        recommendation_sentence = _recommendation_sentence(
            w, data["sessions"], funded, reserve, declined, eligible, reserve_until
        )
        declined_sentence = (
            w.ngettext(
                "%(count)s eligible proposal was not retained.",
                "%(count)s eligible proposals were not retained.",
                declined,
                count=w.spelled(declined, feminine=True),
            )
            if declined
            else None
        )
        body.para(recommendation_sentence, declined_sentence)
    else:
        body.para(_("The Board of Trustees has not yet made its recommendations on this call."))

    approved = data["approvals"].get("approved", {"count": 0})
    approved_minor = data["money_by_origin"].get("approved", {"awarded_minor": 0})["awarded_minor"]
    rejected = data["approvals"].get("rejected", {"count": 0})["count"]
    approval = []
    if approved["count"]:
        approval.append(
            w.ngettext(
                "As Fund manager, %(administrator)s gave final approval to %(n)s grant totalling %(amount)s.",
                "As Fund manager, %(administrator)s gave final approval to %(n)s grants totalling "
                "%(amount)s.",
                approved["count"],
                administrator=_administrator(w, fund, capital=False),
                amount=w.money(approved_minor),
                of_amount=w.of(w.money(approved_minor)),
            )
        )
    if rejected:
        approval.append(
            w.ngettext(
                "%(count)s recommendation was not approved.",
                "%(count)s recommendations were not approved.",
                rejected,
                count=w.spelled(rejected, feminine=True),
            )
        )
    if rec_status["pending_approval"] or (funded["count"] and not approved["count"]):
        approval.append(
            _(
                "The new grants will be announced after final approval by %(administrator)s, manager of the "
                "Fund.",
                administrator=w.term(fund["administrator"]),
                of_administrator=_of_administrator(w, fund),
            )
        )
    if promoted:
        approval.append(
            w.ngettext(
                "Subsequently, %(n)s project on the reserve list received a grant.",
                "Subsequently, %(n)s projects on the reserve list received a grant.",
                promoted,
            )
        )
    body.para(*approval)

    # IV. Grants
    body.chapter(_("Grants"))
    grants_sentences = []
    if grants:
        by_country = _countries_chart(w, data["money"])
        grants_sentences.append(
            w.ngettext(
                "The grant awarded, of %(average)s, funds a project in %(countries)s "
                "(see annex I and figure %(figure)s).",
                "The %(n)s grants awarded, of an average amount of %(average)s, fund projects in "
                "%(countries)s "
                "(see annex I and figure %(figure)s).",
                len(grants),
                average=w.money_about(grant_total // len(grants)),
                of_average=w.of(w.money_about(grant_total // len(grants))),
                countries=w.ngettext("%(n)s country", "%(n)s countries", len(grant_countries)),
                figure=ROMAN[body.figures],
            )
        )
        grants_sentences.append(
            _(
                "Of the %(awarded)s awarded, %(disbursed)s has been disbursed.",
                awarded=w.money(money["awarded_minor"]),
                disbursed=w.money(money["disbursed_minor"]),
            )
            if money["disbursed_minor"]
            else _("No payment has yet been made on these grants.")
        )
        if money["released_minor"]:
            grants_sentences.append(
                _(
                    "Grants that ended without using their full amount returned %(released)s to the Fund, "
                    "which thus remains committed to this call for %(committed)s.",
                    released=w.money(money["released_minor"]),
                    committed=w.money(money["committed_minor"]),
                )
            )
        if completed:
            grants_sentences.append(
                w.ngettext(
                    "%(count)s project has been completed.",
                    "%(count)s projects have been completed.",
                    completed,
                    count=w.spelled(completed),
                )
            )
        people = sum(b["people"] for b in data["beneficiaries"])
        if people:
            female = sum(b["people"] for b in data["beneficiaries"] if b["sex"] == "female")
            children = sum(b["people"] for b in data["beneficiaries"] if b["age_group"] == "child")
            if female or children:
                grants_sentences.append(
                    _(
                        "According to the final reports received, the projects assisted %(people)s people, "
                        "including %(female)s women and girls and %(children)s children.",
                        people=w.people_about(people),
                        female=w.number(female),
                        children=w.number(children),
                    )
                )
            else:
                grants_sentences.append(
                    _(
                        "According to the final reports received, the projects assisted %(people)s people.",
                        people=w.people_about(people),
                    )
                )
    else:
        grants_sentences.append(_("No grant has yet been awarded under this call."))
    body.para(*grants_sentences)
    if grants:
        body.figure(_("Grants awarded, by country (United States dollars)"), by_country)
    body.para(*_history_sentences(w, data["history"]))

    # V. Board of Trustees
    if data["board"]:
        body.chapter(_("Board of Trustees"))
        body.para(*board_with_countries_sentences(w, data["board"]))

    summary = " ".join(
        w.sentence(s)
        for s in (
            _(
                "The present document reports on the %(ordinal)s grant cycle of the Fund.",
                ordinal=ordinal,
            ),
            received_sentence,
            recommendation_sentence,
            approval[0] if approval else None,
        )
        if s
    )
    footnotes = [
        _(
            "Prepared from the data recorded in the Fund's grant management system on %(date)s. "
            "Amounts are in United States dollars.",
            date=w.date(day),
        )
    ]
    illustrative = (
        call["illustrative"]
        or any(g["illustrative"] for g in grants)
        or any(r["illustrative"] for r in data["reserve"])
    )
    if illustrative:
        footnotes.append(illustrative_note(w))
    outcomes: Counter[str] = Counter()
    for row in data["proposals"]:
        outcomes[outcome(row)] += row["count"]
    return {
        "kind": "cycle-summary",
        # every figure the text states (for the checker), from the one computation that the
        # figures and annexes also use
        "stated": {
            "date": day,
            "received": received,
            "funded": funded["count"],
            "reserve": reserve,
            "declined": declined,
            "ineligible": ineligible,
            "withdrawn": withdrawn,
            "awarded_minor": grant_total,
            "calls": len(data["history"]["calls_launched"]),
            "board_members": len(data["board"]["members"]) if data["board"] else 0,
            "outcomes": dict(outcomes),
        },
        "illustrative": bool(illustrative),
        "header": _header(
            w,
            fund,
            symbol=doc_symbol,
            day=day,
            session_lines=[
                _("Board of Trustees"),
                _("%(ordinal)s grant cycle", ordinal=ordinal).capitalize(),
                _("Call for proposals %(label)s", label=call["cycle_label"]),
            ],
            title=_("Grant cycle summary"),
            subtitle=w.own(call["title"], call["title_fr"]),
            author=_("Report of the secretariat"),
        ),
        "summary": summary,
        "footnotes": footnotes,
        "chapters": body.chapters,
        "annexes": [
            _grants_annex(w, grants, grant_total),
            _reserve_annex(w, data["reserve"], reserve_until),
            _eligibility_annex(w, call["criteria"], data["checks"]),
            board_table(w, data["board"]),
        ],
        "filename": filename("cycle-summary", data, lang),
    }


def _recommendation_sentence(
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


#: The Board's decision, as the outcome a cycle summary reports (text and figure alike).
OUTCOME_OF_DECISION = {"fund": "funded", "reserve": "reserve", "decline": "declined"}


def outcome(row: dict[str, Any]) -> str:
    """A proposal's outcome: the Board's decision where it made one, else what screening found."""
    if row.get("decision") in OUTCOME_OF_DECISION:
        return OUTCOME_OF_DECISION[row["decision"]]
    found = OUTCOME_OF_STATUS.get(ProposalStatus(row["status"]), "pending")
    return found if found in ("ineligible", "withdrawn") else "pending"


def _regions_chart(w: Wording, proposals: list[dict[str, Any]]) -> dict[str, Any] | None:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for row in proposals:
        table[region_of(row["country_code"])][outcome(row)] += row["count"]
    if not table:
        return None
    present = [(key, label) for key, label in OUTCOMES if any(c[key] for c in table.values())]
    rows = [
        (w.region(code), [table[code][key] for key, _ in present]) for code in REGION_ORDER if code in table
    ]
    chart = charts.stacked_bars(
        rows,
        [(w.gettext(label), OUTCOME_COLOURS[key]) for key, label in present],
        value_format=w.number,
    )
    chart["values"] = {key: sum(c[key] for c in table.values()) for key, _ in present}
    return chart


def _countries_chart(w: Wording, money: dict[Any, Any], top: int = 24) -> dict[str, Any] | None:
    """The money awarded by country (the books' figures), the largest first; the smallest together."""
    awarded = {code: sums["awarded_minor"] for code, sums in money["by"].items()}
    ranked = sorted(awarded.items(), key=lambda kv: (-kv[1], w.sort_key(w.country(kv[0]))))
    rows = [(w.country(code), amount) for code, amount in ranked[:top]]
    if len(ranked) > top:
        rest = ranked[top:]
        others = money["total"]["awarded_minor"] - sum(amount for _, amount in ranked[:top])
        rows.append((w.ngettext("%(n)s other country", "%(n)s other countries", len(rest)), others))
    chart = charts.bars(rows, value_format=w.amount, colour=OUTCOME_COLOURS["funded"], compact=True)
    if chart is not None:
        chart["values"] = {"awarded_minor": sum(amount for _, amount in rows)}
    return chart


def _grants_annex(w: Wording, grants: list[dict[str, Any]], total: int) -> dict[str, Any]:
    _ = w.gettext
    *amounts, total_cell = w.amounts([g["amount_minor"] for g in grants] + [total])
    rows = sorted(
        (
            [
                w.country(g["country_code"]),
                g["organisation"]
                + (f" ({g['acronym']})" if g["acronym"] else "")
                + (" *" if g["from_reserve"] else ""),
                g["agreement_number"],
                amount,
            ]
            for g, amount in zip(grants, amounts, strict=True)
        ),
        key=lambda r: (w.sort_key(r[0]), w.sort_key(r[1])),
    )
    notes = [_("* Funded from the reserve list.")] if any(g["from_reserve"] for g in grants) else []
    return {
        "caption": _("Grants awarded, by country and organization"),
        "unit": _("(United States dollars)"),
        "widths": [19, 43, 24, 14],
        "columns": [_("Country"), _("Organization"), _("Agreement"), _("Amount")],
        "numeric": [3],
        "keep": [2],
        "rows": rows,
        "total": [_("Total"), w.figures("%(n)s grant", "%(n)s grants", len(grants)), "", total_cell]
        if grants
        else None,
        "notes": notes,
        "empty": _("No grant has yet been awarded under this call."),
    }


def _reserve_annex(w: Wording, reserve: list[dict[str, Any]], until: dt.date | None) -> dict[str, Any]:
    _ = w.gettext
    *requested, total_cell = w.amounts(
        [r["requested_minor"] for r in reserve] + [sum(r["requested_minor"] for r in reserve)]
    )
    return {
        "caption": _("Reserve list (valid until %(date)s)", date=w.date(until))
        if until
        else _("Reserve list"),
        "unit": _("(United States dollars)"),
        "widths": [6, 19, 31, 16, 15, 13],
        "columns": [
            _("Rank"),
            _("Reference"),
            _("Organization"),
            _("Country"),
            _("Amount requested"),
            _("Status"),
        ],
        "numeric": [0, 4],
        "keep": [1],
        "rows": [
            [
                str(r["rank"]) if r["rank"] is not None else "—",
                r["reference"],
                r["organisation"],
                w.country(r["country_code"]),
                amount,
                _label(w, RESERVE_STATUSES, r["status"]),
            ]
            for r, amount in zip(reserve, requested, strict=True)
        ],
        "total": [
            _("Total"),
            w.figures("%(n)s project", "%(n)s projects", len(reserve)),
            "",
            "",
            total_cell,
            "",
        ]
        if reserve
        else None,
        "empty": _("The Board placed no proposal on a reserve list."),
    }


def _eligibility_annex(w: Wording, criteria: list[str], checks: list[dict[str, Any]]) -> dict[str, Any]:
    _ = w.gettext
    met: Counter[str] = Counter()
    unmet: Counter[str] = Counter()
    for c in checks:
        (met if c["passed"] else unmet)[c["criterion"]] += c["count"]
    order = list(criteria) + sorted((set(met) | set(unmet)) - set(criteria))
    rows = [
        [
            _label(w, CRITERIA, code),
            w.number(met[code]),
            w.number(unmet[code]),
            w.percent(met[code], met[code] + unmet[code]),
        ]
        for code in order
        if met[code] or unmet[code]
    ]
    return {
        "caption": _("Eligibility screening, by criterion"),
        "widths": [52, 14, 14, 20],
        "columns": [_("Criterion"), _("Met"), _("Not met"), _("Share met")],
        "numeric": [1, 2, 3],
        "rows": rows,
        "empty": _("No proposal has been screened yet."),
    }


# -- fund status ----------------------------------------------------------------------------


def fund_status(data: dict[str, Any], lang: str) -> dict[str, Any]:
    w = Wording(lang)
    _ = w.gettext
    fund, as_of = data["fund"], data["as_of"]
    doc_symbol = symbol("fund-status", data)
    established = fund["established_on"]

    donors: Counter[str] = Counter()
    amounts: Counter[str] = Counter()
    anonymous = 0
    for row in data["by_kind"]:
        donors[row["kind"]] += row["donors"]
        amounts[row["kind"]] += row["usd_minor"]
        if row["anonymous"]:
            anonymous += row["donors"]
    total = sum(amounts.values())
    average = annual_average(total, established, as_of)

    body = Body(w)
    body.chapter(_("Introduction"))
    body.para(
        _(
            "The present report gives the status of the %(fund)s on %(date)s.",
            fund=_fund_name(w, fund),
            date=w.date(as_of),
        ),
        _(
            "It covers the period from the creation of the Fund, on %(start)s, to %(end)s.",
            start=w.date(established),
            end=w.date(as_of),
        ),
    )
    body.para(_administration(w, fund))

    body.chapter(_("Contributions"))
    received_sentence = None
    if total:
        received_sentence = _(
            "Since its creation in %(year)s, the Fund has received contributions totalling %(amount)s, "
            "an annual average of %(average)s.",
            year=established.year,
            amount=w.money_about(total),
            of_amount=w.of(w.money_about(total)),
            average=w.money_about(average),
            of_average=w.of(w.money_about(average)),
        )
        body.para(received_sentence)
        body.para(*_donor_sentences(w, donors, amounts, anonymous, total))
        by_year = _years_chart(w, data["by_year"])
        body.para(
            _(
                "Contributions by kind of donor and by year are shown in figure %(figure)s and in annexes I "
                "and II.",
                figure=ROMAN[body.figures],
            )
        )
        body.figure(_("Contributions received, by year and kind of donor (United States dollars)"), by_year)
    else:
        body.para(_("The Fund had received no contribution by that date."))

    body.chapter(_("Financial position"))
    received, committed = data["received_minor"], data["committed_minor"]
    body.para(
        _(
            "On %(date)s, the Fund had received %(received)s in total, of which %(committed)s was committed "
            "to "
            "grants and %(uncommitted)s remained available for new grants.",
            date=w.date(as_of),
            received=w.money(received),
            committed=w.money(committed),
            uncommitted=w.money(received - committed),
        ),
        _("Grants are committed only against money received, never against pledges."),
    )

    body.chapter(_("Grants"))
    history = _history_sentences(w, data["history"])
    if data["history"]["grants"]:
        history.append(
            w.ngettext(
                "In total, %(n)s grant has been awarded, for %(amount)s.",
                "In total, %(n)s grants have been awarded, for %(amount)s.",
                data["history"]["grants"],
                amount=w.money_about(data["history"]["amount_minor"]),
            )
        )
    body.para(*(history or [_("No grant had been awarded by that date.")]))

    if data["board"]:
        body.chapter(_("Board of Trustees"))
        body.para(board_composition_sentence(w, data["board"]))

    summary = " ".join(
        w.sentence(s)
        for s in (
            _("The present report gives the status of the Fund on %(date)s.", date=w.date(as_of)),
            received_sentence,
        )
        if s
    )
    footnotes = [
        _(
            "Prepared from the data recorded in the Fund's grant management system on %(date)s. "
            "Amounts are in United States dollars, at the rate of the day each contribution was "
            "received.",
            date=w.date(as_of),
        )
    ]
    if data["illustrative"]:
        footnotes.append(illustrative_note(w))
    return {
        "kind": "fund-status",
        "stated": {
            "date": as_of,
            "as_of": as_of,
            "received_minor": total,
            **{f"received_minor:{k}": amounts[k] for k in amounts},
            **{f"donors:{k}": donors[k] for k in donors},
            "calls": len(data["history"]["calls_launched"]),
            "board_members": len(data["board"]["members"]) if data["board"] else 0,
        },
        "illustrative": data["illustrative"],
        "header": _header(
            w,
            fund,
            symbol=doc_symbol,
            day=as_of,
            session_lines=[_("Status of the Fund"), _("As at %(date)s", date=w.date(as_of))],
            title=_("Status of the Fund"),
            subtitle=None,
            author=_("Report of the secretariat"),
        ),
        "summary": summary,
        "footnotes": footnotes,
        "chapters": body.chapters,
        "annexes": [
            _kinds_annex(w, donors, amounts, total),
            _years_annex(w, data["by_year"]),
            _donors_annex(w, data["named_donors"], donors, anonymous),
            board_table(w, data["board"]),
        ],
        "filename": filename("fund-status", data, lang),
    }


def _donor_sentences(
    w: Wording, donors: Counter[str], amounts: Counter[str], anonymous: int, total: int
) -> list[str]:
    """Model B/C: "Trente États Membres, 33 organisations du secteur privé et de nombreux particuliers
    ont contribué au Fonds." Individuals are counted, never named."""
    _ = w.gettext
    parts = []
    for kind, _kind_label in DONOR_KINDS:
        count = donors[kind]
        if not count:
            continue
        if kind == "individual" and count >= 10:
            parts.append(_("many individuals"))
            continue
        # The sentence opens with the first number: spell it out ("Trente États Membres").
        words = w.count_words(count, "")  # one to nine in words: "deux fondations"
        feminine = kind in FEMININE_KINDS
        shown = w.spelled(count, feminine=feminine) if not parts else words["n_f" if feminine else "n"]
        parts.append(_donors_of_kind(w, kind, count, shown))
    out = []
    if parts:
        out.append(_("%(donors)s have contributed to the Fund.", donors=w.join(parts)))
    private = amounts["private_sector"] + amounts["foundation"] + amounts["individual"]
    if private and total:
        out.append(
            _(
                "Contributions from private donors represent %(share)s of the funds received.",
                share=w.share(private, total),
            )
        )
    if anonymous:
        out.append(
            w.ngettext(
                "At their request, %(n)s donor is not named.",
                "At their request, %(n)s donors are not named.",
                anonymous,
            )
        )
    return out


def _donors_of_kind(w: Wording, kind: str, count: int, shown: str) -> str:
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


def _years_chart(w: Wording, by_year: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not by_year:
        return None
    table: dict[int, Counter[str]] = defaultdict(Counter)
    for row in by_year:
        table[row["year"]][row["kind"]] += row["usd_minor"]
    kinds = [(k, label) for k, label in DONOR_KINDS if any(c[k] for c in table.values())]
    first, last = min(table), max(table)
    rows = [(str(y), [table[y][k] for k, _ in kinds]) for y in range(first, last + 1)]
    chart = charts.columns(
        rows, [(w.gettext(label), KIND_COLOURS[k]) for k, label in kinds], value_format=w.amount
    )
    chart["values"] = {"received_minor": sum(sum(values) for _, values in rows)} | {
        f"received_minor:{k}": sum(table[y][k] for y in table) for k, _ in kinds
    }
    return chart


def _kinds_annex(w: Wording, donors: Counter[str], amounts: Counter[str], total: int) -> dict[str, Any]:
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


def _years_annex(w: Wording, by_year: list[dict[str, Any]]) -> dict[str, Any]:
    _ = w.gettext
    table: dict[int, Counter[str]] = defaultdict(Counter)
    for row in by_year:
        table[row["year"]][row["kind"]] += row["usd_minor"]
    kinds = [(k, label) for k, label in DONOR_KINDS if any(c[k] for c in table.values())]
    years = sorted(table)
    columns = [
        w.amounts([table[y][k] for y in years] + [sum(table[y][k] for y in table)]) for k, _l in kinds
    ] + [w.amounts([sum(table[y].values()) for y in years] + [sum(sum(c.values()) for c in table.values())])]
    rows = [[str(y)] + [column[i] for column in columns] for i, y in enumerate(years)]
    totals = [_("Total")] + [column[-1] for column in columns]
    return {
        "caption": _("Contributions received, by year"),
        "unit": _("(United States dollars)"),
        "widths": [12] + [88 / (len(kinds) + 1)] * (len(kinds) + 1),
        "columns": [_("Year")] + [_(label) for _k, label in kinds] + [_("Total")],
        "numeric": list(range(1, len(kinds) + 2)),
        "rows": rows,
        "total": totals if rows else None,
        "empty": _("No contribution received."),
    }


def _donors_annex(
    w: Wording, named: list[dict[str, Any]], donors: Counter[str], anonymous: int
) -> dict[str, Any]:
    _ = w.gettext
    rows = []
    for kind, label in DONOR_KINDS:
        names = [
            w.country(d["country_code"]) if kind == "member_state" and d["country_code"] else d["name"]
            for d in named
            if d["kind"] == kind
        ]
        if names:
            rows.append([_(label), w.join(sorted(names, key=w.sort_key))])
    notes = []
    if donors["individual"]:
        notes.append(
            w.ngettext(
                "%(n)s individual also contributed; individuals are never named.",
                "%(n)s individuals also contributed; individuals are never named.",
                donors["individual"],
            )
        )
    if anonymous:
        notes.append(
            w.ngettext("%(n)s donor asked not to be named.", "%(n)s donors asked not to be named.", anonymous)
        )
    notes = [w.sentence(note) for note in notes]
    return {
        "caption": _("Donors"),
        "columns": [_("Kind of donor"), _("Donors")],
        "widths": [24, 76],
        "numeric": [],
        "rows": rows,
        "notes": notes,
        "empty": _("No named donor."),
    }


# -- board pack -----------------------------------------------------------------------------


def board_pack(data: dict[str, Any], lang: str) -> dict[str, Any]:
    w = Wording(lang)
    _ = w.gettext
    fund, session, call = data["fund"], data["session"], data["call"]
    doc_symbol = symbol("board-pack", data)

    slate = {row["decision"]: row for row in data["slate"]}
    funded = slate.get("fund", {"count": 0, "amount_minor": 0})
    facts = [
        (
            _("Session"),
            _("%(place)s, %(date)s", place=w.term(session["place"]), date=w.date(session["held_on"])),
        ),
        (_("Call for proposals"), f"{call['cycle_label']} — {w.own(call['title'], call['title_fr'])}"),
        (_("Proposals received"), w.number(data["received"])),
        (_("Eligible proposals (in this pack)"), w.number(data["eligible"])),
        (_("Proposals not eligible"), w.number(data["ineligible"])),
        (
            _("Grant limits"),
            _(
                "%(floor)s to %(ceiling)s",
                floor=w.money(call["floor_minor"]),
                ceiling=w.money(call["ceiling_minor"]),
            ),
        ),
        (_("Money available for grants"), w.money(session["available_minor"])),
    ]
    if data["board"]:
        chair, others = _chair_and_others(data["board"])
        names = [f"{chair['name']} ({_chair_title(w, chair)})"] if chair else []
        names += [o["name"] for o in others]
        facts.append((_("Board of Trustees, %(term)s", term=data["board"]["label"]), w.join(names)))
    slate_rows = []
    if slate:
        for decision in ("fund", "reserve", "decline"):
            if decision in slate:
                row = slate[decision]
                slate_rows.append(
                    [
                        _label(w, DECISIONS, decision),
                        w.number(row["count"]),
                        w.amount(row["amount_minor"]) if decision == "fund" else "—",
                    ]
                )
        balance = session["available_minor"] - funded["amount_minor"]
        facts.append(
            (
                _("Available after the recommended grants"),
                w.money(balance) if balance >= 0 else _("short by %(amount)s", amount=w.money(-balance)),
            )
        )

    pages = []
    for p in data["proposals"]:
        org = p["organisation"]
        rec = p["recommendation"]
        pages.append(
            {
                "reference": p["reference"],
                "title": p["title"],
                "summary": p["summary"],
                "facts": [
                    (
                        _("Organization"),
                        org["name"] + (f" ({org['acronym']})" if org["acronym"] else ""),
                    ),
                    (_("Country of the organization"), w.country(org["country_code"])),
                    (_("Founded"), str(org["year_founded"]) if org["year_founded"] else "—"),
                    (
                        _("Countries of implementation"),
                        w.join(sorted((w.country(c) for c in p["countries"]), key=w.sort_key)) or "—",
                    ),
                    (_("Amount requested"), w.money(p["requested_minor"])),
                    (_("Duration"), w.ngettext("%(n)s month", "%(n)s months", p["duration_months"])),
                    (
                        _("Target groups"),
                        w.join(_label(w, TARGET_GROUPS, c) for c in p["target_groups"]) or "—",
                    ),
                    (_("Assistance"), w.join(_label(w, ASSISTANCE, c) for c in p["assistance"]) or "—"),
                ],
                "checks": [
                    [
                        _label(w, CRITERIA, c["criterion"]),
                        _("met") if c["passed"] else _("not met"),
                        c["note"] or "",
                    ]
                    for c in p["checks"]
                ],
                "recommendation": None
                if rec is None
                else [
                    (_("Decision"), _label(w, DECISIONS, rec["decision"])),
                    (_("Amount"), w.money(rec["amount_minor"]) if rec["amount_minor"] else "—"),
                    (_("Rank"), str(rec["rank"]) if rec["rank"] is not None else "—"),
                    (_("Status"), _label(w, RECOMMENDATION_STATUSES, rec["status"])),
                    (_("Rationale"), rec["rationale"]),
                ],
                "illustrative": p["illustrative"],
            }
        )
    return {
        "kind": "board-pack",
        "header": _header(
            w,
            fund,
            symbol=doc_symbol,
            day=session["held_on"],
            session_lines=[
                _("Board of Trustees"),
                _(
                    "Session held in %(place)s on %(date)s",
                    place=w.term(session["place"]),
                    date=w.date(session["held_on"]),
                ),
            ],
            title=_("Board pack"),
            restricted=True,
            subtitle=_("Eligible proposals under call %(label)s", label=call["cycle_label"]),
            author=_("Prepared by the secretariat"),
        ),
        "facts": facts,
        "slate": {
            "caption": _("The Board's slate as recorded"),
            "widths": [40, 25, 35],
            "columns": [_("Decision"), _("Proposals"), _("Amount (United States dollars)")],
            "numeric": [1, 2],
            "rows": slate_rows,
            "empty": _("No recommendation recorded yet."),
        },
        "board": board_table(w, data["board"]),
        "pages": pages,
        "footnotes": [
            _("Confidential: for the members of the Board of Trustees. Amounts are in United States dollars.")
        ]
        + ([illustrative_note(w)] if data["illustrative"] else []),
        "stated": {
            "date": session["held_on"],
            "board_members": len(data["board"]["members"]) if data["board"] else 0,
        },
        "illustrative": data["illustrative"],
        "filename": filename("board-pack", data, lang),
    }


# -- donor statement ------------------------------------------------------------------------

STATEMENT_ENTRIES = {
    "pledge": N_("Pledge"),
    "pledge_change": N_("Pledge changed"),
    "pledge_cancellation": N_("Pledge cancelled"),
    "receipt": N_("Payment received"),
    "receipt_reversal": N_("Payment reversed"),
}
#: Countries named one by one up to this many; beyond, counted.
COUNTRIES_NAMED = 8


def _statement_minor(amount: str | None, currency: str) -> int:
    return to_minor(Decimal(amount), currency) if amount is not None else 0


def _balance_words(w: Wording, balance: dict[str, Any], key: str) -> str:
    """ "1 000,00 EUR et 500 dollars": a balance's amounts in each currency, joined."""
    return w.join(
        w.money_in(_statement_minor(row[key], row["currency"]), row["currency"])
        for row in balance["by_currency"]
        if _statement_minor(row[key], row["currency"])
    )


def _outstanding_words(w: Wording, balance: dict[str, Any]) -> str:
    parts = []
    for row in balance["by_currency"]:
        left = _statement_minor(row["pledged"], row["currency"]) - _statement_minor(
            row["received"], row["currency"]
        )
        if left > 0:
            parts.append(w.money_in(left, row["currency"]))
    return w.join(parts)


def donor_statement(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """A donor's statement (the JSON statement's figures): pledges and payments in date order with
    what was received to date, the balances in each currency, and what the Fund did in the period."""
    w = Wording(lang)
    _ = w.gettext
    donor, funds, entries = data["donor"], data["funds"], data["entries"]
    fund = funds[0]
    made_on = data["made_on"]
    start = data["date_from"] or (entries[0]["date"] if entries else None)
    end = data["date_to"] or made_on
    doc_symbol = symbol("donor-statement", data)
    period = (
        _("From %(start)s to %(end)s", start=w.date(start), end=w.date(end))
        if start
        else _("Up to %(end)s", end=w.date(end))
    )
    fund_names = w.join(_fund_name(w, f) for f in funds)

    body = Body(w)
    body.chapter(_("Pledges and payments"))
    body.para(
        _(
            "This statement lists the donor's pledges to the %(fund)s and the payments received on them, "
            "from %(start)s to %(end)s.",
            fund=fund_names,
            start=w.date(start),
            end=w.date(end),
        )
        if start
        else _(
            "This statement lists the donor's pledges to the %(fund)s and the payments received on them, "
            "up to %(end)s.",
            fund=fund_names,
            end=w.date(end),
        )
    )
    pledges = sum(1 for e in entries if e["type"] == "pledge")
    payments = sum(1 for e in entries if e["type"] == "receipt")
    corrections = len(entries) - pledges - payments
    activity = []
    if entries:
        activity.append(
            _(
                "In the period, %(pledges)s and %(payments)s were recorded.",
                pledges=w.ngettext("%(n)s pledge", "%(n)s pledges", pledges),
                payments=w.ngettext("%(n)s payment", "%(n)s payments", payments),
            )
        )
    else:
        activity.append(_("No pledge or payment is recorded in the period."))
    if corrections:
        activity.append(
            w.ngettext(
                "%(n)s correction (a pledge changed or cancelled, or a payment reversed) is entered on the "
                "day it was made.",
                "%(n)s corrections (pledges changed or cancelled, payments reversed) are entered on the "
                "day they were made.",
                corrections,
            )
        )
    opening_pledged = _balance_words(w, data["opening"], "pledged")
    if opening_pledged:
        opening_received = _balance_words(w, data["opening"], "received")
        activity.append(
            _(
                "Before the period, the donor had pledged %(pledged)s, of which %(received)s had been "
                "received.",
                pledged=opening_pledged,
                received=opening_received,
            )
            if opening_received
            else _("Before the period, the donor had pledged %(pledged)s.", pledged=opening_pledged)
        )
    body.para(*activity)

    closing = data["closing"]
    pledged_words, received_words = (
        _balance_words(w, closing, "pledged"),
        _balance_words(w, closing, "received"),
    )
    received_usd = _statement_minor(closing["received_usd"], "USD")
    balance = []
    if pledged_words:
        balance.append(
            _(
                "At the end of the period, the donor had pledged %(pledged)s in total; %(received)s had been "
                "received, worth %(usd)s at the rates of the days of receipt.",
                pledged=pledged_words,
                received=received_words,
                usd=w.money(received_usd),
            )
            if received_words
            else _(
                "At the end of the period, the donor had pledged %(pledged)s in total; nothing had been "
                "received yet.",
                pledged=pledged_words,
            )
        )
        outstanding = _outstanding_words(w, closing)
        if outstanding:
            balance.append(_("%(outstanding)s remained to be received.", outstanding=outstanding))
    body.para(*balance)
    body.table(_account_table(w, data))
    body.table(_balances_table(w, closing))

    body.chapter(_("The Fund's work in the period"))
    for activity_row in data["fund_activity"]:
        sentences = []
        if len(data["fund_activity"]) > 1:
            sentences.append(f"{activity_row['fund_name']}.")
        grants = activity_row["grants_approved"]
        amount = _statement_minor(activity_row["grants_approved_usd"], "USD")
        if grants:
            sentences.append(
                w.ngettext(
                    "In the period, the Fund approved %(n)s grant, of %(amount)s.",
                    "In the period, the Fund approved %(n)s grants, totalling %(amount)s.",
                    grants,
                    amount=w.money_about(amount),
                    of_amount=w.of(w.money_about(amount)),
                )
            )
        else:
            sentences.append(_("The Fund approved no new grant in the period."))
        countries = sorted((w.country(c) for c in activity_row["countries_reached"]), key=w.sort_key)
        if countries:
            named = w.join(countries) if len(countries) <= COUNTRIES_NAMED else None
            sentences.append(
                w.ngettext(
                    "Its grants were running in %(n)s country: %(countries)s.",
                    "Its grants were running in %(n)s countries: %(countries)s.",
                    len(countries),
                    countries=named,
                )
                if named
                else w.ngettext(
                    "Its grants were running in %(n)s country.",
                    "Its grants were running in %(n)s countries.",
                    len(countries),
                )
            )
        if activity_row["people_assisted"]:
            sentences.append(
                _(
                    "According to the reports accepted in the period, the projects it funds assisted "
                    "%(people)s people.",
                    people=w.people_about(activity_row["people_assisted"]),
                )
            )
        body.para(*sentences)
    if not data["fund_activity"]:
        body.para(_("The donor has no contribution to a fund yet."))

    summary = " ".join(
        w.sentence(s)
        for s in (
            _(
                "%(donor)s: pledges and payments %(period)s.",
                donor=donor["name"],
                period=period[:1].lower() + period[1:],
            ),
            balance[0] if balance else None,
        )
        if s
    )
    return {
        "kind": "donor-statement",
        "header": _header(
            w,
            fund,
            symbol=doc_symbol,
            day=made_on,
            restricted=True,
            session_lines=[_("Donor statement"), period],
            title=_("Statement of contributions"),
            subtitle=donor["name"],
            author=_("Prepared by the secretariat"),
        ),
        "summary": summary,
        "footnotes": [
            _(
                "Prepared from the data recorded in the Fund's grant management system on %(date)s. "
                "Amounts are in the currency of each pledge; values in United States dollars are at the "
                "rate of the day each payment was received.",
                date=w.date(made_on),
            )
        ]
        + ([illustrative_note(w)] if data.get("illustrative") else []),
        "stated": {"date": made_on, "as_of": end},
        "illustrative": bool(data.get("illustrative")),
        "chapters": body.chapters,
        "filename": filename("donor-statement", data, lang),
    }


def _account_table(w: Wording, data: dict[str, Any]) -> dict[str, Any]:
    _ = w.gettext
    rows = []
    opening_usd = _statement_minor(data["opening"]["received_usd"], "USD")
    if data["opening"]["by_currency"]:
        rows.append([_("Brought forward"), "", "", "", "", "", w.amount(opening_usd)])
    period_usd = 0
    for e in data["entries"]:
        label = _label(w, STATEMENT_ENTRIES, e["type"])
        usd = e["usd"]
        if e["type"] in ("receipt", "receipt_reversal"):
            period_usd += _statement_minor(usd, "USD")
        rows.append(
            [
                w.date(e["date"]),
                label,
                e["contribution_reference"],
                e["currency"],
                w.amount_in(e["_minor"], e["currency"]),
                w.amount(_statement_minor(usd, "USD")) if usd is not None else "—",
                w.amount(_statement_minor(e["running"]["received_usd"], "USD")),
            ]
        )
    return {
        "caption": _("Statement of account"),
        "widths": [13, 16, 26, 9, 12, 11, 13],
        "columns": [
            _("Date"),
            _("Entry"),
            _("Reference"),
            _("Currency"),
            _("Amount"),
            _("USD value"),
            _("USD to date"),
        ],
        "numeric": [4, 5, 6],
        "keep": [0, 2],
        "rows": rows,
        "total": [
            _("Received in the period"),
            "",
            "",
            "",
            "",
            w.amount(period_usd),
            w.amount(opening_usd + period_usd),
        ]
        if data["entries"]
        else None,
        "empty": _("No pledge or payment is recorded in the period."),
    }


def _balances_table(w: Wording, closing: dict[str, Any]) -> dict[str, Any]:
    _ = w.gettext
    rows = []
    for row in closing["by_currency"]:
        currency = row["currency"]
        pledged, received = (
            _statement_minor(row["pledged"], currency),
            _statement_minor(row["received"], currency),
        )
        rows.append(
            [
                currency,
                w.amount_in(pledged, currency),
                w.amount_in(received, currency),
                w.amount_in(max(pledged - received, 0), currency),
            ]
        )
    return {
        "caption": _("Balances at the end of the period, in each currency"),
        "widths": [16, 28, 28, 28],
        "columns": [_("Currency"), _("Pledged"), _("Received"), _("Outstanding")],
        "numeric": [1, 2, 3],
        "rows": rows,
        "empty": _("Nothing pledged."),
    }
