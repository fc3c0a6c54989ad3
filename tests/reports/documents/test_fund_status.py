"""GET /api/v1/funds/{id}/status.pdf|html: contributions, position and Board on a date."""

import datetime as dt
import html

import pytest

from fundapp.reports.wording import NBSP, NNBSP

from ...funds.test_settings import TORTURE_FUND
from .. import builders
from ..pdftext import text


@pytest.fixture
def history(fund, db_session):
    builders.cycle_one(fund)
    cycle = builders.cycle_two(fund)
    builders.contributions(fund, anonymous_names=("Hidden Benefactor",))
    builders.board_term(fund, "2017-2020", dt.date(2017, 1, 1), dt.date(2020, 12, 31), builders.BOARD_2017)
    return cycle


def get_status(client, auth, fund_id, fmt="pdf", lang="fr", as_of="2019-03-31", role="staff"):
    return client.get(f"/api/v1/funds/{fund_id}/status.{fmt}?as_of={as_of}&lang={lang}", headers=auth(role))


def test_french_status_says_what_the_2019_report_says_of_the_contributions(
    client, auth, fund, history, pdf_cache_dir
):
    response = get_status(client, auth, fund.id)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    words = text(response.data)
    assert (
        "Depuis sa création en 2010, le Fonds a reçu des contributions à hauteur de 6,7 millions de "
        "dollars, avec une moyenne annuelle de quelque 750 000 dollars." in words
    )
    assert (
        "Trente États Membres, 33 organisations du secteur privé et de nombreux particuliers "
        "ont contribué au Fonds." in words
    )
    assert "Les contributions des donateurs privés représentent presque un tiers des fonds reçus." in words
    assert "À leur demande, quatre donateurs ne sont pas nommés." in words
    assert (
        "Pour la mandature 2017-2020, le conseil d'administration se compose de Benita Ferrero-Waldner "
        "(Présidente), Arnaud Kouassi, Noor Al-Malki Al-Jehani, Alexis Bethancourt Yau et Viktoria Avakova."
        in words
    )
    assert "Au 31 mars 2019, le Fonds avait reçu au total 6 712 345,67 dollars" in words
    for line in ("UNVTF/FS/2019/0331", "Distr. générale", "31 mars 2019", "Original : anglais", "Figure I"):
        assert line in words
    preview = get_status(client, auth, fund.id, fmt="html")
    assert f"6{NNBSP}712{NNBSP}345,67{NBSP}dollars" in html.unescape(preview.get_data(as_text=True))


def test_english_status_counts_donors_by_kind_and_gives_the_position(
    client, auth, fund, history, pdf_cache_dir
):
    words = text(get_status(client, auth, fund.id, lang="en").data)
    assert (
        "Since its creation in 2010, the Fund has received contributions totalling $6.7 million, "
        "an annual average of some $750,000." in words
    )
    assert (
        "Thirty Member States, 33 private-sector organizations and many individuals have contributed" in words
    )
    assert "almost a third of the funds received" in words
    assert (
        "For the 2017-2020 term, the Board of Trustees is composed of Benita Ferrero-Waldner (Chair)" in words
    )
    assert "On 31 March 2019, the Fund had received $6,712,345.67 in total" in words


def test_individuals_and_anonymous_donors_are_never_named(client, auth, fund, history, pdf_cache_dir):
    for lang in ("en", "fr"):
        pdf_words = text(get_status(client, auth, fund.id, lang=lang).data)
        page = html.unescape(get_status(client, auth, fund.id, fmt="html", lang=lang).get_data(as_text=True))
        for words in (pdf_words, page):
            assert "Hidden Benefactor" not in words
            assert "Jane Giver" not in words
            assert "Anonymous Person" not in words
            assert "Company 00 Ltd" in words  # named private-sector donors are listed
    assert "Autriche" in page or "Austria" in page  # Member States by their country's name


def test_status_on_an_earlier_date_counts_only_what_was_received_by_then(client, auth, fund, history):
    page = html.unescape(get_status(client, auth, fund.id, fmt="html", lang="en", as_of="2011-12-31").text)
    # 2010 and 2011 receipts: 562,345.67 + 702,000 = 1,264,345.67
    assert "$1,264,345.67 in total" in page
    assert "Jane Giver" not in page
    assert "many individuals" not in page


