"""The question bank and the question engine: what a rep asks in a meeting, and what the rep confirms.

The bank is data: ``templates/questions/<lang>.toml`` (shipped) plus, when a team's templates
folder has one, the team's ``questions/<lang>.toml`` merged over it.  Its format is in
``docs/templates.md`` ("The question bank").  Each question is a table ``[<scope>.<id>]``: the scope
says what it is about (a problem, a motivator, a need, a KPI, an evaluator; or, once per canvas,
the decision-maker, the decision process or the conversion); ``answers`` names the canvas fields
that answer it (it is skipped when the canvas has one of them); ``when`` the fields it needs (a
confirmation of what the canvas knows needs the field it confirms); ``method`` tags it (a diagnosis
method, ``confirm``, or what it asks about); ``priority`` ranks it.

The engine asks, for each problem, every question that applies, the most valuable first; for the canvas
as a whole it picks the most valuable questions, no item asked about twice and no question asked twice.
A brief shows at most :data:`PROBLEM_LIMIT` per problem and :data:`CANVAS_LIMIT` for the whole, fewer on
a canvas of many problems (:func:`question_limits`, within :data:`QUESTION_BUDGET` in all).

Questions are filled by plain substitution of ``{name}`` placeholders; what is substituted (canvas
text) is never read as a template.  A free-text value is put in quotes (“…”) unless the question
quotes the placeholder itself or the value has quotes of its own, so canvas text never runs into
the sentence around it.  The format before the question engine (``[<problem type>]`` with
``questions``, ``[<problem type>.<method>]`` with ``explore`` and ``confirm``) is still read, with
plain substitution as before.

This module does not import Jinja: it is also used by tests and by anything that wants the
questions without rendering a brief.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from vplint.i18n import get
from vplint.model import vocabulary as voc
from vplint.store.files import read_toml

__all__ = [
    "CANVAS_LIMIT",
    "PLACEHOLDERS",
    "PROBLEM_LIMIT",
    "QUESTION_BUDGET",
    "QUOTED",
    "SCOPES",
    "TOPICS",
    "Question",
    "QuestionBank",
    "QuestionBankError",
    "canvas_candidates",
    "canvas_questions",
    "fill",
    "load_bank",
    "method_label",
    "problem_questions",
    "question_limits",
    "quote",
]

PROBLEM_LIMIT = 3
"""Questions a brief shows per problem, at most (see :func:`question_limits`)."""
CANVAS_LIMIT = 5
"""Questions a brief shows that are not tied to one problem (the brief must stay within two A4 pages)."""
QUESTION_BUDGET = 13
"""Questions a brief shows in all, at most (a canvas of six problems or more still gets two per problem and
three for the whole): about what one meeting can take, and what two A4 pages hold beside the argument."""
DEFAULT_PRIORITY = 50


def question_limits(problems: int) -> tuple[int, int]:
    """How many questions a brief shows per problem and for the canvas as a whole, on a canvas of
    ``problems`` problems: up to :data:`PROBLEM_LIMIT` and :data:`CANVAS_LIMIT`, within
    :data:`QUESTION_BUDGET` in all, and never fewer than two per problem and three for the whole.

    One or two problems: 3 each and 5; three: 3 each and 4; four: 2 each and 5; five: 2 each and 3.
    """
    per = max(2, min(PROBLEM_LIMIT, (QUESTION_BUDGET - 3) // max(problems, 1)))
    return per, min(CANVAS_LIMIT, max(3, QUESTION_BUDGET - per * problems))


@dataclass(frozen=True)
class Scope:
    """What a question of this scope is about: the fields that can answer it and the placeholders it may use."""

    fields: frozenset[str]
    valued: Mapping[str, voc.Vocabulary]
    """Fields that also take a value, ``diagnosis:before-after``: the vocabulary of the value."""
    placeholders: frozenset[str]
    spellings: voc.Vocabulary | None = None
    """The vocabulary of the fields' names, so a field may be written as on the canvas (``基线``, ``Root cause``)."""


_COMMON = frozenset({"account", "decision_maker"})
_PROBLEM_TEXT = ("root_cause", "baseline", "precedent", "symptom", "target", "deadline")
_CHAIN = ("change", "phenomenon", "feeling", "perception")

