"""Code actions: the fix ``vplint check --fix`` has for a finding, every fix at once, and a suppression comment.

* **Quick fix** — each finding on the requested lines that carries a safe fix (the findings of a check
  with the fixable style rules on, as ``--fix`` checks), as exactly the edits ``--fix`` applies.
* **Fix all** (``source.fixAll.vplint``) — the buffer as ``vplint check --fix`` would write it: the same
  edits through :func:`vplint.lint.fix.fixed_text`, and nothing when ``--fix`` would leave the file alone
  (a finding about the file itself, F..., or mixed line ends).
* **Suppress** — ``<!-- vplint-disable-next-line CODE -->`` above a finding in the body; in the
  front-matter, where no comment covers one line, and for a finding on a blank line, ``# vplint:
  disable=CODE`` (the whole file), as ``vplint check --add-suppressions`` does.  None for the F codes (no
  comment covers a finding about the file itself).  The comment ends with the buffer's line end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from vplint.diagnostics import Diagnostic, Edit
from vplint.i18n import render
from vplint.lint.fix import fixed_text
from vplint.lsp.buffers import Buffer
from vplint.lsp.diagnostics import SOURCE
from vplint.lsp.positions import Lines

__all__ = ["FIX_ALL", "KINDS", "code_actions", "fix_all_edits"]

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.vplint"
KINDS: list[types.CodeActionKind | str] = [types.CodeActionKind.QuickFix, FIX_ALL]
_NOT_SUPPRESSIBLE = ("U001",)
"""A U001 points at a suppression comment: a comment above it would skip it (comments are not content)."""
_LINE_END = re.compile(r"\r\n|\r|\n")


def line_end(text: str) -> str:
    """The line end ``text`` uses (its first one; LF in a text of one line): what a line the server inserts ends
    with, so that a CRLF buffer stays CRLF (``vplint check --fix`` leaves a file with mixed line ends alone)."""
    m = _LINE_END.search(text)
    return m.group(0) if m is not None else "\n"


def _wanted(kind: str, only: Sequence[types.CodeActionKind | str] | None) -> bool:
    """Whether the client asked for actions of ``kind`` (``only`` lists kinds and their parents)."""
    if only is None:
        return True
    asked = [k.value if isinstance(k, types.CodeActionKind) else k for k in only]
    return any(kind == k or kind.startswith(f"{k}.") for k in asked)


def _range(lines: Lines, line0: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(*lines.to_client(line0, start)), types.Position(*lines.to_client(line0, end)))


def text_edit(lines: Lines, e: Edit) -> types.TextEdit | None:
    """A vplint edit as an LSP one; None when the text no longer holds what the edit replaces."""
    line0, start, end = e.line - 1, e.column - 1, e.end_column - 1
    text = lines.text(line0)
    if (
        not 0 <= line0 < len(lines)
        or start < 0
        or end > len(text)
        or start > end
        or (e.old and text[start:end] != e.old)
    ):
        return None
    return types.TextEdit(range=_range(lines, line0, start, end), new_text=e.text)


def _mixed_line_ends(text: str) -> bool:
    crlf = text.count("\r\n")
    kinds = [n for n in (crlf, text.count("\r") - crlf, text.count("\n") - crlf) if n]
    return len(kinds) > 1


def fix_all_edits(buf: Buffer, findings: Sequence[Diagnostic]) -> list[types.TextEdit] | None:
    """The edits that turn the buffer into what ``vplint check --fix`` writes (None: it writes nothing)."""
    if any(d.code.startswith("F") for d in findings):
        return None
    edits = [e for d in findings for e in d.fix]
    if not edits or _mixed_line_ends(buf.text):
        return None
    text = buf.document.text
    fixed, applied = fixed_text(text, edits)
    if not applied or fixed == text:
        return None
    old, new = text.split("\n"), fixed.split("\n")
    lines = buf.lines
    if len(old) != len(new):  # an edit that adds or removes a line: replace the whole text
        start = types.Position(*lines.to_client(0, 0))
        whole = fixed.replace("\n", line_end(buf.text))
        return [types.TextEdit(range=types.Range(start, types.Position(*lines.end())), new_text=whole)]
    return [
        types.TextEdit(range=_range(lines, i, 0, len(a)), new_text=b)
        for i, (a, b) in enumerate(zip(old, new, strict=True))
        if a != b
    ]


def _on_lines(d: Diagnostic, first: int, last: int) -> bool:
    return first <= d.line - 1 <= last


def _matching(d: Diagnostic, sent: Sequence[types.Diagnostic], lines: Lines) -> list[types.Diagnostic]:
    """The client's diagnostics that are this finding (same code, same start)."""
    start = types.Position(*lines.to_client(d.line - 1, d.column - 1))
    return [s for s in sent if s.source == SOURCE and s.code == d.code and s.range.start == start]


def _rule_name(code: str) -> str:
    from vplint.report.common import rule_name

    return rule_name(code) or code


