"""Shared marshmallow pieces: strict input, money as strings, codes, pagination envelopes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Any, ClassVar, overload

import marshmallow as ma
from marshmallow import fields, validate
from marshmallow.utils import get_value

from .countries import accepted_country_codes
from .dumping import OutputSchema, SharedSchema
from .money import MAX_MAJOR_DIGITS, exponent, format_minor, known_currencies
from .pagination import Cursor, decode_cursor

MAX_ID = 2**63 - 1

#: Control characters (Unicode category Cc) are refused in texts, except tab and line breaks in
#: a multi-line one. PostgreSQL text cannot even hold NUL.
_CONTROL = r"\u0000-\u001f\u007f-\u009f"
_CONTROL_BUT_LINES = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
#: What is stripped from both ends of a text, and what a blank one is made of: the space, the
#: other Unicode spaces and the invisible zero-width characters.
BLANK_CHARS = (
    " \u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
#: BLANK_CHARS as a regular-expression character class (a test keeps the two the same).
_BLANK = r"\u0020\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_LINES = r"\t\n\r"


def _anchored(body: str) -> str:
    return f"^{body}$"


class Matches(validate.Regexp):
    """``validate.Regexp`` that must match the whole value.

    Python's ``$`` also matches before a final newline, so ``^[a-z]+$`` alone lets "abc\n"
    through, while the OpenAPI document (ECMA-262, where ``$`` is the end) says it is invalid.
    """

    @overload
    def __call__(self, value: str) -> str: ...

    @overload
    def __call__(self, value: bytes) -> bytes: ...

    def __call__(self, value: Any) -> Any:
        if self.regex.fullmatch(value) is None:
            raise ma.ValidationError(self._format_error(value))
        return value


class InputSchema(SharedSchema):
    """Every request body and query: unknown fields are an error, never silently dropped."""

    #: A realistic body this schema loads, shown on every request body it reads in the OpenAPI
    #: document (fundapp/openapi.py requires one; tests/test_openapi.py loads it).
    example: ClassVar[dict[str, Any] | None] = None

    class Meta:
        unknown = ma.RAISE


class Text(fields.String):
    """A string with no NUL byte or control character (PostgreSQL text cannot hold NUL).

    ``multiline`` texts may hold tabs and line breaks. Surrounding blanks are stripped and the
    rest normalised to NFC; a required text (or one with ``allow_blank=False``) may not be
    blank. The OpenAPI document says all of it (``pattern``, ``maxLength``) and the value as
    sent is what is judged, so that the document and the validation agree.
    """

    def __init__(
        self, *, max_length: int, multiline: bool = False, allow_blank: bool | None = None, **kwargs: Any
    ) -> None:
        self.max_length = max_length
        self.multiline = multiline
        self.allow_blank = not kwargs.get("required") if allow_blank is None else allow_blank
        extra = kwargs.pop("validate", None)
        validators: list[Any] = [validate.Length(max=max_length)]
        if extra is not None:
            validators.extend(extra if isinstance(extra, list) else [extra])
        if not self.allow_blank:
            validators.insert(0, validate.Length(min=1, error="may not be blank"))
        control = _CONTROL_BUT_LINES if multiline else _CONTROL
        blank = _BLANK + (_LINES if multiline else "")
        body = f"[^{control}]*" if self.allow_blank else f"[{blank}]*[^{blank}{control}][^{control}]*"
        self.regex = re.compile(body)
        self.blanks = BLANK_CHARS + ("\t\n\r" if multiline else "")
        metadata = dict(kwargs.pop("metadata", {}))
        if not any(isinstance(v, validate.Regexp) for v in validators):
            metadata.setdefault("pattern", _anchored(body))
        super().__init__(validate=validators, metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        allowed = {"\n", "\t", "\r"} if self.multiline else set()
        for char in text:
            category = unicodedata.category(char)
            if category == "Cc" and char not in allowed:
                raise ma.ValidationError(f"contains a control character (U+{ord(char):04X})")
            if category == "Cs":
                raise ma.ValidationError(f"contains a lone surrogate (U+{ord(char):04X}), not a character")
        if len(text) > self.max_length:
            raise ma.ValidationError(f"Longer than maximum length {self.max_length}.")
        if self.regex.fullmatch(text) is None:
            raise ma.ValidationError("may not be blank")
        self._validate(text)  # the other validators judge what was sent, as the document does
        normalised = unicodedata.normalize("NFC", text.strip(self.blanks))
        if len(normalised) > self.max_length:
            raise ma.ValidationError(f"Longer than maximum length {self.max_length} once normalised (NFC).")
        return normalised


class Password(fields.String):
    """A password as sent: any characters (blanks and all, not normalised) but a lone surrogate.

    A lone surrogate (``"\\ud800"`` in JSON) is not a character and cannot be encoded to be
    hashed: it is a 422 naming the field, whoever sends it.
    """

    def __init__(self, *, min_length: int, max_length: int, **kwargs: Any) -> None:
        super().__init__(validate=validate.Length(min=min_length, max=max_length), **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        for char in text:
            if unicodedata.category(char) == "Cs":
                raise ma.ValidationError(f"contains a lone surrogate (U+{ord(char):04X}), not a character")
        return text


#: The most decimals a currency's minor unit has (BHD, KWD ...: 3).
MAX_DECIMALS = 3


def amount_pattern(decimals: int = MAX_DECIMALS, *, allow_zero: bool = False) -> str:
    """The pattern of an amount: a plain decimal, at most ``decimals`` after the point."""
    whole = f"[1-9][0-9]{{0,{MAX_MAJOR_DIGITS - 1}}}"
    if decimals == 0:
        return _anchored(f"(0|{whole})" if allow_zero else whole)
    fraction = rf"(\.[0-9]{{1,{decimals}}})?"
    if allow_zero:
        return _anchored(f"(0|{whole}){fraction}")
    # below one: "0." then at most ``decimals`` digits, not all of them zero
    small = "|".join(
        "0" * zeros + "[1-9]" + (f"[0-9]{{0,{decimals - 1 - zeros}}}" if zeros < decimals - 1 else "")
        for zeros in range(decimals)
    )
    return _anchored(rf"({whole}{fraction}|0\.({small}))")


class Amount(fields.Field):
    """Money in: a JSON string such as "1250.00" (never a number, never NaN or 1e400).

    An amount is greater than zero unless ``allow_zero``; ``currency`` (for a field always in
    one currency) limits the decimals to its minor unit. The document's pattern says both.
    """

    def __init__(self, *, currency: str | None = None, allow_zero: bool = False, **kwargs: Any) -> None:
        self.decimals = exponent(currency) if currency else MAX_DECIMALS
        self.allow_zero = allow_zero
        pattern = amount_pattern(self.decimals, allow_zero=allow_zero)
        self.regex = re.compile(pattern)
        unit = f"in {currency}" if currency else "in major units of the currency"
        metadata = {
            "type": "string",
            "pattern": pattern,
            "example": "25000.00" if self.decimals >= 2 else "25000",
            "description": f"Decimal amount as a string, {unit}",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Decimal:
        if not isinstance(value, str):
            raise ma.ValidationError('must be a string such as "25000.00", not a number')
        if self.regex.fullmatch(value) is None:
            least = "zero or more" if self.allow_zero else "greater than zero"
            raise ma.ValidationError(
                f'must be a plain decimal {least}, such as "25000.00", with at most {MAX_MAJOR_DIGITS} '
                f"digits before the point and at most {self.decimals} decimals"
            )
        return Decimal(value)

    def _serialize(self, value: Any, attr: Any, obj: Any, **kwargs: Any) -> str | None:
        return None if value is None else str(value)


#: Money out: an optional minus sign, digits, at most three decimals.
MONEY_OUT_PATTERN = r"^-?[0-9]+(\.[0-9]{1,3})?$"


class MoneyOut(fields.Field):
    """Money out: reads ``<minor_attr>`` and ``<currency_attr>`` of the object, dumps "1250.00"."""

    def __init__(self, minor_attr: str, currency_attr: str = "currency", **kwargs: Any) -> None:
        self.minor_attr = minor_attr
        self.currency_attr = currency_attr
        metadata = {
            "type": "string",
            "pattern": MONEY_OUT_PATTERN,
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


class CountryCodeField(fields.String):
    """A country's code: the OpenAPI document names its values once, as ``CountryCode``."""

    openapi_component = "CountryCode"
    openapi_description = (
        "An ISO 3166-1 alpha-2 country code (officially assigned), or one of the fund's documented "
        "exceptions: XK, Kosovo (under UNSCR 1244). The list is fundapp/data/iso3166-1-countries.csv."
    )


