"""One fuzz iteration: parse → check → safe fixes → meeting briefs, with what every result must satisfy.

:func:`exercise` runs a canvas (bytes or text) through the whole library the way the command
line does — ``vplint export`` (the model as JSON), ``vplint check`` with every rule,
``vplint check --fix`` (the edits the findings carry), ``vplint brief --allow-errors`` (both
formats, one-canvas and account briefs, in the canvas's language) — and raises
:class:`Violation` when a property is broken:

* nothing raises out of vplint; every problem is a finding with a known code, a line and
  column inside the input and a message in both languages; every fix edit points into the input;
* the model is JSON (what ``vplint export`` prints);
* applying the safe fixes never makes a file unparseable, and fixing a fixed file changes nothing;
* a brief's HTML has no ``<script``, no element or attribute that the shipped templates do not
  write (canvas text never becomes markup), and its mind map SVG is well-formed XML;
* a brief's Markdown has no unescaped ``<`` (no raw HTML from canvas text) and its Mermaid block
  has one quoted label per line.

The suite uses it in ``tests/property/test_property_briefs.py``; the long campaign in ``fuzz_vplint.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import vplint
from vplint.briefs.context import TIME_DEPENDENT, account_context, canvas_context
from vplint.briefs.render import Renderer
from vplint.diagnostics import Diagnostic
from vplint.i18n import render
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.fix import fixed_text
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.model.canvas import detect_language
from vplint.rules import RULES
from vplint.store.resources import resource_dir

__all__ = [
    "HOSTILE",
    "SEEDS",
    "Outcome",
    "Violation",
    "exercise",
    "seed_corpus",
]

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 27)
"""The sample canvases' pinned date: results do not move with the calendar."""
KNOWN_CODES = frozenset(RULES) | frozenset(BUILTIN_CODES)
_CODE = re.compile(r"[A-Z]\d{3}")
_UNREADABLE = ("F001", "F006", "F009")
"""A file with one of these is not a canvas at all: it never gets a brief."""

HOSTILE = (
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//example.invalid/x.js></SCRIPT>",
    "<scr<script>ipt>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "</svg><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<!-- x -->",
    "]]><script>",
    "<![CDATA[x]]>",
    "&lt;script&gt;",
    "&#60;script&#62;",
    "{{ 7*7 }}",
    "{% raw %}",
    "{% endraw %}",
    "{{ ''.__class__.__mro__ }}",
    "{title}",
    "{detail}{{",
    "`` ` ``",
    "```",
    "| a | b |",
    "# heading",
    "> quote",
    "1. item",
    "**b** _i_ ~~s~~",
    "\\",
    "\u2028",
    "\u202e",
    "\x1b[31m",
    "\x0b",
    "\ufffe",
    "\U0001f600",
    "华信<b>物流</b>",
)
"""Text that would be markup, script or template code if vplint ever treated canvas text as such."""


class Violation(AssertionError):
    """A property every result must have does not hold: ``kind`` names it, ``detail`` says where."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Outcome:
    """What one iteration did (for the campaign's statistics)."""

    findings: int
    parsed: bool
    fixed: bool
    briefed: bool


def seed_corpus() -> list[Path]:
    """The shipped samples and every rule fixture: real canvases, clean and broken."""
    return sorted((ROOT / "canvases").glob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))


SEEDS: tuple[str, ...] = tuple(p.read_text(encoding="utf-8") for p in sorted((ROOT / "canvases").glob("*.md")))
"""The two sample canvases (English and Chinese)."""


# --- findings -----------------------------------------------------------------------------------


def _lines(data: bytes | str) -> list[str]:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _check_findings(diags: Sequence[Diagnostic], lines: Sequence[str]) -> None:
    for d in diags:
        where = f"{d.code} at {d.line}:{d.column} ({d.message_id})"
        if not _CODE.fullmatch(d.code) or d.code not in KNOWN_CODES:
            raise Violation("unknown-code", where)
        if not 1 <= d.line <= len(lines) + 1:
            raise Violation("line-outside-input", f"{where}; the input has {len(lines)} lines")
        text = lines[d.line - 1] if d.line <= len(lines) else ""
        if not 1 <= d.column <= len(text) + 1:
            raise Violation("column-outside-line", f"{where}; the line has {len(text)} characters: {text!r}")
        for lang in ("en", "zh"):
            if not render(d.message_id, d.args, lang):
                raise Violation("no-message", f"{where} in {lang}")
        for e in d.fix:
            if not 1 <= e.line <= len(lines) or not 1 <= e.column <= e.end_column:
                raise Violation("edit-outside-input", f"{where}: {e}")


# --- briefs -------------------------------------------------------------------------------------

_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")


@functools.cache
def allowed_tags() -> frozenset[str]:
    """Every element the shipped HTML templates and the mind map SVG can write."""
    import vplint.briefs.mindmap

    sources = [p.read_text(encoding="utf-8") for p in sorted(resource_dir("templates").glob("*.html.j2"))]
    sources.append(Path(vplint.briefs.mindmap.__file__).read_text(encoding="utf-8"))
    return frozenset(m.lower() for text in sources for m in _TAG.findall(text))


