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

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from vplint.diagnostics import Diagnostic, Position, Severity
from vplint.model import vocabulary as voc
from vplint.parser.document import Document, Heading, Item, YMap, YNode, YScalar, YSeq

__all__ = ["MODEL_VERSION", "Canvas", "JsonPath", "Token", "build_canvas", "detect_language", "find_dates"]

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


# --- dates --------------------------------------------------------------------------------

_DATE_RES = (
    re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
)


def find_dates(text: str) -> list[str]:
    """Calendar dates written in ``text`` (``2026-10-12``, ``2026/10/12``, ``2026年10月12日``), as ISO."""
    found: list[tuple[int, str]] = []
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            try:
                d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            found.append((m.start(), d.isoformat()))
    return [iso for _, iso in sorted(found)]


# --- front-matter -------------------------------------------------------------------------

_FM_VOCAB = {"function": voc.FUNCTION, "offering": voc.OFFERING, "language": voc.LANGUAGE}
_BODY_KEYS = {"problems", "needs", "motivators", "conversion", "actions", "title", "model_version"}


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._colon = Token("colon", 0, 0, "")
        self._single_line = True
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
            if key == "decision_maker" and isinstance(v, YMap):
                self.canvas.positions[(*path, key)] = Position(v.line, v.column)
                out[key] = self.mapping(v, (*path, key), voc.DECISION_MAKER_KEYS)
                continue
            value = self.plain(v, (*path, key))
            vocab = _FM_VOCAB.get(key)
            if vocab is not None and isinstance(value, str):
                t = vocab.lookup(value)
                if t is not None:
                    value = t.slug
            out[key] = value
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
        term = voc.SECTIONS.lookup(heading.text)
        if term is not None:
            self.token("heading", heading.line, heading.column, heading.text, voc.SECTIONS, term)
        if term is None:  # "1. Problems", "一、业务问题", "Problems (业务问题)"
            text = _NUMBERING.sub("", heading.text)
            for part in [text, *re.split(r"[()（）/|｜:：]+", text)]:
                if part.strip():
                    term = voc.SECTIONS.lookup(part)
                    if term is not None:
                        break
        if term is None:
            return None
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
        repeatable = key in ("diagnosis", "serves", "solves")
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
            term = voc.LEVER.lookup(raw_key)
            if term is None:
                return
            self.key_tokens(block, raw_key, voc.LEVER, term)
            actions = self.canvas.data["actions"]
            path: JsonPath = ("actions", len(actions))
            actions.append({"lever": term.slug, "text": value})
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

    def _level_area(self, value: str, vpos: Position, path: JsonPath) -> dict[str, Any]:
        head, detail = _split_detail(value)
        parts = [p for p in re.split(r"\s*[/／>→]\s*", head) if p.strip()]
        out: dict[str, Any] = {}
        if not parts:
            return out
        level = voc.LEVEL.lookup(parts[0])
        if len(parts) == 1:
            area = voc.AREA.lookup(parts[0])
            if level is not None:
                out["level"] = level.slug
                if head == parts[0]:
                    self.token("value", vpos.line, vpos.column, head, voc.LEVEL, level)
            elif area is not None and area.parent:
                out["level"], out["area"] = area.parent, area.slug
                self.canvas.positions[(*path, "area")] = vpos
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
                self.token("value", vpos.line, area_col, parts[1], voc.AREA, area)
        self.canvas.positions[(*path, "level")] = vpos
        if detail:
            out["detail"] = detail
        return out

    def f_strategy(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        spath: JsonPath = (*path, "strategy")
        self._set(item, path, "strategy", self._level_area(value, vpos, spath), kpos, vpos)

    def f_serves(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        self.canvas.key_positions.setdefault((*path, "serves"), kpos)
        self.canvas.positions.setdefault((*path, "serves"), vpos)
        head, detail = _split_detail(value)  # "financial/cost - lower DSO, faster close": the detail is not a list
        for text, offset in _split_list(head):
            spath: JsonPath = (*path, "serves", len(item["serves"]))
            p = Position(vpos.line, vpos.column + offset)
            self.canvas.positions[spath] = p
            item["serves"].append(self._level_area(text, p, spath))
        if detail and item["serves"]:
            item["serves"][-1]["detail"] = detail

    def f_change(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        cpath: JsonPath = (*path, "change")
        out: dict[str, Any] = {}
        rest = value
        scope = voc.SCOPE.match_prefix(value)
        if scope is not None:
            out["scope"] = scope[0].slug
            rest = re.sub(r"^\s*[/／:：]?\s*", "", value[scope[1] :])
            self.token("value", vpos.line, vpos.column, value[: scope[1]], voc.SCOPE, scope[0])
        cat = voc.CHANGE_CATEGORY.match_prefix(rest, strict=True)
        if cat is not None and not _CLASS_END.match(rest, cat[1]):
            cat = None  # "Technology budget was cut" is a description, not a classification
        if cat is not None:
            out["category"] = cat[0].slug
            out.setdefault("scope", cat[0].parent)
            cat_start = len(value) - len(rest)
            self.canvas.positions[(*cpath, "category")] = Position(vpos.line, vpos.column + cat_start)
            self.token("value", vpos.line, vpos.column + cat_start, rest[: cat[1]], voc.CHANGE_CATEGORY, cat[0])
            self.separator_token(value, cat_start + cat[1], vpos)
            rest = rest[cat[1] :]
        elif scope is not None:
            word, _, _ = _head(None, rest)
            if word and "/" not in word:
                out["category"] = word
                self.canvas.positions[(*cpath, "category")] = Position(vpos.line, vpos.column + value.find(rest))
                rest = rest[len(word) :]
        else:
            m = re.match(r"^\s*([^\s/／]+)\s*[/／]\s*([^\s]+?)(?=\s*(?:[-–—:：]|$))", value)
            if m:  # "exteral/politcal - ..." : a classification we do not recognise
                out["scope"] = m.group(1)
                out["category"] = m.group(2)
                self.canvas.positions[(*cpath, "category")] = Position(vpos.line, vpos.column + m.start(2))
                rest = value[m.end() :]
        out["description"] = _strip_sep(rest)
        self.canvas.positions[(*cpath, "scope")] = vpos
        self._set(item, path, "change", out, kpos, vpos)

    def f_evidence(self, item: dict[str, Any], path: JsonPath, value: str, kpos: Position, vpos: Position) -> None:
        self._set(item, path, "evidence", {"text": value, "dates": find_dates(value)}, kpos, vpos)


_ITEM_ID = re.compile(r"^([A-Za-z]{1,4}-?\d{1,4})(?=$|[\s:：.、,，)\-–—])[\s:：.、,，)\-–—]*(.*)$")
_FIELD = re.compile(r"^(?:\*\*|__)?([^:：*]{1,40}?)(?:\*\*|__)?(\s*[:：](?:\*\*|__)?\s*)(.*)$", re.S)
_SEP = re.compile(r"^\s*(?:[-–—]+|[:：,，;；]|——)\s*")
_PLACEHOLDER_ONLY = re.compile(
    r"^\s*(?:TODO|TBD|FIXME|XXX|\?{3,}|？{3,}|待补充|待定|待填写|待确认|<[^<>]*>|＜[^＜＞]*＞)\s*[.。!！:：]*\s*$",
    re.IGNORECASE,
)
"""A value that is nothing but a placeholder: the field counts as not filled in."""
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})\s*[.、．)）:：]\s*")
_CLASS_END = re.compile(r"\s*(?:$|[-–—/／:：,，;；]|——)")
_SEP_TOKEN = re.compile(r"\s+[-–—]+\s+|\s*——\s*|\s*—\s*|\s*[:：]\s*")
_DETAIL_SEP = re.compile(r"\s+[-–—]\s+|\s*——\s*|\s*—\s*|\s*[:：]\s*")


def _strip_sep(text: str) -> str:
    return _SEP.sub("", text).strip()


def _split_detail(value: str) -> tuple[str, str]:
    m = _DETAIL_SEP.search(value)
    if not m:
        return value.strip(), ""
    return value[: m.start()].strip(), value[m.end() :].strip()


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


def _first_text_line(text: str, line: int) -> int:
    """The first line at or after ``line`` that is not blank (where "the body" visibly starts)."""
    lines = text.split("\n")
    for n in range(line, len(lines) + 1):
        if lines[n - 1].strip():
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