SCOPES: dict[str, Scope] = {
    "problem": Scope(
        frozenset({*_PROBLEM_TEXT, "diagnosis"}),
        {"diagnosis": voc.DIAGNOSIS_METHOD},
        _COMMON | {"id", "title", "detail", "method", *_PROBLEM_TEXT},
        voc.FIELDS["problems"],
    ),
    "motivator": Scope(
        frozenset({*_CHAIN, "continuity", "evidence", "shift", "for", "kind"}),
        {"continuity": voc.CONTINUITY, "kind": voc.MOTIVATOR},
        _COMMON | {"id", "title", "kind", *_CHAIN, "evidence", "shift", "problems"},
        voc.FIELDS["motivators"],
    ),
    "need": Scope(
        frozenset({"objective", "sponsor", "origin", "strategy", "serves", "solves"}),
        {"origin": voc.ORIGIN},
        _COMMON | {"id", "title", "objective", "sponsor", "problems"},
        voc.FIELDS["needs"],
    ),
    "decision_maker": Scope(frozenset({"kpis", "authority"}), {}, _COMMON | {"authority"}, voc.DECISION_MAKER_KEYS),
    "kpi": Scope(frozenset(), {}, _COMMON | {"kpi"}),
    "decision_process": Scope(
        frozenset({"evaluators", "decision_points"}), {}, _COMMON | {"decision_points"}, voc.DECISION_PROCESS_KEYS
    ),
    "evaluator": Scope(
        frozenset({"function", "evaluates"}), {}, _COMMON | {"evaluator", "function", "evaluates"}, voc.EVALUATOR_KEYS
    ),
    "conversion": Scope(
        frozenset({"trigger"}), {"trigger": voc.TRIGGER}, _COMMON | {"trigger"}, voc.FIELDS["conversion"]
    ),
}
"""The scopes in the order a bank lists them; ``problem`` ... ``evaluator`` are asked per item, the rest once."""

PLACEHOLDERS = SCOPES["problem"].placeholders
"""The names a problem question may use; ``detail`` is only known for a method already used."""

QUOTED = frozenset(
    {"title", "detail", *_PROBLEM_TEXT, *_CHAIN, "evidence", "shift", "objective", "kpi", "function", "evaluates"}
    | {"authority"}
)
"""Placeholders of free text, inserted in quotes; the others are names (ids, titles of people, labels)."""

TOPICS = (
    "confirm",
    "root-cause",
    "obstacle",
    "baseline",
    "precedent",
    "impact",
    "motivation",
    "evidence",
    "tipping-point",
    "stated-need",
    "objective",
    "sponsor",
    "kpi",
    "authority",
    "evaluation",
    "decision",
    "trigger",
)
"""The methods a question may have besides a diagnosis method; each has a label ``ui.ask.<topic>``."""

_KEYS = ("text", "priority", "method", "answers", "when", "types", "enabled")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]")
_OPEN_QUOTES = "“‘\"'「『"
_CLOSE_QUOTES = "”’\"'」』"
_OWN_QUOTES = "“”「」"
_TRAILING = ".。;；,，、:："


class QuestionBankError(Exception):
    """A question file that cannot be used: the message names the file and the key."""


