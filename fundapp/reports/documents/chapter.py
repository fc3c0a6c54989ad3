"""The Fund's chapter as of a day: the section on the fund of the Secretary-General's report
("Informations récentes sur le Fonds ...", fund-facts section 6.3), built from the data.

Its query (``chapter_data``), its wording chapter by chapter (``compose``), its symbol
and template. What it says, in the reports' order (2015 report par. 64-69; A/74/127 par.
122-124):

- who administers the fund, the resolution that created it, its mandate and the kinds of
  assistance it funds (the fund's ``mandate``), and the people its grantees assist each year
  (the final reports of the last cycle whose reports are all in);
- each grant cycle completed in the period the chapter covers (its projects, the money the
  books awarded them, the people assisted), the calls launched and their priorities, the NGOs
  selected, and a call whose Board has recommended grants still awaiting final approval
  (model A);
- the evaluations that ended in the period;
- the Board of Trustees in office (with countries and appointment when known: model D;
  else model C);
- contributions (the books): the total, the yearly average, the donors by kind and the
  private share. While individuals are few, the donors are Member States and "other private
  donors", a group counted as the reports count one ("plus de 30", 2015 report par. 69);
  once many individuals give, each kind is listed (A/74/127 par. 123). Campaigns of the
  period, with what the books received on them;
- the funding need: eligible projects waiting on a reserve list for more than the fund has
  left for them.

The period is the two years before the day (the reports on the fund are biennial), unless
``since`` says otherwise: what happened in it (cycles completed, evaluations, campaigns) is
reported; the totals are the fund's since its creation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from ...applicants.models import Organisation
from ...auth.models import User
from ...board.models import Approval, BoardSession, Decision, Recommendation
from ...books import queries as books
from ...books.support import available_minor, cost_of_commitment
from ...calls.models import Call, CallStatus
from ...contributions.models import Campaign, Donor
from ...errors import Unprocessable
from ...funds.models import Evaluation, Fund
from ...grants.models import Breakdown, Grant, GrantReport, PeopleCount, ReportKind, ReportNature
from ...proposals.models import Proposal
from ...services_base import get_or_404
from ..queries import REPORTED_BENEFICIARIES, board_term, fund_facts, fund_history
from ..wording import N_, Wording, lower_bound
from .common import (
    ASSISTANCE,
    Body,
    administrator,
    approval_to_come_sentence,
    as_of_day,
    board_table,
    board_with_countries_sentences,
    by_kind,
    check_established,
    donors_of_kind,
    fund_name,
    header,
    history_sentences,
    illustrative_note,
    kinds_annex,
    mandate_phrase,
    received_since,
    recommendation_sentence,
    stated_as_of,
)
from .spec import DocumentSpec, filename

KIND = "fund-chapter"
TEMPLATE = "report.html"
#: The reports on the fund are biennial: by default the chapter covers the two years before its day.
PERIOD_YEARS = 2
#: From this many people, a cycle "assisted thousands of children, women and men" (2015 report par. 65).
THOUSANDS = 2_000
#: From this many individual donors, the individuals are "many" and the donors are listed by kind.
MANY_INDIVIDUALS = 10
DAYS_A_YEAR = Decimal("365.25")
#: The groups a mandate puts first, as the French says them after "en particulier".
MANDATE_GROUPS = {
    "women": N_("women"),
    "children": N_("children"),
    "girls": N_("girls"),
    "boys": N_("boys"),
    "men": N_("men"),
}
#: The people a cycle assisted, in the order of the 2015 report ("d'enfants, de femmes et d'hommes").
PEOPLE_GROUPS = (("children", N_("children")), ("women", N_("women")), ("men", N_("men")))
#: What an evaluation assesses, as the 2015 report lists it (par. 67).
EVALUATION_CRITERIA = {
    "relevance": N_("relevance"),
    "effectiveness": N_("effectiveness"),
    "efficiency": N_("efficiency"),
    "sustainability": N_("sustainability"),
    "partnerships": N_("partnerships"),
    "lessons_learned": N_("lessons learned"),
}
PRIVATE_KINDS = ("private_sector", "foundation", "intergovernmental", "individual")


def symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/FC/2015/0608": one chapter a day, the day in its symbol."""
    return f"{data['fund']['short_name']}/FC/{data['as_of']:%Y/%m%d}"


