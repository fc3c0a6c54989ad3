"""Data never makes a document fetch anything; unchanged data is never rendered twice."""

import html
import logging

import pytest
from sqlalchemy import func, select

from fundapp import pdf
from fundapp.db import utcnow
from fundapp.document_cache import RenderedDocument

from ..conftest import beyond_auth
from ..factories import ProposalFactory, ReceiptFactory
from . import builders
from .pdftext import text

HOSTILE = (
    '<b>Bold</b><img src="{base}/img.png"><img src="file:///etc/passwd">'
    '<link rel="stylesheet" href="{base}/link.css"><style>@import url({base}/import.css);</style>'
    '<p style="background: url({base}/css.png)">x</p>'
)


@pytest.fixture
def renders(monkeypatch):
    """Count the renders (and keep what the fetcher refused)."""
    calls: list[pdf.Rendered] = []
    real = pdf.render_pdf

    def counting(*args, **kwargs):
        result = real(*args, **kwargs)
        calls.append(result)
        return result

    monkeypatch.setattr(pdf, "render_pdf", counting)
    return calls


def test_html_and_urls_in_names_and_rationales_are_printed_not_fetched(
    client,
    auth,
    fund,
    listener,
    renders,
    pdf_cache_dir,
    caplog,  # noqa: F811
):
    base, seen = listener
    hostile = HOSTILE.format(base=base)
    cycle = builders.cycle_two(
        fund,
        funded=1,
        reserve=1,
        ineligible=1,
        completed=0,
        organisation_name=hostile[:300],
        rationale=hostile,
    )
    caplog.set_level(logging.WARNING)
    for path in (f"/api/v1/calls/{cycle.call.id}/summary", f"/api/v1/board/sessions/{cycle.session.id}/pack"):
        response = client.get(f"{path}.pdf?lang=en", headers=auth("staff"))
        assert response.status_code == 200
        words = text(response.data)
        assert '<b>Bold</b><img src="' in words
        assert '<imgsrc="file:///etc/passwd">' in "".join(words.split())
        unbroken = "".join(words.split())  # long URLs break across lines
        assert f"@importurl({base}/import.css)" in unbroken
        preview = client.get(f"{path}.html?lang=en", headers=auth("staff")).get_data(as_text=True)
        assert "&lt;b&gt;Bold&lt;/b&gt;&lt;img src=" in preview
        assert "<img" not in preview
        assert "<link" not in preview
        assert html.unescape(preview).count("<b>Bold</b>") >= 1
    assert seen == [], "the renderer requested a URL named in the data"
    assert all(r.refused == () for r in renders), "the escaped data did not even reach the fetcher"
    assert "refused" not in caplog.text


def test_unchanged_data_is_served_from_the_cache_and_revalidated_with_304(
    client, auth, fund, renders, db_session
):
    cycle = builders.cycle_two(fund, funded=2, reserve=2, ineligible=1, completed=0)
    url = f"/api/v1/calls/{cycle.call.id}/summary.pdf?lang=fr"
    first = client.get(url, headers=auth("staff"))
    assert first.status_code == 200
    assert len(renders) == 1
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, no-cache"
    assert kept_documents(db_session) == 1, "kept in the database, where every server finds it"

    second = client.get(url, headers=auth("board"))
    assert second.status_code == 200
    assert len(renders) == 1, "served from the cache"
    assert second.data == first.data
    assert second.headers["ETag"] == etag

    revalidated = client.get(url, headers=auth("board", **{"If-None-Match": etag}))
    assert revalidated.status_code == 304
    assert revalidated.data == b""
    assert len(renders) == 1
    assert revalidated.headers["ETag"] == etag

    english = client.get(url.replace("lang=fr", "lang=en"), headers=auth("board", **{"If-None-Match": etag}))
    assert english.status_code == 200
    assert english.headers["ETag"] != etag
    assert len(renders) == 2


def test_changed_data_gives_a_new_etag_and_a_new_render(
    client, auth, fund, renders, pdf_cache_dir, db_session
):
    cycle = builders.cycle_two(fund, funded=2, reserve=2, ineligible=1, completed=0)
    url = f"/api/v1/calls/{cycle.call.id}/summary.pdf?lang=en"
    first = client.get(url, headers=auth("staff"))
    etag = first.headers["ETag"]
    grant = cycle.grants[0]
    grant.status = "closed"
    grant.updated_at = utcnow()
    db_session.flush()
    changed = client.get(url, headers=auth("staff", **{"If-None-Match": etag}))
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert len(renders) == 2
    assert "One project has been completed." in text(changed.data)
    assert "One project has been completed." not in text(first.data)


