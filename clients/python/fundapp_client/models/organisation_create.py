from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country_code import CountryCode
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="OrganisationCreate")


@_attrs_define
class OrganisationCreate:
    """
    Attributes:
        name (str):  Example: Association of Shelters for Women.
        country_code (CountryCode): An ISO 3166-1 alpha-2 country code (officially assigned), or one of the fund's
            documented exceptions: XK, Kosovo (under UNSCR 1244). The list is fundapp/data/iso3166-1-countries.csv. Example:
            NG.
        registration_number (str): The national registration number Example: RC-123456.
        acronym (None | str | Unset):  Example: ASW.
        partner_portal_id (None | str | Unset): The organisation's UN Partner Portal id Example: NG-0123-4567.
        year_founded (int | None | Unset):
        contact_name (None | str | Unset):
        contact_email (None | str | Unset):
    """

    name: str
    country_code: CountryCode
    registration_number: str
    acronym: None | str | Unset = UNSET
    partner_portal_id: None | str | Unset = UNSET
    year_founded: int | None | Unset = UNSET
    contact_name: None | str | Unset = UNSET
    contact_email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        country_code = self.country_code.value

        registration_number = self.registration_number

        acronym: None | str | Unset
        if isinstance(self.acronym, Unset):
            acronym = UNSET
        else:
            acronym = self.acronym

        partner_portal_id: None | str | Unset
        if isinstance(self.partner_portal_id, Unset):
            partner_portal_id = UNSET
        else:
            partner_portal_id = self.partner_portal_id

        year_founded: int | None | Unset
        if isinstance(self.year_founded, Unset):
            year_founded = UNSET
        else:
            year_founded = self.year_founded

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "country_code": country_code,
                "registration_number": registration_number,
            }
        )
        if acronym is not UNSET:
            field_dict["acronym"] = acronym
        if partner_portal_id is not UNSET:
            field_dict["partner_portal_id"] = partner_portal_id
        if year_founded is not UNSET:
            field_dict["year_founded"] = year_founded
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        country_code = CountryCode(d.pop("country_code"))

        registration_number = d.pop("registration_number")

        def _parse_acronym(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acronym = _parse_acronym(d.pop("acronym", UNSET))

        def _parse_partner_portal_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner_portal_id = _parse_partner_portal_id(d.pop("partner_portal_id", UNSET))

        def _parse_year_founded(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        year_founded = _parse_year_founded(d.pop("year_founded", UNSET))

        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        organisation_create = cls(
            name=name,
            country_code=country_code,
            registration_number=registration_number,
            acronym=acronym,
            partner_portal_id=partner_portal_id,
            year_founded=year_founded,
            contact_name=contact_name,
            contact_email=contact_email,
        )

        return organisation_create
