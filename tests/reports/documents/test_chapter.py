"""The Fund's chapter of the Secretary-General's report, as of a day, from the seeded history.

Read back from the PDF (pdftotext), in French and English: as of 8 June 2015 it carries every
fund figure of the report of that day (par. 64-69) and as of 31 March 2019 every fund figure of
A/74/127 (par. 122-124, and par. 129 for the campaign), in the reports' words and rounding
(fund-facts section 5). The checker passes on it, and its counts are those of its day.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from fundapp import models as m
from fundapp.reports.checks import problems
from fundapp.reports.documents import chapter

from ..pdftext import Words, text
from ..test_seeded_consistency import _board_members, _calls_launched

JUNE_2015 = dt.date(2015, 6, 8)
MARCH_2019 = dt.date(2019, 3, 31)


def plain(words: str) -> Words:
    return Words(" ".join(words.replace("\u00a0", " ").replace("\u202f", " ").split()))


@pytest.fixture
def unvtf(seeded_session):
    return seeded_session.scalar(select(m.Fund).where(m.Fund.code == "UNVTF"))


def chapter_text(client, auth, fund_id: int, day: dt.date, lang: str) -> Words:
    response = client.get(
        f"/api/v1/funds/{fund_id}/chapter.pdf?as_of={day}&lang={lang}", headers=auth("board")
    )
    assert response.status_code == 200, response.get_json()
    return plain(text(response.data))


#: The 2015 report, par. 64-69 (and par. 1 for the resolution): each figure or phrase as the
#: French report words it.
FIGURES_2015_FR = (
    "a continué d'administrer le Fonds de contributions volontaires",  # par. 64
    "et d'encourager les États Membres et autres parties prenantes à y contribuer",  # par. 64
    "résolution 64/293 du 30 juillet 2010",  # par. 1
    "Le Fonds a achevé son premier cycle d'octroi de subventions de trois ans en décembre 2014.",  # par. 65
    "Au total, 11 projets d'organisations de la société civile spécialisées dans l'assistance aux victimes "
    "ont reçu des subventions à hauteur de quelque 750 000 dollars pour prêter assistance à des milliers "
    "d'enfants, de femmes et d'hommes dans le monde entier.",  # par. 65
    "L'appel à propositions pour le deuxième cycle d'octroi de subventions a été lancé en 2014.",  # par. 66
    "Au total, 113 propositions ont été reçues de 59 pays.",  # par. 66
    "Le Conseil d'administration a recommandé l'octroi de subventions à 21 projets pour un total d'environ "
    "1 million de dollars et l'inscription des 70 projets admissibles restants sur une liste de réserve pour "
    "qu'ils soient examinés plus en détail au cas où de nouveaux fonds seraient débloqués d'ici à décembre "
    "2016.",  # par. 66
    # par. 66
    "Les nouvelles subventions seront annoncées après l'approbation finale de l'ONUDC, gestionnaire du "
    "Fonds.",
    # par. 67
    "Une évaluation indépendante de la gestion du Fonds a été effectuée au deuxième semestre 2014.",
    "pertinence, efficacité, efficience, pérennité, partenariats et enseignements tirés",  # par. 67
    "le Fonds avait globalement accompli des progrès tangibles et qu'il était incontestable qu'il fallait "
    "accroître l'assistance directe aux victimes de la traite de personnes",  # par. 67
    "Le Secrétaire général a nommé en décembre 2013, pour la période 2014-2016, un nouveau conseil "
    "d'administration de haut niveau, en tenant compte des connaissances de chaque membre dans le domaine "
    "de la traite de personnes et en respectant le principe de la répartition géographique équitable.",
    "La Présidente du Conseil est Benita Ferrero-Waldner (Autriche).",  # par. 68
    "Saisuree Chutikul (Thaïlande), Joy Ngozi Ezeilo (Nigéria), Ketevan Khutsishvili (Géorgie) et Virna "
    "Luque Ferro (Panama)",  # par. 68
    "Depuis sa création en 2010, le Fonds a reçu des contributions à hauteur de 2 millions de dollars, avec "
    "une moyenne annuelle de 400 000 dollars.",  # par. 69
    "Dix-neuf États Membres et plus de 30 autres donateurs du secteur privé, dont les contributions "
    "représentent presque un tiers des fonds reçus, ont contribué au Fonds.",  # par. 69
    "Le niveau de contributions reçues est toujours inférieur au niveau nécessaire pour fournir une "
    "assistance ayant un véritable impact",  # par. 69
)
FIGURES_2015_EN = (
    "UNODC continued to administer the United Nations Voluntary Trust Fund",
    "resolution 64/293 of 30 July 2010",
    "The Fund completed its first three-year grant cycle in December 2014.",
    "In total, 11 projects of civil society organizations specialized in assisting victims received grants "
    "totalling some $750,000 to assist thousands of children, women and men around the world.",
    "The call for proposals for the second grant cycle was launched in 2014.",
    "In total, 113 proposals were received from 59 countries.",
    "The Board of Trustees recommended grants for 21 projects totalling about $1 million and placed the 70 "
    "remaining eligible projects on a reserve list, to be considered further should new funds become "
    "available by December 2016.",
    "The new grants will be announced after final approval by UNODC, manager of the Fund.",
    "An independent evaluation of the management of the Fund was carried out in the second half of 2014.",
    "relevance, effectiveness, efficiency, sustainability, partnerships and lessons learned",
    "In December 2013, the Secretary-General appointed a new high-level Board of Trustees for the period "
    "2014-2016, taking into account each member's knowledge of trafficking in persons and with due regard "
    "to equitable geographical distribution.",
    "The Chair of the Board is Benita Ferrero-Waldner (Austria).",
    "Since its creation in 2010, the Fund has received contributions totalling $2 million, an annual "
    "average of $400,000.",
    "Nineteen Member States and more than 30 other private-sector donors, whose contributions represent "
    "almost a third of the funds received, have contributed to the Fund.",
    "The level of contributions received is still below the level needed",
)
#: A/74/127, par. 122-124 and 129.
FIGURES_2019_FR = (
    "a continué d'administrer le Fonds de contributions volontaires",  # par. 122
    "Plan d'action mondial des Nations Unies pour la lutte contre la traite des personnes",  # par. 122
    "Le mandat du Fonds met l'accent sur l'assistance directe aux victimes, en particulier aux femmes et aux "
    "enfants, qui fait partie intégrante du combat mondial contre la traite des personnes.",  # par. 122
    "Par l'intermédiaire des organisations non gouvernementales qui travaillent avec lui",  # par. 122
    "rétablissement psychologique, réinsertion sociale, exercice de leurs droits, identification des "
    "victimes, assistance juridique et administrative et coordination et échange d'informations",  # par. 122
    # par. 122
    "Chaque année, 3 000 personnes bénéficient directement du soutien d'ONG partenaires du Fonds.",
    "Trois appels mondiaux à propositions ont été lancés en 2011, 2014 et 2017 en vue de financer des "
    "projets.",  # par. 123
    "Plus de 40 ONG spécialisées du monde entier ont été sélectionnées et ont reçu des subventions pour "
    "fournir une assistance directe aux victimes de la traite.",  # par. 123
    "Le troisième appel donnait la priorité aux projets d'assistance directe aux victimes dans les "
    "situations de conflits armés et les flux migratoires mixtes.",  # par. 123
    "En mars 2019, le Fonds avait reçu des contributions à hauteur de 6,7 millions de dollars d'un large "
    "éventail de donateurs, dont 30 États Membres, 33 organisations du secteur privé",  # par. 123
    "et de nombreux particuliers.",  # par. 123
    "Pour la mandature 2017-2020, le conseil d'administration se compose de Benita Ferrero-Waldner "
    "(Présidente), Arnaud Kouassi, Noor Al-Malki Al-Jehani, Alexis Bethancourt Yau et Viktoria Avakova.",
    "En juillet 2017, l'ONUDC a organisé une campagne de collecte de fonds en ligne, via la plateforme "
    "Charidy, qui a atteint l'objectif initial fixé par les organisateurs et permis de recueillir 50 000 "
    "dollars pour le Fonds.",  # par. 129
)
FIGURES_2019_EN = (
    "UNODC continued to administer the United Nations Voluntary Trust Fund",
    "under the United Nations Global Plan of Action to Combat Trafficking in Persons",
    "The Fund's mandate emphasizes direct assistance to victims, in particular women and children",
    "psychological recovery, social reintegration, assertion of rights, identification of victims, legal and "
    "administrative assistance and coordination and exchange of information",
    "Every year, 3,000 people benefit directly from the support of the Fund's partner NGOs.",
    "Three global calls for proposals were launched, in 2011, 2014 and 2017, to fund projects.",
    "More than 40 specialized NGOs from around the world were selected and received grants",
    "The third call gave priority to projects of direct assistance to victims in situations of armed "
    "conflict and mixed migration flows.",
    "In March 2019, the Fund had received contributions totalling $6.7 million from a wide range of donors, "
    "including 30 Member States, 33 private-sector organizations",
    "and many individuals.",
    "For the 2017-2020 term, the Board of Trustees is composed of Benita Ferrero-Waldner (Chair), Arnaud "
    "Kouassi, Noor Al-Malki Al-Jehani, Alexis Bethancourt Yau and Viktoria Avakova.",
    "In July 2017, UNODC ran an online fundraising campaign on the Charidy platform, which reached its "
    "initial target and raised $50,000 for the Fund.",
)


@pytest.mark.parametrize(
    ("lang", "figures"), [("fr", FIGURES_2015_FR), ("en", FIGURES_2015_EN)], ids=["fr", "en"]
)
def test_the_chapter_of_8_june_2015_carries_every_fund_figure_of_the_2015_report_in_its_words(
    seeded_client, seeded_auth, unvtf, lang, figures
):
    words = chapter_text(seeded_client, seeded_auth, unvtf.id, JUNE_2015, lang)
    assert [phrase for phrase in figures if phrase not in words] == []


@pytest.mark.parametrize(
    ("lang", "figures"), [("fr", FIGURES_2019_FR), ("en", FIGURES_2019_EN)], ids=["fr", "en"]
)
def test_the_chapter_of_31_march_2019_carries_every_fund_figure_of_a_74_127_in_its_words(
    seeded_client, seeded_auth, unvtf, lang, figures
):
    words = chapter_text(seeded_client, seeded_auth, unvtf.id, MARCH_2019, lang)
    assert [phrase for phrase in figures if phrase not in words] == []


def test_the_2019_chapter_no_longer_reports_what_the_2015_report_reported(seeded_client, seeded_auth, unvtf):
    """The 2014 evaluation and the first cycle's completion fall before its period; the second
    call's grants were approved long before, so nothing awaits final approval."""
    words = chapter_text(seeded_client, seeded_auth, unvtf.id, MARCH_2019, "fr")
    assert "évaluation indépendante" not in words
    assert "premier cycle" not in words
    assert "seront annoncées après l'approbation finale" not in words
    assert "moyenne annuelle de 400 000 dollars" not in words


