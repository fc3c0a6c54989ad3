from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """
    Attributes:
        id (int):
        organisation_id (int | None):
        donor_id (int | None):
        name (str):
        email (str):
        language (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    organisation_id: int | None
    donor_id: int | None
    name: str
    email: str
    language: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organisation_id: int | None
        organisation_id = self.organisation_id

        donor_id: int | None
        donor_id = self.donor_id

        name = self.name

        email = self.email

        language = self.language

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "organisation_id": organisation_id,
                "donor_id": donor_id,
                "name": name,
                "email": email,
                "language": language,
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

        def _parse_organisation_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        organisation_id = _parse_organisation_id(d.pop("organisation_id"))

        def _parse_donor_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        donor_id = _parse_donor_id(d.pop("donor_id"))

        name = d.pop("name")

        email = d.pop("email")

        language = d.pop("language")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        contact = cls(
            id=id,
            organisation_id=organisation_id,
            donor_id=donor_id,
            name=name,
            email=email,
            language=language,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return contact