# -- the query ------------------------------------------------------------------------------


def load(
    session: Session,
    user: User | None,
    *,
    fund_id: int,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
) -> dict[str, Any]:
    """The chapter's figures as of ``as_of`` (default: today), reporting what happened since
    ``since`` (default: two years before)."""
    as_of = as_of_day(as_of)
    if since is not None and since >= as_of:
        raise Unprocessable("since", "must be before as_of")
    data = chapter_data(session, fund_id, as_of, since)
    check_established(data)
    return data


def chapter_data(
    session: Session, fund_id: int, as_of: dt.date, since: dt.date | None = None
) -> dict[str, Any]:
    """Every figure of the chapter as of ``as_of``; money from the books, people from the
    grantees' final reports. A fixed number of statements, whatever the size of the history."""
    fund = get_or_404(session, Fund, fund_id, label="fund")
    if since is None:
        since = dt.date(
            as_of.year - PERIOD_YEARS, as_of.month, min(as_of.day, 28 if as_of.month == 2 else 31)
        )
    gave = books.donors_who_gave({"fund_id": fund_id, "as_of": as_of})
    by_kind = [
        {"kind": str(kind), "anonymous": anonymous, "donors": donors, "usd_minor": usd}
        for kind, anonymous, donors, usd in books.received_by_donor_kind(session, fund_id, as_of)
    ]
    campaign_money = {
        row.campaign_id: int(row.usd or 0)
        for row in session.execute(
            books.received_totals_statement(["campaign"], {"fund_id": fund_id, "as_of": as_of})
        )
        if row.campaign_id is not None
    }
    campaigns = [
        {
            "platform": c.platform,
            "starts_on": c.starts_on,
            "target_minor": c.target_minor,
            "raised_minor": campaign_money.get(c.id, 0),
        }
        for c in session.scalars(
            select(Campaign)
            .where(Campaign.fund_id == fund_id, Campaign.starts_on > since, Campaign.starts_on <= as_of)
            .order_by(Campaign.starts_on)
        )
    ]
    evaluations = [
        {
            "independent": e.independent,
            "subject": e.subject,
            "started_on": e.started_on,
            "ended_on": e.ended_on,
            "criteria": list(e.criteria or []),
            "findings_en": e.findings_en,
            "findings_fr": e.findings_fr,
        }
        for e in session.scalars(
            select(Evaluation)
            .where(Evaluation.fund_id == fund_id, Evaluation.ended_on > since, Evaluation.ended_on <= as_of)
            .order_by(Evaluation.ended_on)
        )
    ]
    illustrative_donors = session.scalar(
        select(func.count(Donor.id)).where(Donor.illustrative.is_(True), Donor.id.in_(gave))
    )
    return {
        "fund": {
            **fund_facts(fund),  # its mandate included
            "website": (fund.open_data or {}).get("website"),
        },
        "as_of": as_of,
        "since": since,
        "by_kind": by_kind,
        "received_minor": books.received_minor(session, fund_id, as_of),
        "first_received_on": books.first_received_on(session, fund_id, as_of),
        "committed_minor": books.committed_minor(session, fund_id, as_of),
        "calls": _calls(session, fund_id, as_of),
        "reserve": _waiting_on_reserve(session, fund_id, as_of),
        "people": _people(session, fund_id, as_of),
        "history": fund_history(session, fund_id, as_of=as_of),
        "campaigns": campaigns,
        "evaluations": evaluations,
        "board": board_term(session, fund_id, None, as_of),
        "illustrative": bool(illustrative_donors),
    }