_URL_ATTRIBUTES = frozenset({"href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "data"})


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in allowed_tags():
            self.problems.append(f"element <{tag}> that no template writes")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}= on <{tag}>")
            if name in _URL_ATTRIBUTES and value and "javascript:" in value.lower().replace(" ", ""):
                self.problems.append(f"javascript: URL in {name}= on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def check_html(html: str, tolerate: frozenset[str] = frozenset()) -> None:
    if "<script" in html.lower():
        raise Violation("html-script", "the HTML brief contains '<script'")
    parser = _Markup()
    parser.feed(html)
    parser.close()
    if parser.problems:
        raise Violation("html-markup", parser.problems[0])
    start, end = html.find("<svg"), html.find("</svg>")
    if start >= 0:
        try:
            ET.fromstring(html[start : end + len("</svg>")])
        except ET.ParseError as exc:
            if "svg-not-xml" not in tolerate:
                raise Violation("svg-not-xml", f"the mind map SVG is not well-formed XML: {exc}") from None


_MERMAID_LINE = re.compile(r' +(root\(\("[^"]*"\)\)|n\d+\["[^"]*"\])')


def check_markdown(md: str) -> None:
    unescaped = re.search(r"(?<!\\)<", md)
    if unescaped:
        context = md[max(0, unescaped.start() - 30) : unescaped.start() + 30]
        raise Violation("markdown-raw-html", f"unescaped '<' in {context!r}")
    for block in re.findall(r"```mermaid\n(.*?)```", md, re.S):
        for line in block.splitlines()[1:]:
            if not _MERMAID_LINE.fullmatch(line):
                raise Violation("mermaid-label", f"a label breaks out of its quotes: {line!r}")


def _brief(data: bytes | str, renderer: Renderer, lang: str | None, tolerate: frozenset[str]) -> bool:
    """Render the briefs ``vplint brief --allow-errors`` writes for this canvas; False if it gets none."""
    res = lint_text(data, "canvas.md", options=Options(lang=lang, ignore=TIME_DEPENDENT, today=TODAY))
    canvas = res.canvas
    if canvas is None or not canvas.text.strip() or any(d.code in _UNREADABLE for d in res.diagnostics):
        return False
    own = canvas.data.get("language")
    brief_lang = lang or (own if own in ("en", "zh") else detect_language(canvas.text))
    view = canvas_context(canvas, res.diagnostics, brief_lang, renderer.bank(brief_lang), "canvases/canvas.md")
    account = canvas.data.get("account")
    combined = account_context(account.strip() if isinstance(account, str) else "", [view], brief_lang)
    for kind, context in (("brief", view), ("account", combined)):
        for fmt in ("md", "html"):
            out = renderer.render(renderer.template_name(kind, brief_lang, fmt), {**context, "format": fmt})
            if fmt == "html":
                check_html(out, tolerate)
            else:
                check_markdown(out)
    return True


def _first_change(before: str, after: str) -> str:
    for number, (old, new) in enumerate(zip(before.split("\n"), after.split("\n"), strict=False), 1):
        if old != new:
            return f"a second --fix changes line {number}: {old!r} -> {new!r}"
    return "a second --fix changes the file's length"


# --- the iteration ------------------------------------------------------------------------------


def exercise(
    data: bytes | str,
    renderer: Renderer | None = None,
    *,
    lang: str | None = None,
    tolerate: frozenset[str] = frozenset(),
) -> Outcome:
    """Run ``data`` through parse, check, fix and brief; raise :class:`Violation` if a property breaks.

    Any other exception is a crash: vplint raised on input it should have reported.  ``tolerate``
    names violation kinds not to raise (known bugs, each with its own xfail test in the suite).
    """
    lines = _lines(data)
    model = vplint.parse(data)
    try:
        json.dumps(model, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise Violation("model-not-json", str(exc)) from None

    res = lint_text(data, "canvas.md", options=Options(select=("ALL",), fix=True, today=TODAY))
    if res.error is not None:
        raise Violation("io-error", str(res.error))
    _check_findings(res.diagnostics, lines)
    parsed = not any(d.code.startswith("F") for d in res.diagnostics)

    fixed = False
    edits = [e for d in res.diagnostics for e in d.fix]
    if parsed and edits:  # what ``--fix`` writes (fix_file refuses files with F findings)
        text = "\n".join(lines)
        after, applied = fixed_text(text, edits)
        fixed = applied > 0
        again = lint_text(after, "canvas.md", options=Options(select=("ALL",), fix=True, today=TODAY))
        broken = [d for d in again.diagnostics if d.code.startswith("F")]
        if broken:
            raise Violation("fix-breaks-file", f"{broken[0].code} {broken[0].message}")
        second, _ = fixed_text(after, [e for d in again.diagnostics for e in d.fix])
        if second != after and "fix-not-idempotent" not in tolerate:
            raise Violation("fix-not-idempotent", _first_change(after, second))

    briefed = _brief(data, renderer or Renderer(), lang, tolerate)
    return Outcome(len(res.diagnostics), parsed, fixed, briefed)
