"""Generate ``schema/canvas.schema.json`` from the vocabulary.

Run ``python -m tools.schemagen`` after changing :mod:`vplint.model.vocabulary`; a test fails
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

from vplint.model import vocabulary as voc

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
            "required": ["title", "buying_role"],
            "properties": {
                "title": _TEXT,
                "function": _TEXT,
                "buying_role": _enum("function"),
                "authority": _TEXT,
                "kpis": {"type": "array", "items": _TEXT},
            },
            "additionalProperties": False,
            "x-keys": "decision_maker_key",
        },
        "decision_process": {
            "type": "object",
            "properties": {
                "evaluators": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["title"],
                        "properties": {"title": _TEXT, "function": _TEXT, "evaluates": _TEXT},
                        "additionalProperties": False,
                        "x-keys": "evaluator_key",
                    },
                },
                "decision_points": {"type": "array", "items": _TEXT},
            },
            "additionalProperties": False,
            "x-keys": "decision_process_key",
        },
        "offering": _enum("offering"),
        "owner": _TEXT,
        "updated": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date", "x-format": "date"},
        "language": _enum("language"),
    }


FRONT_MATTER_REQUIRED = ["id", "account", "decision_maker", "offering", "owner", "updated"]


def _strings(*names: str) -> dict[str, Any]:
    """Free-text fields ``names``, each a plain string."""
    return {k: {"type": "string"} for k in names}


def _problem_item() -> dict[str, Any]:
    """An item of ``problems`` (``P1``): its type, diagnoses and free-text fields."""
    diagnosis = {
        "type": "object",
        "required": ["detail"],
        "properties": {"method": _enum("diagnosis_method"), "detail": {"type": "string"}},
        "additionalProperties": False,
    }
    return _item(
        "P",
        {
            "type": _enum("problem_type"),
            "diagnoses": {"type": "array", "items": diagnosis},
            **_strings("root_cause", "baseline", "precedent", "symptom", "target", "deadline"),
        },
        [],
        "problem_field",
    )


def _need_item() -> dict[str, Any]:
    """An item of ``needs`` (``N1``): the problems it solves, the strategy and levels it serves."""
    return _item(
        "N",
        {
            "solves": {"type": "array", "items": {"type": "string", "pattern": "^P[0-9]{1,4}$", "x-format": "ref-P"}},
            "strategy": _level_area(),
            "serves": {"type": "array", "items": _level_area()},
            "sponsor": {"type": "string"},
            "origin": _enum("origin"),
            "objective": {"type": "string"},
        },
        [],
        "need_field",
    )


def _motivator_item() -> dict[str, Any]:
    """An item of ``motivators`` (``M1``): its kind, the change, continuity, evidence and free-text fields."""
    change = {
        "type": "object",
        "properties": {
            "scope": _enum("scope"),
            "category": _enum("change_category"),
            "description": {"type": "string"},
        },
        "additionalProperties": False,
    }
    evidence = {
        "type": "object",
        "properties": {
            "text": {"type": "string"},
            "dates": {"type": "array", "items": {"type": "string", "format": "date"}},
        },
        "additionalProperties": False,
    }
    return _item(
        "M",
        {
            "kind": _enum("motivator"),
            "change": change,
            "continuity": _enum("continuity"),
            "evidence": evidence,
            **_strings("shift", "phenomenon", "feeling", "perception"),
            "for": {"type": "array", "items": {"type": "string", "pattern": "^P[0-9]{1,4}$", "x-format": "ref-P"}},
        },
        [],
        "motivator_field",
    )


def _conversion() -> dict[str, Any]:
    """The ``conversion`` section: its triggers."""
    return {
        "type": "object",
        "properties": {"triggers": {"type": "array", "items": _enum("trigger")}},
        "additionalProperties": False,
    }


def _actions() -> dict[str, Any]:
    """The ``actions`` section: one lever and its text per action."""
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["lever", "text"],
            "properties": {
                "lever": _enum("lever"),
                "text": {"type": "string"},
                "for": {"type": "array", "items": {"type": "string", "pattern": "^M[0-9]{1,4}$", "x-format": "ref-M"}},
            },
            "additionalProperties": False,
        },
    }


def _sections() -> dict[str, Any]:
    """The properties of the canvas after its front-matter: one per section."""
    return {
        "problems": {"type": "array", "minItems": 1, "items": _problem_item()},
        "needs": {"type": "array", "minItems": 1, "items": _need_item()},
        "motivators": {"type": "array", "minItems": 1, "items": _motivator_item()},
        "conversion": _conversion(),
        "actions": _actions(),
    }


def canvas_schema() -> dict[str, Any]:
    """The JSON schema (2020-12) of the canvas model."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "vplint canvas model",
        "description": "A value proposition guidance canvas, as vplint parses it from markdown "
        "(see docs/canvas-format.md). Generated from vplint/model/vocabulary.py: do not edit.",
        "type": "object",
        "required": [*FRONT_MATTER_REQUIRED, "problems", "needs", "motivators"],
        "properties": {
            "model_version": {"const": 1},
            "title": {"type": "string"},
            **front_matter_properties(),
            **_sections(),
        },
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
        "x-keys": "front_matter_key",
    }