@dataclass(frozen=True)
class Question:
    """One question of the bank, as merged from the shipped file and the team's."""

    id: str
    scope: str
    text: str
    priority: int = DEFAULT_PRIORITY
    method: str | None = None
    """A diagnosis method slug, a :data:`TOPICS` entry, or None (no tag)."""
    answers: tuple[str, ...] = ()
    """Fields (``baseline``, ``diagnosis:before-after``) any of which answers it: skipped when the canvas has one."""
    when: tuple[str, ...] = ()
    """Fields the canvas must have for it to be asked (all of them)."""
    types: tuple[str, ...] = ()
    """Problem questions: the problem types it is asked about (none: those of its diagnosis methods, else all)."""
    enabled: bool = True
    legacy: bool = False
    """Read from the format before the question engine: plain substitution, nothing quoted."""
    where: str = ""
    """The file and table it was last defined in, for messages."""

    @property
    def follow_up(self) -> bool:
        """It follows up on what the canvas knows (a confirmation), rather than asking what it does not."""
        return self.method == "confirm" or (self.legacy and bool(self.when))

    def _methods(self, specs: Iterable[str]) -> list[str]:
        found = [s.split(":", 1)[1] for s in specs if s.startswith("diagnosis:")]
        if self.method is not None and self.method in voc.DIAGNOSIS_METHOD:
            found.append(self.method)
        return list(dict.fromkeys(found))

    @functools.cached_property
    def detail_methods(self) -> list[str]:
        """The diagnosis methods whose finding ``{detail}`` is: from ``when`` and ``method``."""
        return self._methods(self.when)

    @functools.cached_property
    def problem_types(self) -> tuple[str, ...]:
        """The types it is asked about: ``types``, else those of the diagnosis methods it names, else all (empty)."""
        if self.types:
            return self.types
        parents = {voc.DIAGNOSIS_METHOD[m].parent for m in self._methods((*self.answers, *self.when))}
        return tuple(t for t in voc.PROBLEM_TYPE.slugs if t in parents)


@dataclass
class QuestionBank:
    lang: str
    questions: dict[tuple[str, str], Question] = field(default_factory=dict)
    """By (scope, id), in the order the files list them (an override keeps the place of what it overrides)."""
    sources: tuple[str, ...] = ()

    def of(self, scope: str) -> list[Question]:
        """The enabled questions of ``scope``, in bank order."""
        return [q for (s, _), q in self.questions.items() if s == scope and q.enabled]


# --- reading a bank ------------------------------------------------------------------------------


def _check_template(text: object, where: str, allowed: frozenset[str] = PLACEHOLDERS) -> str:
    if not isinstance(text, str) or not text.strip():
        raise QuestionBankError(f"{where}: every question must be non-empty text")
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        name = m.group(1)
        if name is None:
            raise QuestionBankError(f"{where}: a lone '{token}' in {text!r} (write '{token * 2}' for a brace)")
        if name not in allowed:
            known = ", ".join("{" + p + "}" for p in sorted(allowed))
            raise QuestionBankError(f"{where}: unknown placeholder {{{name}}} in {text!r} (known: {known})")
    return text


def _uses(text: str, name: str) -> bool:
    return any(m.group(1) == name for m in _TOKEN.finditer(text))


def _flag(table: Mapping[str, Any], where: str, key: str = "replace") -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise QuestionBankError(f"{where}.{key}: must be true or false")
    return value


