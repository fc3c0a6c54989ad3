"""The Board's documents, one module each, behind one ``DocumentSpec`` (``spec``): its figures
(a call into ``reports.queries``, or its own query), its words chapter by chapter, its
template and its symbol. What several share is in ``common``.

- ``cycle_summary``: a call's grant cycle, from the call to the grants;
- ``fund_status``: the fund's contributions, position and Board on a day;
- ``chapter``: the fund's chapter of the Secretary-General's report as of a day;
- ``board_pack``: the Board's pack for a session (restricted);
- ``donor_statement``: a donor's pledges and payments (restricted);
- ``letters``: the fund's letters (decision letters to applicants, acknowledgements to donors).
"""

from . import board_pack, chapter, cycle_summary, donor_statement, fund_status, letters
from .common import ROMAN
from .spec import DocumentSpec

CYCLE_SUMMARY = cycle_summary.SPEC
FUND_STATUS = fund_status.SPEC
FUND_CHAPTER = chapter.SPEC
BOARD_PACK = board_pack.SPEC
DONOR_STATEMENT = donor_statement.SPEC
DECISION_LETTER = letters.DECISION_LETTER
ACKNOWLEDGEMENT = letters.ACKNOWLEDGEMENT

SPECS = (
    CYCLE_SUMMARY,
    FUND_STATUS,
    FUND_CHAPTER,
    BOARD_PACK,
    DONOR_STATEMENT,
    DECISION_LETTER,
    ACKNOWLEDGEMENT,
)
BY_KIND = {spec.kind: spec for spec in SPECS}

__all__ = [
    "ACKNOWLEDGEMENT",
    "DECISION_LETTER",
    "BOARD_PACK",
    "BY_KIND",
    "CYCLE_SUMMARY",
    "DONOR_STATEMENT",
    "FUND_CHAPTER",
    "FUND_STATUS",
    "ROMAN",
    "SPECS",
    "DocumentSpec",
]
