"""A small JSON Schema validator for the keywords vplint's own schemas use.

Why not jsonschema at run time: importing it costs about 60 ms, more than parsing and
checking a canvas, and pre-commit runs vplint on every commit.  The schemas are ours and
use a fixed subset of JSON Schema 2020-12 (type, enum, const, required, properties,
patternProperties, additionalProperties, items, minItems, minLength, maxLength, pattern,
format: date).  This module implements exactly that subset and reports errors in
jsonschema's shape (``validator``, ``validator_value``, ``instance``, ``schema``,
``absolute_path``, ``message``), so :mod:`vplint.schema` can explain either.  The test
suite checks that it agrees with jsonschema on the fixtures and on fuzzed canvases, and
that the schemas use no keyword it does not implement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["SUPPORTED_KEYWORDS", "SchemaError", "Validator"]

SUPPORTED_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "const",
        "required",
        "properties",
        "patternProperties",
        "additionalProperties",
        "items",
        "minItems",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        # annotations: no effect on validation
        "$schema",
        "$id",
        "title",
        "description",
        "default",
        "examples",
    }
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class SchemaError:
    validator: str
    validator_value: Any
    instance: Any
    schema: Mapping[str, Any]
    path: tuple[str | int, ...]
    message: str
    absolute_path: deque[str | int] = field(init=False)

    def __post_init__(self) -> None:
        self.absolute_path = deque(self.path)


def _is_type(instance: Any, name: str) -> bool:
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "string":
        return isinstance(instance, str)
    if name == "null":
        return instance is None
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "integer":
        return isinstance(instance, int) and not isinstance(instance, bool)
    if name == "number":
        return isinstance(instance, int | float) and not isinstance(instance, bool)
    raise ValueError(f"unsupported type {name!r}")


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class Validator:
    """Validate instances against one schema (checked once for unsupported keywords)."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        _check_keywords(schema)
        self.schema = schema

    def iter_errors(self, instance: Any) -> Iterator[SchemaError]:
        return self._errors(instance, self.schema, ())

    def _errors(self, instance: Any, schema: Mapping[str, Any], path: tuple[str | int, ...]) -> Iterator[SchemaError]:
        if "type" in schema:
            expected = schema["type"]
            names = expected if isinstance(expected, list) else [expected]
            if not any(_is_type(instance, n) for n in names):
                yield SchemaError("type", expected, instance, schema, path, f"{instance!r} is not of type {expected!r}")
        if "const" in schema and instance != schema["const"]:
            yield SchemaError("const", schema["const"], instance, schema, path, f"{schema['const']!r} was expected")
        if "enum" in schema and instance not in schema["enum"]:
            yield SchemaError(
                "enum", schema["enum"], instance, schema, path, f"{instance!r} is not one of {schema['enum']!r}"
            )
        if isinstance(instance, str):
            yield from self._string(instance, schema, path)
        elif isinstance(instance, list):
            if "minItems" in schema and len(instance) < schema["minItems"]:
                yield SchemaError(
                    "minItems",
                    schema["minItems"],
                    instance,
                    schema,
                    path,
                    f"{instance!r} should be non-empty" if schema["minItems"] == 1 else f"{instance!r} is too short",
                )
            items = schema.get("items")
            if isinstance(items, Mapping):
                for i, item in enumerate(instance):
                    yield from self._errors(item, items, (*path, i))
        elif isinstance(instance, dict):
            yield from self._object(instance, schema, path)

    def _string(self, instance: str, schema: Mapping[str, Any], path: tuple[str | int, ...]) -> Iterator[SchemaError]:
        if "minLength" in schema and len(instance) < schema["minLength"]:
            yield SchemaError(
                "minLength",
                schema["minLength"],
                instance,
                schema,
                path,
                f"{instance!r} should be non-empty" if schema["minLength"] == 1 else f"{instance!r} is too short",
            )
        if "maxLength" in schema and len(instance) > schema["maxLength"]:
            yield SchemaError("maxLength", schema["maxLength"], instance, schema, path, f"{instance!r} is too long")
        if "pattern" in schema and not _regex(schema["pattern"]).search(instance):
            yield SchemaError(
                "pattern",
                schema["pattern"],
                instance,
                schema,
                path,
                f"{instance!r} does not match {schema['pattern']!r}",
            )
        if schema.get("format") == "date" and not _is_date(instance):
            yield SchemaError("format", "date", instance, schema, path, f"{instance!r} is not a 'date'")

    def _object(
        self, instance: dict[str, Any], schema: Mapping[str, Any], path: tuple[str | int, ...]
    ) -> Iterator[SchemaError]:
        required = schema.get("required", ())
        missing = [p for p in required if p not in instance]
        if missing:
            for prop in missing:
                yield SchemaError("required", required, instance, schema, path, f"{prop!r} is a required property")
        properties: Mapping[str, Any] = schema.get("properties", {})
        patterns: Mapping[str, Any] = schema.get("patternProperties", {})
        extras: list[str] = []
        for key, value in instance.items():
            matched = False
            if key in properties:
                matched = True
                yield from self._errors(value, properties[key], (*path, key))
            for pattern, sub in patterns.items():
                if _regex(pattern).search(key):
                    matched = True
                    yield from self._errors(value, sub, (*path, key))
            if not matched:
                extras.append(key)
        additional = schema.get("additionalProperties", True)
        if extras:
            if additional is False:
                yield SchemaError(
                    "additionalProperties",
                    False,
                    instance,
                    schema,
                    path,
                    f"Additional properties are not allowed ({', '.join(map(repr, extras))} "
                    f"{'was' if len(extras) == 1 else 'were'} unexpected)",
                )
            elif isinstance(additional, Mapping):
                for key in extras:
                    yield from self._errors(instance[key], additional, (*path, key))


def _check_keywords(schema: Any) -> None:
    """Refuse a schema that uses a keyword this validator would silently ignore."""
    if isinstance(schema, Mapping):
        for key, value in schema.items():
            if key.startswith("x-"):
                continue
            if key not in SUPPORTED_KEYWORDS:
                raise ValueError(f"vplint's validator does not implement the JSON Schema keyword {key!r}")
            if key in ("properties", "patternProperties"):
                for sub in value.values():
                    _check_keywords(sub)
            elif key in ("items", "additionalProperties") and isinstance(value, Mapping):
                _check_keywords(value)
