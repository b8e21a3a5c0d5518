"""vplint's schemas as a compiled yes/no check, with jsonschema's errors when the answer is no.

Importing jsonschema costs about 60 ms, more than parsing and checking a canvas, and pre-commit
runs vplint on every commit.  Most canvases are valid, so :meth:`Validator.is_valid` answers
with nested closures compiled once from the schema: no jsonschema, no error objects, no paths.
Only when it says no does :meth:`Validator.iter_errors` import jsonschema and let it explain;
there is no second, hand-written error path to drift away from the standard.

The compiled check implements a fixed subset of JSON Schema 2020-12 (type, enum, const,
required, properties, patternProperties, additionalProperties, prefixItems, items, minItems,
maxItems, minLength, maxLength, pattern, format: date) with jsonschema's semantics (``true`` is not ``1``, ``1.0`` is
an integer, a date is ASCII ``YYYY-MM-DD``).  A schema that steps outside the subset -- another
keyword, another format or draft, a boolean subschema (only ``additionalProperties: false`` is
understood) -- is refused when the :class:`Validator` is made, naming the keyword and its JSON
pointer, so the two can never silently disagree.  The test suite checks that they agree.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator as JsonSchemaValidator

__all__ = ["DRAFT", "UnsupportedSchemaError", "Validator", "error_order"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# the order the keywords of one schema node are explained in (see error_order)
_EXPLAIN_ORDER = (
    "type",
    "const",
    "enum",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "minItems",
    "maxItems",
    "prefixItems",
    "items",
    "required",
    "properties",
    "patternProperties",
    "additionalProperties",
)
_ANNOTATIONS = frozenset({"$id", "$comment", "title", "description", "default", "examples"})
_RANK = {keyword: rank for rank, keyword in enumerate(_EXPLAIN_ORDER)}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)  # jsonschema's, ASCII digits only


class UnsupportedSchemaError(ValueError):
    """A schema uses something the compiled check does not implement."""

    def __init__(self, keyword: str, pointer: str, what: str) -> None:
        self.keyword = keyword
        self.pointer = pointer
        """Where: a JSON pointer (RFC 6901) into the schema, ``""`` for the root."""
        where = f"keyword {keyword!r} at '#{pointer}'" if keyword else "the schema's root"
        super().__init__(f"vplint's validator does not implement {what} ({where})")


Check: TypeAlias = Callable[[Any], bool]


def _is_integer(instance: Any) -> bool:
    if isinstance(instance, bool):
        return False
    return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())


_TYPE_TESTS: dict[str, Check] = {
    "object": lambda instance: isinstance(instance, dict),
    "array": lambda instance: isinstance(instance, list),
    "string": lambda instance: isinstance(instance, str),
    "null": lambda instance: instance is None,
    "boolean": lambda instance: isinstance(instance, bool),
    "integer": _is_integer,
    "number": lambda instance: isinstance(instance, numbers.Number) and not isinstance(instance, bool),
}


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _unbool(value: Any) -> Any:
    """``True``/``False`` as values no number equals (JSON has no ``true == 1``)."""
    if value is True:
        return _TRUE
    if value is False:
        return _FALSE
    return value


_TRUE, _FALSE = object(), object()


def _equal(one: Any, two: Any) -> bool:
    """JSON equality, as jsonschema's ``const`` and ``enum`` see it: ``true != 1``, ``1.0 == 1``."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(key in two and _equal(value, two[key]) for key, value in one.items())
    return bool(_unbool(one) == _unbool(two))


