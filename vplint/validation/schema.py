"""Validate a canvas model against ``schema/canvas.schema.json`` and explain each error.

jsonschema's errors carry a JSON path; the canvas keeps the position of every path, so
each error becomes a diagnostic at the offending value (a bad enum or pattern), at the
offending key (an unknown key), or at the enclosing key, item heading or section (a
missing one).  Messages are plain language with "did you mean" hints; codes:

S001 missing        a required key, field, section or item id is missing
S002 unknown-value  a vocabulary value vplint does not know
S003 unknown-key    a front-matter key vplint does not know
S004 bad-format     an id, reference or date in the wrong form
S005 wrong-type     a list where text belongs, an empty value, ...
S006 schema         anything else the schema rejects
S007 duplicate      a section or field written twice (from the model builder; a warning)
S008 two-sections   a section heading naming two different sections (from the model builder; a warning)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

from vplint.diagnostics import Diagnostic
from vplint.i18n import render
from vplint.model import vocabulary as voc
from vplint.model.canvas import Canvas, JsonPath
from vplint.model.labels import (
    ITEM_PREFIX,
    field_label,
    item_label,
    join_terms,
    section_label,
    singular_label,
    term_label,
)
from vplint.store.resources import resource_dir
from vplint.validation.compiled import Validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

__all__ = ["load_schema", "validate"]


@cache
def load_schema(name: str = "canvas.schema.json") -> dict[str, Any]:
    with open(resource_dir("schema") / name, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@lru_cache(maxsize=1)
def _validator() -> Validator:
    return Validator(load_schema())


def validate(canvas: Canvas, lang: str) -> list[Diagnostic]:
    """Diagnostics for what the schema rejects; none, without importing jsonschema, for a valid canvas."""
    out: list[Diagnostic] = []
    seen: set[tuple[JsonPath, str]] = set()
    for err in _validator().iter_errors(canvas.data):  # by path, then keyword (error_order)
        path: JsonPath = tuple(err.absolute_path)
        if (path, err.validator) in seen and err.validator in ("pattern", "format"):
            continue  # a bad date fails both its pattern and its format: say it once
        seen.add((path, "pattern"))
        seen.add((path, "format"))
        out.extend(_explain(canvas, err, path, lang))
    out.extend(_guessed(canvas, lang))
    return out


def _guessed(canvas: Canvas, lang: str) -> list[Diagnostic]:
    """S001 for a required section read from a ``##`` heading vplint does not know (the closest one)."""
    out = []
    for section, heading in canvas.guessed.items():
        if section in ITEM_PREFIX:
            label = section_label(section, lang)
            message = "schema.guessed_section"
            out.append(canvas.report((section,), "S001", message, heading=heading.text, label=label, what=label))
    return out


def _key_name(path: JsonPath) -> str:
    parts = [str(p) for p in path if not isinstance(p, int)]
    return ".".join(parts) if parts else ""


def _hint(vocabulary: voc.Vocabulary, value: str, lang: str) -> str:
    close = vocabulary.suggest(value)
    if close:
        return (
            render("hint.did_you_mean", {"options": join_terms(vocabulary.name, close, lang)}, lang)
            if vocabulary.name in voc.VOCABULARIES
            else render("hint.did_you_mean", {"options": ", ".join(f"'{c}'" for c in close)}, lang)
        )
    if len(vocabulary.terms) <= 10 and vocabulary.name in voc.VOCABULARIES:
        return render("hint.accepted", {"options": join_terms(vocabulary.name, vocabulary.slugs, lang)}, lang)
    return ""


def _where(canvas: Canvas, path: JsonPath, lang: str) -> str:
    """``P1 Diagnosis`` style name of the item (and field) a path is in."""
    label = item_label(canvas, path, lang)
    return label or _key_name(path)


# --- one jsonschema error as diagnostics: one function per keyword --------------------------------
# Each takes (canvas, error, path, lang) and returns its diagnostics, or None when it has nothing
# more specific to say than S006 and jsonschema's message.

_BODY_SECTIONS = ("problems", "needs", "motivators", "conversion", "actions")


def _explain(canvas: Canvas, err: ValidationError, path: JsonPath, lang: str) -> list[Diagnostic]:
    explain = _EXPLAINERS.get(str(err.validator))
    found = explain(canvas, err, path, lang) if explain is not None else None
    if found is None:
        return [canvas.report(path, "S006", "schema.other", detail=err.message)]
    return found


def _schema_of(err: ValidationError) -> Mapping[str, Any]:
    """The schema node holding the failed keyword."""
    return err.schema if isinstance(err.schema, Mapping) else {}


def _in_body(path: JsonPath) -> bool:
    return bool(path) and path[0] in _BODY_SECTIONS


