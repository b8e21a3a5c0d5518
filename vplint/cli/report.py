"""``vplint report``: the team view — a static site (the default), or the same data as JSON or CSV.

Every canvas is checked as ``vplint check`` checks it (the configuration, the cross-file rules); the
report holds one row per canvas, per finding and per item (docs/report.md).  ``--format html`` writes
the pages (:mod:`vplint.team.site`), the briefs of the same run and ``report.json``; ``--history``
adds the weeks of the git history (:mod:`vplint.team.history`).  Every file is written in one step;
a run that fails leaves the old ones whole.  ``--check`` writes nothing and says whether ``DIR``
holds what would be written.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vplint.lint.result import Result


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


def _briefs(result: Result, lang: str | None, ui: str) -> tuple[dict[str, str], dict[str, str]]:
    """The HTML brief of every canvas that can have one, as ``vplint brief --allow-errors --format html`` writes
    it: ``({file name: text}, {canvas path: file name})``."""
    from vplint.briefs.context import TIME_DEPENDENT
    from vplint.briefs.render import Renderer, brief_name
    from vplint.cli.brief import BriefJob, brief_source, render_canvases
    from vplint.report.concise import printable

    renderer = Renderer(ui=ui)
    jobs = []
    for res in result.files:
        canvas = res.canvas
        if res.error is not None or canvas is None or not canvas.text.strip():
            continue
        if any(d.code in ("F001", "F006", "F009") for d in res.diagnostics):
            continue
        root = res.config.root if res.config is not None else Path.cwd()
        try:
            source = brief_source(res.path, root)
        except OSError:  # gone since it was checked
            continue
        kept = [d for d in res.diagnostics if d.code not in TIME_DEPENDENT]  # as `vplint brief` sees the canvas
        jobs.append(BriefJob(dataclasses.replace(res, diagnostics=kept), lang or canvas.written_language("en"), source))
    outputs, _ = render_canvases(jobs, renderer, ["html"], ui)
    names: dict[str, str] = {}
    for job in jobs:
        assert job.res.canvas is not None
        name = f"{brief_name(job.res.canvas.data.get('id'), job.res.path)}.html"
        if name in outputs and name not in names.values():
            names[printable(job.res.path)] = name
    return outputs, names


def _render_site(data: Mapping[str, Any], lang: str, links: Mapping[str, str]) -> dict[str, str]:
    import jinja2

    from vplint.store.resources import resource_dir
    from vplint.team.site import site_pages

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_dir("templates") / "report")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return site_pages(data, lang, links, lambda name, context: env.get_template(name).render(context))


def _folders(files: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """``{"accounts/x.html": ...}`` as ``{"accounts": {"x.html": ...}}`` (the top folder is ``""``)."""
    out: dict[str, dict[str, str]] = {}
    for rel, text in files.items():
        folder, _, name = rel.rpartition("/")
        out.setdefault(folder, {})[name] = text
    return out


_PAGE_FOLDERS = ("accounts", "owners", "briefs")
_GENERATOR = b'<meta name="generator" content="vplint'


def _leftovers(files: Mapping[str, str], out: Path) -> list[str]:
    """Pages of ``out`` that an earlier run made and this one does not: an account, an owner or a canvas gone.

    Only ``*.html`` files of the site's folders that vplint wrote (they carry its generator tag) are counted,
    so a file someone put there is never touched.
    """
    old = []
    for folder in _PAGE_FOLDERS:
        try:
            names = sorted(os.listdir(out / folder))
        except OSError:
            continue
        for name in names:
            rel = f"{folder}/{name}"
            path = out / folder / name
            if rel in files or not name.endswith(".html") or path.is_symlink() or not path.is_file():
                continue
            try:
                with open(path, "rb") as fh:
                    head = fh.read(4096)
            except OSError:
                continue
            if _GENERATOR in head:
                old.append(rel)
    return old


def _check(files: Mapping[str, str], out: Path, ui: str) -> int:
    """``--check``: name each file of ``out`` that is missing, differs or is left over; 1 when any is."""
    from vplint.i18n import render

    bad = 0
    for rel in _leftovers(files, out):
        print(render("report.extra", {"path": str(out / rel)}, ui))
        bad += 1
    for rel in sorted(files):
        target = out / rel
        try:
            current = target.read_bytes() if target.is_file() and not target.is_symlink() else None
        except OSError:
            current = None
        if current is None:
            print(render("report.missing", {"path": str(target)}, ui))
            bad += 1
        elif current != files[rel].encode("utf-8"):
            print(render("report.stale", {"path": str(target)}, ui))
            bad += 1
    if bad:
        print(render("report.not_fresh", {"n": bad, "total": len(files), "dir": str(out)}, ui))
        return 1
    print(render("report.fresh", {"total": len(files), "dir": str(out)}, ui))
    return 0


def _write(files: Mapping[str, str], out: Path) -> None:
    """Every file that differs, each through a temporary file and a rename (so each is whole, old or new),
    then the pages an earlier run left that this one does not make (:func:`_leftovers`)."""
    from vplint.briefs.render import write_outputs
    from vplint.store.files import write_atomic

    old = _leftovers(files, out)
    for folder, names in sorted(_folders(files).items()):
        target = out / folder if folder else out
        pages = {n: t for n, t in names.items() if n.endswith(".html")}
        if pages:
            write_outputs(pages, target)
        for name, text in names.items():
            if name not in pages:
                target.mkdir(parents=True, exist_ok=True)
                write_atomic(str(target / name), text)
    for rel in old:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(out / rel)


def run(args: argparse.Namespace) -> int:
    from vplint.briefs.render import BriefError
    from vplint.cli.check import configured_paths, lint
    from vplint.config.loader import ConfigError, ConfigLoader
    from vplint.i18n import render
    from vplint.lint.clock import env_language, today
    from vplint.lint.options import Options
    from vplint.report import concise
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
    history = None
    if args.history is not None:
        from vplint.team.history import team_history

        jobs = args.jobs if args.jobs is not None else 0
        history = team_history(paths, args.history, day, loader, options, jobs or _cores())
        note = history.data["note"]
        if note is not None:
            print(f"vplint: {render(f'report.history.{note}', {}, ui)}", file=sys.stderr)
    data = team_data(result, day, history.data if history else None, history.changed if history else None)
    if args.format == "csv":
        files = csv_texts(data, _columns())
    elif args.format == "json":
        files = {"report.json": json_text(data)}
    else:
        lang = _site_language(data, args.lang)
        briefs, names = ({}, {}) if args.no_briefs else _briefs(result, args.lang, ui)
        links = {path: f"briefs/{name}" for path, name in names.items()}
        files = {**_render_site(data, lang, links), **{f"briefs/{n}": t for n, t in briefs.items()}}
        files["report.json"] = json_text(data)
    out: Path = args.output
    if args.check:
        return max(_check(files, out, ui), 2 if result.missing or result.unreadable else 0)
    try:
        _write(files, out)
    except (OSError, BriefError) as exc:
        reason = exc.strerror or str(exc) if isinstance(exc, OSError) else str(exc)
        print(f"vplint: {render('cli.cannot_write', {'path': str(out), 'reason': reason}, ui)}", file=sys.stderr)
        return 2
    canvases = len(data["canvases"])
    shown = ", ".join(sorted(files)) if len(files) <= 4 else render("report.files", {"n": len(files)}, ui)
    print(render("report.wrote", {"files": shown, "dir": str(out), "canvases": canvases}, ui))
    return 2 if result.missing or result.unreadable else 0


def _cores() -> int:
    return os.cpu_count() or 1
