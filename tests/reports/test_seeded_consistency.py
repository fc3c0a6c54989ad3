"""Every document of the seeded fund, in French and in English, passes the checker
(``fundapp.reports.checks``): its figures agree with its text, its shares add up to 100, it is
dated neither after today nor after its as-of day, its counts are those of its date; and, read
back from the PDF, no page but the last is near empty and an illustrative record is announced
on the first page.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from sqlalchemy import func, select, text

from fundapp import models as m
from fundapp.board.models import BoardMember, BoardTerm
from fundapp.reports import queries
from fundapp.reports.checks import problems
from fundapp.reports.documents import board_pack, chapter, cycle_summary, fund_status

LANGS = ("fr", "en")
STATUS_DATES = (dt.date(2015, 6, 8), dt.date(2017, 10, 20), dt.date(2019, 3, 31), dt.date(2020, 12, 31))
#: The days of the two reports the Fund's chapter must reproduce, and one after the seeded history.
CHAPTER_DATES = (dt.date(2015, 6, 8), dt.date(2019, 3, 31), dt.date(2021, 6, 30))
#: The second, illustrative fund's: before and after its one cycle's grants, and a chapter after it.
SECOND_FUND_DATES = {
    "status": (dt.date(2018, 12, 31), dt.date(2020, 12, 31)),
    "chapter": (dt.date(2020, 12, 31),),
}
#: A page other than the last holds at least this many lines of text (running header included).
MIN_LINES = 12


def _calls_launched(session, fund_id: int, on: dt.date) -> int:
    return session.scalar(
        select(func.count(m.Call.id)).where(m.Call.fund_id == fund_id, m.Call.launched_on <= on)
    )


def _board_members(session, fund_id: int, on: dt.date) -> int:
    return session.scalar(
        select(func.count(BoardMember.id))
        .join(BoardTerm, BoardTerm.id == BoardMember.term_id)
        .where(BoardTerm.fund_id == fund_id, BoardTerm.starts_on <= on, BoardTerm.ends_on >= on)
    )


def _received_by_kind(session, fund_id: int, on: dt.date) -> tuple[dict[str, int], dict[str, int]]:
    """Donors who had given by the day (net of reversals by then) and what they gave, by kind of
    donor: plain SQL on the receipts, not the books' maintained sums the documents read."""
    reversed_on = (
        "CAST(r.reversed_at AT TIME ZONE 'UTC' AS DATE)"
        if session.get_bind().dialect.name == "postgresql"
        else "date(r.reversed_at)"
    )
    rows = session.execute(
        text(
            "SELECT d.kind, COUNT(*), SUM(gave.usd) FROM ("
            "  SELECT c.donor_id, SUM(r.usd_minor) AS usd FROM contribution_receipt r"
            "  JOIN contribution c ON c.id = r.contribution_id"
            "  WHERE r.fund_id = :f AND r.received_on <= :d"
            f"  AND NOT (r.status = 'reversed' AND {reversed_on} <= :d)"
            "  GROUP BY c.donor_id HAVING SUM(r.usd_minor) > 0"
            ") gave JOIN donor d ON d.id = gave.donor_id GROUP BY d.kind"
        ),
        {"f": fund_id, "d": on},
    )
    donors: dict[str, int] = {}
    money: dict[str, int] = {}
    for kind, count, usd in rows:
        donors[kind], money[kind] = int(count), int(usd)
    return donors, money


def _by_kind(stated: dict, prefix: str) -> dict[str, int]:
    return {key[len(prefix) :]: value for key, value in stated.items() if key.startswith(prefix) and value}


def _assert_counts_as_of_the_date(session, fund_id: int, kind: str, stated: dict) -> None:
    """The calls, Board members and donors a document counts are those of its date."""
    if "calls" in stated:
        assert stated["calls"] == _calls_launched(session, fund_id, stated["date"]), kind
    if stated.get("board_members"):
        assert stated["board_members"] == _board_members(session, fund_id, stated["date"]), kind
    if "received_minor" in stated:
        donors, money = _received_by_kind(session, fund_id, stated["as_of"])
        assert {
            k[len("donors:") :]: v for k, v in stated.items() if k.startswith("donors:") and v
        } == donors, kind
        assert {
            k[len("received_minor:") :]: v for k, v in stated.items() if k.startswith("received_minor:") and v
        } == money, kind
        assert stated["received_minor"] == sum(money.values()), kind


