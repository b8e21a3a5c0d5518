"""Read a canvas file into front-matter and body blocks that keep their source positions.

This module knows markdown and YAML, not the domain: it turns bytes into

* a front-matter tree (:class:`YMap`, :class:`YSeq`, :class:`YScalar`) where every key and
  value keeps its line and column, and
* the body's top-level headings and list items (:class:`Heading`, :class:`Item`), with
  lines and columns, found by mistune's block parser.

Problems with the file itself (encoding, size, broken or missing front-matter) come back
as diagnostics with codes ``F0xx``; nothing here raises on bad input.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import yaml
from mistune.block_parser import BlockParser
from mistune.core import BlockState

from vplint.diagnostics import Diagnostic, Severity
from vplint.store.files import open_regular

try:  # the C composer is ~10x faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader

    _LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _LIBYAML = False

__all__ = [
    "MAX_BYTES",
    "MAX_YAML_DEPTH",
    "Document",
    "Heading",
    "Item",
    "YMap",
    "YNode",
    "YScalar",
    "YSeq",
    "parse_document",
    "read_document",
]

MAX_BYTES = 4 * 1024 * 1024
"""Files larger than this are reported, not parsed (a canvas is a few kilobytes)."""

MAX_YAML_DEPTH = 20
MAX_YAML_NODES = 10_000


@dataclass(frozen=True)
class YScalar:
    value: str | None
    line: int
    column: int


@dataclass(frozen=True)
class YSeq:
    items: tuple[YNode, ...]
    line: int
    column: int


@dataclass(frozen=True)
class YMap:
    items: tuple[tuple[YScalar, YNode], ...]
    line: int
    column: int

    def get(self, key: str) -> YNode | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None


YNode: TypeAlias = YScalar | YSeq | YMap


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int
    column: int
    """Column of the heading text (after the ``#`` marks)."""


@dataclass(frozen=True)
class Item:
    """A top-level list item: its text (continuation lines joined) and where it starts."""

    text: str
    line: int
    column: int
    """Column of the first character after the list marker."""
    children: tuple[str, ...] = ()
    """Texts of a nested list's items, for values written as a sub-list."""
    continuations: tuple[tuple[int, int, int], ...] = ()
    """Where continuation lines start: (offset in ``text``, line, column), in order."""

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column of the character at ``offset`` in ``text``."""
        line, column, start = self.line, self.column, 0
        for seg_offset, seg_line, seg_column in self.continuations:
            if offset < seg_offset:
                break
            line, column, start = seg_line, seg_column, seg_offset
        return line, column + offset - start


Block: TypeAlias = Heading | Item


@dataclass
class Document:
    path: str
    text: str = ""
    front_matter: YMap | None = None
    body_line: int = 1
    """Line on which the body starts."""
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def report(self, line: int, column: int, code: str, message_id: str, **args: object) -> None:
        self.diagnostics.append(
            Diagnostic(self.path, line, column, code, message_id, Severity.ERROR, {k: str(v) for k, v in args.items()})
        )


# --- reading and decoding ----------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def read_document(path: str, display: str | None = None) -> Document:
    """Read and parse ``path``.  Raises only :class:`OSError` (the caller reports it).

    Only regular files are read: a named pipe or a device would block or never end.
    """
    with open(path, "rb", opener=open_regular) as fh:
        data = fh.read(MAX_BYTES + 1)
    return parse_document(data, display or path)


def parse_document(data: bytes | str, path: str = "<string>") -> Document:
    doc = Document(path)
    if isinstance(data, bytes):
        text = _decode(data, doc)
        if text is None:
            return doc
    else:
        text = data
        if text.startswith("\ufeff"):
            text = text[1:]
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: not text any file could hold
            line, col = _line_col(text, exc.start)
            doc.report(line, col, "F006", "file.invalid_utf8", byte=f"U+{ord(text[exc.start]):04X}")
            return doc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc.text = text
    if not text.strip():
        doc.report(1, 1, "F001", "file.empty")
        return doc
    if "\x00" in text:
        line, col = _line_col(text, text.index("\x00"))
        doc.report(line, col, "F006", "file.binary")
        return doc
    _split_front_matter(doc)
    body_start = _line_offset(text, doc.body_line)
    doc.blocks = _parse_body(text, body_start, doc.body_line)
    return doc


def _decode(data: bytes, doc: Document) -> str | None:
    if len(data) > MAX_BYTES:
        doc.report(1, 1, "F009", "file.too_large", limit=f"{MAX_BYTES // (1024 * 1024)} MiB")
        return None
    for bom, name in _BOMS:
        if data.startswith(bom):
            if name == "UTF-8":
                data = data[len(bom) :]
                break
            doc.report(1, 1, "F006", "file.wrong_encoding", encoding=name)
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start]
        line = prefix.count(b"\n") + prefix.count(b"\r") - prefix.count(b"\r\n") + 1
        line_start = max(prefix.rfind(b"\n"), prefix.rfind(b"\r")) + 1
        column = len(prefix[line_start:].decode("utf-8", "replace")) + 1
        if b"\x00" in data[:8192]:
            doc.report(line, column, "F006", "file.binary")
        else:
            doc.report(line, column, "F006", "file.invalid_utf8", byte=f"0x{data[exc.start]:02x}")
        return None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _line_offset(text: str, line: int) -> int:
    """Offset of the start of 1-based ``line`` (len(text) past the end)."""
    pos = 0
    for _ in range(line - 1):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


# --- front-matter -------------------------------------------------------------------------

_FENCE = re.compile(r"^---[ \t]*$")
_END_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def _split_front_matter(doc: Document) -> None:
    lines = doc.text.split("\n")
    if not _FENCE.match(lines[0]):
        doc.report(1, 1, "F002", "front_matter.missing")
        return
    for i in range(1, len(lines)):
        if _END_FENCE.match(lines[i]):
            end = i
            break
    else:
        doc.report(1, 1, "F002", "front_matter.unclosed")
        doc.body_line = len(lines) + 1
        return
    doc.body_line = end + 2
    yaml_text = "\n".join(lines[1:end])
    if not yaml_text.strip():
        doc.report(1, 1, "F004", "front_matter.empty")
        return
    where = _Where(yaml_text)
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
            mark = exc.context_mark  # an unclosed quote or bracket: point where it opens, not at the end
        line, col = where(mark.index) if mark else (2, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and mark is exc.context_mark:
            problem = f"{exc.context} that is never closed"
        doc.report(line, col, "F003", "front_matter.yaml", problem=problem)
        return
    except yaml.reader.ReaderError as exc:  # a control character, reported by position
        position = exc.position
        if _LIBYAML:  # libyaml counts bytes of the UTF-8 text, not characters
            position = len(yaml_text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line, col = where(position)
        doc.report(line, col, "F003", "front_matter.yaml", problem=exc.reason)
        return
    except yaml.YAMLError as exc:
        doc.report(2, 1, "F003", "front_matter.yaml", problem=str(exc).splitlines()[0])
        return
    except UnicodeEncodeError as exc:  # a lone surrogate in text given as str
        line, col = where(exc.start)
        doc.report(line, col, "F006", "file.invalid_utf8", byte=f"U+{ord(yaml_text[exc.start]):04X}")
        return
    except RecursionError:
        doc.report(2, 1, "F004", "front_matter.too_deep", limit=MAX_YAML_DEPTH)
        return
    if node is None:
        doc.report(1, 1, "F004", "front_matter.empty")
        return
    converter = _Converter(doc, where)
    tree = converter.convert(node, 0)
    if tree is None:
        return
    if not isinstance(tree, YMap):
        doc.report(tree.line, tree.column, "F004", "front_matter.not_mapping")
        return
    doc.front_matter = tree


class _Where:
    """Character offset in the front-matter text -> (line, column) in the file.

    YAML's own marks count U+0085, U+2028 and U+2029 as line breaks; the file's lines are
    split on ``\n`` only, so positions are computed from the offset instead.
    """

    def __init__(self, yaml_text: str) -> None:
        self.starts = [0]
        pos = yaml_text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = yaml_text.find("\n", pos + 1)

    def __call__(self, index: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, index) - 1
        return row + 2, index - self.starts[row] + 1  # the YAML starts on the file's line 2


class _Converter:
    """yaml nodes -> Y* trees: every scalar stays the text the rep wrote."""

    def __init__(self, doc: Document, where: _Where) -> None:
        self.doc = doc
        self.where = where
        self.seen: set[int] = set()
        self.count = 0

    def convert(self, node: yaml.Node, depth: int) -> YNode | None:
        line, col = self.where(node.start_mark.index)
        if id(node) in self.seen:  # an alias (*x) re-uses a node
            self.doc.report(line, col, "F004", "front_matter.alias")
            return None
        self.seen.add(id(node))
        self.count += 1
        if depth > MAX_YAML_DEPTH or self.count > MAX_YAML_NODES:
            self.doc.report(line, col, "F004", "front_matter.too_deep", limit=MAX_YAML_DEPTH)
            return None
        if node.tag not in _PLAIN_TAGS:
            self.doc.report(line, col, "F004", "front_matter.tag", tag=node.tag)
            return None
        if isinstance(node, yaml.ScalarNode):
            value: str | None = node.value
            if node.style is None and node.value in ("", "~", "null", "Null", "NULL"):
                value = None
            return YScalar(value, line, col)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for child in node.value:
                converted = self.convert(child, depth + 1)
                if converted is None:
                    return None
                items.append(converted)
            return YSeq(tuple(items), line, col)
        assert isinstance(node, yaml.MappingNode)
        pairs: list[tuple[YScalar, YNode]] = []
        keys: set[str | None] = set()
        for knode, vnode in node.value:
            key = self.convert(knode, depth + 1)
            if key is None:
                return None
            if not isinstance(key, YScalar):
                self.doc.report(key.line, key.column, "F004", "front_matter.complex_key")
                return None
            if key.value in keys:
                self.doc.report(key.line, key.column, "F005", "front_matter.duplicate_key", key=key.value)
                continue
            keys.add(key.value)
            value_node = self.convert(vnode, depth + 1)
            if value_node is None:
                return None
            pairs.append((key, value_node))
        return YMap(tuple(pairs), line, col)


# Tags the resolver gives plain YAML: we keep every scalar as written, so a timestamp,
# a bool or an int is still the text the rep typed.  Explicit tags (!!python/..., !foo)
# are refused.
_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in (
        "str",
        "int",
        "float",
        "bool",
        "null",
        "timestamp",
        "seq",
        "map",
        "value",
        "merge",
        "binary",
        "set",
        "omap",
        "pairs",
    )
) - {
    "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:set",
    "tag:yaml.org,2002:omap",
    "tag:yaml.org,2002:pairs",
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:value",
}


# --- body ---------------------------------------------------------------------------------


class _PositionParser(BlockParser):
    """mistune's block parser, noting where each top-level block starts.

    mistune's tokens carry no positions.  Every block rule is dispatched through
    :meth:`parse_method` with the regex match of its first line, so wrapping it lets us
    stamp the start offset on the tokens that call produced.  Nested calls (a heading that
    ends a list) stamp first, and ``setdefault`` keeps the innermost, exact offset.
    """

    fast_lists = True
    """Take :func:`_simple_list`'s shortcut (tests turn it off to compare with mistune's own result)."""

    def parse_method(self, m: re.Match[str], state: BlockState) -> int | None:
        if state.parent is not None:
            return super().parse_method(m, state)
        before = len(state.tokens)  # tokens this call adds (even a list mistune inserts) come after these
        end = _simple_list(m, state) if m.lastgroup == "list" and self.fast_lists else None
        if end is None:
            end = super().parse_method(m, state)
        start = m.start()
        for tok in state.tokens[before:]:
            tok.setdefault("_start", start)
        return end


def _memoize_list_breaks() -> None:
    """mistune compiles the same "what ends a list item" regex for every list item it parses.

    The pattern depends only on the parser and the item's indentation, so it is memoized
    (a third of list parsing time on a typical canvas); the result is the same regex.
    """
    from mistune import list_parser

    original = list_parser._compile_list_break_sc
    if getattr(original, "cache_info", None) is None:
        list_parser._compile_list_break_sc = functools.lru_cache(maxsize=64)(original)


_memoize_list_breaks()

_LIST_ITEM_RULES = ["fenced_code", "indent_code", "list", "block_quote", "blank_line"]
"""What mistune looks for inside a list item.  A field's value is its item's first paragraph (and a
nested list); headings, rules, HTML and link definitions inside an item would only be text to
vplint, so they are not looked for — which halves the time mistune spends on a canvas."""
_PARSER = _PositionParser(max_nested_level=6, list_rules=_LIST_ITEM_RULES)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_MARKER = re.compile(r"^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)")
_FENCE_LINE = re.compile(r"^ *(`{3,}|~{3,})")

_SIMPLE_ITEM = re.compile(r"([-*+]) (?=\S)([^\n]*)(?:\n|\Z)")
_BLANK = re.compile(r"[ \t\v\f]*\n")
_ATX_SPEC = re.compile(BlockParser.SPECIFICATION["atx_heading"], re.M)
_NOT_AFTER_BLANK = frozenset("-*+_`~#<>=|0123456789 \t\v\f")
"""First characters of a line that might continue a list or start a block that ends one."""


def _simple_list(m: re.Match[str], state: BlockState) -> int | None:
    """mistune's list token for the list a canvas almost always has, built without mistune's machinery.

    A run of one-line items ``- text`` (one bullet, at the margin, one space) that ends at the end
    of the text, at an ATX heading, or at blank lines followed by a plain line is a tight list whose
    items each hold one ``block_text``: exactly what mistune builds, but mistune parses every item
    recursively (half the time vplint spends on a canvas).  Anything else — a continuation line, a
    nested list, a loose list, an item starting a block of its own — returns None and mistune parses
    the list.  ``tests/test_document_fast_lists.py`` checks both paths agree.
    """
    src = state.src
    pos = m.start()
    first = _SIMPLE_ITEM.match(src, pos)
    if first is None:
        return None
    bullet = first.group(1)
    item_start = _item_start_sc()
    children: list[dict[str, Any]] = []
    starts: list[int] = []
    item: re.Match[str] | None = first
    while item is not None and item.group(1) == bullet:
        text = item.group(2)
        if item_start.match(text + "\n"):
            return None  # the item starts a nested list, a quote or code
        children.append({"type": "list_item", "children": [{"type": "block_text", "text": text + "\n"}]})
        starts.append(item.start())
        pos = item.end()
        item = _SIMPLE_ITEM.match(src, pos)
    end = pos
    if end < len(src) and not _is_heading_at(src, end):
        blank = _BLANK.match(src, end)
        if blank is None:
            return None  # a lazy continuation line, another kind of list, a break: mistune decides
        while blank is not None:  # mistune keeps the blank lines after a list in the list
            end = blank.end()
            blank = _BLANK.match(src, end)
        if end < len(src) and src[end] in _NOT_AFTER_BLANK and not _is_heading_at(src, end):
            return None  # maybe a continuation, a loose list's next item or a break mistune parses itself
    state.append_token(
        {
            "type": "list",
            "children": children,
            "tight": True,
            "bullet": bullet,
            "attrs": {"depth": 0, "ordered": False},
            "_item_starts": starts,  # where each item's line starts: no need to find the marker lines again
        }
    )
    return end


def _is_heading_at(src: str, pos: int) -> bool:
    """An ATX heading at the margin (indented, it would continue the list item)."""
    return src.startswith("#", pos) and _ATX_SPEC.match(src, pos) is not None


@functools.cache
def _item_start_sc() -> re.Pattern[str]:
    """What mistune looks for at the start of a list item's text (see ``_LIST_ITEM_RULES``)."""
    return _PARSER.compile_sc(_LIST_ITEM_RULES)


