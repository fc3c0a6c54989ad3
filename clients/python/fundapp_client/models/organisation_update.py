from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country_code import CountryCode
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="OrganisationUpdate")


@_attrs_define
class OrganisationUpdate:
    """
    Attributes:
        name (str | Unset):  Example: Association of Shelters for Women.
        acronym (None | str | Unset):  Example: ASW.
        country_code (CountryCode | Unset): An ISO 3166-1 alpha-2 country code (officially assigned), or one of the
            fund's documented exceptions: XK, Kosovo (under UNSCR 1244). The list is fundapp/data/iso3166-1-countries.csv.
            Example: NG.
        registration_number (str | Unset): The national registration number Example: RC-123456.
        partner_portal_id (None | str | Unset): The organisation's UN Partner Portal id Example: NG-0123-4567.
        year_founded (int | None | Unset):
        contact_name (None | str | Unset):
        contact_email (None | str | Unset):
    """

    name: str | Unset = UNSET
    acronym: None | str | Unset = UNSET
    country_code: CountryCode | Unset = UNSET
    registration_number: str | Unset = UNSET
    partner_portal_id: None | str | Unset = UNSET
    year_founded: int | None | Unset = UNSET
    contact_name: None | str | Unset = UNSET
    contact_email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        acronym: None | str | Unset
        if isinstance(self.acronym, Unset):
            acronym = UNSET
        else:
            acronym = self.acronym

        country_code: str | Unset = UNSET
        if not isinstance(self.country_code, Unset):
            country_code = self.country_code.value

        registration_number = self.registration_number

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

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if acronym is not UNSET:
            field_dict["acronym"] = acronym
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number
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
        name = d.pop("name", UNSET)

        def _parse_acronym(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acronym = _parse_acronym(d.pop("acronym", UNSET))

        _country_code = d.pop("country_code", UNSET)
        country_code: CountryCode | Unset
        if isinstance(_country_code, Unset):
            country_code = UNSET
        else:
            country_code = CountryCode(_country_code)

        registration_number = d.pop("registration_number", UNSET)

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

        organisation_update = cls(
            name=name,
            acronym=acronym,
            country_code=country_code,
            registration_number=registration_number,
            partner_portal_id=partner_portal_id,
            year_founded=year_founded,
            contact_name=contact_name,
            contact_email=contact_email,
        )

        return organisation_update