def _seeded_documents(session):
    """Each seeded fund's cycle summaries, statuses, chapters and Board packs."""
    for fund in session.scalars(select(m.Fund).order_by(m.Fund.id)):
        first = fund.code == "UNVTF"
        for call_id in session.scalars(
            select(m.Call.id).where(m.Call.fund_id == fund.id).order_by(m.Call.id)
        ):
            yield fund, "cycle-summary", queries.cycle_summary_data(session, call_id), cycle_summary.compose
        for day in STATUS_DATES if first else SECOND_FUND_DATES["status"]:
            yield fund, "fund-status", queries.fund_status_data(session, fund.id, day), fund_status.compose
        for day in CHAPTER_DATES if first else SECOND_FUND_DATES["chapter"]:
            yield fund, "fund-chapter", chapter.chapter_data(session, fund.id, day), chapter.compose
        sessions = (
            select(m.BoardSession.id).where(m.BoardSession.fund_id == fund.id).order_by(m.BoardSession.id)
        )
        for session_id in session.scalars(sessions):
            yield fund, "board-pack", queries.board_pack_data(session, session_id), board_pack.compose


@pytest.mark.parametrize("lang", LANGS)
def test_every_seeded_document_passes_the_checker_with_its_counts_as_of_its_date(seeded_session, lang):
    today = dt.date.today()
    symbols: dict[str, str] = {}
    checked = 0
    for fund, kind, data, word in _seeded_documents(seeded_session):
        doc = word(data, lang)
        assert problems(doc, today) == [], (kind, doc["header"]["symbol"])
        stated = doc["stated"]
        _assert_counts_as_of_the_date(seeded_session, fund.id, kind, stated)
        assert doc["illustrative"], f"{kind}: the seeded records below the aggregates are illustrative"
        key = f"{kind} {stated['date']}"
        assert symbols.setdefault(doc["header"]["symbol"], key) == key, "one symbol per document and date"
        checked += 1
    second = sum(len(days) for days in SECOND_FUND_DATES.values()) + 1 + 1  # its call and its session
    assert checked == 3 + len(STATUS_DATES) + len(CHAPTER_DATES) + 3 + second


def test_a_figure_that_contradicts_its_text_is_caught(seeded_session):
    call_id = seeded_session.scalar(select(m.Call.id).where(m.Call.cycle_label == "3"))
    doc = cycle_summary.compose(queries.cycle_summary_data(seeded_session, call_id), "fr")
    doc["stated"]["reserve"] += 1  # as when the figure counted statuses and the text decisions
    assert any("reserve" in p for p in problems(doc, dt.date.today()))
    doc["stated"]["date"] = dt.date.today() + dt.timedelta(days=1)
    assert any("after today" in p for p in problems(doc, dt.date.today()))


def _page_lines(pdf: bytes) -> list[int]:
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [sum(1 for line in page.splitlines() if line.strip()) for page in out.split("\f")[:-1]]


@pytest.mark.parametrize("lang", LANGS)
def test_no_seeded_document_has_a_near_empty_page_and_each_announces_its_illustrative_records(
    seeded_client, seeded_auth, seeded_session, lang
):
    unvtf = seeded_session.scalar(select(m.Fund).where(m.Fund.code == "UNVTF"))
    calls = seeded_session.scalars(select(m.Call.id).where(m.Call.fund_id == unvtf.id).order_by(m.Call.id))
    paths = [f"/api/v1/calls/{call_id}/summary.pdf?lang={lang}" for call_id in calls]
    paths += [f"/api/v1/funds/{unvtf.id}/status.pdf?as_of={day}&lang={lang}" for day in STATUS_DATES]
    first_session = seeded_session.scalar(select(func.min(m.BoardSession.id)))
    paths.append(f"/api/v1/board/sessions/{first_session}/pack.pdf?lang={lang}")
    notice = "illustratifs" if lang == "fr" else "are illustrative"
    for path in paths:
        response = seeded_client.get(path, headers=seeded_auth("staff"))
        assert response.status_code == 200, (path, response.get_json())
        lines = _page_lines(response.data)
        assert all(n >= MIN_LINES for n in lines[:-1]), (path, lines)
        first_page = subprocess.run(
            ["pdftotext", "-l", "1", "-enc", "UTF-8", "-", "-"],
            input=response.data,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        assert notice in " ".join(first_page.split()), path


def test_a_donor_count_not_of_the_documents_date_is_caught(seeded_session):
    fund = seeded_session.scalar(select(m.Fund).where(m.Fund.code == "UNVTF"))
    stated = fund_status.compose(queries.fund_status_data(seeded_session, fund.id, STATUS_DATES[0]), "en")[
        "stated"
    ]
    _assert_counts_as_of_the_date(seeded_session, fund.id, "fund-status", stated)
    later = fund_status.compose(queries.fund_status_data(seeded_session, fund.id, STATUS_DATES[2]), "en")[
        "stated"
    ]
    # the 2019 donors under the 2015 date: 30 Member States where there were 19
    later_donors = {k: v for k, v in later.items() if k.startswith("donors:")}
    assert later_donors != {k: v for k, v in stated.items() if k.startswith("donors:")}
    with pytest.raises(AssertionError):
        _assert_counts_as_of_the_date(seeded_session, fund.id, "fund-status", {**stated, **later_donors})
