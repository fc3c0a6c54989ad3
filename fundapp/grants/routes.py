"""``/api/v1/grants``, ``/api/v1/disbursements``, ``/api/v1/grant-reports``: grants after approval.

One blueprint with full paths (no prefix), so that the app registers it like every other.
"""

from flask import g, request
from flask.views import MethodView

from ..auth.models import Role
from ..db import get_session
from ..etag import with_etag
from ..files.routes import add_file_routes
from ..routing import Blueprint
from ..schemas_base import ReasonSchema, page_of
from . import services
from .schemas import (
    AmendmentCreateSchema,
    AmendmentDecisionSchema,
    AmendmentQuerySchema,
    AmendmentSchema,
    ConditionCreateSchema,
    ConditionMetSchema,
    ConditionSchema,
    DisbursementCreateSchema,
    DisbursementQuerySchema,
    DisbursementSchema,
    GrantBudgetSchema,
    GrantBudgetViewSchema,
    GrantDetailSchema,
    GrantHistoryEventSchema,
    GrantHistoryQuerySchema,
    GrantQuerySchema,
    GrantReportQuerySchema,
    GrantReportSchema,
    GrantSchema,
    PaymentCancellationSchema,
    PaymentSchema,
    RefundCreateSchema,
    RefundSchema,
    ReportCreateSchema,
    ReportReceiptSchema,
    ReturnSchema,
)

blp = Blueprint("grants", __name__, url_prefix="", description="Grants, disbursements and grantee reports")
READERS = (Role.ADMIN, Role.STAFF, Role.BOARD, Role.APPROVER)
WRITERS = (Role.ADMIN, Role.STAFF)
#: Who approves an amendment: the fund manager, as for the Board's recommendations.
APPROVERS = (Role.ADMIN, Role.APPROVER)


# --- grants ------------------------------------------------------------------------------


@blp.route("/grants")
class Grants(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(GrantQuerySchema, location="query")
    @blp.response(200, page_of(GrantSchema))
    def get(self, query):
        """List grants, with organisation, call and amount disbursed"""
        return services.list_grants(get_session(), query)


@blp.route("/grants/<int:grant_id>")
class GrantById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, GrantDetailSchema)
    def get(self, grant_id):
        """Read a grant with its conditions, disbursements and reports"""
        return with_etag(services.get_grant(get_session(), grant_id))


@blp.route("/grants/<int:grant_id>/budget")
class GrantBudget(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, GrantBudgetViewSchema)
    def get(self, grant_id):
        """Read the grant's budget, what was spent under each line and the refund due (the grant's ETag)"""
        return with_etag(services.get_grant(get_session(), grant_id))

    @blp.allow(*WRITERS)
    @blp.if_match()
    @blp.arguments(GrantBudgetSchema)
    @blp.response(200, GrantDetailSchema)
    def put(self, data, grant_id):
        """Revise the grant's budget: lines by category adding up to its amount (as awarded or amended)"""
        grant = services.set_budget(get_session(), g.user, grant_id, data, request.headers.get("If-Match"))
        return with_etag(grant)