@pytest.mark.parametrize(
    ("as_of", "reason"),
    [("2999-01-01", "must not be in the future"), ("2001-01-01", "the fund was established")],
)
def test_a_status_date_outside_the_funds_life_is_a_422_naming_as_of(client, auth, fund, as_of, reason):
    response = get_status(client, auth, fund.id, fmt="html", as_of=as_of)
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "as_of"
    assert reason in error["reason"]


def test_status_roles_unknown_fund_and_default_date(client, auth, fund):
    assert client.get(f"/api/v1/funds/{fund.id}/status.html", headers=auth("approver")).status_code == 200
    assert client.get(f"/api/v1/funds/{fund.id}/status.pdf", headers=auth("donor")).status_code == 403
    assert client.get(f"/api/v1/funds/{fund.id}/status.pdf").status_code == 401
    assert client.get("/api/v1/funds/999999/status.html", headers=auth("staff")).status_code == 404
    page = client.get(f"/api/v1/funds/{fund.id}/status.html", headers=auth("board")).get_data(as_text=True)
    assert "The Fund had received no contribution by that date." in page


def test_a_torture_victims_funds_status_speaks_of_its_own_mandate_and_never_of_trafficking(
    client, auth, pdf_cache_dir
):
    """A fund created through the API with its own words for what it supports reads them in its
    documents, in English and French; nothing written for the trafficking fund leaks in."""
    mandate = {
        "purpose_en": "direct assistance to victims of torture and members of their families",
        "purpose_fr": "l’assistance directe aux victimes de la torture et aux membres de leur famille",
        "victims_en": "victims of torture",
        "victims_fr": "victimes de la torture",
    }
    created = client.post("/api/v1/funds", json={**TORTURE_FUND, "mandate": mandate}, headers=auth("admin"))
    assert created.status_code == 201, created.get_json()
    fund_id = created.get_json()["id"]
    english = text(get_status(client, auth, fund_id, lang="en", as_of="2020-12-31", role="admin").data)
    assert (
        "the Fund supports direct assistance to victims of torture and members of their families." in english
    )
    french = text(get_status(client, auth, fund_id, lang="fr", as_of="2020-12-31", role="admin").data)
    assert (
        "le Fonds appuie l'assistance directe aux victimes de la torture et aux membres de leur famille."
        in french
    )
    assert "trafficking" not in english
    assert "traite" not in french


def test_the_status_says_which_grants_were_amended_and_the_money_the_books_moved(
    client, auth, fund, history, db_session, pdf_cache_dir
):
    from sqlalchemy import select

    from fundapp.grants.models import AmendmentKind, AmendmentStatus, Grant

    from ...factories import GrantAmendmentFactory

    first, second, third = db_session.scalars(
        select(Grant).where(Grant.fund_id == fund.id).order_by(Grant.id)
    ).all()[:3]
    GrantAmendmentFactory(grant=first, amount_minor=first.amount_minor + 5_000_00)
    GrantAmendmentFactory(
        grant=second, kind=AmendmentKind.DECREASE, amount_minor=second.amount_minor - 1_250_00
    )
    GrantAmendmentFactory(
        grant=third,
        kind=AmendmentKind.EXTENSION,
        amount_minor=third.amount_minor,
        previous_ends_on=third.ends_on,
        ends_on=third.ends_on + dt.timedelta(days=180),
    )
    GrantAmendmentFactory(  # still awaiting the fund manager: not said
        grant=third,
        status=AmendmentStatus.REQUESTED,
        decided_on=None,
        requested_on=dt.date(2018, 1, 1),
        takes_effect=False,
    )

    english = text(get_status(client, auth, fund.id, lang="en").data)
    french = text(get_status(client, auth, fund.id, lang="fr").data)

    assert "The fund manager extended the period of one grant at no cost." in english
    assert "The fund manager approved one increase of a grant, of $5,000." in english
    assert "The fund manager approved one reduction of a grant, releasing $1,250." in english
    assert (
        "Le gestionnaire du Fonds a prolongé sans coût supplémentaire la période d’une subvention." in french
    )
    assert "Le gestionnaire du Fonds a approuvé une augmentation de subvention, de 5" in french
    assert "Le gestionnaire du Fonds a approuvé une réduction de subvention, libérant 1" in french
