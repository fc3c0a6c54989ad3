from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.amendment_decision_decision import AmendmentDecisionDecision
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="AmendmentDecision")


@_attrs_define
class AmendmentDecision:
    """
    Attributes:
        decision (AmendmentDecisionDecision): approved (the grant changes now) or rejected (with a reason)
        decided_on (datetime.date): Not before the request, nor in the future
        reason (None | str | Unset):
    """

    decision: AmendmentDecisionDecision
    decided_on: datetime.date
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        decided_on = self.decided_on.isoformat()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
                "decided_on": decided_on,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = AmendmentDecisionDecision(d.pop("decision"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        amendment_decision = cls(
            decision=decision,
            decided_on=decided_on,
            reason=reason,
        )

        return amendment_decision
