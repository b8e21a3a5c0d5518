"""A canvas as a mind map: Mermaid text for Markdown, and the same tree as an inline SVG for HTML.

The SVG is laid out here, without a browser, fonts or network: a left-to-right tree with the
root (the decision-maker) on the left, each level in a column, and every subtree centred on
its children.  Text is wrapped and measured with a width estimate that counts a Chinese
character as one em and Latin letters as about half, so Chinese and English labels fit the
same boxes.  Every number is rounded, so the same tree always gives the same bytes.

Neither function imports Jinja; the brief renderer marks their output safe.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["KINDS", "Node", "mermaid", "svg", "text_width", "wrap"]


@dataclass(frozen=True)
class Node:
    """One node of the map: its text, its kind (which sets its colours) and its children."""

    text: str
    kind: str
    children: tuple[Node, ...] = ()


KINDS: dict[str, tuple[str, str, str]] = {
    # kind: (stroke, fill, text colour)
    "root": ("#1f3a5f", "#1f3a5f", "#ffffff"),
    "account": ("#1f3a5f", "#1f3a5f", "#ffffff"),
    "stakeholder": ("#1f3a5f", "#e9eef5", "#1b2a3a"),
    "problem-solving": ("#2f6fb0", "#eaf2fb", "#1b2a3a"),
    "risk-prevention": ("#b7791f", "#fdf3e1", "#1b2a3a"),
    "ideal-pursuit": ("#2e8b57", "#e8f5ee", "#1b2a3a"),
    "problem": ("#6b7280", "#f3f4f6", "#1b2a3a"),
    "need": ("#0f766e", "#e6f4f2", "#1b2a3a"),
    "strategy": ("#6b5ca5", "#f0edf9", "#1b2a3a"),
    "motivator": ("#b3403a", "#fbecea", "#1b2a3a"),
    "change": ("#6b7280", "#f7f7f8", "#1b2a3a"),
}

FONT_FAMILY = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, "
    "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"
)
FONT = 11.0
LINE = 14.0
PAD_X = 8.0
PAD_Y = 6.0
GAP_X = 26.0
GAP_Y = 8.0
MARGIN = 4.0
MAX_LINES = 4
TEXT_WIDTH = (112.0, 176.0, 150.0, 132.0)
"""The widest a label may be, by depth (deeper levels use the last)."""


# --- measuring and wrapping text ---------------------------------------------------------------

_NARROW = set("il.,:;'!|`’‘()[]")
_WIDE_LATIN = set("mwMW@%")


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch == " ":
        return 0.3
    if ch in _NARROW:
        return 0.3
    if ch in _WIDE_LATIN:
        return 0.85
    if ch.isupper() or ch.isdigit():
        return 0.64
    return 0.56


def text_width(text: str, size: float = FONT) -> float:
    """An estimate of the width of ``text`` in a sans-serif font of ``size`` px (a little generous)."""
    return sum(_char_width(ch) for ch in text) * size


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _tokens(text: str) -> list[str]:
    """Words, single spaces and single wide characters: the places a line may break."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or _is_wide(ch):
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return out


def _ellipsis(line: str, max_width: float, size: float) -> str:
    while line and text_width(line + "…", size) > max_width:
        line = line[:-1]
    return line.rstrip() + "…"


_NO_LINE_START = set("，。、；：！？）》」』”’,.;:!?)")


def wrap(text: str, max_width: float, size: float = FONT, max_lines: int = MAX_LINES) -> list[str]:
    """``text`` in lines no wider than ``max_width``; past ``max_lines`` the last line ends in '…'."""
    limit = max_width / size  # in ems
    lines: list[str] = []
    line, width = "", 0.0
    for tok in _tokens(" ".join(text.split())):
        tok_w = sum(_char_width(ch) for ch in tok)
        if tok == " ":
            if line:
                line, width = line + " ", width + tok_w
            continue
        if width + tok_w <= limit or (line and tok in _NO_LINE_START):
            line, width = line + tok, width + tok_w
            continue
        if line.strip():
            lines.append(line.rstrip())
            line, width = "", 0.0
        if tok_w <= limit:
            line, width = tok, tok_w
            continue
        for ch in tok:  # a single word longer than a line: cut it
            if line and width + _char_width(ch) > limit:
                lines.append(line)
                line, width = "", 0.0
            line, width = line + ch, width + _char_width(ch)
        if len(lines) > max_lines:
            break
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _ellipsis(lines[max_lines - 1] + " " + lines[max_lines], max_width, size)]
    return lines or [""]


# --- Mermaid ---------------------------------------------------------------------------------

_MERMAID_REPLACE = str.maketrans({'"': "'", "`": "'", "<": "‹", ">": "›", "#": "＃", "\r": " ", "\n": " "})


