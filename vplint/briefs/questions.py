"""The question bank: what a rep asks about each business problem, by problem type and diagnosis method.

The bank is data: ``templates/questions/<lang>.toml`` (shipped) plus, when a team's templates
folder has one, the team's ``questions/<lang>.toml`` merged over it.  Its format is in
``docs/templates.md`` ("The question bank").  Questions are filled by plain substitution of
``{name}`` placeholders; what is substituted (canvas text) is never read as a template.

This module does not import Jinja: it is also used by tests and by anything that wants the
questions without rendering a brief.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vplint.model import vocabulary as voc
from vplint.store.files import read_toml

__all__ = ["PLACEHOLDERS", "QuestionBank", "QuestionBankError", "fill", "load_bank"]

PLACEHOLDERS = frozenset(
    {
        "id",
        "title",
        "detail",
        "method",
        "account",
        "decision_maker",
        "target",
        "deadline",
        "baseline",
        "precedent",
        "symptom",
        "root_cause",
    }
)
"""The names a question may use; ``detail`` is only known for a method already used."""

_LIST_KEYS = ("questions", "explore", "confirm")
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]")


class QuestionBankError(Exception):
    """A question file that cannot be used: the message names the file and the key."""


@dataclass
class MethodQuestions:
    explore: list[str] = field(default_factory=list)
    """Asked when the method has not been used on the problem yet."""
    confirm: list[str] = field(default_factory=list)
    """Asked once per diagnosis that used the method (``{detail}`` is what was found)."""


@dataclass
class TypeQuestions:
    questions: list[str] = field(default_factory=list)
    """Asked about every problem of the type."""
    methods: dict[str, MethodQuestions] = field(default_factory=dict)


@dataclass
class QuestionBank:
    lang: str
    types: dict[str, TypeQuestions] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def for_type(self, problem_type: str) -> TypeQuestions:
        return self.types.get(problem_type) or TypeQuestions()


def _check_template(text: object, where: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise QuestionBankError(f"{where}: every question must be non-empty text")
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        name = m.group(1)
        if name is None:
            raise QuestionBankError(f"{where}: a lone '{token}' in {text!r} (write '{token * 2}' for a brace)")
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
            raise QuestionBankError(f"{where}: unknown placeholder {{{name}}} in {text!r} (known: {known})")
    return text


def _list(table: Mapping[str, Any], key: str, where: str) -> list[str] | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, list):
        raise QuestionBankError(f"{where}.{key}: must be a list of questions")
    return [_check_template(q, f"{where}.{key}[{i}]") for i, q in enumerate(value)]


def _flag(table: Mapping[str, Any], where: str) -> bool:
    value = table.get("replace", False)
    if not isinstance(value, bool):
        raise QuestionBankError(f"{where}.replace: must be true or false")
    return value


def _merge(target: list[str], new: list[str] | None, replace: bool) -> list[str]:
    if new is None:
        return [] if replace else target
    return list(new) if replace else [*target, *new]


def _apply(bank: QuestionBank, data: Mapping[str, Any], name: str) -> None:
    """Merge one parsed file into ``bank`` (checked as it goes)."""
    for type_key, type_table in data.items():
        where = f"{name}: [{type_key}]"
        term = voc.PROBLEM_TYPE.lookup(type_key)
        if term is None:
            hint = voc.PROBLEM_TYPE.suggest(type_key, 1)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise QuestionBankError(f"{where}: not a problem type{extra}")
        if not isinstance(type_table, dict):
            raise QuestionBankError(f"{where}: must be a table")
        replace = _flag(type_table, where)
        current = bank.types.setdefault(term.slug, TypeQuestions())
        if replace:
            current.methods = {}
        current.questions = _merge(current.questions, _list(type_table, "questions", where), replace)
        for key, value in type_table.items():
            if key in ("questions", "replace"):
                continue
            method = voc.DIAGNOSIS_METHOD.lookup(key)
            mwhere = f"{name}: [{type_key}.{key}]"
            if method is None or method.parent != term.slug:
                fits = ", ".join(t.slug for t in voc.DIAGNOSIS_METHOD.children_of(term.slug))
                raise QuestionBankError(f"{mwhere}: not a diagnosis method of {term.slug} ({fits})")
            if not isinstance(value, dict):
                raise QuestionBankError(f"{mwhere}: must be a table with 'explore' and/or 'confirm'")
            unknown = sorted(set(value) - {"explore", "confirm", "replace"})
            if unknown:
                raise QuestionBankError(f"{mwhere}: unknown key '{unknown[0]}' (use 'explore' or 'confirm')")
            mreplace = _flag(value, mwhere)
            mq = current.methods.setdefault(method.slug, MethodQuestions())
            mq.explore = _merge(mq.explore, _list(value, "explore", mwhere), mreplace)
            mq.confirm = _merge(mq.confirm, _list(value, "confirm", mwhere), mreplace)


def load_bank(lang: str, folders: Sequence[Path], display: Mapping[Path, str] | None = None) -> QuestionBank:
    """The bank for ``lang``: ``questions/<lang>.toml`` of each folder, the defaults first, then the team's.

    ``folders`` are in merge order (the shipped templates folder first).  A missing file is
    skipped; a broken one raises :class:`QuestionBankError`.
    """
    bank = QuestionBank(lang)
    sources: list[str] = []
    for folder in folders:
        path = folder / "questions" / f"{lang}.toml"
        if not path.is_file():
            continue
        name = (display or {}).get(path, str(path))
        _apply(bank, read_toml(path, QuestionBankError), name)
        sources.append(name)
    bank.sources = tuple(sources)
    return bank


def fill(template: str, values: Mapping[str, str]) -> str | None:
    """``template`` with its placeholders replaced, or None when one of them has no value.

    Plain substitution: the values are inserted as they are and never read again, so canvas
    text that looks like a placeholder or a template (``{title}``, ``{{ 7*7 }}``) stays text.
    """
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        out.append(template[pos : m.start()])
        token = m.group(0)
        if token in ("{{", "}}"):
            out.append(token[0])
        elif m.group(1) is not None:
            value = values.get(m.group(1), "").strip()
            if not value:
                return None
            out.append(value)
        else:  # a lone brace (rejected when the bank is loaded): keep it
            out.append(token)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out)
