"""``vplint check``: check canvases, report findings, apply safe fixes."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from vplint.report import ENV_VAR, FORMATS

if TYPE_CHECKING:
    from vplint.config.loader import ConfigLoader
    from vplint.lint.discovery import Discovery
    from vplint.lint.fix import FixOutcome
    from vplint.lint.options import Options
    from vplint.lint.result import Result
    from vplint.report import Format
    from vplint.store.replay import Replay


def parse_date(value: str) -> dt.date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


MAX_JOBS = 256
"""More worker processes than this only costs memory: each one holds vplint and its share of the files."""


def jobs_count(value: str) -> int:
    """An argparse type: a number of worker processes, 1 to :data:`MAX_JOBS`."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if not 1 <= jobs <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_JOBS}, not {value!r}")
    return jobs


def add_canvas_paths(parser: argparse.ArgumentParser) -> None:
    """The canvases a command reads (``brief``, ``report``): paths as ``check`` takes them."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="canvases or folders (folders are searched for *.md); default: the configured 'paths', else canvases/",
    )


def add_jobs(parser: argparse.ArgumentParser) -> None:
    """``--jobs``/``-j``, as ``check`` and ``brief`` take it."""
    parser.add_argument(
        "--jobs",
        "-j",
        type=jobs_count,
        metavar="N",
        help=f"worker processes for large runs, 1 to {MAX_JOBS} (default: all cores; 1: none)",
    )


def _codes(value: str) -> list[str]:
    return [c for c in value.replace(" ", ",").split(",") if c]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to check (folders are searched for *.md); default: the configured "
        "'paths', else canvases/",
    )
    parser.add_argument("--lang", choices=("en", "zh"), help="message language (default: each canvas's own)")
    parser.add_argument(
        "--select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="check only these codes or prefixes (comma-separated; ALL for every rule)",
    )
    parser.add_argument(
        "--extend-select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="check these codes in addition to the configured ones",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="do not report these codes or prefixes",
    )
    parser.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file only")
    parser.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    parser.add_argument(
        "--today",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date time-dependent rules take as today (also $VPLINT_TODAY)",
    )
    add_jobs(parser)
    parser.add_argument(
        "--no-cache", action="store_true", help="do not read or write the result cache (.vplint_cache/)"
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="with '-' (read the canvas from standard input): the path it stands for, for the configuration "
        "and the messages",
    )
    parser.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    parser.add_argument("--diff", action="store_true", help="show the safe fixes as a diff; change nothing")
    parser.add_argument(
        "--add-suppressions",
        action="store_true",
        help="write a suppression comment for every current finding (to adopt vplint on existing canvases), "
        "then report what could not be suppressed",
    )
    parser.add_argument(
        "--output-format",
        type=str.lower,
        choices=list(FORMATS),
        metavar="FORMAT",
        help=f"how to report findings: {', '.join(FORMATS)} (also ${ENV_VAR}; default: full on a terminal, "
        "else concise)",
    )
    parser.add_argument(
        "--output-file",
        "-o",
        type=Path,
        metavar="PATH",
        help="write the report to this file (replaced in one step) instead of standard output",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the full report: auto (on a terminal, unless $NO_COLOR), always or never",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print the findings and nothing else (no summary, no fix counts)"
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="count the findings of each code instead of listing them (JSON with --output-format json)",
    )
    parser.add_argument(
        "--show-files", action="store_true", help="list the files a check would read, one a line, and stop"
    )
    parser.add_argument(
        "--show-settings",
        metavar="PATH",
        help="print the settings a check of PATH uses and where each comes from, and stop",
    )
    exits = parser.add_mutually_exclusive_group()
    exits.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit with 0 even when errors are found (a missing or unreadable file still exits with 2)",
    )
    exits.add_argument("--strict", action="store_true", help="warnings also make the exit code 1")


def exit_code(result: Result, *, exit_zero: bool = False, strict: bool = False) -> int:
    """:func:`vplint.lint.result.exit_code`: the exit code of a check run."""
    from vplint.lint.result import exit_code as code_of

    return code_of(result, exit_zero=exit_zero, strict=strict)


def _replay(args: argparse.Namespace, loader: ConfigLoader, discovered: Discovery) -> Replay:
    from vplint.store.replay import Replay

    folder = Path(os.environ.get("VPLINT_CACHE_DIR") or ".vplint_cache")
    argv = sorted((k, str(v)) for k, v in vars(args).items() if k != "run")
    files, missing, unreadable = discovered
    configs = {loader.for_file(f).path for f in files} | {loader.for_file(str(Path.cwd() / "x")).path}
    # a path that cannot be looked at counts like a missing one, told apart by its reason (no path holds a NUL)
    problems = [*missing, *(f"{p.path}\0unreadable\0{p.reason}" for p in unreadable)]
    return Replay.prepare(folder, [str(a) for a in argv], files, problems, configs)


def lint(paths: list[str], options: Options, loader: ConfigLoader, discovered: Discovery | None = None) -> Result:
    """:func:`~vplint.lint.runner.lint_paths`, imported only when there is work to do (the parser, schema, rules)."""
    from vplint.lint.runner import lint_paths

    return lint_paths(paths, options, loader, discovered)


def _cannot_fix(path: str, exc: OSError, lang: str) -> None:
    from vplint.i18n import render
    from vplint.report.concise import printable
    from vplint.store.files import ReplaceRefused

    # a refusal of vplint's own is said in the reader's language; the system's reasons as the system says them
    reason = render(exc.message_id, exc.values, lang) if isinstance(exc, ReplaceRefused) else exc.strerror or str(exc)
    print(f"vplint: {render('cli.cannot_fix', {'path': printable(path), 'reason': reason}, lang)}", file=sys.stderr)


def configured_paths(loader: ConfigLoader) -> list[str]:
    """The configuration's ``paths`` (from the working folder's configuration), relative to its file's folder."""
    config = loader.for_path(Path.cwd() / "x")
    return [os.path.relpath(config.root / p) if not Path(p).is_absolute() else p for p in config.paths]