def _calls(session: Session, fund_id: int, as_of: dt.date) -> list[dict[str, Any]]:
    """Each call launched by the day, as it stood that day: proposals, the Board's
    recommendations and the approvals made by then, its grants and the books' money for them."""
    calls = session.scalars(
        select(Call)
        .where(Call.fund_id == fund_id, Call.status != CallStatus.CANCELLED, Call.launched_on <= as_of)
        .order_by(Call.cycle_number, Call.launched_on)
    ).all()
    ids = [c.id for c in calls]
    next_day = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    received = {
        call_id: (count, countries)
        for call_id, count, countries in session.execute(
            select(Proposal.call_id, func.count(Proposal.id), func.count(distinct(Organisation.country_code)))
            .join(Organisation, Organisation.id == Proposal.organisation_id)
            .where(Proposal.call_id.in_(ids), Proposal.submitted_at < next_day)
            .group_by(Proposal.call_id)
        )
    }
    # the Board's recommendations made by the day, and whether the fund manager had decided on each by then
    decided_by_then = (
        select(Approval.recommendation_id).where(Approval.decided_at < next_day).scalar_subquery()
    )
    recommendations: dict[int, dict[str, Any]] = defaultdict(
        lambda: {
            "fund": 0,
            "fund_minor": 0,
            "pending_minor": 0,
            "reserve": 0,
            "decline": 0,
            "decided": 0,
            "expires": None,
        }
    )
    for call_id, decision, decided, count, amount, expires in session.execute(
        select(
            Proposal.call_id,
            Recommendation.decision,
            Recommendation.id.in_(decided_by_then),
            func.count(),
            func.sum(Recommendation.amount_minor),
            func.max(Recommendation.reserve_expires_on),
        )
        .join(Proposal, Proposal.id == Recommendation.proposal_id)
        .join(BoardSession, BoardSession.id == Recommendation.session_id)
        .where(Proposal.call_id.in_(ids), BoardSession.held_on <= as_of)
        .group_by(Proposal.call_id, Recommendation.decision, Recommendation.id.in_(decided_by_then))
    ):
        row = recommendations[call_id]
        row[str(decision)] += count
        if decision == Decision.FUND:
            row["fund_minor"] += int(amount or 0)
            if decided:
                row["decided"] += count
            else:
                row["pending_minor"] += int(amount or 0)
        if decision == Decision.RESERVE and expires is not None:
            row["expires"] = max(row["expires"] or expires, expires)
    grants = {
        call_id: {"grants": count, "ended": ended, "last_ended_on": last}
        for call_id, count, ended, last in session.execute(
            select(
                Grant.call_id,
                func.count(Grant.id),
                func.count(Grant.ended_on).filter(Grant.ended_on <= as_of),
                func.max(Grant.ended_on),
            )
            .where(Grant.call_id.in_(ids), Grant.approved_on <= as_of)
            .group_by(Grant.call_id)
        )
    }
    money = books.grant_money(session, fund_id=fund_id, as_of=as_of, by=Grant.call_id)["by"]
    out = []
    for call in calls:
        count, countries = received.get(call.id, (0, 0))
        made = grants.get(call.id, {"grants": 0, "ended": 0, "last_ended_on": None})
        out.append(
            {
                "id": call.id,
                "cycle_number": call.cycle_number,
                "launched_on": call.launched_on,
                "priorities": list(call.priorities or []),
                "priorities_fr": list(call.priorities_fr) if call.priorities_fr is not None else None,
                "max_duration_months": call.max_duration_months,
                "reserve_expires_on": call.reserve_expires_on,
                "received": count,
                "countries": countries,
                "recommendations": dict(recommendations[call.id]),
                "grants": made["grants"],
                # completed: every grant made had ended by the day
                "completed_on": made["last_ended_on"]
                if made["grants"] and made["ended"] == made["grants"]
                else None,
                "awarded_minor": money.get(call.id, {"awarded_minor": 0})["awarded_minor"],
            }
        )
    return out


def _waiting_on_reserve(session: Session, fund_id: int, as_of: dt.date) -> dict[str, int]:
    """The eligible projects on a reserve list still valid on the day, not yet funded by then, and
    what they asked for (their requests, not money of the books)."""
    funded_by_then = select(Grant.proposal_id).where(Grant.fund_id == fund_id, Grant.approved_on <= as_of)
    projects, requested = session.execute(
        select(func.count(Recommendation.id), func.sum(Proposal.requested_minor))
        .join(Proposal, Proposal.id == Recommendation.proposal_id)
        .join(BoardSession, BoardSession.id == Recommendation.session_id)
        .where(
            BoardSession.fund_id == fund_id,
            BoardSession.held_on <= as_of,
            Recommendation.decision == Decision.RESERVE,
            Recommendation.reserve_expires_on >= as_of,
            Proposal.id.not_in(funded_by_then),
        )
    ).one()
    return {"projects": int(projects or 0), "requested_minor": int(requested or 0)}


