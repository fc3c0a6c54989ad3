"""The seed's second fund: a small, illustrative United Nations Voluntary Fund for Victims of Torture.

Beside the UNVTF's reported history, one installation holds a second fund so that each fund's
records, documents and open data can be seen apart: the torture victims' fund that OHCHR
administers, as its real facts are (created by General Assembly resolution 36/151 of
16 December 1981, A/37/618 par. 1; a Board of a Chair and four members with wide experience
in the field of human rights, par. 2; recommendations adopted at an autumn session in Geneva and
approved on behalf of the Secretary-General; one-year grants), with one annual call and a
handful of records, every one of them invented and marked ``"illustrative": true``: the Board's
members (placeholder names, the "John Doe" of five languages), the call, the NGOs, proposals,
grants, donors and contributions. None of its figures is the real fund's (which grants some USD
7 million a year to some 180 organizations).

Written by ``seed/generate.py`` into ``seed/unvfvt/``, after the UNVTF's files; it draws no
random numbers, so the UNVTF's files are what they were. Exchange rates are the UNVTF seed's
(the same table), so the two funds' receipts in euros on one day convert alike.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from fundapp.books.support import cost_of_commitment, grantable_minor
from fundapp.funds.models import percent_of_bp
from fundapp.money import convert_to_usd_minor, format_minor

FUND_CODE = "UNVFVT"
SUPPORT_BP = 1300
CALL = "2019"
SESSION_DAY = dt.date(2018, 10, 5)  # the Board's autumn session, Geneva (illustrative)
APPROVAL = "2018-12-14T15:00:00Z"  # the Letters of Notification go out in December
RESERVE_UNTIL = "2019-06-30"
APPROVER = "United Nations High Commissioner for Human Rights (on behalf of the Secretary-General)"
ILLUSTRATIVE = "Illustrative: invented for the seed's second fund (seed/README.md)"
CRITERIA = [
    "registered_non_profit",
    "direct_assistance_to_victims",
    "experience_with_victims",
    "amount_within_limits",
    "duration_within_limits",
    "complete_application",
]
CEILING = 50_000_00

FUND = {
    "code": FUND_CODE,
    "name_en": "United Nations Voluntary Fund for Victims of Torture",
    "name_fr": "Fonds de contributions volontaires des Nations Unies pour les victimes de la torture",
    "short_name": "UNVFVT",
    "administrator": "OHCHR",
    "established_on": "1981-12-16",
    "currency": "USD",
    "programme_support": {
        "rate": percent_of_bp(SUPPORT_BP),
        "illustrative": True,
        "source": "Assumed: the standard rate on United Nations trust funds (ST/SGB/188 par. 47; "
        "ST/AI/286), as for the UNVTF",
    },
    "illustrative": False,
    "source": "GA res. 36/151 of 16 December 1981, as cited in A/37/618 par. 1-2 (report of the "
    "Secretary-General, 16 November 1982) and A/HRC/40/21 par. 2",
    "mandate": {
        "resolution": "36/151",
        "purpose_en": "direct assistance to victims of torture and members of their families",
        "purpose_fr": "l’assistance directe aux victimes de la torture et aux membres de leur famille",
        "victims_en": "victims of torture",
        "victims_fr": "victimes de la torture",
        "cause_en": "torture",
        "cause_fr": "la torture",
        # "a chairman and four members with wide experience in the field of human rights"
        # (A/37/618 par. 2); the French as it follows "dans le domaine"
        "expertise_en": "human rights",
        "expertise_fr": "des droits de l’homme",
        # the Board's recommendations are approved by the High Commissioner on behalf of the
        # Secretary-General (in December 2018, the High Commissioner was a woman: "la Haute-Commissaire")
        "approver_en": "the United Nations High Commissioner for Human Rights, on behalf of the "
        "Secretary-General",
        "approver_fr": "la Haute-Commissaire des Nations Unies aux droits de l’homme, au nom du "
        "Secrétaire général",
        # assumed, not stated by the Fund: redress and access to justice for victims
        "sdg_targets": ["16.3"],
        # medical, psychological, social and legal aid (A/HRC/40/21 par. 2)
        "assistance": ["medical", "psychological_recovery", "social_reintegration", "legal_administrative"],
        "groups": [],
        "source": "A/37/618 par. 1-2; A/HRC/40/21 par. 2; sdg_targets assumed",
    },
    # what the fund's calls take unless they say otherwise, and the reports each grant owes
    "eligibility_criteria": CRITERIA,
    "grant_limits": {
        "floor": "5000.00",
        "ceiling": "50000.00",
        "max_duration_months": 12,
        "illustrative": True,
        "source": "ceiling and duration: 'up to about USD 50,000', grants 'for one year' (OHCHR, the "
        "Fund's annual grant cycle); floor assumed",
    },
    "reporting": {
        "final_due_days": 60,
        "final_natures": ["narrative", "financial"],
        "illustrative": True,
        "source": "assumed from the OHCHR trust funds' rule of a final narrative and financial report by "
        "1 March of the year after the grant (Slavery fund, 'How to report on a grant')",
    },
    "open_data": {
        "org_id": "XM-DAC-41313",
        "org_name": "Office of the United Nations High Commissioner for Human Rights",
        "grant_prefix": "360G-OHCHR",
        "website": "https://www.ohchr.org",
        "source": "org_id: code 41313, 'United Nations High Commissioner for Human Rights "
        "(extrabudgetary contributions only)', in IATI's CRSChannelCode codelist "
        "(IATI/IATI-Codelists-NonEmbedded, xml/CRSChannelCode.xml, commit 7aeece773c60; list XM-DAC of "
        "org-id.guide); grant_prefix: a stand-in until 360Giving assigns OHCHR its prefix",
        "documents": [
            {
                "url": "https://undocs.org/A/HRC/40/21",
                "title": "A/HRC/40/21: United Nations Voluntary Fund for Victims of Torture, report of the "
                "Secretary-General (2018)",
                "category": "A07",
                "format": "text/html",
                "language": "en",
            }
        ],
    },
}

#: Placeholder names, one per regional group: the "John Doe" of German, Japanese, Spanish,
#: Bulgarian and French. Not the Board's members.
BOARD_TERMS = [
    {
        "label": "2018-2020",
        "starts_on": "2018-01-01",
        "ends_on": "2020-12-31",
        "appointed_on": "2017-12-01",
        "appointed_by": "Secretary-General",
        "appointment_notes": ["expertise"],
        "illustrative": True,
        "source": "Illustrative: five members with wide experience in the field of human rights, appointed "
        "by the Secretary-General (A/37/618 par. 2); the names are placeholders, the day and term invented",
        "members": [
            {"name": "Max Mustermann", "country_code": "DE", "is_chair": True, "gender": "m"},
            {"name": "Taro Yamada", "country_code": "JP", "is_chair": False, "gender": None},
            {"name": "Juan Pérez", "country_code": "CL", "is_chair": False, "gender": None},
            {"name": "Ivan Ivanov", "country_code": "BG", "is_chair": False, "gender": None},
            {"name": "Jean Dupont", "country_code": "SN", "is_chair": False, "gender": None},
        ],
    }
]
for _member in BOARD_TERMS[0]["members"]:
    _member["illustrative"] = True
    _member["source"] = BOARD_TERMS[0]["source"]

CALLS = [
    {
        "cycle_label": CALL,
        "cycle_number": 37,
        "title": "Call for applications for 2019 grants: direct assistance to victims of torture",
        "title_fr": "Appel à demandes de subventions pour 2019 : assistance directe aux victimes de la "
        "torture",
        "launched_on": "2018-01-15",
        "deadline": "2018-03-01T23:00:00Z",
        "priorities": [],
        "priorities_fr": [],
        "budget": None,
        "floor": "5000.00",
        "ceiling": format_minor(CEILING, "USD"),
        "max_duration_months": 12,
        "reserve_expires_on": RESERVE_UNTIL,
        "status": "completed",
        "eligibility_criteria": CRITERIA,
        "currency": "USD",
        "illustrative": True,
        # the 37th cycle: one a year since the first grants of 1983 (press release HR/4300, 1996)
        "source": "Illustrative: the Fund's annual call (15 January to 1 March), a 37th yearly cycle "
        "counted from the first grants of 1983",
    }
]

ORGANISATIONS = [
    (
        "vt-org-1",
        "Cedar Centre for the Rehabilitation of Torture Survivors",
        "CCRTS",
        "LB",
        2004,
        "Rana Haddad",
    ),
    ("vt-org-2", "Lake Victoria Torture Survivors' Care Trust", "LVTSCT", "UG", 2001, "Grace Namutebi"),
    ("vt-org-3", "Colectivo Jurídico Verdad y Reparación", "CJVR", "MX", 2009, "Lucía Ramírez"),
    ("vt-org-4", "Himalayan Forum for Women Survivors of Torture", "HFWST", "NP", 2007, "Sita Gurung"),
    (
        "vt-org-5",
        "Association Horizons pour les victimes de la torture",
        "AHVT",
        "TN",
        2012,
        "Leïla Ben Salem",
    ),
    ("vt-org-6", "Bayanihan Survivors' Care Network", "BSCN", "PH", 2010, "Marites Santos"),
    ("vt-org-7", "Centro Andino de Atención a Víctimas de Tortura", "CAAVT", "PE", 1998, "Jorge Quispe"),
]

#: key, organisation, language, title, requested, decision (fund / reserve / decline / ineligible),
#: amount recommended, target groups, kinds of assistance
PROPOSALS = [
    (
        "1",
        "vt-org-1",
        "en",
        "Medical, psychological and social rehabilitation of torture survivors in Beirut",
        48_000_00,
        "fund",
        45_000_00,
        ["women", "men", "girls", "boys"],
        ["medical", "psychological_recovery", "social_reintegration"],
    ),
    (
        "2",
        "vt-org-2",
        "en",
        "Trauma counselling and medical care for survivors of torture in northern Uganda",
        40_000_00,
        "fund",
        38_000_00,
        ["women", "men"],
        ["medical", "psychological_recovery"],
    ),
    (
        "3",
        "vt-org-3",
        "es",
        "Legal representation and psychosocial accompaniment of torture victims in Mexico",
        30_000_00,
        "fund",
        30_000_00,
        ["women", "men"],
        ["legal_administrative", "psychological_recovery"],
    ),
    (
        "4",
        "vt-org-4",
        "en",
        "Holistic care for women survivors of torture and their families in Nepal",
        27_500_00,
        "fund",
        25_000_00,
        ["women", "girls"],
        ["medical", "psychological_recovery", "social_reintegration"],
    ),
    (
        "5",
        "vt-org-5",
        "fr",
        "Réadaptation psychologique et sociale des victimes de la torture à Tunis",
        35_000_00,
        "reserve",
        None,
        ["women", "men"],
        ["psychological_recovery", "social_reintegration"],
    ),
    (
        "6",
        "vt-org-6",
        "en",
        "Community awareness on torture prevention in Mindanao",
        32_000_00,
        "decline",
        None,
        ["women", "men"],
        ["coordination_information"],
    ),
    (
        "7",
        "vt-org-7",
        "es",
        "Atención integral a víctimas de tortura en la región andina del Perú",
        80_000_00,
        "ineligible",
        None,
        ["women", "men", "boys", "girls"],
        ["medical", "psychological_recovery", "legal_administrative"],
    ),
]

SUMMARIES = {
    "1": "Specialized medical, psychological and social rehabilitation for some 400 survivors of torture and "
    "members of their families, referred by partner clinics and shelters, over twelve months.",
    "2": "Trauma counselling and medical care for some 250 survivors of torture in Gulu and neighbouring "
    "districts, with home visits for those who cannot travel.",
    "3": "Lawyers and psychologists accompany some 150 victims of torture and their families through "
    "criminal complaints and claims for redress.",
    "4": "Medical and psychological care and support to rebuild their livelihoods for some 180 women and "
    "girls who survived torture, and for their families.",
    "5": "Prise en charge psychologique et accompagnement social d’environ 200 victimes de la torture et de "
    "leurs proches.",
    "6": "Radio programmes and community meetings on the prevention of torture, with referrals of victims "
    "to health services.",
    "7": "Atención médica, psicológica y jurídica a unas 600 víctimas de tortura y sus familiares durante "
    "doce meses.",
}
RATIONALES = {
    "fund": "Established rehabilitation services for victims of torture; realistic budget; reports in order.",
    "reserve": "Eligible and relevant, but ranked below the funded projects given the available income; "
    "placed on the reserve list in case new funds are received by 30 June 2019.",
    "decline": "Eligible, but the project is mostly awareness-raising; little direct assistance to victims.",
}

#: The grants: proposal key, tranches (planned, paid on, amount), people assisted by sex and age
#: group (female adult, male adult, female child, male child) and by main kind of assistance.
GRANTS = [
    (
        "1",
        [("2019-01-15", "2019-01-22", 30_000_00), ("2019-07-31", "2019-08-06", 15_000_00)],
        (180, 150, 50, 40),
        {"medical": 150, "psychological_recovery": 200, "social_reintegration": 70},
    ),
    (
        "2",
        [("2019-01-15", "2019-01-24", 38_000_00)],
        (160, 100, 0, 0),
        {"medical": 110, "psychological_recovery": 150},
    ),
    (
        "3",
        [("2019-01-15", "2019-01-25", 30_000_00)],
        (70, 80, 0, 0),
        {"legal_administrative": 95, "psychological_recovery": 55},
    ),
    (
        "4",
        [("2019-01-15", "2019-01-28", 25_000_00)],
        (150, 0, 30, 0),
        {"medical": 60, "psychological_recovery": 90, "social_reintegration": 30},
    ),
]

#: Donors: key, name, kind, country; Austria and Germany give to the UNVTF too (the loader finds
#: them by name and kind), the others to this fund only.
DONORS = [
    ("ms-at", "Austria", "member_state", "AT"),
    ("ms-de", "Germany", "member_state", "DE"),
    ("vt-ms-cl", "Chile", "member_state", "CL"),
    ("vt-fd-1", "Lumen Foundation for Survivors", "foundation", "US"),
    ("vt-in-1", "Marguerite Olsson", "individual", "SE"),
]
#: reference, donor, pledged on, currency, pledged, receipts (received on, amount, rate date or None)
CONTRIBUTIONS = [
    ("UNVFVT-C-2018-01", "ms-at", "2018-01-30", "EUR", 50_000_00, [("2018-02-20", 50_000_00, "2018-02-01")]),
    ("UNVFVT-C-2018-02", "vt-in-1", "2018-04-03", "USD", 2_500_00, [("2018-04-03", 2_500_00, None)]),
    ("UNVFVT-C-2018-03", "vt-ms-cl", "2018-04-20", "USD", 25_000_00, [("2018-05-10", 25_000_00, None)]),
    ("UNVFVT-C-2018-04", "ms-de", "2018-05-28", "EUR", 40_000_00, [("2018-06-15", 40_000_00, "2018-06-01")]),
    ("UNVFVT-C-2018-05", "vt-fd-1", "2018-08-30", "USD", 25_000_00, [("2018-09-12", 25_000_00, None)]),
    # for the 2020 grants: received after the reserve list lapsed, so it funds no 2019 reserve project
    ("UNVFVT-C-2019-01", "ms-at", "2019-07-10", "EUR", 50_000_00, [("2019-08-20", 50_000_00, "2019-08-01")]),
    ("UNVFVT-C-2019-02", "ms-de", "2019-09-05", "EUR", 40_000_00, []),
]
RATE_SOURCE = "Approximate monthly rate (illustrative; not an official UN operational rate)"


def _usd(minor: int) -> str:
    return format_minor(minor, "USD")


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _contributions(rates: dict[tuple[str, str], str]) -> tuple[list[dict], list[dict], list[dict]]:
    """Donors, contributions with their receipts, and the rates they use (the UNVTF seed's)."""
    donors = [
        {
            "key": key,
            "name": name,
            "kind": kind,
            "country_code": country,
            "anonymous": False,
            "internal_note": None,
            "illustrative": True,
        }
        for key, name, kind, country in DONORS
    ]
    used: dict[tuple[str, str], Decimal] = {}
    contributions = []
    for reference, donor, pledged_on, currency, pledged, receipts in CONTRIBUTIONS:
        rows = []
        for received_on, amount, rate_day in receipts:
            rate = Decimal(1) if rate_day is None else Decimal(rates[(currency, rate_day)])
            if rate_day is not None:
                used[(currency, rate_day)] = rate
            rows.append(
                {
                    "received_on": received_on,
                    "currency": currency,
                    "amount": format_minor(amount, currency),
                    "usd_amount": _usd(convert_to_usd_minor(amount, currency, rate)),
                    "usd_rate": str(rate),
                    "rate_date": rate_day or received_on,
                    "status": "recorded",
                    "reversal_reason": None,
                    "reversed_at": None,
                }
            )
        contributions.append(
            {
                "reference": reference,
                "donor": donor,
                "campaign": None,
                "pledged_on": pledged_on,
                "currency": currency,
                "pledged": format_minor(pledged, currency),
                "earmarking": None,
                "status": "received" if rows else "pledged",
                "cancellation_reason": None,
                "cancelled_at": None,
                "internal_note": None,
                "illustrative": True,
            }
            | {"receipts": rows}
        )
    rate_rows = [
        {"currency": c, "rate_date": day, "usd_per_unit": str(rate), "source": RATE_SOURCE}
        for (c, day), rate in sorted(used.items())
    ]
    return donors, contributions, rate_rows


def received_by(contributions: list[dict], day: dt.date) -> int:
    """USD cents received by the end of ``day``."""
    return sum(
        int(Decimal(r["usd_amount"]) * 100)
        for c in contributions
        for r in c["receipts"]
        if _day(r["received_on"]) <= day
    )


def _organisations() -> list[dict]:
    return [
        {
            "key": key,
            "name": name,
            "acronym": acronym,
            "country_code": country,
            "registration_number": f"{country}-NGO-{founded}-{index}",
            "partner_portal_id": None,
            "year_founded": founded,
            "contact_name": contact,
            "contact_email": f"{contact.split()[0].lower()}@{acronym.lower()}.example",
            "illustrative": True,
        }
        for index, (key, name, acronym, country, founded, contact) in enumerate(ORGANISATIONS, start=1)
    ]


def _reference(key: str) -> str:
    return f"{FUND_CODE}-{CALL}-{int(key):03d}"


def _proposals() -> list[dict]:
    out = []
    for key, org, language, title, requested, decision, _amount, groups, kinds in PROPOSALS:
        eligible = decision != "ineligible"
        checks = [
            {
                "criterion": criterion,
                "passed": eligible or criterion != "amount_within_limits",
                "note": None
                if eligible or criterion != "amount_within_limits"
                else f"USD {_usd(requested)} requested, above the call's ceiling of USD {_usd(CEILING)}",
                "checked_at": f"2018-04-{9 + int(key):02d}T10:00:00Z",
            }
            for criterion in CRITERIA
        ]
        status = {"fund": "approved", "reserve": "reserve", "decline": "declined", "ineligible": "ineligible"}
        out.append(
            {
                "reference": _reference(key),
                "call": CALL,
                "organisation": org,
                "title": title,
                "summary": SUMMARIES[key],
                "currency": "USD",
                "requested": _usd(requested),
                "duration_months": 12,
                "language": language,
                "status": status[decision],
                "submitted_at": f"2018-02-{10 + 2 * int(key):02d}T09:30:00Z",
                "withdrawn_reason": None,
                "facets": {
                    "country": [dict((o[0], o[3]) for o in ORGANISATIONS)[org]],
                    "target_group": groups,
                    "assistance": kinds,
                },
                "checks": checks,
                "illustrative": True,
            }
        )
    return out


def _board(contributions: list[dict]) -> dict:
    """The autumn session: the Board recommends within the income available that day, support costs
    set aside; what is left does not cover the project it puts on the reserve list."""
    available = grantable_minor(received_by(contributions, SESSION_DAY), 0, SUPPORT_BP)
    funded = [p for p in PROPOSALS if p[5] == "fund"]
    total = sum(p[6] for p in funded)
    assert total <= available, (total, available)
    reserve = next(p for p in PROPOSALS if p[5] == "reserve")
    left = received_by(contributions, SESSION_DAY) - cost_of_commitment(0, total, SUPPORT_BP)
    assert cost_of_commitment(total, reserve[4], SUPPORT_BP) > left, (
        "the reserve project would have been funded"
    )
    recommendations = []
    for rank, (key, _org, _lang, _title, _requested, _decision, amount, *_rest) in enumerate(funded, start=1):
        recommendations.append(
            {
                "proposal": _reference(key),
                "decision": "fund",
                "amount": _usd(amount),
                "rank": rank,
                "rationale": RATIONALES["fund"],
                "reserve_expires_on": None,
                "status": "approved",
                "approvals": [
                    {
                        "decision": "approved",
                        "amount": _usd(amount),
                        "approver_name": APPROVER,
                        "decided_at": APPROVAL,
                        "reason": None,
                    }
                ],
            }
        )
    for key, _org, _lang, _title, _requested, decision, *_rest in PROPOSALS:
        if decision in ("reserve", "decline"):
            recommendations.append(
                {
                    "proposal": _reference(key),
                    "decision": decision,
                    "amount": None,
                    "rank": 1 if decision == "reserve" else None,
                    "rationale": RATIONALES[decision],
                    "reserve_expires_on": RESERVE_UNTIL if decision == "reserve" else None,
                    "status": "expired" if decision == "reserve" else "declined",
                    "approvals": [],
                }
            )
    return {
        "sessions": [
            {
                "key": "session-2018",
                "call": CALL,
                "term": BOARD_TERMS[0]["label"],
                "held_on": SESSION_DAY.isoformat(),
                "place": "Geneva",
                "currency": "USD",
                "available_income": _usd(available),
                "status": "closed",
                "recommendations": recommendations,
            }
        ]
    }


def _report(kind: str, nature: str, due: str, received: str, people: dict[str, Any] | None = None) -> dict:
    return {
        "kind": kind,
        "nature": nature,
        "due_on": due,
        "received_on": received,
        "status": "accepted",
        "review_note": None,
        "people_assisted": None,
        "people_by_sex_and_age": [],
        "people_by_nationality": [],
        "people_by_assistance": [],
    } | (people or {})


def _grants() -> list[dict]:
    out = []
    proposals = {p[0]: p for p in PROPOSALS}
    for number, (key, tranches, by_sex_age, by_assistance) in enumerate(GRANTS, start=1):
        _key, org, *_rest = proposals[key]
        amount = proposals[key][6]
        assert sum(t[2] for t in tranches) == amount
        female_adult, male_adult, female_child, male_child = by_sex_age
        people = sum(by_sex_age)
        assert sum(by_assistance.values()) == people, key
        breakdown = {
            "people_assisted": people,
            "people_by_sex_and_age": [
                {"sex": sex, "age_group": age, "people": n}
                for sex, age, n in (
                    ("female", "adult", female_adult),
                    ("male", "adult", male_adult),
                    ("female", "child", female_child),
                    ("male", "child", male_child),
                )
                if n
            ],
            "people_by_assistance": [{"assistance": k, "people": n} for k, n in by_assistance.items()],
        }
        reports = [_report("interim", "narrative", "2019-07-15", "2019-07-10")] if len(tranches) > 1 else []
        reports += [
            _report("final", "narrative", "2020-03-01", "2020-02-24", breakdown),
            _report("final", "financial", "2020-03-01", "2020-02-24"),
        ]
        out.append(
            {
                "agreement_number": f"{FUND_CODE}/{CALL}/{number:03d}",
                "call": CALL,
                "proposal": _reference(key),
                "organisation": org,
                "currency": "USD",
                "amount": _usd(amount),
                "approved_on": APPROVAL[:10],
                "starts_on": "2019-01-01",
                "ends_on": "2019-12-31",
                "country_code": dict((o[0], o[3]) for o in ORGANISATIONS)[org],
                "status": "closed",
                "status_reason": None,
                "ended_on": "2020-03-16",
                "illustrative": True,
                "conditions": [
                    {
                        "description": "Revised budget adjusted to the amount awarded",
                        "description_fr": "Budget révisé ajusté au montant octroyé",
                        "met_on": "2019-01-08",
                        "note": None,
                    },
                    {
                        "description": "Banking details and acknowledgement of receipt",
                        "description_fr": "Coordonnées bancaires et accusé de réception",
                        "met_on": "2019-01-10",
                        "note": None,
                    },
                ],
                "disbursements": [
                    {
                        "tranche": i,
                        "currency": "USD",
                        "planned_on": planned,
                        "amount": _usd(minor),
                        "paid_on": paid,
                        "paid": _usd(minor),
                        "status": "paid",
                        "cancellation_reason": None,
                    }
                    for i, (planned, paid, minor) in enumerate(tranches, start=1)
                ],
                "reports": reports,
            }
        )
    return out


def build(rates: dict[tuple[str, str], str], comment: str) -> dict[str, dict]:
    """The second fund's seed files, by name."""
    donors, contributions, rate_rows = _contributions(rates)
    grants = _grants()
    committed = sum(int(Decimal(g["amount"]) * 100) for g in grants)
    received = received_by(contributions, _day(APPROVAL[:10]))
    assert cost_of_commitment(0, committed, SUPPORT_BP) <= received, "over-committed"
    figures = [
        {
            "key": "fund.established",
            "value": FUND["established_on"],
            "exact": True,
            "wording": "résolution 36/151 du 16 décembre 1981",
            "source": "A/37/618 par. 1",
        }
    ]
    return {
        "fund.json": {
            "_comment": comment,
            "fund": FUND,
            "board_terms": BOARD_TERMS,
            "calls": CALLS,
            "campaigns": [],
            "evaluations": [],
            "figures": figures,
        },
        "organisations.json": {"_comment": comment, "organisations": _organisations()},
        "proposals.json": {"_comment": comment, "proposals": _proposals()},
        "board.json": {"_comment": comment} | _board(contributions),
        "grants.json": {"_comment": comment, "grants": grants},
        "contributions.json": {
            "_comment": comment,
            "exchange_rates": rate_rows,
            "donors": donors,
            "contributions": contributions,
        },
        "users.json": {"_comment": comment, "users": []},
    }
