"""The check of one document: parse, build the model, validate, run the per-file rules.

:func:`lint_text` is the whole check of one text — a file's or an editor buffer that was
never saved — and returns it finished.  :func:`lint_document` and :func:`lint_file` stop
before the run-wide steps (cross-file rules, selection, suppressions), which
:mod:`vplint.lint.runner` applies once every file of a run is known.
"""

from __future__ import annotations

from vplint.config.loader import Config
from vplint.lint.clock import env_language, today
from vplint.lint.codes import UNREADABLE
from vplint.lint.options import Options
from vplint.lint.result import FileResult
from vplint.lint.selection import enabled_codes, finish, per_config
from vplint.lint.suppressions import parse_directives
from vplint.model.canvas import build_canvas
from vplint.parser.document import Document, parse_document, read_document
from vplint.rules import RULES, Check, Context
from vplint.validation.schema import validate

__all__ = ["lint_document", "lint_file", "lint_text"]

_SWALLOWED = ("front_matter.unclosed", "front_matter.unclosed_at")
"""The front-matter never ends, so the whole file was taken for it: there is no body to check, and every
finding about a missing section would only repeat the F002."""


def lint_text(
    text: str | bytes, path: str = "<string>", config: Config | None = None, options: Options | None = None
) -> FileResult:
    """Check one canvas held in memory, finished (no cross-file rules; no configuration file is read)."""
    options = options or Options()
    res = lint_document(parse_document(text, path), config or Config(), options)
    finish(res, options)
    return res


def lint_file(path: str, config: Config, options: Options) -> FileResult:
    """The per-file part of a check of the file at ``path``; an unreadable file is a result with an error."""
    try:
        doc = read_document(path)
    except OSError as exc:
        lang = options.lang or config.language or env_language()
        return FileResult(path, error=exc.strerror or str(exc), lang=lang, config=config)
    return lint_document(doc, config, options)


def lint_document(doc: Document, config: Config, options: Options) -> FileResult:
    """The per-file part of a check of a parsed document: raw findings, not yet selected or suppressed."""
    canvas = build_canvas(doc)
    lang = options.lang or config.language or canvas.written_language(env_language())
    diagnostics = list(canvas.diagnostics)
    if doc.text.strip() and not any(d.code in UNREADABLE or d.message_id in _SWALLOWED for d in doc.diagnostics):
        schema_diags = validate(canvas, lang)
        if doc.front_matter is None:  # the front-matter is already reported as broken
            schema_diags = [d for d in schema_diags if d.message_id != "schema.missing_key"]
        diagnostics.extend(schema_diags)
        for check, ctx in _rule_plan(config, options, lang):
            diagnostics.extend(check(canvas, ctx))
    directives = parse_directives(doc.text, doc.body_line) if ("<!--" in doc.text or "vplint:" in doc.text) else []
    return FileResult(doc.path, diagnostics, canvas, lang=lang, document=doc, config=config, directives=directives)


def _rule_plan(config: Config, options: Options, lang: str) -> list[tuple[Check, Context]]:
    """The enabled per-file rules with their contexts, worked out once per configuration, options, language and day."""
    day = today(options, config)

    def plan() -> list[tuple[Check, Context]]:
        enabled = enabled_codes(config, options)
        return [
            (
                rule.check,
                Context(lang=lang, today=day, options=rule.resolved_options(config.rule_options(rule.code, rule.name))),
            )
            for rule in RULES.values()
            if rule.check is not None and rule.code in enabled
        ]

    return per_config(config, ("plan", options, lang, day), plan)
