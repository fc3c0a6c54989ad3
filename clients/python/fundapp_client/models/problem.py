from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.problem_blocking_item import ProblemBlockingItem
    from ..models.problem_field import ProblemField
    from ..models.problem_unmet_conditions_item import ProblemUnmetConditionsItem


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """
    Attributes:
        title (str):
        status (int):
        type_ (str | Unset):
        detail (str | Unset):
        request_id (str | Unset):
        errors (list[ProblemField] | Unset):
        current_state (str | Unset):
        allowed_states (list[str] | Unset):
        shortfall (str | Unset):
        currency (str | Unset):
        existing_id (int | Unset):
        excess (str | Unset): How far a tranche would exceed its grant
        paid (str | Unset): What a grant was paid, net, when money would come back
        available (str | Unset): The most that can come back from a grant on that day
        amount (str | Unset): The amount the refused request asked for
        scheduled (str | Unset): What a grant's tranches schedule
        budgeted (str | Unset): What a grant's budget lines add up to
        remaining (str | Unset): What is left of a pledge to receive
        missing (list[str] | Unset): What a step (a call's, a grant's closure) still needs
        blocking (list[ProblemBlockingItem] | Unset): The records in the way of a step: entity, id, state and a label
        reserve_expires_on (datetime.date | Unset): Last day of a lapsed reserve list
        unmet_conditions (list[ProblemUnmetConditionsItem] | Unset): Conditions before release not met
    """

    title: str
    status: int
    type_: str | Unset = UNSET
    detail: str | Unset = UNSET
    request_id: str | Unset = UNSET
    errors: list[ProblemField] | Unset = UNSET
    current_state: str | Unset = UNSET
    allowed_states: list[str] | Unset = UNSET
    shortfall: str | Unset = UNSET
    currency: str | Unset = UNSET
    existing_id: int | Unset = UNSET
    excess: str | Unset = UNSET
    paid: str | Unset = UNSET
    available: str | Unset = UNSET
    amount: str | Unset = UNSET
    scheduled: str | Unset = UNSET
    budgeted: str | Unset = UNSET
    remaining: str | Unset = UNSET
    missing: list[str] | Unset = UNSET
    blocking: list[ProblemBlockingItem] | Unset = UNSET
    reserve_expires_on: datetime.date | Unset = UNSET
    unmet_conditions: list[ProblemUnmetConditionsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.problem_blocking_item import ProblemBlockingItem  # noqa: PLC0415
        from ..models.problem_field import ProblemField  # noqa: PLC0415
        from ..models.problem_unmet_conditions_item import ProblemUnmetConditionsItem  # noqa: PLC0415

        title = self.title

        status = self.status

        type_ = self.type_

        detail = self.detail

        request_id = self.request_id

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        current_state = self.current_state

        allowed_states: list[str] | Unset = UNSET
        if not isinstance(self.allowed_states, Unset):
            allowed_states = self.allowed_states

        shortfall = self.shortfall

        currency = self.currency

        existing_id = self.existing_id

        excess = self.excess

        paid = self.paid

        available = self.available

        amount = self.amount

        scheduled = self.scheduled

        budgeted = self.budgeted

        remaining = self.remaining

        missing: list[str] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing

        blocking: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.blocking, Unset):
            blocking = []
            for blocking_item_data in self.blocking:
                blocking_item = blocking_item_data.to_dict()
                blocking.append(blocking_item)

        reserve_expires_on: str | Unset = UNSET
        if not isinstance(self.reserve_expires_on, Unset):
            reserve_expires_on = self.reserve_expires_on.isoformat()

        unmet_conditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unmet_conditions, Unset):
            unmet_conditions = []
            for unmet_conditions_item_data in self.unmet_conditions:
                unmet_conditions_item = unmet_conditions_item_data.to_dict()
                unmet_conditions.append(unmet_conditions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "status": status,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if detail is not UNSET:
            field_dict["detail"] = detail
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if errors is not UNSET:
            field_dict["errors"] = errors
        if current_state is not UNSET:
            field_dict["current_state"] = current_state
        if allowed_states is not UNSET:
            field_dict["allowed_states"] = allowed_states
        if shortfall is not UNSET:
            field_dict["shortfall"] = shortfall
        if currency is not UNSET:
            field_dict["currency"] = currency
        if existing_id is not UNSET:
            field_dict["existing_id"] = existing_id
        if excess is not UNSET:
            field_dict["excess"] = excess
        if paid is not UNSET:
            field_dict["paid"] = paid
        if available is not UNSET:
            field_dict["available"] = available
        if amount is not UNSET:
            field_dict["amount"] = amount
        if scheduled is not UNSET:
            field_dict["scheduled"] = scheduled
        if budgeted is not UNSET:
            field_dict["budgeted"] = budgeted
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if missing is not UNSET:
            field_dict["missing"] = missing
        if blocking is not UNSET:
            field_dict["blocking"] = blocking
        if reserve_expires_on is not UNSET:
            field_dict["reserve_expires_on"] = reserve_expires_on
        if unmet_conditions is not UNSET:
            field_dict["unmet_conditions"] = unmet_conditions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_blocking_item import ProblemBlockingItem  # noqa: PLC0415
        from ..models.problem_field import ProblemField  # noqa: PLC0415
        from ..models.problem_unmet_conditions_item import ProblemUnmetConditionsItem  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        status = d.pop("status")

        type_ = d.pop("type", UNSET)

        detail = d.pop("detail", UNSET)

        request_id = d.pop("request_id", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[ProblemField] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ProblemField.from_dict(errors_item_data)

                errors.append(errors_item)

        current_state = d.pop("current_state", UNSET)

        allowed_states = cast(list[str], d.pop("allowed_states", UNSET))

        shortfall = d.pop("shortfall", UNSET)

        currency = d.pop("currency", UNSET)

        existing_id = d.pop("existing_id", UNSET)

        excess = d.pop("excess", UNSET)

        paid = d.pop("paid", UNSET)

        available = d.pop("available", UNSET)

        amount = d.pop("amount", UNSET)

        scheduled = d.pop("scheduled", UNSET)

        budgeted = d.pop("budgeted", UNSET)

        remaining = d.pop("remaining", UNSET)

        missing = cast(list[str], d.pop("missing", UNSET))

        _blocking = d.pop("blocking", UNSET)
        blocking: list[ProblemBlockingItem] | Unset = UNSET
        if _blocking is not UNSET:
            blocking = []
            for blocking_item_data in _blocking:
                blocking_item = ProblemBlockingItem.from_dict(blocking_item_data)

                blocking.append(blocking_item)

        _reserve_expires_on = d.pop("reserve_expires_on", UNSET)
        reserve_expires_on: datetime.date | Unset
        if isinstance(_reserve_expires_on, Unset):
            reserve_expires_on = UNSET
        else:
            reserve_expires_on = datetime.date.fromisoformat(_reserve_expires_on)

        _unmet_conditions = d.pop("unmet_conditions", UNSET)
        unmet_conditions: list[ProblemUnmetConditionsItem] | Unset = UNSET
        if _unmet_conditions is not UNSET:
            unmet_conditions = []
            for unmet_conditions_item_data in _unmet_conditions:
                unmet_conditions_item = ProblemUnmetConditionsItem.from_dict(unmet_conditions_item_data)

                unmet_conditions.append(unmet_conditions_item)

        problem = cls(
            title=title,
            status=status,
            type_=type_,
            detail=detail,
            request_id=request_id,
            errors=errors,
            current_state=current_state,
            allowed_states=allowed_states,
            shortfall=shortfall,
            currency=currency,
            existing_id=existing_id,
            excess=excess,
            paid=paid,
            available=available,
            amount=amount,
            scheduled=scheduled,
            budgeted=budgeted,
            remaining=remaining,
            missing=missing,
            blocking=blocking,
            reserve_expires_on=reserve_expires_on,
            unmet_conditions=unmet_conditions,
        )

        return problem