def _people(session: Session, fund_id: int, as_of: dt.date) -> dict[int, dict[str, Any]]:
    """People assisted, from the final narrative reports received by the day: per call, in all
    (each person once: the reports' own totals) and by sex and age group, and each grant's people
    a year over its own period."""
    final_reports = (
        Grant.fund_id == fund_id,
        Grant.approved_on <= as_of,
        GrantReport.kind == ReportKind.FINAL,
        GrantReport.nature == ReportNature.NARRATIVE,
        GrantReport.status.in_(REPORTED_BENEFICIARIES),
        GrantReport.received_on <= as_of,
        GrantReport.people_assisted.is_not(None),
    )
    calls: dict[int, dict[str, Any]] = defaultdict(
        lambda: {"people": 0, "children": 0, "women": 0, "men": 0, "reported": set(), "per_year": Decimal(0)}
    )
    for call_id, grant_id, starts_on, ends_on, people in session.execute(
        select(Grant.call_id, Grant.id, Grant.starts_on, Grant.ends_on, func.sum(GrantReport.people_assisted))
        .join(GrantReport, GrantReport.grant_id == Grant.id)
        .where(*final_reports)
        .group_by(Grant.call_id, Grant.id, Grant.starts_on, Grant.ends_on)
    ):
        people = int(people or 0)
        row = calls[call_id]
        row["people"] += people
        row["reported"].add(grant_id)
        years = Decimal((ends_on - starts_on).days + 1) / DAYS_A_YEAR
        row["per_year"] += Decimal(people) / years
    for call_id, category, people in session.execute(
        select(Grant.call_id, PeopleCount.category, func.sum(PeopleCount.people))
        .join(GrantReport, GrantReport.id == PeopleCount.report_id)
        .join(Grant, Grant.id == GrantReport.grant_id)
        .where(*final_reports, PeopleCount.breakdown == Breakdown.SEX_AND_AGE)
        .group_by(Grant.call_id, PeopleCount.category)
    ):
        sex, age = category.split("/")
        people = int(people or 0)
        row = calls[call_id]
        if str(age) == "child":
            row["children"] += people
        elif str(sex) == "female":
            row["women"] += people
        elif str(sex) == "male":
            row["men"] += people
    return {
        call_id: {
            **row,
            "reported": len(row["reported"]),
            "per_year": int(row["per_year"].to_integral_value()),
        }
        for call_id, row in calls.items()
    }


# -- the words ------------------------------------------------------------------------------


#: Words a shared beginning does not end on: each priority keeps its article ("les flux ...").
ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l’", "un", "une", "des"})


def _common_prefix(texts: list[str]) -> tuple[str, list[str]]:
    """ "assistance directe aux victimes dans" and what follows it in each text ("les situations de
    conflits armés", "les flux migratoires mixtes"): what the priorities share is said once."""
    words = [t.split() for t in texts]
    shared = 0
    while all(len(ws) > shared + 1 for ws in words) and len({ws[shared] for ws in words}) == 1:
        shared += 1
    while shared and words[0][shared - 1].lower() in ARTICLES:
        shared -= 1
    return " ".join(words[0][:shared]), [" ".join(ws[shared:]) for ws in words]


def _priorities(w: Wording, call: dict[str, Any]) -> str | None:
    french = (
        call["priorities_fr"]
        if call["priorities_fr"] and len(call["priorities_fr"]) == len(call["priorities"])
        else None
    )
    texts = french if w.lang == "fr" and french else [w.own(p, None) for p in call["priorities"]]
    if not texts:
        return None
    head, tails = _common_prefix(texts) if len(texts) > 1 else ("", texts)
    said = f"{head} {w.join(tails)}".strip() if head else w.join(tails)
    return w.gettext(
        "The %(ordinal)s call gave priority to projects of %(priorities)s.",
        ordinal=w.ordinal(call["cycle_number"]),
        priorities=said,
        of_priorities=w.of(said),
    )


