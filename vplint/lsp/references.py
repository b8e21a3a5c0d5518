"""P1/N1/M1 ids: where an item is defined (its ``###`` heading) and where it is named (``Solves``, ``For``, an
action's ``(M1)``), for go to definition, find references and rename.  Ids are per canvas."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from vplint.lsp.buffers import Buffer

__all__ = [
    "ID",
    "Occurrence",
    "at",
    "definitions",
    "occurrence_range",
    "occurrences",
    "references",
    "rename_edits",
    "valid_new_id",
]

ID = re.compile(r"[PNMpnm]\d+(?![\w])")
"""An item id as written (``P1``; vplint reads ``p1`` as the same id)."""
_NEW_ID = re.compile(r"[PNM][1-9]\d*")

_DEFINED = ("problems", "needs", "motivators")
_NAMED = (("needs", "solves"), ("motivators", "for"), ("actions", "for"))


@dataclass(frozen=True)
class Occurrence:
    """An id where it is written: 0-based line, first and after-last character (vplint's characters)."""

    key: str
    """The id, upper case: what tells occurrences of one item apart."""
    line0: int
    start: int
    end: int
    definition: bool


def occurrences(buf: Buffer) -> list[Occurrence]:
    """Every id defined or named in the canvas, in the order of the text."""
    canvas, lines = buf.canvas, buf.lines
    found: list[Occurrence] = []

    def add(path: tuple[str | int, ...], definition: bool) -> None:
        pos = canvas.positions.get(path)
        if pos is None:
            return
        m = ID.match(lines.text(pos.line - 1), pos.column - 1)
        if m is not None:
            found.append(Occurrence(m.group(0).upper(), pos.line - 1, m.start(), m.end(), definition))

    for section in _DEFINED:
        for i, item in canvas.items(section):
            if isinstance(item.get("id"), str):
                add((section, i, "id"), True)
    for section, key in _NAMED:
        for i, item in canvas.items(section):
            refs = item.get(key)
            if isinstance(refs, list):
                for j in range(len(refs)):
                    add((section, i, key, j), False)
    return sorted(set(found), key=lambda o: (o.line0, o.start))


def at(buf: Buffer, position: types.Position) -> Occurrence | None:
    """The id under the cursor (its first character to just after its last)."""
    char = buf.lines.from_client(position.line, position.character)
    for o in occurrences(buf):
        if o.line0 == position.line and o.start <= char <= o.end:
            return o
    return None


def _range(buf: Buffer, o: Occurrence) -> types.Range:
    start = buf.lines.to_client(o.line0, o.start)
    end = buf.lines.to_client(o.line0, o.end)
    return types.Range(types.Position(*start), types.Position(*end))


def occurrence_range(buf: Buffer, o: Occurrence) -> types.Range:
    """Where the occurrence is, in the client's positions."""
    return _range(buf, o)


def definitions(buf: Buffer, position: types.Position) -> list[types.Location]:
    here = at(buf, position)
    if here is None:
        return []
    return [
        types.Location(uri=buf.uri, range=_range(buf, o))
        for o in occurrences(buf)
        if o.definition and o.key == here.key
    ]


def references(buf: Buffer, position: types.Position, include_declaration: bool) -> list[types.Location]:
    here = at(buf, position)
    if here is None:
        return []
    return [
        types.Location(uri=buf.uri, range=_range(buf, o))
        for o in occurrences(buf)
        if o.key == here.key and (include_declaration or not o.definition)
    ]


def valid_new_id(buf: Buffer, old: Occurrence, new_name: str) -> str | None:
    """Why ``new_name`` cannot replace the id (None: it can): same letter, a number, not another item's id."""
    if not _NEW_ID.fullmatch(new_name):
        return f"{new_name!r} is not an item id: write a letter P, N or M and a number, e.g. {old.key[0]}2"
    if new_name[0] != old.key[0]:
        kind = {"P": "problem", "N": "need", "M": "motivator"}[old.key[0]]
        return f"{old.key} is the id of a {kind}: its new id starts with {old.key[0]} too"
    if new_name != old.key and any(o.definition and o.key == new_name for o in occurrences(buf)):
        return f"{new_name} is already an item of this canvas"
    return None


def rename_edits(buf: Buffer, old: Occurrence, new_name: str) -> list[types.TextEdit]:
    return [types.TextEdit(range=_range(buf, o), new_text=new_name) for o in occurrences(buf) if o.key == old.key]