# --- the front-matter schema, for editors ------------------------------------------------
#
# Editors validate the YAML a rep types, before vplint has folded any spelling: a key or a
# value may be written in English or Chinese, in any case, with spaces, hyphens or
# underscores (``Decision Maker``, ``决策人``, ``function: 财务``).  So each key and each
# vocabulary value accepts every spelling vplint accepts, while the canonical spellings stay
# in ``properties`` and ``enum`` where editors offer them as completions.  Front-matter
# values are text to vplint (``id: 2026`` is the text ``2026``), so plain scalars of any
# YAML type are accepted where text is.  The schema is draft-07 without custom keywords, the
# dialect every YAML language server and validator (Ajv in strict mode included) reads.

_SEPARATOR_CLASS = r"[\s_\-‐‑–—]+"
_REGEX_SPECIAL = frozenset(".^$*+?()[]{}|\\/")


def _folded_pattern(key: str) -> str:
    """A regex (ECMA 262 and Python alike) for the spellings that :func:`normalize` folds to ``key``."""
    out: list[str] = []
    for ch in key:
        if ch == "-":
            out.append(_SEPARATOR_CLASS)
        elif ch.isascii() and ch.isalpha():
            out.append(f"[{ch.upper()}{ch}]")
        elif ch in _REGEX_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def spellings_pattern(vocab: voc.Vocabulary, slug: str | None = None) -> str:
    """A regex matching every accepted spelling of ``vocab`` (of one term: ``slug``), as vplint folds them."""
    terms = [vocab[slug]] if slug else list(vocab.terms)
    keys = sorted({voc.normalize(s) for t in terms for s in t.spellings}, key=lambda k: (-len(k), k))
    return "^\\s*(?:" + "|".join(_folded_pattern(k) for k in keys) + ")\\s*$"


_SCALAR_TYPES = ["string", "number", "boolean"]


def _editor_text(description: str) -> dict[str, Any]:
    return {"type": _SCALAR_TYPES, "minLength": 1, "description": description}


def _editor_enum(name: str, description: str) -> dict[str, Any]:
    """A vocabulary value: any accepted spelling is valid; anything else is reported against the canonical ones.

    ``examples`` offers the canonical spellings (slug and Chinese term) as completions; the
    ``if``/``else`` keeps the error a plain "must be one of ..." instead of the long pattern.
    """
    vocab = voc.VOCABULARIES[name]
    canonical = [s for t in vocab.terms for s in (t.slug, t.zh)]
    return {
        "description": f"{description}: {', '.join(vocab.slugs)} (or any spelling vplint accepts)",
        "type": "string",
        "examples": canonical,
        "if": {"pattern": spellings_pattern(vocab)},
        "else": {"enum": canonical},
    }


def _editor_object(
    vocab: voc.Vocabulary, values: dict[str, dict[str, Any]], required: list[str], description: str
) -> dict[str, Any]:
    """An object whose keys may be written in any spelling of ``vocab`` (plus ``x-`` keys).

    The canonical key is in ``properties`` (editors offer it as a completion), its other
    spellings in ``patternProperties``.  A required key counts as present in any spelling:
    only when none is there is the canonical key reported missing.
    """
    patterns: dict[str, Any] = {
        f"^(?!{slug}$)" + spellings_pattern(vocab, slug)[1:]: schema for slug, schema in values.items()
    }
    patterns["^x-"] = {}
    schema: dict[str, Any] = {
        "type": "object",
        "description": description,
        "properties": values,
        "patternProperties": patterns,
        "additionalProperties": False,
    }
    if required:
        schema["allOf"] = [
            {
                "if": {"propertyNames": {"not": {"pattern": spellings_pattern(vocab, slug)}}},
                "then": {"required": [slug]},
            }
            for slug in required
        ]
    return schema