def _duration(w: Wording, months: int) -> str:
    if months % 12 == 0:
        return w.ngettext("%(n)s-year", "%(n)s-year", months // 12)
    return w.ngettext("%(n)s-month", "%(n)s-month", months)


def _assisted(w: Wording, people: dict[str, Any] | None) -> str | None:
    """ "à des milliers d'enfants, de femmes et d'hommes" / "thousands of children, women and men"."""
    if not people or not people["people"]:
        return None
    if people["people"] >= THOUSANDS:
        groups = [w.term(label) for key, label in PEOPLE_GROUPS if people[key]]
        if groups:
            return w.gettext(
                "thousands of %(groups)s", groups=w.join(groups), of_groups=w.join(w.of(g) for g in groups)
            )
    return w.gettext("%(people)s people", people=w.people_about(people["people"]))


def _completed_cycle(
    w: Wording, fund: dict[str, Any], call: dict[str, Any], people: dict | None
) -> list[str]:
    """Model of par. 65: "Le Fonds a achevé son premier cycle d'octroi de subventions de trois ans
    en décembre 2014. Au total, 11 projets ... à hauteur de quelque 750 000 dollars ..."."""
    _ = w.gettext
    duration = _duration(w, call["max_duration_months"])
    out = [
        _(
            "The Fund completed its %(ordinal)s %(duration)s grant cycle in %(month)s.",
            ordinal=w.ordinal(call["cycle_number"]),
            duration=duration,
            month=w.month_year(call["completed_on"]),
        )
    ]
    amount = w.money_about(call["awarded_minor"])
    assisted = _assisted(w, people)
    if assisted:
        out.append(
            w.ngettext(
                "In total, %(n)s project of a civil society organization specialized in assisting victims "
                "received a grant of %(amount)s to assist %(assisted)s around the world.",
                "In total, %(n)s projects of civil society organizations specialized in assisting victims "
                "received grants totalling %(amount)s to assist %(assisted)s around the world.",
                call["grants"],
                amount=amount,
                of_amount=w.of(amount),
                assisted=assisted,
            )
        )
    else:
        out.append(
            w.ngettext(
                "In total, %(n)s project of a civil society organization specialized in assisting victims "
                "received a grant of %(amount)s.",
                "In total, %(n)s projects of civil society organizations specialized in assisting victims "
                "received grants totalling %(amount)s.",
                call["grants"],
                amount=amount,
                of_amount=w.of(amount),
            )
        )
    return out


def _call_under_way(w: Wording, fund: dict[str, Any], call: dict[str, Any]) -> list[str]:
    """Model A (par. 66): the call, the proposals, the Board's recommendations, final approval to come."""
    _ = w.gettext
    recs = call["recommendations"]
    out = [
        _(
            "The call for proposals for the %(ordinal)s grant cycle was launched in %(year)s.",
            ordinal=w.ordinal(call["cycle_number"]),
            year=call["launched_on"].year,
        ),
        w.ngettext(
            "In total, %(n)s proposal was received from %(countries)s.",
            "In total, %(n)s proposals were received from %(countries)s.",
            call["received"],
            countries=w.ngettext("%(n)s country", "%(n)s countries", call["countries"]),
        ),
    ]
    eligible = recs["fund"] + recs["reserve"] + recs["decline"]
    out.append(
        recommendation_sentence(
            w,
            [],
            {"count": recs["fund"], "amount_minor": recs["fund_minor"]},
            recs["reserve"],
            recs["decline"],
            eligible,
            recs["expires"] or call["reserve_expires_on"],
        )
    )
    out.append(approval_to_come_sentence(w, fund))
    return out


def _evaluation(w: Wording, evaluation: dict[str, Any]) -> list[str]:
    """Model of par. 67: when, against what, and what it found."""
    _ = w.gettext
    start, end = evaluation["started_on"], evaluation["ended_on"]
    half_year = start.year == end.year and (start.month, start.day, end.month, end.day) in (
        (1, 1, 6, 30),
        (7, 1, 12, 31),
    )
    if half_year:
        when = (
            _("in the first half of %(year)s", year=start.year)
            if start.month == 1
            else _("in the second half of %(year)s", year=start.year)
        )
    else:
        when = _("from %(start)s to %(end)s", start=w.date(start), end=w.date(end))
    if evaluation["subject"] == "management":
        what = (
            _("An independent evaluation of the management of the Fund was carried out %(when)s.", when=when)
            if evaluation["independent"]
            else _("An evaluation of the management of the Fund was carried out %(when)s.", when=when)
        )
    else:
        what = _("An evaluation of the Fund was carried out %(when)s.", when=when)
    out = [what]
    if evaluation["criteria"]:
        criteria = [
            w.term(EVALUATION_CRITERIA[c]) if c in EVALUATION_CRITERIA else c.replace("_", " ")
            for c in evaluation["criteria"]
        ]
        out.append(
            _(
                "The evaluators assessed the progress made since the creation of the Fund in the following "
                "areas: %(criteria)s.",
                criteria=w.join(criteria),
            )
        )
    if evaluation["findings_en"] or evaluation["findings_fr"]:
        out.append(
            _(
                "The evaluation concluded that %(findings)s.",
                findings=w.own(evaluation["findings_en"], evaluation["findings_fr"]),
            )
        )
    return out


def _contributions(
    w: Wording, data: dict[str, Any], donors: Counter[str], amounts: Counter[str]
) -> list[str]:
    """Model B (par. 69) while individuals are few; the A/74/127 par. 123 form once they are many."""
    _ = w.gettext
    total = sum(amounts.values())
    if not total:
        return [_("The Fund had received no contribution by that date.")]
    as_of = data["as_of"]
    with_total, average_alone = received_since(w, data, total)
    amount = w.money_about(total)
    private = sum(amounts[k] for k in PRIVATE_KINDS)
    share = w.share(private, total) if private else None
    if donors["individual"] < MANY_INDIVIDUALS:
        out = [with_total]
        states = donors["member_state"]
        others = sum(donors[k] for k in PRIVATE_KINDS)
        figure, more = lower_bound(others)
        others_words = (
            w.ngettext(
                "more than %(count)s other private-sector donor",
                "more than %(count)s other private-sector donors",
                others,
                count=w.number(figure),
            )
            if more
            else w.ngettext("%(n)s other private-sector donor", "%(n)s other private-sector donors", others)
        )
        states_words = w.ngettext("%(n)s Member State", "%(n)s Member States", states, n=w.number(states))
        if states and others and share:
            out.append(
                _(
                    "%(states)s and %(others)s, whose contributions represent %(share)s of the funds "
                    "received, have contributed to the Fund.",
                    states=states_words,
                    others=others_words,
                    share=share,
                )
            )
        elif states or others:
            out.append(
                _(
                    "%(donors)s have contributed to the Fund.",
                    donors=w.join(([states_words] if states else []) + ([others_words] if others else [])),
                )
            )
        return out
    listed = []
    for kind, _label in (
        ("member_state", ""),
        ("private_sector", ""),
        ("foundation", ""),
        ("intergovernmental", ""),
    ):
        if donors[kind]:
            words = w.count_words(donors[kind], "")
            shown = words["n_f" if kind != "member_state" else "n"]
            listed.append(donors_of_kind(w, kind, donors[kind], shown))
    listed.append(_("many individuals"))
    out = [
        _(
            "In %(month)s, the Fund had received contributions totalling %(amount)s from a wide range of "
            "donors, including %(donors)s.",
            month=w.month_year(as_of),
            amount=amount,
            of_amount=w.of(amount),
            donors=w.join(listed),
        ),
        average_alone,
    ]
    if share:
        out.append(
            _("Contributions from private donors represent %(share)s of the funds received.", share=share)
        )
    return out


def _campaign(w: Wording, fund: dict[str, Any], campaign: dict[str, Any]) -> str | None:
    """A/74/127 par. 129: "l'ONUDC a organisé une campagne de collecte de fonds, via la plateforme
    Charidy, qui a ... permis de recueillir 50 000 dollars pour le fonds"."""
    raised = campaign["raised_minor"]
    if not raised:
        return None
    values = {
        "month": w.month_year(campaign["starts_on"]),
        "administrator": administrator(w, fund, capital=False),
        "platform": campaign["platform"] or "",
        "amount": w.money_about(raised),
    }
    reached = campaign["target_minor"] is not None and raised >= campaign["target_minor"]
    if campaign["platform"]:
        if reached:
            return w.gettext(
                "In %(month)s, %(administrator)s ran an online fundraising campaign on the %(platform)s "
                "platform, which reached its initial target and raised %(amount)s for the Fund.",
                **values,
            )
        return w.gettext(
            "In %(month)s, %(administrator)s ran an online fundraising campaign on the %(platform)s "
            "platform, which raised %(amount)s for the Fund.",
            **values,
        )
    return w.gettext(
        "In %(month)s, %(administrator)s ran a fundraising campaign, which raised %(amount)s for the Fund.",
        **values,
    )


def _funding_need(w: Wording, data: dict[str, Any]) -> list[str]:
    """Eligible projects on a reserve list still valid on the day, asking for more than the fund
    has left once the grants already recommended are committed: contributions fall short of the
    need (2015 report par. 69). Said only when the books show it."""
    _ = w.gettext
    pending = sum(call["recommendations"]["pending_minor"] for call in data["calls"])
    # what is left once those grants and their programme support costs are committed: the
    # status document's "available for new grants", which the waiting projects' costs exceed
    rate = data["fund"]["programme_support_bp"]
    committed = data["committed_minor"] + pending
    left = available_minor(data["received_minor"], committed, rate)
    waiting = data["reserve"]
    if not waiting["projects"] or cost_of_commitment(committed, waiting["requested_minor"], rate) <= left:
        return []
    return [
        w.ngettext(
            "On %(date)s, %(n)s eligible project was on a reserve list awaiting new funds; once the grants "
            "already recommended are committed, %(left)s remains for it.",
            "On %(date)s, %(n)s eligible projects were on a reserve list awaiting new funds; once the grants "
            "already recommended are committed, %(left)s remains for them.",
            waiting["projects"],
            date=w.date(data["as_of"]),
            left=w.money(max(left, 0)),
        ),
        _(
            "The level of contributions received is still below the level needed to provide assistance with "
            "real impact, which was the objective when the Fund was created."
        ),
    ]


def compose(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The chapter's words: mandate, calls and grants, evaluation, Board, contributions; a
    summary, footnotes and two annexes (contributions by kind, the Board)."""
    w = Wording(lang)
    _ = w.gettext
    fund, as_of = data["fund"], data["as_of"]
    donors, amounts, _anonymous = by_kind(data["by_kind"])
    total = sum(amounts.values())
    body = Body(w)
    _mandate(body, w, data)
    _calls_and_grants(body, w, data)
    if data["evaluations"]:
        body.chapter(_("Evaluation"))
        for evaluation in data["evaluations"]:
            body.para(*_evaluation(w, evaluation))
    if data["board"]:
        body.chapter(_("Board of Trustees"))
        body.para(*board_with_countries_sentences(w, data["board"], data["fund"]))
    body.chapter(_("Contributions"))
    contributions = _contributions(w, data, donors, amounts)
    body.para(*contributions)
    body.para(*[c for c in (_campaign(w, fund, c) for c in data["campaigns"]) if c])
    body.para(*_funding_need(w, data))
    summary = " ".join(
        w.sentence(s)
        for s in (
            _(
                "The present document gives an update on the status and activities of the Fund on %(date)s.",
                date=w.date(as_of),
            ),
            contributions[0],
        )
        if s
    )
    return {
        "kind": KIND,
        "stated": stated_as_of(data, donors, amounts),
        "illustrative": data["illustrative"],
        "header": header(
            w,
            fund,
            symbol=symbol(data),
            day=as_of,
            session_lines=[_("The Fund's chapter"), _("As at %(date)s", date=w.date(as_of))],
            title=_("Update on the %(fund)s", fund=fund_name(w, fund)),
            subtitle=None,
            author=_("Report of the secretariat"),
        ),
        "summary": summary,
        "footnotes": _footnotes(w, data),
        "chapters": body.chapters,
        "annexes": [kinds_annex(w, donors, amounts, total), board_table(w, data["board"])],
        "filename": filename(symbol(data), lang),
    }


def _footnotes(w: Wording, data: dict[str, Any]) -> list[str]:
    """Where the figures come from, the fund's website, and the illustrative-records note."""
    _ = w.gettext
    out = [
        _(
            "Prepared from the data recorded in the Fund's grant management system on %(date)s. "
            "Amounts are in United States dollars, at the rate of the day each contribution was "
            "received.",
            date=w.date(data["as_of"]),
        )
    ]
    if data["fund"]["website"]:
        out.append(
            _("Further information on the Fund is available at %(website)s.", website=data["fund"]["website"])
        )
    if data["illustrative"]:
        out.append(illustrative_note(w, reported=data["history"]["reported"]))
    return out


def _mandate(body: Body, w: Wording, data: dict[str, Any]) -> None:
    """I. Who administers the fund and under which resolution, its mandate, the kinds of
    assistance it funds and the people assisted each year."""
    _ = w.gettext
    fund = data["fund"]
    facts = fund["mandate"] or {}
    body.chapter(_("Mandate of the Fund"))
    if facts.get("resolution") and (facts.get("instrument_en") or facts.get("instrument_fr")):
        body.para(
            _(
                "%(administrator)s continued to administer the %(fund)s, established by the General Assembly "
                "in its resolution %(resolution)s of %(date)s under the %(instrument)s, and to encourage "
                "Member States and other stakeholders to contribute to it.",
                administrator=administrator(w, fund),
                fund=fund_name(w, fund),
                resolution=facts["resolution"],
                date=w.date(fund["established_on"]),
                instrument=w.own(facts.get("instrument_en"), facts.get("instrument_fr")),
            )
        )
    elif facts.get("resolution"):
        body.para(
            _(
                "%(administrator)s continued to administer the %(fund)s, established by the General Assembly "
                "in its resolution %(resolution)s of %(date)s, and to encourage Member States and other "
                "stakeholders to contribute to it.",
                administrator=administrator(w, fund),
                fund=fund_name(w, fund),
                resolution=facts["resolution"],
                date=w.date(fund["established_on"]),
            )
        )
    else:
        body.para(
            _(
                "%(administrator)s continued to administer the %(fund)s and to encourage Member States and "
                "other stakeholders to contribute to it.",
                administrator=administrator(w, fund),
                fund=fund_name(w, fund),
            )
        )
    body.para(*_mandate_sentences(w, data))


def _mandate_sentences(w: Wording, data: dict[str, Any]) -> list[str]:
    """The groups the mandate puts first, the kinds of assistance, the people assisted a year
    (the last cycle whose final reports are all in)."""
    _ = w.gettext
    facts = data["fund"]["mandate"] or {}
    out = []
    groups = [
        w.pgettext("mandate", MANDATE_GROUPS[g]) for g in facts.get("groups", ()) if g in MANDATE_GROUPS
    ]
    cause = mandate_phrase(w, data["fund"], "cause")
    if groups and cause:
        out.append(
            _(
                "The Fund's mandate emphasizes direct assistance to victims, in particular %(groups)s, as an "
                "integral part of the global fight against %(cause)s.",
                groups=w.join(groups),
                cause=cause,
            )
        )
    elif groups:
        out.append(
            _(
                "The Fund's mandate emphasizes direct assistance to victims, in particular %(groups)s.",
                groups=w.join(groups),
            )
        )
    kinds = [w.term(ASSISTANCE[k]) for k in facts.get("assistance", ()) if k in ASSISTANCE]
    if kinds:
        out.append(
            _(
                "Through the non-governmental organizations working with it, the Fund supports activities "
                "and services for victims: %(kinds)s.",
                kinds=w.join(kinds),
            )
        )
    reported = [
        data["people"][call["id"]]
        for call in data["calls"]
        if call["grants"] and data["people"].get(call["id"], {}).get("reported") == call["grants"]
    ]
    if reported:
        out.append(
            _(
                "Every year, %(people)s people benefit directly from the support of the Fund's partner NGOs.",
                people=w.people_about(reported[-1]["per_year"]),
            )
        )
    return out


def _calls_and_grants(body: Body, w: Wording, data: dict[str, Any]) -> None:
    """II. The cycles completed in the period, the calls and the NGOs selected, the calls'
    priorities, and each call whose recommended grants await final approval."""
    _ = w.gettext
    fund = data["fund"]
    body.chapter(_("Calls for proposals and grants"))
    for call in data["calls"]:
        if call["completed_on"] and data["since"] < call["completed_on"] <= data["as_of"]:
            body.para(*_completed_cycle(w, fund, call, data["people"].get(call["id"])))
    history = history_sentences(w, data["history"], data["fund"])
    history += [p for p in (_priorities(w, call) for call in data["calls"]) if p]
    body.para(*history)
    for call in data["calls"]:
        recs = call["recommendations"]
        if recs["fund"] > recs["decided"]:
            body.para(*_call_under_way(w, fund, call))


SPEC = DocumentSpec(kind=KIND, template=TEMPLATE, load=load, compose=compose, symbol=symbol)
