"""``vplint export FILE``: print the canvas model as JSON."""

from __future__ import annotations

import argparse
import json
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE")
    parser.add_argument("--lang", choices=("en", "zh"), help="language of any findings printed")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from vplint.config.loader import ConfigError, ConfigLoader
    from vplint.lint.codes import UNREADABLE
    from vplint.lint.options import Options
    from vplint.lint.pipeline import lint_file
    from vplint.lint.selection import finish
    from vplint.report import concise

    try:
        options = Options(lang=args.lang)
        res = lint_file(args.path, ConfigLoader().for_path(Path(args.path)), options)
        finish(res, options)
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
    if any(d.code in UNREADABLE for d in broken):
        return 1
    print(json.dumps(res.canvas.data, ensure_ascii=False, indent=2))
    return 1 if broken else 0
