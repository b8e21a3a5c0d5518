r"""The mistune adapter: a canvas body's top-level headings and list items, with their positions.

Everything vplint knows about mistune (3.4.x, see the pin in ``pyproject.toml``) is here; the rest
of vplint sees :func:`parse_body` and the :class:`Heading` and :class:`Item` it returns.

* :class:`BodyParser` runs mistune's block parser (never its inline parser or a renderer) and
  stamps the start offset on every top-level token, which mistune's tokens lack.
* The simple-list shortcut (:func:`_simple_list`) builds mistune's own token for the list a canvas
  almost always has, without mistune's recursive item parsing.  ``BodyParser(simple_lists=False)``
  parses with mistune alone; ``tests/unit/test_document_fast_lists.py`` checks that both agree.
* One private mistune function is memoized (:func:`install_list_break_memo`).  It is patched only
  when it is there with the signature it has in 3.4; otherwise mistune runs as shipped, with the
  same tokens (``tests/unit/test_markdown_adapter.py``): lists the shortcut does not take parse
  about 12% slower, canvases made of simple lists not measurably.

Why :func:`_list_items` finds the marker lines again and :func:`_join_with_positions` finds
continuation lines by their text, instead of taking both from mistune (lists the shortcut does not
take: the shortcut notes each item's line itself, ``_item_starts``):

* mistune's tokens carry no positions, and an item is parsed from a string mistune rebuilds (marker
  dropped, continuation indent stripped, leading tabs expanded): nothing in a ``list_item`` token
  points back to the file.  Where an item starts is known only to locals of the private
  ``list_parser._parse_list_item``.  The one public hook on that path, ``BlockState.child_state``, is
  called after an item's lines are consumed, with the parent's cursor just past the *next* item's
  marker line; reading positions from it ties them to the order of calls in private code, and a
  change there would move findings silently, with no signature to check as the memo does.
* It is not byte-identical.  Tried (each item's line from that hook, the rest as here): the same
  items on all 195 markdown files of the repository, but different items on 361 of 20,000 random
  texts made of the lines ``tests/unit/test_document_fast_lists.py`` uses.  Where its marker count
  disagrees with mistune's items, :func:`_list_items` puts every item on the list's first line
  (``"-\n  ```\n-\n```\n"``: both items on line 1; mistune's second starts on line 3).  Likewise a
  paragraph's lines are consecutive, but which line the item's first paragraph starts on is known
  only when it is the item's first block; after a code block the text search can stop at an earlier
  line holding the same text (``"- ```\n  Foo: bar baz\n  ```\n  Foo: bar\n"``: ``Foo: bar`` is put
  on line 2, it is on line 4).  Exact positions there are a change of output, for a change of its own.
* Speed is not at stake: canvases' lists nearly all take the shortcut.
"""

from __future__ import annotations

import functools
import inspect
import re
from dataclasses import dataclass
from typing import Any, TypeAlias

from mistune import list_parser
from mistune.block_parser import BlockParser
from mistune.core import BlockState

__all__ = ["Block", "BodyParser", "Heading", "Item", "Token", "install_list_break_memo", "parse_body"]

Token: TypeAlias = dict[str, Any]
"""A mistune block token; a top-level one that a block rule made also holds ``_start``, its offset in the body."""


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int
    column: int
    """Column of the heading text (after the ``#`` marks)."""


@dataclass(frozen=True, slots=True)
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


# --- the one private patch -----------------------------------------------------------------

_LIST_BREAK = "_compile_list_break_sc"
_LIST_BREAK_PARAMETERS = ("block", "leading_width")


def install_list_break_memo(module: object = list_parser) -> bool:
    """Memoize mistune's ``list_parser._compile_list_break_sc``, if it is the function vplint knows.

    mistune compiles the same "what ends a list item" regex for every list item it parses; the
    pattern depends only on the parser and the item's indentation, so the memo returns the same
    regex (about 12% of the time mistune takes for a body whose lists it parses itself).  The
    function is private: unless it is a plain function ``(block, leading_width) -> Pattern[str]``
    as in mistune 3.4 (hashable arguments, an immutable result: a memo changes nothing but the
    time), nothing is patched and mistune runs as shipped.  Returns whether the memo is in place.
    """
    original = getattr(module, _LIST_BREAK, None)
    if original is None:
        return False
    if getattr(original, "cache_info", None) is not None:
        return True  # already memoized (the module was imported twice, or reloaded)
    if not inspect.isfunction(original):
        return False
    signature = inspect.signature(original)
    params = signature.parameters.values()
    if tuple(p.name for p in params) != _LIST_BREAK_PARAMETERS or any(
        p.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD or p.default is not inspect.Parameter.empty
        for p in params
    ):
        return False
    returns = str(signature.return_annotation).removeprefix("re.").removeprefix("typing.")
    if returns != "Pattern[str]":  # a string: mistune's modules use postponed annotations
        return False
    setattr(module, _LIST_BREAK, functools.lru_cache(maxsize=64)(original))
    return True


