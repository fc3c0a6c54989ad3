"""The status of the fund on a day: its contributions by kind of donor and by year, its financial
position, the grants it has made and its Board of Trustees; annexes give the contributions by
kind, by year, the donors by name and the Board.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy.orm import Session

from ...auth.models import User
from ...books.support import WHOLE_BP, available_minor, support_costs_minor
from .. import charts, queries
from ..wording import Wording
from .common import (
    DONOR_KINDS,
    ROMAN,
    Body,
    administration,
    as_of_day,
    board_composition_sentence,
    board_table,
    by_kind,
    check_established,
    donors_of_kind,
    fund_name,
    header,
    history_sentences,
    illustrative_note,
    kinds_annex,
    received_since,
    stated_as_of,
)
from .spec import DocumentSpec, filename

KIND = "fund-status"
TEMPLATE = "report.html"

#: Donor kinds whose French noun is feminine (organisation, fondation).
FEMININE_KINDS = ("private_sector", "foundation", "intergovernmental")
KIND_COLOURS = {
    "member_state": "#1f5f8b",
    "private_sector": "#6fa8d6",
    "foundation": "#9cc5a1",
    "intergovernmental": "#e0a458",
    "individual": "#b7b7b7",
}


def load(
    session: Session, user: User | None, *, fund_id: int, as_of: dt.date | None = None
) -> dict[str, Any]:
    """The fund's contributions, position and Board on ``as_of`` (default: today)."""
    data = queries.fund_status_data(session, fund_id, as_of_day(as_of))
    check_established(data)
    return data


def symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/FS/2019/0331": one status a day, the day in its symbol."""
    return f"{data['fund']['short_name']}/FS/{data['as_of']:%Y/%m%d}"


