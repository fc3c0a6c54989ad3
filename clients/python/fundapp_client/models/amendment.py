from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.amendment_kind import AmendmentKind
from ..models.amendment_status import AmendmentStatus
from typing import cast
import datetime


T = TypeVar("T", bound="Amendment")


@_attrs_define
class Amendment:
    """
    Attributes:
        id (int):
        grant_id (int):
        kind (AmendmentKind):
        status (AmendmentStatus):
        currency (str):
        previous (str): The grant's amount when requested Example: 25000.00.
        amount (str): The grant's amount once approved (an extension's: unchanged) Example: 25000.00.
        previous_ends_on (datetime.date | None): An extension's: the grant's end before
        ends_on (datetime.date | None): An extension's: the grant's new end
        reason (str):
        requested_on (datetime.date):
        decided_on (datetime.date | None): The approver's decision; null while requested
        decision_note (None | str): Why it was rejected, or a note
        illustrative (bool):
        source (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    grant_id: int
    kind: AmendmentKind
    status: AmendmentStatus
    currency: str
    previous: str
    amount: str
    previous_ends_on: datetime.date | None
    ends_on: datetime.date | None
    reason: str
    requested_on: datetime.date
    decided_on: datetime.date | None
    decision_note: None | str
    illustrative: bool
    source: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        grant_id = self.grant_id

        kind = self.kind.value

        status = self.status.value

        currency = self.currency

        previous = self.previous

        amount = self.amount

        previous_ends_on: None | str
        if isinstance(self.previous_ends_on, datetime.date):
            previous_ends_on = self.previous_ends_on.isoformat()
        else:
            previous_ends_on = self.previous_ends_on

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        reason = self.reason

        requested_on = self.requested_on.isoformat()

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        decision_note: None | str
        decision_note = self.decision_note

        illustrative = self.illustrative

        source: None | str
        source = self.source

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "kind": kind,
                "status": status,
                "currency": currency,
                "previous": previous,
                "amount": amount,
                "previous_ends_on": previous_ends_on,
                "ends_on": ends_on,
                "reason": reason,
                "requested_on": requested_on,
                "decided_on": decided_on,
                "decision_note": decision_note,
                "illustrative": illustrative,
                "source": source,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        grant_id = d.pop("grant_id")

        kind = AmendmentKind(d.pop("kind"))

        status = AmendmentStatus(d.pop("status"))

        currency = d.pop("currency")

        previous = d.pop("previous")

        amount = d.pop("amount")

        def _parse_previous_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_ends_on_type_0 = datetime.date.fromisoformat(data)

                return previous_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        previous_ends_on = _parse_previous_ends_on(d.pop("previous_ends_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        reason = d.pop("reason")

        requested_on = datetime.date.fromisoformat(d.pop("requested_on"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_decision_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        amendment = cls(
            id=id,
            grant_id=grant_id,
            kind=kind,
            status=status,
            currency=currency,
            previous=previous,
            amount=amount,
            previous_ends_on=previous_ends_on,
            ends_on=ends_on,
            reason=reason,
            requested_on=requested_on,
            decided_on=decided_on,
            decision_note=decision_note,
            illustrative=illustrative,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
        )

        return amendment
