from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.term_create_appointment_notes_item import TermCreateAppointmentNotesItem
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="TermCreate")


@_attrs_define
class TermCreate:
    """
    Attributes:
        fund_id (int):
        label (str):  Example: 2017-2020.
        starts_on (datetime.date):
        ends_on (datetime.date):
        appointed_on (datetime.date | None | Unset):
        appointed_by (None | str | Unset):  Example: the Secretary-General.
        appointment_notes (list[TermCreateAppointmentNotesItem] | Unset): What the appointment said beyond its date, as
            the documents word it: `new_board` (a new Board), `high_level` (a high-level Board), `expertise` (its members
            chosen for their knowledge of the field)
    """

    fund_id: int
    label: str
    starts_on: datetime.date
    ends_on: datetime.date
    appointed_on: datetime.date | None | Unset = UNSET
    appointed_by: None | str | Unset = UNSET
    appointment_notes: list[TermCreateAppointmentNotesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fund_id = self.fund_id

        label = self.label

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        appointed_on: None | str | Unset
        if isinstance(self.appointed_on, Unset):
            appointed_on = UNSET
        elif isinstance(self.appointed_on, datetime.date):
            appointed_on = self.appointed_on.isoformat()
        else:
            appointed_on = self.appointed_on

        appointed_by: None | str | Unset
        if isinstance(self.appointed_by, Unset):
            appointed_by = UNSET
        else:
            appointed_by = self.appointed_by

        appointment_notes: list[str] | Unset = UNSET
        if not isinstance(self.appointment_notes, Unset):
            appointment_notes = []
            for appointment_notes_item_data in self.appointment_notes:
                appointment_notes_item = appointment_notes_item_data.value
                appointment_notes.append(appointment_notes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "label": label,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )
        if appointed_on is not UNSET:
            field_dict["appointed_on"] = appointed_on
        if appointed_by is not UNSET:
            field_dict["appointed_by"] = appointed_by
        if appointment_notes is not UNSET:
            field_dict["appointment_notes"] = appointment_notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_id = d.pop("fund_id")

        label = d.pop("label")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        def _parse_appointed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appointed_on_type_0 = datetime.date.fromisoformat(data)

                return appointed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        appointed_on = _parse_appointed_on(d.pop("appointed_on", UNSET))

        def _parse_appointed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appointed_by = _parse_appointed_by(d.pop("appointed_by", UNSET))

        _appointment_notes = d.pop("appointment_notes", UNSET)
        appointment_notes: list[TermCreateAppointmentNotesItem] | Unset = UNSET
        if _appointment_notes is not UNSET:
            appointment_notes = []
            for appointment_notes_item_data in _appointment_notes:
                appointment_notes_item = TermCreateAppointmentNotesItem(appointment_notes_item_data)

                appointment_notes.append(appointment_notes_item)

        term_create = cls(
            fund_id=fund_id,
            label=label,
            starts_on=starts_on,
            ends_on=ends_on,
            appointed_on=appointed_on,
            appointed_by=appointed_by,
            appointment_notes=appointment_notes,
        )

        return term_create
