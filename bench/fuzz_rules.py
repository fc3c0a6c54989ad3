"""The rules a schema-valid request may still break, shared by both fuzzers.

``tests/test_fuzz.py`` (in process) and ``bench/fuzz.py`` (the release run against gunicorn)
accept a 422 to input the OpenAPI document calls valid only when every field error it names is
one of these: rules across fields or against stored records and the clock, which JSON Schema
cannot state. Any other 422 to valid input is a failure of ``positive_data_acceptance``.
"""

from __future__ import annotations

import fnmatch
from typing import Any

_DATES = [("ends_on", "must not be before starts_on")]
#: A grant period is checked against the approval's day: it may not already be over.
_GRANT_PERIOD = [
    ("ends_on", "must not be before the grant starts*"),
    ("ends_on", "must not be before the approval*"),
]
_PERIOD = [("to", "must not be before 'from'")]
#: A sum over funds is of one fund for a caller who works for several but not all (a fuzzer
#: that creates a fund makes its staff such a caller).
_ONE_FUND = [("fund_id", "you work for several funds *: name one")]
_RANGES = [("*_to", "must not be before '*_from'")]
_CONTACT_LANGUAGE = [("language", "no fund of this installation works in *")]
_SCALE = [("scale_max", "must be above scale_min")]
#: A review: scores or a declared conflict, never both; one score on each of the fund's active
#: criteria, on its scale; an eligible proposal of the session's call.
_REVIEW = [
    ("scores", "a declared conflict of interest carries no scores"),
    ("recommendation", "a declared conflict of interest carries no recommendation"),
    ("recommendation", "required unless conflict_of_interest is true"),
    ("scores", "a score on criterion * is missing"),
    ("scores.*.score", "* is outside the scale of *"),
    ("scores.*.criterion_id", "criterion * is *"),
]
#: The funds a user works for: one or more for staff, Board members and approvers, none for an
#: admin or a donor, and funds that exist.
_USER_FUNDS = [
    ("fund_ids", "a* * user works for one fund or more: name them"),
    ("fund_ids", "* users are not given funds*"),
    ("fund_ids", "fund * does not exist"),
]
#: A budget against the fund's stored categories and cap, and the amount it must add up to.
_BUDGET = [
    ("budget", "line *"),
    ("budget", "the lines add up to *"),
    ("budget", "indirect costs of * exceed the fund's cap*"),
]
#: A call's grant limits: in order, and within its fund's (stored limits the schema cannot see).
_CALL_LIMITS = [
    ("grant_ceiling", "must not be below grant_floor"),
    ("grant_floor", "must not be below the fund's grant_floor*"),
    ("grant_ceiling", "must not be above the fund's grant_ceiling*"),
    ("max_duration_months", "must not be above the fund's max_duration_months*"),
]
#: The 422s a schema-valid request may still get, per operation: rules across fields or against
#: stored records and the clock, which JSON Schema cannot state. positive_data_acceptance is
#: skipped for a response only when EVERY field error it names is one of these; any other 422
#: to input the document calls valid fails the run.
RULES_BEYOND_THE_SCHEMA: dict[str, list[tuple[str, str]]] = {
    "POST /api/v1/calls": [*_CALL_LIMITS, ("*", "required: the fund * sets no * of its own")],
    "PATCH /api/v1/calls/{call_id}": _CALL_LIMITS,
    "POST /api/v1/funds": [("grant_ceiling", "must not be below grant_floor")],
    "POST /api/v1/calls/{call_id}/open": [("deadline", "a call needs a deadline before it opens")],
    "POST /api/v1/organisations": [("year_founded", "must not be in the future")],
    "PATCH /api/v1/organisations/{organisation_id}": [("year_founded", "must not be in the future")],
    # Spanish only where a fund of the installation works in it (the stored funds' languages).
    "POST /api/v1/organisations/{organisation_id}/contacts": _CONTACT_LANGUAGE,
    "POST /api/v1/donors/{donor_id}/contacts": _CONTACT_LANGUAGE,
    "PATCH /api/v1/contacts/{contact_id}": _CONTACT_LANGUAGE,
    "POST /api/v1/proposals": _BUDGET,
    "PATCH /api/v1/proposals/{proposal_id}": [
        *_BUDGET,
        ("requested_amount", "the budget lines add up to *"),
    ],
    "POST /api/v1/proposals/{proposal_id}/screening": [
        ("checks.*.note", "a failed criterion needs a note saying why")
    ],
    "POST /api/v1/board/terms": _DATES,
    "POST /api/v1/board/sessions/{session_id}/recommendations": [
        ("recommendations.*.amount", "required when the decision is fund"),
        ("recommendations.*.amount", "only a fund decision carries an amount"),
    ],
    "POST /api/v1/board/recommendations/{rec_id}/approval": [
        *_DATES,
        *_GRANT_PERIOD,
        ("reason", "a rejection needs a reason"),
        ("starts_on", "only an approval sets the grant's dates"),
        ("ends_on", "only an approval sets the grant's dates"),
    ],
    "POST /api/v1/board/recommendations/{rec_id}/promotion": [*_DATES, *_GRANT_PERIOD],
    "POST /api/v1/board/review-criteria": _SCALE,
    "PATCH /api/v1/board/review-criteria/{criterion_id}": _SCALE,
    "POST /api/v1/board/sessions/{session_id}/reviews": [
        *_REVIEW,
        ("proposal_id", "proposal * does not exist"),
        ("proposal_id", "proposal * was submitted to another call than this session's"),
    ],
    "PUT /api/v1/board/reviews/{review_id}": _REVIEW,
    "GET /api/v1/donors/{donor_id}/statement": _PERIOD,
    "GET /api/v1/donors/{donor_id}/statement.pdf": _PERIOD,
    "GET /api/v1/donors/{donor_id}/statement.html": _PERIOD,
    "GET /api/v1/contributions/totals": [*_PERIOD, *_ONE_FUND],
    "GET /api/v1/exports/totals.csv": [*_PERIOD, *_ONE_FUND],
    "GET /api/v1/exports/proposals.csv": _RANGES,
    "GET /api/v1/exports/grants.csv": _RANGES,
    "GET /api/v1/exports/disbursements.csv": _RANGES,
    "GET /api/v1/exports/contributions.csv": _RANGES,
    "GET /api/v1/audit-events": _PERIOD,
    # The decimals an amount may carry depend on the currency named in another field.
    "POST /api/v1/contributions": [
        ("amount", "* allows * decimal*"),
        ("amount", "must be greater than zero"),
        ("pledged_on", "must not be after today*"),
        ("campaign_id", "campaign * is a campaign of another fund"),
    ],
    "PATCH /api/v1/contributions/{contribution_id}": [
        ("amount", "* allows * decimal*"),
        ("amount", "must be greater than zero"),
    ],
    # A receipt is dated on or after its pledge, which only the stored pledge knows.
    "POST /api/v1/contributions/{contribution_id}/receipts": [
        ("amount", "* allows * decimal*"),
        ("amount", "must be greater than zero"),
        ("received_on", "must not be before the pledge's date*"),
        ("received_on", "must not be after today*"),
        ("rate_date", "must not be after today*"),
        ("rate_date", "give usd_rate with rate_date, or neither to use the rate table"),
        ("usd_rate", "rate must be greater than zero"),
        ("usd_rate", "a USD receipt has the rate 1"),  # the stored pledge's currency
        ("usd_rate", "no exchange rate for * on or before *"),  # the rates table's content
    ],
    # USD is the books' currency: its rate is 1 by definition (the enum of currencies is shared).
    "POST /api/v1/exchange-rates": [
        ("currency", "USD is the fund's currency*"),
        ("usd_per_unit", "rate must be greater than zero"),
        ("rate_date", "must not be after today*"),
    ],
    # "Not in the future" depends on the day the request is made; "not before the fund was
    # established" on a stored date.
    **{
        f"GET /api/v1/funds/{{fund_id}}/{document}.{fmt}": [
            ("as_of", "must not be in the future"),
            ("as_of", "the fund was established on *"),
            *([("since", "must be before as_of")] if document == "chapter" else []),
        ]
        for document in ("status", "chapter")
        for fmt in ("pdf", "html")
    },
    "POST /api/v1/campaigns": [
        ("target", "* allows * decimal*"),
        ("target", "must be greater than zero"),  # a decimal string: "0.0000" matches its pattern
        *_DATES,
    ],
    # Each category once in a breakdown (uniqueness of an object's key, which JSON Schema cannot
    # state), a breakdown only beside the people assisted, and never adding up to more.
    "POST /api/v1/grant-reports/{report_id}/receipt": [
        ("people_assisted", "required with people_by_*"),
        *(
            (breakdown, reason)
            for breakdown in ("people_by_sex_and_age", "people_by_nationality", "people_by_assistance")
            for reason in ("each * may appear once*", "adds up to * people, more than the * people assisted*")
        ),
        ("received_on", "must not be in the future*"),
        ("received_on", "must not be before the grant starts*"),
        ("expenditure", "only a financial report states expenditure*"),
        ("expenditure", "the grant has no budget to report against*"),
        ("expenditure", "row *"),
        ("expenditure", "more than the budget line*"),
    ],
    # Money back and amendments are dated against the grant, its tranche and the clock, and an
    # amendment must change the stored amount.
    "POST /api/v1/grants/{grant_id}/refunds": [
        ("amount", "* allows * decimal*"),  # the grant's currency's minor unit
        ("received_on", "must not be before the grant's approval*"),
        ("received_on", "must not be in the future*"),
    ],
    # An amendment request is sized and dated against the stored grant (its amount, its end, its
    # approval and last amendment) and the clock; an extension gives an end date alone, a change
    # of amount an amount alone. Its decision is dated against the request.
    "POST /api/v1/grants/{grant_id}/amendments": [
        ("amount", "* allows * decimal*"),
        ("amount", "is already the grant's amount*"),
        ("amount", "is not an *"),
        ("amount", "an extension keeps the grant's amount"),
        ("amount", "an increase or a decrease needs the grant's new amount"),
        ("ends_on", "an extension keeps the amount*"),
        ("ends_on", "an extension needs the new end date"),
        ("ends_on", "must be after the grant's end*"),
        ("ends_on", "only an extension changes the end date*"),
        ("requested_on", "must not be before the grant's*"),
        ("requested_on", "must not be in the future*"),
    ],
    # A budget is checked against the fund's categories and cap and the amount it must add up to
    # (stored figures the schema cannot see); expenditure against the grant's budget lines.
    "PUT /api/v1/grants/{grant_id}/budget": [
        *_BUDGET,
        ("budget", "a line may not fall below what was spent under it*"),
    ],
    "PATCH /api/v1/funds/{fund_id}": [
        ("indirect_cost_cap", "must be at most 100.00*"),
        ("grant_ceiling", "must not be below grant_floor"),
        ("grant_ceiling", "must not be below the fund's grant floor*"),
    ],
    "POST /api/v1/grant-amendments/{amendment_id}/decision": [
        ("decided_on", "must not be before the request*"),
        ("decided_on", "must not be in the future*"),
        ("reason", "a rejection needs a reason"),
    ],
    # A tranche, its payment and a grant's reports are dated and sized against the stored grant
    # and tranche (its approval, start and end; the tranche's planned amount) and the clock.
    "POST /api/v1/grants/{grant_id}/disbursements": [
        ("planned_on", "must fall between the grant's approval * and its end*"),
    ],
    "POST /api/v1/disbursements/{disbursement_id}/payment": [
        ("amount", "must not exceed the tranche's planned*"),
        ("paid_on", "must not be in the future*"),
        ("paid_on", "must not be before the grant's approval*"),
    ],
    "POST /api/v1/grants/{grant_id}/reports": [("due_on", "must not be before the grant starts*")],
    "POST /api/v1/grants/{grant_id}/conditions/{condition_id}/met": [
        ("met_on", "must not be in the future*")
    ],
    "POST /api/v1/disbursements/{disbursement_id}/payment-cancellation": [
        ("cancelled_on", "must not be before the payment*"),
        ("cancelled_on", "must not be in the future*"),
    ],
    "POST /api/v1/users": [
        ("donor_id", "a donor user must be bound to a donor"),
        ("donor_id", "only donor users are bound to a donor"),
        ("donor_id", "donor * does not exist"),
        *_USER_FUNDS,
    ],
    "PUT /api/v1/users/{user_id}/funds": _USER_FUNDS,
}


