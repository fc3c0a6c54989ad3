"""The OpenAPI document as a contract that generated clients can use.

An apispec plugin adds what flask-smorest does not derive from the code: each operation's
``operationId`` (named after the fund's verbs, from the one table below: a route without a
name fails the app's start), a description on every parameter, the response headers the API
sends (``ETag``, ``Location``, ``Retry-After``), problem+json errors beside binary
successes, and an example on every request body: the ``example`` of the body's input schema
(or the one the route gives ``@blp.arguments``), so a body without one fails the app's start
and tests/test_openapi.py loads each through its schema. Two converter functions give every
field a type and do nullable the OpenAPI 3.0 way.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from apispec import APISpec, BasePlugin

API_PREFIX = "/api/v1"

#: Every operation's id, by ``METHOD /path`` (below the API prefix): the names a generated
#: client's functions take. Stable: renaming one is a breaking change for every client.
OPERATION_IDS: dict[str, str] = {
    "GET /health": "read_health",
    "GET /health/live": "read_liveness",
    "GET /funds": "list_funds",
    "GET /funds/{fund_id}": "read_fund",
    "POST /funds": "create_fund",
    "PATCH /funds/{fund_id}": "amend_fund",
    "GET /funds/{fund_id}/budget-rules": "read_fund_budget_rules",
    "PUT /funds/{fund_id}/budget-rules": "set_fund_budget_rules",
    "GET /funds/{fund_id}/budget-categories": "list_budget_categories",
    "POST /funds/{fund_id}/budget-categories": "add_budget_category",
    "GET /funds/{fund_id}/budget-categories/{category_id}": "read_budget_category",
    "PATCH /funds/{fund_id}/budget-categories/{category_id}": "amend_budget_category",
    "GET /funds/{fund_id}/position": "read_fund_position",
    "GET /calls": "list_calls",
    "POST /calls": "create_call",
    "GET /calls/{call_id}": "read_call",
    "PATCH /calls/{call_id}": "amend_call",
    "POST /calls/{call_id}/open": "open_call",
    "POST /calls/{call_id}/close": "close_call",
    "POST /calls/{call_id}/review": "review_call",
    "POST /calls/{call_id}/decide": "decide_call",
    "POST /calls/{call_id}/complete": "complete_call",
    "POST /calls/{call_id}/cancel": "cancel_call",
    "GET /organisations": "list_organisations",
    "POST /organisations": "register_organisation",
    "GET /organisations/{organisation_id}": "read_organisation",
    "PATCH /organisations/{organisation_id}": "amend_organisation",
    "GET /organisations/{organisation_id}/contacts": "list_organisation_contacts",
    "POST /organisations/{organisation_id}/contacts": "add_organisation_contact",
    "GET /donors/{donor_id}/contacts": "list_donor_contacts",
    "POST /donors/{donor_id}/contacts": "add_donor_contact",
    "GET /contacts/{contact_id}": "read_contact",
    "PATCH /contacts/{contact_id}": "amend_contact",
    "GET /notifications": "list_notifications",
    "POST /notifications/{message_id}/release": "release_notification",
    "GET /funds/{fund_id}/notifications": "read_fund_notifications",
    "PUT /funds/{fund_id}/notifications": "choose_fund_notifications",
    "POST /board/sessions/{session_id}/pack-notice": "announce_board_pack",
    "GET /proposals": "list_proposals",
    "POST /proposals": "submit_proposal",
    "GET /proposals/eligibility-summary": "read_eligibility_summary",
    "GET /proposals/{proposal_id}": "read_proposal",
    "PATCH /proposals/{proposal_id}": "amend_proposal",
    "POST /proposals/{proposal_id}/withdraw": "withdraw_proposal",
    "POST /proposals/{proposal_id}/screening": "screen_proposal",
    "GET /proposals/{proposal_id}/files": "list_proposal_files",
    "POST /proposals/{proposal_id}/files": "attach_proposal_file",
    "GET /proposals/{proposal_id}/files/{file_id}": "download_proposal_file",
    "POST /proposals/{proposal_id}/files/{file_id}/withdrawal": "withdraw_proposal_file",
    "GET /board/terms": "list_board_terms",
    "POST /board/terms": "record_board_term",
    "GET /board/terms/{term_id}": "read_board_term",
    "POST /board/terms/{term_id}/members": "add_board_member",
    "GET /board/members/{member_id}": "read_board_member",
    "PATCH /board/members/{member_id}": "amend_board_member",
    "GET /board/sessions": "list_board_sessions",
    "POST /board/sessions": "plan_board_session",
    "GET /board/sessions/{session_id}": "read_board_session",
    "POST /board/sessions/{session_id}/recommendations": "record_slate",
    "GET /board/recommendations": "list_recommendations",
    "GET /board/recommendations/{rec_id}": "read_recommendation",
    "POST /board/recommendations/{rec_id}/approval": "approve_recommendation",
    "POST /board/recommendations/{rec_id}/promotion": "promote_reserve",
    "GET /board/review-criteria": "list_review_criteria",
    "POST /board/review-criteria": "define_review_criterion",
    "GET /board/review-criteria/{criterion_id}": "read_review_criterion",
    "PATCH /board/review-criteria/{criterion_id}": "amend_review_criterion",
    "GET /board/sessions/{session_id}/reviews": "list_reviews",
    "POST /board/sessions/{session_id}/reviews": "record_review",
    "GET /board/reviews/{review_id}": "read_review",
    "PUT /board/reviews/{review_id}": "amend_review",
    "GET /grants": "list_grants",
    "GET /grants/{grant_id}": "read_grant",
    "GET /grants/{grant_id}/history": "read_grant_history",
    "GET /grants/{grant_id}/budget": "read_grant_budget",
    "PUT /grants/{grant_id}/budget": "set_grant_budget",
    "GET /receipts/{receipt_id}/files": "list_receipt_files",
    "GET /receipts/{receipt_id}/files/{file_id}": "download_receipt_file",
    "POST /receipts/{receipt_id}/files/{file_id}/withdrawal": "withdraw_receipt_file",
    "GET /grants/{grant_id}/files": "list_grant_files",
    "POST /grants/{grant_id}/files": "attach_grant_file",
    "GET /grants/{grant_id}/files/{file_id}": "download_grant_file",
    "POST /grants/{grant_id}/files/{file_id}/withdrawal": "withdraw_grant_file",
    "POST /grants/{grant_id}/suspend": "suspend_grant",
    "POST /grants/{grant_id}/reinstate": "reinstate_grant",
    "POST /grants/{grant_id}/close": "close_grant",
    "POST /grants/{grant_id}/terminate": "terminate_grant",
    "POST /grants/{grant_id}/refunds": "record_refund",
    "POST /grants/{grant_id}/amendments": "amend_grant_amount",
    "GET /grant-amendments": "list_grant_amendments",
    "GET /grant-amendments/{amendment_id}": "read_grant_amendment",
    "POST /grant-amendments/{amendment_id}/decision": "decide_grant_amendment",
    "POST /grants/{grant_id}/conditions": "add_condition",
    "POST /grants/{grant_id}/conditions/{condition_id}/met": "meet_condition",
    "POST /grants/{grant_id}/disbursements": "schedule_disbursement",
    "GET /disbursements": "list_disbursements",
    "GET /disbursements/{disbursement_id}": "read_disbursement",
    "POST /disbursements/{disbursement_id}/payment": "record_payment",
    "POST /disbursements/{disbursement_id}/cancellation": "cancel_disbursement",
    "POST /disbursements/{disbursement_id}/payment-cancellation": "cancel_payment",
    "POST /grants/{grant_id}/reports": "schedule_report",
    "GET /grant-reports": "list_grant_reports",
    "GET /grant-reports/{report_id}": "read_grant_report",
    "POST /grant-reports/{report_id}/receipt": "receive_report",
    "POST /grant-reports/{report_id}/acceptance": "accept_report",
    "POST /grant-reports/{report_id}/return": "return_report",
    "GET /grant-reports/{report_id}/files": "list_grant_report_files",
    "POST /grant-reports/{report_id}/files": "attach_grant_report_file",
    "GET /grant-reports/{report_id}/files/{file_id}": "download_grant_report_file",
    "POST /grant-reports/{report_id}/files/{file_id}/withdrawal": "withdraw_grant_report_file",
    "GET /donors": "list_donors",
    "POST /donors": "register_donor",
    "GET /donors/{donor_id}": "read_donor",
    "PATCH /donors/{donor_id}": "amend_donor",
    "GET /campaigns": "list_campaigns",
    "POST /campaigns": "create_campaign",
    "GET /campaigns/{campaign_id}": "read_campaign",
    "GET /contributions": "list_contributions",
    "POST /contributions": "record_pledge",
    "GET /contributions/{contribution_id}": "read_contribution",
    "PATCH /contributions/{contribution_id}": "amend_pledge",
    "POST /contributions/{contribution_id}/receipts": "record_receipt",
    "POST /contributions/{contribution_id}/cancellation": "cancel_pledge",
    "POST /receipts/{receipt_id}/reversal": "reverse_receipt",
    "GET /exchange-rates": "list_exchange_rates",
    "POST /exchange-rates": "add_exchange_rate",
    "POST /contributions/imports": "import_contributions",
    "GET /contributions/totals": "read_totals",
    "GET /public/totals": "read_public_totals",
    "GET /donors/{donor_id}/statement": "read_donor_statement",
    "GET /calls/{call_id}/summary.pdf": "cycle_summary_pdf",
    "GET /funds/{fund_id}/status.pdf": "fund_status_pdf",
    "GET /funds/{fund_id}/chapter.pdf": "fund_chapter_pdf",
    "GET /board/sessions/{session_id}/pack.pdf": "board_pack_pdf",
    "GET /donors/{donor_id}/statement.pdf": "donor_statement_pdf",
    "GET /board/recommendations/{rec_id}/letter.pdf": "decision_letter_pdf",
    "GET /receipts/{receipt_id}/acknowledgement.pdf": "acknowledgement_pdf",
    "GET /calls/{call_id}/summary.html": "cycle_summary_html",
    "GET /funds/{fund_id}/status.html": "fund_status_html",
    "GET /funds/{fund_id}/chapter.html": "fund_chapter_html",
    "GET /board/sessions/{session_id}/pack.html": "board_pack_html",
    "GET /donors/{donor_id}/statement.html": "donor_statement_html",
    "GET /board/recommendations/{rec_id}/letter.html": "decision_letter_html",
    "GET /receipts/{receipt_id}/acknowledgement.html": "acknowledgement_html",
    "GET /exports/360giving.json": "export_360giving",
    "GET /exports/iati.xml": "export_iati",
    "GET /exports/proposals.csv": "export_proposals_csv",
    "GET /exports/grants.csv": "export_grants_csv",
    "GET /exports/disbursements.csv": "export_disbursements_csv",
    "GET /exports/contributions.csv": "export_contributions_csv",
    "GET /exports/totals.csv": "export_totals_csv",
    "GET /users": "list_users",
    "POST /users": "create_user",
    "GET /users/{user_id}": "read_user",
    "PUT /users/{user_id}/funds": "set_user_funds",
    "POST /users/{user_id}/deactivation": "deactivate_user",
    "GET /users/{user_id}/tokens": "list_tokens",
    "POST /users/{user_id}/tokens": "issue_token",
    "POST /tokens/{token_id}/revocation": "revoke_token",
    "GET /me": "read_me",
    "POST /auth/login": "log_in",
    "GET /audit-events": "list_audit_events",
    "GET /jobs/{job_id}": "read_job",
}

#: The operations whose success carries the record's (or document's) ``ETag``: the views that
#: answer through ``etag.with_etag`` or ``reports.routes.send`` (tests/test_openapi.py checks).
SENDS_ETAG = frozenset(
    {
        "read_fund", "create_fund", "amend_fund",
        "create_call", "read_call", "amend_call", "open_call", "close_call",
        "review_call", "decide_call", "complete_call", "cancel_call", "register_organisation",
        "read_organisation", "amend_organisation", "submit_proposal", "read_proposal",
        "amend_proposal", "withdraw_proposal", "screen_proposal", "plan_board_session", "read_board_session",
        "record_slate", "read_grant", "suspend_grant", "reinstate_grant", "close_grant",
        "terminate_grant", "schedule_disbursement", "read_disbursement", "record_payment",
        "cancel_disbursement", "cancel_payment", "schedule_report", "read_grant_report",
        "receive_report", "accept_report", "return_report", "register_donor", "read_donor",
        "amend_donor", "record_pledge", "read_contribution", "amend_pledge", "cancel_pledge",
        "cycle_summary_pdf", "fund_status_pdf", "board_pack_pdf", "donor_statement_pdf",
        "cycle_summary_html", "fund_status_html", "board_pack_html", "donor_statement_html",
        "fund_chapter_pdf", "fund_chapter_html", "decision_letter_pdf", "decision_letter_html",
        "acknowledgement_pdf", "acknowledgement_html", "add_organisation_contact", "add_donor_contact",
        "read_contact", "amend_contact", "read_board_member", "amend_board_member",
        "read_fund_notifications", "choose_fund_notifications", "define_review_criterion",
        "read_review_criterion", "amend_review_criterion", "record_review", "read_review", "amend_review",
        "set_fund_budget_rules", "read_fund_budget_rules",
        "add_budget_category", "read_budget_category", "amend_budget_category", "set_grant_budget",
        "read_grant_budget", "export_contributions_csv",
    }
)  # fmt: skip
#: The operations whose 201 names the new record's URL in ``Location``.
SENDS_LOCATION = frozenset({"create_user"})

#: What a parameter means, by name, where its field says nothing itself.
PARAMETER_DESCRIPTIONS: dict[str, str] = {
    "page": "The page to read, from 1",
    "page_size": "Items per page",
    "fund_id": "The fund's id",
    "call_id": "The call's id",
    "organisation_id": "The organisation's id",
    "proposal_id": "The proposal's id",
    "term_id": "The Board term's id",
    "member_id": "The Board member's id",
    "contact_id": "The contact person's id",
    "message_id": "The outbox message's id",
    "file_id": "The attached file's id",
    "session_id": "The Board session's id",
    "rec_id": "The recommendation's id",
    "job_id": "The job's id",
    "criterion_id": "The review criterion's id",
    "review_id": "The Board member's review's id",
    "grant_id": "The grant's id",
    "condition_id": "The condition's id",
    "disbursement_id": "The disbursement's (tranche's) id",
    "report_id": "The grantee report's id",
    "amendment_id": "The grant amendment's id",
    "category_id": "The budget category's id",
    "donor_id": "The donor's id",
    "campaign_id": "The campaign's id",
    "contribution_id": "The contribution's (pledge's) id",
    "receipt_id": "The receipt's id",
    "user_id": "The user's id",
    "token_id": "The token's id",
    "status": "Only those in this state",
    "country": "Only those in this country (ISO 3166-1 alpha-2)",
    "currency": "Only those in this currency (ISO 4217)",
    "kind": "Only those of this kind",
    "donor_kind": "Only those from donors of this kind",
    "target_group": "Only those serving this target group",
    "assistance": "Only those giving this kind of assistance",
    "decision": "Only recommendations of this decision",
    "as_of": "The day the figures are taken on (default: today)",
    "role": "Only users of this role",
    "active": "Only active (true) or deactivated (false) users",
    "entity": "Only events about this kind of record",
    "entity_id": "Only events about the record of this id (with entity)",
    "actor_id": "Only events by this user",
    "action": "Only events of this action",
    "request_id": "Only events of this request",
    "client_request_id": "Only events of the request the client named so (X-Request-ID)",
}

HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {
        "description": "The version of the record (or document) sent: If-Match with it to update",
        "schema": {"type": "string"},
    },
    "Location": {"description": "The URL of the record created", "schema": {"type": "string"}},
    "Retry-After": {"description": "Seconds to wait before trying again", "schema": {"type": "integer"}},
}
BINARY_TYPES = ("application/pdf", "application/xml", "text/csv", "text/html")


class ClientContract(BasePlugin):
    """Operation ids, parameter descriptions, response headers and request examples, added as
    each path is documented."""

    def __init__(self) -> None:
        #: The marshmallow schema of each component, by its name in the document.
        self._schemas: dict[str, ma.Schema] = {}
        #: The schema each operation loads its JSON body with, by operationId (the tests load
        #: every example through it).
        self.request_schemas: dict[str, ma.Schema] = {}

    def init_spec(self, spec: APISpec) -> None:
        for name, header in HEADERS.items():
            spec.components.header(name, header)

    def schema_helper(self, name: str, definition: dict, **kwargs: Any) -> dict | None:
        schema = kwargs.get("schema")
        if isinstance(schema, type) and issubclass(schema, ma.Schema):
            schema = schema()
        if isinstance(schema, ma.Schema):
            self._schemas[name] = schema
        return None

    def path_helper(
        self,
        path: str | None = None,
        operations: dict | None = None,
        parameters: list[dict] | None = None,
        **kwargs: Any,
    ) -> str | None:
        for parameter in parameters or []:
            _describe(parameter)
        return None

    def operation_helper(
        self, path: str | None = None, operations: dict | None = None, **kwargs: Any
    ) -> None:
        for method, operation in (operations or {}).items():
            key = f"{method.upper()} {(path or '').removeprefix(API_PREFIX)}"
            if key not in OPERATION_IDS:
                raise LookupError(f"{key} has no operationId: name it in fundapp/openapi.py OPERATION_IDS")
            operation_id = operation["operationId"] = OPERATION_IDS[key]
            for parameter in operation.get("parameters", []):
                _describe(parameter)
            if "requestBody" in operation:
                self._give_example(operation_id, operation["requestBody"])
            for status, response in operation.get("responses", {}).items():
                if not isinstance(response, dict) or not str(status).startswith("2"):
                    continue
                headers = response.setdefault("headers", {})
                if operation_id in SENDS_ETAG:
                    headers["ETag"] = {"$ref": "#/components/headers/ETag"}
                if operation_id in SENDS_LOCATION and str(status) == "201":
                    headers["Location"] = {"$ref": "#/components/headers/Location"}
                if not headers:
                    del response["headers"]

    def _give_example(self, operation_id: str, body: dict) -> None:
        """The JSON body's example: the route's own, else its schema's ``example``; a body
        of other media types needs an example in one of them."""
        content = body.get("content", {})
        json_body = content.get("application/json")
        if json_body is None:
            if not any("example" in media or "examples" in media for media in content.values()):
                raise LookupError(f"{operation_id}: no media type of its request body has an example")
            return
        ref = json_body.get("schema", {}).get("$ref", "")
        schema = self._schemas.get(ref.rpartition("/")[2])
        if schema is None:
            raise LookupError(f"{operation_id}: its JSON body is not a named marshmallow schema")
        self.request_schemas[operation_id] = schema
        if "example" not in json_body and "examples" not in json_body:
            example = getattr(schema, "example", None)
            if example is None:
                raise LookupError(
                    f"{operation_id}: give {type(schema).__name__} an example (or its @blp.arguments one)"
                )
            json_body["example"] = example


def _describe(parameter: Any) -> None:
    if isinstance(parameter, dict) and "$ref" not in parameter and not parameter.get("description"):
        if parameter.get("name") not in PARAMETER_DESCRIPTIONS:
            raise LookupError(f"parameter {parameter.get('name')} has no description")
        parameter["description"] = PARAMETER_DESCRIPTIONS[parameter["name"]]


def typed_enums(self: Any, field: Any, ret: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """An enum's type (apispec leaves it out for ``fields.Enum``), and no ``null`` among its values.

    OpenAPI 3.0 says a field may be null with ``nullable: true``; a ``null`` listed as a value too
    makes generators build one more enum class per field.
    """
    if "enum" in ret:
        ret["enum"] = [value for value in ret["enum"] if value is not None]
        if "type" not in ret and ret["enum"] and all(isinstance(v, str) for v in ret["enum"]):
            ret["type"] = "string"
        name = getattr(field, "openapi_component", None)
        if name:
            _named_enum(self.spec, name, field, ret)
    return {}


def _named_enum(spec: Any, name: str, field: Any, ret: dict[str, Any]) -> None:
    """The enum as the named component ``name`` (one class in a generated client, not one per
    field): its type, pattern, values, description and example move there, and the field refers
    to it, alone, with ``allOf`` where it says more (its own description), or as ``oneOf`` it or
    null where it may be null."""
    component: dict[str, Any] = {
        key: ret.pop(key) for key in ("type", "pattern", "enum", "example") if key in ret
    }
    component["description"] = field.openapi_description
    if name not in spec.components.schemas:
        spec.components.schema(name, component)
    elif spec.components.schemas[name] != component:
        raise LookupError(f"two fields describe the enum {name} differently")
    ref = {"$ref": f"#/components/schemas/{name}"}
    if ret.pop("nullable", False):
        # OpenAPI 3.0.3 wants a ``type`` beside ``nullable``; with ``allOf`` and a type, the client
        # generator forgets the ``None``: one of the enum, or null, says both
        ret["oneOf"] = [ref, {"type": component["type"], "nullable": True, "enum": [None]}]
    elif ret:
        ret["allOf"] = [ref]
    else:
        ret.update(ref)


def nullable_refs(self: Any, field: Any, ret: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """A nullable nested record as ``allOf: [$ref]`` with ``nullable: true`` (not ``anyOf`` a bare object)."""
    any_of = ret.get("anyOf")
    if isinstance(any_of, list) and len(any_of) == 2 and {"type": "object", "nullable": True} in any_of:
        ref = next(item for item in any_of if "$ref" in item)
        del ret["anyOf"]
        ret.update(type="object", allOf=[ref], nullable=True)
    return {}


def init_api(api: Any) -> None:
    """Register the converter functions on flask-smorest's marshmallow plugin (before any route)."""
    api.ma_plugin.converter.add_attribute_function(typed_enums)
    api.ma_plugin.converter.add_attribute_function(nullable_refs)
    # flask-smorest registers the schema of its pagination header (X-Pagination); fundapp's
    # lists carry their page in the body, so nothing refers to it
    api.spec.components.schemas.pop("PaginationMetadata", None)
