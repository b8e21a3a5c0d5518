"""Generate ``schema/canvas.schema.json`` from the vocabulary.

Run ``python -m vplint.schemagen`` after changing :mod:`vplint.vocabulary`; a test fails
when the checked-in schema drifts from what this module generates.

Custom annotations (ignored by validators) tell vplint how to explain an error:
``x-vocabulary`` names the vocabulary of an enum (for "did you mean"), ``x-keys`` the
vocabulary of an object's keys, ``x-format`` the kind of text a pattern expects.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from . import vocabulary as voc

__all__ = ["canvas_schema", "front_matter_schema", "main", "render"]

SCHEMA_ID = "https://vplint.dev/schema/canvas.schema.json"


def _enum(name: str) -> dict[str, Any]:
    return {"type": "string", "enum": voc.VOCABULARIES[name].slugs, "x-vocabulary": name}


_TEXT: dict[str, Any] = {"type": "string", "minLength": 1}


def _item(id_prefix: str, properties: dict[str, Any], required: list[str], fields: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "title", *required],
        "properties": {
            "id": {"type": "string", "pattern": f"^{id_prefix}[0-9]{{1,4}}$", "x-format": f"item-id-{id_prefix}"},
            "title": {"type": "string"},
            **properties,
        },
        "additionalProperties": False,
        "x-keys": fields,
    }


def _level_area() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["level"],
        "properties": {"level": _enum("level"), "area": _enum("area"), "detail": {"type": "string"}},
        "additionalProperties": False,
    }


def front_matter_properties() -> dict[str, Any]:
    return {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(?:[-_.][a-z0-9]+)*$", "maxLength": 80, "x-format": "canvas-id"},
        "account": _TEXT,
        "decision_maker": {
            "type": "object",
            "required": ["title", "function"],
            "properties": {
                "title": _TEXT,
                "function": _enum("function"),
                "kpis": {"type": "array", "items": _TEXT},
            },
            "additionalProperties": False,
            "x-keys": "decision_maker_key",
        },
        "offering": _enum("offering"),
        "owner": _TEXT,
        "updated": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date", "x-format": "date"},
        "language": _enum("language"),
    }


FRONT_MATTER_REQUIRED = ["id", "account", "decision_maker", "offering", "owner", "updated"]


def canvas_schema() -> dict[str, Any]:
    """The JSON schema (2020-12) of the canvas model."""
    problem = _item(
        "P",
        {
            "type": _enum("problem_type"),
            "diagnoses": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["detail"],
                    "properties": {"method": _enum("diagnosis_method"), "detail": {"type": "string"}},
                    "additionalProperties": False,
                },
            },
            **{k: {"type": "string"} for k in ("root_cause", "baseline", "precedent", "symptom", "target", "deadline")},
        },
        [],
        "problem_field",
    )
    need = _item(
        "N",
        {
            "solves": {"type": "array", "items": {"type": "string", "pattern": "^P[0-9]{1,4}$", "x-format": "ref-P"}},
            "strategy": _level_area(),
            "serves": {"type": "array", "items": _level_area()},
            "sponsor": {"type": "string"},
        },
        [],
        "need_field",
    )
    motivator = _item(
        "M",
        {
            "kind": _enum("motivator"),
            "change": {
                "type": "object",
                "properties": {
                    "scope": _enum("scope"),
                    "category": _enum("change_category"),
                    "description": {"type": "string"},
                },
                "additionalProperties": False,
            },
            "continuity": _enum("continuity"),
            "evidence": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "dates": {"type": "array", "items": {"type": "string", "format": "date"}},
                },
                "additionalProperties": False,
            },
            **{k: {"type": "string"} for k in ("shift", "phenomenon", "feeling", "perception")},
        },
        [],
        "motivator_field",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "vplint canvas model",
        "description": "A value proposition guidance canvas, as vplint parses it from markdown "
        "(see docs/canvas-format.md). Generated from vplint/vocabulary.py: do not edit.",
        "type": "object",
        "required": [*FRONT_MATTER_REQUIRED, "problems", "needs", "motivators"],
        "properties": {
            "model_version": {"const": 1},
            "title": {"type": "string"},
            **front_matter_properties(),
            "problems": {"type": "array", "minItems": 1, "items": problem},
            "needs": {"type": "array", "minItems": 1, "items": need},
            "motivators": {"type": "array", "minItems": 1, "items": motivator},
            "conversion": {
                "type": "object",
                "properties": {"triggers": {"type": "array", "items": _enum("trigger")}},
                "additionalProperties": False,
            },
            "actions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["lever", "text"],
                    "properties": {"lever": _enum("lever"), "text": {"type": "string"}},
                    "additionalProperties": False,
                },
            },
        },
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
        "x-keys": "front_matter_key",
    }


def front_matter_schema() -> dict[str, Any]:
    """A schema for the YAML front-matter alone (for editors' YAML language servers)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vplint.dev/schema/front-matter.schema.json",
        "title": "vplint canvas front-matter",
        "type": "object",
        "required": FRONT_MATTER_REQUIRED,
        "properties": front_matter_properties(),
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def config_schema() -> dict[str, Any]:
    """The schema of ``[tool.vplint]`` / ``vplint.toml`` (rule options are checked against the rules)."""
    strings = {"type": "array", "items": {"type": "string"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vplint.dev/schema/config.schema.json",
        "title": "vplint configuration",
        "type": "object",
        "properties": {
            "paths": strings,
            "include": strings,
            "exclude": strings,
            "extend-exclude": strings,
            "select": strings,
            "extend-select": strings,
            "ignore": strings,
            "severity": {"type": "object", "additionalProperties": {"enum": ["error", "warning", "info", "off"]}},
            "rules": {"type": "object", "additionalProperties": {"type": "object"}},
            "per-file-ignores": {"type": "object", "additionalProperties": strings},
            "language": {"enum": ["en", "zh"]},
            "today": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "templates": {"type": "string"},
        },
        "additionalProperties": False,
    }


GENERATED = {
    "canvas.schema.json": canvas_schema,
    "front-matter.schema.json": front_matter_schema,
    "config.schema.json": config_schema,
}


def main(argv: list[str] | None = None) -> int:
    out = Path(argv[0] if argv else Path(__file__).resolve().parent.parent / "schema")
    for name, make in GENERATED.items():
        (out / name).write_text(render(make()), encoding="utf-8")
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
