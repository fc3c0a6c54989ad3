"""The seed's two funds side by side: each fund's documents (cycle summary, status, Board pack,
donor statement, chapter; French and English) name their own fund and administrator and carry
no word written for the other: the torture victims' fund never reads as a trafficking one, nor
the trafficking fund as a torture one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from fundapp import models as m

from .pdftext import Words, text

#: Words of one fund that no document of the other may carry, as patterns ("traite" the word, not
#: "traitement").
FOREIGN = {
    "UNVTF": (r"\btorture", r"\bOHCHR\b", r"\bHCDH\b", r"\bUNVFVT\b", r"36/151"),
    "UNVFVT": (r"\btraffick", r"\btraite\b", r"\bUNODC\b", r"\bONUDC\b", r"\bUNVTF\b", r"64/293", r"\bVienn"),
}
#: The administrator as each language's documents name it.
ADMINISTRATOR = {"UNVTF": {"en": "UNODC", "fr": "ONUDC"}, "UNVFVT": {"en": "OHCHR", "fr": "HCDH"}}
#: The day each fund's status and chapter are as of.
AS_OF = {"UNVTF": "2019-03-31", "UNVFVT": "2020-12-31"}


@dataclass(frozen=True)
class Seeded:
    fund: m.Fund
    call_id: int
    session_id: int


def plain(pdf: bytes) -> Words:
    return Words(" ".join(text(pdf).replace("\u00a0", " ").replace("\u202f", " ").split()))


@pytest.fixture
def seeded(seeded_session):
    """Each fund with its last call and its first Board session (the UNVTF's smallest pack)."""
    out = {}
    for fund in seeded_session.scalars(select(m.Fund).order_by(m.Fund.id)):
        call_id = seeded_session.scalar(
            select(m.Call.id).where(m.Call.fund_id == fund.id).order_by(m.Call.cycle_number.desc()).limit(1)
        )
        session_id = seeded_session.scalar(
            select(m.BoardSession.id)
            .where(m.BoardSession.fund_id == fund.id)
            .order_by(m.BoardSession.id)
            .limit(1)
        )
        out[fund.code] = Seeded(fund, call_id, session_id)
    assert set(out) == {"UNVTF", "UNVFVT"}
    return out


@pytest.fixture
def austria(seeded_session):
    """The Member State that gives to both funds (and the demo donor user's donor)."""
    return seeded_session.scalar(select(m.Donor.id).where(m.Donor.name == "Austria"))


def documents(s: Seeded, donor_id: int) -> dict[str, str]:
    fund_id = s.fund.id
    return {
        "cycle summary": f"/api/v1/calls/{s.call_id}/summary.pdf?",
        "status": f"/api/v1/funds/{fund_id}/status.pdf?as_of={AS_OF[s.fund.code]}&",
        "Board pack": f"/api/v1/board/sessions/{s.session_id}/pack.pdf?",
        "donor statement": f"/api/v1/donors/{donor_id}/statement.pdf?fund_id={fund_id}&",
        "chapter": f"/api/v1/funds/{fund_id}/chapter.pdf?as_of={AS_OF[s.fund.code]}&",
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("code", ["UNVFVT", "UNVTF"])
def test_each_funds_documents_name_their_own_fund_and_carry_no_word_of_the_other(
    seeded_client, seeded_auth, seeded, austria, code, lang
):
    s = seeded[code]
    name = s.fund.name_fr if lang == "fr" else s.fund.name_en
    for what, url in documents(s, austria).items():
        response = seeded_client.get(f"{url}lang={lang}", headers=seeded_auth("admin"))
        assert response.status_code == 200, (what, response.get_json())
        words = plain(response.data)
        assert name in words, (code, what, lang)
        for foreign in FOREIGN[code]:
            found = re.search(foreign, words, re.IGNORECASE)
            assert found is None, (code, what, lang, words[max(0, found.start() - 80) : found.end() + 80])
        if what in ("cycle summary", "status", "chapter"):
            assert ADMINISTRATOR[code][lang] in words, (code, what, lang)


def test_the_torture_funds_documents_say_what_it_is_for_who_approves_and_its_board(
    seeded_client, seeded_auth, seeded
):
    s = seeded["UNVFVT"]
    summary = plain(
        seeded_client.get(f"/api/v1/calls/{s.call_id}/summary.pdf?lang=en", headers=seeded_auth("admin")).data
    )
    assert "OHCHR continues to administer the Fund" in summary
    assert (
        "the Fund supports direct assistance to victims of torture and members of their families." in summary
    )
    assert (
        "Final approval of four grants totalling $138,000 was given by the United Nations High Commissioner "
        "for Human Rights, on behalf of the Secretary-General." in summary
    )
    assert "taking into account each member's knowledge of human rights" in summary
    french = plain(
        seeded_client.get(f"/api/v1/calls/{s.call_id}/summary.pdf?lang=fr", headers=seeded_auth("admin")).data
    )
    assert "Le HCDH continue d'administrer le Fonds" in french
    assert (
        "L'approbation finale de quatre subventions pour un montant total de 138 000 dollars a été donnée par"
        in french
    )
    assert "dans le domaine des droits de l'homme" in french
    chapter = plain(
        seeded_client.get(
            f"/api/v1/funds/{s.fund.id}/chapter.pdf?as_of={AS_OF['UNVFVT']}&lang=en",
            headers=seeded_auth("admin"),
        ).data
    )
    assert (
        "OHCHR continued to administer the United Nations Voluntary Fund for Victims of Torture, established "
        "by the General Assembly in its resolution 36/151 of 16 December 1981, and to encourage" in chapter
    )


def test_a_donor_that_gave_to_both_funds_gets_one_statement_per_fund(
    seeded_client, seeded_auth, seeded, austria
):
    both = seeded_client.get(f"/api/v1/donors/{austria}/statement", headers=seeded_auth("admin"))
    assert both.status_code == 409
    assert str(seeded["UNVTF"].fund.id) in both.get_json()["detail"]
    for code, other in (("UNVTF", "UNVFVT"), ("UNVFVT", "UNVTF")):
        statement = seeded_client.get(
            f"/api/v1/donors/{austria}/statement?fund_id={seeded[code].fund.id}", headers=seeded_auth("admin")
        ).get_json()
        assert {e["fund_id"] for e in statement["entries"]} == {seeded[code].fund.id}
        assert all(e["contribution_reference"].startswith(code + "-") for e in statement["entries"])
        assert [a["fund_id"] for a in statement["fund_activity"]] == [seeded[code].fund.id]
        assert not any(e["contribution_reference"].startswith(other + "-") for e in statement["entries"])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_torture_funds_letters_thank_for_work_with_victims_of_torture_never_of_trafficking(
    seeded_client, seeded_auth, seeded_session, seeded, lang
):
    s = seeded["UNVFVT"]
    declined = seeded_session.scalar(
        select(m.Recommendation.id).where(
            m.Recommendation.session_id == s.session_id, m.Recommendation.decision == "decline"
        )
    )
    receipt = seeded_session.scalar(
        select(m.Receipt.id).where(m.Receipt.fund_id == s.fund.id).order_by(m.Receipt.id).limit(1)
    )
    letters = {
        "decline": f"/api/v1/board/recommendations/{declined}/letter.pdf?lang={lang}",
        "acknowledgement": f"/api/v1/receipts/{receipt}/acknowledgement.pdf?lang={lang}",
    }
    said = {
        "decline": {"en": "work with victims of torture", "fr": "action auprès des victimes de la torture"},
        "acknowledgement": {
            "en": "continue assisting victims of torture through the organizations it funds",
            "fr": "continuer à aider les victimes de la torture par l'intermédiaire des organisations",
        },
    }
    for what, url in letters.items():
        response = seeded_client.get(url, headers=seeded_auth("admin"))
        assert response.status_code == 200, (what, response.get_json())
        words = plain(response.data)
        assert said[what][lang] in words, (what, lang)
        for foreign in FOREIGN["UNVFVT"]:
            assert re.search(foreign, words, re.IGNORECASE) is None, (what, lang, foreign)


@pytest.mark.parametrize(("document", "lang"), [("status", "en"), ("chapter", "en"), ("status", "fr")])
def test_a_funds_yearly_average_is_over_the_years_its_books_hold_not_since_a_creation_they_do_not_reach(
    seeded_client, seeded_auth, seeded, seeded_session, document, lang
):
    """The torture fund was created in 1981, but the seed holds its money from 2019 only: an average
    since 1981 would divide two years' money by 39. Its documents say the years they average over;
    the UNVTF's, whose books begin with it, still say "since its creation"."""
    torture, unvtf = seeded["UNVFVT"], seeded["UNVTF"]
    first = seeded_session.scalar(
        select(func.min(m.Receipt.received_on)).where(m.Receipt.fund_id == torture.fund.id)
    )
    words = plain(
        seeded_client.get(f"{documents(torture, 0)[document]}lang={lang}", headers=seeded_auth("admin")).data
    )
    if lang == "fr":
        assert f"Depuis {first.year}, première année pour laquelle des données sont disponibles" in words
        assert "Depuis sa création en 1981" not in words
        return
    said = re.search(
        rf"Since {first.year}, the earliest year for which records are available, the Fund has received "
        r"contributions totalling (?:some |about )?\$([0-9,]+), an annual average of \$([0-9,]+)",
        words,
    )
    assert said is not None, words
    total, average = (int(x.replace(",", "")) for x in said.groups())
    years = round((dt.date(2020, 12, 31) - dt.date(first.year, 1, 1)).days / 365.25)
    assert abs(average - total // years) <= total // years // 100 + 1000  # both rounded "about" figures
    assert "creation in 1981" not in words
    unvtf_words = plain(
        seeded_client.get(f"{documents(unvtf, 0)[document]}lang=en", headers=seeded_auth("admin")).data
    )
    assert "Since its creation in 2010, the Fund has received" in unvtf_words