#: Rules of every list: a cursor is an opaque token the list itself gave; only the list knows it.
RULES_OF_EVERY_OPERATION = [("cursor", "is not a cursor given by this list*")]


def breaks_only_rules_beyond_the_schema(label: str, status: int, body: Any) -> bool:
    """A 422 whose every field error is a rule the document cannot state for the operation ``label``.

    ``body`` is the response's parsed JSON.
    """
    rules = RULES_BEYOND_THE_SCHEMA.get(label, []) + RULES_OF_EVERY_OPERATION
    if status != 422 or not isinstance(body, dict):
        return False
    errors = body.get("errors") or []

    def known(error: Any) -> bool:
        if not isinstance(error, dict):
            return False
        field, reason = error.get("field", ""), error.get("reason", "")
        for rule_field, rule_reason in rules:
            if "*" in rule_field and "*" in rule_reason:  # "<x>_to" ... "'<x>_from'"
                prefix = field.removesuffix("_to")
                if field.endswith("_to") and reason == rule_reason.replace("*", prefix, 1):
                    return True
            elif fnmatch.fnmatchcase(field, rule_field) and fnmatch.fnmatchcase(reason, rule_reason + "*"):
                return True
        return False

    return bool(errors) and all(known(e) for e in errors)


def with_null_in_nullable_enums(node: Any) -> Any:
    """The document as schemathesis reads OpenAPI 3.0: ``nullable: true`` lets a field be null,
    but an ``enum`` beside it must list ``null`` too (the clarification of 3.0.3's ``nullable``,
    OAI/OpenAPI-Specification#2050). The published document leaves ``null`` out of its enums, so
    that client generators make one enum class per field, not one per field and branch
    (issue 17); the API accepts null there, and the fuzz must not call that a bug."""
    if isinstance(node, dict):
        node = {key: with_null_in_nullable_enums(value) for key, value in node.items()}
        if node.get("nullable") is True and isinstance(node.get("enum"), list) and None not in node["enum"]:
            node["enum"] = [*node["enum"], None]
        return node
    if isinstance(node, list):
        return [with_null_in_nullable_enums(value) for value in node]
    return node