def _parse_body(text: str, start: int, first_line: int) -> list[Block]:
    state = BlockState()
    state.process(text[start:] if start else text)
    _PARSER.parse(state)
    src = state.src
    src_lines = src.split("\n")
    # offsets where lines start, for offset -> line
    line_starts = [0]
    for ln in src_lines[:-1]:
        line_starts.append(line_starts[-1] + len(ln) + 1)

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset) - 1  # 0-based within body

    tokens = state.tokens
    starts = [t.get("_start") for t in tokens]
    blocks: list[Block] = []
    for idx, tok in enumerate(tokens):
        start_off = starts[idx]
        if start_off is None:
            continue
        ln0 = line_of(start_off)
        if tok["type"] == "heading":
            raw = src_lines[ln0]
            m = _ATX.match(raw)
            # an ATX heading's text follows its marks; a setext heading's is the whole line
            text_col = m.end() + 1 if m else len(raw) - len(raw.lstrip()) + 1
            title = " ".join(str(tok.get("text", "")).split())
            blocks.append(Heading(int(tok["attrs"]["level"]), title, first_line + ln0, text_col))
        elif tok["type"] == "list":
            item_starts = tok.get("_item_starts")
            if item_starts is not None:  # a simple list (see _simple_list): one-line items, text in column 3
                for child, offset in zip(tok["children"], item_starts, strict=True):
                    text = child["children"][0]["text"].strip()
                    blocks.append(Item(text, first_line + line_of(offset), 3))
                continue
            end_ln0 = len(src_lines)
            for later in starts[idx + 1 :]:
                if later is not None:
                    end_ln0 = line_of(later)
                    break
            blocks.extend(_list_items(tok, src_lines, ln0, end_ln0, first_line))
    return blocks


