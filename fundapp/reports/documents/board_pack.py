"""The Board's pack for a session (restricted): a cover with the session's facts, the slate as
recorded and the Board, then one page per eligible proposal (its facts, its screening, the
Board's recommendation).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ...auth.models import User
from ...books.support import WHOLE_BP
from .. import queries
from ..wording import N_, Wording
from .common import (
    ASSISTANCE,
    CRITERIA,
    board_table,
    chair_and_others,
    chair_title,
    code_label,
    header,
    illustrative_note,
)
from .spec import DocumentSpec, filename

KIND = "board-pack"
TEMPLATE = "board_pack.html"

TARGET_GROUPS = {"women": N_("women"), "girls": N_("girls"), "men": N_("men"), "boys": N_("boys")}
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


def load(session: Session, user: User | None, *, session_id: int) -> dict[str, Any]:
    """The figures of a Board session: the call, its eligible proposals, the slate."""
    return queries.board_pack_data(session, session_id)


def symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/BP/2017/3": fund, the session's year and its number."""
    return f"{data['fund']['short_name']}/BP/{data['session']['held_on'].year}/{data['session']['id']}"


def compose(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The pack's cover (facts, slate, Board) and its pages, one per proposal."""
    w = Wording(lang)
    _ = w.gettext
    session, call = data["session"], data["call"]
    slate = {row["decision"]: row for row in data["slate"]}
    return {
        "kind": KIND,
        "header": header(
            w,
            data["fund"],
            symbol=symbol(data),
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
        "facts": _cover_facts(w, data, slate),
        "slate": {
            "caption": _("The Board's slate as recorded"),
            "widths": [40, 25, 35],
            "columns": [_("Decision"), _("Proposals"), _("Amount (United States dollars)")],
            "numeric": [1, 2],
            "rows": _slate_rows(w, slate),
            "empty": _("No recommendation recorded yet."),
        },
        "board": board_table(w, data["board"]),
        "part": None,
        "proposal_count": len(data["proposals"]),
        "pages": [{**_proposal_page(w, p), "number": n} for n, p in enumerate(data["proposals"], start=1)],
        "footnotes": [
            _("Confidential: for the members of the Board of Trustees. Amounts are in United States dollars.")
        ]
        + ([illustrative_note(w)] if data["illustrative"] else []),
        "stated": {
            "date": session["held_on"],
            "board_members": len(data["board"]["members"]) if data["board"] else 0,
        },
        "illustrative": data["illustrative"],
        "filename": filename(symbol(data), lang),
    }


def _cover_facts(w: Wording, data: dict[str, Any], slate: dict[str, Any]) -> list[tuple[str, str]]:
    """The session, the call, the proposals, the money available, the Board, and what the
    recommended grants would leave."""
    _ = w.gettext
    session, call = data["session"], data["call"]
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
    ]
    if call["budget_minor"] is not None:
        facts.append((_("Budget of the call"), w.money(call["budget_minor"])))
    facts.append((_("Money available for grants"), w.money(session["available_minor"])))
    rate = data["fund"]["programme_support_bp"]
    if rate:
        facts.append(
            (
                _("Programme support costs"),
                _("%(rate)s of each grant, set aside in addition to it", rate=w.percent(rate, WHOLE_BP)),
            )
        )
    if data["board"]:
        chair, others = chair_and_others(data["board"])
        names = [f"{chair['name']} ({chair_title(w, chair)})"] if chair else []
        names += [o["name"] for o in others]
        facts.append((_("Board of Trustees, %(term)s", term=data["board"]["label"]), w.join(names)))
    if slate:
        funded = slate.get("fund", {"count": 0, "amount_minor": 0})
        balance = session["available_minor"] - funded["amount_minor"]
        facts.append(
            (
                _("Available after the recommended grants"),
                w.money(balance) if balance >= 0 else _("short by %(amount)s", amount=w.money(-balance)),
            )
        )
    return facts


def _slate_rows(w: Wording, slate: dict[str, Any]) -> list[list[str]]:
    """The Board's decisions as recorded: how many proposals, for how much."""
    return [
        [
            code_label(w, DECISIONS, decision),
            w.number(slate[decision]["count"]),
            w.amount(slate[decision]["amount_minor"]) if decision == "fund" else "—",
        ]
        for decision in ("fund", "reserve", "decline")
        if decision in slate
    ]


def _proposal_page(w: Wording, p: dict[str, Any]) -> dict[str, Any]:
    """A proposal's page: its organization and project, its screening, the Board's recommendation."""
    _ = w.gettext
    org = p["organisation"]
    rec = p["recommendation"]
    return {
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
                w.join(code_label(w, TARGET_GROUPS, c) for c in p["target_groups"]) or "—",
            ),
            (_("Assistance"), w.join(code_label(w, ASSISTANCE, c) for c in p["assistance"]) or "—"),
        ],
        "checks": [
            [
                code_label(w, CRITERIA, c["criterion"]),
                _("met") if c["passed"] else _("not met"),
                c["note"] or "",
            ]
            for c in p["checks"]
        ],
        "recommendation": None
        if rec is None
        else [
            (_("Decision"), code_label(w, DECISIONS, rec["decision"])),
            (_("Amount"), w.money(rec["amount_minor"]) if rec["amount_minor"] else "—"),
            (_("Rank"), str(rec["rank"]) if rec["rank"] is not None else "—"),
            (_("Status"), code_label(w, RECOMMENDATION_STATUSES, rec["status"])),
            (_("Rationale"), rec["rationale"]),
        ],
        "illustrative": p["illustrative"],
    }


#: Proposals' pages per part: enough that a part's fixed cost (a document set up, its fonts and
#: stylesheet) is small beside its pages, few enough that one changed recommendation lays out
#: a tenth of a large pack (bench/board_pack.py).
PROPOSALS_PER_PART = 8


def parts(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The pack as parts rendered on their own: the cover, then the proposals' pages, eight to a
    part. A part holds only what its pages print, so a changed slate or recommendation changes the
    cover and the part of that proposal, and no other."""
    cover = {**doc, "part": "cover", "pages": [], "expected_pages": 1}
    shared = {"kind": doc["kind"], "header": doc["header"], "proposal_count": doc["proposal_count"]}
    groups = [
        doc["pages"][i : i + PROPOSALS_PER_PART] for i in range(0, len(doc["pages"]), PROPOSALS_PER_PART)
    ]
    return [
        cover,
        *({**shared, "part": "proposals", "pages": group, "expected_pages": len(group)} for group in groups),
    ]


SPEC = DocumentSpec(kind=KIND, template=TEMPLATE, load=load, compose=compose, symbol=symbol, parts=parts)
