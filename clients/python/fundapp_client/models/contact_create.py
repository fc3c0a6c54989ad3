from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contact_create_language import ContactCreateLanguage


T = TypeVar("T", bound="ContactCreate")


@_attrs_define
class ContactCreate:
    """
    Attributes:
        name (str):  Example: Mariam Koné.
        email (str):
        language (ContactCreateLanguage): The language the fund writes to this person in: en or fr, or es where a fund
            of the installation works in Spanish
    """

    name: str
    email: str
    language: ContactCreateLanguage

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "email": email,
                "language": language,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        language = ContactCreateLanguage(d.pop("language"))

        contact_create = cls(
            name=name,
            email=email,
            language=language,
        )

        return contact_create
