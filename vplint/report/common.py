"""What several reporters share: repository-relative paths, rule metadata, fingerprints."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from vplint.diagnostics import Diagnostic
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.result import FileResult
from vplint.rules import RULES
from vplint.store.digest import sha256

__all__ = ["absolute_path", "base_dir", "fingerprints", "relative_path", "repository_root", "rule_name"]


def base_dir(env_var: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder report paths are relative to: the repository root.

    That is ``$env_var`` when it is set (a CI system's checkout: ``GITHUB_WORKSPACE``, ``CI_PROJECT_DIR``),
    else the git top level around the current folder (:func:`repository_root`), else the current folder.
    """
    env = os.environ if environ is None else environ
    value = env.get(env_var, "") if env_var else ""
    if value:
        return Path(os.path.normpath(os.path.abspath(value)))
    cwd = os.path.normpath(os.getcwd())
    return repository_root(cwd) or Path(cwd)


def repository_root(start: str) -> Path | None:
    """The folder ``git rev-parse --show-toplevel`` names from ``start``, found without running git.

    The nearest folder from ``start`` up that holds a ``.git`` entry: a folder, or the file a linked
    worktree or a submodule has.  None outside a repository.
    """
    folder = Path(os.path.normpath(os.path.abspath(start)))
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return None


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
    seen: dict[tuple[str, str], int] = {}
    return [_fingerprint(d, path, res.source_line(d.line), seen) for d in res.diagnostics]


def _fingerprint(d: Diagnostic, path: str, line: str | None, seen: dict[tuple[str, str], int]) -> str:
    text = (line or "").strip()
    key = (d.code, text)
    occurrence = seen.get(key, 0)
    seen[key] = occurrence + 1
    data = "\0".join((path, d.code, text, str(occurrence)))
    return sha256(data.encode("utf-8", "surrogateescape")).hexdigest()
