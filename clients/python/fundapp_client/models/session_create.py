from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    """
    Attributes:
        call_id (int):
        held_on (datetime.date):
        place (str):  Example: Vienna.
        term_id (int | None | Unset):
        available_income (None | str | Unset): USD the Board may recommend; default: what the fund may commit to new
            grants today, their programme support costs set aside Example: 25000.00.
    """

    call_id: int
    held_on: datetime.date
    place: str
    term_id: int | None | Unset = UNSET
    available_income: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        call_id = self.call_id

        held_on = self.held_on.isoformat()

        place = self.place

        term_id: int | None | Unset
        if isinstance(self.term_id, Unset):
            term_id = UNSET
        else:
            term_id = self.term_id

        available_income: None | str | Unset
        if isinstance(self.available_income, Unset):
            available_income = UNSET
        else:
            available_income = self.available_income

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "call_id": call_id,
                "held_on": held_on,
                "place": place,
            }
        )
        if term_id is not UNSET:
            field_dict["term_id"] = term_id
        if available_income is not UNSET:
            field_dict["available_income"] = available_income

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        call_id = d.pop("call_id")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        place = d.pop("place")

        def _parse_term_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term_id = _parse_term_id(d.pop("term_id", UNSET))

        def _parse_available_income(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        available_income = _parse_available_income(d.pop("available_income", UNSET))

        session_create = cls(
            call_id=call_id,
            held_on=held_on,
            place=place,
            term_id=term_id,
            available_income=available_income,
        )

        return session_create
