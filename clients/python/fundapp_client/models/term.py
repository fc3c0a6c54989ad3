from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.term_appointment_notes_item import TermAppointmentNotesItem
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.member import Member


T = TypeVar("T", bound="Term")


@_attrs_define
class Term:
    """
    Attributes:
        id (int):
        fund_id (int):
        label (str):
        starts_on (datetime.date):
        ends_on (datetime.date):
        appointed_on (datetime.date | None):
        appointed_by (None | str):
        appointment_notes (list[TermAppointmentNotesItem]):
        members (list[Member]):
        illustrative (bool):
        source (None | str):
        created_at (datetime.datetime):
    """

    id: int
    fund_id: int
    label: str
    starts_on: datetime.date
    ends_on: datetime.date
    appointed_on: datetime.date | None
    appointed_by: None | str
    appointment_notes: list[TermAppointmentNotesItem]
    members: list[Member]
    illustrative: bool
    source: None | str
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.member import Member  # noqa: PLC0415

        id = self.id

        fund_id = self.fund_id

        label = self.label

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        appointed_on: None | str
        if isinstance(self.appointed_on, datetime.date):
            appointed_on = self.appointed_on.isoformat()
        else:
            appointed_on = self.appointed_on

        appointed_by: None | str
        appointed_by = self.appointed_by

        appointment_notes = []
        for appointment_notes_item_data in self.appointment_notes:
            appointment_notes_item = appointment_notes_item_data.value
            appointment_notes.append(appointment_notes_item)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        illustrative = self.illustrative

        source: None | str
        source = self.source

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "label": label,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "appointed_on": appointed_on,
                "appointed_by": appointed_by,
                "appointment_notes": appointment_notes,
                "members": members,
                "illustrative": illustrative,
                "source": source,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member import Member  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        fund_id = d.pop("fund_id")

        label = d.pop("label")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        def _parse_appointed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appointed_on_type_0 = datetime.date.fromisoformat(data)

                return appointed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        appointed_on = _parse_appointed_on(d.pop("appointed_on"))

        def _parse_appointed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        appointed_by = _parse_appointed_by(d.pop("appointed_by"))

        appointment_notes = []
        _appointment_notes = d.pop("appointment_notes")
        for appointment_notes_item_data in _appointment_notes:
            appointment_notes_item = TermAppointmentNotesItem(appointment_notes_item_data)

            appointment_notes.append(appointment_notes_item)

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = Member.from_dict(members_item_data)

            members.append(members_item)

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        term = cls(
            id=id,
            fund_id=fund_id,
            label=label,
            starts_on=starts_on,
            ends_on=ends_on,
            appointed_on=appointed_on,
            appointed_by=appointed_by,
            appointment_notes=appointment_notes,
            members=members,
            illustrative=illustrative,
            source=source,
            created_at=created_at,
        )

        return term
