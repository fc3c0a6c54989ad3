"""The summary of a call's grant cycle: the call, the proposals and their screening, the Board's
recommendations and final approval, the grants and the people they assisted, the Board of
Trustees; annexes list the grants, the reserve list, the screening by criterion and the Board.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ...auth.models import User
from ...proposals.models import ProposalStatus
from .. import charts, queries
from ..queries import OUTCOME_OF_STATUS, SCREENED_ELIGIBLE
from ..wording import N_, REGION_ORDER, Wording, region_of
from .common import (
    CRITERIA,
    ROMAN,
    Body,
    administration,
    approval_to_come_sentence,
    board_table,
    board_with_countries_sentences,
    code_label,
    final_approval_sentence,
    fund_name,
    header,
    history_sentences,
    illustrative_note,
    recommendation_sentence,
)
from .spec import DocumentSpec, filename

KIND = "cycle-summary"
TEMPLATE = "report.html"

SCREENED = {str(s) for s in SCREENED_ELIGIBLE}
OUTCOMES = (
    ("funded", N_("Recommended for funding")),
    ("reserve", N_("Reserve list")),
    ("declined", N_("Not retained")),
    ("ineligible", N_("Not eligible")),
    ("pending", N_("Not yet decided")),
    ("withdrawn", N_("Withdrawn")),
)
OUTCOME_COLOURS = {
    "funded": "#1f5f8b",
    "reserve": "#6fa8d6",
    "declined": "#b7b7b7",
    "ineligible": "#e0a458",
    "pending": "#d9d9d9",
    "withdrawn": "#efefef",
}
RESERVE_STATUSES = {
    "on_reserve": N_("on reserve"),
    "promoted": N_("funded"),
    "expired": N_("lapsed"),
}
#: The Board's decision, as the outcome a cycle summary reports (text and figure alike).
OUTCOME_OF_DECISION = {"fund": "funded", "reserve": "reserve", "decline": "declined"}


def load(session: Session, user: User | None, *, call_id: int) -> dict[str, Any]:
    """The figures of a call's grant cycle."""
    return queries.cycle_summary_data(session, call_id)


def symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/CS/2017/2": fund, year of the data, the call's cycle."""
    return f"{data['fund']['short_name']}/CS/{data['data_date'].year}/{data['call']['cycle_label']}"


@dataclass(frozen=True)
class _Tally:
    """What the text counts: the proposals by what screening found, the Board's decisions."""

    received: int
    countries: int
    eligible: int
    ineligible: int
    pending: int
    withdrawn: int
    funded: dict[str, Any]  # count and amount_minor
    reserve: int
    declined: int
    reserve_until: dt.date | None
    statuses: Counter[str]  # the recommendations by status


def _tally(data: dict[str, Any]) -> _Tally:
    """The counts the text states, from the figures."""
    status_counts: Counter[str] = Counter()
    countries: set[str] = set()
    for row in data["proposals"]:
        status_counts[row["status"]] += row["count"]
        countries.add(row["country_code"])
    recs: dict[str, dict[str, Any]] = defaultdict(lambda: {"count": 0, "amount_minor": 0})
    statuses: Counter[str] = Counter()
    reserve_until = None
    for r in data["recommendations"]:
        recs[r["decision"]]["count"] += r["count"]
        recs[r["decision"]]["amount_minor"] += r["amount_minor"]
        statuses[r["status"]] += r["count"]
        if r["decision"] == "reserve" and r["reserve_expires_on"]:
            reserve_until = max(reserve_until or r["reserve_expires_on"], r["reserve_expires_on"])
    return _Tally(
        received=sum(status_counts.values()),
        countries=len(countries),
        eligible=sum(n for s, n in status_counts.items() if s in SCREENED),
        ineligible=status_counts[str(ProposalStatus.INELIGIBLE)],
        pending=status_counts[str(ProposalStatus.SUBMITTED)],
        withdrawn=status_counts[str(ProposalStatus.WITHDRAWN)],
        funded=recs["fund"],
        reserve=recs["reserve"]["count"],
        declined=recs["decline"]["count"],
        reserve_until=reserve_until or data["call"]["reserve_expires_on"],
        statuses=statuses,
    )


