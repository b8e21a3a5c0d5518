"""A small JSON Schema validator for the keywords vplint's own schemas use.

Why not jsonschema at run time: importing it costs about 60 ms, more than parsing and
checking a canvas, and pre-commit runs vplint on every commit.  The schemas are ours and
use a fixed subset of JSON Schema 2020-12 (type, enum, const, required, properties,
patternProperties, additionalProperties, items, minItems, minLength, maxLength, pattern,
format: date).  This module implements exactly that subset and reports errors in
jsonschema's shape (``validator``, ``validator_value``, ``instance``, ``schema``,
``absolute_path``, ``message``), so :mod:`vplint.validation.schema` can explain either.  The test
suite checks that it agrees with jsonschema on the fixtures and on fuzzed canvases, and
that the schemas use no keyword it does not implement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeAlias

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


Check: TypeAlias = Callable[[Any], bool]

_TYPE_TESTS: dict[str, Check] = {
    "object": lambda instance: isinstance(instance, dict),
    "array": lambda instance: isinstance(instance, list),
    "string": lambda instance: isinstance(instance, str),
    "null": lambda instance: instance is None,
    "boolean": lambda instance: isinstance(instance, bool),
    "integer": lambda instance: isinstance(instance, int) and not isinstance(instance, bool),
    "number": lambda instance: isinstance(instance, int | float) and not isinstance(instance, bool),
}


def _is_type(instance: Any, name: str) -> bool:
    test = _TYPE_TESTS.get(name)
    if test is None:
        raise ValueError(f"unsupported type {name!r}")
    return test(instance)


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
        self._valid = _compile(schema)

    def iter_errors(self, instance: Any) -> Iterator[SchemaError]:
        return self._errors(instance, self.schema, ())

    def is_valid(self, instance: Any) -> bool:
        """Whether ``instance`` has no error: the same answer as ``not any(iter_errors(...))``, faster.

        Most canvases are valid, so checking asks this first; the schema is compiled once into
        nested closures that stop at the first error and build no error objects or paths.
        """
        return self._valid(instance)

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


def _compile(schema: Mapping[str, Any]) -> Check:
    """One schema node as a function instance -> valid; the same rules as :meth:`Validator._errors`."""
    tests: list[Check] = []
    if "type" in schema:
        expected = schema["type"]
        names = expected if isinstance(expected, list) else [expected]
        for name in names:
            if name not in _TYPE_TESTS:
                raise ValueError(f"unsupported type {name!r}")
        kinds = [_TYPE_TESTS[n] for n in names]
        tests.append(kinds[0] if len(kinds) == 1 else lambda instance: any(k(instance) for k in kinds))
    if "const" in schema:
        const = schema["const"]
        tests.append(lambda instance: instance == const)
    if "enum" in schema:
        enum = schema["enum"]
        tests.append(lambda instance: instance in enum)
    string = _compile_string(schema)
    array = _compile_array(schema)
    obj = _compile_object(schema)
    if string is not None or array is not None or obj is not None:

        def by_kind(instance: Any) -> bool:
            if isinstance(instance, str):
                return string is None or string(instance)
            if isinstance(instance, list):
                return array is None or array(instance)
            if isinstance(instance, dict):
                return obj is None or obj(instance)
            return True

        tests.append(by_kind)
    return _all_of(tests)


def _all_of(tests: list[Check]) -> Check:
    """A check that passes when every one of ``tests`` passes (no generator for the usual one or two)."""
    if not tests:
        return lambda instance: True
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda instance: first(instance) and second(instance)
    return lambda instance: all(test(instance) for test in tests)


def _compile_string(schema: Mapping[str, Any]) -> Check | None:
    tests: list[Check] = []
    if "minLength" in schema:
        low = schema["minLength"]
        tests.append(lambda s: len(s) >= low)
    if "maxLength" in schema:
        high = schema["maxLength"]
        tests.append(lambda s: len(s) <= high)
    if "pattern" in schema:
        search = _regex(schema["pattern"]).search
        tests.append(lambda s: search(s) is not None)
    if schema.get("format") == "date":
        tests.append(_is_date)
    return _all_of(tests) if tests else None


def _compile_array(schema: Mapping[str, Any]) -> Check | None:
    low = schema.get("minItems")
    items = schema.get("items")
    each = _compile(items) if isinstance(items, Mapping) else None
    if low is None and each is None:
        return None

    def array(instance: list[Any]) -> bool:
        if low is not None and len(instance) < low:
            return False
        return each is None or all(each(item) for item in instance)

    return array


def _compile_object(schema: Mapping[str, Any]) -> Check | None:
    keywords = ("required", "properties", "patternProperties", "additionalProperties")
    if not any(k in schema for k in keywords):
        return None
    required = tuple(schema.get("required", ()))
    properties = {key: _compile(sub) for key, sub in schema.get("properties", {}).items()}
    patterns = [(_regex(p).search, _compile(sub)) for p, sub in schema.get("patternProperties", {}).items()]
    additional = schema.get("additionalProperties", True)
    extra: Check | None = None
    if additional is False:
        extra = lambda value: False  # noqa: E731
    elif isinstance(additional, Mapping):
        extra = _compile(additional)

    def obj(instance: dict[str, Any]) -> bool:
        for key in required:
            if key not in instance:
                return False
        for key, value in instance.items():
            matched = False
            test = properties.get(key)
            if test is not None:
                if not test(value):
                    return False
                matched = True
            for search, sub in patterns:
                if search(key):
                    if not sub(value):
                        return False
                    matched = True
            if not matched and extra is not None and not extra(value):
                return False
        return True

    return obj


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
