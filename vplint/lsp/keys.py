"""Completion of the canvas's structure: section headings after ``## ``, and an item's field names at the
start of a list line (``- Dia`` -> ``- Diagnosis: ``), as ``vplint new`` writes them in the canvas's
language.  Sections the canvas already has, and fields the item already has, come last."""

from __future__ import annotations

import re

from lsprotocol import types

from vplint.lsp.skeleton import field_names, section_headings
from vplint.model import vocabulary as voc

__all__ = ["field_items", "heading_items"]

HEADING = re.compile(r"^##\s*([^#]*)$")
FIELD_START = re.compile(r"^(\s*[-*+]\s+)([^:：]*)$")
_ITEM = re.compile(r"^###\s")


def heading_items(typed: str, present: set[str], lang: str, edit: types.Range) -> list[types.CompletionItem]:
    """The section headings, those the canvas lacks first; ``present`` holds the section slugs it has."""
    items = []
    for index, heading in enumerate(section_headings(lang)):
        term = voc.SECTIONS.lookup(heading)
        have = term is not None and term.slug in present
        items.append(
            types.CompletionItem(
                label=heading,
                kind=types.CompletionItemKind.Module,
                detail=(term.en if lang == "zh" else term.zh) if term is not None else None,
                filter_text=" ".join(dict.fromkeys((heading, *(term.spellings if term is not None else ())))),
                sort_text=f"{int(have)}{index:03d}",
                text_edit=types.TextEdit(range=edit, new_text=heading),
            )
        )
    return items


def _heading_of(section: str, lang: str) -> str | None:
    for heading in section_headings(lang):
        term = voc.SECTIONS.lookup(heading)
        if term is not None and term.slug == section:
            return heading
    return None


def field_items(section: str, lines_above: list[str], lang: str, edit: types.Range) -> list[types.CompletionItem]:
    """The field names of ``section``'s items, those the item above the cursor lacks first.

    ``lines_above``: the buffer's lines from the item's heading (or the section's) to the cursor's line.
    """
    heading = _heading_of(section, lang)
    if heading is None or section == "actions":
        return []
    fields = voc.FIELDS.get(section)
    colon = "：" if lang == "zh" else ": "
    have: set[str] = set()
    for line in lines_above:
        m = re.match(r"^\s*[-*+]\s+([^:：]+)[:：]", line)
        if m and fields is not None and (term := fields.lookup(m.group(1).strip())) is not None:
            have.add(term.slug)
    items = []
    for index, name in enumerate(field_names(lang).get(heading, [])):
        term = fields.lookup(name) if fields is not None else None
        done = term is not None and term.slug in have
        items.append(
            types.CompletionItem(
                label=name,
                kind=types.CompletionItemKind.Field,
                detail=(term.en if lang == "zh" else term.zh) if term is not None else None,
                filter_text=" ".join(dict.fromkeys((name, *(term.spellings if term is not None else ())))),
                sort_text=f"{int(done)}{index:03d}",
                text_edit=types.TextEdit(range=edit, new_text=name + colon),
            )
        )
    return items


def item_lines(lines: list[str]) -> list[str]:
    """The lines of the item (or section) the last line of ``lines`` is in: from its heading on."""
    for i in range(len(lines) - 1, -1, -1):
        if _ITEM.match(lines[i]) or lines[i].startswith("## "):
            return lines[i:]
    return lines