def front_matter_schema() -> dict[str, Any]:
    """A schema for the YAML front-matter alone, as typed (for editors and YAML language servers)."""
    decision_maker = _editor_object(
        voc.DECISION_MAKER_KEYS,
        {
            "title": _editor_text("The decision-maker's job title (职位)."),
            "function": _editor_text(
                "The business function in the customer's words (业务职能), e.g. 'Finance - budgets and cash'."
            ),
            "buying_role": _editor_enum("function", "The role in the purchase (购买角色)"),
            "authority": _editor_text("What the decision-maker may decide alone (决策权限)."),
            "kpis": {
                "type": "array",
                "description": "The decision-maker's KPIs (KPI指标), one text each.",
                "items": _editor_text("A KPI the decision-maker is measured on."),
            },
        },
        ["title"],
        "The class of decision-maker this canvas addresses (决策人).",
    )
    # the buying role is required; a function written as a role (the format before Canvas 2) is the role
    role_key = spellings_pattern(voc.DECISION_MAKER_KEYS, "buying_role")
    function_keys = voc.DECISION_MAKER_KEYS["function"].spellings
    decision_maker["allOf"].append(
        {
            "if": {"propertyNames": {"not": {"pattern": role_key}}},
            "then": {
                "anyOf": [
                    {
                        "required": [key],
                        "properties": {key: {"type": "string", "pattern": spellings_pattern(voc.FUNCTION)}},
                    }
                    for key in function_keys
                ]
            },
        }
    )
    evaluator = _editor_object(
        voc.EVALUATOR_KEYS,
        {
            "title": _editor_text("The evaluator's job title (职位)."),
            "function": _editor_text("Their business function (职能)."),
            "evaluates": _editor_text("What they evaluate: feasibility, the market, integration (评估内容)."),
        },
        ["title"],
        "Someone the decision-maker has evaluate the purchase (评估人).",
    )
    decision_process = _editor_object(
        voc.DECISION_PROCESS_KEYS,
        {
            "evaluators": {"type": "array", "description": "Who evaluates (评估人).", "items": evaluator},
            "decision_points": {
                "type": "array",
                "description": "When the decision-maker decides (拍板时机), one text each.",
                "items": _editor_text("A moment the decision-maker decides."),
            },
        },
        [],
        "Who evaluates the purchase and when the decision-maker decides (决策流程).",
    )
    schema = _editor_object(
        voc.FRONT_MATTER_KEYS,
        {
            "id": {
                "type": ["string", "number"],
                "pattern": "^[a-z0-9]+(?:[-_.][a-z0-9]+)*$",
                "maxLength": 80,
                "description": "The canvas id (编号): lowercase letters and digits, with single '-', '_' or '.' "
                "between them, at most 80 characters.",
            },
            "account": _editor_text("The customer (客户)."),
            "decision_maker": decision_maker,
            "decision_process": decision_process,
            "offering": _editor_enum("offering", "What is bought (产品类型)"),
            "owner": _editor_text("Who owns the canvas (负责人): a name or an e-mail."),
            "updated": {
                "type": "string",
                "pattern": r"^\d{4}-\d{2}-\d{2}$",
                "description": "The date of the last update (更新日期), YYYY-MM-DD.",
            },
            "language": _editor_enum("language", "The canvas's language (语言)"),
        },
        FRONT_MATTER_REQUIRED,
        "The front-matter of a value proposition guidance canvas. vplint check is the source of truth; "
        "generated from vplint/model/vocabulary.py: do not edit.",
    )
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://vplint.dev/schema/front-matter.schema.json",
        "title": "vplint canvas front-matter",
        **schema,
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
            "title-synonyms": {
                "type": "array",
                "items": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 2},
            },
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