def CountryCode(**kwargs: Any) -> fields.String:  # noqa: N802 - a field factory reads as a field
    """An ISO 3166-1 alpha-2 code, or an exception the fund documents (``countries``)."""
    return CountryCodeField(
        validate=[
            Matches(r"^[A-Z]{2}$", error="must be two capital letters"),
            validate.OneOf(
                accepted_country_codes(),
                error="'{input}' is not an ISO 3166-1 alpha-2 country code, nor one of the fund's exceptions",
            ),
        ],
        metadata={"example": "NG", **kwargs.pop("metadata", {})},
        **kwargs,
    )


def CurrencyCode(**kwargs: Any) -> fields.String:  # noqa: N802
    """An ISO 4217 code of a currency (not a fund, metal or test code); the document lists them."""
    return fields.String(
        validate=[
            Matches(r"^[A-Z]{3}$", error="must be three capital letters"),
            validate.OneOf(sorted(known_currencies()), error="'{input}' is not an ISO 4217 currency code"),
        ],
        metadata={"example": "EUR", **kwargs.pop("metadata", {})},
        **kwargs,
    )


#: The days the API takes: years 1900 to 2999, what a call, a session, a grant or a period of
#: the books can have. Arithmetic on them (a grant's end, the day after a period) then never
#: leaves Python's range (9999-12-31 plus a day is an OverflowError, a 500).
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
YEAR_PATTERN = "^(19[0-9]{2}|2[0-9]{3})-"
_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def _in_range(day: dt.date) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ma.ValidationError(f"must be between {FIRST_DAY} and {LAST_DAY}")


