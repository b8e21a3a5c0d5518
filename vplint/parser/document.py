"""Read a canvas file into front-matter and body blocks that keep their source positions.

This module knows YAML, not the domain, and leaves markdown to the adapter: it turns bytes into

* a front-matter tree (:class:`YMap`, :class:`YSeq`, :class:`YScalar`) where every key and
  value keeps its line and column, and
* the body's top-level headings and list items (:class:`Heading`, :class:`Item`), with
  lines and columns, from :mod:`vplint.parser.markdown` (the one module that knows mistune).

Problems with the file itself (encoding, size, broken or missing front-matter) come back
as diagnostics with codes ``F0xx``; nothing here raises on bad input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TypeAlias

import yaml

from vplint.diagnostics import Diagnostic, Severity
from vplint.parser.markdown import Block, Heading, Item, parse_body
from vplint.store.digest import hex_digest
from vplint.store.files import MAX_READ, open_regular

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

MAX_BYTES = MAX_READ
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


@dataclass
class Document:
    path: str
    text: str = ""
    front_matter: YMap | None = None
    body_line: int = 1
    """Line on which the body starts."""
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    digest: str | None = None
    """The SHA-256 (hex) of the bytes read from the file (None for text that was not read from a file)."""

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
    doc = parse_document(data, display or path)
    doc.digest = hex_digest(data)  # the result cache's key: the very bytes that were checked
    return doc


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
    doc.blocks = parse_body(text[_line_offset(text, doc.body_line) :], doc.body_line)
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
_BODY_HEADING = re.compile(r"^#{1,6}[ \t]+\S")
"""A markdown heading of the body (in YAML, a comment)."""


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
        heading = next((i for i in range(1, len(lines)) if _BODY_HEADING.match(lines[i])), None)
        if heading is None:
            doc.report(1, 1, "F002", "front_matter.unclosed")
        else:  # "# Title" is a YAML comment, so the body was swallowed: say where it visibly starts
            doc.report(1, 1, "F002", "front_matter.unclosed_at", heading=heading + 1)
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
