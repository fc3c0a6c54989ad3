from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.call_status import CallStatus
from typing import cast
import datetime


T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """
    Attributes:
        id (int):
        fund_id (int):
        cycle_label (str):
        cycle_number (int):
        title (str):
        launched_on (datetime.date | None):
        deadline (datetime.datetime | None):
        priorities (list[str]):
        eligibility_criteria (list[str]):
        currency (str):
        budget (None | str):  Example: 25000.00.
        grant_floor (str):  Example: 25000.00.
        grant_ceiling (str):  Example: 25000.00.
        max_duration_months (int):
        reserve_expires_on (datetime.date | None):
        status (CallStatus):
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    fund_id: int
    cycle_label: str
    cycle_number: int
    title: str
    launched_on: datetime.date | None
    deadline: datetime.datetime | None
    priorities: list[str]
    eligibility_criteria: list[str]
    currency: str
    budget: None | str
    grant_floor: str
    grant_ceiling: str
    max_duration_months: int
    reserve_expires_on: datetime.date | None
    status: CallStatus
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fund_id = self.fund_id

        cycle_label = self.cycle_label

        cycle_number = self.cycle_number

        title = self.title

        launched_on: None | str
        if isinstance(self.launched_on, datetime.date):
            launched_on = self.launched_on.isoformat()
        else:
            launched_on = self.launched_on

        deadline: None | str
        if isinstance(self.deadline, datetime.datetime):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline

        priorities = self.priorities

        eligibility_criteria = self.eligibility_criteria

        currency = self.currency

        budget: None | str
        budget = self.budget

        grant_floor = self.grant_floor

        grant_ceiling = self.grant_ceiling

        max_duration_months = self.max_duration_months

        reserve_expires_on: None | str
        if isinstance(self.reserve_expires_on, datetime.date):
            reserve_expires_on = self.reserve_expires_on.isoformat()
        else:
            reserve_expires_on = self.reserve_expires_on

        status = self.status.value

        illustrative = self.illustrative

        source: None | str
        source = self.source

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "cycle_label": cycle_label,
                "cycle_number": cycle_number,
                "title": title,
                "launched_on": launched_on,
                "deadline": deadline,
                "priorities": priorities,
                "eligibility_criteria": eligibility_criteria,
                "currency": currency,
                "budget": budget,
                "grant_floor": grant_floor,
                "grant_ceiling": grant_ceiling,
                "max_duration_months": max_duration_months,
                "reserve_expires_on": reserve_expires_on,
                "status": status,
                "illustrative": illustrative,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        cycle_label = d.pop("cycle_label")

        cycle_number = d.pop("cycle_number")

        title = d.pop("title")

        def _parse_launched_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                launched_on_type_0 = datetime.date.fromisoformat(data)

                return launched_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        launched_on = _parse_launched_on(d.pop("launched_on"))

        def _parse_deadline(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.datetime.fromisoformat(data)

                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        deadline = _parse_deadline(d.pop("deadline"))

        priorities = cast(list[str], d.pop("priorities"))

        eligibility_criteria = cast(list[str], d.pop("eligibility_criteria"))

        currency = d.pop("currency")

        def _parse_budget(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        budget = _parse_budget(d.pop("budget"))

        grant_floor = d.pop("grant_floor")

        grant_ceiling = d.pop("grant_ceiling")

        max_duration_months = d.pop("max_duration_months")

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

        status = CallStatus(d.pop("status"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        call = cls(
            id=id,
            fund_id=fund_id,
            cycle_label=cycle_label,
            cycle_number=cycle_number,
            title=title,
            launched_on=launched_on,
            deadline=deadline,
            priorities=priorities,
            eligibility_criteria=eligibility_criteria,
            currency=currency,
            budget=budget,
            grant_floor=grant_floor,
            grant_ceiling=grant_ceiling,
            max_duration_months=max_duration_months,
            reserve_expires_on=reserve_expires_on,
            status=status,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return call
