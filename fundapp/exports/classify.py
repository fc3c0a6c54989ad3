"""Where a grant works and what it is about, in the codes the open-data standards use.

One place for each answer, so that the 360Giving package, the IATI activities and the CSV
export never disagree:

- ``grant_countries``: a grant's countries and the split of its money between them. The
  grant's own country first, then the proposal's other countries of implementation; the
  money is split evenly (the fund records no other split), in percentages with two decimals
  that add up to exactly 100, the first country taking the rounding. Kosovo (XK, a code
  IATI's Country list holds but ISO 3166-1 does not assign) is kept: IATI names it by its
  code, 360Giving by its name and geocode (its countryCode list lacks it). Other codes that
  are no country (EU, UN...) are left out of every file.
- ``sectors``: OECD DAC 5-digit purpose codes (IATI Sector, vocabulary 1) from the kinds of
  assistance and the target groups, with percentages that add up to 100.
- ``sdg_targets``: SDG targets (IATI tag vocabulary 3) the grant's purpose fits: those its fund
  serves with every grant (the fund's ``mandate``: ``sdg_targets``), and those its groups add.
- ``gender_significance``: the DAC gender-equality policy marker's significance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from .publisher import iso_country

HUNDRED = Decimal(100)
#: Codes IATI's Country codelist holds that ISO 3166-1 (and 360Giving's countryCode) does not.
IATI_ONLY_COUNTRIES = frozenset({"XK"})
CENT = Decimal("0.01")

# OECD DAC purpose codes (IATI Sector codelist, vocabulary 1); the tests check each against
# the IATI Validator's codelist.
SECTOR_EVAW = "15180"  # Ending violence against women and girls
SECTOR_HUMAN_RIGHTS = "15160"  # Human rights
SECTOR_MIGRATION = "15190"  # Facilitation of orderly, safe, regular and responsible migration
SECTOR_SOCIAL_PROTECTION = "16010"  # Social protection
SECTOR_VOCATIONAL = "11330"  # Vocational training
SECTOR_NAMES = {
    SECTOR_EVAW: "Ending violence against women and girls",
    SECTOR_HUMAN_RIGHTS: "Human rights",
    SECTOR_MIGRATION: "Facilitation of orderly, safe, regular and responsible migration and mobility",
    SECTOR_SOCIAL_PROTECTION: "Social protection",
    SECTOR_VOCATIONAL: "Vocational training",
}
#: The sector of each kind of assistance. Direct care of victims (identification, shelter,
#: medical and psychological care, reintegration) is social protection, or ending violence
#: against women and girls when the grant assists only women and girls.
_CARE = "care"
ASSISTANCE_SECTOR = {
    "identification": _CARE,
    "shelter": _CARE,
    "medical": _CARE,
    "psychological_recovery": _CARE,
    "social_reintegration": _CARE,
    "legal_administrative": SECTOR_HUMAN_RIGHTS,
    "rights_assertion": SECTOR_HUMAN_RIGHTS,
    "education_vocational": SECTOR_VOCATIONAL,
    "return_family_reunification": SECTOR_MIGRATION,
    "coordination_information": _CARE,
}
FEMALE_GROUPS = frozenset({"women", "girls"})
CHILD_GROUPS = frozenset({"girls", "boys"})

# SDG targets (IATI tag vocabulary 3, UNSDG-Targets), in the order files list them
SDG_VIOLENCE_WOMEN = "5.2"  # eliminate violence against women and girls, including trafficking
SDG_TRAFFICKING = "8.7"  # end forced labour, modern slavery and human trafficking
SDG_CHILDREN = "16.2"  # end abuse, exploitation, trafficking of children
SDG_JUSTICE = "16.3"  # the rule of law, equal access to justice
SDG_NAMES = {
    SDG_VIOLENCE_WOMEN: "Eliminate all forms of violence against all women and girls, "
    "including trafficking and sexual and other types of exploitation",
    SDG_TRAFFICKING: "Eradicate forced labour, end modern slavery and human trafficking",
    SDG_CHILDREN: "End abuse, exploitation, trafficking and all forms of violence against children",
    SDG_JUSTICE: "Promote the rule of law at the national and international levels and ensure equal "
    "access to justice for all",
}

# DAC gender-equality policy marker (IATI PolicyMarker 1) significance
GENDER_PRINCIPAL, GENDER_SIGNIFICANT = "2", "1"


def split(weights: Sequence[int | Decimal]) -> list[Decimal]:
    """Percentages (two decimals) in proportion to the weights, adding up to exactly 100.00:
    each share rounded down, the cents left over given to the largest remainders (the first
    on a tie). All weights zero (or none) split evenly."""
    if not weights:
        return []
    total = sum(weights)
    if total <= 0:
        weights, total = [1] * len(weights), len(weights)
    exact = [Decimal(w) * 10000 / Decimal(total) for w in weights]  # in cents of a percent
    cents = [int(e) for e in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - cents[i]), i))
    for i in order[: 10000 - sum(cents)]:
        cents[i] += 1
    return [Decimal(c) * CENT for c in cents]


def grant_countries(main_country: str, countries: Iterable[str]) -> list[tuple[str, Decimal]]:
    """The grant's ISO countries and each one's share of its money (the rule above)."""
    codes = [main_country] + sorted(c for c in set(countries) if c != main_country)
    codes = [c for c in codes if iso_country(c) or c in IATI_ONLY_COUNTRIES]
    return list(zip(codes, split([1] * len(codes)), strict=True))


def sectors(assistance: Iterable[str], target_groups: Iterable[str]) -> list[tuple[str, Decimal]]:
    """DAC sectors of a grant and their shares, each kind of assistance counting once."""
    groups = set(target_groups)
    care = SECTOR_EVAW if groups and groups <= FEMALE_GROUPS else SECTOR_SOCIAL_PROTECTION
    counts: dict[str, int] = {}
    for kind in sorted(set(assistance)):
        sector = ASSISTANCE_SECTOR.get(kind, _CARE)
        sector = care if sector == _CARE else sector
        counts[sector] = counts.get(sector, 0) + 1
    if not counts:
        counts[care] = 1
    codes = sorted(counts)
    return list(zip(codes, split([counts[c] for c in codes]), strict=True))


def weighted(shares: Iterable[tuple[Sequence[tuple[str, Decimal]], int]]) -> list[tuple[str, Decimal]]:
    """Shares of a whole (the fund's sectors or countries) from its parts' shares weighted by
    their amounts, adding up to 100."""
    totals: dict[str, Decimal] = {}
    for parts, amount in shares:
        for code, percentage in parts:
            totals[code] = totals.get(code, Decimal(0)) + percentage * amount
    codes = sorted(c for c, v in totals.items() if v > 0)
    return list(zip(codes, split([totals[c] for c in codes]), strict=True))


def fund_sdg_targets(mandate: Mapping[str, Any] | None) -> list[str]:
    """The SDG targets a fund serves with every grant, as its mandate states them (the
    trafficking fund: 8.7); none unless it says."""
    return [t for t in (mandate or {}).get("sdg_targets", ()) if t in SDG_NAMES]


def sdg_targets(target_groups: Iterable[str], every: Iterable[str] = ()) -> list[str]:
    """The targets the fund serves with every grant (``fund_sdg_targets``); 5.2 where the grant
    assists women or girls, 16.2 where it assists children; in the order of ``SDG_NAMES``."""
    groups = set(target_groups)
    targets = set(every)
    if groups & FEMALE_GROUPS:
        targets.add(SDG_VIOLENCE_WOMEN)
    if groups & CHILD_GROUPS:
        targets.add(SDG_CHILDREN)
    return sorted(targets, key=list(SDG_NAMES).index)


def gender_significance(target_groups: Iterable[str]) -> str:
    """Principal objective where the grant assists only women and girls, else significant."""
    groups = set(target_groups)
    return GENDER_PRINCIPAL if groups and groups <= FEMALE_GROUPS else GENDER_SIGNIFICANT
