from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recommendation_brief_decision import RecommendationBriefDecision
from ..models.recommendation_brief_status import RecommendationBriefStatus
from typing import cast
import datetime


T = TypeVar("T", bound="RecommendationBrief")


@_attrs_define
class RecommendationBrief:
    """
    Attributes:
        id (int):
        proposal_id (int):
        decision (RecommendationBriefDecision):
        currency (str):
        amount (None | str):  Example: 25000.00.
        rank (int | None):
        rationale (str):
        reserve_expires_on (datetime.date | None):
        status (RecommendationBriefStatus):
        recorded_by_id (int | None):
        created_at (datetime.datetime):
    """

    id: int
    proposal_id: int
    decision: RecommendationBriefDecision
    currency: str
    amount: None | str
    rank: int | None
    rationale: str
    reserve_expires_on: datetime.date | None
    status: RecommendationBriefStatus
    recorded_by_id: int | None
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        proposal_id = self.proposal_id

        decision = self.decision.value

        currency = self.currency

        amount: None | str
        amount = self.amount

        rank: int | None
        rank = self.rank

        rationale = self.rationale

        reserve_expires_on: None | str
        if isinstance(self.reserve_expires_on, datetime.date):
            reserve_expires_on = self.reserve_expires_on.isoformat()
        else:
            reserve_expires_on = self.reserve_expires_on

        status = self.status.value

        recorded_by_id: int | None
        recorded_by_id = self.recorded_by_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "proposal_id": proposal_id,
                "decision": decision,
                "currency": currency,
                "amount": amount,
                "rank": rank,
                "rationale": rationale,
                "reserve_expires_on": reserve_expires_on,
                "status": status,
                "recorded_by_id": recorded_by_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        proposal_id = d.pop("proposal_id")

        decision = RecommendationBriefDecision(d.pop("decision"))

        currency = d.pop("currency")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rank = _parse_rank(d.pop("rank"))

        rationale = d.pop("rationale")

        def _parse_reserve_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reserve_expires_on_type_0 = datetime.date.fromisoformat(data)

                return reserve_expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        reserve_expires_on = _parse_reserve_expires_on(d.pop("reserve_expires_on"))

        status = RecommendationBriefStatus(d.pop("status"))

        def _parse_recorded_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        recommendation_brief = cls(
            id=id,
            proposal_id=proposal_id,
            decision=decision,
            currency=currency,
            amount=amount,
            rank=rank,
            rationale=rationale,
            reserve_expires_on=reserve_expires_on,
            status=status,
            recorded_by_id=recorded_by_id,
            created_at=created_at,
        )

        return recommendation_brief