install_list_break_memo()


# --- the parser ----------------------------------------------------------------------------

_LIST_ITEM_RULES = ["fenced_code", "indent_code", "list", "block_quote", "blank_line"]
"""What mistune looks for inside a list item.  A field's value is its item's first paragraph (and a
nested list); headings, rules, HTML and link definitions inside an item would only be text to
vplint, so they are not looked for — which halves the time mistune spends on a canvas."""


class _PositionParser(BlockParser):
    """mistune's block parser, noting where each top-level block starts.

    mistune's tokens carry no positions.  Every block rule is dispatched through
    :meth:`parse_method` with the regex match of its first line, so wrapping it lets us
    stamp the start offset on the tokens that call produced.  Nested calls (a heading that
    ends a list) stamp first, and ``setdefault`` keeps the innermost, exact offset.
    """

    def __init__(self, simple_lists: bool) -> None:
        super().__init__(max_nested_level=6, list_rules=_LIST_ITEM_RULES)
        self._simple_lists = simple_lists
        self._item_start_sc = self.compile_sc(_LIST_ITEM_RULES)
        """What mistune looks for at the start of a list item's text."""

    def parse_method(self, m: re.Match[str], state: BlockState) -> int | None:
        if state.parent is not None:
            return super().parse_method(m, state)
        before = len(state.tokens)  # tokens this call adds (even a list mistune inserts) come after these
        paragraph = _open_paragraph(state, m.start()) if m.lastgroup == "setex_heading" else None
        end = _simple_list(m, state, self._item_start_sc) if m.lastgroup == "list" and self._simple_lists else None
        if end is None:
            end = super().parse_method(m, state)
        start = m.start()
        for tok in state.tokens[before:]:
            tok.setdefault("_start", start)
        if paragraph is not None and state.tokens[before - 1]["type"] == "heading":
            state.tokens[before - 1]["_start"] = paragraph  # a setext heading: the paragraph its underline turned
        return end


def _open_paragraph(state: BlockState, underline: int) -> int | None:
    """Where the paragraph right above a setext underline at ``underline`` starts, if there is one.

    mistune makes a setext heading (``Problems`` over ``---``) by turning the paragraph before
    the underline into a heading.  That paragraph was added as plain text, not by a block rule,
    so :meth:`_PositionParser.parse_method` never stamped it; its text is the source right
    before the underline, which gives its start.
    """
    last = state.last_token()
    if last is None or last["type"] != "paragraph" or "_start" in last:
        return None
    text = str(last.get("text", ""))
    start = underline - len(text)
    return start if start >= 0 and state.src[start:underline] == text else None


class BodyParser:
    """A canvas body -> mistune's top-level tokens, and from them vplint's headings and list items.

    ``simple_lists`` takes the shortcut of :func:`_simple_list`; off, mistune parses every list
    itself (the tests compare the two).
    """

    def __init__(self, *, simple_lists: bool = True) -> None:
        self._parser = _PositionParser(simple_lists)

    def tokens(self, body: str) -> list[Token]:
        """mistune's top-level tokens for ``body``, with ``_start`` (see :data:`Token`).

        A list the shortcut took also holds ``_item_starts``, where each item's line starts.
        """
        tokens = self._tokens(body)
        for tok in tokens:
            texts = tok.pop("_texts", None)
            if texts is not None:  # the shortcut's compact list, as mistune's token
                tok["children"] = [
                    {"type": "list_item", "children": [{"type": "block_text", "text": text + "\n"}]} for text in texts
                ]
                tok["_item_starts"] = _item_starts(body, tok["_start"], texts)
        return tokens

    def blocks(self, body: str, first_line: int = 1) -> list[Block]:
        """The top-level headings and list items of ``body``, which starts on line ``first_line``."""
        return _blocks(body, self._tokens(body), first_line)

    def _tokens(self, body: str) -> list[Token]:
        """The top-level tokens, a list the shortcut took kept compact (``_texts``, see :func:`_simple_list`)."""
        state = BlockState()
        state.process(body)
        self._parser.parse(state)
        return state.tokens


_DEFAULT = BodyParser()


def parse_body(body: str, first_line: int = 1) -> list[Block]:
    """The top-level headings and list items of ``body``, which starts on line ``first_line`` of its file."""
    return _DEFAULT.blocks(body, first_line)


# --- the simple-list shortcut --------------------------------------------------------------

_SIMPLE_RUN = {bullet: re.compile(rf"(?:{re.escape(bullet)} (?=\S)[^\n]*(?:\n|\Z))+") for bullet in "-*+"}
"""A run of one-line items ``- text`` with one bullet, at the margin, one space after it."""
_BLANK = re.compile(r"[ \t\v\f]*\n")
_ATX_SPEC = re.compile(BlockParser.SPECIFICATION["atx_heading"], re.M)
_NOT_AFTER_BLANK = frozenset("-*+_`~#<>=|0123456789 \t\v\f")
"""First characters of a line that might continue a list or start a block that ends one."""
_MAY_START_BLOCK = frozenset("`~-*+>0123456789")
"""First characters of an item's text that may start a block of its own inside the item (its text never starts
with a space: the run's pattern wants one after the bullet and then a non-space)."""


