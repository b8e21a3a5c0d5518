"""Build the canvas model: one JSON-compatible document, plus where each part was written.

The model is what ``vplint export`` prints, what the JSON schema validates, what rules
read and what brief templates receive.  Its shape is documented in
``docs/canvas-format.md`` ("The canvas model").  Vocabulary values are stored as their
canonical slug when vplint recognises the spelling, and exactly as written otherwise, so
the schema can report them with a "did you mean".

Positions live beside the model, keyed by JSON path (a tuple of keys and indexes):
``positions`` gives where a value starts, ``key_positions`` where its key (field name or
front-matter key) starts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from vplint.diagnostics import Diagnostic, Position, Severity
from vplint.model import vocabulary as voc
from vplint.model.dates import find_dates, reference_date
from vplint.parser.directives import HTML_DIRECTIVE
from vplint.parser.document import Document, Heading, Item, YMap, YNode, YScalar, YSeq

__all__ = ["MODEL_VERSION", "Canvas", "JsonPath", "Token", "Unread", "build_canvas", "detect_language", "find_dates"]

MODEL_VERSION = 1
JsonPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Token:
    """A spelling the rep chose, where it stands: what the style rules (Y) may normalise.

    ``role`` is ``heading`` (a section heading), ``key`` (a field name), ``value`` (a
    vocabulary value), ``colon`` (the colon after a field name, with its spaces),
    ``separator`` (between a vocabulary value and free text, with its spaces) or
    ``refs`` (a whole ``Solves`` list).  ``vocabulary`` names the vocabulary of headings,
    keys and values; ``slug`` is the canonical term.
    """

    role: str
    line: int
    column: int
    text: str
    vocabulary: str = ""
    slug: str = ""


@dataclass(frozen=True, slots=True)
class Unread:
    """Something in the body vplint saw but could not read as written: a ``##`` heading that names no
    section, or a line under Actions whose key is not a lever.

    ``near`` is the slug of the closest section or lever ("" when none is close), for a "did you mean".
    """

    text: str
    line: int
    column: int
    near: str = ""


@dataclass(slots=True)
class Canvas:
    """The canvas model of one file and the positions of its parts."""

    path: str
    data: dict[str, Any]
    positions: dict[JsonPath, Position] = field(default_factory=dict)
    key_positions: dict[JsonPath, Position] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    body_line: int = 1
    text: str = ""
    """The file's text as parsed (newlines normalised), for rules that look at the raw lines."""
    tokens: list[Token] = field(default_factory=list)
    guessed: dict[str, Unread] = field(default_factory=dict)
    """Sections the canvas lacks, each read from the ``##`` heading vplint does not know that is closest to it
    (``## Business problems & diagnosis`` is read as Problems); the schema and rules report the heading."""
    unread_levers: list[Unread] = field(default_factory=list)
    """Lines under Actions whose key is not a lever (``- Educate: ...``), in order."""

    def written_language(self, fallback: str) -> str:
        """The language the canvas is written in: its ``language`` key, else what its text is in, else ``fallback``.

        The one answer for messages, canonical spellings (--fix) and briefs alike.
        """
        lang = self.data.get("language")
        if lang in ("en", "zh"):
            return str(lang)
        return detect_language(self.text) if self.text else fallback

    @property
    def language(self) -> str:
        lang = self.data.get("language")
        return lang if lang in ("en", "zh") else "en"

    def pos(self, path: JsonPath) -> Position:
        """Where ``path`` was written, or its nearest written ancestor."""
        while path:
            found = self.positions.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.positions.get((), Position(1, 1))

    def key_pos(self, path: JsonPath) -> Position:
        return self.key_positions.get(path) or self.pos(path)

    def items(self, section: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """The items of a section that are objects, with their index."""
        value = self.data.get(section)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    yield i, item

    def report(
        self,
        path: JsonPath,
        code: str,
        message_id: str,
        *,
        at_key: bool = False,
        severity: Severity = Severity.ERROR,
        **args: object,
    ) -> Diagnostic:
        """A diagnostic at ``path`` (at its key with ``at_key``); ``args`` fill the message."""
        p = self.key_pos(path) if at_key else self.pos(path)
        return Diagnostic(self.path, p.line, p.column, code, message_id, severity, {k: str(v) for k, v in args.items()})


def detect_language(text: str) -> str:
    """``zh`` when Chinese characters make up a real share of the text, else ``en``."""
    han = letters = 0
    for ch in text[:4000]:  # not a regex: compiling [\u4e00-\u9fff] costs 2 ms at every start
        if "\u4e00" <= ch <= "\u9fff":
            han += 1
        elif ch.isascii() and ch.isalpha():
            letters += 1
    return "zh" if han and han * 3 >= letters else "en"


# --- front-matter -------------------------------------------------------------------------

_FM_VOCAB = {"buying_role": voc.FUNCTION, "offering": voc.OFFERING, "language": voc.LANGUAGE}
_BODY_KEYS = {"problems", "needs", "motivators", "conversion", "actions", "title", "model_version"}


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._colon = Token("colon", 0, 0, "")
        self._single_line = True
        self._named: set[str] = set()
        """The sections some ``##`` heading of the body names."""
        self.canvas = Canvas(doc.path, {"model_version": MODEL_VERSION}, body_line=doc.body_line)
        self.canvas.positions[()] = Position(1, 1)

    # front-matter
    def plain(self, node: YNode, path: JsonPath) -> Any:
        """A YAML node as JSON, every scalar as written."""
        self.canvas.positions[path] = Position(node.line, node.column)
        if isinstance(node, YScalar):
            return node.value
        if isinstance(node, YSeq):
            return [self.plain(child, (*path, i)) for i, child in enumerate(node.items)]
        out: dict[str, Any] = {}
        for k, v in node.items:
            key = k.value if k.value is not None else "null"
            self.canvas.key_positions[(*path, key)] = Position(k.line, k.column)
            out[key] = self.plain(v, (*path, key))
        return out

    def mapping(self, node: YMap, path: JsonPath, keys: voc.Vocabulary) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in node.items:
            raw = k.value if k.value is not None else "null"
            term = keys.lookup(raw)
            key = term.slug if term and not raw.startswith("x-") else raw
            if key in out:
                self.canvas.diagnostics.append(
                    Diagnostic(
                        self.doc.path,
                        k.line,
                        k.column,
                        "F005",
                        "front_matter.duplicate_key",
                        Severity.ERROR,
                        {"key": raw},
                    )
                )
                continue
            self.canvas.key_positions[(*path, key)] = Position(k.line, k.column)
            if key == "decision_maker" and isinstance(v, YMap) and not path:
                self.canvas.positions[(*path, key)] = Position(v.line, v.column)
                out[key] = self.decision_maker(self.mapping(v, (*path, key), voc.DECISION_MAKER_KEYS))
                continue
            if key == "decision_process" and isinstance(v, YMap) and not path:
                self.canvas.positions[(*path, key)] = Position(v.line, v.column)
                out[key] = self.decision_process(v, (*path, key))
                continue
            value = self.plain(v, (*path, key))
            vocab = _FM_VOCAB.get(key)
            if vocab is not None and isinstance(value, str):
                t = vocab.lookup(value)
                if t is not None:
                    value = t.slug
            out[key] = value
        return out

    def decision_maker(self, dm: dict[str, Any]) -> dict[str, Any]:
        """A ``function`` written as one of the four buying roles (the format before ``buying_role``) is the role."""
        function = dm.get("function")
        if "buying_role" not in dm and isinstance(function, str):
            term = voc.FUNCTION.lookup(function)
            if term is not None:
                dm["buying_role"] = term.slug
                path = ("decision_maker", "function")
                self.canvas.positions[("decision_maker", "buying_role")] = self.canvas.positions[path]
                self.canvas.key_positions[("decision_maker", "buying_role")] = self.canvas.key_positions[path]
        return dm

    def decision_process(self, node: YMap, path: JsonPath) -> dict[str, Any]:
        """``decision_process``: its keys (and each evaluator's) in either language."""
        out = self.mapping(node, path, voc.DECISION_PROCESS_KEYS)
        evaluators = out.get("evaluators")
        for k, v in node.items:
            term = voc.DECISION_PROCESS_KEYS.lookup(k.value or "")
            if term is None or term.slug != "evaluators" or not isinstance(v, YSeq) or not isinstance(evaluators, list):
                continue
            for index, child in enumerate(v.items):
                if isinstance(child, YMap):
                    evaluators[index] = self.mapping(child, (*path, "evaluators", index), voc.EVALUATOR_KEYS)
        return out

    def front_matter(self) -> None:
        fm = self.doc.front_matter
        if fm is None:
            return
        data = self.mapping(fm, (), voc.FRONT_MATTER_KEYS)
        for key, value in data.items():
            if key in _BODY_KEYS:  # reserved for the body: report as unknown keys
                key = f"{key} (front-matter)"
                self.canvas.key_positions[(key,)] = self.canvas.key_positions.pop((key.split(" ")[0],))
            self.canvas.data[key] = value

    # body
    def body(self) -> None:
        section: str | None = None
        item: dict[str, Any] | None = None
        item_path: JsonPath = ()
        title_seen = False
        self.canvas.positions[("$body",)] = Position(_first_text_line(self.doc.text, self.doc.body_line), 1)
        self._named = {
            terms[0][1].slug
            for b in self.doc.blocks
            if isinstance(b, Heading) and b.level == 2 and (terms := _section_terms(b.text))
        }
        for block in self.doc.blocks:
            if isinstance(block, Heading):
                if block.level == 1:
                    if not title_seen:
                        self.canvas.data["title"] = block.text
                        self.canvas.positions[("title",)] = Position(block.line, block.column)
                        title_seen = True
                    section, item = None, None
                elif block.level == 2:
                    item = None
                    section = self.section(block)
                elif block.level == 3:
                    item = None
                    if section in ("problems", "needs", "motivators"):
                        item, item_path = self.new_item(section, block)
                continue
            if section is None:
                continue
            if section in ("conversion", "actions"):
                self.section_field(section, block)
            elif item is not None:
                self.item_field(section, item, item_path, block)

    def section(self, heading: Heading) -> str | None:
        terms = _section_terms(heading.text)  # "Problems", "1. Problems", "业务问题 Business Problems", ...
        if not terms:
            return self.guess_section(heading)
        term = terms[0][1]
        if voc.SECTIONS.lookup(heading.text) is term:
            self.token("heading", heading.line, heading.column, heading.text, voc.SECTIONS, term)
        other = next(((text, t) for text, t in terms if t is not term), None)
        if other is not None:  # "Problems 购买需求": read as the first
            self.canvas.diagnostics.append(
                Diagnostic(
                    self.doc.path,
                    heading.line,
                    heading.column,
                    "S008",
                    "section.two_sections",
                    Severity.WARNING,
                    {"heading": heading.text, "first": terms[0][0], "second": other[0]},
                )
            )
        name = term.slug
        path: JsonPath = (name,)
        if name in self.canvas.data:  # the same section twice: carry on in the first
            self.canvas.diagnostics.append(
                Diagnostic(
                    self.doc.path,
                    heading.line,
                    heading.column,
                    "S007",
                    "section.duplicate",
                    Severity.WARNING,
                    {"section": heading.text},
                )
            )
            return name
        self.canvas.data[name] = {"triggers": []} if name == "conversion" else []
        self.canvas.positions[path] = Position(heading.line, heading.column)
        self.canvas.key_positions[path] = Position(heading.line, heading.column)
        return name

    def guess_section(self, heading: Heading) -> str | None:
        """A ``##`` heading that names no section: read it as the section it is closest to, when the canvas has
        no heading for that section (``## Business problems & diagnosis``); otherwise it is a section of the
        rep's own, which vplint ignores."""
        near = _closest_section(heading.text)
        if near is None or near in self._named or near in self.canvas.guessed:
            return None
        self.canvas.guessed[near] = Unread(heading.text, heading.line, heading.column, near)
        self.canvas.data[near] = {"triggers": []} if near == "conversion" else []
        self.canvas.positions[(near,)] = Position(heading.line, heading.column)
        self.canvas.key_positions[(near,)] = Position(heading.line, heading.column)
        return near

    def new_item(self, section: str, heading: Heading) -> tuple[dict[str, Any], JsonPath]:
        items = self.canvas.data[section]
        path: JsonPath = (section, len(items))
        m = _ITEM_ID.match(unicodedata.normalize("NFKC", heading.text))  # "Ｐ１" typed in full-width mode is P1
        item: dict[str, Any] = {}
        if m:
            item["id"] = m.group(1)
            item["title"] = m.group(2).strip()
            self.canvas.positions[(*path, "id")] = Position(heading.line, heading.column)
            self.canvas.positions[(*path, "title")] = Position(heading.line, heading.column + m.start(2))
        else:
            item["title"] = heading.text
            self.canvas.positions[(*path, "title")] = Position(heading.line, heading.column)
        if section == "problems":
            item["diagnoses"] = []
        elif section == "needs":
            item["solves"] = []
            item["serves"] = []
        items.append(item)
        self.canvas.positions[path] = Position(heading.line, heading.column)
        return item, path

    def split_field(self, block: Item) -> tuple[str, str, int] | None:
        """``Key: value`` -> (key, value, value column)."""
        m = _FIELD.match(block.text)
        if not m:
            return None
        value = m.group(3)
        if not value and block.children:
            value = ", ".join(block.children)
        self._colon = Token("colon", block.line, block.column + m.start(2), m.group(2))
        self._single_line = not block.children and not block.continuations
        return m.group(1), value.strip(), block.column + m.start(3)

    def token(
        self,
        role: str,
        line: int,
        column: int,
        text: str,
        vocab: voc.Vocabulary | None = None,
        term: voc.Term | None = None,
    ) -> None:
        self.canvas.tokens.append(
            Token(role, line, column, text, vocab.name if vocab else "", term.slug if term else "")
        )

    def key_tokens(self, block: Item, raw_key: str, vocab: voc.Vocabulary, term: voc.Term) -> None:
        """The field name and its colon, when they are written plainly (no emphasis)."""
        if block.text.startswith(raw_key):
            self.token("key", block.line, block.column, raw_key, vocab, term)
            if self._colon.column == block.column + len(raw_key):
                self.canvas.tokens.append(self._colon)

    def value_token(self, vocab: voc.Vocabulary, text: str, line: int, column: int) -> int:
        """Record the vocabulary term that ``text`` starts with; return how much of ``text`` it spans (0: none)."""
        stripped = text.lstrip()
        column += len(text) - len(stripped)
        term = vocab.lookup(stripped.rstrip())
        if term is not None:
            self.token("value", line, column, stripped.rstrip(), vocab, term)
            return len(text.rstrip())
        found = vocab.match_prefix(stripped, strict=True)
        if found is None:
            return 0
        self.token("value", line, column, stripped[: found[1]], vocab, found[0])
        return len(text) - len(stripped) + found[1]

    def item_field(self, section: str, item: dict[str, Any], path: JsonPath, block: Item) -> None:
        parsed = self.split_field(block)
        if parsed is None or _PLACEHOLDER_ONLY.match(parsed[1]):
            return  # a field left as "TODO" is not filled in (H002 reports the placeholder)
        raw_key, value, vcol = parsed
        term = voc.FIELDS[section].lookup(raw_key)
        if term is None:
            return
        self.key_tokens(block, raw_key, voc.FIELDS[section], term)
        key = term.slug
        kpos = Position(block.line, block.column)
        vpos = Position(block.line, vcol)
        handler = getattr(self, f"f_{key}", None)
        repeatable = key in ("diagnosis", "serves", "solves", "for")
        if not repeatable and key in item:
            self.canvas.diagnostics.append(
                Diagnostic(
                    self.doc.path,
                    kpos.line,
                    kpos.column,
                    "S007",
                    "field.duplicate",
                    Severity.WARNING,
                    {"field": raw_key},
                )
            )
            return
        if handler is not None:
            handler(item, path, value, kpos, vpos)
        else:
            item[key] = value
            self.canvas.positions[(*path, key)] = vpos
            self.canvas.key_positions[(*path, key)] = kpos

    def section_field(self, section: str, block: Item) -> None:
        parsed = self.split_field(block)
        if parsed is None or _PLACEHOLDER_ONLY.match(parsed[1]):
            return
        raw_key, value, vcol = parsed
        kpos = Position(block.line, block.column)
        if section == "actions":
            lever_key, targets = _action_targets(raw_key)  # "Inform (M1, M2)": the lever and what it works on
            term = voc.LEVER.lookup(lever_key)
            if term is None:  # "- Educate: ...": A001 names it
                close = voc.LEVER.suggest(lever_key, n=1)
                self.canvas.unread_levers.append(Unread(lever_key, block.line, block.column, close[0] if close else ""))
                return
            self.key_tokens(block, lever_key, voc.LEVER, term)
            actions = self.canvas.data["actions"]
            path: JsonPath = ("actions", len(actions))
            action: dict[str, Any] = {"lever": term.slug, "text": value}
            if targets is not None:
                action["for"] = [ref for ref, _ in targets]
                for index, (_, offset) in enumerate(targets):
                    self.canvas.positions[(*path, "for", index)] = Position(block.line, block.column + offset)
                self.canvas.positions[(*path, "for")] = Position(block.line, block.column + targets[0][1])
            actions.append(action)
            self.canvas.positions[path] = kpos
            self.canvas.positions[(*path, "lever")] = kpos
            self.canvas.positions[(*path, "text")] = Position(block.line, vcol)
            return
        key_term = voc.FIELDS["conversion"].lookup(raw_key)
        if key_term is None:
            return
        self.key_tokens(block, raw_key, voc.FIELDS["conversion"], key_term)
        triggers = self.canvas.data["conversion"]["triggers"]
        for text, offset in _split_list(value):
            path = ("conversion", "triggers", len(triggers))
            triggers.append(_canonical(voc.TRIGGER, text))
            self.canvas.positions[path] = Position(block.line, vcol + offset)
            self.value_token(voc.TRIGGER, text, block.line, vcol + offset)

    # field handlers: (item, item path, value, key position, value position)
    def _set(self, item: dict[str, Any], path: JsonPath, key: str, value: Any, kpos: Position, vpos: Position) -> None:
        item[key] = value
        self.canvas.positions[(*path, key)] = vpos
        self.canvas.key_positions[(*path, key)] = kpos

    def f_type(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        self.value_token(voc.PROBLEM_TYPE, value, vpos.line, vpos.column)
        self._set(item, path, "type", _canonical(voc.PROBLEM_TYPE, value), kpos, vpos)

    def f_kind(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        self.value_token(voc.MOTIVATOR, value, vpos.line, vpos.column)
        self._set(item, path, "kind", _canonical(voc.MOTIVATOR, value), kpos, vpos)

    def f_continuity(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        self.value_token(voc.CONTINUITY, value, vpos.line, vpos.column)
        self._set(item, path, "continuity", _canonical(voc.CONTINUITY, value), kpos, vpos)

    def separator_token(self, value: str, start: int, vpos: Position) -> None:
        """The separator between a vocabulary value ending at ``start`` and the free text after it."""
        m = _SEP_TOKEN.match(value, start)
        if m and m.end() < len(value) and m.group(0):
            self.token("separator", vpos.line, vpos.column + start, m.group(0))

    def f_diagnosis(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        dpath: JsonPath = (*path, "diagnoses", len(item["diagnoses"]))
        method, detail, _ = _head(voc.DIAGNOSIS_METHOD, value)
        used = self.value_token(voc.DIAGNOSIS_METHOD, value, vpos.line, vpos.column)
        if used:
            self.separator_token(value, used, vpos)
        entry: dict[str, Any] = {"detail": detail}
        if method is not None:
            entry = {"method": method, "detail": detail}
            self.canvas.positions[(*dpath, "method")] = vpos
        item["diagnoses"].append(entry)
        self.canvas.positions[dpath] = vpos
        self.canvas.key_positions[dpath] = kpos
        self.canvas.key_positions.setdefault((*path, "diagnoses"), kpos)
        self.canvas.positions.setdefault((*path, "diagnoses"), kpos)

    def f_solves(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        if self._single_line:  # a list written as a sub-list or over several lines cannot be rewritten in place
            self.token("refs", vpos.line, vpos.column, value)
        self.canvas.key_positions.setdefault((*path, "solves"), kpos)
        self.canvas.positions.setdefault((*path, "solves"), vpos)
        for text, offset in _split_list(value):
            self.canvas.positions[(*path, "solves", len(item["solves"]))] = Position(vpos.line, vpos.column + offset)
            item["solves"].append(text)

    def f_for(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        """A motivator's ``For``: the problems it makes more important or urgent."""
        refs = item.setdefault("for", [])
        self.canvas.key_positions.setdefault((*path, "for"), kpos)
        self.canvas.positions.setdefault((*path, "for"), vpos)
        for text, offset in _split_list(value):
            self.canvas.positions[(*path, "for", len(refs))] = Position(vpos.line, vpos.column + offset)
            refs.append(text)

    def f_origin(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        self.value_token(voc.ORIGIN, value, vpos.line, vpos.column)
        self._set(item, path, "origin", _canonical(voc.ORIGIN, value), kpos, vpos)

    def _level_area(self, value: str, vpos: Position, path: JsonPath) -> dict[str, Any]:
        head, detail = _split_detail(value)
        parts = [p for p in re.split(r"\s*[/／>→]\s*", head) if p.strip()]
        out: dict[str, Any] = {}
        if not parts:
            return out
        level = voc.LEVEL.lookup(parts[0])
        if len(parts) == 1:
            area = voc.AREA.lookup(parts[0])
            dashed = None if level or area else _dashed_level(head)
            if level is not None:
                out["level"] = level.slug
                if head == parts[0]:
                    self.token("value", vpos.line, vpos.column, head, voc.LEVEL, level)
                if detail:  # "Financial: cost-efficiency", "财务：成本和效率": the level's area after a separator
                    detail = self._area_after(out, level, value, len(head), vpos, path, detail)
            elif area is not None and area.parent:
                out["level"], out["area"] = area.parent, area.slug
                self.canvas.positions[(*path, "area")] = vpos
            elif dashed is not None:  # "运营-生产流程": a level, a dash and an area (kept as written if unknown)
                level, start, end = dashed
                area = voc.AREA.lookup(head[end:])
                out["level"], out["area"] = level.slug, area.slug if area else head[end:].strip()
                self.canvas.positions[(*path, "area")] = Position(vpos.line, vpos.column + end)
                if area is not None:
                    self.token("value", vpos.line, vpos.column, head[:start], voc.LEVEL, level)
                    self.token("pair", vpos.line, vpos.column + start, head[start:end])
                    self.token("value", vpos.line, vpos.column + end, head[end:], voc.AREA, area)
            else:
                out["level"] = parts[0].strip()
        else:
            out["level"] = level.slug if level else parts[0].strip()
            area = voc.AREA.lookup(parts[1])
            out["area"] = area.slug if area else parts[1].strip()
            area_col = vpos.column + head.find(parts[1])
            self.canvas.positions[(*path, "area")] = Position(vpos.line, area_col)
            if level is not None and area is not None and head.startswith(parts[0]):
                self.token("value", vpos.line, vpos.column, parts[0], voc.LEVEL, level)
                sep = _PAIR.match(head, len(parts[0]))
                if sep is not None and vpos.column + sep.end() == area_col:
                    self.token("pair", vpos.line, vpos.column + sep.start(), sep.group(0))
                self.token("value", vpos.line, area_col, parts[1], voc.AREA, area)
        self.canvas.positions[(*path, "level")] = vpos
        if detail:
            out["detail"] = detail
        return out

    def _area_after(
        self, out: dict[str, Any], level: voc.Term, value: str, start: int, vpos: Position, path: JsonPath, detail: str
    ) -> str:
        """Read an area of ``level`` written after the separator at ``start`` into ``out``; return what detail is left.

        Only an area of that very level counts (``Customer: service`` keeps "service" as its detail), and only
        when a separator or the end follows it (``Financial: cost of goods ...`` is detail).
        """
        sep = _DETAIL_SEP.match(value, start)
        if sep is None:
            return detail
        rest = value[sep.end() :]
        found = voc.AREA.match_prefix(rest, strict=True)
        if found is None or found[0].parent != level.slug:
            return detail
        if rest[found[1] :].strip() and not _DETAIL_SEP.match(rest, found[1]):
            return detail  # "财务：成本，降本" stays detail: written with '/', "成本，降本" would be its area
        out["area"] = found[0].slug
        self.canvas.positions[(*path, "area")] = Position(vpos.line, vpos.column + sep.end())
        self.token("pair", vpos.line, vpos.column + sep.start(), sep.group(0))
        self.token("value", vpos.line, vpos.column + sep.end(), rest[: found[1]], voc.AREA, found[0])
        return _strip_sep(rest[found[1] :])

    def f_strategy(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        spath: JsonPath = (*path, "strategy")
        self._set(item, path, "strategy", self._level_area(value, vpos, spath), kpos, vpos)

    def f_serves(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        self.canvas.key_positions.setdefault((*path, "serves"), kpos)
        self.canvas.positions.setdefault((*path, "serves"), vpos)
        head, _ = _split_detail(value)  # "financial/cost - lower DSO, faster close": the detail is not a list
        entries = _split_list(head)
        for index, (text, offset) in enumerate(entries):
            if index == len(entries) - 1:
                text = value[offset:]  # the last entry keeps the detail (and "财务：成本和效率" its area)
            spath: JsonPath = (*path, "serves", len(item["serves"]))
            p = Position(vpos.line, vpos.column + offset)
            self.canvas.positions[spath] = p
            item["serves"].append(self._level_area(text, p, spath))

    def f_change(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        cpath: JsonPath = (*path, "change")
        out: dict[str, Any] = {}
        rest = value
        scope = voc.SCOPE.match_prefix(value) or _dashed_scope(value)
        pair = None
        separated = False
        if scope is not None:
            out["scope"] = scope[0].slug
            pair = _SCOPE_SEP.match(value, scope[1])  # "external/", "外部：", "external - ", "外部（"
            assert pair is not None  # every part of it is optional
            rest = value[pair.end() :]
        bracket = pair is not None and pair.group("open") is not None
        cat = voc.CHANGE_CATEGORY.match_prefix(rest, strict=True)
        if cat is not None and not (_CLOSE if bracket else _CLASS_END).match(rest, cat[1]):
            cat = None  # "Technology budget was cut" is a description, not a classification
        cat_start = len(value) - len(rest)
        joined = scope is not None and _WORD_NEXT.match(value, scope[1]) is not None
        if scope is not None and (not joined or (cat is not None and pair is not None and pair.group(0))):
            # not where a rewritten spelling would run into the next word ("外部-x" as "external-x" is no scope)
            self.token("value", vpos.line, vpos.column, value[: scope[1]], voc.SCOPE, scope[0])
        if cat is not None:
            out["category"] = cat[0].slug
            out.setdefault("scope", cat[0].parent)
            self.canvas.positions[(*cpath, "category")] = Position(vpos.line, vpos.column + cat_start)
            if pair is not None and pair.group(0):
                self.token("pair", vpos.line, vpos.column + pair.start(), pair.group(0))
            self.token("value", vpos.line, vpos.column + cat_start, rest[: cat[1]], voc.CHANGE_CATEGORY, cat[0])
            if bracket:  # "外部（政策）—— 新规": the closing bracket goes with the separator after it
                close = _CLOSE.match(value, cat_start + cat[1])
                assert close is not None  # it matched there as the category's end
                role = "separator" if close.end() < len(value) else "close"
                self.token(role, vpos.line, vpos.column + close.start(), close.group(0))
                rest = value[close.end() :]
                if close.group(0).strip() not in ")）":  # the separator went with the bracket: the rest is description
                    separated = True
            else:
                self.separator_token(value, cat_start + cat[1], vpos)
                rest = rest[cat[1] :]
        elif pair is not None and bracket and (inner := _BRACKETED.match(rest)) and len(inner.group(1).split()) <= 3:
            out["category"] = inner.group(1).strip()  # "外部（五力）": an unknown category, for the schema to list
            self.canvas.positions[(*cpath, "category")] = Position(vpos.line, vpos.column + cat_start)
            rest = rest[inner.end() :]
        elif pair is not None and pair.group("dash") is None:
            rest = re.sub(r"^\s*[/／:：]?\s*", "", value[pair.start() :])
            word, _, _ = _head(None, rest)
            if word and "/" not in word:
                out["category"] = word
                self.canvas.positions[(*cpath, "category")] = Position(vpos.line, vpos.column + value.find(rest))
                rest = rest[len(word) :]
        elif scope is None:
            m = re.match(r"^\s*([^\s/／]+)\s*[/／]\s*([^\s]+?)(?=\s*(?:[-–—:：]|$))", value)
            if m:  # "exteral/politcal - ..." : a classification we do not recognise
                out["scope"] = m.group(1)
                out["category"] = m.group(2)
                self.canvas.positions[(*cpath, "category")] = Position(vpos.line, vpos.column + m.start(2))
                rest = value[m.end() :]
        out["description"] = rest.strip() if separated else _strip_sep(rest)
        self.canvas.positions[(*cpath, "scope")] = vpos
        self._set(item, path, "change", out, kpos, vpos)

    def f_evidence(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        reference = reference_date(self.canvas.data.get("updated"))  # gives 11月10日 its year
        self._set(item, path, "evidence", {"text": value, "dates": find_dates(value, reference)}, kpos, vpos)


_ITEM_ID = re.compile(r"^([A-Za-z]{1,4}-?\d{1,4})(?=$|[\s:：.、,，)\-–—])[\s:：.、,，)\-–—]*(.*)$")
_FIELD = re.compile(r"^(?:\*\*|__)?([^:：*]{1,40}?)(?:\*\*|__)?(\s*[:：](?:\*\*|__)?\s*)(.*)$", re.S)
_SEP = re.compile(r"^\s*(?:[-–—]+|[:：,，;；]|——)\s*")
_PLACEHOLDER_ONLY = re.compile(
    r"^\s*(?:TODO|TBD|FIXME|XXX|\?{3,}|？{3,}|待补充|待定|待填写|待确认|<[^<>]*>|＜[^＜＞]*＞)\s*[.。!！:：]*\s*$",
    re.IGNORECASE,
)
"""A value that is nothing but a placeholder: the field counts as not filled in."""
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})\s*[.、．)）:：]\s*")
_SECTION_PARTS = re.compile(r"[()（）/|｜:：,，、]+")
_HAN_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")


def _section_terms(heading: str) -> list[tuple[str, voc.Term]]:
    """The sections a ``##`` heading names, each with the words that name it, in order.

    The whole text (without a leading ``1.`` or ``一、``) may be a section's spelling; otherwise each part
    between brackets, slashes, bars, colons and commas is looked up, and a part written in two scripts
    (``业务问题 Business Problems``, ``Problems 业务问题``) counts when each script's words are a spelling.
    Several entries naming different sections mean the heading names two sections.
    """
    for whole in (heading, _NUMBERING.sub("", heading)):
        term = voc.SECTIONS.lookup(whole)
        if term is not None:
            return [(whole.strip(), term)]
    found: list[tuple[str, voc.Term]] = []
    for part in _SECTION_PARTS.split(_NUMBERING.sub("", heading)):
        part = part.strip()
        term = voc.SECTIONS.lookup(part) if part else None
        if term is not None:
            found.append((part, term))
            continue
        runs = [r.strip() for r in _HAN_RUNS.findall(part) if r.strip()]
        terms = [voc.SECTIONS.lookup(r) for r in runs]
        if len(runs) > 1 and all(terms):
            found.extend((r, t) for r, t in zip(runs, terms, strict=True) if t is not None)
    return found


def _closest_section(heading: str) -> str | None:
    """The section a heading that names none most resembles: one whose spelling starts it (``Business problems
    & diagnosis``, ``业务问题与诊断``), else the closest spelling by difflib, for the whole text or a part."""
    text = _NUMBERING.sub("", heading).strip()
    found = voc.SECTIONS.match_prefix(text)
    if found is not None:
        return found[0].slug
    pieces = [text, *(p.strip() for p in _SECTION_PARTS.split(text))]
    pieces += [r.strip() for p in pieces for r in _HAN_RUNS.findall(p)]
    for piece in pieces:
        close = voc.SECTIONS.suggest(piece, n=1, cutoff=0.7) if piece else []
        if close:
            return close[0]
    return None


_CLASS_END = re.compile(r"\s*(?:$|[-–—/／:：,，;；]|——)")
_SEP_TOKEN = re.compile(r"\s+[-–—]+\s+|\s*——\s*|\s*—\s*|\s*[:：]\s*")
_DETAIL_SEP = re.compile(r"\s+[-–—]\s+|\s*——\s*|\s*—\s*|\s*[:：]\s*")
_PAIR = re.compile(r"\s*[/／>→]\s*")
"""Between a level and its area (``operations/service-process``)."""
_SCOPE_SEP = re.compile(r"\s*(?:(?P<open>[(（])|(?P<dash>[-–—]+)|[/／:：])?\s*")
"""After a change's scope: ``/``, a colon, a space, a dash (``external - political``) or a bracket (``外部（政策``)."""
_CLOSE = re.compile(r"\s*[)）](?:\s*(?:[-–—]+|[:：,，;；]))?\s*")
"""The bracket that closes ``外部（政策）``, with the separator after it."""
_WORD_NEXT = re.compile(r"[\w-]")
_BRACKETED = re.compile(r"([^()（）]{1,40}?)\s*[)）]")


def _strip_sep(text: str) -> str:
    return _SEP.sub("", text).strip()


def _split_detail(value: str) -> tuple[str, str]:
    m = _DETAIL_SEP.search(value)
    if not m:
        return value.strip(), ""
    return value[: m.start()].strip(), value[m.end() :].strip()


def _dashed_level(head: str) -> tuple[voc.Term, int, int] | None:
    """``运营-生产流程``, ``financial-cost-efficiency``: a level joined to an area by a dash without spaces.

    Returns the level and where the dash starts and ends: the first split whose right side is a known
    area (``learning-growth-capability``), else the longest level (its area is then kept as written).
    """
    found = None
    for m in re.finditer(r"[-–]+", head):
        if m.start() > 40:  # longer than any level's spelling: stop (and stay linear in long values)
            break
        left, right = head[: m.start()], head[m.end() :]
        level = voc.LEVEL.lookup(left)
        if level is None or not right.strip() or right[0].isspace() or left[-1:].isspace():
            continue
        if voc.AREA.lookup(right) is not None:
            return level, m.start(), m.end()
        found = (level, m.start(), m.end())
    return found


def _dashed_scope(value: str) -> tuple[voc.Term, int] | None:
    """``external-political``: an English scope joined to a known category by a hyphen.

    (A Latin spelling must end at a word boundary, so ``match_prefix`` does not see this scope.)
    """
    m = re.match(r"[A-Za-z]+(?=[-–]\S)", value)
    if m is None:
        return None
    scope = voc.SCOPE.lookup(m.group(0))
    cat = voc.CHANGE_CATEGORY.match_prefix(value[m.end() + 1 :], strict=True)
    if scope is None or cat is None or not _CLASS_END.match(value, m.end() + 1 + cat[1]):
        return None
    return scope, m.end()


def _head(vocab: voc.Vocabulary | None, value: str) -> tuple[str | None, str, int]:
    """Split ``method - detail``: the vocabulary term at the start (canonical) and the rest.

    Where no known spelling starts the value but a separator follows a short head, the
    head is returned as written (the schema then reports it with suggestions); where
    there is no separator at all the whole value is detail.
    """
    if vocab is not None:
        found = vocab.match_prefix(value)
        if found is not None:
            return found[0].slug, _strip_sep(value[found[1] :]), found[1]
    head, detail = _split_detail(value)
    if detail and head and len(head) <= 40 and len(head.split()) <= 3:
        return head, detail, len(head)
    if vocab is None:
        return None, value, 0
    if vocab.lookup(value) is None and len(value.split()) == 1 and len(value) <= 40 and value.isascii():
        return value, "", len(value)
    return None, value, 0


def _canonical(vocab: voc.Vocabulary, value: str) -> str:
    term = vocab.lookup(value)
    if term is None:
        found = vocab.match_prefix(value, strict=True)
        if found is not None:
            term = found[0]
    return term.slug if term else value


_ID_LIST = re.compile(
    r"[A-Za-z]{1,4}-?\d{1,4}(?:(?:\s*[,，、;；]\s*|\s*(?:[,，]\s*)?(?:\band\b|&|和|及|与)\s*|\s+)[A-Za-z]{1,4}-?\d{1,4})*",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"[^,，、;；\s]+(?:[ \t]+[^,，、;；\s]+)*")


def _split_list(value: str) -> list[tuple[str, int]]:
    """``P1, P2、P3`` -> [(text, offset)]; a single space does not split ``more resources``.

    A list of ids alone may also be joined by spaces, ``and``, ``&``, 和, 及 or 与 (``P1 和 P2``).
    """
    out: list[tuple[str, int]] = []
    if _ID_LIST.fullmatch(value.strip()):
        return [(m.group(0), m.start()) for m in re.finditer(r"[A-Za-z]{1,4}-?\d{1,4}", value)]
    for m in _LIST_ITEM.finditer(value):
        out.append((m.group(0), m.start()))
    return out


_ACTION_TARGETS = re.compile(r"^(.*?)\s*[(（]([^()（）]*)[)）]\s*$")


def _action_targets(key: str) -> tuple[str, list[tuple[str, int]] | None]:
    """``Inform (M1, M2)`` -> ("Inform", [("M1", 8), ("M2", 12)]): the lever, and the ids in brackets with their
    offsets in ``key``; a key without brackets -> (key, None)."""
    m = _ACTION_TARGETS.match(key)
    if m is None:
        return key, None
    start = m.start(2)
    return m.group(1), [(text, start + offset) for text, offset in _split_list(m.group(2))]


def _first_text_line(text: str, line: int) -> int:
    """The first line at or after ``line`` that is not blank (where "the body" visibly starts), nor a suppression
    comment: ``<!-- vplint-disable-next-line T001 -->`` put above that line suppresses what is reported there."""
    lines = text.split("\n")
    for n in range(line, len(lines) + 1):
        stripped = lines[n - 1].strip()
        if stripped and not HTML_DIRECTIVE.fullmatch(stripped):
            return n
    return line


def build_canvas(doc: Document) -> Canvas:
    """The canvas model of a parsed document (its F-diagnostics are carried over)."""
    b = _Builder(doc)
    b.canvas.text = doc.text
    b.canvas.diagnostics.extend(doc.diagnostics)
    b.front_matter()
    b.body()
    _map_continuations(b.canvas, doc)
    return b.canvas


def _map_continuations(canvas: Canvas, doc: Document) -> None:
    """Move positions computed past the end of a list item's first line onto its continuation lines.

    The builder reads a field's value as one text (continuation lines joined) and counts
    columns along it; here each such position is put back on the line it came from.
    """
    wrapped = {b.line: b for b in doc.blocks if isinstance(b, Item) and b.continuations}
    if not wrapped:
        return

    def fix(line: int, column: int) -> tuple[int, int]:
        item = wrapped.get(line)
        if item is None or column - item.column < item.continuations[0][0]:
            return line, column
        return item.position(column - item.column)

    for table in (canvas.positions, canvas.key_positions):
        for path, pos in table.items():
            line, column = fix(pos.line, pos.column)
            if (line, column) != (pos.line, pos.column):
                table[path] = Position(line, column)
    canvas.tokens = [replace(t, line=fix(t.line, t.column)[0], column=fix(t.line, t.column)[1]) for t in canvas.tokens]
