from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.grant_detail_status import GrantDetailStatus
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.amendment import Amendment
    from ..models.call_ref import CallRef
    from ..models.condition import Condition
    from ..models.disbursement import Disbursement
    from ..models.grant_budget_line import GrantBudgetLine
    from ..models.grant_report import GrantReport
    from ..models.organisation_ref import OrganisationRef
    from ..models.refund import Refund


T = TypeVar("T", bound="GrantDetail")


@_attrs_define
class GrantDetail:
    """
    Attributes:
        id (int):
        agreement_number (str):
        fund_id (int):
        proposal_id (int):
        call (CallRef):
        organisation (OrganisationRef):
        country_code (str):
        currency (str):
        amount (str):  Example: 25000.00.
        disbursed (str): What the grant was paid, net of cancelled payments and refunds (the books) Example: 25000.00.
        approved_on (datetime.date):
        starts_on (datetime.date):
        ends_on (datetime.date):
        status (GrantDetailStatus):
        status_reason (None | str):
        ended_on (datetime.date | None): The day it was closed or terminated (null while open, or not recorded)
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        scheduled (str): Tranches planned at their amount and paid ones as paid (cancelled tranches and cancelled
            payments count nothing) Example: 25000.00.
        conditions (list[Condition]):
        disbursements (list[Disbursement]):
        reports (list[GrantReport]):
        refunds (list[Refund]):
        amendments (list[Amendment]):
        budget (list[GrantBudgetLine]): The budget by category: the proposal's at the award, revised since; its lines
            add up to the amount before a tranche is paid. [] if the grant has none
        spent (str): What the financial reports received say was spent, in all Example: 25000.00.
        refund_due (None | str): Once the grant has ended: what it was paid, net of refunds (the books), less what its
            financial reports say it spent, never below zero. Null while open, or if no report states expenditure Example:
            25000.00.
    """

    id: int
    agreement_number: str
    fund_id: int
    proposal_id: int
    call: CallRef
    organisation: OrganisationRef
    country_code: str
    currency: str
    amount: str
    disbursed: str
    approved_on: datetime.date
    starts_on: datetime.date
    ends_on: datetime.date
    status: GrantDetailStatus
    status_reason: None | str
    ended_on: datetime.date | None
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    scheduled: str
    conditions: list[Condition]
    disbursements: list[Disbursement]
    reports: list[GrantReport]
    refunds: list[Refund]
    amendments: list[Amendment]
    budget: list[GrantBudgetLine]
    spent: str
    refund_due: None | str

    def to_dict(self) -> dict[str, Any]:
        from ..models.amendment import Amendment  # noqa: PLC0415
        from ..models.call_ref import CallRef  # noqa: PLC0415
        from ..models.condition import Condition  # noqa: PLC0415
        from ..models.disbursement import Disbursement  # noqa: PLC0415
        from ..models.grant_budget_line import GrantBudgetLine  # noqa: PLC0415
        from ..models.grant_report import GrantReport  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415
        from ..models.refund import Refund  # noqa: PLC0415

        id = self.id

        agreement_number = self.agreement_number

        fund_id = self.fund_id

        proposal_id = self.proposal_id

        call = self.call.to_dict()

        organisation = self.organisation.to_dict()

        country_code = self.country_code

        currency = self.currency

        amount = self.amount

        disbursed = self.disbursed

        approved_on = self.approved_on.isoformat()

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        illustrative = self.illustrative

        source: None | str
        source = self.source

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        scheduled = self.scheduled

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item = conditions_item_data.to_dict()
            conditions.append(conditions_item)

        disbursements = []
        for disbursements_item_data in self.disbursements:
            disbursements_item = disbursements_item_data.to_dict()
            disbursements.append(disbursements_item)

        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)

        refunds = []
        for refunds_item_data in self.refunds:
            refunds_item = refunds_item_data.to_dict()
            refunds.append(refunds_item)

        amendments = []
        for amendments_item_data in self.amendments:
            amendments_item = amendments_item_data.to_dict()
            amendments.append(amendments_item)

        budget = []
        for budget_item_data in self.budget:
            budget_item = budget_item_data.to_dict()
            budget.append(budget_item)

        spent = self.spent

        refund_due: None | str
        refund_due = self.refund_due

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "agreement_number": agreement_number,
                "fund_id": fund_id,
                "proposal_id": proposal_id,
                "call": call,
                "organisation": organisation,
                "country_code": country_code,
                "currency": currency,
                "amount": amount,
                "disbursed": disbursed,
                "approved_on": approved_on,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "status": status,
                "status_reason": status_reason,
                "ended_on": ended_on,
                "illustrative": illustrative,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "scheduled": scheduled,
                "conditions": conditions,
                "disbursements": disbursements,
                "reports": reports,
                "refunds": refunds,
                "amendments": amendments,
                "budget": budget,
                "spent": spent,
                "refund_due": refund_due,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amendment import Amendment  # noqa: PLC0415
        from ..models.call_ref import CallRef  # noqa: PLC0415
        from ..models.condition import Condition  # noqa: PLC0415
        from ..models.disbursement import Disbursement  # noqa: PLC0415
        from ..models.grant_budget_line import GrantBudgetLine  # noqa: PLC0415
        from ..models.grant_report import GrantReport  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415
        from ..models.refund import Refund  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        agreement_number = d.pop("agreement_number")

        fund_id = d.pop("fund_id")

        proposal_id = d.pop("proposal_id")

        call = CallRef.from_dict(d.pop("call"))

        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        country_code = d.pop("country_code")

        currency = d.pop("currency")

        amount = d.pop("amount")

        disbursed = d.pop("disbursed")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        status = GrantDetailStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        scheduled = d.pop("scheduled")

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:
            conditions_item = Condition.from_dict(conditions_item_data)

            conditions.append(conditions_item)

        disbursements = []
        _disbursements = d.pop("disbursements")
        for disbursements_item_data in _disbursements:
            disbursements_item = Disbursement.from_dict(disbursements_item_data)

            disbursements.append(disbursements_item)

        reports = []
        _reports = d.pop("reports")
        for reports_item_data in _reports:
            reports_item = GrantReport.from_dict(reports_item_data)

            reports.append(reports_item)

        refunds = []
        _refunds = d.pop("refunds")
        for refunds_item_data in _refunds:
            refunds_item = Refund.from_dict(refunds_item_data)

            refunds.append(refunds_item)

        amendments = []
        _amendments = d.pop("amendments")
        for amendments_item_data in _amendments:
            amendments_item = Amendment.from_dict(amendments_item_data)

            amendments.append(amendments_item)

        budget = []
        _budget = d.pop("budget")
        for budget_item_data in _budget:
            budget_item = GrantBudgetLine.from_dict(budget_item_data)

            budget.append(budget_item)

        spent = d.pop("spent")

        def _parse_refund_due(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refund_due = _parse_refund_due(d.pop("refund_due"))

        grant_detail = cls(
            id=id,
            agreement_number=agreement_number,
            fund_id=fund_id,
            proposal_id=proposal_id,
            call=call,
            organisation=organisation,
            country_code=country_code,
            currency=currency,
            amount=amount,
            disbursed=disbursed,
            approved_on=approved_on,
            starts_on=starts_on,
            ends_on=ends_on,
            status=status,
            status_reason=status_reason,
            ended_on=ended_on,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            scheduled=scheduled,
            conditions=conditions,
            disbursements=disbursements,
            reports=reports,
            refunds=refunds,
            amendments=amendments,
            budget=budget,
            spent=spent,
            refund_due=refund_due,
        )

        return grant_detail
