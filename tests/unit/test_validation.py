"""vplint.validation: the compiled check refuses what it does not implement and agrees with jsonschema
on everything else; schema errors come from jsonschema and are explained in vplint's order."""

from __future__ import annotations

import json
import sys
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from vplint import parse
from vplint.model.canvas import build_canvas
from vplint.parser.document import parse_document
from vplint.store.resources import resource_dir
from vplint.validation.compiled import UnsupportedSchemaError, Validator
from vplint.validation.schema import validate

SHIPPED = ("canvas.schema.json", "config.schema.json")
TYPES = ("object", "array", "string", "null", "boolean", "integer", "number")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((resource_dir("schema") / name).read_text(encoding="utf-8"))
    return data


def _jsonschema(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    cls = jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _agree(schema: dict[str, Any], instance: Any) -> None:
    """The compiled answer is jsonschema's; the errors vplint explains are jsonschema's, ordered."""
    theirs = _jsonschema(schema)
    ours = Validator(schema)
    expected = not any(True for _ in theirs.iter_errors(instance))
    assert ours.is_valid(instance) is expected, (schema, instance)
    assert theirs.is_valid(instance) is expected
    assert sorted(map(_key, ours.iter_errors(instance))) == sorted(map(_key, theirs.iter_errors(instance)))


def _key(err: jsonschema.ValidationError) -> tuple[str, str, str]:
    return str(err.validator), json.dumps(list(err.absolute_path)), err.message


# --- refused when loaded -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "keyword", "pointer"),
    [
        ({"type": "array", "items": False}, "items", "/items"),
        ({"items": True}, "items", "/items"),
        ({"properties": {"a": False}}, "properties", "/properties/a"),
        (
            {"properties": {"a": {"items": {"properties": {"b": True}}}}},
            "properties",
            "/properties/a/items/properties/b",
        ),
        ({"patternProperties": {"^x": True}}, "patternProperties", "/patternProperties/^x"),
        ({"additionalProperties": True}, "additionalProperties", "/additionalProperties"),
        ({"additionalProperties": {"items": False}}, "items", "/additionalProperties/items"),
        ({"properties": {"a/b~c": {"anyOf": [{}]}}}, "anyOf", "/properties/a~1b~0c/anyOf"),
        ({"$ref": "#"}, "$ref", "/$ref"),
        ({"prefixItems": [{"minContains": 1}]}, "minContains", "/prefixItems/0/minContains"),
        ({"not": {}}, "not", "/not"),
        ({"uniqueItems": True}, "uniqueItems", "/uniqueItems"),
        ({"format": "email"}, "format", "/format"),
        ({"$schema": "http://json-schema.org/draft-07/schema#"}, "$schema", "/$schema"),
        ({"type": "tuple"}, "type", "/type"),
        ({"type": ["string", 1]}, "type", "/type"),
        ({"enum": "a"}, "enum", "/enum"),
        ({"required": "a"}, "required", "/required"),
        ({"properties": []}, "properties", "/properties"),
        ({"pattern": "("}, "pattern", "/pattern"),
        ({"patternProperties": {"(": {}}}, "patternProperties", "/patternProperties/("),
        ({"minLength": -1}, "minLength", "/minLength"),
        ({"maxLength": 1.5}, "maxLength", "/maxLength"),
        ({"minItems": True}, "minItems", "/minItems"),
        ({"items": [{}]}, "items", "/items"),
    ],
)
def test_unsupported_schema_is_refused_with_keyword_and_pointer(
    schema: dict[str, Any], keyword: str, pointer: str
) -> None:
    with pytest.raises(UnsupportedSchemaError) as caught:
        Validator(schema)
    assert (caught.value.keyword, caught.value.pointer) == (keyword, pointer)
    assert f"{keyword!r} at '#{pointer}'" in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("schema", [True, False])
