"""Who publishes the open data, and the identifiers it gives funds, grants and organisations.

Identifier scheme (stable: built from business keys that never change, never database ids):

- **The publisher / funder** is the UN entity that administers the fund. A trust fund is not
  a legal person and has no registry number of its own, so it appears as a *department* of
  its administrator (360Giving) and as an activity of it (IATI), rather than under an
  invented list code: ``XI-UNVTF`` or ``XM-UNVTF`` would look like org-ids from lists that do
  not exist. Each fund publishes under, in this order: its own ``open_data`` settings; the
  identifiers known for its administrator (``data/administrators.csv``: UNODC is
  ``XM-DAC-41128``, OHCHR ``XM-DAC-41313``, list ``XM-DAC`` of org-id.guide, the OECD DAC
  channel codes IATI uses for multilateral agencies); the installation's ``OPEN_DATA_*``
  settings. A fund for which none of them names the publisher publishes nothing (409): two
  funds of two administrators never share one's identifiers.
- **Grants** (360Giving): ``<360G prefix>-<agreement number>`` with characters other than
  letters, digits, ``-``, ``.`` and ``_`` replaced by ``_``, as the 360Giving identifier
  guidance asks. The prefix (``grant_prefix``) is the one 360Giving registers for the
  publisher; ``360G-<administrator>`` stands in until it is assigned.
- **Recipient NGOs**: we hold a country and a registration number. Where the number's form
  names its register (``data/orgid-registers.csv``: a Nigerian ``CAC/IT/NO`` number is the
  Corporate Affairs Commission's, list ``NG-CAC``), the NGO's org-id is that list's code
  and the number, in both files. Otherwise we cannot honestly claim a list, and 360Giving's
  guidance for that case is the publisher's own prefix plus an internal identifier:
  ``<360G prefix>-ORG-<country>-<registration number>`` (country plus registration number
  is unique in the database and does not change when records are renumbered); IATI wants a
  registration-agency ``@ref``, so there such an NGO is named without one.
- **Government donors**: ``XM-DAC-<DAC donor code>`` (``data/dac-donor-codes.csv``).
- **IATI activities**: ``<org-id>-<fund code>`` for a fund and
  ``<org-id>-<fund code>-<agreement number>`` for a grant (IATI identifiers begin with the
  reporting organisation's identifier).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from .. import countries
from ..countries import iso_assigned
from ..errors import Conflict

ORGID_REGISTERS = "orgid-registers.csv"
DAC_DONOR_CODES = "dac-donor-codes.csv"
ADMINISTRATORS = "administrators.csv"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_part(text: str) -> str:
    """An identifier part without spaces, slashes or other special characters."""
    return _UNSAFE.sub("_", text.strip())


#: Default licence of the open data: Creative Commons Attribution 4.0 (an open licence).
OPEN_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Document:
    """A public document about a fund (IATI ``document-link``)."""

    url: str
    title: str
    #: IATI DocumentCategory, e.g. A07 "Review of project performance and evaluation".
    category: str = "A07"
    #: IATI FileFormat (a MIME type).
    format: str = "text/html"
    language: str = "en"
    date: str | None = None


@dataclass(frozen=True)
class Publisher:
    """Who publishes one fund's open data (``Installation.for_fund`` makes it from the fund's
    settings, its administrator's known identifiers and the installation's settings)."""

    org_id: str
    org_name: str
    grant_prefix: str
    website: str
    #: IATI OrganisationType 40: Multilateral.
    org_type: str = "40"
    email: str | None = None
    licence: str = OPEN_LICENCE
    documents: tuple[Document, ...] = ()
    #: Where the data comes from (360Giving ``dataSource``): the fund's page by default.
    data_source: str | None = None

    #: The keys a fund's ``open_data`` may set.
    KEYS = (
        "org_id",
        "org_name",
        "org_type",
        "grant_prefix",
        "website",
        "email",
        "licence",
        "documents",
        "data_source",
    )
    #: What a publisher must be named by: no default can stand in for these.
    IDENTITY = ("org_id", "org_name", "grant_prefix", "website")

    def grant_id(self, agreement_number: str) -> str:
        return f"{self.grant_prefix}-{safe_part(agreement_number)}"

    def organisation_id(self, country_code: str, registration_number: str) -> str:
        """The NGO's registered org-id where its number names a register, else the publisher's own."""
        registered = registered_org_id(country_code, registration_number)
        return registered or f"{self.grant_prefix}-ORG-{country_code}-{safe_part(registration_number)}"

    def fund_activity_id(self, fund_code: str) -> str:
        return f"{self.org_id}-{safe_part(fund_code)}"

    def grant_activity_id(self, fund_code: str, agreement_number: str) -> str:
        return f"{self.fund_activity_id(fund_code)}-{safe_part(agreement_number)}"


@dataclass(frozen=True)
class Installation:
    """The installation's open-data settings, beneath each fund's own and its administrator's."""

    settings: Mapping[str, Any]

    #: The installation's settings (``FUNDAPP_OPEN_DATA_...`` in the environment) and their keys.
    SETTINGS = {
        "OPEN_DATA_ORG_ID": "org_id",
        "OPEN_DATA_ORG_NAME": "org_name",
        "OPEN_DATA_360G_PREFIX": "grant_prefix",
        "OPEN_DATA_WEBSITE": "website",
        "OPEN_DATA_EMAIL": "email",
        "OPEN_DATA_LICENCE": "licence",
    }

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Installation:
        """The installation's settings: ``OPEN_DATA_ORG_ID``, ``OPEN_DATA_ORG_NAME``,
        ``OPEN_DATA_360G_PREFIX``, ``OPEN_DATA_WEBSITE``, ``OPEN_DATA_EMAIL`` and
        ``OPEN_DATA_LICENCE``, those set only."""
        return Installation({key: config[name] for name, key in cls.SETTINGS.items() if config.get(name)})

    def in_force(self, administrator: str | None, open_data: Mapping[str, Any] | None) -> dict[str, Any]:
        """The settings a fund publishes under, each from the first that sets it: the fund's
        ``open_data``, its administrator's identifiers (``data/administrators.csv``), the
        installation's settings; the rest at their defaults."""
        values: dict[str, Any] = {**self.settings, **administrator_identifiers(administrator)}
        values |= {k: v for k, v in (open_data or {}).items() if k in Publisher.KEYS and v is not None}
        return values

    def for_fund(self, fund: Any) -> Publisher:
        """The publisher of a fund (anything with ``code``, ``administrator``, ``open_data``);
        409 if nothing names it (``Publisher.IDENTITY``)."""
        values = self.in_force(fund.administrator, fund.open_data)
        missing = [k for k in Publisher.IDENTITY if not values.get(k)]
        if missing:
            raise Conflict(
                f"fund {fund.code} publishes no open data: nothing names its publisher "
                f"({', '.join(missing)}); set them with 'flask fund open-data {fund.code} --set KEY=VALUE'",
                missing=missing,
            )
        if "documents" in values:
            values["documents"] = tuple(Document(**d) for d in values["documents"])
        return Publisher(**values)