def _list_items(tok: dict[str, Any], lines: list[str], ln0: int, end_ln0: int, first_line: int) -> list[Item]:
    """Match mistune's list items to their marker lines.

    Sibling items start on a line with a list marker indented less than the previous
    item's content; deeper markers belong to nested lists, and lines inside fenced code
    never start an item.  If the count disagrees with mistune (exotic markdown), every
    item falls back to the list's first line: positions get coarser, never wrong-headed.
    """
    children = tok.get("children", [])
    marker_lines: list[tuple[int, int]] = []
    content_width = -1
    fence: str | None = None
    for i in range(ln0, min(end_ln0, len(lines))):
        line = lines[i].replace("\t", "    ")
        fm = _FENCE_LINE.match(line)
        if fence is not None:
            if fm and fm.group(1)[0] == fence[0] and len(fm.group(1)) >= len(fence):
                fence = None
            continue
        m = _MARKER.match(line)
        if m and (content_width < 0 or len(m.group(1)) < content_width):
            pad = len(m.group(3))
            content_width = m.end(2) + (pad if 0 < pad <= 4 else 1)
            marker_lines.append((i, m.end(2) + (1 if pad else 0)))
            continue
        if fm:
            fence = fm.group(1)
    if len(marker_lines) != len(children):
        marker_lines = [(ln0, 1)] * len(children)
    items: list[Item] = []
    for child, (i, col0) in zip(children, marker_lines, strict=False):
        text_parts: list[str] = []
        nested: list[str] = []
        continuations: tuple[tuple[int, int, int], ...] = ()
        for sub in child.get("children", []):
            if sub["type"] in ("block_text", "paragraph") and not text_parts:
                joined, continuations = _join_with_positions(str(sub.get("text", "")), lines, i)
                text_parts.append(joined)
            elif sub["type"] == "list":
                for grandchild in sub.get("children", []):
                    for leaf in grandchild.get("children", []):
                        if leaf["type"] in ("block_text", "paragraph"):
                            nested.append(_join_lines(str(leaf.get("text", ""))))
                            break
        expanded = lines[i].replace("\t", "    ")
        col = col0 + 1
        while col - 1 < len(expanded) and expanded[col - 1] == " ":
            col += 1
        col = _character_column(lines[i], col)
        item_line = first_line + i
        continuations = tuple((off, first_line + ln, c) for off, ln, c in continuations)
        if continuations and continuations[0][0] == 0:  # "-" alone, its text on the next line: the item starts there
            _, item_line, col = continuations[0]
            continuations = continuations[1:]
        items.append(Item(text_parts[0] if text_parts else "", item_line, col, tuple(nested), continuations))
    return items


