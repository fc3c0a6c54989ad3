"""GET /api/v1/donors/{id}/statement.pdf|html: the JSON statement's figures, as a document."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest

from fundapp.db import utcnow
from fundapp.money import to_minor
from fundapp.reports.wording import Wording

from ...factories import DonorFactory, GrantFactory
from ..pdftext import Words, pages, text

PERIOD = "from=2015-06-01&to=2017-12-31"


def plain(words: str) -> str:
    """No-break spaces as plain spaces (the figures' typography is tested on its own)."""
    return Words(words.replace("\u00a0", " ").replace("\u202f", " "))


@pytest.fixture
def history(client, auth, fund, tokens, db_session):
    """The donor token's donor: EUR 1,000 pledged and 600 received before the period; then USD
    500 pledged and received, $200 pledged, $300 pledged and received; the 200 is cancelled
    and the 300 reversed today, after the period (corrections are dated the day they are made)."""
    donor_id = int(tokens["donor_id"])
    staff = auth("staff")

    def pledge(reference, day, currency, amount):
        body = {
            "fund_id": fund.id,
            "donor_id": donor_id,
            "reference": reference,
            "pledged_on": day,
            "currency": currency,
            "amount": amount,
        }
        response = client.post("/api/v1/contributions", json=body, headers=staff)
        assert response.status_code == 201, response.get_json()
        return response.get_json()["id"]

    def receive(contribution_id, day, amount, **extra):
        body = {"received_on": day, "amount": amount, **extra}
        response = client.post(f"/api/v1/contributions/{contribution_id}/receipts", json=body, headers=staff)
        assert response.status_code == 201, response.get_json()
        return response.get_json()["id"]

    euro = pledge("ST-2015-EUR", "2015-01-15", "EUR", "1000.00")
    receive(euro, "2015-02-01", "600.00", usd_rate="1.12")
    receive(pledge("ST-2016-USD", "2016-03-01", "USD", "500.00"), "2016-03-10", "500.00")
    cancelled = pledge("ST-2016-CANCELLED", "2016-05-01", "USD", "200.00")
    assert (
        client.post(
            f"/api/v1/contributions/{cancelled}/cancellation", json={"reason": "withdrawn"}, headers=staff
        ).status_code
        == 200
    )
    bounced = receive(pledge("ST-2017-USD", "2017-01-10", "USD", "300.00"), "2017-01-20", "300.00")
    assert (
        client.post(
            f"/api/v1/receipts/{bounced}/reversal", json={"reason": "bounced"}, headers=staff
        ).status_code
        == 200
    )
    GrantFactory(fund_id=fund.id, country_code="NG", approved_on=dt.date(2016, 6, 1), amount_minor=45_000_00)
    return donor_id


def get_statement(client, auth, donor_id, fmt="pdf", lang="fr", role="donor", query=PERIOD, **headers):
    return client.get(
        f"/api/v1/donors/{donor_id}/statement.{fmt}?{query}&lang={lang}", headers=auth(role, **headers)
    )


def test_the_french_statement_says_what_the_json_statement_counts(client, auth, history, pdf_cache_dir):
    response = get_statement(client, auth, history)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('inline; filename="UNVTF-DS-2017-')
    words = plain(text(response.data))
    statement = client.get(f"/api/v1/donors/{history}/statement?{PERIOD}", headers=auth("donor")).get_json()

    for entry in statement["entries"]:
        assert entry["contribution_reference"] in words
    assert "ST-2015-EUR" not in words.split("Relevé de compte")[1]  # before the period: brought forward
    received_usd = Wording("fr").money(to_minor(Decimal(statement["closing"]["received_usd"]), "USD"))
    # the cancellation and the reversal made today are not on a statement that ends in 2017
    assert plain(received_usd) == "1 472 dollars"
    assert (
        "À la fin de la période, le donateur avait annoncé au total 1 000 EUR et 1 000 dollars ; 600 EUR et "
        "800 dollars avaient été reçus, soit 1 472 dollars aux taux des jours de réception." in words
    )
    assert "Il restait 400 EUR et 200 dollars à recevoir." in words
    assert "Avant la période, le donateur avait annoncé 1 000 EUR, dont 600 EUR avaient été reçus." in words
    assert (
        "Pendant la période, trois annonces de contributions et deux versements ont été enregistrés." in words
    )
    assert "rectification" not in words
    assert "contrepassé" not in words
    assert "Pendant la période, le Fonds a approuvé une subvention, d'un montant de 45 000 dollars." in words
    assert "Ses subventions étaient en cours dans un pays : Nigéria." in words
    for line in ("Distr. restreinte", "31 décembre 2017", "Original : anglais", "Relevé du donateur"):
        assert line in words
    assert "Du 1er juin 2015 au 31 décembre 2017" in words
    assert "Relevé de compte" in words
    assert "Soldes à la fin de la période, par monnaie" in words


def test_the_english_statement_words_figures_the_un_english_way(client, auth, history, pdf_cache_dir):
    words = plain(text(get_statement(client, auth, history, lang="en").data))
    assert (
        "At the end of the period, the donor had pledged EUR 1,000 and $1,000 in total; EUR 600 and "
        "$800 had been received, worth $1,472 at the rates of the days of receipt." in words
    )
    assert "EUR 400 and $200 remained to be received." in words
    assert "In the period, the Fund approved one grant, of $45,000." in words
    assert "Its grants were running in one country: Nigeria." in words
    assert "From 1 June 2015 to 31 December 2017" in words


def test_french_amounts_keep_no_break_spaces_and_the_table_repeats_its_header(client, auth, history, fund):
    page_texts = pages(get_statement(client, auth, history).data)
    whole = " ".join(page_texts)
    preview = get_statement(client, auth, history, fmt="html").get_data(as_text=True)
    assert "1\u202f472\u00a0dollars" in preview  # (the PDF reads its no-break spaces back as spaces)
    assert "1\u202f000\u00a0EUR" in preview
    assert whole.count("Opération") >= 1


def test_a_statement_to_today_enters_the_cancellation_and_the_reversal_on_the_day_they_were_made(
    client, auth, history, pdf_cache_dir
):
    today = utcnow().date()
    words = plain(text(get_statement(client, auth, history, query=f"from=2015-06-01&to={today}").data))
    assert (
        "Pendant la période, trois annonces de contributions et deux versements ont été enregistrés. "
        "Deux rectifications (annonces de contributions modifiées ou annulées, versements contrepassés) sont "
        "inscrites à la date à laquelle elles ont été faites." in words
    )
    assert "Annonce de contribution annulée" in words
    assert "Versement contrepassé" in words
    assert "Il restait 400 EUR et 300 dollars à recevoir." in words  # the 300 pledged, its payment reversed
    statement = client.get(
        f"/api/v1/donors/{history}/statement?from=2015-06-01&to={today}", headers=auth("donor")
    ).get_json()
    assert [(e["type"], e["amount"]) for e in statement["entries"][-2:]] == [
        ("pledge_cancellation", "-200.00"),
        ("receipt_reversal", "-300.00"),
    ]
    assert statement["closing"]["received_usd"] == "1172.00"


def test_a_donor_reads_only_its_own_statement_and_staff_read_any(client, auth, history, db_session):
    other = DonorFactory(name="Another donor")
    assert get_statement(client, auth, other.id).status_code == 404
    assert get_statement(client, auth, other.id, fmt="html").status_code == 404
    assert get_statement(client, auth, 2**40).status_code == 404
    assert get_statement(client, auth, other.id, role="staff", fmt="html").status_code == 200
    assert get_statement(client, auth, history, role="admin", fmt="html").status_code == 200
    for role in ("board", "approver"):
        assert get_statement(client, auth, history, role=role, fmt="html").status_code == 403
    assert client.get(f"/api/v1/donors/{history}/statement.pdf").status_code == 401


def test_the_html_preview_is_the_same_document(client, auth, history):
    response = get_statement(client, auth, history, fmt="html", lang="en")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = html.unescape(response.get_data(as_text=True))
    assert "EUR 400 and $200 remained to be received." in plain(page)
    assert "<style>" in page
    assert "style-src 'unsafe-inline'" in response.headers["Content-Security-Policy"]


def test_a_period_ending_before_it_starts_and_a_bad_language_are_422(client, auth, history):
    response = get_statement(client, auth, history, query="from=2017-01-01&to=2016-01-01")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "to"
    bad = get_statement(client, auth, history, lang="de")
    assert bad.status_code == 422
    assert bad.get_json()["errors"][0]["field"] == "lang"


def test_an_unchanged_statement_revalidates_with_304_and_a_new_receipt_changes_it(
    client, auth, history, fund, pdf_cache_dir
):
    first = get_statement(client, auth, history, fmt="html")
    etag = first.headers["ETag"]
    assert get_statement(client, auth, history, fmt="html", **{"If-None-Match": etag}).status_code == 304
    pledge = client.get("/api/v1/contributions?sort=reference", headers=auth("staff")).get_json()["items"]
    open_usd = next(p for p in pledge if p["reference"] == "ST-2017-USD")
    receipt = client.post(
        f"/api/v1/contributions/{open_usd['id']}/receipts",
        json={"received_on": "2017-02-01", "amount": "100.00"},
        headers=auth("staff"),
    )
    assert receipt.status_code == 201
    again = get_statement(client, auth, history, fmt="html", **{"If-None-Match": etag})
    assert again.status_code == 200
    assert again.headers["ETag"] != etag


def test_a_donor_with_nothing_recorded_gets_a_statement_saying_so(client, auth, fund, tokens):
    words = plain(text(get_statement(client, auth, int(tokens["donor_id"]), lang="en", query="").data))
    assert "No pledge or payment is recorded in the period." in words
    assert "The donor has no contribution to a fund yet." in words
    assert re.search(r"Up to \d{1,2} \w+ \d{4}", words)


def test_a_donor_name_with_markup_is_printed_not_interpreted(client, auth, fund, db_session):
    donor = DonorFactory(name='<img src="http://169.254.169.254/x">Evil & Co')
    response = get_statement(client, auth, donor.id, fmt="html", role="staff", query="")
    page = response.get_data(as_text=True)
    assert "<img" not in page
    assert "&lt;img src=&#34;http://169.254.169.254/x&#34;&gt;Evil &amp; Co" in page