def _mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label: no quotes, backticks, tags or entity codes."""
    cleaned = " ".join(text.translate(_MERMAID_REPLACE).split())
    return cleaned or "…"


def mermaid(root: Node) -> str:
    """The tree as a Mermaid ``mindmap`` (GitHub and GitLab render it), ending with a newline."""
    out = ["mindmap", f'  root(("{_mermaid_text(root.text)}"))']
    counter = 0

    def walk(node: Node, depth: int) -> None:
        nonlocal counter
        for child in node.children:
            counter += 1
            out.append(f'{"  " * (depth + 2)}n{counter}["{_mermaid_text(child.text)}"]')
            walk(child, depth + 1)

    walk(root, 0)
    return "\n".join(out) + "\n"


# --- SVG -----------------------------------------------------------------------------------


@dataclass
class _Box:
    node: Node
    depth: int
    lines: list[str]
    size: float
    w: float
    h: float
    x: float = 0.0
    y: float = 0.0
    children: list[_Box] = field(default_factory=list)


def _box(node: Node, depth: int) -> _Box:
    size = FONT + 1 if depth == 0 else FONT
    max_w = TEXT_WIDTH[min(depth, len(TEXT_WIDTH) - 1)]
    bold = 1.1 if depth == 0 else 1.0  # the root is set in bold
    lines = wrap(node.text, max_w / bold, size)
    w = max(text_width(line, size) for line in lines) * bold + 2 * PAD_X
    box = _Box(node, depth, lines, size, w, len(lines) * LINE + 2 * PAD_Y)
    box.children = [_box(c, depth + 1) for c in node.children]
    return box


def _shift(box: _Box, dy: float) -> None:
    box.y += dy
    for c in box.children:
        _shift(c, dy)


def _place(box: _Box, top: float) -> float:
    """Lay out ``box`` and its subtree from ``top`` down; return the subtree's bottom."""
    if not box.children:
        box.y = top
        return top + box.h
    cursor = top
    for child in box.children:
        cursor = _place(child, cursor) + GAP_Y
    bottom = cursor - GAP_Y
    first, last = box.children[0], box.children[-1]
    mid = (first.y + first.h / 2 + last.y + last.h / 2) / 2
    box.y = mid - box.h / 2
    if box.y < top:
        dy = top - box.y
        for child in box.children:
            _shift(child, dy)
        bottom += dy
        box.y = top
    return max(bottom, box.y + box.h)


def _all(box: _Box) -> list[_Box]:
    out = [box]
    for c in box.children:
        out.extend(_all(c))
    return out


def _n(value: float) -> str:
    """A coordinate rounded to one decimal, without a trailing '.0'."""
    text = f"{round(value, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold at all (not even escaped): they are dropped from labels."""


def _esc(text: str) -> str:
    text = _NOT_XML.sub("", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def svg(root: Node, *, label: str = "") -> str:
    """The tree as a self-contained ``<svg>`` element (no scripts, links, fonts or images)."""
    tree = _box(root, 0)
    boxes = _all(tree)
    depth_count = max(b.depth for b in boxes) + 1
    col_w = [max(b.w for b in boxes if b.depth == d) for d in range(depth_count)]
    col_x = [MARGIN]
    for d in range(1, depth_count):
        col_x.append(col_x[-1] + col_w[d - 1] + GAP_X)
    for b in boxes:
        b.x = col_x[b.depth]
    height = _place(tree, MARGIN) + MARGIN
    width = col_x[-1] + col_w[-1] + MARGIN
    title = _esc(label or root.text)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mindmap" role="img" aria-label="{title}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" height="{_n(height)}" '
        f'font-family="{_esc(FONT_FAMILY)}">',
        f"<title>{title}</title>",
        '<g fill="none" stroke-width="1.4">',
    ]
    for b in boxes:
        for c in b.children:
            x1, y1 = b.x + b.w, b.y + b.h / 2
            x2, y2 = c.x, c.y + c.h / 2
            dx = (x2 - x1) / 2
            stroke = KINDS.get(c.node.kind, KINDS["problem"])[0]
            out.append(
                f'<path d="M{_n(x1)} {_n(y1)}C{_n(x1 + dx)} {_n(y1)} {_n(x2 - dx)} {_n(y2)} {_n(x2)} {_n(y2)}" '
                f'stroke="{stroke}" stroke-opacity="0.55"/>'
            )
    out.append("</g>")
    for b in boxes:
        stroke, fill, ink = KINDS.get(b.node.kind, KINDS["problem"])
        weight = ' font-weight="600"' if b.depth == 0 else ""
        out.append(
            f'<g><rect x="{_n(b.x)}" y="{_n(b.y)}" width="{_n(b.w)}" height="{_n(b.h)}" rx="6" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.2"/>'
        )
        out.append(f'<text x="{_n(b.x + PAD_X)}" font-size="{_n(b.size)}" fill="{ink}"{weight}>')
        for i, line in enumerate(b.lines):
            baseline = b.y + PAD_Y + i * LINE + LINE * 0.78
            out.append(f'<tspan x="{_n(b.x + PAD_X)}" y="{_n(baseline)}">{_esc(line)}</tspan>')
        out.append("</text></g>")
    out.append("</svg>")
    return "\n".join(out)