def compose(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The summary's words and figures: five chapters, a summary, footnotes and four annexes."""
    w = Wording(lang)
    _ = w.gettext
    call, day = data["call"], data["data_date"]
    counts = _tally(data)
    body = Body(w)
    _introduction(body, w, data)
    received = _call_for_proposals(body, w, data, counts)
    recommended = _recommendations(body, w, data, counts)
    approval = _final_approval(body, w, data, counts)
    _grants(body, w, data)
    if data["board"]:
        body.chapter(_("Board of Trustees"))
        body.para(*board_with_countries_sentences(w, data["board"], data["fund"]))
    summary = " ".join(
        w.sentence(s)
        for s in (
            _(
                "The present document reports on the %(ordinal)s grant cycle of the Fund.",
                ordinal=w.ordinal(call["cycle_number"]),
            ),
            received,
            recommended,
            approval[0] if approval else None,
        )
        if s
    )
    illustrative = (
        call["illustrative"]
        or any(g["illustrative"] for g in data["grants"])
        or any(r["illustrative"] for r in data["reserve"])
    )
    return {
        "kind": KIND,
        # every figure the text states (for the checker), from the one computation that the
        # figures and annexes also use
        "stated": _stated(data, counts),
        "illustrative": bool(illustrative),
        "header": _summary_header(w, data),
        "summary": summary,
        "footnotes": [
            _(
                "Prepared from the data recorded in the Fund's grant management system on %(date)s. "
                "Amounts are in United States dollars.",
                date=w.date(day),
            )
        ]
        + ([illustrative_note(w, reported=not call["illustrative"])] if illustrative else []),
        "chapters": body.chapters,
        "annexes": [
            _grants_annex(w, data["grants"], data["money"]["total"]["awarded_minor"]),
            _reserve_annex(w, data["reserve"], counts.reserve_until),
            _eligibility_annex(w, call["criteria"], data["checks"]),
            board_table(w, data["board"]),
        ],
        "filename": filename(symbol(data), lang),
    }


def _stated(data: dict[str, Any], counts: _Tally) -> dict[str, Any]:
    """Every figure the text states, for the checker."""
    outcomes: Counter[str] = Counter()
    for row in data["proposals"]:
        outcomes[_outcome(row)] += row["count"]
    return {
        "date": data["data_date"],
        "received": counts.received,
        "funded": counts.funded["count"],
        "reserve": counts.reserve,
        "declined": counts.declined,
        "ineligible": counts.ineligible,
        "withdrawn": counts.withdrawn,
        "awarded_minor": data["money"]["total"]["awarded_minor"],
        "calls": len(data["history"]["calls_launched"]),
        "board_members": len(data["board"]["members"]) if data["board"] else 0,
        "outcomes": dict(outcomes),
    }


def _summary_header(w: Wording, data: dict[str, Any]) -> dict[str, Any]:
    """The header: the cycle, its call and the call's title."""
    _ = w.gettext
    call = data["call"]
    ordinal = w.ordinal(call["cycle_number"])
    return header(
        w,
        data["fund"],
        symbol=symbol(data),
        day=data["data_date"],
        session_lines=[
            _("Board of Trustees"),
            _("%(ordinal)s grant cycle", ordinal=ordinal).capitalize(),
            _("Call for proposals %(label)s", label=call["cycle_label"]),
        ],
        title=_("Grant cycle summary"),
        subtitle=w.own(call["title"], call["title_fr"]),
        author=_("Report of the secretariat"),
    )


# -- the chapters ---------------------------------------------------------------------------


def _introduction(body: Body, w: Wording, data: dict[str, Any]) -> None:
    """I. What the document covers, and who administers the Fund."""
    _ = w.gettext
    fund, call = data["fund"], data["call"]
    body.chapter(_("Introduction"))
    period = (
        _(
            "It covers the period from %(start)s to %(end)s.",
            start=w.date(call["launched_on"]),
            end=w.date(data["data_date"]),
        )
        if call["launched_on"]
        else None
    )
    body.para(
        _(
            "The present document reports on the %(ordinal)s grant cycle of the %(fund)s, from the call for "
            "proposals to the grants awarded.",
            ordinal=w.ordinal(call["cycle_number"]),
            fund=fund_name(w, fund),
        ),
        period,
    )
    body.para(administration(w, fund))


def _call_for_proposals(body: Body, w: Wording, data: dict[str, Any], counts: _Tally) -> str:
    """II. The call, the proposals received and their screening, Figure I; returns the sentence
    on the proposals received (the summary repeats it)."""
    _ = w.gettext
    call = data["call"]
    body.chapter(_("Call for proposals"))
    launched = (
        _(
            "The call for proposals for the %(ordinal)s grant cycle was launched in %(year)s.",
            ordinal=w.ordinal(call["cycle_number"]),
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
    received = w.ngettext(
        "In total, %(n)s proposal was received from %(countries)s.",
        "In total, %(n)s proposals were received from %(countries)s.",
        counts.received,
        countries=w.ngettext("%(n)s country", "%(n)s countries", counts.countries),
    )
    body.para(launched, priorities, received)
    screening = _screening_sentences(w, counts)
    regions = _regions_chart(w, data["proposals"])
    if regions and screening:
        screening.append(
            _("Figure %(figure)s shows the proposals by region and outcome.", figure=ROMAN[body.figures])
        )
    body.para(*screening)
    body.figure(_("Proposals received, by region and outcome"), regions)
    return received


def _call_priorities(w: Wording, call: dict[str, Any]) -> list[str]:
    """The call's priorities in the document's language: the French the fund recorded, else the
    English marked as such (``Wording.own``)."""
    french = call.get("priorities_fr") or []
    if len(french) != len(call["priorities"]):
        french = [None] * len(call["priorities"])
    return [w.own(en, fr) for en, fr in zip(call["priorities"], french, strict=True)]


def _screening_sentences(w: Wording, counts: _Tally) -> list[str]:
    """Found eligible or not, still being screened, withdrawn."""
    _ = w.gettext
    out = []
    if counts.eligible or counts.ineligible:
        found = w.ngettext(
            "%(n)s proposal was found eligible (%(percent)s)",
            "%(n)s proposals were found eligible (%(percent)s)",
            counts.eligible,
            percent=w.percent(counts.eligible, counts.received),
        )
        if counts.ineligible:
            out.append(
                _(
                    "After screening against the eligibility criteria, %(eligible)s and %(ineligible)s.",
                    eligible=found,
                    ineligible=w.ngettext("%(n)s was not", "%(n)s were not", counts.ineligible),
                )
            )
        else:
            out.append(_("After screening against the eligibility criteria, %(eligible)s.", eligible=found))
        out.append(_("The results of the screening, criterion by criterion, are given in annex III."))
    if counts.pending:
        out.append(
            w.ngettext(
                "%(n)s proposal is still being screened.",
                "%(n)s proposals are still being screened.",
                counts.pending,
            )
        )
    if counts.withdrawn:
        out.append(
            w.ngettext(
                "%(n)s proposal was withdrawn by its applicant.",
                "%(n)s proposals were withdrawn by their applicants.",
                counts.withdrawn,
            )
        )
    return out


def _recommendations(body: Body, w: Wording, data: dict[str, Any], counts: _Tally) -> str | None:
    """III (first paragraph). The Board's recommendations (model A); returns them for the summary."""
    _ = w.gettext
    body.chapter(_("Recommendations of the Board of Trustees and final approval"))
    if not (counts.funded["count"] or counts.reserve or counts.declined):
        body.para(_("The Board of Trustees has not yet made its recommendations on this call."))
        return None
    recommended = recommendation_sentence(
        w,
        data["sessions"],
        counts.funded,
        counts.reserve,
        counts.declined,
        counts.eligible,
        counts.reserve_until,
    )
    declined = (
        w.ngettext(
            "%(count)s eligible proposal was not retained.",
            "%(count)s eligible proposals were not retained.",
            counts.declined,
            count=w.spelled(counts.declined, feminine=True),
        )
        if counts.declined
        else None
    )
    # the income the Board recommended against was the call's budget where it had one: the reserve
    # list waits for it to grow, whatever else the fund holds for its other calls
    budget = (
        _("The call had a budget of %(budget)s.", budget=w.money(data["call"]["budget_minor"]))
        if data["call"]["budget_minor"] is not None and counts.reserve
        else None
    )
    body.para(*(s for s in (budget, recommended, declined) if s))
    return recommended


def _final_approval(body: Body, w: Wording, data: dict[str, Any], counts: _Tally) -> list[str]:
    """III (second paragraph). The fund manager's final approval, and the reserve list's grants."""
    _ = w.gettext
    fund = data["fund"]
    approved = data["approvals"].get("approved", {"count": 0})
    approved_minor = data["money_by_origin"].get("approved", {"awarded_minor": 0})["awarded_minor"]
    rejected = data["approvals"].get("rejected", {"count": 0})["count"]
    out = []
    if approved["count"]:
        out.append(final_approval_sentence(w, fund, approved["count"], approved_minor))
    if rejected:
        out.append(
            w.ngettext(
                "%(count)s recommendation was not approved.",
                "%(count)s recommendations were not approved.",
                rejected,
                count=w.spelled(rejected, feminine=True),
            )
        )
    if counts.statuses["pending_approval"] or (counts.funded["count"] and not approved["count"]):
        out.append(approval_to_come_sentence(w, fund))
    if counts.statuses["promoted"]:
        promoted_minor = data["money_by_origin"].get("promoted", {"awarded_minor": 0})["awarded_minor"]
        out.append(
            w.ngettext(
                "Subsequently, as new funds were received, %(n)s project on the reserve list received a "
                "grant of %(amount)s.",
                "Subsequently, as new funds were received, %(n)s projects on the reserve list received "
                "grants totalling %(amount)s.",
                counts.statuses["promoted"],
                amount=w.money(promoted_minor),
                of_amount=w.of(w.money(promoted_minor)),
            )
        )
    body.para(*out)
    return out


def _grants(body: Body, w: Wording, data: dict[str, Any]) -> None:
    """IV. The grants awarded, their money and the people assisted (Figure II), then the history
    of the fund's calls."""
    _ = w.gettext
    body.chapter(_("Grants"))
    if data["grants"]:
        by_country = _countries_chart(w, data["money"])
        body.para(*_grant_sentences(w, data, ROMAN[body.figures]))
        body.figure(_("Grants awarded, by country (United States dollars)"), by_country)
    else:
        body.para(_("No grant has yet been awarded under this call."))
    body.para(*history_sentences(w, data["history"], data["fund"]))


def _grant_sentences(w: Wording, data: dict[str, Any], figure: str) -> list[str]:
    """How many grants, of what average, in how many countries; disbursed, returned, completed."""
    _ = w.gettext
    grants, money = data["grants"], data["money"]["total"]
    average = w.money_about(money["awarded_minor"] // len(grants))
    out = [
        w.ngettext(
            "The grant awarded, of %(average)s, funds a project in %(countries)s "
            "(see annex I and figure %(figure)s).",
            "The %(n)s grants awarded, of an average amount of %(average)s, fund projects in "
            "%(countries)s "
            "(see annex I and figure %(figure)s).",
            len(grants),
            average=average,
            of_average=w.of(average),
            countries=w.ngettext(
                "%(n)s country", "%(n)s countries", len({g["country_code"] for g in grants})
            ),
            figure=figure,
        ),
        _(
            "Of the %(awarded)s awarded, %(disbursed)s has been disbursed.",
            awarded=w.money(money["awarded_minor"]),
            disbursed=w.money(money["disbursed_minor"]),
        )
        if money["disbursed_minor"]
        else _("No payment has yet been made on these grants."),
    ]
    if money["released_minor"]:
        out.append(
            _(
                "Grants that ended without using their full amount returned %(released)s to the Fund, "
                "which thus remains committed to this call for %(committed)s.",
                released=w.money(money["released_minor"]),
                committed=w.money(money["committed_minor"]),
            )
        )
    completed = sum(1 for g in grants if g["status"] == "closed")
    if completed:
        out.append(
            w.ngettext(
                "%(count)s project has been completed.",
                "%(count)s projects have been completed.",
                completed,
                count=w.spelled(completed),
            )
        )
    people = _people_sentence(w, data["people"])
    return out + ([people] if people else [])


def _people_sentence(w: Wording, assisted: dict[str, int]) -> str | None:
    """The people the projects assisted, each counted once, from the final reports received."""
    _ = w.gettext
    people, female, children = assisted["people"], assisted["female"], assisted["children"]
    if not people:
        return None
    if female or children:
        return _(
            "According to the final reports received, the projects assisted %(people)s people, "
            "including %(female)s women and girls and %(children)s children.",
            people=w.people_about(people),
            female=w.number(female),
            children=w.number(children),
        )
    return _(
        "According to the final reports received, the projects assisted %(people)s people.",
        people=w.people_about(people),
    )


# -- figures --------------------------------------------------------------------------------


def _outcome(row: dict[str, Any]) -> str:
    """A proposal's outcome: the Board's decision where it made one, else what screening found."""
    if row.get("decision") in OUTCOME_OF_DECISION:
        return OUTCOME_OF_DECISION[row["decision"]]
    found = OUTCOME_OF_STATUS.get(ProposalStatus(row["status"]), "pending")
    return found if found in ("ineligible", "withdrawn") else "pending"


def _regions_chart(w: Wording, proposals: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Figure I: the proposals by region and outcome."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for row in proposals:
        table[region_of(row["country_code"])][_outcome(row)] += row["count"]
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


# -- annexes --------------------------------------------------------------------------------


def _grants_annex(w: Wording, grants: list[dict[str, Any]], total: int) -> dict[str, Any]:
    """Annex I: the grants, by country and organization."""
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
    """Annex II: the reserve list."""
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
                code_label(w, RESERVE_STATUSES, r["status"]),
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
    """Annex III: the screening, criterion by criterion."""
    _ = w.gettext
    met: Counter[str] = Counter()
    unmet: Counter[str] = Counter()
    for c in checks:
        (met if c["passed"] else unmet)[c["criterion"]] += c["count"]
    order = list(criteria) + sorted((set(met) | set(unmet)) - set(criteria))
    rows = [
        [
            code_label(w, CRITERIA, code),
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


SPEC = DocumentSpec(kind=KIND, template=TEMPLATE, load=load, compose=compose, symbol=symbol)
