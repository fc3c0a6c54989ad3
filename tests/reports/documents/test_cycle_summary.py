"""GET /api/v1/calls/{id}/summary.pdf|html: the cycle summary in the reports' own words."""

import html
import re

import pytest

from fundapp.errors import PROBLEM_TYPE
from fundapp.reports.wording import NBSP, NNBSP

from .. import builders
from ..pdftext import pages, text
from ..test_safety_and_cache import kept_documents


@pytest.fixture
def cycle(fund, db_session):
    builders.cycle_one(fund)
    return builders.cycle_two(fund)


def get_summary(client, auth, call_id, fmt="pdf", lang="fr", role="board", **headers):
    return client.get(f"/api/v1/calls/{call_id}/summary.{fmt}?lang={lang}", headers=auth(role, **headers))


def test_french_summary_says_what_the_2015_report_says_of_the_second_cycle(
    client, auth, cycle, pdf_cache_dir
):
    response = get_summary(client, auth, cycle.call.id)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'inline; filename="UNVTF-CS-2017-2-fr.pdf"'
    words = text(response.data)
    # Model A (A/70/..., par. 66), generated from the data:
    assert (
        "L'appel à propositions pour le deuxième cycle d'octroi de subventions a été lancé en 2014." in words
    )
    assert "Au total, 113 propositions ont été reçues de 59 pays." in words
    assert (
        "le Conseil d'administration a recommandé l'octroi de subventions à 21 projets pour un total "
        "d'environ 1 million de dollars et l'inscription des 70 projets admissibles restants sur une liste "
        "de réserve pour qu'ils soient examinés plus en détail au cas où de nouveaux fonds "
        "seraient débloqués "
        "d'ici à décembre 2016." in words
    )
    assert "91 propositions ont été jugées admissibles (81 %) et 22 ne l'ont pas été" in words
    assert (
        "l'ONUDC a donné son approbation finale à 21 subventions pour un montant total de 1 021 450 dollars"
        in words
    )
    assert "Cinq projets ont été menés à bien." in words  # a number opening a sentence, spelled out
    assert "environ 3 000 personnes" in words
    assert "Deux appels mondiaux à propositions ont été lancés en 2011 et 2014" in words
    assert "Plus de 30 ONG spécialisées du monde entier ont été sélectionnées" in words  # 32 organisations
    assert "La Présidente du Conseil est Benita Ferrero-Waldner (Autriche)." in words
    assert "Les autres membres sont Saisuree Chutikul (Thaïlande)" in words
    # Header block, as on a UN document:
    for line in (
        "Distr. générale",
        "20 août 2017",
        "Français",
        "Original : anglais",
        "Rapport du secrétariat",
        "Résumé",
    ):
        assert line in words
    # Annexes and figures:
    for heading in ("Annexe I", "Annexe II", "Annexe III", "Annexe IV", "Figure I", "Figure II"):
        assert heading in words
    assert "Liste de réserve (valable jusqu'au 31 décembre 2016)" in words


def test_french_figures_use_french_spaces_and_signs(client, auth, cycle, pdf_cache_dir):
    # (read in the HTML preview, the same document: the PDF's fonts give U+00A0 and U+202F the
    # glyph of the space, so a PDF reader gives back a space where the line never breaks)
    whole = html.unescape(get_summary(client, auth, cycle.call.id, fmt="html").get_data(as_text=True))
    assert f"1{NNBSP}021{NNBSP}450{NBSP}dollars" in whole  # narrow no-break space between thousands
    assert f"81{NBSP}%" in whole
    assert f"Original{NBSP}: anglais" in whole


def test_every_page_after_the_first_carries_the_symbol_and_every_page_its_number(
    client, auth, cycle, pdf_cache_dir
):
    page_texts = pages(get_summary(client, auth, cycle.call.id).data)
    total = len(page_texts)
    assert 5 <= total <= 12
    for number, page_text in enumerate(page_texts, start=1):
        assert f"{number}/{total}" in page_text
        assert "UNVTF/CS/2017/2" in page_text  # page 1: the header block; the others: the running header