def _data_rows(name: str) -> list[dict[str, str]]:
    text = files("fundapp").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@cache
def _registers() -> dict[str, list[tuple[str, re.Pattern[str], str]]]:
    registers: dict[str, list[tuple[str, re.Pattern[str], str]]] = {}
    for row in _data_rows(ORGID_REGISTERS):
        registers.setdefault(row["country"], []).append(
            (row["list_code"], re.compile(row["pattern"]), row["identifier"])
        )
    return registers


def registered_org_id(country_code: str, registration_number: str) -> str | None:
    """The org-id.guide identifier a registration number gives in its country, if it names a
    register (``data/orgid-registers.csv``), else None."""
    for list_code, pattern, template in _registers().get(country_code, []):
        match = pattern.match(registration_number.strip())
        if match:
            return f"{list_code}-{template.format(**match.groupdict())}"
    return None


@cache
def _dac_donor_codes() -> dict[str, str]:
    return {row["country_code"]: row["dac_donor_code"] for row in _data_rows(DAC_DONOR_CODES)}


@cache
def _administrators() -> dict[str, dict[str, str]]:
    return {
        row["administrator"]: {k: v for k, v in row.items() if k != "administrator" and v}
        for row in _data_rows(ADMINISTRATORS)
    }


def administrator_identifiers(administrator: str | None) -> dict[str, str]:
    """The identifiers a fund publishes under for its administrator (``data/administrators.csv``):
    org_id, org_name, grant_prefix, website; none for an administrator not listed."""
    return dict(_administrators().get(administrator or "", {}))


def government_org_id(country_code: str | None) -> str | None:
    """A government donor's IATI identifier, ``XM-DAC-<DAC donor code>`` (``data/dac-donor-codes.csv``),
    or None for a government that has no DAC code."""
    code = _dac_donor_codes().get(country_code or "")
    return f"XM-DAC-{code}" if code else None


def iso_country(code: str | None) -> str | None:
    """The code if it is an assigned ISO 3166-1 alpha-2 code, else None (e.g. XK, Kosovo)."""
    return code if iso_assigned(code) else None


def country_name(code: str) -> str:
    """A country's English name in open data: the UN's (``countries.country_name``), as in the
    documents, so Kosovo is "Kosovo (under UNSCR 1244)" there too."""
    return countries.country_name(code, "en")
