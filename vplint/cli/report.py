"""``vplint report``: the team view — a static site (the default), or the same data as JSON or CSV.

Every canvas is checked as ``vplint check`` checks it (the configuration, the cross-file rules); the
report holds one row per canvas, per finding and per item (docs/report.md).  ``--format html`` writes
the pages (:mod:`vplint.team.site`), the briefs of the same run and ``report.json``; ``--history``
adds the weeks of the git history (:mod:`vplint.team.history`).  Every file is written in one step
as it is made (:mod:`vplint.team.output`); a run that fails leaves each file whole, old or new.
``--check`` writes nothing and says whether ``DIR`` holds what would be written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vplint.team.output import Output


def _span(value: str) -> Any:
    from vplint.team.history import HistoryError, parse_span

    try:
        return parse_span(value)
    except HistoryError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def configure(parser: argparse.ArgumentParser) -> None:
    from vplint.cli.check import add_canvas_paths, add_jobs, parse_date

    add_canvas_paths(parser)
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="the folder for the report")
    parser.add_argument(
        "--format",
        choices=("html", "json", "csv"),
        default="html",
        help="html (default): the team site with its briefs and report.json; json: report.json "
        "(schema/team-report.schema.json); csv: canvases.csv, findings.csv and items.csv",
    )
    parser.add_argument(
        "--history",
        type=_span,
        metavar="SPAN",
        help="add weekly trends from the git history: a number of weeks (26w) or the first day (YYYY-MM-DD)",
    )
    parser.add_argument("--no-briefs", action="store_true", help="html: leave out the briefs (the pages link none)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a file in DIR is missing or differs from what would be written",
    )
    parser.add_argument("--lang", choices=("en", "zh"), help="language of the pages and of the findings' messages")
    parser.add_argument(
        "--today", type=parse_date, metavar="YYYY-MM-DD", help="the date ages are counted to (also $VPLINT_TODAY)"
    )
    add_jobs(parser)
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


def _site_language(data: Mapping[str, Any], forced: str | None) -> str:
    """``--lang``, else the language most canvases are written in (English on a tie)."""
    if forced:
        return forced
    langs = Counter(c["language"] for c in data["canvases"] if c["readable"])
    return "zh" if langs["zh"] > langs["en"] else "en"


def _say_check(output: Output, ui: str) -> int:
    """``--check``: each file that is missing, stale or left over, then the verdict; 1 when not fresh."""
    from vplint.i18n import render

    for key, rels in (("missing", output.missing), ("stale", output.stale), ("extra", output.leftover)):
        for rel in rels:
            print(render(f"report.{key}", {"path": str(output.out / rel)}, ui))
    if not output.fresh:
        bad = len(output.missing) + len(output.stale) + len(output.leftover)
        print(render("report.not_fresh", {"n": bad, "dir": str(output.out)}, ui))
        return 1
    print(render("report.fresh", {"total": len(output.made), "dir": str(output.out)}, ui))
    return 0


def run(args: argparse.Namespace) -> int:
    from vplint.briefs.render import BriefError, Renderer
    from vplint.cli.check import configured_paths
    from vplint.config.loader import ConfigError, ConfigLoader
    from vplint.i18n import render
    from vplint.lint.clock import env_language, today
    from vplint.lint.options import Options
    from vplint.report import concise
    from vplint.team.collect import collect
    from vplint.team.data import team_data
    from vplint.team.output import Output
    from vplint.team.tables import csv_texts, json_pieces

    ui = args.lang or env_language()
    output = Output(args.output, check=args.check)
    try:
        options = Options(lang=args.lang, today=args.today, config=args.config, isolated=args.isolated)
        loader = ConfigLoader(options.config, options.isolated)
        paths = args.paths or configured_paths(loader) or ["canvases"]
        day = today(options, loader.for_path(Path.cwd() / "x"))
        jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
        renderer = Renderer(ui=ui) if args.format == "html" and not args.no_briefs else None
        with collect(paths, options, loader, jobs, renderer) as collected:
            result = collected.result
            concise.write_path_errors(result, sys.stderr, args.lang)
            history = None
            if args.history is not None:
                from vplint.team.history import head_versions, team_history

                head = head_versions(result.files, collected.facts)
                history = team_history(paths, args.history, day, loader, options, jobs, head=head)
                note = history.data["note"]
                if note is not None:
                    print(f"vplint: {render(f'report.history.{note}', {}, ui)}", file=sys.stderr)
            data = team_data(
                result, collected.facts, day, history.data if history else None, history.changed if history else None
            )
            collected.facts = {}  # the rows hold what is needed from here on
            if args.format == "csv":
                for name, text in csv_texts(data, _columns()).items():
                    output.put(name, text)
            else:
                output.put("report.json", json_pieces(data))
            if args.format == "html":
                from vplint.team.briefing import Briefing
                from vplint.team.site import render_site

                briefing = Briefing(collected, renderer, args.lang, ui) if renderer is not None else None
                links = briefing.links if briefing is not None else {}
                for rel, text in render_site(data, _site_language(data, args.lang), links):
                    output.put(rel, text)
                if briefing is not None:
                    for rel, text in briefing.pages():
                        output.put(rel, text)
            output.finish(pages=args.format == "html")
    except (ConfigError, BriefError) as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(
            f"vplint: {render('cli.cannot_write', {'path': str(args.output), 'reason': reason}, ui)}", file=sys.stderr
        )
        return 2
    code = 2 if result.missing or result.unreadable else 0
    if args.check:
        return max(_say_check(output, ui), code)
    made = sorted(output.made)
    shown = ", ".join(made) if len(made) <= 4 else render("report.files", {"n": len(made)}, ui)
    print(render("report.wrote", {"files": shown, "dir": str(args.output), "canvases": len(data["canvases"])}, ui))
    return code