def _missing(canvas: Canvas, err: ValidationError, path: JsonPath, lang: str) -> list[Diagnostic]:
    """``required``: one diagnostic per missing section, item id, item field or key."""
    required = err.validator_value if isinstance(err.validator_value, list) else []
    present = err.instance if isinstance(err.instance, dict) else {}
    return [_missing_one(canvas, path, str(prop), lang) for prop in required if prop not in present]


def _missing_one(canvas: Canvas, path: JsonPath, prop: str, lang: str) -> Diagnostic:
    if not path and prop in ("problems", "needs", "motivators"):
        label = section_label(prop, lang)
        return canvas.report(
            ("$body",), "S001", "schema.missing_section", what=label, label=label, example=ITEM_PREFIX[prop]
        )
    if _in_body(path):
        section = str(path[0])
        if prop == "id":
            example = ITEM_PREFIX.get(section, "X") + "1"
            return canvas.report(path, "S001", "schema.missing_id", what=singular_label(section, lang), example=example)
        field = field_label(section, prop, lang)
        return canvas.report(path, "S001", "schema.missing_field", item=_where(canvas, path, lang), field=field)
    key = ".".join([*(str(p) for p in path), prop])
    return canvas.report(path, "S001", "schema.missing_key", key=key)


def _too_few(canvas: Canvas, err: ValidationError, path: JsonPath, lang: str) -> list[Diagnostic] | None:
    """``minItems``: an item section with no item."""
    if len(path) != 1 or path[0] not in ITEM_PREFIX:
        return None
    section = str(path[0])
    if section in canvas.guessed:
        return []  # read from a heading vplint does not know: that heading is reported (S001)
    what = section_label(section, lang)
    return [canvas.report(path, "S001", "schema.empty_section", what=what, example=ITEM_PREFIX[section] + "1")]


def _unknown_value(canvas: Canvas, err: ValidationError, path: JsonPath, lang: str) -> list[Diagnostic]:
    """``enum``: an empty value, or a value outside its vocabulary (with a "did you mean")."""
    if err.instance == "":
        return [canvas.report(path, "S005", "schema.empty_value", at_key=True, key=_field_name(canvas, path, lang))]
    vocabulary = voc.VOCABULARIES.get(_schema_of(err).get("x-vocabulary", ""))
    value = str(err.instance)
    hint = ""
    if vocabulary is not None:
        hint = _children_hint(canvas, path, vocabulary, value, lang) or _hint(vocabulary, value, lang)
    label = vocabulary.label(lang) if vocabulary else "value"
    return [canvas.report(path, "S002", "schema.unknown_value", value=value, vocabulary=label, hint=hint)]


_CHILDREN_HINTS = {
    "area": ("level", "hint.areas_of", "hint.areas_of_close"),
    "change_category": ("scope", "hint.categories_of", "hint.categories_of_close"),
}
"""The key written beside an area (its level) and a change category (its scope), and the hints that list its terms."""


def _children_hint(canvas: Canvas, path: JsonPath, vocabulary: voc.Vocabulary, value: str, lang: str) -> str | None:
    """``; areas of operations: ...``: for an unknown area whose level is known, that level's areas (and the close
    ones among them); the same for a change category and its scope.  None when the parent is not known."""
    found = _CHILDREN_HINTS.get(vocabulary.name)
    parents = voc.VOCABULARIES.get(vocabulary.parent_vocabulary or "")
    if found is None or parents is None or not path:
        return None
    key, message, message_close = found
    holder = _value_at(canvas.data, path[:-1])
    parent = holder.get(key) if isinstance(holder, dict) else None
    if not isinstance(parent, str) or parent not in parents:
        return None
    children = [t.slug for t in vocabulary.children_of(parent)]
    if not children:
        return None
    args = {"parent": term_label(parents.name, parent, lang), "options": join_terms(vocabulary.name, children, lang)}
    close = [slug for slug in vocabulary.suggest(value, n=len(vocabulary.terms)) if slug in children][:3]
    if close:
        return render(message_close, {**args, "close": join_terms(vocabulary.name, close, lang)}, lang)
    return render(message, args, lang)


