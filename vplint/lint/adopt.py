"""``vplint check --add-suppressions``: adopt vplint on existing canvases by suppressing what it finds today.

Every current finding gets a suppression where it is, so the next check shows only new findings and
each old one stays visible in the file, to be fixed and its comment removed:

- in the body, ``<!-- vplint-disable-next-line CODE ... -->`` on its own line just above the finding's
  line, indented like it (one comment per line, the codes of every finding there; an existing
  ``disable-next-line`` comment right above is extended instead of stacking a second one);
- in the front-matter, where a Markdown comment cannot go, ``# vplint: disable=CODE,...`` on the line
  after the opening ``---``: that one covers its codes in the whole file;
- a finding on a blank line or past the end (a missing section) is covered by the front-matter comment too.

Findings of the F codes (the file is empty, not text, its front-matter broken) cannot be suppressed.
The change is a pure function of the text and the findings (:func:`add_suppressions`); the command
writes each file in one step and checks the files again, so what could not be suppressed is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from vplint.diagnostics import Diagnostic
from vplint.parser.directives import YAML_DIRECTIVE, directive_codes

__all__ = ["Added", "add_suppressions", "front_matter_end", "suppress_file"]

_NEXT_LINE = re.compile(r"^(\s*)<!--\s*vplint-disable-next-line\b([^>]*?)\s*-->\s*$")


@dataclass(frozen=True)
class Added:
    text: str
    """The text with the suppressions."""
    suppressed: int
    """Findings now suppressed."""
    comments: int
    """Comment lines added or extended."""


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front-matter, None when there is none."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def add_suppressions(text: str, diagnostics: Iterable[Diagnostic]) -> Added:
    """``text`` (LF line ends) with a suppression for each finding of ``diagnostics`` that can have one."""
    lines = text.split("\n")
    end = front_matter_end(lines) or 0
    by_line: dict[int, set[str]] = {}
    file_wide: set[str] = set()
    suppressed = 0
    for d in diagnostics:
        if d.code.startswith("F"):
            continue
        suppressed += 1
        index = d.line - 1
        if (end and index <= end) or index >= len(lines) or not lines[index].strip():
            file_wide.add(d.code)
        else:
            by_line.setdefault(index, set()).add(d.code)
    comments = 0
    for index in sorted(by_line, reverse=True):  # bottom up: the indexes above stay valid
        codes = sorted(by_line[index])
        above = _NEXT_LINE.match(lines[index - 1]) if index > 0 else None
        if above is not None:
            merged = sorted({*directive_codes(above.group(2)), *codes})
            lines[index - 1] = f"{above.group(1)}<!-- vplint-disable-next-line {' '.join(merged)} -->"
        else:
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
            lines.insert(index, f"{indent}<!-- vplint-disable-next-line {' '.join(codes)} -->")
        comments += 1
    if file_wide:
        if not end:  # no front-matter to hold it: the Markdown comment for the whole file, first
            lines.insert(0, f"<!-- vplint-disable-file {' '.join(sorted(file_wide))} -->")
        else:
            present = next((i for i in range(1, end) if YAML_DIRECTIVE.match(lines[i])), None)
            old = YAML_DIRECTIVE.match(lines[present]) if present is not None else None
            if present is not None and old is not None:
                if old.group(1) is not None:  # a bare "disable" already covers every code
                    merged = sorted({*directive_codes(old.group(1)), *file_wide})
                    lines[present] = f"# vplint: disable={','.join(merged)}"
            else:
                lines.insert(1, f"# vplint: disable={','.join(sorted(file_wide))}")
        comments += 1
    return Added("\n".join(lines), suppressed, comments)


def suppress_file(path: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, Added] | None:
    """The new content of the file at ``path`` (its line ends and byte-order mark kept) and what was added;
    None when nothing can be added or the file is not UTF-8 text with one kind of line end."""
    from vplint.lint.fix import split_text
    from vplint.store.files import open_regular

    diags = [d for d in diagnostics if not d.code.startswith("F")]
    if not diags:
        return None
    with open(path, "rb", opener=open_regular) as fh:  # a pipe put in its place must not block
        data = fh.read()
    split = split_text(data)
    if split is None:
        return None
    bom, text, newline = split
    added = add_suppressions(text, diags)
    return bom + added.text.replace("\n", newline), added
