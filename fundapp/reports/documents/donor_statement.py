"""A donor's statement (restricted; the figures of ``GET /donors/{id}/statement``): its pledges
and payments in date order with what was received to date, the balances in each currency, and
what the Fund did in the period.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ...auth.models import User
from ...money import to_minor
from .. import queries
from ..wording import N_, Wording
from .common import Body, code_label, fund_name, header, illustrative_note
from .spec import DocumentSpec, filename

KIND = "donor-statement"
TEMPLATE = "statement.html"

STATEMENT_ENTRIES = {
    "pledge": N_("Pledge"),
    "pledge_change": N_("Pledge changed"),
    "pledge_cancellation": N_("Pledge cancelled"),
    "receipt": N_("Payment received"),
    "receipt_reversal": N_("Payment reversed"),
}
#: Countries named one by one up to this many; beyond, counted.
COUNTRIES_NAMED = 8


def load(
    session: Session,
    user: User | None,
    *,
    donor_id: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    fund_id: int | None = None,
) -> dict[str, Any]:
    """The JSON statement's figures (one fund's); another donor's is a 404."""
    return queries.donor_statement_data(session, user, donor_id, date_from, date_to, fund_id)


def symbol(data: dict[str, Any]) -> str:
    """ "UNVTF/DS/2019/12/20140101-20190331": a donor's statement of a period, made on a day."""
    start = f"{data['date_from']:%Y%m%d}-" if data.get("date_from") else ""
    period = f"{start}{data['made_on']:%Y%m%d}"
    return f"{data['funds'][0]['short_name']}/DS/{data['made_on']:%Y}/{data['donor']['id']}/{period}"


