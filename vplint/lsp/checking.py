"""The check of one text that never raises: a rule that fails is a finding, not a crash.

The language server runs the library's own steps (:func:`~vplint.lint.pipeline.lint_document`, then
:func:`~vplint.lint.runner.finish_run`), so an editor shows what ``vplint check`` prints.  Around
them: a rule that raises is found from the traceback, the check runs again without it, and the
failure becomes one finding naming the rule (:class:`Failure`); a buffer larger than vplint reads
from a file is parsed as those bytes, so it gets the one F009 finding a file that large gets.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from vplint.config.loader import Config
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_document
from vplint.lint.result import FileResult
from vplint.lint.runner import finish_run
from vplint.lint.selection import finish
from vplint.parser.document import MAX_BYTES, Document, parse_document
from vplint.rules import RULES

__all__ = ["Failure", "buffer_document", "failing_rule", "failure_diagnostic", "finish_guarded", "lint_guarded"]


@dataclass(frozen=True)
class Failure:
    """A rule that raised: its code, and the exception (with its traceback) for the log."""

    code: str
    error: BaseException
    cross_file: bool = False

    @property
    def summary(self) -> str:
        return f"{type(self.error).__name__}: {self.error}"

    def log_text(self) -> str:
        rule = RULES.get(self.code)
        name = rule.name if rule is not None else "?"
        trace = "".join(traceback.format_exception(self.error)).rstrip()
        return f"vplint: rule {self.code} ({name}) raised {self.summary}\n{trace}"


def buffer_document(text: str, path: str) -> Document:
    """``text`` parsed as vplint parses a file at ``path`` holding it; over the size limit, the F009 finding."""
    if len(text) > MAX_BYTES // 4:  # only then can its UTF-8 exceed the limit
        data = text.encode("utf-8", "surrogatepass")
        if len(data) > MAX_BYTES:
            return parse_document(data, path)  # F009, as read_document reports a file that large
    return parse_document(text, path)


def failing_rule(exc: BaseException) -> str | None:
    """The code of the rule whose check (or check across files) raised ``exc``, from its traceback."""
    checks: dict[object, str] = {}
    for code, rule in RULES.items():
        for fn in (rule.check, rule.check_all):
            found = getattr(fn, "__code__", None)
            if found is not None:
                checks[found] = code
    tb = exc.__traceback__
    while tb is not None:
        found_code = checks.get(tb.tb_frame.f_code)
        if found_code is not None:
            return found_code
        tb = tb.tb_next
    return None


def lint_guarded(
    make_document: Callable[[], Document], config: Config, options: Options
) -> tuple[FileResult, list[Failure]]:
    """:func:`lint_document` of a fresh document; a rule that raises is left out and named in the failures.

    Anything else that raises (the parser, the model, the schema) propagates: it is not a rule's.
    """
    failures: list[Failure] = []
    while True:
        skip = tuple(f.code for f in failures)
        try:
            res = lint_document(make_document(), config, replace(options, ignore=options.ignore + skip))
        except Exception as exc:
            code = failing_rule(exc)
            if code is None or code in skip:
                raise
            failures.append(Failure(code, exc))
            continue
        return res, failures


def finish_guarded(
    results: Sequence[FileResult], copies: Callable[[], list[FileResult]], options: Options
) -> tuple[list[FileResult], Failure | None]:
    """The results finished as a run finishes them (cross-file rules, selection, suppressions).

    ``copies`` makes fresh copies of ``results``: a cross-file rule that raises may have added findings
    to some before it failed, so then fresh ones are finished without the checks across files.
    """
    finished = list(results)
    try:
        finish_run(finished, options)
        return finished, None
    except Exception as exc:
        code = failing_rule(exc)
        if code is None:
            raise
        fresh = copies()
        for res in fresh:
            finish(res, options)
        return fresh, Failure(code, exc, cross_file=True)


def failure_diagnostic(path: str, failure: Failure, lang: str) -> Diagnostic:
    """The finding that says a rule failed: at the top of the canvas, named by the rule's code."""
    rule = RULES.get(failure.code)
    message_id = "lsp.cross_file_failed" if failure.cross_file else "lsp.rule_failed"
    args = {"code": failure.code, "name": rule.name if rule is not None else "?", "error": failure.summary}
    return Diagnostic(path, 1, 1, failure.code, message_id, Severity.ERROR, args, lang=lang)