def test_a_repeat_while_nothing_has_changed_loads_no_figure_only_the_versions_and_the_kept_answer(
    client, auth, fund, renders, query_counter
):
    cycle = builders.cycle_two(fund, funded=2, reserve=2, ineligible=1, completed=0)
    url = f"/api/v1/calls/{cycle.call.id}/summary.pdf?lang=en"
    first = client.get(url, headers=auth("staff"))
    with query_counter() as statements:
        again = client.get(url, headers=auth("staff"))
    assert again.data == first.data
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    ran = beyond_auth(statements)
    assert len(ran) == 2, ran
    assert "data_version" in ran[0]
    assert "rendered_document" in ran[1]
    assert len(renders) == 1


def test_another_reader_is_not_answered_from_a_question_someone_else_asked(
    client, auth, fund, renders, query_counter
):
    """What a document shows may depend on who reads it (a donor's own statement, a reader's
    funds): each reader's question is its own, though the same figures find the same copy."""
    cycle = builders.cycle_two(fund, funded=2, reserve=2, ineligible=1, completed=0)
    url = f"/api/v1/calls/{cycle.call.id}/summary.pdf?lang=en"
    client.get(url, headers=auth("staff"))
    with query_counter() as statements:
        board = client.get(url, headers=auth("board"))
    assert board.status_code == 200
    assert len(beyond_auth(statements)) > 2, "the figures were loaded for the Board member"
    assert len(renders) == 1, "and found the copy already rendered"


def test_a_money_write_is_shown_by_the_next_request_though_no_record_changed(
    client, auth, fund, renders, db_session
):
    url = f"/api/v1/funds/{fund.id}/status.pdf?lang=en"
    first = client.get(url, headers=auth("staff"))
    assert client.get(url, headers=auth("staff")).headers["ETag"] == first.headers["ETag"]
    ReceiptFactory(contribution__fund_id=fund.id, amount_minor=123_456_00, usd_minor=123_456_00)
    after = client.get(url, headers=auth("staff"))
    assert after.headers["ETag"] != first.headers["ETag"]
    assert len(renders) == 2


def test_a_change_to_a_record_is_shown_by_the_next_request(client, auth, fund, renders, db_session):
    cycle = builders.cycle_two(fund, funded=2, reserve=2, ineligible=1, completed=0)
    url = f"/api/v1/calls/{cycle.call.id}/summary.pdf?lang=en"
    first = client.get(url, headers=auth("staff"))
    assert client.get(url, headers=auth("staff")).headers["ETag"] == first.headers["ETag"]
    ProposalFactory(call=cycle.call)  # one more proposal received
    after = client.get(url, headers=auth("staff"))
    assert after.headers["ETag"] != first.headers["ETag"]
    assert len(renders) == 2


def test_the_html_preview_has_an_etag_and_revalidates_too(client, auth, fund):
    cycle = builders.cycle_two(fund, funded=1, reserve=1, ineligible=1, completed=0)
    url = f"/api/v1/board/sessions/{cycle.session.id}/pack.html"
    etag = client.get(url, headers=auth("staff")).headers["ETag"]
    assert client.get(url, headers=auth("staff", **{"If-None-Match": etag})).status_code == 304
    assert client.get(url, headers=auth("staff", **{"If-None-Match": '"other"'})).status_code == 200


@pytest.mark.slow
def test_a_summary_with_a_long_reserve_list_renders_once_per_language_over_about_ten_pages(
    app, client, auth, fund, pdf_cache_dir, renders
):
    """What a render costs is measured in bench/ (``python -m bench.run``), never timed here."""
    builders.cycle_one(fund)
    cycle = builders.cycle_two(fund, reserve=200)  # a longer reserve list: about ten pages
    renders.clear()
    for lang in ("fr", "en"):
        response = client.get(f"/api/v1/calls/{cycle.call.id}/summary.pdf?lang={lang}", headers=auth("staff"))
        assert response.status_code == 200
    assert len(renders) == 2
    assert all(9 <= r.pages <= 12 for r in renders), [r.pages for r in renders]


def kept_documents(db_session) -> int:
    """Rendered documents (and parts) kept in the database's cache (not which answers what)."""
    return db_session.scalar(
        select(func.count()).select_from(RenderedDocument).where(RenderedDocument.body.is_not(None))
    )
