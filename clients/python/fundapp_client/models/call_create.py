from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="CallCreate")


@_attrs_define
class CallCreate:
    """
    Attributes:
        fund_id (int):
        cycle_label (str):  Example: 10.2.
        cycle_number (int):
        title (str):
        launched_on (datetime.date | None | Unset):
        deadline (datetime.datetime | None | Unset):  Example: 2017-03-31T23:59:00Z.
        priorities (list[str] | Unset):
        eligibility_criteria (list[str] | Unset): The criteria its proposals are screened against; the fund's when not
            given
        budget (None | str | Unset): Decimal amount as a string, in USD Example: 25000.00.
        grant_floor (str | Unset): The least a grant may be: the fund's floor when not given, and never below it
            Example: 25000.00.
        grant_ceiling (str | Unset): The most a grant may be: the fund's ceiling when not given, and never above it
            Example: 25000.00.
        max_duration_months (int | Unset): The longest a grant may run: the fund's when not given, and never longer
        reserve_expires_on (datetime.date | None | Unset):
    """

    fund_id: int
    cycle_label: str
    cycle_number: int
    title: str
    launched_on: datetime.date | None | Unset = UNSET
    deadline: datetime.datetime | None | Unset = UNSET
    priorities: list[str] | Unset = UNSET
    eligibility_criteria: list[str] | Unset = UNSET
    budget: None | str | Unset = UNSET
    grant_floor: str | Unset = UNSET
    grant_ceiling: str | Unset = UNSET
    max_duration_months: int | Unset = UNSET
    reserve_expires_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fund_id = self.fund_id

        cycle_label = self.cycle_label

        cycle_number = self.cycle_number

        title = self.title

        launched_on: None | str | Unset
        if isinstance(self.launched_on, Unset):
            launched_on = UNSET
        elif isinstance(self.launched_on, datetime.date):
            launched_on = self.launched_on.isoformat()
        else:
            launched_on = self.launched_on

        deadline: None | str | Unset
        if isinstance(self.deadline, Unset):
            deadline = UNSET
        elif isinstance(self.deadline, datetime.datetime):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline

        priorities: list[str] | Unset = UNSET
        if not isinstance(self.priorities, Unset):
            priorities = self.priorities

        eligibility_criteria: list[str] | Unset = UNSET
        if not isinstance(self.eligibility_criteria, Unset):
            eligibility_criteria = self.eligibility_criteria

        budget: None | str | Unset
        if isinstance(self.budget, Unset):
            budget = UNSET
        else:
            budget = self.budget

        grant_floor = self.grant_floor

        grant_ceiling = self.grant_ceiling

        max_duration_months = self.max_duration_months

        reserve_expires_on: None | str | Unset
        if isinstance(self.reserve_expires_on, Unset):
            reserve_expires_on = UNSET
        elif isinstance(self.reserve_expires_on, datetime.date):
            reserve_expires_on = self.reserve_expires_on.isoformat()
        else:
            reserve_expires_on = self.reserve_expires_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "cycle_label": cycle_label,
                "cycle_number": cycle_number,
                "title": title,
            }
        )
        if launched_on is not UNSET:
            field_dict["launched_on"] = launched_on
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if priorities is not UNSET:
            field_dict["priorities"] = priorities
        if eligibility_criteria is not UNSET:
            field_dict["eligibility_criteria"] = eligibility_criteria
        if budget is not UNSET:
            field_dict["budget"] = budget
        if grant_floor is not UNSET:
            field_dict["grant_floor"] = grant_floor
        if grant_ceiling is not UNSET:
            field_dict["grant_ceiling"] = grant_ceiling
        if max_duration_months is not UNSET:
            field_dict["max_duration_months"] = max_duration_months
        if reserve_expires_on is not UNSET:
            field_dict["reserve_expires_on"] = reserve_expires_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_id = d.pop("fund_id")

        cycle_label = d.pop("cycle_label")

        cycle_number = d.pop("cycle_number")

        title = d.pop("title")

        def _parse_launched_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                launched_on_type_0 = datetime.date.fromisoformat(data)

                return launched_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        launched_on = _parse_launched_on(d.pop("launched_on", UNSET))

        def _parse_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.datetime.fromisoformat(data)

                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deadline = _parse_deadline(d.pop("deadline", UNSET))

        priorities = cast(list[str], d.pop("priorities", UNSET))

        eligibility_criteria = cast(list[str], d.pop("eligibility_criteria", UNSET))

        def _parse_budget(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        budget = _parse_budget(d.pop("budget", UNSET))

        grant_floor = d.pop("grant_floor", UNSET)

        grant_ceiling = d.pop("grant_ceiling", UNSET)

        max_duration_months = d.pop("max_duration_months", UNSET)

        def _parse_reserve_expires_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reserve_expires_on_type_0 = datetime.date.fromisoformat(data)

                return reserve_expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reserve_expires_on = _parse_reserve_expires_on(d.pop("reserve_expires_on", UNSET))

        call_create = cls(
            fund_id=fund_id,
            cycle_label=cycle_label,
            cycle_number=cycle_number,
            title=title,
            launched_on=launched_on,
            deadline=deadline,
            priorities=priorities,
            eligibility_criteria=eligibility_criteria,
            budget=budget,
            grant_floor=grant_floor,
            grant_ceiling=grant_ceiling,
            max_duration_months=max_duration_months,
            reserve_expires_on=reserve_expires_on,
        )

        return call_create
