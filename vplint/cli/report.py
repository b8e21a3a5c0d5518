"""``vplint report``: the team's canvases as data for BI tools (``--format json`` or ``csv``).

Every canvas is checked as ``vplint check`` checks it (the configuration, the cross-file rules); the
report then holds one row per canvas, per finding and per item (docs/report.md).  The files are
written each in one step; a run that fails leaves the old ones whole.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    from vplint.cli.check import add_canvas_paths, parse_date

    add_canvas_paths(parser)
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="the folder for the report")
    parser.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json: report.json (schema/team-report.schema.json); csv: canvases.csv, findings.csv and items.csv",
    )
    parser.add_argument("--lang", choices=("en", "zh"), help="language of the findings' messages")
    parser.add_argument(
        "--today", type=parse_date, metavar="YYYY-MM-DD", help="the date ages are counted to (also $VPLINT_TODAY)"
    )
    parser.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file only")
    parser.add_argument("--isolated", action="store_true", help="ignore all configuration files")


def _columns() -> dict[str, list[str]]:
    """Each CSV table's columns: the properties of its row in the report's schema, in order."""
    import json

    from vplint.store.resources import resource_dir

    schema = json.loads((resource_dir("schema") / "team-report.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    return {
        "canvases": list(defs["canvas"]["properties"]),
        "findings": list(defs["finding"]["properties"]),
        "items": list(defs["item"]["properties"]),
    }


def run(args: argparse.Namespace) -> int:
    from vplint.cli.check import configured_paths, lint
    from vplint.config.loader import ConfigError, ConfigLoader
    from vplint.i18n import render
    from vplint.lint.clock import env_language, today
    from vplint.lint.options import Options
    from vplint.report import concise
    from vplint.store.files import write_atomic
    from vplint.team.data import team_data
    from vplint.team.tables import csv_texts, json_text

    ui = args.lang or env_language()
    try:
        options = Options(lang=args.lang, today=args.today, config=args.config, isolated=args.isolated)
        loader = ConfigLoader(options.config, options.isolated)
        paths = args.paths or configured_paths(loader) or ["canvases"]
        result = lint(paths, options, loader)
        day = today(options, loader.for_path(Path.cwd() / "x"))
    except ConfigError as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2
    concise.write_path_errors(result, sys.stderr, args.lang)
    data = team_data(result, day)
    files = {"report.json": json_text(data)} if args.format == "json" else csv_texts(data, _columns())
    out: Path = args.output
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            write_atomic(str(out / name), text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"vplint: {render('cli.cannot_write', {'path': str(out), 'reason': reason}, ui)}", file=sys.stderr)
        return 2
    canvases = len(data["canvases"])
    print(render("report.wrote", {"files": ", ".join(files), "dir": str(out), "canvases": canvases}, ui))
    return 2 if result.missing or result.unreadable else 0