def options_from(args: argparse.Namespace) -> Options:
    """The run's options from the command line.  Raises ConfigError for an unknown code or prefix."""
    from vplint.config.loader import check_selectors
    from vplint.lint.options import Options

    for flag in ("select", "extend_select", "ignore"):
        check_selectors(getattr(args, flag), f"--{flag.replace('_', '-')}")
    return Options(
        lang=args.lang,
        today=args.today,
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        extend_select=tuple(args.extend_select),
        config=args.config,
        isolated=args.isolated,
        fix=args.fix or args.diff,
        keep=False,
        jobs=args.jobs,
        cache=not args.no_cache and not os.environ.get("VPLINT_NO_CACHE"),
    )


_COLOUR_ENV = {"always": ("FORCE_COLOR", "NO_COLOR"), "never": ("NO_COLOR", "FORCE_COLOR")}
"""``--color``: the variable the full report's colour follows that it sets, and the one it clears."""


@contextlib.contextmanager
def _colour(choice: str) -> Iterator[None]:
    """``--color always|never`` for the length of one run: as ``FORCE_COLOR`` or ``NO_COLOR`` would."""
    if choice not in _COLOUR_ENV:
        yield
        return
    on, off = _COLOUR_ENV[choice]
    saved = {name: os.environ.get(name) for name in (on, off)}
    os.environ[on] = "1"
    os.environ.pop(off, None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(args: argparse.Namespace) -> int:
    with _colour(args.color):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from vplint.config.loader import ConfigError, ConfigLoader
    from vplint.lint.discovery import discover
    from vplint.report import choose_format

    try:
        fmt = choose_format(args.output_format, io.StringIO() if args.output_file else sys.stdout)
    except ValueError as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2
    if args.show_settings is not None:
        from vplint.cli.settings import show_settings

        try:
            options = options_from(args)
            text = show_settings(args.show_settings, options, ConfigLoader(options.config, options.isolated))
        except ConfigError as exc:
            print(f"vplint: error: {exc}", file=sys.stderr)
            return 2
        sys.stdout.write(text)
        return 0
    if "-" in args.paths or args.stdin_filename is not None:
        from vplint.cli.stdin import check_stdin

        try:
            options = options_from(args)
        except ConfigError as exc:
            print(f"vplint: error: {exc}", file=sys.stderr)
            return 2
        return check_stdin(args, fmt, options)
    try:
        options = options_from(args)
        loader = ConfigLoader(options.config, options.isolated)
        paths = args.paths or configured_paths(loader) or ["canvases"]
        discovered = discover(paths, loader)
        if args.show_files:
            return _show_files(args, discovered)
        replay = None
        if options.cache and not (args.fix or args.diff or args.add_suppressions):
            replay = _replay(args, loader, discovered)
            stored = replay.lookup()
            if stored is not None:  # nothing changed since the same run: its output, again
                if not _emit(args, stored[0]):
                    return 2
                sys.stderr.write(stored[1])
                return stored[2]
        result = lint(paths, options, loader, discovered)
    except ConfigError as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2
    if args.fix or args.diff:
        return _fix(args, fmt, result, paths, options, loader)
    if args.add_suppressions:
        return _add_suppressions(args, fmt, result, paths, options, loader)
    return _report(args, fmt, result, replay)


def _add_suppressions(
    args: argparse.Namespace, fmt: Format, result: Result, paths: list[str], options: Options, loader: ConfigLoader
) -> int:
    """Suppress every current finding where it is (:mod:`vplint.lint.adopt`), then report what remains."""
    from vplint.i18n import count, render
    from vplint.lint.adopt import suppress_file
    from vplint.report import concise
    from vplint.store.files import write_atomic

    failed = False
    added = files = 0
    for f in result.files:
        if f.error is not None or not f.diagnostics:
            continue
        try:
            change = suppress_file(f.path, f.diagnostics)
            if change is None:
                continue
            write_atomic(f.path, change[0])
        except OSError as exc:  # gone or unwritable since it was checked: that file is left as it was
            _cannot_fix(f.path, exc, args.lang or f.lang)
            failed = True
            continue
        added += change[1].suppressed
        files += 1
    after = lint(paths, options, loader)
    _write(args, fmt, after, sys.stdout, sys.stderr)
    lang = args.lang or concise.summary_language(after)
    counts = {"findings": count("findings", added, lang), "files": count("files", files, lang)}
    if not args.quiet:
        print(render("summary.suppressed", counts, lang), file=sys.stderr if fmt.machine else sys.stdout)
    return 2 if failed else exit_code(after, exit_zero=args.exit_zero, strict=args.strict)


def _show_files(args: argparse.Namespace, discovered: Discovery) -> int:
    from vplint.cli.settings import show_files
    from vplint.i18n import render
    from vplint.lint.clock import env_language
    from vplint.report import concise

    for path in show_files(discovered):
        print(concise.printable(path))
    ui = args.lang or env_language()
    for path in discovered.missing:
        print(f"vplint: {render('cli.no_path', {'path': concise.printable(path)}, ui)}", file=sys.stderr)
    for problem in discovered.unreadable:
        print(f"vplint: {concise.path_problem(problem, ui)}", file=sys.stderr)
    return 2 if discovered.missing or discovered.unreadable else 0


def _emit(args: argparse.Namespace, report: str) -> bool:
    """The report to standard output, or with ``--output-file`` to that file in one step; False if it failed."""
    if args.output_file is None:
        sys.stdout.write(report)
        return True
    from vplint.store.files import write_atomic

    try:
        write_atomic(str(args.output_file), report)
    except OSError as exc:
        from vplint.i18n import render
        from vplint.lint.clock import env_language

        reason = exc.strerror or str(exc)
        values = {"path": str(args.output_file), "reason": reason}
        message = render("cli.cannot_write", values, args.lang or env_language())
        print(f"vplint: {message}", file=sys.stderr)
        return False
    return True


def _write(args: argparse.Namespace, fmt: Format, result: Result, out: TextIO, err: TextIO) -> None:
    """The report in the chosen format, or (``--statistics``) the count of each code's findings."""
    if args.statistics:
        from vplint.cli.statistics import write_statistics

        write_statistics(result, out, err, fmt.name == "json", args.lang)
    elif args.quiet:
        fmt.write_quiet(result, out, err, lang=args.lang)
    else:
        fmt.write(result, out, err, lang=args.lang)


def _report(args: argparse.Namespace, fmt: Format, result: Result, replay: Replay | None) -> int:
    """Write the report; remember it for replay when the run may be replayed."""
    code = exit_code(result, exit_zero=args.exit_zero, strict=args.strict)
    if replay is None and args.output_file is None:
        _write(args, fmt, result, sys.stdout, sys.stderr)
        return code
    from vplint.store.replay import Tee

    out, err = Tee(io.StringIO() if args.output_file else sys.stdout), Tee(sys.stderr)
    _write(args, fmt, result, out, err)  # type: ignore[arg-type]
    if args.output_file is not None and not _emit(args, out.getvalue()):
        return 2
    if replay is not None:
        replay.store(out.getvalue(), err.getvalue(), code)
    return code


def _fix(
    args: argparse.Namespace, fmt: Format, result: Result, paths: list[str], options: Options, loader: ConfigLoader
) -> int:
    """``--diff``: show the safe fixes; ``--fix``: apply them, then report what remains as a plain check would."""
    from vplint.lint.fix import fix_file
    from vplint.report import concise

    failed = False
    outcomes: list[FixOutcome] = []
    for f in result.files:
        try:
            outcome = fix_file(f.path, f.diagnostics)
        except OSError as exc:  # the file went away or became unreadable since it was checked
            _cannot_fix(f.path, exc, args.lang or f.lang)
            failed = True
            continue
        if outcome is not None and outcome.changed:
            outcomes.append(outcome)
    if args.diff:  # the diff is the output, whatever the format
        return _show_diff(args, result, outcomes, failed)
    outcomes, failed = _write_fixes(args, outcomes, failed, {f.path: f.lang for f in result.files})
    after = lint(paths, replace(options, fix=False), loader)
    report = io.StringIO() if args.output_file else sys.stdout
    _write(args, fmt, after, report, sys.stderr)
    if isinstance(report, io.StringIO) and not _emit(args, report.getvalue()):
        failed = True
    if outcomes and not args.quiet:  # on stderr when stdout carries a machine-readable report
        print(
            concise.fix_summary(
                sum(o.applied for o in outcomes), len(outcomes), args.lang or concise.summary_language(after)
            ),
            file=sys.stderr if fmt.machine else sys.stdout,
        )
    return 2 if failed else exit_code(after, exit_zero=args.exit_zero, strict=args.strict)


def _show_diff(args: argparse.Namespace, result: Result, outcomes: list[FixOutcome], failed: bool) -> int:
    from vplint.lint.fix import unified_diff
    from vplint.report import concise

    concise.write_path_errors(result, sys.stderr, args.lang)
    out = getattr(sys.stdout, "buffer", None)
    for o in outcomes:  # the file's own bytes (UTF-8) whatever the terminal's encoding: the diff must apply
        if out is None:
            sys.stdout.write(unified_diff(o))
        else:
            sys.stdout.flush()
            out.write(unified_diff(o).encode("utf-8", "surrogateescape"))
    if out is not None:
        out.flush()
    fixed = sum(o.applied for o in outcomes)
    lang = concise.summary_language(result, args.lang)
    if not args.quiet:
        print(concise.fix_summary(fixed, len(outcomes), lang, would=True), file=sys.stderr)
    if result.exit_code == 2 or failed:
        return 2
    return 1 if outcomes and not args.exit_zero else 0


def _write_fixes(
    args: argparse.Namespace, outcomes: list[FixOutcome], failed: bool, langs: dict[str, str]
) -> tuple[list[FixOutcome], bool]:
    """Write each fixed file in one step; the ones that could not be written are left out, with a message.

    ``langs`` gives each file's language: a message about a file is in its language unless ``--lang`` says.
    """
    from vplint.store.files import write_atomic

    written = []
    for o in outcomes:
        try:
            write_atomic(o.path, o.fixed)
            written.append(o)
        except OSError as exc:  # nothing half-written: write_atomic replaces the file in one step or not at all
            _cannot_fix(o.path, exc, args.lang or langs.get(o.path, "en"))
            failed = True
    return written, failed