def test_long_tables_repeat_their_header_on_each_page(client, auth, cycle, pdf_cache_dir):
    page_texts = pages(get_summary(client, auth, cycle.call.id, lang="en").data)
    reserve_pages = [p for p in page_texts if "P-" in p and "on reserve" in p]
    assert len(reserve_pages) >= 2, "the 70-row reserve list spans pages"
    for page_text in reserve_pages:
        assert "Rank" in page_text
        assert "Amount requested" in page_text


def test_english_summary_words_figures_the_un_english_way(client, auth, cycle, pdf_cache_dir):
    response = get_summary(client, auth, cycle.call.id, lang="en")
    words = text(response.data)
    assert "The call for proposals for the second grant cycle was launched in 2014." in words
    assert "In total, 113 proposals were received from 59 countries." in words
    assert (
        "the Board of Trustees recommended grants for 21 projects totalling about $1 million and placed "
        "the 70 remaining eligible projects on a reserve list, to be considered further should new funds "
        "become available by December 2016." in words
    )
    assert "91 proposals were found eligible (81 per cent) and 22 were not" in words
    assert "UNODC gave final approval to 21 grants totalling $1,021,450." in words
    assert "Five projects have been completed." in words
    assert "More than 30 specialized NGOs" in words
    for line in ("Distr.: General", "20 August 2017", "Original: English", "UNVTF/CS/2017/2"):
        assert line in words
    assert "Français" not in words


def test_html_preview_is_the_same_document_with_its_own_stylesheet(client, auth, cycle):
    response = get_summary(client, auth, cycle.call.id, fmt="html")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"].startswith(
        "default-src 'none'; style-src 'unsafe-inline'"
    )
    page = html.unescape(response.get_data(as_text=True))
    assert '<html lang="fr">' in page
    assert "<svg" in page
    assert "@page" in page
    assert "Au total, 113 propositions ont été reçues de 59 pays." in page


@pytest.mark.parametrize("role", ["board", "staff", "admin", "approver"])
def test_readers_of_documents_may_fetch_the_summary(client, auth, fund, role):
    call = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1).call
    assert get_summary(client, auth, call.id, fmt="html", role=role).status_code == 200


def test_donors_may_not_fetch_the_summary_and_anonymous_callers_must_authenticate(client, auth, fund):
    call = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1).call
    assert get_summary(client, auth, call.id, role="donor").status_code == 403
    response = client.get(f"/api/v1/calls/{call.id}/summary.pdf")
    assert response.status_code == 401
    assert response.mimetype == PROBLEM_TYPE


