from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="Organisation")


@_attrs_define
class Organisation:
    """
    Attributes:
        id (int):
        name (str):
        acronym (None | str):
        country_code (str):
        registration_number (str):
        partner_portal_id (None | str):
        year_founded (int | None):
        contact_name (None | str):
        contact_email (None | str):
        illustrative (bool):
        source (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    acronym: None | str
    country_code: str
    registration_number: str
    partner_portal_id: None | str
    year_founded: int | None
    contact_name: None | str
    contact_email: None | str
    illustrative: bool
    source: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        acronym: None | str
        acronym = self.acronym

        country_code = self.country_code

        registration_number = self.registration_number

        partner_portal_id: None | str
        partner_portal_id = self.partner_portal_id

        year_founded: int | None
        year_founded = self.year_founded

        contact_name: None | str
        contact_name = self.contact_name

        contact_email: None | str
        contact_email = self.contact_email

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
                "name": name,
                "acronym": acronym,
                "country_code": country_code,
                "registration_number": registration_number,
                "partner_portal_id": partner_portal_id,
                "year_founded": year_founded,
                "contact_name": contact_name,
                "contact_email": contact_email,
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

        name = d.pop("name")

        def _parse_acronym(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acronym = _parse_acronym(d.pop("acronym"))

        country_code = d.pop("country_code")

        registration_number = d.pop("registration_number")

        def _parse_partner_portal_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner_portal_id = _parse_partner_portal_id(d.pop("partner_portal_id"))

        def _parse_year_founded(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        year_founded = _parse_year_founded(d.pop("year_founded"))

        def _parse_contact_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_name = _parse_contact_name(d.pop("contact_name"))

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

        organisation = cls(
            id=id,
            name=name,
            acronym=acronym,
            country_code=country_code,
            registration_number=registration_number,
            partner_portal_id=partner_portal_id,
            year_founded=year_founded,
            contact_name=contact_name,
            contact_email=contact_email,
            illustrative=illustrative,
            source=source,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return organisation
