"""``vplint check -``: one canvas read from standard input, as editors and formatters pipe a buffer.

``--stdin-filename PATH`` names the file the text stands for: its configuration is the one found
from PATH's folder, and the messages name PATH.  The text is checked exactly as the same bytes
saved at PATH would be (``tests/integration/test_cli_stdin.py``); the cross-file rules need other
canvases and do not run, as for one file named on the command line.

With ``--fix`` the fixed text goes to standard output (the text unchanged when there is nothing to
fix, so an editor that replaces its buffer with the output never loses it) and the findings that
remain go to standard error; with ``--diff`` the diff goes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vplint.config.loader import Config
    from vplint.lint.options import Options
    from vplint.lint.result import Result
    from vplint.report import Format

__all__ = ["STDIN", "check_stdin"]

STDIN = "-"


def check_stdin(args: argparse.Namespace, fmt: Format, options: Options) -> int:
    """Check standard input with the run's ``options``; report like ``vplint check`` does.  Exit codes as for a file."""
    from vplint.config.loader import ConfigError, ConfigLoader
    from vplint.i18n import render
    from vplint.lint.clock import env_language
    from vplint.lint.result import exit_code

    ui = args.lang or env_language()
    if [p for p in args.paths if p != STDIN] or args.paths.count(STDIN) > 1:
        print(f"vplint: error: {render('cli.stdin_alone', {}, ui)}", file=sys.stderr)
        return 2
    try:
        loader = ConfigLoader(options.config, options.isolated)
        name = args.stdin_filename or STDIN
        config = loader.for_file(name) if args.stdin_filename else loader.for_path(Path.cwd() / STDIN)
    except ConfigError as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2
    from vplint.parser.document import MAX_BYTES

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    result = _check(data, name, config, options)
    if not (args.fix or args.diff):
        (fmt.write_quiet if args.quiet else fmt.write)(result, sys.stdout, sys.stderr, lang=args.lang)
        return exit_code(result, exit_zero=args.exit_zero, strict=args.strict)
    from vplint.lint.fix import fix_bytes, unified_diff

    if len(data) > MAX_BYTES and args.fix:  # too large to check (F009), so echoed whole, never cut
        data += sys.stdin.buffer.read()
    outcome = fix_bytes(name, data, result.files[0].diagnostics)
    changed = outcome is not None and outcome.changed
    if args.diff:
        if outcome is not None and changed:
            _write_bytes(unified_diff(outcome).encode("utf-8", "surrogateescape"))
        return 1 if changed and not args.exit_zero else 0
    fixed = outcome.fixed.encode("utf-8", "surrogateescape") if outcome is not None and changed else data
    _write_bytes(fixed)
    after = _check(fixed, name, config, replace(options, fix=False)) if changed else result
    from vplint.report import FORMATS

    concise = FORMATS["concise"]
    (concise.write_quiet if args.quiet else concise.write)(after, sys.stderr, sys.stderr, lang=args.lang)
    return exit_code(after, exit_zero=args.exit_zero, strict=args.strict)


def _check(data: bytes, name: str, config: Config, options: Options) -> Result:
    """The check of ``data`` as the file ``name`` would be checked alone (:func:`vplint.lint.runner.lint_paths`)."""
    from vplint.lint.pipeline import lint_document
    from vplint.lint.result import Result
    from vplint.lint.runner import finish_run
    from vplint.parser.document import parse_document

    res = lint_document(parse_document(data, name), config, options)
    finish_run([res], options)
    return Result([res])


def _write_bytes(data: bytes) -> None:
    out = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if out is None:  # a text stream (tests): the bytes as text
        sys.stdout.write(data.decode("utf-8", "surrogateescape"))
        return
    out.write(data)
    out.flush()
