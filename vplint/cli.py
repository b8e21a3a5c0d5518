"""The command line: argument parsing only; the work is done by the library."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

__all__ = ["main"]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _codes(value: str) -> list[str]:
    return [c for c in value.replace(" ", ",").split(",") if c]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vplint",
        description="Lint value proposition guidance canvases (markdown + YAML front-matter).",
    )
    parser.add_argument("--version", action="version", version=f"vplint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check canvases and report findings")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to check (folders are searched for *.md); default: the configured "
        "'paths', else canvases/",
    )
    check.add_argument("--lang", choices=("en", "zh"), help="message language (default: each canvas's own)")
    check.add_argument(
        "--select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="check only these codes or prefixes (comma-separated; ALL for every rule)",
    )
    check.add_argument(
        "--extend-select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="check these codes in addition to the configured ones",
    )
    check.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="do not report these codes or prefixes",
    )
    check.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file only")
    check.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    check.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date time-dependent rules take as today (also $VPLINT_TODAY)",
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--diff", action="store_true", help="show the safe fixes as a diff; change nothing")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--lang", choices=("en", "zh"), default=None)
    rules.add_argument("--json", action="store_true", help="print the list as JSON")

    explain = sub.add_parser("explain", help="explain a rule: rationale, failing and passing example")
    explain.add_argument("code", metavar="CODE", help="a rule code (M005) or name (evidence-age)")
    explain.add_argument("--lang", choices=("en", "zh"), default=None)

    export = sub.add_parser("export", help="print the canvas model of a file as JSON")
    export.add_argument("path", metavar="FILE")
    export.add_argument("--lang", choices=("en", "zh"), help="language of any findings printed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "export":
            return _export(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    parser.print_help()
    return 2


def _check(args: argparse.Namespace) -> int:
    from .config import ConfigError, ConfigLoader, check_selectors
    from .engine import Options, check_paths
    from .fix import fix_file, unified_diff, write_atomic
    from .report import concise

    try:
        for flag in ("select", "extend_select", "ignore"):
            check_selectors(getattr(args, flag), f"--{flag.replace('_', '-')}")
        options = Options(
            lang=args.lang,
            today=args.today,
            select=tuple(args.select),
            ignore=tuple(args.ignore),
            extend_select=tuple(args.extend_select),
            config=args.config,
            isolated=args.isolated,
            fix=args.fix or args.diff,
        )
        loader = ConfigLoader(options.config, options.isolated)
        paths = args.paths or list(loader.for_path(Path.cwd() / "x").paths) or ["canvases"]
        result = check_paths(paths, options, loader)
    except ConfigError as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2

    if not (args.fix or args.diff):
        concise.write(result, sys.stdout, sys.stderr, lang=args.lang)
        return result.exit_code

    outcomes = [o for f in result.files if (o := fix_file(f.path, f.diagnostics)) is not None and o.changed]
    if args.diff:
        for o in outcomes:
            sys.stdout.write(unified_diff(o))
        fixed = sum(o.applied for o in outcomes)
        print(concise.fix_summary(fixed, len(outcomes), args.lang or "en", would=True), file=sys.stderr)
        return 1 if outcomes else 0
    for o in outcomes:
        write_atomic(o.path, o.fixed)
    # report what remains, as a plain check would
    after = check_paths(
        paths,
        Options(
            lang=args.lang,
            today=args.today,
            select=tuple(args.select),
            ignore=tuple(args.ignore),
            extend_select=tuple(args.extend_select),
            config=args.config,
            isolated=args.isolated,
        ),
        loader,
    )
    concise.write(after, sys.stdout, sys.stderr, lang=args.lang)
    if outcomes:
        print(concise.fix_summary(sum(o.applied for o in outcomes), len(outcomes), args.lang or "en"))
    return after.exit_code


def _rules(args: argparse.Namespace) -> int:
    from .codes import BUILTIN_CODES
    from .rules import RULES

    lang = args.lang or _env_lang()
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.value if r.default_enabled else "off",
            "fixable": r.fixable,
            "summary": r.summary_zh if lang == "zh" else r.summary_en,
        }
        for r in RULES.values()
    ] + [
        {
            "code": b.code,
            "name": b.name,
            "severity": b.severity.value,
            "fixable": False,
            "summary": b.summary_zh if lang == "zh" else b.summary_en,
        }
        for b in BUILTIN_CODES.values()
    ]
    rows.sort(key=lambda r: (str(r["code"])[0] not in "FS", str(r["code"])))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        fix = "[*]" if row["fixable"] else "   "
        print(f"{row['code']}  {row['name']!s:<26} {row['severity']!s:<8} {fix} {row['summary']}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from .codes import BUILTIN_CODES
    from .rules import rule_by_code

    lang = args.lang or _env_lang()
    rule = rule_by_code(args.code)
    if rule is None:
        builtin = BUILTIN_CODES.get(args.code.upper())
        if builtin is None:
            print(f"vplint: error: unknown rule '{args.code}' (see 'vplint rules')", file=sys.stderr)
            return 2
        print(f"{builtin.code} {builtin.name} ({builtin.severity.value})\n")
        print(builtin.summary_zh if lang == "zh" else builtin.summary_en)
        return 0
    from .ruledocs import explain_text

    print(explain_text(rule, lang))
    return 0


def _env_lang() -> str:
    from .engine import env_language

    return env_language()


def _export(args: argparse.Namespace) -> int:
    from .config import ConfigError
    from .engine import Options, check_file
    from .report import concise

    try:
        res = check_file(args.path, Options(lang=args.lang))
    except ConfigError as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2
    if res.error is not None:
        concise.write_io_error(res, sys.stderr, args.lang)
        return 2
    assert res.canvas is not None
    broken = [d for d in res.diagnostics if d.code.startswith("F")]
    for d in broken:
        print(concise.format_line(d), file=sys.stderr)
    if any(d.code in ("F001", "F006", "F009") for d in broken):
        return 1
    print(json.dumps(res.canvas.data, ensure_ascii=False, indent=2))
    return 1 if broken else 0
