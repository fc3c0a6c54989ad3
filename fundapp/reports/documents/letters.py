"""The fund's letters, in the form of a United Nations letter: the Board's decision to an
applicant (award, reserve list, decline) and the acknowledgement of a receipt to a donor.

Each is worded from the data, like the other documents, and laid out in ``letter.html``. The
outbox's sender makes the letter a message carries before its first attempt and keeps it as a
file of its record (``reports.letters``); staff can read any of them at its route first.

- ``DECISION_LETTER``: for a recommendation with the fund manager's final word: the award
  (amount, period, conditions before release, tranche schedule, reporting schedule, agreement
  number), the reserve list (until when), or the decline (the reason, framed neutrally);
- ``ACKNOWLEDGEMENT``: for a recorded receipt: what arrived, when, towards which pledge.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...applicants.models import Organisation
from ...auth.models import User
from ...board.models import Approval, ApprovalDecision, BoardSession, Recommendation, RecommendationStatus
from ...contributions.models import Contribution, Donor, Receipt
from ...db import utcnow
from ...errors import Conflict
from ...funds.models import Fund
from ...grants.models import Disbursement, DisbursementStatus, Grant, GrantCondition, GrantReport
from ...proposals.models import Proposal
from ...services_base import get_or_404
from .. import queries
from ..wording import N_, Wording
from .common import fund_name, mandate_phrase
from .spec import DocumentSpec

TEMPLATE = "letter.html"

#: A recommendation's final state -> the letter it gets; the others (pending, promoted,
#: expired) get none.
DECISIONS = {
    RecommendationStatus.APPROVED: "award",
    RecommendationStatus.ON_RESERVE: "reserve",
    RecommendationStatus.DECLINED: "decline",
    RecommendationStatus.REJECTED: "decline",
}
REPORT_KINDS = {
    ("interim", "narrative"): N_("Interim narrative report"),
    ("interim", "financial"): N_("Interim financial report"),
    ("final", "narrative"): N_("Final narrative report"),
    ("final", "financial"): N_("Final financial report"),
}
TRANCHE_STATUSES = {
    "planned": N_("planned"),
    "paid": N_("paid"),
    "cancelled": N_("cancelled"),
    "payment_cancelled": N_("payment cancelled"),
}


# -- the figures ----------------------------------------------------------------------------


def decision_data(session: Session, user: User | None, *, rec_id: int) -> dict[str, Any]:
    """What a decision letter says: the proposal and its applicant, the Board's session, the
    decision and, for an award, the grant with its conditions, tranches and reports."""
    rec = get_or_404(session, Recommendation, rec_id, label="recommendation")
    decision = DECISIONS.get(rec.status)
    if decision is None:
        raise Conflict(
            f"recommendation {rec.id} is {rec.status}: a letter is written once the decision is final "
            "(approved, rejected, on the reserve list or declined)"
        )
    proposal = session.get_one(Proposal, rec.proposal_id)
    organisation = session.get_one(Organisation, proposal.organisation_id)
    board_session = session.get_one(BoardSession, rec.session_id)
    data: dict[str, Any] = {
        "letter": decision,
        "recommendation_id": rec.id,
        "fund": queries.fund_facts(session.get_one(Fund, board_session.fund_id)),
        "applicant": {
            "name": organisation.name,
            "acronym": organisation.acronym,
            "country": organisation.country_code,
        },
        "proposal": {"id": proposal.id, "reference": proposal.reference, "title": proposal.title},
        "session": {"held_on": board_session.held_on, "place": board_session.place},
        "reason": None,
        "until": rec.reserve_expires_on,
        "grant": None,
    }
    if rec.status == RecommendationStatus.REJECTED:
        data["reason"] = session.scalar(
            select(Approval.reason)
            .where(Approval.recommendation_id == rec.id, Approval.decision == ApprovalDecision.REJECTED)
            .order_by(Approval.id.desc())
            .limit(1)
        )
    elif rec.status == RecommendationStatus.DECLINED:
        data["reason"] = rec.rationale
    if decision == "award":
        data["grant"] = _grant(session, proposal.id)
    data["made_on"] = (data["grant"] or {}).get("approved_on") or utcnow().date()
    return data


def _grant(session: Session, proposal_id: int) -> dict[str, Any]:
    grant = session.scalars(select(Grant).where(Grant.proposal_id == proposal_id)).one()
    conditions = session.scalars(
        select(GrantCondition).where(GrantCondition.grant_id == grant.id).order_by(GrantCondition.id)
    )
    tranches = session.scalars(
        select(Disbursement)
        .where(Disbursement.grant_id == grant.id, Disbursement.status != DisbursementStatus.CANCELLED)
        .order_by(Disbursement.tranche)
    )
    reports = session.scalars(
        select(GrantReport)
        .where(GrantReport.grant_id == grant.id)
        .order_by(GrantReport.due_on, GrantReport.id)
    )
    return {
        "id": grant.id,
        "agreement_number": grant.agreement_number,
        "amount_minor": grant.amount_minor,
        "currency": grant.currency,
        "approved_on": grant.approved_on,
        "starts_on": grant.starts_on,
        "ends_on": grant.ends_on,
        "conditions": [
            {"description": c.description, "description_fr": c.description_fr, "met_on": c.met_on}
            for c in conditions
        ],
        "tranches": [
            {
                "tranche": t.tranche,
                "planned_on": t.planned_on,
                "amount_minor": t.amount_minor,
                "status": str(t.status),
            }
            for t in tranches
        ],
        "reports": [{"kind": str(r.kind), "nature": str(r.nature), "due_on": r.due_on} for r in reports],
    }


def receipt_data(session: Session, user: User | None, *, receipt_id: int) -> dict[str, Any]:
    """What an acknowledgement says: the receipt, its pledge and its donor."""
    receipt = get_or_404(session, Receipt, receipt_id, label="receipt")
    contribution = session.get_one(Contribution, receipt.contribution_id)
    donor = session.get_one(Donor, contribution.donor_id)
    return {
        "letter": "acknowledgement",
        "receipt_id": receipt.id,
        "fund": queries.fund_facts(session.get_one(Fund, receipt.fund_id)),
        "donor": {"name": donor.name, "country": donor.country_code},
        "reference": contribution.reference,
        "received_on": receipt.received_on,
        "amount_minor": receipt.amount_minor,
        "currency": receipt.currency,
        "usd_minor": receipt.usd_minor,
        "status": str(receipt.status),
        "made_on": receipt.created_at.date(),
    }


# -- symbols ----------------------------------------------------------------------------------


def decision_symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/2026/007" (the award's agreement number) or "UNVTF/DL/2026/P-00012"."""
    if data["grant"]:
        return str(data["grant"]["agreement_number"])
    return f"{data['fund']['short_name']}/DL/{data['session']['held_on']:%Y}/{data['proposal']['reference']}"


