from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="Condition")


@_attrs_define
class Condition:
    """
    Attributes:
        id (int):
        grant_id (int):
        description (str):
        description_fr (None | str):
        met (bool):
        met_on (datetime.date | None):
        note (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    grant_id: int
    description: str
    description_fr: None | str
    met: bool
    met_on: datetime.date | None
    note: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        grant_id = self.grant_id

        description = self.description

        description_fr: None | str
        description_fr = self.description_fr

        met = self.met

        met_on: None | str
        if isinstance(self.met_on, datetime.date):
            met_on = self.met_on.isoformat()
        else:
            met_on = self.met_on

        note: None | str
        note = self.note

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "description": description,
                "description_fr": description_fr,
                "met": met,
                "met_on": met_on,
                "note": note,
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

        description = d.pop("description")

        def _parse_description_fr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description_fr = _parse_description_fr(d.pop("description_fr"))

        met = d.pop("met")

        def _parse_met_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_on_type_0 = datetime.date.fromisoformat(data)

                return met_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        met_on = _parse_met_on(d.pop("met_on"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        condition = cls(
            id=id,
            grant_id=grant_id,
            description=description,
            description_fr=description_fr,
            met=met,
            met_on=met_on,
            note=note,
            created_at=created_at,
            updated_at=updated_at,
        )

        return condition