def test_unknown_call_is_404_and_a_bad_language_is_a_422_naming_the_field(client, auth, fund):
    assert client.get("/api/v1/calls/999999/summary.pdf", headers=auth("staff")).status_code == 404
    call = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1).call
    response = client.get(f"/api/v1/calls/{call.id}/summary.pdf?lang=de", headers=auth("staff"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "lang"
    response = client.get(f"/api/v1/calls/{call.id}/summary.pdf?colour=red", headers=auth("staff"))
    assert response.status_code == 422


def test_a_call_without_decisions_yet_is_summarised_without_inventing_any(client, auth, fund):
    from ...factories import CallFactory, ScreenedProposalFactory

    call = CallFactory(fund_id=fund.id, cycle_label="3", cycle_number=3, priorities=["armed conflict"])
    ScreenedProposalFactory(call=call, status="submitted")
    page = html.unescape(get_summary(client, auth, call.id, fmt="html", lang="fr").get_data(as_text=True))
    assert "'" not in page.split("<body")[1]  # typographic apostrophes only
    page = page.replace("\u2019", "'")
    assert "Au total, une proposition a été reçue d'un pays." in page
    assert "Le Conseil d'administration n'a pas encore formulé ses recommandations sur cet appel." in page
    assert f"«{NBSP}les situations de conflit armé{NBSP}»" in page
    assert "Aucune subvention n'a encore été octroyée au titre de cet appel." in page


def test_summary_reads_a_constant_number_of_queries_whatever_the_size_of_the_call(
    client, auth, fund, query_counter
):
    from ...conftest import beyond_auth

    small = builders.cycle_two(fund, funded=2, reserve=2, ineligible=1, completed=1).call
    counts = []
    for call in (small,):
        with query_counter() as statements:
            assert get_summary(client, auth, call.id, fmt="html").status_code == 200
        counts.append(len(beyond_auth(statements)))
    from ...factories import FundFactory

    other = FundFactory()
    large = builders.cycle_two(other, funded=10, reserve=20, ineligible=10, completed=5).call
    with query_counter() as statements:
        assert get_summary(client, auth, large.id, fmt="html").status_code == 200
    counts.append(len(beyond_auth(statements)))
    assert counts[0] == counts[1] <= 18  # 3 of them the books: the call by country, by origin; the history


def test_a_calls_grant_money_reads_the_calls_own_ledger_entries_through_their_index(
    app, client, auth, fund, db_session
):
    """The summary's money by country and by origin (``books.grant_money(call_id=...)``) finds the
    call's entries by ``ix_ledger_entry_call_account``: without it PostgreSQL walked the index on
    ``grant_id`` over the whole ledger (400 ms a statement at 1,000,000 contributions, the cached
    PDF's repeat 1.4 s) and SQLite looked up the entries of every grant of the fund."""
    from sqlalchemy import event
    from sqlalchemy import text as sql_text

    from fundapp.db import get_engine

    from ...databases import BACKEND

    call = builders.cycle_two(fund, funded=2, reserve=1, ineligible=1, completed=1).call
    by_call: list[tuple[str, object]] = []

    def caught(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        if "ledger_entry.call_id =" in statement:
            by_call.append((statement, parameters))

    engine = get_engine(app)
    event.listen(engine, "before_cursor_execute", caught)
    try:
        assert get_summary(client, auth, call.id, fmt="html").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", caught)
    assert len(by_call) == 2  # by country, and by origin (approved, or from the reserve list)
    if BACKEND == "postgresql":  # a test's few rows would be read whole: ask for the indexed plan
        db_session.execute(sql_text("SET LOCAL enable_seqscan = off"))
    explain = "EXPLAIN" if BACKEND == "postgresql" else "EXPLAIN QUERY PLAN"
    for statement, parameters in by_call:
        rows = db_session.connection().exec_driver_sql(f"{explain} {statement}", parameters)
        plan = " ".join(str(row[-1]) for row in rows)
        assert "ix_ledger_entry_call_account" in plan, plan


def test_a_cycle_label_with_odd_characters_gives_a_safe_file_name(client, auth, fund):
    from ...factories import CallFactory

    call = CallFactory(fund_id=fund.id, cycle_label='10"/x', cycle_number=10)
    response = get_summary(client, auth, call.id, fmt="html", lang="en")
    assert re.fullmatch(
        r'inline; filename="UNVTF-CS-\d{4}-10-x-en\.html"', response.headers["Content-Disposition"]
    )


def test_a_render_beyond_the_time_limit_is_a_503_problem_asking_to_retry(
    client, auth, fund, app, monkeypatch, pdf_cache_dir
):
    call = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0).call
    monkeypatch.setitem(app.config, "PDF_RENDER_TIMEOUT", 0.001)
    response = get_summary(client, auth, call.id)
    assert response.status_code == 503
    assert response.mimetype == PROBLEM_TYPE
    assert response.headers["Retry-After"] == "30"
    assert "longer than 0.001 s" in response.get_json()["detail"]


def test_without_the_documents_font_a_pdf_is_a_503_problem_naming_the_package_and_html_still_works(
    client, auth, fund, missing_font, db_session
):
    call = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0).call
    response = get_summary(client, auth, call.id)
    assert response.status_code == 503
    assert response.mimetype == PROBLEM_TYPE
    assert response.get_json()["detail"] == (
        "documents cannot be rendered: the font Liberation Serif is not installed on the server "
        "(Debian package fonts-liberation)"
    )
    assert kept_documents(db_session) == 0
    assert get_summary(client, auth, call.id, fmt="html").status_code == 200