def receipt_symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/AR/2026/41": the fund, the year the letter is made, the receipt."""
    return f"{data['fund']['short_name']}/AR/{data['made_on']:%Y}/{data['receipt_id']}"


# -- the words --------------------------------------------------------------------------------


def _letterhead(
    w: Wording, data: dict[str, Any], symbol: str, addressee: list[str], subject: str
) -> dict[str, Any]:
    _ = w.gettext
    return {
        "lang": w.lang,
        "symbol": symbol,
        "title": subject,
        "organisation": _("UNITED NATIONS"),
        "organisation_other": "NATIONS UNIES" if w.lang == "en" else "UNITED NATIONS",
        "office": w.term(data["fund"]["administrator"]),
        "fund": fund_name(w, data["fund"]),
        "reference": symbol,
        "date": w.date(data["made_on"]),
        "addressee": addressee,
        "subject": subject,
        "salutation": _("Dear Sir or Madam,"),
    }


def _session_words(w: Wording, data: dict[str, Any]) -> dict[str, str]:
    return {
        "board_fund": fund_name(w, data["fund"]),
        "place": w.term(data["session"]["place"] or ""),
        "held_on": w.date(data["session"]["held_on"]),
        "title": w.quote(data["proposal"]["title"]),
        "reference": data["proposal"]["reference"],
    }


