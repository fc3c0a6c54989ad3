"""The Board's pack for a session (restricted): a cover with the session's facts, the slate as
recorded and the Board, then one page per eligible proposal (its facts, its screening, the
Board's recommendation).
"""

from __future__ import annotations

from decimal import Decimal
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
    return queries.board_pack_data(session, session_id, user)


def symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/BP/2017/0310": the fund, then the day the session is held, as the status and the
    chapter carry the day they are as of: the same on every installation that holds the session
    (its row's id is not)."""
    return f"{data['fund']['short_name']}/BP/{data['session']['held_on']:%Y/%m%d}"


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
        "recusals": _recusals(w, data),
        "part": None,
        "proposal_count": len(data["proposals"]),
        "pages": [
            {**_proposal_page(w, p, data["reviews"]), "number": n}
            for n, p in enumerate(data["proposals"], start=1)
        ],
        "footnotes": [
            _("Confidential: for the members of the Board of Trustees. Amounts are in United States dollars.")
        ]
        + ([illustrative_note(w, reported=not data["call"]["illustrative"])] if data["illustrative"] else []),
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


def _recusals(w: Wording, data: dict[str, Any]) -> dict[str, Any]:
    """The members who declared a conflict of interest, proposal by proposal."""
    _ = w.gettext
    references = {str(p["id"]): p["reference"] for p in data["proposals"]}
    return {
        "caption": _("Declared conflicts of interest"),
        "widths": [30, 70],
        "columns": [_("Proposal"), _("Member of the Board (recused)")],
        "numeric": [],
        "rows": [
            [references.get(pid, pid), w.join(review["recused"])]
            for pid, review in data["reviews"]["proposals"].items()
            if review["recused"]
        ],
        "empty": _("No conflict of interest declared."),
    }


#: Why a reader is not shown a proposal's scores (``board.reviews``).
WITHHELD = {
    "recused": N_(
        "You declared a conflict of interest on this proposal: the members' scores are not shown to you."
    ),
    "not_reviewed": N_(
        "The members' scores on this proposal are shown to you once you have recorded your own review."
    ),
    "role": N_("The members' scores are for the Board of Trustees and the secretariat."),
}


def _withheld(reader: dict[str, Any], proposal_id: int) -> str | None:
    """Why this pack's reader does not see the proposal's scores, or None."""
    if reader["sees"] == "all":
        return None
    if reader["sees"] == "none":
        return str(reader["reason"])
    if proposal_id in reader["recused"]:
        return "recused"
    return None if proposal_id in reader["reviewed"] else "not_reviewed"


def _review_section(w: Wording, reviews: dict[str, Any], proposal_id: int) -> dict[str, Any]:
    """The members' reviews of a proposal: the mean score on each criterion, the weighted total and
    the number of reviews, the recusals; the scores left out where the reader may not see them."""
    _ = w.gettext
    review = reviews["proposals"].get(str(proposal_id))
    recused = review["recused"] if review else []
    section: dict[str, Any] = {
        "recused": _(
            "Conflict of interest declared by %(names)s, who took no part in the review.",
            names=w.join(recused),
        )
        if recused
        else None,
        "withheld": None,
        "table": None,
        "total": None,
        "empty": _("No review recorded by the members."),
    }
    withheld = _withheld(reviews["reader"], proposal_id)
    if withheld is not None:
        section["withheld"] = _(WITHHELD[withheld])
        return section
    if not review or not review["reviews"]:
        return section
    means = {row["criterion_id"]: row["mean"] for row in review["scores"]}
    section["table"] = {
        "widths": [52, 16, 14, 18],
        "columns": [_("Criterion"), _("Scale"), _("Weight"), _("Mean score")],
        "numeric": [1, 2, 3],
        "rows": [
            [
                w.own(c["name_en"], c["name_fr"]),
                f"{w.number(c['scale_min'])}\u2013{w.number(c['scale_max'])}",
                w.number(c["weight"]),
                w.number(Decimal(means[c["id"]])) if means.get(c["id"]) is not None else "—",
            ]
            for c in reviews["criteria"]
        ],
        "empty": "",
    }
    if review["weighted_total"] is not None:
        section["total"] = w.ngettext(
            "Weighted total: %(total)s out of %(out_of)s (%(n)s review).",
            "Weighted total: %(total)s out of %(out_of)s (%(n)s reviews).",
            review["reviews"],
            total=w.number(Decimal(review["weighted_total"])),
            out_of=w.number(review["out_of"]),
        )
    return section


def _proposal_page(w: Wording, p: dict[str, Any], reviews: dict[str, Any]) -> dict[str, Any]:
    """A proposal's page: its organization and project, its screening, the members' reviews, the
    Board's recommendation."""
    _ = w.gettext
    org = p["organisation"]
    rec = p["recommendation"]
    return {
        "review": _review_section(w, reviews, p["id"]),
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
