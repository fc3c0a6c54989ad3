from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.approval_decision import ApprovalDecision
from typing import cast
import datetime


T = TypeVar("T", bound="Approval")


@_attrs_define
class Approval:
    """
    Attributes:
        id (int):
        recommendation_id (int):
        decision (ApprovalDecision):
        currency (str):
        amount (None | str):  Example: 25000.00.
        reason (None | str):
        approver_id (int | None):
        approver_name (str):
        decided_at (datetime.datetime):
    """

    id: int
    recommendation_id: int
    decision: ApprovalDecision
    currency: str
    amount: None | str
    reason: None | str
    approver_id: int | None
    approver_name: str
    decided_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        recommendation_id = self.recommendation_id

        decision = self.decision.value

        currency = self.currency

        amount: None | str
        amount = self.amount

        reason: None | str
        reason = self.reason

        approver_id: int | None
        approver_id = self.approver_id

        approver_name = self.approver_name

        decided_at = self.decided_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "recommendation_id": recommendation_id,
                "decision": decision,
                "currency": currency,
                "amount": amount,
                "reason": reason,
                "approver_id": approver_id,
                "approver_name": approver_name,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        recommendation_id = d.pop("recommendation_id")

        decision = ApprovalDecision(d.pop("decision"))

        currency = d.pop("currency")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_approver_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approver_id = _parse_approver_id(d.pop("approver_id"))

        approver_name = d.pop("approver_name")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        approval = cls(
            id=id,
            recommendation_id=recommendation_id,
            decision=decision,
            currency=currency,
            amount=amount,
            reason=reason,
            approver_id=approver_id,
            approver_name=approver_name,
            decided_at=decided_at,
        )

        return approval
