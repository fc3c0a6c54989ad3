from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.staff_donor_kind import StaffDonorKind
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="StaffDonor")


@_attrs_define
class StaffDonor:
    """
    Attributes:
        id (int):
        name (str):
        kind (StaffDonorKind):
        country_code (None | str):
        anonymous (bool):
        contact_email (None | str):
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        internal_note (None | str | Unset): To staff and admin only: absent to a donor
    """

    id: int
    name: str
    kind: StaffDonorKind
    country_code: None | str
    anonymous: bool
    contact_email: None | str
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    internal_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value

        country_code: None | str
        country_code = self.country_code

        anonymous = self.anonymous

        contact_email: None | str
        contact_email = self.contact_email

        illustrative = self.illustrative

        source: None | str
        source = self.source

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        internal_note: None | str | Unset
        if isinstance(self.internal_note, Unset):
            internal_note = UNSET
        else:
            internal_note = self.internal_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "country_code": country_code,
                "anonymous": anonymous,
                "contact_email": contact_email,
                "illustrative": illustrative,
                "source": source,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if internal_note is not UNSET:
            field_dict["internal_note"] = internal_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = StaffDonorKind(d.pop("kind"))

        def _parse_country_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country_code = _parse_country_code(d.pop("country_code"))

        anonymous = d.pop("anonymous")

        def _parse_contact_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_email = _parse_contact_email(d.pop("contact_email"))

        illustrative = d.pop("illustrative")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_internal_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_note = _parse_internal_note(d.pop("internal_note", UNSET))

        staff_donor = cls(
            id=id,
            name=name,
            kind=kind,
            country_code=country_code,
            anonymous=anonymous,
            contact_email=contact_email,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            internal_note=internal_note,
        )

        return staff_donor
