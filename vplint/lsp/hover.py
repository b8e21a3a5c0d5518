"""Hover: an id shows the item it names, a rule code (or name) the rule's name and rationale, a vocabulary value
its label in the canvas's language (and its slug and the other language's label), what it means in the method
and a link to the method guide's section on it."""

from __future__ import annotations

import re

from lsprotocol import types

from vplint.i18n import get
from vplint.lint.codes import BUILTIN_CODES
from vplint.lsp.buffers import Buffer
from vplint.lsp.references import at, occurrence_range, occurrences
from vplint.model import vocabulary as voc
from vplint.rules import rule_by_code

__all__ = ["hover"]

_WORD = re.compile(r"[\w-]+")
_CODE = re.compile(r"[A-Za-z]\d{3}")
_MAX_ITEM_LINES = 40
_FRONT_MATTER_VALUES = {
    ("offering",): voc.OFFERING,
    ("decision_maker", "buying_role"): voc.FUNCTION,
    ("language",): voc.LANGUAGE,
}


def _range(buf: Buffer, line0: int, start: int, end: int) -> types.Range:
    lines = buf.lines
    return types.Range(types.Position(*lines.to_client(line0, start)), types.Position(*lines.to_client(line0, end)))


def _markdown(value: str, rng: types.Range) -> types.Hover:
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value), range=rng)


def _item(buf: Buffer, position: types.Position) -> types.Hover | None:
    here = at(buf, position)
    if here is None:
        return None
    definition = next((o for o in occurrences(buf) if o.definition and o.key == here.key), None)
    if definition is None:
        return None
    lines = buf.lines
    block = [lines.text(definition.line0)]
    for line0 in range(definition.line0 + 1, min(len(lines), definition.line0 + _MAX_ITEM_LINES)):
        text = lines.text(line0)
        if text.lstrip().startswith("#"):
            break
        block.append(text)
    while block and not block[-1].strip():
        block.pop()
    return _markdown("\n".join(block), occurrence_range(buf, here))


def _word(buf: Buffer, position: types.Position) -> tuple[str, int, int] | None:
    text = buf.lines.text(position.line)
    char = buf.lines.from_client(position.line, position.character)
    for m in _WORD.finditer(text):
        if m.start() <= char <= m.end():
            return m.group(0), m.start(), m.end()
    return None


def _rule(buf: Buffer, position: types.Position, lang: str) -> types.Hover | None:
    word = _word(buf, position)
    if word is None:
        return None
    text, start, end = word
    rng = _range(buf, position.line, start, end)
    builtin = BUILTIN_CODES.get(text.upper()) if _CODE.fullmatch(text) else None
    if builtin is not None:
        summary = builtin.summary_zh if lang == "zh" else builtin.summary_en
        severity = get(f"docs.severities.{builtin.severity.value}", lang) or builtin.severity.value
        return _markdown(f"**{builtin.code}** · `{builtin.name}` · {severity}\n\n{summary}", rng)
    if not (_CODE.fullmatch(text) or "-" in text):
        return None
    rule = rule_by_code(text)
    if rule is None:
        return None
    severity = get(f"docs.severities.{rule.severity.value}", lang) or rule.severity.value
    return _markdown(f"**{rule.code}** · `{rule.name}` · {severity}\n\n{rule.rationale(lang)}", rng)


def _term_text(term: voc.Term, vocabulary: voc.Vocabulary, lang: str) -> str:
    """The value's label and slug, its vocabulary and other-language label, what it means in the method
    (:mod:`vplint.lsp.meaning`) and the method guide's section on it."""
    from vplint.lsp.meaning import meaning, method_link

    other = term.en if lang == "zh" else term.zh
    parts = [f"**{term.label(lang)}** · `{term.slug}`", f"{vocabulary.label(lang)} · {other}"]
    said = meaning(vocabulary.name, term.slug, lang)
    if said:
        parts.append(said)
    link = method_link(vocabulary.name, lang)
    if link:
        parts.append(link)
    return "\n\n".join(parts)


def _vocabulary(buf: Buffer, position: types.Position, lang: str) -> types.Hover | None:
    canvas = buf.canvas
    char = buf.lines.from_client(position.line, position.character)
    for token in canvas.tokens:
        if token.line - 1 != position.line or token.role not in ("value", "key", "heading") or not token.slug:
            continue
        start = token.column - 1
        if not start <= char <= start + len(token.text):
            continue
        vocabulary = voc.ALL_VOCABULARIES.get(token.vocabulary)
        if vocabulary is None or token.slug not in vocabulary:
            continue
        rng = _range(buf, position.line, start, start + len(token.text))
        return _markdown(_term_text(vocabulary[token.slug], vocabulary, lang), rng)
    for path, vocabulary in _FRONT_MATTER_VALUES.items():
        pos = canvas.positions.get(path)
        value: object = canvas.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if pos is None or pos.line - 1 != position.line or not isinstance(value, str) or value not in vocabulary:
            continue
        written = buf.lines.text(position.line)[pos.column - 1 :].split("#")[0].rstrip()
        start = pos.column - 1
        if start <= char <= start + len(written):
            rng = _range(buf, position.line, start, start + len(written))
            return _markdown(_term_text(vocabulary[value], vocabulary, lang), rng)
    return None


def hover(buf: Buffer, position: types.Position, lang: str) -> types.Hover | None:
    """What the cursor is on: an item id, a vocabulary value, a rule code or name (in that order)."""
    return _item(buf, position) or _vocabulary(buf, position, lang) or _rule(buf, position, lang)
