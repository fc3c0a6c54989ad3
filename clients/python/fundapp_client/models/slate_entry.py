from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.slate_entry_decision import SlateEntryDecision
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="SlateEntry")


@_attrs_define
class SlateEntry:
    """
    Attributes:
        proposal_id (int):
        decision (SlateEntryDecision):
        rationale (str):
        amount (None | str | Unset): USD; required for fund, refused otherwise Example: 25000.00.
        rank (int | None | Unset):
    """

    proposal_id: int
    decision: SlateEntryDecision
    rationale: str
    amount: None | str | Unset = UNSET
    rank: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        proposal_id = self.proposal_id

        decision = self.decision.value

        rationale = self.rationale

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        rank: int | None | Unset
        if isinstance(self.rank, Unset):
            rank = UNSET
        else:
            rank = self.rank

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "proposal_id": proposal_id,
                "decision": decision,
                "rationale": rationale,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if rank is not UNSET:
            field_dict["rank"] = rank

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        proposal_id = d.pop("proposal_id")

        decision = SlateEntryDecision(d.pop("decision"))

        rationale = d.pop("rationale")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_rank(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rank = _parse_rank(d.pop("rank", UNSET))

        slate_entry = cls(
            proposal_id=proposal_id,
            decision=decision,
            rationale=rationale,
            amount=amount,
            rank=rank,
        )

        return slate_entry
