"""The command line: argument parsing only; the work is done by the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__

__all__ = ["main"]


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
        help="files or folders to check (folders are searched for *.md); default: canvases/",
    )
    check.add_argument("--lang", choices=("en", "zh"), help="message language (default: each canvas's own)")

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
        if args.command == "export":
            return _export(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    parser.print_help()
    return 2


def _check(args: argparse.Namespace) -> int:
    from .engine import Options, check_paths
    from .report import concise

    paths = args.paths or ["canvases"]
    result = check_paths(paths, Options(lang=args.lang))
    concise.write(result, sys.stdout, sys.stderr, lang=args.lang)
    return result.exit_code


def _export(args: argparse.Namespace) -> int:
    from .engine import Options, check_file
    from .report import concise

    res = check_file(args.path, Options(lang=args.lang))
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