def quick_fixes(
    buf: Buffer, fixable: Sequence[Diagnostic], first: int, last: int, sent: Sequence[types.Diagnostic], lang: str
) -> list[types.CodeAction]:
    out = []
    for d in fixable:
        if not d.fix or not _on_lines(d, first, last):
            continue
        edits = [te for e in d.fix if (te := text_edit(buf.lines, e)) is not None]
        if len(edits) != len(d.fix):
            continue
        out.append(
            types.CodeAction(
                title=render("lsp.fix", {"code": d.code, "name": _rule_name(d.code)}, lang),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=_matching(d, sent, buf.lines) or None,
                edit=types.WorkspaceEdit(changes={buf.uri: edits}),
                is_preferred=True,
            )
        )
    return out


def suppressions(
    buf: Buffer, findings: Sequence[Diagnostic], first: int, last: int, sent: Sequence[types.Diagnostic], lang: str
) -> list[types.CodeAction]:
    doc, lines = buf.document, buf.lines
    newline = line_end(buf.text)
    out = []
    seen: set[tuple[int, str]] = set()
    for d in findings:
        if not _on_lines(d, first, last) or d.code in _NOT_SUPPRESSIBLE or d.message_id.startswith("lsp."):
            continue
        if d.code.startswith("F"):  # the file itself (empty, not text, no front-matter): no comment covers it
            continue
        if (d.line, d.code) in seen:
            continue
        seen.add((d.line, d.code))
        # a comment covers the next line that is not blank: a finding on a blank line (or past the end) is
        # suppressed for the whole file, as ``vplint check --add-suppressions`` does
        on_text = d.line <= len(lines) and bool(lines.text(d.line - 1).strip())
        if d.line >= doc.body_line and on_text:
            line0 = d.line - 1
            indent = lines.text(line0)[: len(lines.text(line0)) - len(lines.text(line0).lstrip())]
            comment = f"{indent}<!-- vplint-disable-next-line {d.code} -->{newline}"
            title = render("lsp.suppress_line", {"code": d.code}, lang)
        elif doc.front_matter is not None and doc.body_line > 2:
            line0 = doc.body_line - 2  # the closing '---': the comment goes just above it, inside the front-matter
            comment = f"# vplint: disable={d.code}{newline}"
            title = render("lsp.suppress_file", {"code": d.code}, lang)
        else:
            continue
        at = types.Position(*lines.to_client(line0, 0))
        edit = types.TextEdit(range=types.Range(at, at), new_text=comment)
        out.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=_matching(d, sent, lines) or None,
                edit=types.WorkspaceEdit(changes={buf.uri: [edit]}),
            )
        )
    return out


def skeletons(
    buf: Buffer, findings: Sequence[Diagnostic], first: int, last: int, sent: Sequence[types.Diagnostic], lang: str
) -> list[types.CodeAction]:
    """For each finding on the lines that says a section, a field or a key is missing: add it as ``vplint new``
    writes it, with a ``<prompt>`` to fill (:mod:`vplint.lsp.skeleton`)."""
    from vplint.lsp.skeleton import insertions

    lines = buf.lines
    newline = line_end(buf.text)
    text = "\n".join(lines.text(i) for i in range(len(lines)))
    out = []
    for ins in insertions(text, lang, [d for d in findings if _on_lines(d, first, last)]):
        new_text = ins.text.replace("\n", newline)
        if ins.line >= len(lines):  # past the last line (no final line end): after it, on a line of its own
            at = types.Position(*lines.end())
            new_text = newline + new_text
        else:
            at = types.Position(*lines.to_client(ins.line, 0))
        out.append(
            types.CodeAction(
                title=render("lsp.add_skeleton", {"what": ins.what}, lang),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=_matching(ins.finding, sent, lines) or None,
                edit=types.WorkspaceEdit(
                    changes={buf.uri: [types.TextEdit(range=types.Range(at, at), new_text=new_text)]}
                ),
            )
        )
    return out


def code_actions(
    buf: Buffer,
    params: types.CodeActionParams,
    findings: Sequence[Diagnostic],
    fixable: Sequence[Diagnostic],
    lang: str,
) -> list[types.CodeAction]:
    """The actions for the requested range: quick fixes, skeletons of what is missing and suppressions of the
    findings on its lines, fix all.

    ``findings``: what the buffer reports; ``fixable``: the findings of a check as ``--fix`` runs it.
    """
    only = params.context.only
    first = params.range.start.line
    last = max(params.range.end.line, first)
    sent = params.context.diagnostics
    out: list[types.CodeAction] = []
    if _wanted(types.CodeActionKind.QuickFix.value, only):
        out += quick_fixes(buf, fixable, first, last, sent, lang)
        out += skeletons(buf, findings, first, last, sent, lang)
        out += suppressions(buf, findings, first, last, sent, lang)
    if _wanted(FIX_ALL, only):
        edits = fix_all_edits(buf, fixable)
        if edits:
            out.append(
                types.CodeAction(
                    title=render("lsp.fix_all", {}, lang),
                    kind=FIX_ALL,
                    edit=types.WorkspaceEdit(changes={buf.uri: edits}),
                )
            )
    return out
