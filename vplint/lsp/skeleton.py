"""What the canvas lacks, offered as a skeleton to fill in: the parts of ``vplint new``'s canvas.

A finding that a section, an item's field or a front-matter key is missing gets a code action that
inserts that part as ``vplint new`` writes it, in the canvas's language and canonical spelling, with a
``<prompt>`` where the rep's words go (the placeholder rule H002 then lists what is left to fill):

- a missing section (``## Motivators``, with one item and every field) at the end of the canvas;
- a missing field of an item (``- Diagnosis: <method - what you found>``) right under the item's heading;
- a missing top-level front-matter key (``owner: <your name or e-mail>``) before the closing ``---``.

The skeleton comes from :func:`vplint.scaffold.skeleton.render`, so it is always what ``vplint new``
writes and what vplint accepts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from vplint.diagnostics import Diagnostic
from vplint.lint.adopt import front_matter_end

__all__ = ["Insertion", "field_names", "insertions", "section_headings"]

_HEADING = re.compile(r"^##\s+(.+?)\s*$")
_ITEM = re.compile(r"^###\s")
_FIELD = re.compile(r"^- ([^:：]+)[:：]")
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)


@dataclass(frozen=True)
class Insertion:
    """Text to insert before line ``line`` (0-based) of the buffer, for ``finding``."""

    line: int
    text: str
    what: str
    """What is added, for the action's title: the section heading, the field name or the key."""
    finding: Diagnostic


@functools.lru_cache(maxsize=2)
def _skeleton(lang: str) -> str:
    from vplint.scaffold.skeleton import Skeleton, render

    text = render(Skeleton("canvas", "Account", "Title", "finance", dt.date(2026, 1, 1), lang))
    return _COMMENT.sub("", text)


@functools.lru_cache(maxsize=2)
def _sections(lang: str) -> dict[str, str]:
    """Each section of the skeleton by its heading's text: the block from its ``##`` line on."""
    body = _skeleton(lang).split("\n---\n", 1)[1]
    out: dict[str, str] = {}
    for block in re.split(r"(?m)^(?=## )", body):
        m = _HEADING.match(block.split("\n", 1)[0])
        if m:
            out[m.group(1)] = re.sub(r"\n{3,}", "\n\n", block).strip("\n") + "\n"
    return out


@functools.lru_cache(maxsize=2)
def _fields(lang: str) -> dict[str, str]:
    """Each item field line of the skeleton by its field name (``Diagnosis`` -> ``- Diagnosis: <...>``)."""
    out: dict[str, str] = {}
    for line in _skeleton(lang).splitlines():
        m = _FIELD.match(line)
        if m:
            out.setdefault(m.group(1).strip(), line)
    return out


@functools.lru_cache(maxsize=2)
def _keys(lang: str) -> dict[str, str]:
    """Each top-level front-matter key of the skeleton with its line (``owner`` -> ``owner: <...>``)."""
    front = _skeleton(lang).split("\n---\n", 1)[0]
    return {line.split(":", 1)[0]: line for line in front.splitlines()[1:] if re.match(r"^[a-z_]+:\s*\S", line)}


def section_headings(lang: str) -> list[str]:
    """The canonical section headings of a canvas in ``lang``, in the order ``vplint new`` writes them."""
    return list(_sections(lang))


def field_names(lang: str) -> dict[str, list[str]]:
    """Each section heading's item (or list) field names in ``lang``, as ``vplint new`` writes them."""
    out: dict[str, list[str]] = {}
    for heading, block in _sections(lang).items():
        out[heading] = [m.group(1).strip() for line in block.splitlines() if (m := _FIELD.match(line))]
    return out


def insertions(text: str, lang: str, findings: Iterable[Diagnostic]) -> list[Insertion]:
    """A skeleton insertion for each finding of ``findings`` that says a part is missing (when one applies)."""
    lines = text.split("\n")
    out: list[Insertion] = []
    for d in findings:
        field = (
            d.args.get("field") if d.message_id.endswith(".missing") or d.message_id == "schema.missing_field" else None
        )
        if d.message_id == "schema.missing_section":
            block = _sections(lang).get(str(d.args.get("label", "")))
            if block is not None:
                end = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
                lead = "" if end == 0 or not lines[end - 1].strip() else "\n"
                out.append(Insertion(end, lead + block, f"## {d.args['label']}", d))
        elif field is not None:
            line = _fields(lang).get(str(field))
            index = d.line - 1
            if line is not None and 0 <= index < len(lines) and _ITEM.match(lines[index]):
                out.append(Insertion(index + 1, line + "\n", str(field), d))
        elif d.message_id == "schema.missing_key":
            key = str(d.args.get("key", ""))
            closing = front_matter_end(lines)
            line = _keys(lang).get(key)
            if line is not None and closing is not None:
                out.append(Insertion(closing, line + "\n", key, d))
    return out
