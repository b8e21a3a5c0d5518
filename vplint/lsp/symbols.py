"""Document symbols: the front-matter, each ``##`` section and, inside it, each ``###`` item (P1, N1, M1 ...)."""

from __future__ import annotations

from lsprotocol import types

from vplint.lsp.buffers import Buffer
from vplint.lsp.positions import Lines
from vplint.model import vocabulary as voc
from vplint.parser.document import Heading

__all__ = ["document_symbols"]


def _span(lines: Lines, first: int, last: int) -> types.Range:
    """Lines ``first`` to ``last`` (0-based, inclusive), blank lines at the end left out."""
    while last > first and not lines.text(last).strip():
        last -= 1
    end = lines.to_client(last, len(lines.text(last)))
    return types.Range(types.Position(*lines.to_client(first, 0)), types.Position(*end))


def _heading_range(lines: Lines, heading: Heading) -> types.Range:
    line0 = heading.line - 1
    start = lines.to_client(line0, heading.column - 1)
    end = lines.to_client(line0, len(lines.text(line0).rstrip()))
    return types.Range(types.Position(*start), types.Position(*end))


def document_symbols(buf: Buffer) -> list[types.DocumentSymbol]:
    doc, canvas, lines = buf.document, buf.canvas, buf.lines
    lang = buf.language
    out: list[types.DocumentSymbol] = []
    if doc.front_matter is not None and doc.body_line > 2:
        name = str(canvas.data.get("id") or voc.FRONT_MATTER_KEYS.label(lang))
        whole = _span(lines, 0, doc.body_line - 2)
        out.append(types.DocumentSymbol(name=name, kind=types.SymbolKind.Object, range=whole, selection_range=whole))
    section_of = {t.line: t.slug for t in canvas.tokens if t.role == "heading" and t.vocabulary == "section"}
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    last_line = len(lines) - 1
    children: list[types.DocumentSymbol] | None = None
    """The items of the section being read (None before the first section)."""
    for index, heading in enumerate(headings):
        if heading.level not in (2, 3):
            continue
        following = (h.line for h in headings[index + 1 :] if h.level <= heading.level)
        end = next(following, last_line + 2) - 2
        symbol = types.DocumentSymbol(
            name=heading.text.strip() or "#" * heading.level,
            kind=types.SymbolKind.Namespace if heading.level == 2 else types.SymbolKind.Key,
            range=_span(lines, heading.line - 1, max(end, heading.line - 1)),
            selection_range=_heading_range(lines, heading),
        )
        if heading.level == 2:
            slug = section_of.get(heading.line)
            if slug is not None:
                symbol.detail = voc.SECTIONS[slug].label(lang)
            symbol.children = children = []
            out.append(symbol)
        elif children is not None:
            children.append(symbol)
        else:
            out.append(symbol)
    return out
