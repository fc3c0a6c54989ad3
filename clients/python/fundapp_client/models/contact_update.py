from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contact_update_language import ContactUpdateLanguage
from ..types import UNSET, Unset


T = TypeVar("T", bound="ContactUpdate")


@_attrs_define
class ContactUpdate:
    """
    Attributes:
        name (str | Unset):  Example: Mariam Koné.
        email (str | Unset):
        language (ContactUpdateLanguage | Unset): The language the fund writes to this person in: en or fr, or es where
            a fund of the installation works in Spanish
    """

    name: str | Unset = UNSET
    email: str | Unset = UNSET
    language: ContactUpdateLanguage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        _language = d.pop("language", UNSET)
        language: ContactUpdateLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = ContactUpdateLanguage(_language)

        contact_update = cls(
            name=name,
            email=email,
            language=language,
        )

        return contact_update
