"""Who publishes the open data, and the identifiers it gives funds, grants and organisations.

Identifier scheme (stable: built from business keys that never change, never database ids):

- **The publisher / funder** is the UN entity that administers the fund: its org-id is
  ``OPEN_DATA_ORG_ID``, by default ``XM-DAC-41128``: list ``XM-DAC`` of org-id.guide (the
  OECD DAC channel codes, the list IATI uses for multilateral agencies), code 41128 for
  UNODC. A trust fund is not a legal person and has no registry number of its own, so it
  appears as a *department* of its administrator (360Giving) and as an activity of it
  (IATI), rather than under an invented list code: ``XI-UNVTF`` or ``XM-UNVTF`` would look
  like org-ids from lists that do not exist.
- **Grants** (360Giving): ``<360G prefix>-<agreement number>`` with characters other than
  letters, digits, ``-``, ``.`` and ``_`` replaced by ``_``, as the 360Giving identifier
  guidance asks. The prefix (``OPEN_DATA_360G_PREFIX``) is the one 360Giving registers for
  the publisher; ``360G-UNODC`` stands in until it is assigned.
- **Recipient NGOs**: we hold a country and a registration number, but not which register
  issued it, so we cannot honestly claim an org-id.guide list code (``NG-CAC``, ``GB-CHC``...).
  360Giving's guidance for that case is the publisher's own prefix plus an internal
  identifier: ``<360G prefix>-ORG-<country>-<registration number>``. Country plus
  registration number is unique in the database and does not change when records are
  renumbered. IATI wants a registration-agency ``@ref``, so there the NGO is named
  without one.
- **IATI activities**: ``<org-id>-<fund code>`` for a fund and
  ``<org-id>-<fund code>-<agreement number>`` for a grant (IATI identifiers begin with the
  reporting organisation's identifier).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_part(text: str) -> str:
    """An identifier part without spaces, slashes or other special characters."""
    return _UNSAFE.sub("_", text.strip())


@dataclass(frozen=True)
class Publisher:
    org_id: str = "XM-DAC-41128"
    org_name: str = "United Nations Office on Drugs and Crime"
    #: IATI OrganisationType 40: Multilateral.
    org_type: str = "40"
    grant_prefix: str = "360G-UNODC"

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Publisher:
        """From ``OPEN_DATA_ORG_ID``, ``OPEN_DATA_ORG_NAME`` and ``OPEN_DATA_360G_PREFIX``
        (``FUNDAPP_OPEN_DATA_...`` in the environment)."""
        default = cls()
        return cls(
            org_id=config.get("OPEN_DATA_ORG_ID", default.org_id),
            org_name=config.get("OPEN_DATA_ORG_NAME", default.org_name),
            grant_prefix=config.get("OPEN_DATA_360G_PREFIX", default.grant_prefix),
        )

    def grant_id(self, agreement_number: str) -> str:
        return f"{self.grant_prefix}-{safe_part(agreement_number)}"

    def organisation_id(self, country_code: str, registration_number: str) -> str:
        return f"{self.grant_prefix}-ORG-{country_code}-{safe_part(registration_number)}"

    def fund_activity_id(self, fund_code: str) -> str:
        return f"{self.org_id}-{safe_part(fund_code)}"

    def grant_activity_id(self, fund_code: str, agreement_number: str) -> str:
        return f"{self.fund_activity_id(fund_code)}-{safe_part(agreement_number)}"


#: Codes babel knows as territories that ISO 3166-1 has not assigned (or reserves), which the
#: open-data country lists (360Giving countryCode, IATI Country) do not hold.
_NOT_ISO_3166 = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK"}
)


def iso_country(code: str | None) -> str | None:
    """The code if it is an assigned ISO 3166-1 alpha-2 code, else None (e.g. XK, Kosovo)."""
    return code if code and len(code) == 2 and code not in _NOT_ISO_3166 else None


@cache
def _country_names() -> dict[str, str]:
    return dict(Locale("en").territories)


def country_name(code: str) -> str:
    return _country_names().get(code, code)
