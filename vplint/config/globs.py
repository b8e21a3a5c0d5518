"""The globs of ``include``, ``exclude`` and ``per-file-ignores``: gitignore-like, and never slow.

``*`` matches within a name, ``**`` across folders (``**/`` also none), ``?`` one character of a
name, ``[abc]``, ``[a-z]`` and ``[!abc]`` (or ``[^abc]``) one character of a set.  A pattern
without ``/`` matches a file's name in any folder; one with ``/`` matches the path relative to
the configuration file's folder.  A trailing ``/`` is allowed on the path.

A pattern is translated once.  Python's regular expressions backtrack, so a pattern with many
stars (``*a*a*a*a*a*a*a*a*b``) could take exponential time on a long name; a pattern with at most
two unbounded parts (``*.md``, ``**/drafts/*.md``: every pattern people write) becomes a regular
expression, whose worst case is then quadratic in the length of a path, and any other pattern is
matched by simulating its automaton, which takes time linear in the path for a given pattern.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Glob", "compile_glob"]

# tokens: ("lit", c), ("one",), ("class", negated, items), ("star",), ("any",), ("dirs",), ("slash?",)
Token = tuple[object, ...]
_UNBOUNDED = ("star", "any", "dirs")
_MAX_REGEX_UNBOUNDED = 2


@dataclass(frozen=True)
class Glob:
    pattern: str
    tokens: tuple[Token, ...]
    regex: re.Pattern[str] | None

    def match(self, path: str) -> bool:
        if self.regex is not None:
            return self.regex.match(path) is not None
        return _simulate(self.tokens, path)


@functools.lru_cache(maxsize=1024)
def compile_glob(pattern: str) -> Glob:
    tokens = _tokens(pattern)
    unbounded = sum(1 for t in tokens if t[0] in _UNBOUNDED)
    regex = re.compile("".join(_regex(t) for t in tokens) + r"\Z") if unbounded <= _MAX_REGEX_UNBOUNDED else None
    return Glob(pattern, tokens, regex)


def _tokens(pattern: str) -> tuple[Token, ...]:
    pat = pattern.strip()
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    out: list[Token] = [] if anchored else [("dirs",)]
    i = 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out.append(("dirs",))
            i += 3
        elif pat.startswith("**", i):
            out.append(("any",))
            i += 2
        elif pat[i] == "*":
            out.append(("star",))
            i += 1
        elif pat[i] == "?":
            out.append(("one",))
            i += 1
        elif pat[i] == "[" and (found := _class(pat, i)) is not None:
            token, i = found
            out.append(token)
        else:
            out.append(("lit", pat[i]))
            i += 1
    out.append(("slash?",))
    return tuple(out)


def _class(pat: str, start: int) -> tuple[Token, int] | None:
    """The set ``[...]`` at ``start`` and the index after it, or None when it is not closed (a literal ``[``)."""
    i = start + 1
    negated = i < len(pat) and pat[i] in "!^"
    if negated:
        i += 1
    first = i
    items: list[tuple[str, str]] = []
    while i < len(pat) and (pat[i] != "]" or i == first):
        if i + 2 < len(pat) and pat[i + 1] == "-" and pat[i + 2] != "]":
            items.append((pat[i], pat[i + 2]))
            i += 3
        else:
            items.append((pat[i], pat[i]))
            i += 1
    if i >= len(pat):
        return None
    # a reversed range (z-a) matches nothing, as in fnmatch
    return ("class", negated, tuple((low, high) for low, high in items if low <= high)), i + 1


def _in_class(token: Token, c: str) -> bool:
    if c == "/":
        return False
    items = token[2]
    assert isinstance(items, tuple)
    inside = any(low <= c <= high for low, high in items)
    return inside != token[1]


def _takes_one(token: Token, c: str) -> bool:
    """Whether a one-character token (a literal, ``?``, a set) matches ``c``."""
    kind = token[0]
    if kind == "lit":
        return token[1] == c
    if kind == "one":
        return c != "/"
    return kind == "class" and _in_class(token, c)


def _regex(token: Token) -> str:
    kind = token[0]
    if kind == "lit":
        return re.escape(str(token[1]))
    if kind == "class":
        items = token[2]
        assert isinstance(items, tuple)
        body = "".join(re.escape(low) if low == high else f"{re.escape(low)}-{re.escape(high)}" for low, high in items)
        if not body:  # every range was reversed: nothing, or (negated) any one character of a name
            return "[^/]" if token[1] else "(?!)"
        return f"(?!/)[{'^' if token[1] else ''}{body}]"
    return {"one": "[^/]", "star": "[^/]*", "any": ".*", "dirs": "(?:.*/)?", "slash?": "/?"}[str(kind)]


def _simulate(tokens: tuple[Token, ...], path: str) -> bool:
    """Run the pattern's automaton over ``path``: a set of states, one step per character (no backtracking).

    A state is a token index (the next token to match) or ``-index - 1``: inside the ``.*`` of a
    ``dirs`` token at ``index``, waiting for the ``/`` that ends it.
    """
    end = len(tokens)

    def closure(states: set[int]) -> set[int]:
        stack = list(states)
        seen = set(states)
        while stack:
            i = stack.pop()
            if 0 <= i < end and tokens[i][0] in ("star", "any", "dirs", "slash?") and i + 1 not in seen:
                seen.add(i + 1)  # each of these may match nothing
                stack.append(i + 1)
            if 0 <= i < end and tokens[i][0] == "dirs" and -i - 1 not in seen:
                seen.add(-i - 1)
                stack.append(-i - 1)
        return seen

    states = closure({0})
    for c in path:
        after: set[int] = set()
        for i in states:
            if i < 0:  # inside a dirs token: any character, and a "/" may end it
                after.add(i)
                if c == "/":
                    after.add(-i)  # -(-index - 1) == index + 1
                continue
            if i >= end:
                continue
            kind = tokens[i][0]
            if _takes_one(tokens[i], c):
                after.add(i + 1)
            elif (kind == "star" and c != "/") or kind == "any":
                after.add(i)
            elif kind == "slash?" and c == "/":
                after.add(i + 1)
        if not after:
            return False
        states = closure(after)
    return end in states