def _value_at(data: Any, path: JsonPath) -> Any:
    """The part of the model at ``path`` (None when there is none)."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _field_name(canvas: Canvas, path: JsonPath, lang: str) -> str:
    """``P1 Diagnosis Type`` for an item field, the dotted key elsewhere."""
    if not _in_body(path):
        return _key_name(path)
    key = _where(canvas, path, lang)
    return f"{key} {field_label(str(path[0]), str(path[2]), lang)}" if len(path) > 2 else key


def _unknown_keys(canvas: Canvas, err: ValidationError, path: JsonPath, lang: str) -> list[Diagnostic]:
    """``additionalProperties: false``: one diagnostic at each key the schema does not know."""
    schema = _schema_of(err)
    allowed = set(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    keys_vocab = _KEY_VOCABULARIES.get(schema.get("x-keys", ""))
    out = []
    for key in err.instance if isinstance(err.instance, dict) else {}:
        if key in allowed or any(p.search(key) for p in patterns):
            continue
        shown = key.removesuffix(" (front-matter)")
        close = keys_vocab.suggest(shown) if keys_vocab is not None else []
        hint = render("hint.did_you_mean", {"options": ", ".join(f"'{c}'" for c in close)}, lang) if close else ""
        out.append(canvas.report((*path, key), "S003", "schema.unknown_key", at_key=True, key=shown, hint=hint))
    return out


def _bad_format(canvas: Canvas, err: ValidationError, path: JsonPath, lang: str) -> list[Diagnostic] | None:
    """``pattern`` or ``format``: a canvas id, item id, reference or date in the wrong form."""
    schema = _schema_of(err)
    fmt = schema.get("x-format", "")
    value = str(err.instance)
    if fmt == "canvas-id":
        return [canvas.report(path, "S004", "schema.bad_canvas_id", value=value)]
    if fmt.startswith("item-id-"):
        return [canvas.report(path, "S004", "schema.bad_item_id", value=value, prefix=fmt[-1])]
    if fmt.startswith("ref-"):
        return [canvas.report(path, "S004", "schema.bad_ref", value=value)]
    if fmt == "date" or schema.get("format") == "date":
        return [canvas.report(path, "S004", "schema.bad_date", value=value)]
    return None


def _wrong_type(canvas: Canvas, err: ValidationError, path: JsonPath, lang: str) -> list[Diagnostic] | None:
    """``type``, ``minLength``, ``maxLength``: an empty value, or a list where text belongs, ..."""
    key = _typed_name(canvas, path, lang)
    if err.instance is None or err.instance == "":
        return [canvas.report(path, "S005", "schema.empty_value", at_key=True, key=key)]
    if err.validator != "type":
        return None
    line = _mapping_item(canvas, path, err.instance) if err.validator_value == "string" else None
    if line is not None:  # "- Savings delivered: EUR 3M / year" in a list of texts
        return [canvas.report(path, "S005", "schema.yaml_mapping_item", key=key, line=line, quoted=_yaml_quoted(line))]
    expected = _EXPECTED.get(str(err.validator_value), "type.text")
    return [canvas.report(path, "S005", "schema.wrong_type", key=key, expected=render(expected, {}, lang))]


def _mapping_item(canvas: Canvas, path: JsonPath, instance: object) -> str | None:
    """The line of a list item that YAML read as a one-key mapping because of its colon, as written.

    ``- Savings delivered: EUR 3M / year`` in a list of texts (the KPIs) is the mapping
    ``{"Savings delivered": "EUR 3M / year"}`` to YAML; None for anything else.
    """
    if not path or not isinstance(path[-1], int) or not isinstance(instance, dict) or len(instance) != 1:
        return None
    ((key, value),) = instance.items()
    if value is not None and not isinstance(value, str):
        return None
    pos = canvas.pos(path)
    lines = canvas.text.split("\n")
    written = lines[pos.line - 1][pos.column - 1 :] if 0 < pos.line <= len(lines) else ""
    written = re.split(r"\s+#", written, maxsplit=1)[0].strip()  # without a YAML comment
    if not written.startswith(str(key)):
        written = f"{key}: {value}" if value is not None else f"{key}:"
    return written


def _yaml_quoted(text: str) -> str:
    """``text`` as a YAML string: in double quotes, or in single quotes when it holds a double quote or backslash."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _typed_name(canvas: Canvas, path: JsonPath, lang: str) -> str:
    if not _in_body(path):
        return _key_name(path) or "value"
    return _field_name(canvas, path, lang)


_EXPECTED = {"array": "type.list", "string": "type.text", "object": "type.mapping"}

_KEY_VOCABULARIES = {"front_matter_key": voc.FRONT_MATTER_KEYS, "decision_maker_key": voc.DECISION_MAKER_KEYS}

_Explainer: TypeAlias = "Callable[[Canvas, ValidationError, JsonPath, str], list[Diagnostic] | None]"

_EXPLAINERS: dict[str, _Explainer] = {
    "required": _missing,
    "minItems": _too_few,
    "enum": _unknown_value,
    "additionalProperties": _unknown_keys,
    "pattern": _bad_format,
    "format": _bad_format,
    "type": _wrong_type,
    "minLength": _wrong_type,
    "maxLength": _wrong_type,
}
