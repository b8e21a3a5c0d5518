"""What several reporters share: source lines, repository-relative paths, rule metadata, fingerprints."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from vplint.diagnostics import Diagnostic
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.engine import FileResult
from vplint.rules import RULES
from vplint.store.digest import sha256

__all__ = ["absolute_path", "base_dir", "file_lines", "fingerprints", "relative_path", "rule_name", "source_line"]


def file_lines(res: FileResult) -> list[str]:
    """The lines of a checked file as vplint parsed it (newlines normalised, no byte-order mark)."""
    if res.document is not None and res.document.text:
        text = res.document.text
    elif res.canvas is not None and res.canvas.text:
        text = res.canvas.text
    else:  # a lean or cached result keeps no text: read the file again (only the full format needs it)
        from vplint.parser.document import read_document

        try:
            text = read_document(res.path).text
        except OSError:
            return []
    return text.split("\n")


def source_line(lines: list[str], line: int) -> str | None:
    """Line ``line`` (1-based), or None when the file has no such line."""
    return lines[line - 1] if 1 <= line <= len(lines) else None


def base_dir(env_var: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder report paths are relative to: ``$env_var`` when it is set (a CI system's checkout), else the cwd."""
    env = os.environ if environ is None else environ
    value = env.get(env_var, "") if env_var else ""
    return Path(os.path.normpath(os.path.abspath(value or os.getcwd())))


def absolute_path(path: str) -> Path:
    """``path`` made absolute against the current folder, ``..`` folded (symbolic links are not followed)."""
    return Path(os.path.normpath(os.path.join(os.getcwd(), path)))


def relative_path(path: str, base: Path) -> str | None:
    """``path`` relative to ``base`` with forward slashes, or None when it lies outside ``base``.

    Purely textual (symbolic links are not followed), so it names the file the way the user named it.
    """
    try:
        return absolute_path(path).relative_to(base).as_posix()
    except ValueError:
        return None


def rule_name(code: str) -> str:
    rule = RULES.get(code)
    if rule is not None:
        return rule.name
    builtin = BUILTIN_CODES.get(code)
    return builtin.name if builtin is not None else ""


def fingerprints(res: FileResult, path: str) -> list[str]:
    """A stable fingerprint for each of the file's findings, in order.

    sha256 of the file's ``path`` (as the report writes it), the code, the text of the
    finding's line without surrounding blanks, and a counter that tells apart findings
    with the same code on identical lines.  The line number is not part of it, so adding
    or removing lines elsewhere in the canvas does not change the fingerprint, and neither
    does the message language or wording.
    """
    lines = file_lines(res)
    seen: dict[tuple[str, str], int] = {}
    out: list[str] = []
    for d in res.diagnostics:
        out.append(_fingerprint(d, path, lines, seen))
    return out


def _fingerprint(d: Diagnostic, path: str, lines: list[str], seen: dict[tuple[str, str], int]) -> str:
    text = (source_line(lines, d.line) or "").strip()
    key = (d.code, text)
    occurrence = seen.get(key, 0)
    seen[key] = occurrence + 1
    data = "\0".join((path, d.code, text, str(occurrence)))
    return sha256(data.encode("utf-8", "surrogateescape")).hexdigest()
