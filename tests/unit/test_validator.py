"""vplint's compiled check agrees with jsonschema on vplint's schemas (see also tests/unit/test_validation.py)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import FIXTURES, ROOT
from vplint import parse
from vplint.store.resources import resource_dir
from vplint.validation.compiled import Validator

SCHEMAS = (
    "canvas.schema.json",
    "config.schema.json",
)  # what vplint validates with (the front-matter schema is for editors)


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((resource_dir("schema") / name).read_text(encoding="utf-8"))
    return data


def _ours(schema: dict[str, Any], instance: Any) -> list[tuple[str, str]]:
    """The errors vplint explains; on the way, the compiled ``is_valid`` must agree with jsonschema's."""
    validator = Validator(schema)
    errors = sorted((str(e.validator), json.dumps(list(e.absolute_path))) for e in validator.iter_errors(instance))
    assert validator.is_valid(instance) == (not _theirs(schema, instance)), errors
    return errors


def _theirs(schema: dict[str, Any], instance: Any) -> list[tuple[str, str]]:
    cls = jsonschema.validators.validator_for(schema)
    v = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return sorted((str(e.validator), json.dumps(list(e.absolute_path))) for e in v.iter_errors(instance))


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_use_only_supported_keywords(name: str) -> None:
    Validator(_load(name))  # raises on an unsupported keyword


def _models() -> list[Path]:
    return sorted([*FIXTURES.rglob("*.md"), *(ROOT / "canvases").glob("*.md"), *(ROOT / "examples").glob("*.md")])


@pytest.mark.parametrize("path", _models(), ids=lambda p: str(p.relative_to(ROOT)))
def test_agrees_with_jsonschema_on_fixtures(path: Path) -> None:
    schema = _load("canvas.schema.json")
    model = parse(path.read_bytes())
    assert _ours(schema, model) == _theirs(schema, model)


def _mutate(value: Any, rng: random.Random) -> Any:
    choices: list[Any] = [None, "", "x", 0, 1, 1.0, 1.5, True, False, [], {}, ["a"], {"k": "v"}, "2026-13-01", "P1"]
    if isinstance(value, dict) and value and rng.random() < 0.7:
        key = rng.choice(list(value))
        out = dict(value)
        if rng.random() < 0.2:
            del out[key]
        elif rng.random() < 0.2:
            out[f"extra{rng.randint(0, 9)}"] = rng.choice(choices)
        else:
            out[key] = _mutate(value[key], rng)
        return out
    if isinstance(value, list) and value and rng.random() < 0.7:
        out_list = list(value)
        i = rng.randrange(len(out_list))
        out_list[i] = _mutate(out_list[i], rng)
        return out_list
    return rng.choice(choices)


@pytest.mark.parametrize("seed", range(200))
def test_agrees_with_jsonschema_on_mutated_models(seed: int, en_text: str) -> None:
    rng = random.Random(seed)
    schema = _load("canvas.schema.json")
    model = parse(en_text)
    for _ in range(rng.randint(1, 4)):
        model = _mutate(model, rng)
    assert _ours(schema, model) == _theirs(schema, model)


@pytest.mark.parametrize("seed", range(50))
def test_agrees_with_jsonschema_on_configs(seed: int) -> None:
    rng = random.Random(seed)
    schema = _load("config.schema.json")
    config: Any = {"select": ["A"], "severity": {"A001": "error"}, "today": "2026-11-27", "rules": {"H001": {}}}
    for _ in range(rng.randint(1, 3)):
        config = _mutate(config, rng)
    assert _ours(schema, config) == _theirs(schema, config)


def test_is_valid_sees_each_kind_of_error() -> None:
    """Both answers of the compiled check, keyword by keyword (the fixtures cover the canvas schema)."""
    schema: dict[str, Any] = {
        "type": "object",
        "required": ["a"],
        "properties": {
            "a": {"type": "string", "minLength": 1, "maxLength": 3, "pattern": "^x", "format": "date"},
            "b": {"type": "array", "minItems": 1, "items": {"enum": ["p", "q"]}},
            "c": {"const": 1},
            "d": {"type": ["string", "null"]},
        },
        "patternProperties": {"^n[0-9]$": {"type": "integer"}},
        "additionalProperties": False,
    }
    v = Validator({**schema, "properties": {**schema["properties"], "a": {"type": "string"}}})
    good: dict[str, Any] = {"a": "x", "b": ["p"], "c": 1, "d": None, "n1": 2}
    assert v.is_valid(good)
    bad: Any
    for bad in (
        {},
        {**good, "a": 1},
        {**good, "b": []},
        {**good, "b": ["r"]},
        {**good, "b": "p"},
        {**good, "c": 2},
        {**good, "d": 3},
        {**good, "n1": "2"},
        {**good, "n1": True},
        {**good, "extra": 1},
        [],
    ):
        assert not v.is_valid(bad), bad
        assert list(v.iter_errors(bad)), bad
    strings = Validator({"type": "string", "minLength": 1, "maxLength": 3, "pattern": "^x"})
    for text, ok in (("x", True), ("xyz", True), ("", False), ("xxxx", False), ("yx", False)):
        assert strings.is_valid(text) is ok, text
        assert (not list(strings.iter_errors(text))) is ok, text
    dates = Validator({"type": "string", "format": "date", "minLength": 1})
    assert dates.is_valid("2026-11-27")
    assert not dates.is_valid("2026-02-30")
    with pytest.raises(ValueError, match="unsupported type"):
        Validator({"type": "tuple"})


def test_unsupported_keyword_is_refused() -> None:
    with pytest.raises(ValueError, match="anyOf"):
        Validator({"anyOf": [{"type": "string"}]})


def test_a_valid_instance_has_no_errors_and_an_invalid_one_has_jsonschemas() -> None:
    v = Validator(_load("config.schema.json"))
    assert list(v.iter_errors({"select": ["A"], "today": "2026-11-27"})) == []
    (err,) = v.iter_errors({"select": "A"})
    assert isinstance(err, jsonschema.ValidationError)
    assert (err.validator, list(err.absolute_path), err.message) == ("type", ["select"], "'A' is not of type 'array'")


def test_array_keywords_agree_with_jsonschema() -> None:
    """prefixItems, items after the prefix, minItems and maxItems: the shapes the cache files are checked with."""
    schema: dict[str, Any] = {
        "type": "array",
        "prefixItems": [{"type": "integer"}, {"type": "string"}],
        "items": {"type": "null"},
        "minItems": 2,
        "maxItems": 3,
    }
    ours = Validator(schema)
    theirs = jsonschema.Draft202012Validator(schema)
    cases: list[Any] = [[1, "a"], [1, "a", None], [1], [], [1, "a", None, None], ["a", 1], [1, "a", 2], [True, "a"]]
    cases += [[1.0, "a"], {}, "x"]
    for instance in cases:
        assert ours.is_valid(instance) is theirs.is_valid(instance), instance
    assert [ours.is_valid(c) for c in cases[:5]] == [True, True, False, False, False]
    only_prefix = Validator({"prefixItems": [{"const": 1}]})
    assert only_prefix.is_valid([1, "anything"])
    assert not only_prefix.is_valid([2])
    with pytest.raises(ValueError, match="prefixItems"):
        Validator({"prefixItems": []})
