"""Completion: section headings after ``## `` and an item's field names at the start of a list line
(:mod:`vplint.lsp.keys`); vocabulary values after a field's colon (``Type:``, ``Kind:``,
``Strategy: operations/`` ...), in the front-matter (``offering:``, ``buying_role:``, ``language:``),
lever names under Actions, and ids after ``Solves:``, ``For:`` and in an action's ``(``.  Values are
offered as the canvas's language writes them canonically (slugs in English, the Chinese terms in
Chinese), the way ``--fix`` would leave them; an alias typed matches its term."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lsprotocol import types

from vplint.lsp.buffers import Buffer
from vplint.lsp.keys import FIELD_START, HEADING, field_items, heading_items, item_lines
from vplint.model import vocabulary as voc

__all__ = ["TRIGGERS", "complete"]

TRIGGERS = [":", "：", " ", ",", "，", "、", "/", "／", "(", "（"]

_FIELD = re.compile(r"^(\s*[-*+]\s+)([^:：]*?)\s*([:：])\s*(.*)$")
_LEVER = re.compile(r"^(\s*[-*+]\s+)([^:：(（]*)$")
_ACTION_REFS = re.compile(r"^(\s*[-*+]\s+)[^:：(（]+[(（]([^)）]*)$")
_FRONT = re.compile(r"^\s*([\w\- ]+?)\s*:\s*(.*)$")
_SECTION = re.compile(r"^##(?!#)\s*(.+?)\s*#*\s*$")
_LAST = re.compile(r"[^\s,，、/／;；]*$")
"""The value being typed: the text after the last separator of a list or a level/area pair."""

_VALUES: dict[tuple[str, str], voc.Vocabulary] = {
    ("problems", "type"): voc.PROBLEM_TYPE,
    ("problems", "diagnosis"): voc.DIAGNOSIS_METHOD,
    ("needs", "origin"): voc.ORIGIN,
    ("needs", "strategy"): voc.LEVEL,
    ("needs", "serves"): voc.LEVEL,
    ("motivators", "kind"): voc.MOTIVATOR,
    ("motivators", "continuity"): voc.CONTINUITY,
    ("motivators", "change"): voc.SCOPE,
    ("conversion", "trigger"): voc.TRIGGER,
}
_PAIRS = {voc.LEVEL.name: voc.AREA, voc.SCOPE.name: voc.CHANGE_CATEGORY}
"""``level/area`` and ``scope/category``: after the slash, the second vocabulary's terms of the first's term."""
_IDS = {("needs", "solves"): "problems", ("motivators", "for"): "problems"}
_FRONT_MATTER = {"offering": voc.OFFERING, "buying_role": voc.FUNCTION, "language": voc.LANGUAGE}


def _spelling(term: voc.Term, lang: str) -> str:
    return term.zh if lang == "zh" else term.slug


def _term_items(
    terms: Iterable[voc.Term], vocabulary: voc.Vocabulary, lang: str, edit: types.Range
) -> list[types.CompletionItem]:
    items = []
    for index, term in enumerate(terms):
        text = _spelling(term, lang)
        other = term.en if lang == "zh" else term.zh
        items.append(
            types.CompletionItem(
                label=text,
                kind=types.CompletionItemKind.EnumMember,
                detail=f"{vocabulary.label(lang)} · {other}",
                filter_text=" ".join(dict.fromkeys((text, *term.spellings))),
                sort_text=f"{index:03d}",
                text_edit=types.TextEdit(range=edit, new_text=text),
            )
        )
    return items


def _id_items(buf: Buffer, section: str, edit: types.Range) -> list[types.CompletionItem]:
    items = []
    for index, (_, item) in enumerate(buf.canvas.items(section)):
        item_id = item.get("id")
        if isinstance(item_id, str) and item_id:
            items.append(
                types.CompletionItem(
                    label=item_id,
                    kind=types.CompletionItemKind.Reference,
                    detail=str(item.get("title") or ""),
                    sort_text=f"{index:03d}",
                    text_edit=types.TextEdit(range=edit, new_text=item_id),
                )
            )
    return items


def _section(buf: Buffer, line0: int) -> str | None:
    """The section the line is in: the ``##`` heading above it, read as vplint reads section headings."""
    for i in range(line0, -1, -1):
        m = _SECTION.match(buf.lines.text(i))
        if m:
            term = voc.SECTIONS.lookup(m.group(1))
            if term is None:
                prefix = voc.SECTIONS.match_prefix(m.group(1))
                term = prefix[0] if prefix is not None else None
            return term.slug if term is not None else None
    return None


def _typed(value: str) -> str:
    """The part of ``value`` being typed: after the last separator of a list or of a level/area pair."""
    m = _LAST.search(value)
    return m.group(0) if m is not None else ""


def complete(buf: Buffer, position: types.Position) -> list[types.CompletionItem]:
    line0 = position.line
    lines = buf.lines
    char = lines.from_client(line0, position.character)
    before = lines.text(line0)[:char]
    lang = buf.language

    def replacing(typed: str) -> types.Range:
        start = types.Position(*lines.to_client(line0, char - len(typed)))
        return types.Range(start, types.Position(*lines.to_client(line0, char)))

    doc = buf.document
    if doc.front_matter is not None and line0 + 1 < doc.body_line:
        m = _FRONT.match(before)
        if m is None:
            return []
        key = voc.FRONT_MATTER_KEYS.lookup(m.group(1)) or voc.DECISION_MAKER_KEYS.lookup(m.group(1))
        vocabulary = _FRONT_MATTER.get(key.slug) if key is not None else None
        if vocabulary is None:
            return []
        return _term_items(vocabulary.terms, vocabulary, lang, replacing(m.group(2)))
    heading = HEADING.match(before)
    if heading is not None:  # "## Mot" -> the section headings, those the canvas lacks first
        present = {slug for slug in voc.SECTIONS.slugs if slug in buf.canvas.data}
        return heading_items(heading.group(1), present, lang, replacing(heading.group(1)))
    section = _section(buf, line0)
    if section is None:
        return []
    start = FIELD_START.match(before)
    if start is not None and section != "actions":  # "- Dia" -> the item's field names, those it lacks first
        above = item_lines([lines.text(i) for i in range(max(0, line0 - 200), line0)])
        return field_items(section, above, lang, replacing(start.group(2)))
    if section == "actions":
        refs = _ACTION_REFS.match(before)
        if refs:
            return _id_items(buf, "motivators", replacing(_typed(refs.group(2))))
        lever = _LEVER.match(before)
        if lever:
            return _term_items(voc.LEVER.terms, voc.LEVER, lang, replacing(lever.group(2)))
        return []
    m = _FIELD.match(before)
    if m is None:
        return []
    fields = voc.FIELDS.get(section)
    key = fields.lookup(m.group(2)) if fields is not None else None
    if key is None:
        return []
    value = m.group(4)
    typed = _typed(value)
    ids = _IDS.get((section, key.slug))
    if ids is not None:
        return _id_items(buf, ids, replacing(typed))
    vocabulary = _VALUES.get((section, key.slug))
    if vocabulary is None:
        return []
    second = _PAIRS.get(vocabulary.name)
    slash = max(value.rfind("/"), value.rfind("／"))  # vplint reads a full-width slash as a slash
    if second is not None and slash >= 0:  # "operations/", "运营／", "operations / "
        first = vocabulary.lookup(_typed(value[:slash].rstrip()))
        if first is None:
            return []
        return _term_items(second.children_of(first.slug), second, lang, replacing(typed))
    return _term_items(vocabulary.terms, vocabulary, lang, replacing(typed))