def test_a_boolean_root_schema_is_refused(schema: bool) -> None:
    with pytest.raises(UnsupportedSchemaError, match="boolean subschema"):
        Validator(schema)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_schemas_are_accepted(name: str) -> None:
    schema = _load(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    Validator(schema)


def test_extensions_and_annotations_are_ignored() -> None:
    v = Validator({"$schema": "https://json-schema.org/draft/2020-12/schema", "x-vocabulary": "anything", "title": "t"})
    assert v.is_valid(1)


# --- the four old disagreements with jsonschema ------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "instance", "valid"),
    [
        ({"const": 1}, True, False),  # was accepted: True == 1 in Python
        ({"const": 1}, 1, True),
        ({"const": 1}, 1.0, True),
        ({"const": True}, 1, False),
        ({"const": [1]}, [True], False),
        ({"const": {"a": 0}}, {"a": False}, False),
        ({"const": {"a": 0}}, {"a": 0.0}, True),
        ({"enum": [0]}, False, False),  # was accepted: False == 0 in Python
        ({"enum": [0]}, 0, True),
        ({"enum": [False, "a"]}, 0, False),
        ({"enum": [[0], "a"]}, [False], False),
        ({"enum": ["a", "b"]}, ["a"], False),
        ({"type": "integer"}, 1.0, True),  # was refused
        ({"type": "integer"}, 1.5, False),
        ({"type": "integer"}, True, False),
        ({"type": "number"}, False, False),
        ({"format": "date"}, "２０２６-１１-２７", False),
        ({"format": "date"}, "2026-11-27", True),
        ({"format": "date"}, 20261127, True),
    ],
)
def test_agrees_where_the_old_validator_did_not(schema: dict[str, Any], instance: Any, valid: bool) -> None:
    assert Validator(schema).is_valid(instance) is valid
    _agree(schema, instance)


def test_items_false_cannot_be_accepted_silently() -> None:
    with pytest.raises(UnsupportedSchemaError, match="boolean subschema false"):
        Validator({"type": "array", "items": False})


# --- differential: compiled check vs jsonschema ---------------------------------------------------

NAMES = st.sampled_from(["a", "b", "id", "x-c"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 2),
    st.sampled_from([0.0, 1.0, 1.5, -0.0]),
    st.sampled_from(["", "a", "b", "ab", "P1", "x-y", "2026-11-27", "2026-02-30", "12"]),
)
JSON = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(NAMES, inner, max_size=3), max_leaves=8
)
_LEAF_KEYWORDS: dict[str, st.SearchStrategy[Any]] = {
    "type": st.sampled_from(TYPES) | st.lists(st.sampled_from(TYPES), min_size=1, max_size=3, unique=True),
    "const": JSON,
    "enum": st.lists(JSON, max_size=3),
    "minLength": st.integers(0, 3),
    "maxLength": st.integers(0, 3),
    "pattern": st.sampled_from(["^a", "b$", r"^\d+$", "[0-9]", "^$"]),
    "format": st.just("date"),
    "minItems": st.integers(0, 2),
    "required": st.lists(NAMES, max_size=2, unique=True),
}
LEAVES = st.fixed_dictionaries({}, optional=_LEAF_KEYWORDS)


def _nodes(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            **_LEAF_KEYWORDS,
            "items": inner,
            "properties": st.dictionaries(NAMES, inner, max_size=3),
            "patternProperties": st.dictionaries(st.sampled_from(["^x-", "^a", "b"]), inner, max_size=2),
            "additionalProperties": st.just(False) | inner,
        },
    )


SCHEMAS = st.recursive(LEAVES, _nodes, max_leaves=6)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(schema=SCHEMAS, instance=JSON)
def test_compiled_check_agrees_with_jsonschema_on_random_schemas(schema: dict[str, Any], instance: Any) -> None:
    _agree(schema, instance)