class Day(fields.Date):
    """A date in 1900-2999 written as RFC 3339 says (``2017-03-31``; Python would also take
    ``20170331``); the document's pattern says the years."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {"pattern": YEAR_PATTERN, **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> dt.date:
        if not isinstance(value, str) or _DAY_RE.fullmatch(value) is None:
            raise self.make_error("invalid", input=value, obj_type=self.OBJ_TYPE)
        day = super()._deserialize(value, attr, data, **kwargs)
        _in_range(day)
        return day


class Moment(fields.AwareDateTime):
    """A moment with its zone, as RFC 3339 writes it (``2017-03-31T23:59:00Z``), in 1900-2999;
    loaded as UTC."""

    def __init__(self, **kwargs: Any) -> None:
        metadata = {"pattern": YEAR_PATTERN, **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> dt.datetime:
        if not isinstance(value, str) or _MOMENT_RE.fullmatch(value) is None:
            raise self.make_error("invalid", input=value, obj_type=self.OBJ_TYPE)
        moment = super()._deserialize(value, attr, data, **kwargs)
        _in_range(moment.date())
        return moment.astimezone(dt.UTC)


class Flag(fields.Boolean):
    """A JSON boolean: true or false, not 0, 1, "yes" or "on" (marshmallow takes them all,
    and ``0 in {False}`` holds in Python, so ``falsy={False}`` alone lets 0 through)."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def QueryFlag(**kwargs: Any) -> fields.Boolean:  # noqa: N802
    """A boolean in a query string: ``true`` or ``false``, as the document's boolean is written."""
    return fields.Boolean(truthy={"true"}, falsy={"false"}, **kwargs)


def Id(**kwargs: Any) -> fields.Integer:  # noqa: N802
    """A record id in a JSON body: a JSON integer from 1 to 2^63-1."""
    return fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_ID), **kwargs)


def QueryId(**kwargs: Any) -> fields.Integer:  # noqa: N802
    """A record id in a query string (which carries only text): 1 to 2^63-1."""
    return fields.Integer(validate=validate.Range(min=1, max=MAX_ID), **kwargs)


class ReasonSchema(InputSchema):
    """The body of an action that needs a reason: a cancellation, a reversal, a suspension."""

    example = {
        "reason": "Interim narrative report six months overdue; payments held until it is received.",
    }

    reason = Text(required=True, max_length=2000, multiline=True)


class CursorField(fields.String):
    """The opaque ``next_cursor`` of a page, decoded (a malformed one is a 422 naming ``cursor``)."""

    # a String on the wire and in the document, a Cursor once loaded: marshmallow types
    # every String as loading to str
    def _deserialize(  # type: ignore[override]
        self, value: Any, attr: Any, data: Any, **kwargs: Any
    ) -> Cursor:
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
        metadata={
            "description": "Sort key; a leading '-' sorts descending",
            # the names a generated client gives the values: code, code_desc, ...
            "x-enum-varnames": [o.upper() for o in options] + [f"{o.upper()}_DESC" for o in options],
        },
    )


_envelopes: dict[type, type] = {}


def page_of(item_schema: type[ma.Schema]) -> type[ma.Schema]:
    """The list envelope ``{items, total, page, page_size, next_cursor}`` for an item schema."""
    if item_schema not in _envelopes:
        name = item_schema.__name__.removesuffix("Schema") + "PageSchema"
        _envelopes[item_schema] = type(
            name,
            (OutputSchema,),
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