def test_the_2015_chapter_says_nothing_of_what_came_after(seeded_client, seeded_auth, unvtf):
    words = chapter_text(seeded_client, seeded_auth, unvtf.id, JUNE_2015, "en")
    assert "2017" not in words
    assert "Charidy" not in words
    assert "Three global calls" not in words
    assert "Two global calls" in words


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("day", [JUNE_2015, dt.date(2017, 10, 20), MARCH_2019, dt.date(2020, 12, 31)])
def test_the_chapter_passes_the_checker_with_its_counts_as_of_its_day(seeded_session, unvtf, lang, day):
    doc = chapter.compose(chapter.chapter_data(seeded_session, unvtf.id, day), lang)
    assert problems(doc, dt.date.today()) == []
    stated = doc["stated"]
    assert stated["calls"] == _calls_launched(seeded_session, unvtf.id, day)
    assert stated["board_members"] == _board_members(seeded_session, unvtf.id, day)
    assert doc["illustrative"], "its sums are of illustrative donors: the note says so"
    assert doc["header"]["symbol"] == f"UNVTF/FC/{day:%Y/%m%d}"


def test_the_money_of_the_chapter_is_the_books(seeded_session, unvtf):
    from fundapp.books import queries as books

    data = chapter.chapter_data(seeded_session, unvtf.id, MARCH_2019)
    assert sum(row["usd_minor"] for row in data["by_kind"]) == books.received_minor(
        seeded_session, unvtf.id, MARCH_2019
    )
    awarded = books.grant_money(seeded_session, fund_id=unvtf.id, as_of=MARCH_2019)["total"]["awarded_minor"]
    assert sum(call["awarded_minor"] for call in data["calls"]) == awarded