def _character_column(line: str, expanded_column: int) -> int:
    """The column, in characters of ``line``, of a column counted with tabs as four spaces."""
    width = 0
    for index, ch in enumerate(line):
        if width >= expanded_column - 1:
            return index + 1
        width += 4 if ch == "\t" else 1
    return len(line) + 1


def _join_with_positions(text: str, lines: list[str], first: int) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Join a paragraph's lines like :func:`_join_lines`, noting where each later line starts.

    Continuation lines of a list item's paragraph are the source lines after its first,
    in order; each is found by its text (stripped), so a position in the joined text can
    be mapped back to its own line.  Returns offsets relative to the body's lines.
    """
    parts = [p.strip() for p in text.strip().split("\n")]
    out = ""
    segments: list[tuple[int, int, int]] = []
    src = first
    for k, p in enumerate(parts):
        if not p:
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(p[0])):
            out += " "
        if k or p not in lines[src]:  # a later line; or the text starts below a bare "-" marker line
            src += 1
            while src < len(lines) and p not in lines[src]:
                src += 1
            if src < len(lines):
                segments.append((len(out), src, lines[src].index(p) + 1))
            else:
                src = len(lines)
        out += p
    return out, tuple(segments)


def _join_lines(text: str) -> str:
    parts = [p.strip() for p in text.strip().split("\n")]
    out = ""
    for p in parts:
        if not p:
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(p[0])):
            out += " "
        out += p
    return out


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"
