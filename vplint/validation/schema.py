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
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from typing import Any

from vplint.diagnostics import Diagnostic
from vplint.i18n.messages import render
from vplint.model import vocabulary as voc
from vplint.model.canvas import Canvas, JsonPath
from vplint.model.labels import ITEM_PREFIX, field_label, item_label, join_terms, section_label, singular_label
from vplint.store.resources import resource_dir
from vplint.validation.compiled import Validator

__all__ = ["SCHEMA_CODES", "load_schema", "validate"]

SCHEMA_CODES = {
    "S001": "missing",
    "S002": "unknown-value",
    "S003": "unknown-key",
    "S004": "bad-format",
    "S005": "wrong-type",
    "S006": "schema",
    "S007": "duplicate-section",
}


@cache
def load_schema(name: str = "canvas.schema.json") -> dict[str, Any]:
    with open(resource_dir("schema") / name, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@lru_cache(maxsize=1)
def _validator() -> Validator:
    return Validator(load_schema())


def validate(canvas: Canvas, lang: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if _validator().is_valid(canvas.data):  # most canvases: no error objects to build
        return out
    errors = sorted(_validator().iter_errors(canvas.data), key=lambda e: list(map(str, e.absolute_path)))
    seen: set[tuple[JsonPath, str]] = set()
    for err in errors:
        path: JsonPath = tuple(err.absolute_path)
        if (path, err.validator) in seen and err.validator in ("pattern", "format"):
            continue  # a bad date fails both its pattern and its format: say it once
        seen.add((path, "pattern"))
        seen.add((path, "format"))
        out.extend(_explain(canvas, err, path, lang))
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


def _explain(canvas: Canvas, err: Any, path: JsonPath, lang: str) -> list[Diagnostic]:
    v = err.validator
    schema = err.schema if isinstance(err.schema, dict) else {}
    in_body = bool(path) and path[0] in ("problems", "needs", "motivators", "conversion", "actions")

    if v == "required":
        out = []
        for prop in err.validator_value:
            if isinstance(err.instance, dict) and prop in err.instance:
                continue
            if not path and prop in ("problems", "needs", "motivators"):
                prefix = ITEM_PREFIX[prop]
                out.append(
                    canvas.report(
                        ("$body",),
                        "S001",
                        "schema.missing_section",
                        what=section_label(prop, lang),
                        label=section_label(prop, lang),
                        example=prefix,
                    )
                )
            elif in_body and prop == "id":
                section = str(path[0])
                out.append(
                    canvas.report(
                        path,
                        "S001",
                        "schema.missing_id",
                        what=singular_label(section, lang),
                        example=ITEM_PREFIX.get(section, "X") + "1",
                    )
                )
            elif in_body:
                section = str(path[0])
                out.append(
                    canvas.report(
                        path,
                        "S001",
                        "schema.missing_field",
                        item=_where(canvas, path, lang),
                        field=field_label(section, str(prop), lang),
                    )
                )
            else:
                key = ".".join([*(str(p) for p in path), str(prop)])
                out.append(canvas.report(path, "S001", "schema.missing_key", key=key))
        return out

    if v == "minItems" and len(path) == 1 and path[0] in ITEM_PREFIX:
        section = str(path[0])
        return [
            canvas.report(
                path,
                "S001",
                "schema.empty_section",
                what=section_label(section, lang),
                example=ITEM_PREFIX[section] + "1",
            )
        ]

    if v == "enum" and err.instance == "":
        key = _where(canvas, path, lang)
        if in_body and len(path) > 2:
            key = f"{key} {field_label(str(path[0]), str(path[2]), lang)}"
        elif not in_body:
            key = _key_name(path)
        return [canvas.report(path, "S005", "schema.empty_value", at_key=True, key=key)]

    if v == "enum":
        name = schema.get("x-vocabulary", "")
        vocabulary = voc.VOCABULARIES.get(name)
        value = str(err.instance)
        hint = _hint(vocabulary, value, lang) if vocabulary else ""
        label = vocabulary.label(lang) if vocabulary else "value"
        return [canvas.report(path, "S002", "schema.unknown_value", value=value, vocabulary=label, hint=hint)]

    if v == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        keys_vocab = (
            voc.FRONT_MATTER_KEYS
            if schema.get("x-keys") == "front_matter_key"
            else voc.DECISION_MAKER_KEYS
            if schema.get("x-keys") == "decision_maker_key"
            else None
        )
        out = []
        for key in err.instance:
            if key in allowed or any(p.search(key) for p in patterns):
                continue
            shown = key.removesuffix(" (front-matter)")
            hint = ""
            if keys_vocab is not None:
                close = keys_vocab.suggest(shown)
                if close:
                    hint = render("hint.did_you_mean", {"options": ", ".join(f"'{c}'" for c in close)}, lang)
            d = canvas.report((*path, key), "S003", "schema.unknown_key", at_key=True, key=shown, hint=hint)
            out.append(d)
        return out

    if v in ("pattern", "format"):
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

    if v in ("type", "minLength", "maxLength"):
        key = _key_name(path) or "value"
        if in_body:
            key = (
                f"{_where(canvas, path, lang)} {field_label(str(path[0]), str(path[2]), lang)}"
                if len(path) > 2
                else _where(canvas, path, lang)
            )
        if err.instance is None or err.instance == "":
            return [canvas.report(path, "S005", "schema.empty_value", at_key=True, key=key)]
        if v == "type":
            expected = {"array": "type.list", "string": "type.text", "object": "type.mapping"}.get(
                str(err.validator_value), "type.text"
            )
            return [canvas.report(path, "S005", "schema.wrong_type", key=key, expected=render(expected, {}, lang))]

    return [canvas.report(path, "S006", "schema.other", detail=err.message)]
