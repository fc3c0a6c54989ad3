"""``fundapp/dumping.py``: the planned dump gives exactly marshmallow's JSON, faster."""

from __future__ import annotations

import datetime as dt
import enum
from types import SimpleNamespace

import marshmallow as ma
import pytest
from marshmallow import fields

from fundapp.dumping import OutputSchema

from .auth.test_role_matrix import _path_value


def both_ways(schema: ma.Schema, obj: object, *, many: bool | None = None) -> tuple[object, object]:
    planned = schema.dump(obj, many=many)
    OutputSchema.planned = False
    try:
        reference = schema.dump(obj, many=many)
    finally:
        OutputSchema.planned = True
    return planned, reference


class Colour(enum.Enum):
    RED = "red"


class Child(OutputSchema):
    id = fields.Integer()
    label = fields.String(data_key="name")


class Toy(OutputSchema):
    id = fields.Integer()
    big = fields.Integer(as_string=True)
    title = fields.String()
    renamed = fields.String(attribute="other")
    dotted = fields.String(attribute="child.label")
    when = fields.AwareDateTime()
    day = fields.Date()
    colour = fields.Enum(Colour, by_value=True)
    flag = fields.Boolean()
    defaulted = fields.String(dump_default="none given")
    computed = fields.Function(lambda obj: f"#{ma.utils.get_value(obj, 'id')}")
    child = fields.Nested(Child, allow_none=True)
    children = fields.List(fields.Nested(Child))
    only_id = fields.Nested(Child, only=("id",))
    amount = fields.Decimal(as_string=True)


def toy(**overrides: object) -> SimpleNamespace:
    child = SimpleNamespace(id=7, label="seven")
    values = dict(
        id=1,
        big=10**20,
        title="Shelter",
        other="renamed",
        child=child,
        when=dt.datetime(2016, 5, 1, 9, 30, tzinfo=dt.UTC),
        day=dt.date(2016, 12, 31),
        colour=Colour.RED,
        flag=1,
        children=[child, SimpleNamespace(id=8, label=b"bytes")],
        only_id=child,
        amount="12.50",
    )
    values.update(overrides)
    return SimpleNamespace(**values)


@pytest.mark.parametrize(
    "obj",
    [
        toy(),
        toy(title=None, child=None, colour=None, when=None, children=[]),
        toy(title=12),  # formatted as marshmallow formats it: "12"
        SimpleNamespace(id=2),  # every other attribute missing: omitted or defaulted
        {"id": 3, "title": "from a dict", "other": "x", "children": []},
        {"id": 4, "items": "a key named like a dict method"},
    ],
    ids=["full", "nones", "coerced", "missing", "dict", "dict-method-name"],
)
def test_planned_dump_equals_marshmallow_field_by_field(obj):
    planned, reference = both_ways(Toy(), obj)
    assert planned == reference
    assert list(planned) == list(reference)  # same keys in the same order


def test_planned_dump_of_many_and_of_none_equals_marshmallow():
    assert (
        both_ways(Toy(), [toy(), toy(id=2)], many=True)[0]
        == both_ways(Toy(), [toy(), toy(id=2)], many=True)[1]
    )
    planned, reference = both_ways(Toy(many=True), None)
    assert planned == reference


def test_a_schema_with_dump_hooks_is_dumped_by_marshmallow_itself():
    class Hooked(OutputSchema):
        id = fields.Integer()

        @ma.post_dump
        def _tag(self, data, **kwargs):
            return {**data, "hooked": True}

    assert Hooked().dump(SimpleNamespace(id=1)) == {"id": 1, "hooked": True}


def test_planned_dump_skips_marshmallow_accessors_but_for_dotted_and_missing_values(monkeypatch):
    """Where the time goes: marshmallow reads every field through ``Field.get_value``."""
    schema = Toy()
    schema.dump(toy())  # planned before the count starts
    calls: list[str] = []
    original = fields.Field.get_value

    def counted(self, obj, attr, accessor=None, default=ma.missing):
        calls.append(attr)
        return original(self, obj, attr, accessor, default)

    monkeypatch.setattr(fields.Field, "get_value", counted)
    schema.dump(toy())
    assert sorted(calls) == ["defaulted", "dotted"]  # the dotted attribute and the missing value
    calls.clear()
    OutputSchema.planned = False
    try:
        schema.dump(toy())
    finally:
        OutputSchema.planned = True
    assert len(calls) > 20  # marshmallow: every field, nested ones included


def _json_get_urls(app) -> list[str]:
    urls = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.rule.startswith("/api/v1/") or "GET" not in rule.methods:
            continue
        if rule.rule.endswith((".pdf", ".html", ".csv", ".xml", ".xlsx", ".json")):  # documents
            continue
        for ident in (1, 2, 3):
            urls.append(rule.build({name: _path_value(rule, name, ident) for name in rule.arguments})[1])
    return sorted(set(urls))


def test_every_json_get_of_the_seeded_fund_answers_the_same_with_the_planned_dump(
    seeded_app, seeded_client, seeded_auth
):
    compared = 0
    for role in ("admin", "donor"):
        headers = seeded_auth(role)
        for url in _json_get_urls(seeded_app):
            variants = [url]
            first = seeded_client.get(url, headers=headers)
            if first.is_json and isinstance(first.get_json(), dict) and "items" in first.get_json():
                variants.append(f"{url}?page_size=100")
            for variant in variants:
                planned = seeded_client.get(variant, headers=headers)
                OutputSchema.planned = False
                try:
                    reference = seeded_client.get(variant, headers=headers)
                finally:
                    OutputSchema.planned = True
                assert planned.status_code == reference.status_code, variant
                if planned.status_code == 200:  # a problem names its request: it differs each time
                    assert planned.get_data() == reference.get_data(), f"{role} GET {variant}"
                    compared += 1
    assert compared > 60


def test_a_nested_copy_of_a_planned_instance_dumps_only_its_own_fields():
    """marshmallow copies a schema instance given to Nested and gives the copy its only/exclude."""
    planned_child = Child()
    planned_child.dump(SimpleNamespace(id=7, label="seven"))  # the instance has its plan

    class Parent(OutputSchema):
        child = fields.Nested(planned_child, only=("id",))

    obj = SimpleNamespace(child=SimpleNamespace(id=7, label="seven"))
    planned, reference = both_ways(Parent(), obj)
    assert planned == reference == {"child": {"id": 7}}