def compose(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The status's words and figures: five chapters, a summary, footnotes and four annexes."""
    w = Wording(lang)
    _ = w.gettext
    fund, as_of = data["fund"], data["as_of"]
    donors, amounts, anonymous = by_kind(data["by_kind"])
    total = sum(amounts.values())
    body = Body(w)
    _introduction(body, w, data)
    received = _contributions(body, w, data, donors, amounts, anonymous)
    _position(body, w, data)
    _grants(body, w, data)
    if data["board"]:
        body.chapter(_("Board of Trustees"))
        body.para(board_composition_sentence(w, data["board"]))
    summary = " ".join(
        w.sentence(s)
        for s in (
            _("The present report gives the status of the Fund on %(date)s.", date=w.date(as_of)),
            received,
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
        footnotes.append(illustrative_note(w, reported=data["history"]["reported"]))
    return {
        "kind": KIND,
        "stated": stated_as_of(data, donors, amounts),
        "illustrative": data["illustrative"],
        "header": header(
            w,
            fund,
            symbol=symbol(data),
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
            kinds_annex(w, donors, amounts, total),
            _years_annex(w, data["by_year"]),
            _donors_annex(w, data["named_donors"], donors, anonymous),
            board_table(w, data["board"]),
        ],
        "filename": filename(symbol(data), lang),
    }


# -- the chapters ---------------------------------------------------------------------------


def _introduction(body: Body, w: Wording, data: dict[str, Any]) -> None:
    """I. The day, the period since the fund's creation, and who administers it."""
    _ = w.gettext
    fund, as_of = data["fund"], data["as_of"]
    body.chapter(_("Introduction"))
    body.para(
        _(
            "The present report gives the status of the %(fund)s on %(date)s.",
            fund=fund_name(w, fund),
            date=w.date(as_of),
        ),
        _(
            "It covers the period from the creation of the Fund, on %(start)s, to %(end)s.",
            start=w.date(fund["established_on"]),
            end=w.date(as_of),
        ),
    )
    body.para(administration(w, fund))


def _contributions(
    body: Body, w: Wording, data: dict[str, Any], donors: Counter[str], amounts: Counter[str], anonymous: int
) -> str | None:
    """II. The total and yearly average received, the donors by kind, Figure I; returns the
    sentence on the total (the summary repeats it)."""
    _ = w.gettext
    body.chapter(_("Contributions"))
    total = sum(amounts.values())
    if not total:
        body.para(_("The Fund had received no contribution by that date."))
        return None
    received = received_since(w, data, total)[0]
    body.para(received)
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
    return received


def _position(body: Body, w: Wording, data: dict[str, Any]) -> None:
    """III. Received, committed to grants and available, on the day."""
    _ = w.gettext
    body.chapter(_("Financial position"))
    received, committed = data["received_minor"], data["committed_minor"]
    rate = data["fund"]["programme_support_bp"]
    if rate:
        position = _(
            "On %(date)s, the Fund had received %(received)s in total, of which %(committed)s was committed "
            "to grants, %(support)s was set aside for their programme support costs (%(rate)s of what is "
            "committed) and %(available)s remained available for new grants.",
            date=w.date(data["as_of"]),
            received=w.money(received),
            committed=w.money(committed),
            support=w.money(support_costs_minor(committed, rate)),
            rate=w.percent(rate, WHOLE_BP),
            available=w.money(available_minor(received, committed, rate)),
        )
    else:
        position = _(
            "On %(date)s, the Fund had received %(received)s in total, of which %(committed)s was committed "
            "to grants and %(uncommitted)s remained available for new grants.",
            date=w.date(data["as_of"]),
            received=w.money(received),
            committed=w.money(committed),
            uncommitted=w.money(received - committed),
        )
    body.para(
        position,
        _("Grants are committed only against money received, never against pledges."),
    )


def _grants(body: Body, w: Wording, data: dict[str, Any]) -> None:
    """IV. The calls launched, the NGOs selected and the grants awarded since the creation."""
    _ = w.gettext
    body.chapter(_("Grants"))
    history = history_sentences(w, data["history"], data["fund"])
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
    amended = _amendment_sentences(w, data.get("amendments") or {})
    if amended:
        body.para(*amended)


def _amendment_sentences(w: Wording, amendments: dict[str, dict[str, int]]) -> list[str]:
    """The grants amended by the day: extensions at no cost, increases and reductions (the money
    they moved, from the books); nothing when none was."""
    out = []
    if "extension" in amendments:
        out.append(
            w.ngettext(
                "The fund manager extended the period of %(n)s grant at no cost.",
                "The fund manager extended the periods of %(n)s grants at no cost.",
                amendments["extension"]["count"],
            )
        )
    if "increase" in amendments:
        out.append(
            w.ngettext(
                "The fund manager approved %(n)s increase of a grant, of %(amount)s.",
                "The fund manager approved %(n)s increases of grants, totalling %(amount)s.",
                amendments["increase"]["count"],
                amount=w.money(amendments["increase"]["moved_minor"]),
            )
        )
    if "decrease" in amendments:
        out.append(
            w.ngettext(
                "The fund manager approved %(n)s reduction of a grant, releasing %(amount)s.",
                "The fund manager approved %(n)s reductions of grants, releasing %(amount)s in total.",
                amendments["decrease"]["count"],
                amount=w.money(amendments["decrease"]["moved_minor"]),
            )
        )
    return out


# -- donors, figures, annexes ---------------------------------------------------------------


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
        parts.append(donors_of_kind(w, kind, count, shown))
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


def _years_chart(w: Wording, by_year: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Figure I: contributions received, by year and kind of donor."""
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


def _years_annex(w: Wording, by_year: list[dict[str, Any]]) -> dict[str, Any]:
    """Annex II: contributions received, by year and kind of donor."""
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
    """Annex III: the donors by kind, named (never individuals, nor those who asked not to be)."""
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


SPEC = DocumentSpec(kind=KIND, template=TEMPLATE, load=load, compose=compose, symbol=symbol)