def test_a_french_chapter_marks_a_priority_that_has_no_french_instead_of_passing_it_off(
    seeded_session, unvtf
):
    data = chapter.chapter_data(seeded_session, unvtf.id, MARCH_2019)
    for call in data["calls"]:
        call["priorities_fr"] = None
    doc = chapter.compose(data, "fr")
    paragraphs = " ".join(b["text"] for c in doc["chapters"] for b in c["blocks"] if b["type"] == "para")
    assert "direct assistance to victims in situations of armed conflict [en anglais]" in paragraphs


def test_the_chapter_answers_304_to_its_etag_and_refuses_a_day_to_come(seeded_client, seeded_auth, unvtf):
    path = f"/api/v1/funds/{unvtf.id}/chapter.html?as_of={JUNE_2015}&lang=fr"
    first = seeded_client.get(path, headers=seeded_auth("board"))
    assert first.status_code == 200
    assert first.headers["ETag"]
    again = seeded_client.get(path, headers={**seeded_auth("board"), "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    late = seeded_client.get(
        f"/api/v1/funds/{unvtf.id}/chapter.pdf?as_of={tomorrow}", headers=seeded_auth("board")
    )
    assert late.status_code == 422
    donor = seeded_client.get(path, headers=seeded_auth("donor"))
    assert donor.status_code == 403


def test_the_cli_renders_the_chapter_of_8_june_2015(seeded_app, seeded_session, tmp_path, monkeypatch):
    output = tmp_path / "chapter.html"
    result = seeded_app.test_cli_runner().invoke(
        args=[
            "fund",
            "report",
            "chapter",
            "--fund",
            "UNVTF",
            "--as-of",
            "2015-06-08",
            "--lang",
            "fr",
            "-o",
            str(output),
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Informations récentes sur le Fonds" in output.read_text(encoding="utf-8")


def test_a_french_cycle_summary_prints_the_call_title_in_french_and_marks_one_without(seeded_session):
    from fundapp.reports import queries
    from fundapp.reports.documents import cycle_summary

    call_id = seeded_session.scalar(select(m.Call.id).where(m.Call.cycle_label == "3"))
    data = queries.cycle_summary_data(seeded_session, call_id)
    assert cycle_summary.compose(data, "fr")["header"]["subtitle"].startswith("Troisième appel mondial")
    data["call"]["title_fr"] = None
    subtitle = cycle_summary.compose(data, "fr")["header"]["subtitle"]
    assert (
        subtitle
        == "Third global call for proposals: victims in armed conflict and mixed migration flows [en anglais]"
    )


def test_in_june_2015_the_reserve_list_waits_for_what_the_status_leaves_once_the_grants_are_committed(
    seeded_client, seeded_auth, unvtf
):
    """The chapter of 8 June 2015 says what is left once the 21 recommended grants are committed,
    their programme support costs with them: the figure the status document gives once they are
    (10 July 2015), and less than any of the 70 waiting projects asks."""
    french = chapter_text(seeded_client, seeded_auth, unvtf.id, JUNE_2015, "fr")
    assert (
        "Au 8 juin 2015, 70 projets admissibles figuraient sur une liste de réserve dans l'attente de "
        "nouveaux fonds ; une fois engagées les subventions déjà recommandées, il reste 3 233,50 dollars "
        "pour les financer." in french
    )
    english = chapter_text(seeded_client, seeded_auth, unvtf.id, JUNE_2015, "en")
    assert "once the grants already recommended are committed, $3,233.50 remains for them." in english