@blp.route("/grants/<int:grant_id>/history")
class GrantHistory(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(GrantHistoryQuerySchema, location="query")
    @blp.response(200, page_of(GrantHistoryEventSchema))
    def get(self, query, grant_id):
        """Every audit event of a grant and of its conditions, tranches, reports, refunds and
        amendments, oldest first"""
        return services.grant_history(get_session(), grant_id, query)


@blp.route("/grants/<int:grant_id>/suspend", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ReasonSchema)
@blp.response(200, GrantDetailSchema)
def grant_suspend(data, grant_id):
    """Suspend an active grant (no payment while suspended)"""
    return with_etag(services.suspend_grant(get_session(), g.user, grant_id, data["reason"]))


@blp.route("/grants/<int:grant_id>/reinstate", methods=["POST"])
@blp.allow(*WRITERS)
@blp.response(200, GrantDetailSchema)
def grant_reinstate(grant_id):
    """Reinstate a suspended grant"""
    return with_etag(services.reinstate_grant(get_session(), g.user, grant_id))


@blp.route("/grants/<int:grant_id>/close", methods=["POST"])
@blp.allow(*WRITERS)
@blp.response(200, GrantDetailSchema)
def grant_close(grant_id):
    """Close a grant: no planned tranche left and the final reports accepted"""
    return with_etag(services.close_grant(get_session(), g.user, grant_id))


@blp.route("/grants/<int:grant_id>/terminate", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(
    ReasonSchema,
    example={
        "reason": "The grantee's registration was revoked by the Ministry of Social Affairs on 3 May 2022."
    },
)
@blp.response(200, GrantDetailSchema)
def grant_terminate(data, grant_id):
    """Terminate a grant early; its planned tranches are cancelled"""
    return with_etag(services.terminate_grant(get_session(), g.user, grant_id, data["reason"]))


@blp.route("/grants/<int:grant_id>/refunds", methods=["POST"])
@blp.allow(*WRITERS)
@blp.idempotent()
@blp.arguments(RefundCreateSchema)
@blp.response(201, RefundSchema)
def grant_refund(data, grant_id):
    """Record unspent money the grantee returned (at most what it was paid, net)"""
    return services.record_refund(get_session(), g.user, grant_id, data)


@blp.route("/grants/<int:grant_id>/amendments", methods=["POST"])
@blp.allow(*WRITERS)
@blp.idempotent()
@blp.arguments(AmendmentCreateSchema)
@blp.response(201, AmendmentSchema)
def grant_amendment(data, grant_id):
    """Request an amendment of an open grant (a no-cost extension, an increase or a decrease) for the
    approver's decision; nothing changes before it is approved"""
    return services.request_amendment(get_session(), g.user, grant_id, data)


@blp.route("/grant-amendments")
class GrantAmendments(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(AmendmentQuerySchema, location="query")
    @blp.response(200, page_of(AmendmentSchema))
    def get(self, query):
        """List grant amendments (status=requested: those awaiting the approver)"""
        return services.list_amendments(get_session(), query)


@blp.route("/grant-amendments/<int:amendment_id>")
class GrantAmendmentById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, AmendmentSchema)
    def get(self, amendment_id):
        """Read a grant amendment"""
        return services.get_amendment(get_session(), amendment_id)


@blp.route("/grant-amendments/<int:amendment_id>/decision", methods=["POST"])
@blp.allow(*APPROVERS)
@blp.idempotent()
@blp.arguments(AmendmentDecisionSchema)
@blp.response(200, AmendmentSchema)
def grant_amendment_decision(data, amendment_id):
    """Approve a requested amendment (the grant and the books change now) or reject it, with a reason"""
    return services.decide_amendment(get_session(), g.user, amendment_id, data)


# --- conditions before release -----------------------------------------------------------


@blp.route("/grants/<int:grant_id>/conditions", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ConditionCreateSchema)
@blp.response(201, ConditionSchema)
def condition_create(data, grant_id):
    """Add a condition to meet before money is released"""
    return services.add_condition(
        get_session(), g.user, grant_id, data["description"], data.get("description_fr")
    )


@blp.route("/grants/<int:grant_id>/conditions/<int:condition_id>/met", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ConditionMetSchema)
@blp.response(200, ConditionSchema)
def condition_met(data, grant_id, condition_id):
    """Record that a condition before release was met"""
    return services.meet_condition(
        get_session(), g.user, grant_id, condition_id, data["met_on"], data.get("note")
    )


# --- disbursements -----------------------------------------------------------------------


@blp.route("/grants/<int:grant_id>/disbursements", methods=["POST"])
@blp.allow(*WRITERS)
@blp.idempotent()
@blp.arguments(DisbursementCreateSchema)
@blp.response(201, DisbursementSchema)
def disbursement_schedule(data, grant_id):
    """Schedule the grant's next tranche (never beyond the grant's amount)"""
    return with_etag(services.schedule_disbursement(get_session(), g.user, grant_id, data), 201)


@blp.route("/disbursements")
class Disbursements(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(DisbursementQuerySchema, location="query")
    @blp.response(200, page_of(DisbursementSchema))
    def get(self, query):
        """List disbursements (tranches)"""
        return services.list_disbursements(get_session(), query)


@blp.route("/disbursements/<int:disbursement_id>")
class DisbursementById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, DisbursementSchema)
    def get(self, disbursement_id):
        """Read a disbursement"""
        return with_etag(services.get_disbursement(get_session(), disbursement_id))


@blp.route("/disbursements/<int:disbursement_id>/payment", methods=["POST"])
@blp.allow(*WRITERS)
@blp.idempotent()
@blp.arguments(PaymentSchema)
@blp.response(200, DisbursementSchema)
def disbursement_payment(data, disbursement_id):
    """Record the payment of a planned tranche"""
    return with_etag(services.pay_disbursement(get_session(), g.user, disbursement_id, data))


@blp.route("/disbursements/<int:disbursement_id>/cancellation", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ReasonSchema, example={"reason": "Final tranche not needed: the project closed under budget."})
@blp.response(200, DisbursementSchema)
def disbursement_cancellation(data, disbursement_id):
    """Cancel a planned tranche (money paid is never cancelled)"""
    return with_etag(services.cancel_disbursement(get_session(), g.user, disbursement_id, data["reason"]))


@blp.route("/disbursements/<int:disbursement_id>/payment-cancellation", methods=["POST"])
@blp.allow(*WRITERS)
@blp.idempotent()
@blp.arguments(PaymentCancellationSchema)
@blp.response(200, DisbursementSchema)
def disbursement_payment_cancellation(data, disbursement_id):
    """Cancel the payment of a paid tranche that did not reach the grantee (returned, paid in error)"""
    return with_etag(services.cancel_payment(get_session(), g.user, disbursement_id, data))


# --- grantee reports ---------------------------------------------------------------------


@blp.route("/grants/<int:grant_id>/reports", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ReportCreateSchema)
@blp.response(201, GrantReportSchema)
def report_schedule(data, grant_id):
    """Schedule a report expected from the grantee"""
    return with_etag(services.schedule_report(get_session(), g.user, grant_id, data), 201)


@blp.route("/grant-reports")
class GrantReports(MethodView):
    @blp.allow(*READERS)
    @blp.arguments(GrantReportQuerySchema, location="query")
    @blp.response(200, page_of(GrantReportSchema))
    def get(self, query):
        """List grantee reports, by due date"""
        return services.list_reports(get_session(), query)


@blp.route("/grant-reports/<int:report_id>")
class GrantReportById(MethodView):
    @blp.allow(*READERS)
    @blp.response(200, GrantReportSchema)
    def get(self, report_id):
        """Read a grantee report"""
        return with_etag(services.get_report(get_session(), report_id))


@blp.route("/grant-reports/<int:report_id>/receipt", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ReportReceiptSchema)
@blp.response(200, GrantReportSchema)
def report_receipt(data, report_id):
    """Record a report as received, with the people assisted"""
    return with_etag(services.receive_report(get_session(), g.user, report_id, data))


@blp.route("/grant-reports/<int:report_id>/acceptance", methods=["POST"])
@blp.allow(*WRITERS)
@blp.response(200, GrantReportSchema)
def report_acceptance(report_id):
    """Accept a received report"""
    return with_etag(services.accept_report(get_session(), g.user, report_id))


@blp.route("/grant-reports/<int:report_id>/return", methods=["POST"])
@blp.allow(*WRITERS)
@blp.arguments(ReturnSchema)
@blp.response(200, GrantReportSchema)
def report_return(data, report_id):
    """Return a received report to the grantee, with a note"""
    return with_etag(services.return_report(get_session(), g.user, report_id, data["note"]))


add_file_routes(
    blp,
    path="/grants/<int:grant_id>",
    owner="grant",
    label="grant",
    find=services.find_grant,
    readers=READERS,
    writers=WRITERS,
)
add_file_routes(
    blp,
    path="/grant-reports/<int:report_id>",
    owner="grant_report",
    label="grantee report",
    find=services.find_report,
    readers=READERS,
    writers=WRITERS,
)