def compose(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The statement's two chapters (pledges and payments, with the account and the balances;
    the Fund's work in the period), its summary and footnotes."""
    w = Wording(lang)
    _ = w.gettext
    made_on, end = data["made_on"], data["date_to"] or data["made_on"]
    body = Body(w)
    period, balance = _pledges_and_payments(body, w, data)
    _fund_work(body, w, data["fund_activity"])
    summary = " ".join(
        w.sentence(s)
        for s in (
            _(
                "%(donor)s: pledges and payments %(period)s.",
                donor=data["donor"]["name"],
                period=period[:1].lower() + period[1:],
            ),
            balance[0] if balance else None,
        )
        if s
    )
    return {
        "kind": KIND,
        "header": header(
            w,
            data["funds"][0],
            symbol=symbol(data),
            day=made_on,
            restricted=True,
            session_lines=[_("Donor statement"), period],
            title=_("Statement of contributions"),
            subtitle=data["donor"]["name"],
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
        + ([illustrative_note(w, reported=data.get("reported", True))] if data.get("illustrative") else []),
        "stated": {"date": made_on, "as_of": end},
        "illustrative": bool(data.get("illustrative")),
        "chapters": body.chapters,
        "filename": filename(symbol(data), lang),
    }


# -- the chapters ---------------------------------------------------------------------------


def _pledges_and_payments(body: Body, w: Wording, data: dict[str, Any]) -> tuple[str, list[str]]:
    """I. What the statement lists, the period's activity, the balance at its end, the account
    and the balances by currency; returns the period's words and the balance's sentences (the
    header and the summary repeat them)."""
    _ = w.gettext
    entries = data["entries"]
    start = data["date_from"] or (entries[0]["date"] if entries else None)
    end = data["date_to"] or data["made_on"]
    period = (
        _("From %(start)s to %(end)s", start=w.date(start), end=w.date(end))
        if start
        else _("Up to %(end)s", end=w.date(end))
    )
    fund_names = w.join(fund_name(w, f) for f in data["funds"])
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
    body.para(*_activity_sentences(w, data))
    balance = _balance_sentences(w, data["closing"])
    body.para(*balance)
    body.table(_account_table(w, data))
    body.table(_balances_table(w, data["closing"]))
    return period, balance


def _activity_sentences(w: Wording, data: dict[str, Any]) -> list[str]:
    """Pledges and payments recorded in the period, corrections, and what was pledged before."""
    _ = w.gettext
    entries = data["entries"]
    pledges = sum(1 for e in entries if e["type"] == "pledge")
    payments = sum(1 for e in entries if e["type"] == "receipt")
    corrections = len(entries) - pledges - payments
    out = []
    if entries:
        out.append(
            _(
                "In the period, %(pledges)s and %(payments)s were recorded.",
                pledges=w.ngettext("%(n)s pledge", "%(n)s pledges", pledges),
                payments=w.ngettext("%(n)s payment", "%(n)s payments", payments),
            )
        )
    else:
        out.append(_("No pledge or payment is recorded in the period."))
    if corrections:
        out.append(
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
        out.append(
            _(
                "Before the period, the donor had pledged %(pledged)s, of which %(received)s had been "
                "received.",
                pledged=opening_pledged,
                received=opening_received,
            )
            if opening_received
            else _("Before the period, the donor had pledged %(pledged)s.", pledged=opening_pledged)
        )
    return out


def _balance_sentences(w: Wording, closing: dict[str, Any]) -> list[str]:
    """What had been pledged and received at the end of the period, and what remained."""
    _ = w.gettext
    pledged_words, received_words = (
        _balance_words(w, closing, "pledged"),
        _balance_words(w, closing, "received"),
    )
    if not pledged_words:
        return []
    out = [
        _(
            "At the end of the period, the donor had pledged %(pledged)s in total; %(received)s had been "
            "received, worth %(usd)s at the rates of the days of receipt.",
            pledged=pledged_words,
            received=received_words,
            usd=w.money(_statement_minor(closing["received_usd"], "USD")),
        )
        if received_words
        else _(
            "At the end of the period, the donor had pledged %(pledged)s in total; nothing had been "
            "received yet.",
            pledged=pledged_words,
        )
    ]
    outstanding = _outstanding_words(w, closing)
    if outstanding:
        out.append(_("%(outstanding)s remained to be received.", outstanding=outstanding))
    return out


def _fund_work(body: Body, w: Wording, fund_activity: list[dict[str, Any]]) -> None:
    """II. For each fund the donor gave to: grants approved, countries reached, people assisted."""
    _ = w.gettext
    body.chapter(_("The Fund's work in the period"))
    for activity_row in fund_activity:
        sentences = []
        if len(fund_activity) > 1:
            sentences.append(f"{activity_row['fund_name']}.")
        sentences += _fund_work_sentences(w, activity_row)
        body.para(*sentences)
    if not fund_activity:
        body.para(_("The donor has no contribution to a fund yet."))


def _fund_work_sentences(w: Wording, activity_row: dict[str, Any]) -> list[str]:
    """One fund's grants approved in the period, the countries they run in, the people assisted."""
    _ = w.gettext
    sentences = []
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
    return sentences


# -- amounts and tables ---------------------------------------------------------------------


def _statement_minor(amount: str | None, currency: str) -> int:
    """A statement's amount (a decimal string, or None) in minor units."""
    return to_minor(Decimal(amount), currency) if amount is not None else 0


def _balance_words(w: Wording, balance: dict[str, Any], key: str) -> str:
    """ "1 000,00 EUR et 500 dollars": a balance's amounts in each currency, joined."""
    return w.join(
        w.money_in(_statement_minor(row[key], row["currency"]), row["currency"])
        for row in balance["by_currency"]
        if _statement_minor(row[key], row["currency"])
    )


def _outstanding_words(w: Wording, balance: dict[str, Any]) -> str:
    """What remains to be received, in each currency, joined."""
    parts = []
    for row in balance["by_currency"]:
        left = _statement_minor(row["pledged"], row["currency"]) - _statement_minor(
            row["received"], row["currency"]
        )
        if left > 0:
            parts.append(w.money_in(left, row["currency"]))
    return w.join(parts)


def _account_table(w: Wording, data: dict[str, Any]) -> dict[str, Any]:
    """The statement of account: each entry, its USD value and what was received to date."""
    _ = w.gettext
    rows = []
    opening_usd = _statement_minor(data["opening"]["received_usd"], "USD")
    if data["opening"]["by_currency"]:
        rows.append([_("Brought forward"), "", "", "", "", "", w.amount(opening_usd)])
    period_usd = 0
    for e in data["entries"]:
        label = code_label(w, STATEMENT_ENTRIES, e["type"])
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
    """The balances at the end of the period, in each currency."""
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


SPEC = DocumentSpec(kind=KIND, template=TEMPLATE, load=load, compose=compose, symbol=symbol)
