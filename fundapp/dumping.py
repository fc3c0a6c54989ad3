"""Response schemas that dump in a fraction of marshmallow's time, to the same JSON.

marshmallow serialises each field through four layers (``Field.serialize`` → ``get_value`` →
``Schema.get_attribute`` → ``utils.get_value``) before the field's own ``_serialize``; on a
page of 20 proposals that is some 500 fields and a quarter of the request. ``OutputSchema``
plans each schema once: for every field, where its value comes from and how it is formatted,
then dumps by running the plan. The plan keeps marshmallow's semantics exactly:

- a plain field (no custom ``serialize``/``get_value``, no dotted attribute) reads
  ``obj[key]`` or ``getattr(obj, key)`` as ``utils.get_value`` does, and formats with the
  field's own ``_serialize`` (``Integer`` and ``String`` inlined: ``int(v)``, ``str(v)``);
- a missing value, any other field (``Function``, ``Method``, ``MoneyOut``...) and dotted
  attributes go through ``field.serialize`` itself;
- nested schemas are ``OutputSchema`` too, so ``Nested`` dumps them by their plans;
- a schema with pre/post-dump hooks or a custom ``get_attribute`` uses marshmallow's dump.

``tests/test_dumping.py`` dumps every GET route of the seeded app both ways and compares.
The plan reads marshmallow's private attributes (``Field._serialize``, ``_CHECK_ATTRIBUTE``,
``Schema._hooks``, ``_init_fields``), so ``pyproject.toml`` locks marshmallow's minor version, the
one that comparison ran against (the style guide's rule for a library used beyond its public API).
Only response bodies are dumped, the public API's: no internal path (caches, ETags, audit events,
documents) serialises through marshmallow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import fields
from marshmallow.decorators import POST_DUMP, PRE_DUMP
from marshmallow.utils import missing

Getter = Callable[[Any], Any]
Step = tuple[str, Getter | None, Callable[[Any, Any], Any] | None, Callable[[Any], Any]]


def _getter(key: str) -> Getter:
    """``utils.get_value(obj, key)`` for one plain key: ``obj[key]``, else ``obj.key``, else missing."""

    def get(obj: Any) -> Any:
        if type(obj) is dict:
            try:
                return obj[key]
            except KeyError:
                return getattr(obj, key, missing)
        if not hasattr(obj, "__getitem__"):
            return getattr(obj, key, missing)
        try:
            return obj[key]
        except (KeyError, IndexError, TypeError, AttributeError):
            return getattr(obj, key, missing)

    return get


def _formatter(field: fields.Field, name: str) -> Callable[[Any, Any], Any]:
    """``field._serialize(value, name, obj)``, inlined for the commonest exact types."""
    if type(field) is fields.Integer and not field.as_string:
        return lambda value, obj: None if value is None else int(value)
    if type(field) is fields.String:
        serialize_text = field._serialize

        def text(value: Any, obj: Any) -> Any:
            if value is None or type(value) is str:
                return value
            return serialize_text(value, name, obj)

        return text
    serialize = field._serialize
    return lambda value, obj: serialize(value, name, obj)


def _is_plain(field: fields.Field, path: str) -> bool:
    kind = type(field)
    return (
        field._CHECK_ATTRIBUTE
        and kind.serialize is fields.Field.serialize
        and kind.get_value is fields.Field.get_value
        and "." not in path
    )


def _plan(schema: ma.Schema) -> list[Step] | None:
    """The steps dumping one object with ``schema``, or None when marshmallow must do it."""
    if schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP]:
        return None
    if type(schema).get_attribute is not ma.Schema.get_attribute or schema.dict_class is not dict:
        return None
    steps: list[Step] = []
    for name, field in schema.dump_fields.items():
        key = field.data_key if field.data_key is not None else name
        path = field.attribute if field.attribute is not None else name

        def full(obj: Any, field: fields.Field = field, name: str = name) -> Any:
            return field.serialize(name, obj, accessor=schema.get_attribute)

        if _is_plain(field, path):
            steps.append((key, _getter(path), _formatter(field, name), full))
        else:
            steps.append((key, None, None, full))
    return steps


class SharedSchema(ma.Schema):
    """A schema instance is a declaration: a deep copy of it is the schema itself.

    flask-smorest deep-copies a view's documentation at each of its decorators and again when
    the blueprint is registered, the schema instances it names with it; kept on every wrapper,
    those copies were 4 MB of each worker's memory. marshmallow does the same for its fields
    (``Field.__deepcopy__`` is a shallow copy), and nothing changes a schema once declared (a
    ``Nested`` field takes a shallow copy of its own before it sets ``only`` or ``exclude``).
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> SharedSchema:
        return self


class OutputSchema(SharedSchema):
    """Base of every response schema: marshmallow's declarations, a planned dump (see above)."""

    #: Off only in the test that compares the planned dump with marshmallow's.
    planned = True
    #: The fields a dump may leave out. Every other field is in every dump (maybe null), so the
    #: OpenAPI document lists it as required and a generated client types it as present.
    optional_fields: ClassVar[frozenset[str]] = frozenset()

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        super().on_bind_field(field_name, field_obj)
        if field_name not in self.optional_fields:
            field_obj.required = True

    def _init_fields(self) -> None:
        # marshmallow calls this again when a copy gets other only/exclude (Nested of an
        # instance): the fields change, so must the plan
        super()._init_fields()
        self.__dict__.pop("_steps", None)

    def dump(self, obj: Any, *, many: bool | None = None) -> Any:
        if not OutputSchema.planned:
            return super().dump(obj, many=many)
        try:
            steps = self.__dict__["_steps"]
        except KeyError:
            steps = self.__dict__["_steps"] = _plan(self)
        if steps is None:
            return super().dump(obj, many=many)
        many = self.many if many is None else bool(many)
        if many and obj is not None:
            return [_run(steps, item) for item in obj]
        return _run(steps, obj)


def _run(steps: list[Step], obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, get, formatted, full in steps:
        if get is not None and formatted is not None:
            value = get(obj)
            if value is not missing:
                out[key] = formatted(value, obj)
                continue
        value = full(obj)
        if value is not missing:
            out[key] = value
    return out
