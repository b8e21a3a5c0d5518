"""``path:line:col: CODE message``, one finding a line, then a summary."""

from __future__ import annotations

from typing import TextIO

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import count, render
from vplint.lint.clock import env_language
from vplint.lint.result import FileResult, PathProblem, Result
from vplint.report.terminal import terminal_text

__all__ = [
    "fix_summary",
    "format_line",
    "path_problem",
    "printable",
    "summary",
    "summary_language",
    "write",
    "write_io_error",
    "write_path_errors",
    "write_summary",
]


def printable(path: str) -> str:
    """A path as text any terminal can show: undecodable bytes become ``\\xNN``, control characters escapes."""
    return terminal_text(path)


def format_line(d: Diagnostic) -> str:
    fixable = " [*]" if d.fix else ""
    return f"{printable(d.path)}:{d.line}:{d.column}: {d.code}{fixable} {terminal_text(d.message)}"


def fix_summary(fixes: int, files: int, lang: str, would: bool = False) -> str:
    key = "summary.would_fix" if would else "summary.fixed"
    return render(key, {"fixes": count("findings", fixes, lang), "files": count("files", files, lang)}, lang)


def write_io_error(res: FileResult, err: TextIO, lang: str | None) -> None:
    lang = lang or res.lang
    message = render("cli.unreadable", {"path": printable(res.path), "reason": res.error or ""}, lang)
    print(f"vplint: {message}", file=err)


def summary(result: Result, lang: str) -> str:
    """``Found 2 errors in 1 file (2 files checked).``: the files counted are those with findings.

    The checked count is added when it differs; with nothing found, ``All clean: N files checked``.
    """
    checked = len(result.files)
    parts = []
    for kind, sev in (("errors", Severity.ERROR), ("warnings", Severity.WARNING), ("infos", Severity.INFO)):
        n = result.count(sev)
        if n:
            parts.append(count(kind, n, lang))
    unreadable = sum(1 for f in result.files if f.error is not None)
    if unreadable:
        parts.append(count("unreadable", unreadable, lang))
    if not parts:
        return render("summary.clean", {"files": count("files", checked, lang)}, lang)
    sep = "、" if lang == "zh" else ", "
    flagged = sum(1 for f in result.files if f.diagnostics or f.error is not None)
    args = {"counts": sep.join(parts), "files": count("files", flagged, lang)}
    if flagged == checked:
        return render("summary.found", args, lang)
    return render("summary.found_of", {**args, "checked": count("files", checked, lang)}, lang)


def path_problem(problem: PathProblem, lang: str) -> str:
    """The message for a path that cannot be looked at (a folder that cannot be listed, a name too long, ...)."""
    return render("cli.unreadable", {"path": printable(problem.path), "reason": problem.reason}, lang)


def write_path_errors(result: Result, err: TextIO, lang: str | None = None) -> None:
    """Tell ``err`` about the paths that do not exist or cannot be looked at, and the files that could not be read."""
    summary_lang = summary_language(result, lang)
    for path in result.missing:
        print(f"vplint: {render('cli.no_path', {'path': printable(path)}, summary_lang)}", file=err)
    for problem in result.unreadable:
        print(f"vplint: {path_problem(problem, summary_lang)}", file=err)
    for res in result.files:
        if res.error is not None:
            write_io_error(res, err, lang)


def write_summary(result: Result, out: TextIO, lang: str | None = None) -> None:
    """The closing lines: what was found in how many files, and how many findings ``--fix`` can fix."""
    if result.files or not (result.missing or result.unreadable):
        summary_lang = summary_language(result, lang)
        print(summary(result, summary_lang), file=out)
        fixable = sum(1 for d in result.diagnostics if d.fix)
        if fixable:
            print(render("summary.fixable", {"n": fixable}, summary_lang), file=out)


def write(result: Result, out: TextIO, err: TextIO, lang: str | None = None, summary: bool = True) -> None:
    """One line a finding, then (unless ``summary`` is false: ``--quiet``) the summary."""
    write_path_errors(result, err, lang)
    for res in result.files:
        for d in res.diagnostics:
            print(format_line(d), file=out)
    if summary:
        write_summary(result, out, lang)


def summary_language(result: Result, lang: str | None = None) -> str:
    """``lang`` if given, else the language most of the checked canvases are written in."""
    if lang:
        return lang
    langs = [f.lang for f in result.files]
    if not langs:
        return env_language()
    return "zh" if langs.count("zh") > langs.count("en") else "en"