_CANVAS = parse((ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8"))
_ZH_CANVAS = parse((ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8"))
_VALUES = st.one_of(
    JSON,
    st.sampled_from(["finance", "problem-solving", "P1", "N1", "M1", "P9", "Bad Id", "a" * 81, "A" * 81, "2026-11-20"]),
)


def _mutate(data: st.DataObject, value: Any, depth: int = 0) -> Any:
    """``value`` with one change somewhere inside: a value replaced, a key removed or added."""
    if isinstance(value, dict) and value and data.draw(st.booleans()):
        out = dict(value)
        key = data.draw(st.sampled_from(sorted(out)))
        action = data.draw(st.sampled_from(["descend", "descend", "delete", "add"]))
        if action == "delete":
            del out[key]
        elif action == "add":
            out[data.draw(st.sampled_from(["extra", "x-extra", "Id", "kpis"]))] = data.draw(_VALUES)
        else:
            out[key] = _mutate(data, value[key], depth + 1)
        return out
    if isinstance(value, list) and value and data.draw(st.booleans()):
        items = list(value)
        i = data.draw(st.integers(0, len(items) - 1))
        items[i] = _mutate(data, items[i], depth + 1)
        return items
    return data.draw(_VALUES)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_check_agrees_with_jsonschema_on_mutated_canvases(data: st.DataObject) -> None:
    model = data.draw(st.sampled_from([_CANVAS, _ZH_CANVAS]))
    for _ in range(data.draw(st.integers(1, 4))):
        model = _mutate(data, model)
    _agree(_load("canvas.schema.json"), model)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_compiled_check_agrees_with_jsonschema_on_mutated_configs(data: st.DataObject) -> None:
    config: Any = {"select": ["A"], "severity": {"A001": "error"}, "today": "2026-11-27", "rules": {"H001": {}}}
    for _ in range(data.draw(st.integers(1, 3))):
        config = _mutate(data, config)
    _agree(_load("config.schema.json"), config)


def test_shipped_samples_are_valid() -> None:
    v = Validator(_load("canvas.schema.json"))
    assert v.is_valid(_CANVAS)
    assert v.is_valid(_ZH_CANVAS)


# --- jsonschema only when the check says no -------------------------------------------------------


def test_a_valid_instance_is_answered_without_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    v = Validator(_load("canvas.schema.json"))
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # any import of it now fails
    assert list(v.iter_errors(_CANVAS)) == []
    with pytest.raises(ImportError):
        list(v.iter_errors({**_CANVAS, "id": "Bad Id"}))


def test_errors_come_in_path_then_keyword_order() -> None:
    schema = {
        "type": "object",
        "properties": {"b": {"pattern": "^x", "maxLength": 2, "type": "string"}, "a": {"enum": ["x"]}},
        "required": ["c"],
        "additionalProperties": False,
    }
    errors = Validator(schema).iter_errors({"b": "yyy", "a": "y", "d": 1})
    assert [(list(e.absolute_path), e.validator) for e in errors] == [
        ([], "required"),
        ([], "additionalProperties"),
        (["a"], "enum"),
        (["b"], "maxLength"),
        (["b"], "pattern"),
    ]


# --- explained as before ----------------------------------------------------------------------------


def _explained(text: str) -> list[tuple[int, int, str, str]]:
    canvas = build_canvas(parse_document(text, "t.md"))
    return [(d.line, d.column, d.code, d.message_id) for d in validate(canvas, "en")]


def test_an_id_too_long_and_malformed_is_reported_once_as_too_long() -> None:
    """maxLength is explained before pattern, and a later pattern error at the same value is dropped."""
    text = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
    canvas_id = _CANVAS["id"]
    assert f"id: {canvas_id}\n" in text
    assert _explained(text.replace(f"id: {canvas_id}\n", f"id: {'A' * 81}\n")) == [(2, 5, "S006", "schema.other")]
    assert _explained(text.replace(f"id: {canvas_id}\n", "id: Bad Id\n")) == [(2, 5, "S004", "schema.bad_canvas_id")]


def test_a_bad_date_is_reported_once() -> None:
    text = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
    assert "updated: 2026-11-20\n" in text
    found = _explained(text.replace("updated: 2026-11-20\n", "updated: 2026-02-30\n"))
    assert [f[2:] for f in found] == [("S004", "schema.bad_date")]
    found = _explained(text.replace("updated: 2026-11-20\n", "updated: 2026-1-30\n"))
    assert [f[2:] for f in found] == [("S004", "schema.bad_date")]


def test_a_valid_canvas_explains_nothing() -> None:
    assert _explained((ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")) == []