class Validator:
    """Validate instances against one schema (refused when made if it leaves the supported subset)."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        _check_subschema(schema, "", "")
        self.schema = schema
        self._valid = _compile(schema)
        self._explainer: JsonSchemaValidator | None = None

    def is_valid(self, instance: Any) -> bool:
        """Whether ``instance`` is valid: jsonschema's answer, from a check compiled once.

        Most canvases are valid, so checking asks this first; the closures stop at the first
        error and build no error objects or paths.
        """
        return self._valid(instance)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        """jsonschema's errors for ``instance``, in :func:`error_order`.

        A valid instance has none, found without importing jsonschema.
        """
        if self._valid(instance):
            return iter(())
        return iter(sorted(self._jsonschema().iter_errors(instance), key=error_order))

    def _jsonschema(self) -> JsonSchemaValidator:
        if self._explainer is None:
            from jsonschema import Draft202012Validator

            self._explainer = Draft202012Validator(self.schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        return self._explainer


def error_order(error: ValidationError) -> tuple[list[str], int]:
    """Sort key: by instance path, then one node's keywords type, const, enum, string, array, object.

    jsonschema reports one node's keywords in the schema's key order; vplint explains them in a
    fixed order, so an error that makes another redundant (see ``schema.validate``) comes first.
    """
    return [str(p) for p in error.absolute_path], _RANK.get(str(error.validator), len(_RANK))


# --- compiling a schema into a check -----------------------------------------------------------


def _compile(schema: Mapping[str, Any]) -> Check:
    """One schema node as a function instance -> valid."""
    tests: list[Check] = []
    if "type" in schema:
        expected = schema["type"]
        kinds = [_TYPE_TESTS[n] for n in (expected if isinstance(expected, list) else [expected])]
        tests.append(kinds[0] if len(kinds) == 1 else lambda instance: any(k(instance) for k in kinds))
    if "const" in schema:
        const = schema["const"]
        tests.append(lambda instance: _equal(instance, const))
    if "enum" in schema:
        tests.append(_compile_enum(schema["enum"]))
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


def _compile_enum(enum: list[Any]) -> Check:
    if all(isinstance(member, str) for member in enum):
        members = frozenset(enum)  # JSON equality to a string is string equality
        return lambda instance: isinstance(instance, str) and instance in members
    return lambda instance: any(_equal(member, instance) for member in enum)


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
    if "format" in schema:  # "date", the one format allowed
        tests.append(_is_date)
    return _all_of(tests) if tests else None


def _compile_array(schema: Mapping[str, Any]) -> Check | None:
    low = schema.get("minItems")
    high = schema.get("maxItems")
    prefix = [_compile(sub) for sub in schema.get("prefixItems", ())]
    each = _compile(schema["items"]) if "items" in schema else None
    if low is None and high is None and not prefix and each is None:
        return None
    start = len(prefix)  # "items" applies to the items after "prefixItems"

    def array(instance: list[Any]) -> bool:
        if (low is not None and len(instance) < low) or (high is not None and len(instance) > high):
            return False
        if prefix and not all(test(item) for test, item in zip(prefix, instance, strict=False)):
            return False
        if each is None:
            return True
        return all(each(item) for item in (instance[start:] if start else instance))

    return array


def _compile_object(schema: Mapping[str, Any]) -> Check | None:
    keywords = ("required", "properties", "patternProperties", "additionalProperties")
    if not any(k in schema for k in keywords):
        return None
    required = tuple(schema.get("required", ()))
    properties = {key: _compile(sub) for key, sub in schema.get("properties", {}).items()}
    patterns = [(_regex(p).search, _compile(sub)) for p, sub in schema.get("patternProperties", {}).items()]
    additional = schema.get("additionalProperties")
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


# --- refusing what the compiled check does not implement ---------------------------------------


def _pointer(*parts: str) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def _check_subschema(schema: Any, keyword: str, where: str) -> None:
    """Refuse a schema node the compiled check would get wrong or silently ignore."""
    if isinstance(schema, bool):
        raise UnsupportedSchemaError(keyword, where, f"the boolean subschema {str(schema).lower()}")
    if not isinstance(schema, Mapping):
        raise UnsupportedSchemaError(keyword, where, f"a subschema that is not an object ({schema!r})")
    for key, value in schema.items():
        if not isinstance(key, str) or key.startswith("x-") or key in _ANNOTATIONS:
            continue  # extensions and annotations do not change what is valid
        at = where + _pointer(key)
        check = _VALUE_CHECKS.get(key)
        if check is None:
            raise UnsupportedSchemaError(key, at, f"the JSON Schema keyword {key!r}")
        check(key, value, at)


def _check_type(key: str, value: Any, at: str) -> None:
    names = value if isinstance(value, list) else [value]
    for name in names:
        if not isinstance(name, str) or name not in _TYPE_TESTS:
            raise UnsupportedSchemaError(key, at, f"unsupported type {name!r}")


def _check_any(key: str, value: Any, at: str) -> None:
    """``const``: any JSON value."""


def _check_enum(key: str, value: Any, at: str) -> None:
    if not isinstance(value, list):
        raise UnsupportedSchemaError(key, at, f"an enum that is not a list ({value!r})")


def _check_required(key: str, value: Any, at: str) -> None:
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise UnsupportedSchemaError(key, at, f"required that is not a list of names ({value!r})")


def _check_count(key: str, value: Any, at: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise UnsupportedSchemaError(key, at, f"a {key} that is not a non-negative integer ({value!r})")


def _check_regex(key: str, value: Any, at: str) -> None:
    if not isinstance(value, str):
        raise UnsupportedSchemaError(key, at, f"a pattern that is not a string ({value!r})")
    try:
        re.compile(value)
    except re.error as exc:
        raise UnsupportedSchemaError(key, at, f"the pattern {value!r} ({exc})") from None


def _check_format(key: str, value: Any, at: str) -> None:
    if value != "date":
        raise UnsupportedSchemaError(key, at, f"the format {value!r} (only 'date')")


def _check_dialect(key: str, value: Any, at: str) -> None:
    if value != DRAFT:
        raise UnsupportedSchemaError(key, at, f"the dialect {value!r} (only {DRAFT!r})")


def _check_items(key: str, value: Any, at: str) -> None:
    _check_subschema(value, key, at)


def _check_list(key: str, value: Any, at: str) -> None:
    if not isinstance(value, list) or not value:
        raise UnsupportedSchemaError(key, at, f"{key} that is not a non-empty list ({value!r})")
    for index, sub in enumerate(value):
        _check_subschema(sub, key, at + _pointer(str(index)))


def _check_additional(key: str, value: Any, at: str) -> None:
    if value is not False:  # "no other keys": the one boolean subschema the check implements
        _check_subschema(value, key, at)


def _check_map(key: str, value: Any, at: str) -> None:
    if not isinstance(value, Mapping):
        raise UnsupportedSchemaError(key, at, f"{key} that is not an object ({value!r})")
    for name, sub in value.items():
        if key == "patternProperties":
            _check_regex(key, name, at + _pointer(name))
        _check_subschema(sub, key, at + _pointer(name))


_VALUE_CHECKS: dict[str, Callable[[str, Any, str], None]] = {
    "type": _check_type,
    "const": _check_any,
    "enum": _check_enum,
    "required": _check_required,
    "properties": _check_map,
    "patternProperties": _check_map,
    "additionalProperties": _check_additional,
    "items": _check_items,
    "prefixItems": _check_list,
    "minItems": _check_count,
    "maxItems": _check_count,
    "minLength": _check_count,
    "maxLength": _check_count,
    "pattern": _check_regex,
    "format": _check_format,
    "$schema": _check_dialect,
}
