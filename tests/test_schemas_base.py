"""The shared fields accept exactly what the OpenAPI document says they accept."""

import re
import string

import marshmallow as ma
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fundapp.schemas_base import _BLANK, BLANK_CHARS, Amount, Text, amount_pattern

# every character but surrogates (which JSON decoding may produce, and Text refuses outright)
CHARACTERS = st.characters(exclude_categories=["Cs"])
INTERESTING = st.sampled_from(list(BLANK_CHARS + "\x00\t\n\r\x07\x1b\x7f\x85\x9b" + "aé\u0301Z 1-"))
TEXTS = st.text(st.one_of(CHARACTERS, INTERESTING), max_size=25)


def ecma(pattern: str) -> re.Pattern[str]:
    """The pattern as ECMA-262 reads it: ``$`` is the end (in Python it may also precede a last newline)."""
    return re.compile(pattern.removesuffix("$") + r"\Z" if pattern.endswith("$") else pattern)


def _documented(field: ma.fields.Field) -> tuple[re.Pattern[str], int | None]:
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

    plugin = MarshmallowPlugin()
    APISpec("t", "1", "3.0.3", plugins=[plugin])
    prop = plugin.converter.field2property(field)
    return ecma(prop["pattern"]), prop.get("maxLength")


def _loads(field: ma.fields.Field, value: object) -> bool:
    schema = ma.Schema.from_dict({"v": field})()
    try:
        schema.load({"v": value})
    except ma.ValidationError:
        return False
    return True


def test_the_blank_character_class_is_exactly_the_blanks_stripped():
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert "".join(re.findall(f"[{_BLANK}]", every)) == BLANK_CHARS


@pytest.mark.parametrize("multiline", [False, True])
@pytest.mark.parametrize("required", [False, True])
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
@example(text="abc\n")
@example(text="  ")
@example(text="\ufeff")
@example(text="a" * 21)
@example(text=" " * 19 + "ab")
def test_a_text_is_accepted_exactly_when_the_document_says_it_is_valid(required, multiline, text):
    field = Text(max_length=20, required=required, multiline=multiline)
    pattern, max_length = _documented(field)
    valid = pattern.search(text) is not None and len(text) <= max_length and (len(text) >= 1 or not required)
    assert _loads(field, text) == valid


@pytest.mark.parametrize("decimals", [0, 2, 3])
@pytest.mark.parametrize("allow_zero", [False, True])
@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from(string.digits + ".-+e, "), max_size=20))
@example(text="0")
@example(text="0.00")
@example(text="0.01")
@example(text="1.001")
@example(text="1" * 16)
def test_an_amount_is_accepted_exactly_when_its_pattern_matches(decimals, allow_zero, text):
    pattern = amount_pattern(decimals, allow_zero=allow_zero)
    field = Amount(allow_zero=allow_zero, currency={0: "JPY", 2: "USD", 3: "KWD"}[decimals])
    assert field.metadata["pattern"] == pattern
    assert _loads(field, text) == (ecma(pattern).search(text) is not None)
    if _loads(field, text) and not allow_zero:
        assert float(text) > 0