def _spec(value: object, scope: str, where: str) -> str:
    """A field spec, ``baseline`` or ``diagnosis:before-after``, with the value as its slug."""
    if not isinstance(value, str) or not value.strip():
        raise QuestionBankError(f'{where}: must be a field name, such as "baseline" or "diagnosis:before-after"')
    name, _, val = value.replace("：", ":").partition(":")
    sc = SCOPES[scope]
    term = sc.spellings.lookup(name) if sc.spellings is not None else None
    name = term.slug if term is not None else name.strip().lower().replace("-", "_")
    if name not in sc.fields:
        known = ", ".join(sorted(sc.fields)) or "none"
        raise QuestionBankError(f"{where}: '{name}' is not a field of a {scope} question (known: {known})")
    if not val.strip():
        return name
    vocab = sc.valued.get(name)
    if vocab is None:
        raise QuestionBankError(f"{where}: '{name}' takes no value ('{name}', not '{value}')")
    term = vocab.lookup(val)
    if term is None:
        hint = vocab.suggest(val, 1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise QuestionBankError(f"{where}: '{val.strip()}' is not a {vocab.name.replace('_', ' ')}{extra}")
    return f"{name}:{term.slug}"


def _specs(value: object, scope: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise QuestionBankError(f"{where}: must be a list of field names")
    return tuple(dict.fromkeys(_spec(v, scope, f"{where}[{i}]") for i, v in enumerate(value)))


def _method(value: object, scope: str, where: str) -> str:
    if isinstance(value, str) and value.strip() in TOPICS:
        return value.strip()
    term = voc.DIAGNOSIS_METHOD.lookup(value) if isinstance(value, str) else None
    if term is not None and scope == "problem":
        return term.slug
    extra = "a diagnosis method (problem questions), " if scope == "problem" else ""
    raise QuestionBankError(f"{where}: {value!r} is not {extra}one of {', '.join(TOPICS)}")


def _types(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise QuestionBankError(f"{where}: must be a list of problem types")
    out: list[str] = []
    for i, v in enumerate(value):
        term = voc.PROBLEM_TYPE.lookup(v) if isinstance(v, str) else None
        if term is None:
            raise QuestionBankError(f"{where}[{i}]: {v!r} is not a problem type ({', '.join(voc.PROBLEM_TYPE.slugs)})")
        out.append(term.slug)
    return tuple(dict.fromkeys(out))


def _validate(q: Question, where: str) -> None:
    """What only the merged question can show: its methods fit its types, ``{detail}`` has a method."""
    if q.scope != "problem":
        return
    for m in q._methods((*q.answers, *q.when)):
        parent = voc.DIAGNOSIS_METHOD[m].parent
        if q.types and parent not in q.types:
            raise QuestionBankError(f"{where}: {m} is not a diagnosis method of {', '.join(q.types)}")
    if not q.legacy and _uses(q.text, "detail") and not q.detail_methods:
        raise QuestionBankError(
            f"{where}.text: {{detail}} is the finding of a diagnosis: name its method in 'when'"
            " (\"diagnosis:before-after\") or in 'method'"
        )


def _entry(bank: QuestionBank, scope: str, qid: str, table: object, name: str) -> None:
    where = f"{name}: [{scope}.{qid}]"
    if not _ID.fullmatch(qid):
        raise QuestionBankError(f"{where}: a question id is letters, digits, '-' and '_'")
    if not isinstance(table, dict):
        raise QuestionBankError(f'{where}: must be a table (text = "...", answers = [...], priority = ...)')
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise QuestionBankError(f"{where}: unknown key '{unknown[0]}' (known: {', '.join(_KEYS)})")
    changes: dict[str, Any] = {}
    if "text" in table:
        changes["text"] = _check_template(table["text"], f"{where}.text", SCOPES[scope].placeholders)
    if "priority" in table:
        value = table["priority"]
        if not isinstance(value, int) or isinstance(value, bool):
            raise QuestionBankError(f"{where}.priority: must be a whole number (higher is asked first)")
        changes["priority"] = value
    if "method" in table:
        changes["method"] = _method(table["method"], scope, f"{where}.method")
    for key in ("answers", "when"):
        if key in table:
            changes[key] = _specs(table[key], scope, f"{where}.{key}")
    if "types" in table:
        if scope != "problem":
            raise QuestionBankError(f"{where}.types: only problem questions have types")
        changes["types"] = _types(table["types"], f"{where}.types")
    if "enabled" in table:
        changes["enabled"] = _flag(table, where, "enabled")
    existing = bank.questions.get((scope, qid))
    if existing is None:
        if "text" not in changes:
            raise QuestionBankError(f"{where}: a new question needs a text")
        question = Question(id=qid, scope=scope, **changes)
    else:
        question = replace(existing, **changes, legacy=False)
    question = replace(question, where=where)
    _validate(question, where)
    bank.questions[(scope, qid)] = question


def _drop(bank: QuestionBank, scope: str, types: tuple[str, ...] | None = None, method: str | None = None) -> None:
    """Drop the questions of ``scope`` (only those of exactly ``types``, only those of the diagnosis ``method``)."""

    def gone(q: Question) -> bool:
        if q.scope != scope or (types is not None and q.problem_types != types):
            return False
        return method is None or q.method == method or f"diagnosis:{method}" in (*q.answers, *q.when)

    bank.questions = {k: q for k, q in bank.questions.items() if not gone(q)}


def _legacy_list(table: Mapping[str, Any], key: str, where: str) -> list[str] | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, list):
        raise QuestionBankError(f"{where}.{key}: must be a list of questions")
    return [_check_template(q, f"{where}.{key}[{i}]") for i, q in enumerate(value)]


def _legacy(bank: QuestionBank, type_key: str, slug: str, type_table: object, name: str, serial: int) -> None:
    """A table of the format before the question engine: ``[<type>]`` and ``[<type>.<method>]``."""
    where = f"{name}: [{type_key}]"
    if not isinstance(type_table, dict):
        raise QuestionBankError(f"{where}: must be a table")
    if _flag(type_table, where):
        _drop(bank, "problem", types=(slug,))
    prefix = f"{slug}~{serial}"

    def add(qid: str, text: str, **kw: Any) -> None:
        bank.questions[("problem", qid)] = Question(qid, "problem", text, types=(slug,), legacy=True, where=where, **kw)

    for i, text in enumerate(_legacy_list(type_table, "questions", where) or []):
        add(f"{prefix}~questions~{i}", text)
    for key, value in type_table.items():
        if key in ("questions", "replace"):
            continue
        method = voc.DIAGNOSIS_METHOD.lookup(key)
        mwhere = f"{name}: [{type_key}.{key}]"
        if method is None or method.parent != slug:
            fits = ", ".join(t.slug for t in voc.DIAGNOSIS_METHOD.children_of(slug))
            raise QuestionBankError(f"{mwhere}: not a diagnosis method of {slug} ({fits})")
        if not isinstance(value, dict):
            raise QuestionBankError(f"{mwhere}: must be a table with 'explore' and/or 'confirm'")
        unknown = sorted(set(value) - {"explore", "confirm", "replace"})
        if unknown:
            raise QuestionBankError(f"{mwhere}: unknown key '{unknown[0]}' (use 'explore' or 'confirm')")
        m, spec = method.slug, f"diagnosis:{method.slug}"
        if _flag(value, mwhere):
            _drop(bank, "problem", method=m)
        for i, text in enumerate(_legacy_list(value, "explore", mwhere) or []):
            add(f"{prefix}~{m}~explore~{i}", text, method=m, answers=(spec,))
        for i, text in enumerate(_legacy_list(value, "confirm", mwhere) or []):
            add(f"{prefix}~{m}~confirm~{i}", text, method=m, when=(spec,))


def _apply(bank: QuestionBank, data: Mapping[str, Any], name: str, serial: int) -> None:
    """Merge one parsed file into ``bank`` (checked as it goes)."""
    for key, table in data.items():
        if key in SCOPES:
            where = f"{name}: [{key}]"
            if not isinstance(table, dict):
                raise QuestionBankError(f"{where}: must be a table of questions ([{key}.<id>])")
            if _flag(table, where):
                _drop(bank, key)
            for qid, entry in table.items():
                if qid != "replace":
                    _entry(bank, key, qid, entry, name)
        elif (term := voc.PROBLEM_TYPE.lookup(key)) is not None:
            _legacy(bank, key, term.slug, table, name, serial)
        else:
            hints = difflib.get_close_matches(voc.normalize(key), [*SCOPES, *voc.PROBLEM_TYPE.slugs], 1)
            extra = f" (did you mean '{hints[0]}'?)" if hints else ""
            raise QuestionBankError(
                f"{name}: [{key}]: not a question scope ({', '.join(SCOPES)}) nor a problem type{extra}"
            )


def load_bank(lang: str, folders: Sequence[Path], display: Mapping[Path, str] | None = None) -> QuestionBank:
    """The bank for ``lang``: ``questions/<lang>.toml`` of each folder, the defaults first, then the team's.

    ``folders`` are in merge order (the shipped templates folder first).  A missing file is
    skipped; a broken one raises :class:`QuestionBankError`.
    """
    bank = QuestionBank(lang)
    sources: list[str] = []
    for serial, folder in enumerate(folders):
        path = folder / "questions" / f"{lang}.toml"
        if not path.is_file():
            continue
        name = (display or {}).get(path, str(path))
        _apply(bank, read_toml(path, QuestionBankError), name, serial)
        sources.append(name)
    bank.sources = tuple(sources)
    return bank


# --- filling a question ----------------------------------------------------------------------------


def quote(value: str) -> str:
    """``value`` in quotes (“…”), its closing punctuation dropped; as it is when it has quotes of its own."""
    text = value.strip().rstrip(_TRAILING).strip() or value.strip()
    if any(c in text for c in _OWN_QUOTES):
        return text  # quoting it again would nest quotes: its own mark where it starts and ends
    return f"“{text}”"


def fill(template: str, values: Mapping[str, str], quoted: Iterable[str] = ()) -> str | None:
    """``template`` with its placeholders replaced, or None when one of them has no value.

    Plain substitution: the values are inserted as they are and never read again, so canvas
    text that looks like a placeholder or a template (``{title}``, ``{{ 7*7 }}``) stays text.
    A placeholder named in ``quoted`` is put in quotes (:func:`quote`), unless the template
    already quotes it (``“{title}”``).
    """
    quoted = frozenset(quoted)
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
            before = template[m.start() - 1 : m.start()]
            after = template[m.end() : m.end() + 1]
            framed = bool(before) and before in _OPEN_QUOTES and bool(after) and after in _CLOSE_QUOTES
            out.append(quote(value) if m.group(1) in quoted and not framed else value)
        else:  # a lone brace (rejected when the bank is loaded): keep it
            out.append(token)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out)


# --- what the canvas knows -------------------------------------------------------------------------


def _s(value: object) -> str | None:
    """A free-text value as a string, or None when absent or blank."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _strs(value: object) -> list[str]:
    return [s for v in value if (s := _s(v))] if isinstance(value, list) else []


def _dicts(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _label(vocab: voc.Vocabulary, slug: str | None, lang: str) -> str:
    """A term's label; empty for an unknown one (a slug or a misspelling is never put into a sentence)."""
    try:
        return vocab[slug].label(lang) if slug else ""
    except KeyError:
        return ""


def _ui(key: str, lang: str) -> str:
    found = get(f"ui.ask.{key}", lang)
    return key if found is None else found


def _join(items: Sequence[str], lang: str) -> str:
    """``A``, ``A and B``, ``A, B and C`` (``A、B和C``)."""
    if len(items) < 2:
        return "".join(items)
    sep, space = ("、", "") if lang == "zh" else (", ", " ")
    return f"{sep.join(items[:-1])}{space}{_ui('and', lang)}{space}{items[-1]}"


@dataclass
class _Item:
    """One thing on the canvas questions are asked about: what is known of it, and the placeholder values."""

    key: tuple[str, int]
    source: str | None
    known: set[str]
    values: dict[str, str]
    diagnoses: list[tuple[str, str]] = field(default_factory=list)
    """(method, finding) of the diagnoses that found something."""


def _put(known: set[str], values: dict[str, str], key: str, value: str | None) -> None:
    if value:
        known.add(key)
        values[key] = value


def _problem_item(problem: Mapping[str, Any], base: Mapping[str, str]) -> _Item:
    known: set[str] = set()
    values = dict(base, id=_s(problem.get("id")) or "", title=_s(problem.get("title")) or "")
    for key in _PROBLEM_TEXT:
        _put(known, values, key, _s(problem.get(key)))
    diagnoses: list[tuple[str, str]] = []
    for d in _dicts(problem.get("diagnoses")):
        method, detail = _s(d.get("method")), _s(d.get("detail"))
        if detail:  # a method named with nothing found does not answer what the method asks
            known.add("diagnosis")
            if method:
                known.add(f"diagnosis:{method}")
                diagnoses.append((method, detail))
    return _Item(("problem", 0), None, known, values, diagnoses)


def _motivator_item(i: int, m: Mapping[str, Any], base: Mapping[str, str], lang: str) -> _Item:
    known: set[str] = set()
    values = dict(base, id=_s(m.get("id")) or "", title=_s(m.get("title")) or "")
    change = m.get("change")
    _put(known, values, "change", _s(change.get("description")) if isinstance(change, dict) else None)
    evidence = m.get("evidence")
    _put(known, values, "evidence", _s(evidence.get("text")) if isinstance(evidence, dict) else None)
    for key in ("shift", "phenomenon", "feeling", "perception"):
        _put(known, values, key, _s(m.get(key)))
    for key, vocab in (("continuity", voc.CONTINUITY), ("kind", voc.MOTIVATOR)):
        slug = _s(m.get(key))
        if slug:
            known.update({key, f"{key}:{slug}"})
            values[key] = _label(vocab, slug, lang)
    refs = _strs(m.get("for"))
    if refs:
        known.add("for")
    values["problems"] = _join(refs, lang)
    return _Item(("motivator", i), values["id"] or values["title"] or None, known, values)


def _need_item(i: int, n: Mapping[str, Any], base: Mapping[str, str], lang: str) -> _Item:
    known: set[str] = set()
    values = dict(base, id=_s(n.get("id")) or "", title=_s(n.get("title")) or "")
    for key in ("objective", "sponsor"):
        _put(known, values, key, _s(n.get(key)))
    origin = _s(n.get("origin"))
    if origin:
        known.update({"origin", f"origin:{origin}"})
    strategy = n.get("strategy")
    if isinstance(strategy, dict) and _s(strategy.get("level")):
        known.add("strategy")
    if _dicts(n.get("serves")):
        known.add("serves")
    solves = _strs(n.get("solves"))
    if solves:
        known.add("solves")
    values["problems"] = _join(solves, lang)
    return _Item(("need", i), values["id"] or values["title"] or None, known, values)


def _canvas_items(data: Mapping[str, Any], base: Mapping[str, str], lang: str) -> dict[str, list[_Item]]:
    """The items of every scope but ``problem``, each with what the canvas knows of it."""
    dm = data.get("decision_maker")
    dm = dm if isinstance(dm, dict) else {}
    kpis = _strs(dm.get("kpis"))
    known: set[str] = {"kpis"} if kpis else set()
    values = dict(base)
    _put(known, values, "authority", _s(dm.get("authority")))
    decision_maker = _Item(("decision_maker", 0), None, known, values)

    process = data.get("decision_process")
    process = process if isinstance(process, dict) else {}
    evaluators = _dicts(process.get("evaluators"))
    points = _strs(process.get("decision_points"))
    known = {"evaluators"} if evaluators else set()
    values = dict(base)
    _put(known, values, "decision_points", _join([quote(p) for p in points], lang))
    decision_process = _Item(("decision_process", 0), None, known, values)

    evaluator_items = []
    for i, e in enumerate(evaluators):
        known, values = set(), dict(base, evaluator=_s(e.get("title")) or "")
        for key in ("function", "evaluates"):
            _put(known, values, key, _s(e.get(key)))
        evaluator_items.append(_Item(("evaluator", i), values["evaluator"] or None, known, values))

    conversion = data.get("conversion")
    triggers = _strs(conversion.get("triggers")) if isinstance(conversion, dict) else []
    known = {"trigger", *(f"trigger:{t}" for t in triggers)} if triggers else set()
    labels = [label for t in triggers if (label := _label(voc.TRIGGER, t, lang))]
    values = dict(base, trigger=_join(labels, lang))

    return {
        "motivator": [_motivator_item(i, m, base, lang) for i, m in enumerate(_dicts(data.get("motivators")))],
        "need": [_need_item(i, n, base, lang) for i, n in enumerate(_dicts(data.get("needs")))],
        "decision_maker": [decision_maker],
        "kpi": [_Item(("kpi", i), None, set(), dict(base, kpi=k)) for i, k in enumerate(kpis)],
        "decision_process": [decision_process],
        "evaluator": evaluator_items,
        "conversion": [_Item(("conversion", 0), None, known, values)],
    }


# --- asking --------------------------------------------------------------------------------------


def method_label(method: str | None, lang: str) -> str | None:
    """The label of a question's method: a diagnosis method's, or ``ui.ask.<topic>``; None without one."""
    if method is None:
        return None
    if method in voc.DIAGNOSIS_METHOD:
        return voc.DIAGNOSIS_METHOD[method].label(lang)
    return _ui(method, lang)


def _asked(q: Question, item: _Item, text: str, lang: str) -> dict[str, Any]:
    label = method_label(q.method, lang)
    shown = [p for p in (item.source, None if q.method == "confirm" else label) if p]  # "Confirm: ..." says it
    return {
        "id": q.id,
        "scope": q.scope,
        "source": item.source,
        "method": q.method,
        "label": label,
        "tag": ("·" if lang == "zh" else ", ").join(shown) or None,
        "used": q.follow_up,
        "priority": q.priority,
        "text": text,
    }


def _fill(q: Question, item: _Item, extra: Mapping[str, str], lang: str) -> str | None:
    label = method_label(q.method, lang) if q.method in voc.DIAGNOSIS_METHOD else None
    values = {**item.values, "method": label or "", **extra}
    return fill(q.text, values, () if q.legacy else QUOTED)


def _candidates(q: Question, item: _Item, lang: str) -> list[str]:
    """The texts ``q`` gives for ``item``: none when answered or not applicable, one per finding for ``{detail}``."""
    if any(a in item.known for a in q.answers) or not all(w in item.known for w in q.when):
        return []
    if not _uses(q.text, "detail"):
        return [t] if (t := _fill(q, item, {}, lang)) else []
    methods = q.detail_methods
    out = []
    for method, detail in item.diagnoses:
        if method in methods:
            label = voc.DIAGNOSIS_METHOD[method].label(lang) if method in voc.DIAGNOSIS_METHOD else method
            if t := _fill(q, item, {"detail": detail, "method": label}, lang):
                out.append(t)
    return out


def problem_questions(
    problem: Mapping[str, Any], bank: QuestionBank, lang: str, base: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Every question for ``problem`` (a problem of the canvas model), the most valuable first.

    Each is ``{id, scope, source, method, label, tag, used, priority, text}``; ``used`` is true for a
    confirmation of what the canvas knows.  A brief shows the first :data:`PROBLEM_LIMIT`.
    """
    item = _problem_item(problem, {k: v for k, v in (base or {}).items() if k in _COMMON})
    ptype = _s(problem.get("type"))
    found: list[tuple[int, dict[str, Any]]] = []
    seen: set[str] = set()
    for q in bank.of("problem"):
        if q.problem_types and ptype not in q.problem_types:
            continue
        for text in _candidates(q, item, lang):
            if text not in seen:
                seen.add(text)
                found.append((-q.priority, _asked(q, item, text, lang)))
    found.sort(key=lambda pair: pair[0])  # stable: bank order within a priority
    return [asked for _, asked in found]


def _canvas_found(
    data: Mapping[str, Any], bank: QuestionBank, lang: str, base: Mapping[str, str] | None
) -> list[tuple[tuple[str, int], dict[str, Any]]]:
    items = _canvas_items(data, {k: v for k, v in (base or {}).items() if k in _COMMON}, lang)
    found: list[tuple[int, tuple[str, int], dict[str, Any]]] = []
    for scope in SCOPES:
        if scope == "problem":
            continue
        for q in bank.of(scope):
            for item in items[scope]:
                for text in _candidates(q, item, lang):
                    found.append((-q.priority, item.key, _asked(q, item, text, lang)))
    found.sort(key=lambda entry: entry[0])  # stable: scope order, then bank order, then item order
    return [(key, asked) for _, key, asked in found]


def canvas_candidates(
    data: Mapping[str, Any], bank: QuestionBank, lang: str, base: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Every question not tied to one problem that applies to the canvas (the model), the most valuable first."""
    return [asked for _, asked in _canvas_found(data, bank, lang, base)]


def canvas_questions(
    data: Mapping[str, Any],
    bank: QuestionBank,
    lang: str,
    base: Mapping[str, str] | None = None,
    limit: int = CANVAS_LIMIT,
) -> list[dict[str, Any]]:
    """The questions not tied to one problem that a brief shows, the most valuable first: at most ``limit``,
    at most one per item (a motivator, a need, a KPI, an evaluator; the decision-maker, the decision
    process, the conversion) and no bank question twice (the KPI question is asked about one KPI)."""
    chosen: list[dict[str, Any]] = []
    items_done: set[tuple[str, int]] = set()
    questions_done: set[tuple[str, str]] = set()
    for key, asked in _canvas_found(data, bank, lang, base):
        if len(chosen) >= limit:
            break
        qkey = (asked["scope"], asked["id"])
        if key in items_done or qkey in questions_done:
            continue
        items_done.add(key)
        questions_done.add(qkey)
        chosen.append(asked)
    return chosen