def _simple_list(m: re.Match[str], state: BlockState, item_start: re.Pattern[str]) -> int | None:
    """mistune's list token for the list a canvas almost always has, built without mistune's machinery.

    A run of one-line items ``- text`` (one bullet, at the margin, one space) that ends at the end
    of the text, at an ATX heading, or at blank lines followed by a plain line is a tight list whose
    items each hold one ``block_text``: exactly what mistune builds, but mistune parses every item
    recursively (half the time vplint spends on a canvas).  Anything else — a continuation line, a
    nested list, a loose list, an item starting a block of its own — returns None and mistune parses
    the list.  ``tests/unit/test_document_fast_lists.py`` checks both paths agree.

    The token is compact: the items' texts in ``_texts``, one string each, and no ``children``
    (:meth:`BodyParser.tokens` expands it to mistune's form).  A list of a hundred thousand items
    costs a string per item, not the three dicts and a list mistune's form takes.
    """
    src = state.src
    pos = m.start()
    bullet = src[pos : pos + 1]
    run = _SIMPLE_RUN[bullet].match(src, pos) if bullet in _SIMPLE_RUN else None
    if run is None:
        return None
    end = run.end()
    texts = src[pos:end].split("\n")
    if texts[-1] == "":
        texts.pop()
    texts = [line[2:] for line in texts]
    for text in texts:
        if text[0] in _MAY_START_BLOCK and item_start.match(text + "\n"):
            return None  # the item starts a nested list, a quote or code
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
            "_texts": texts,
            "tight": True,
            "bullet": bullet,
            "attrs": {"depth": 0, "ordered": False},
        }
    )
    return end


def _item_starts(src: str, start: int, texts: list[str]) -> list[int]:
    """Where each item of a compact list starting at ``start`` starts: one line each."""
    starts = []
    for text in texts:
        starts.append(start)
        start += len(text) + 3  # the bullet, its space, the text and the newline
    return starts


def _is_heading_at(src: str, pos: int) -> bool:
    """An ATX heading at the margin (indented, it would continue the list item)."""
    return src.startswith("#", pos) and _ATX_SPEC.match(src, pos) is not None


# --- tokens -> headings and items ----------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_MARKER = re.compile(r"^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)")
_FENCE_LINE = re.compile(r"^ *(`{3,}|~{3,})")


def _blocks(src: str, tokens: list[Token], first_line: int) -> list[Block]:
    """Headings and list items from the top-level tokens, with their lines.

    Top-level tokens come in the order of their offsets, so each one's line is counted from the
    previous one's (newlines in between): no table of every line of the body is built, and the
    body is split into lines only if mistune parsed a list itself.
    """
    starts = [t.get("_start") for t in tokens]
    blocks: list[Block] = []
    line0, counted_to = 0, 0  # 0-based line of the offset ``counted_to``
    all_lines: list[str] | None = None

    def line_of(offset: int) -> int:
        nonlocal line0, counted_to
        if offset >= counted_to:
            line0 += src.count("\n", counted_to, offset)
        else:  # pragma: no cover - tokens are in order; counted afresh if they ever are not
            line0 = src.count("\n", 0, offset)
        counted_to = offset
        return line0

    for idx, tok in enumerate(tokens):
        start_off = starts[idx]
        if start_off is None:
            continue
        ln0 = line_of(start_off)
        if tok["type"] == "heading":
            raw = _line_at(src, start_off)
            m = _ATX.match(raw)
            # an ATX heading's text follows its marks; a setext heading's is the whole line
            text_col = m.end() + 1 if m else len(raw) - len(raw.lstrip()) + 1
            title = " ".join(str(tok.get("text", "")).split())
            blocks.append(Heading(int(tok["attrs"]["level"]), title, first_line + ln0, text_col))
        elif tok["type"] == "list":
            texts = tok.get("_texts")
            if texts is not None:  # a list the shortcut took: one-line items, text in column 3
                line = first_line + ln0
                blocks.extend(Item(text.strip(), line + k, 3) for k, text in enumerate(texts))
                continue
            if all_lines is None:  # split once, for the lists mistune parsed itself
                all_lines = src.split("\n")
            later = next((later for later in starts[idx + 1 :] if later is not None), None)
            end_ln0 = len(all_lines) if later is None else line_of(later)
            blocks.extend(_list_items(tok, all_lines, ln0, end_ln0, first_line))
    return blocks


def _line_at(src: str, offset: int) -> str:
    """The whole line of ``src`` that holds ``offset``."""
    start = src.rfind("\n", 0, offset) + 1
    end = src.find("\n", offset)
    return src[start : end if end >= 0 else len(src)]


def _list_items(tok: Token, lines: list[str], ln0: int, end_ln0: int, first_line: int) -> list[Item]:
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