def compose_decision(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The award, reserve-list or decline letter, as the decision requires."""
    w = Wording(lang)
    _ = w.gettext
    words = _session_words(w, data)
    applicant = data["applicant"]
    addressee = [applicant["name"], w.country(applicant["country"])]
    symbol = decision_symbol(data)
    blocks: list[dict[str, Any]] = []
    if data["letter"] == "award":
        grant = data["grant"]
        subject = _("Grant %(number)s: award of a grant", number=grant["agreement_number"])
        blocks += _award_blocks(w, words, grant)
    elif data["letter"] == "reserve":
        subject = _("Proposal %(reference)s: reserve list", reference=words["reference"])
        blocks.append(
            _para(
                _(
                    "I wish to inform you that the Board of Trustees of the %(board_fund)s, at its "
                    "session held in %(place)s on %(held_on)s, examined your proposal %(title)s "
                    "(%(reference)s) and placed it on its reserve list.",
                    **words,
                ),
                _(
                    "The reserve list remains valid until %(until)s. Should additional funds become "
                    "available before that date, proposals on the list may be funded; the secretariat "
                    "would then write to you. No action is needed from you at this stage.",
                    until=w.date(data["until"]),
                ),
            )
        )
    else:
        subject = _("Proposal %(reference)s: decision of the Board of Trustees", reference=words["reference"])
        blocks.append(
            _para(
                _(
                    "I wish to inform you that the Board of Trustees of the %(board_fund)s, at its "
                    "session held in %(place)s on %(held_on)s, examined your proposal %(title)s "
                    "(%(reference)s).",
                    **words,
                ),
                _("We regret that the Fund is not in a position to support it in this cycle."),
            )
        )
        if data["reason"]:
            blocks.append(_para(_("In reaching this decision, the following was taken into account:")))
            # the Board's own words, marked as English in a French letter (``Wording.own``)
            blocks.append({"type": "quote", "text": w.own(data["reason"], None)})
        blocks.append(_para(_thanks(w, data["fund"])))
    return _letter(w, data, symbol, addressee, subject, blocks, _("The Secretariat of the Board of Trustees"))


def _award_blocks(w: Wording, words: dict[str, str], grant: dict[str, Any]) -> list[dict[str, Any]]:
    _ = w.gettext
    amount = w.money_in(grant["amount_minor"], grant["currency"])
    blocks = [
        _para(
            _(
                "I have the pleasure to inform you that, on the recommendation of the Board of Trustees of "
                "the %(board_fund)s at its session held in %(place)s on %(held_on)s, a grant of "
                "%(amount)s has been awarded to your organization for the project %(title)s "
                "(%(reference)s).",
                amount=amount,
                **words,
            )
        ),
        {
            "type": "facts",
            "rows": [
                (_("Agreement number"), grant["agreement_number"]),
                (_("Grant amount"), amount),
                (
                    _("Project period"),
                    _(
                        "From %(start)s to %(end)s",
                        start=w.date(grant["starts_on"]),
                        end=w.date(grant["ends_on"]),
                    ),
                ),
                (_("Approved on"), w.date(grant["approved_on"])),
            ],
        },
        {"type": "heading", "text": _("Conditions before release of funds")},
    ]
    if grant["conditions"]:
        blocks.append(_para(_("No payment will be made before the following conditions are met:")))
        # the fund's own words: their French in a French letter, or the English marked as such
        items = [w.own(c["description"], c["description_fr"]) for c in grant["conditions"]]
        blocks.append({"type": "list", "items": items})
    else:
        blocks.append(_para(_("No condition has been set before the first payment.")))
    blocks.append({"type": "heading", "text": _("Schedule of payments")})
    if grant["tranches"]:
        blocks.append(
            {
                "type": "table",
                "table": {
                    "widths": [16, 34, 30, 20],
                    "columns": [_("Tranche"), _("Planned date"), _("Amount"), _("Status")],
                    "numeric": [2],
                    "rows": [
                        [
                            w.number(t["tranche"]),
                            w.date(t["planned_on"]),
                            w.money_in(t["amount_minor"], grant["currency"]),
                            w.term(TRANCHE_STATUSES.get(t["status"], t["status"])),
                        ]
                        for t in grant["tranches"]
                    ],
                    "empty": "",
                },
            }
        )
    else:
        blocks.append(_para(_("The schedule of payments will be set out in the grant agreement.")))
    blocks.append({"type": "heading", "text": _("Reporting schedule")})
    if grant["reports"]:
        blocks.append(
            {
                "type": "table",
                "table": {
                    "widths": [60, 40],
                    "columns": [_("Report"), _("Due on")],
                    "numeric": [],
                    "rows": [
                        [w.term(REPORT_KINDS[(r["kind"], r["nature"])]), w.date(r["due_on"])]
                        for r in grant["reports"]
                    ],
                    "empty": "",
                },
            }
        )
    else:
        blocks.append(_para(_("The reporting schedule will be set out in the grant agreement.")))
    blocks.append(
        _para(
            _(
                "Please quote the agreement number %(number)s in all correspondence about this grant.",
                number=grant["agreement_number"],
            )
        )
    )
    return blocks


def compose_acknowledgement(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The acknowledgement of a receipt, with gratitude."""
    w = Wording(lang)
    _ = w.gettext
    amount = w.money_in(data["amount_minor"], data["currency"])
    subject = _("Contribution %(reference)s: acknowledgement of receipt", reference=data["reference"])
    rows = [
        (_("Contribution"), data["reference"]),
        (_("Received on"), w.date(data["received_on"])),
        (_("Amount received"), amount),
    ]
    if data["currency"] != "USD":
        rows.append((_("Value in United States dollars"), w.money(data["usd_minor"])))
    blocks = [
        _para(
            _(
                "On behalf of the %(fund)s, I have the honour to acknowledge with gratitude the receipt on "
                "%(date)s of %(amount)s towards your contribution %(reference)s.",
                fund=fund_name(w, data["fund"]),
                date=w.date(data["received_on"]),
                amount=amount,
                reference=data["reference"],
            )
        ),
        {"type": "facts", "rows": rows},
        _para(_support(w, data["fund"])),
    ]
    return _letter(
        w,
        data,
        receipt_symbol(data),
        [data["donor"]["name"]],
        subject,
        blocks,
        _("The Secretariat of the %(fund)s", fund=fund_name(w, data["fund"])),
    )


#: Those a mandate puts first, as the object of "assisting" ("en particulier les femmes").
ASSISTED_GROUPS = {
    "women": N_("women"),
    "children": N_("children"),
    "girls": N_("girls"),
    "boys": N_("boys"),
    "men": N_("men"),
}


def _thanks(w: Wording, fund: dict[str, Any]) -> str:
    """The decline letter's thanks, for work with the victims the fund assists (its mandate's
    ``cause``: "victims of trafficking in persons"), and the encouragement to apply again."""
    cause = mandate_phrase(w, fund, "cause")
    if cause:
        return w.gettext(
            "We thank you for your work with victims of %(cause)s and encourage you to apply under future "
            "calls for proposals.",
            cause=cause,
            of_cause=w.of(cause),
        )
    return w.gettext(
        "We thank you for your work with victims and encourage you to apply under future calls for proposals."
    )


def _support(w: Wording, fund: dict[str, Any]) -> str:
    """What a donor's money does, in the fund's words: the victims of its ``cause``, in particular
    the ``groups`` its mandate puts first."""
    cause = mandate_phrase(w, fund, "cause")
    groups = [
        w.pgettext("assisted", ASSISTED_GROUPS[g])
        for g in (fund.get("mandate") or {}).get("groups", ())
        if g in ASSISTED_GROUPS
    ]
    if cause and groups:
        return w.gettext(
            "Your support allows the Fund to continue assisting victims of %(cause)s, in particular "
            "%(groups)s, through the organizations it funds.",
            cause=cause,
            of_cause=w.of(cause),
            groups=w.join(groups),
        )
    if cause:
        return w.gettext(
            "Your support allows the Fund to continue assisting victims of %(cause)s through the "
            "organizations it funds.",
            cause=cause,
            of_cause=w.of(cause),
        )
    return w.gettext(
        "Your support allows the Fund to continue assisting victims through the organizations it funds."
    )


def _para(*sentences: str) -> dict[str, Any]:
    return {"type": "para", "text": " ".join(s for s in sentences if s)}


def _letter(
    w: Wording,
    data: dict[str, Any],
    symbol: str,
    addressee: list[str],
    subject: str,
    blocks: list[dict[str, Any]],
    signature: str,
) -> dict[str, Any]:
    _ = w.gettext
    return {
        "kind": "letter",
        "header": _letterhead(w, data, symbol, [line for line in addressee if line], subject),
        "blocks": blocks,
        "closing": _("Yours sincerely,"),
        "signature": signature,
    }


DECISION_LETTER = DocumentSpec(
    kind="decision-letter",
    template=TEMPLATE,
    load=decision_data,
    compose=compose_decision,
    symbol=decision_symbol,
)
ACKNOWLEDGEMENT = DocumentSpec(
    kind="acknowledgement",
    template=TEMPLATE,
    load=receipt_data,
    compose=compose_acknowledgement,
    symbol=receipt_symbol,
)
