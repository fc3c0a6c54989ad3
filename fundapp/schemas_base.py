"""Shared marshmallow pieces: strict input, money as strings, codes, pagination envelopes."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache
from typing import Any

import marshmallow as ma
from babel import Locale
from marshmallow import fields, validate
from marshmallow.utils import get_value

from .money import MAX_MAJOR_DIGITS, MoneyError, check_currency, format_minor
from .pagination import Cursor, decode_cursor

AMOUNT_PATTERN = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$"
_AMOUNT_RE = re.compile(AMOUNT_PATTERN)
MAX_ID = 2**63 - 1


class InputSchema(ma.Schema):
    """Every request body and query: unknown fields are an error, never silently dropped."""

    class Meta:
        unknown = ma.RAISE


class Text(fields.String):
    """A string with no NUL byte or control character (PostgreSQL text cannot hold NUL).

    ``multiline`` texts may hold newlines and tabs. Surrounding white space is stripped,
    and a required text may not be blank.
    """

    def __init__(self, *, max_length: int, multiline: bool = False, **kwargs: Any) -> None:
        self.multiline = multiline
        extra = kwargs.pop("validate", None)
        validators = [validate.Length(max=max_length)]
        if extra is not None:
            validators.extend(extra if isinstance(extra, list) else [extra])
        if kwargs.get("required"):
            validators.insert(0, validate.Length(min=1, error="may not be blank"))
        super().__init__(validate=validators, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        allowed = {"\n", "\t", "\r"} if self.multiline else set()
        for char in text:
            if unicodedata.category(char) == "Cc" and char not in allowed:
                raise ma.ValidationError(f"contains a control character (U+{ord(char):04X})")
        return unicodedata.normalize("NFC", text.strip())


class Amount(fields.Field):
    """Money in: a JSON string such as "1250.00" (never a number, never NaN or 1e400)."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {
            "type": "string",
            "pattern": AMOUNT_PATTERN,
            "example": "25000.00",
            "description": "Decimal amount as a string, in major units of the currency",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Decimal:
        if not isinstance(value, str):
            raise ma.ValidationError('must be a string such as "25000.00", not a number')
        if not _AMOUNT_RE.match(value):
            raise ma.ValidationError(
                f"must be a plain decimal with at most {MAX_MAJOR_DIGITS} digits before the point "
                'and at most 3 after, such as "25000.00"'
            )
        return Decimal(value)

    def _serialize(self, value: Any, attr: Any, obj: Any, **kwargs: Any) -> str | None:
        return None if value is None else str(value)


class MoneyOut(fields.Field):
    """Money out: reads ``<minor_attr>`` and ``<currency_attr>`` of the object, dumps "1250.00"."""

    def __init__(self, minor_attr: str, currency_attr: str = "currency", **kwargs: Any) -> None:
        self.minor_attr = minor_attr
        self.currency_attr = currency_attr
        metadata = {
            "type": "string",
            "pattern": r"^-?[0-9]+(\.[0-9]{1,3})?$",
            "example": "25000.00",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(dump_only=True, metadata=metadata, **kwargs)

    def serialize(self, attr: str, obj: Any, accessor: Any = None, **kwargs: Any) -> str | None:
        minor = get_value(obj, self.minor_attr)
        currency = get_value(obj, self.currency_attr)
        if minor is None or minor is ma.missing:
            return None
        return format_minor(minor, currency)


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(
        code for code in Locale("en").territories if len(code) == 2 and code.isalpha() and code != "ZZ"
    )


def validate_country(code: str) -> None:
    if code not in _country_codes():
        raise ma.ValidationError(f"'{code}' is not an ISO 3166-1 alpha-2 country code")


def validate_currency(code: str) -> None:
    try:
        check_currency(code)
    except MoneyError as exc:
        raise ma.ValidationError(str(exc)) from exc


def CountryCode(**kwargs: Any) -> fields.String:  # noqa: N802 - a field factory reads as a field
    return fields.String(
        validate=[validate.Regexp(r"^[A-Z]{2}$", error="must be two capital letters"), validate_country],
        metadata={"pattern": "^[A-Z]{2}$", "example": "NG"},
        **kwargs,
    )


def CurrencyCode(**kwargs: Any) -> fields.String:  # noqa: N802
    return fields.String(
        validate=[validate.Regexp(r"^[A-Z]{3}$", error="must be three capital letters"), validate_currency],
        metadata={"pattern": "^[A-Z]{3}$", "example": "EUR"},
        **kwargs,
    )


def Id(**kwargs: Any) -> fields.Integer:  # noqa: N802
    """A record id in a JSON body: a JSON integer from 1 to 2^63-1."""
    return fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_ID), **kwargs)


def QueryId(**kwargs: Any) -> fields.Integer:  # noqa: N802
    """A record id in a query string (which carries only text): 1 to 2^63-1."""
    return fields.Integer(validate=validate.Range(min=1, max=MAX_ID), **kwargs)


class ReasonSchema(InputSchema):
    """The body of an action that needs a reason: a cancellation, a reversal, a suspension."""

    reason = Text(required=True, max_length=2000, multiline=True)


class CursorField(fields.String):
    """The opaque ``next_cursor`` of a page, decoded (a malformed one is a 422 naming ``cursor``)."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Cursor:
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > 1000:
            raise ma.ValidationError("is not a cursor given by this list (too long)")
        try:
            return decode_cursor(text)
        except ValueError as exc:
            raise ma.ValidationError("is not a cursor given by this list (use a page's next_cursor)") from exc


class PageQuery(InputSchema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    page_size = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    cursor = CursorField(
        metadata={
            "maxLength": 1000,
            "description": "The next_cursor of the previous page: the page after it, as fast as the first "
            "(keyset pagination; total is then null). Use it instead of page to go deep into a long list.",
        },
    )


def sort_field(options: list[str], default: str) -> fields.String:
    choices = options + [f"-{o}" for o in options]
    return fields.String(
        load_default=default,
        validate=validate.OneOf(choices),
        metadata={"description": "Sort key; a leading '-' sorts descending"},
    )


_envelopes: dict[type, type] = {}


def page_of(item_schema: type[ma.Schema]) -> type[ma.Schema]:
    """The list envelope ``{items, total, page, page_size, next_cursor}`` for an item schema."""
    if item_schema not in _envelopes:
        name = item_schema.__name__.removesuffix("Schema") + "PageSchema"
        _envelopes[item_schema] = type(
            name,
            (ma.Schema,),
            {
                "items": fields.List(fields.Nested(item_schema), required=True),
                "total": fields.Integer(
                    required=True,
                    allow_none=True,
                    metadata={"description": "Rows matching the filters; null when paging by cursor"},
                ),
                "page": fields.Integer(required=True),
                "page_size": fields.Integer(required=True),
                "next_cursor": fields.String(
                    required=True,
                    allow_none=True,
                    metadata={"description": "Pass as cursor for the next page; null on the last page"},
                ),
            },
        )
    return _envelopes[item_schema]
