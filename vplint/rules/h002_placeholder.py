"""No placeholder text is left in the canvas.

Every part of the canvas is something the rep has found out with the customer: the
decision-maker's KPIs (method §1, docs/method.md#decision-maker), the diagnosis of each
problem (§3), the evidence of a change (§7).  A placeholder (``TODO``, ``TBD``, ``FIXME``,
``XXX``, ``???``, a template prompt such as ``<what you found>`` or ``<请填写>``, or 待补充, 待定,
待填写, 待确认) passes the structural checks while saying nothing, and a brief built from it would
put the gap in front of the rep's manager or the customer.  vplint scans the whole file
except fenced code blocks; HTML tags (``<br>``, ``<a href=...>``), HTML comments and
autolinks (``<https://...>``, ``<name@example.com>``) are not prompts, and the Latin words
count only as whole words (``mastodon`` holds no ``todo``).  Replace each placeholder with
what you know, or remove it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "H002"
NAME = "placeholder"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
画布中不能留有占位内容。

画布的每一部分都应是销售和客户一起了解到的事实：决策人的 KPI（方法 §1，docs/method.zh.md#decision-maker）、每个问题的
诊断（§3）、变化的证据（§7）。占位内容（TODO、TBD、FIXME、XXX、???、模板提示如 <what you found> 或 <请填写>，以及“待补
充”“待定”“待填写”“待确认”）能通过结构检查，却什么也没说；用它生成的简报会把这个缺口直接摆到销售的上级或客户面前。
vplint 检查除代码块之外的整个文件；HTML 标签（<br>、<a href=...>）、HTML 注释和自动链接（<https://...>、
<name@example.com>）不算模板提示；英文单词只按整词匹配（mastodon 中的 todo 不算）。请把每处占位内容替换为实际内容，或
删除。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
- Feeling: TBD
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
- Feeling: anxiety about the first audit
"""

# whole words: not inside another word, nor hyphen-joined to one ("todo-list" is ordinary English)
_WORDS = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z0-9]-)(?:(?i:todo|tbd|fixme)|XXX)(?!-?[A-Za-z0-9])")
_QUESTIONS = re.compile(r"[?？]{3,}")
# 期待定, 对待确认, 等待补充 ... are ordinary words running into the next one
_ZH = re.compile(r"(?<![期对接招优善亏虐款等看厚宽担交])(?:待补充|待填写|待确认|待定)")
_ANGLE = re.compile(r"<([^<>\n]+)>|＜[^＜＞\n]+＞")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(
    r"(?:https?|ftp)://[!-~]+|mailto:[!-~]+|(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", re.A
)
"""Links and e-mail addresses, whose words are not placeholders.  An address starts where its run of
address characters starts (the look-behind): trying every position inside a long run was quadratic."""
_AUTOLINK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+")
_TAG = re.compile(r"/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HTML_TAG_NAMES = (
    "a abbr address article aside audio b bdi bdo blockquote body br button caption center cite code col colgroup "
    "data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 "
    "h6 head header hr html i iframe img input ins kbd label legend li link main mark meta meter nav noscript "
    "object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select "
    "small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time "
    "title tr track tt u ul var video wbr"
)
HTML_TAGS = frozenset(_HTML_TAG_NAMES.split())


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def _fenced(lines: list[str]) -> set[int]:
    """Indexes of the lines of fenced code blocks, fences included."""
    out: set[int] = set()
    fence = ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence:
            out.add(i)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end() :].strip():
                fence = ""
        elif m:
            out.add(i)
            fence = m.group(1)
    return out


def _is_prompt(line: str, m: re.Match[str]) -> bool:
    inner = m.group(1)
    if inner is None:  # full-width brackets are never markup
        return True
    if not inner[0].isalpha() or line[: m.start()].endswith("]("):  # comments, closing tags, link targets
        return False
    if _AUTOLINK.fullmatch(inner):
        return False
    tag = _TAG.fullmatch(inner)
    return not (tag and tag.group(1).lower() in HTML_TAGS)


_MAYBE = re.compile(r"[<＜?？待]|todo|tbd|fixme|xxx", re.IGNORECASE)
"""Every placeholder contains one of these: lines without any are skipped (most lines of most canvases)."""


def placeholders(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, text) of each placeholder, 1-based."""
    if not _MAYBE.search(text):
        return
    lines = text.split("\n")
    words = _LINK.sub(_blank, text).split("\n")
    markup = _COMMENT.sub(_blank, text).split("\n")
    code = _fenced(lines)
    for n, line in enumerate(lines):
        if n in code or not _MAYBE.search(line):
            continue
        spans = [m.span() for m in _ANGLE.finditer(markup[n]) if _is_prompt(markup[n], m)]
        for rx in (_WORDS, _QUESTIONS, _ZH):
            spans.extend(m.span() for m in rx.finditer(words[n]))
        end = -1
        for start, stop in sorted(spans):
            if start >= end:  # overlapping matches (``<TODO>``) are one placeholder
                yield n + 1, start + 1, line[start:stop]
                end = stop


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    for line, column, found in placeholders(canvas.text):
        yield Diagnostic(canvas.path, line, column, CODE, "H002.placeholder", args={"text": found})
