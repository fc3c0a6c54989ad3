from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country_code import CountryCode
from ..models.donor_update_kind import DonorUpdateKind
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="DonorUpdate")


@_attrs_define
class DonorUpdate:
    """
    Attributes:
        name (str | Unset):
        kind (DonorUpdateKind | Unset):
        country_code (CountryCode | None | Unset):
        anonymous (bool | Unset):  Default: False.
        contact_email (None | str | Unset):
        internal_note (None | str | Unset):
    """

    name: str | Unset = UNSET
    kind: DonorUpdateKind | Unset = UNSET
    country_code: CountryCode | None | Unset = UNSET
    anonymous: bool | Unset = False
    contact_email: None | str | Unset = UNSET
    internal_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        elif isinstance(self.country_code, CountryCode):
            country_code = self.country_code.value
        else:
            country_code = self.country_code

        anonymous = self.anonymous

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        internal_note: None | str | Unset
        if isinstance(self.internal_note, Unset):
            internal_note = UNSET
        else:
            internal_note = self.internal_note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if anonymous is not UNSET:
            field_dict["anonymous"] = anonymous
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if internal_note is not UNSET:
            field_dict["internal_note"] = internal_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: DonorUpdateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = DonorUpdateKind(_kind)

        def _parse_country_code(data: object) -> CountryCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_code_type_0 = CountryCode(data)

                return country_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | Unset, data)

        country_code = _parse_country_code(d.pop("country_code", UNSET))

        anonymous = d.pop("anonymous", UNSET)

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_internal_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_note = _parse_internal_note(d.pop("internal_note", UNSET))

        donor_update = cls(
            name=name,
            kind=kind,
            country_code=country_code,
            anonymous=anonymous,
            contact_email=contact_email,
            internal_note=internal_note,
        )

        return donor_update
