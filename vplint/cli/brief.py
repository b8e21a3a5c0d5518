"""``vplint brief``: turn canvases into meeting briefs (Markdown and HTML), or check that briefs are fresh.

Everything is rendered in memory first; files are written only when every brief rendered, each
through a temporary file and a rename, so a failed run leaves no half-written brief.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vplint.briefs.render import Renderer
    from vplint.briefs.shards import Checked, Shards
    from vplint.lint.result import FileResult


def configure(parser: argparse.ArgumentParser) -> None:
    from vplint.cli.check import add_canvas_paths, add_jobs

    add_canvas_paths(parser)
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="the folder for the briefs")
    parser.add_argument(
        "--format", choices=("md", "html", "all"), default=None, help="what to write (default: all, both md and html)"
    )
    parser.add_argument(
        "--template",
        metavar="NAME_OR_PATH",
        help="a template name, looked up in the team's templates folder then the shipped ones "
        "(NAME.LANG.FORMAT.j2), or the path of one template file (*.md.j2 or *.html.j2)",
    )
    parser.add_argument("--lang", choices=("en", "zh"), help="language of the briefs (default: each canvas's own)")
    parser.add_argument(
        "--by-account",
        action="store_true",
        help="one brief per account, combining its canvases (one per decision-maker) into a stakeholder map",
    )
    parser.add_argument(
        "--allow-errors",
        action="store_true",
        help="also brief canvases with errors; their briefs carry an 'incomplete' banner listing the gaps",
    )
    parser.add_argument(
        "--no-map",
        action="store_true",
        help="leave out the mind map (on screen it is the overview; in print it always gives way to the two pages)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a brief in DIR is missing or differs from what would be written",
    )
    add_jobs(parser)
    parser.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file only")
    parser.add_argument("--isolated", action="store_true", help="ignore all configuration files")


def _say(key: str, lang: str, **args: object) -> str:
    from vplint.i18n import render

    text = render(f"brief.{key}", args, lang)
    if "|" in text and "n" in args:  # "{n} brief|{n} briefs"
        one, many = text.split("|", 1)
        return one if args["n"] == 1 else many
    return text


def run(args: argparse.Namespace) -> int:
    from vplint.briefs.render import BriefError
    from vplint.config.loader import ConfigError
    from vplint.lint.clock import env_language

    ui = args.lang or env_language()
    try:
        return _run(args, ui)
    except (ConfigError, BriefError) as exc:
        print(f"vplint: error: {exc}", file=sys.stderr)
        return 2


@dataclass
class BriefJob:
    """A canvas that will be briefed."""

    res: FileResult
    lang: str
    source: str


def briefable(res: FileResult, blank: bool | None = None) -> bool:
    """Whether a checked file can have a brief: it was read, as text, and its canvas is not empty.

    ``blank``: whether the canvas has no text, when the result is lean and a worker said so.
    """
    from vplint.lint.codes import UNREADABLE

    canvas = res.canvas
    if res.error is not None or canvas is None:
        return False
    empty = blank if blank is not None else not canvas.text.strip()
    return not empty and not any(d.code in UNREADABLE for d in res.diagnostics)


def brief_source(path: str, root: Path) -> str:
    """The canvas's path as the brief shows it: relative to the configuration's folder, never absolute.

    Raises :class:`OSError` when the file is no longer there to resolve: deleted, or replaced by a link
    loop, since it was checked.  (``os.path.realpath`` in strict mode raises ``OSError`` for a loop
    on every Python; ``Path.resolve()`` raises ``RuntimeError`` before 3.13, ``OSError`` after.)
    """
    from vplint.report.concise import printable  # a name that is not UTF-8 as check shows it: caf\xe9.md

    real = Path(os.path.realpath(path, strict=True))
    try:
        return printable(real.relative_to(os.path.realpath(root)).as_posix())
    except ValueError:
        return printable(Path(path).name)


def _own_language(res: FileResult) -> str:
    assert res.canvas is not None
    return res.canvas.written_language("en")


def _formats(args: argparse.Namespace, renderer: Renderer, ui: str) -> list[str]:
    from vplint.briefs.render import BriefError

    own = renderer.file_format()
    if own is not None:
        if args.format not in (None, own):
            raise BriefError(_say("format_clash", ui, fmt=args.format, file=args.template, own=own))
        return [own]
    return ["md", "html"] if args.format in (None, "all") else [args.format]


def _select(
    result: Any, args: argparse.Namespace, formats: Sequence[str], ui: str, checked: dict[str, Checked] | None = None
) -> tuple[list[BriefJob], set[str], int]:
    """The canvases to brief; the names of briefs that cannot be made (not 'extra' files); the exit code so far.

    ``checked``: what the worker processes said of each file, when they checked it (its results are lean).
    """
    from vplint.briefs.render import brief_name
    from vplint.diagnostics import Severity
    from vplint.i18n import count, render
    from vplint.report import concise

    jobs: list[BriefJob] = []
    reserved: set[str] = set()
    code = 0
    for res in result.files:
        path = concise.printable(res.path)
        if res.error is not None:
            concise.write_io_error(res, sys.stderr, args.lang)
            code = 2
            continue
        canvas = res.canvas
        if canvas is None or not briefable(res, checked[res.path].blank if checked is not None else None):
            for d in res.diagnostics:
                print(concise.format_line(d))
            print(_say("unbriefable", ui, path=path), file=sys.stderr)
            code = max(code, 1)
            continue
        errors = count("errors", sum(1 for d in res.diagnostics if d.severity is Severity.ERROR), ui)
        if any(d.severity is Severity.ERROR for d in res.diagnostics):
            if not args.allow_errors:
                for d in res.diagnostics:
                    print(concise.format_line(d))
                print(_say("blocked", ui, path=path, errors=errors), file=sys.stderr)
                reserved.update(f"{brief_name(canvas.data.get('id'), res.path)}.{f}" for f in formats)
                code = max(code, 1)
                continue
            print(_say("incomplete", ui, path=path, errors=errors), file=sys.stderr)
        root = res.config.root if res.config is not None else Path.cwd()
        try:
            source = brief_source(res.path, root)
        except OSError as exc:  # gone (or a link loop in its place) since it was checked: no brief of it
            reason = exc.strerror or str(exc)
            print(
                f"vplint: {render('cli.unreadable', {'path': path, 'reason': reason}, args.lang or res.lang)}",
                file=sys.stderr,
            )
            code = 2
            continue
        own = checked[res.path].lang if checked is not None else None
        jobs.append(BriefJob(res, args.lang or own or _own_language(res), source))
    return jobs, reserved, code


def _context(job: BriefJob, lang: str, renderer: Renderer) -> dict[str, Any]:
    from vplint.briefs.context import canvas_context

    assert job.res.canvas is not None
    return canvas_context(job.res.canvas, job.res.diagnostics, lang, renderer.bank(lang), job.source)


def render_canvases(
    jobs: list[BriefJob],
    renderer: Renderer,
    formats: Sequence[str],
    ui: str,
    show_map: bool = True,
    shards: Shards | None = None,
) -> tuple[dict[str, str], int]:
    """One brief per canvas and format, here or (``shards``) by the worker that checked the canvas."""
    from vplint.briefs.render import brief_name

    outputs: dict[str, str] = {}
    owner: dict[str, str] = {}
    chosen: list[tuple[str, BriefJob]] = []
    code = 0
    for job in jobs:
        assert job.res.canvas is not None
        base = brief_name(job.res.canvas.data.get("id"), job.res.path)
        if base in owner:
            print(_say("clash", ui, path=job.res.path, name=base, other=owner[base]), file=sys.stderr)
            code = 1
            continue
        owner[base] = job.res.path
        chosen.append((base, job))
    if shards is not None:
        from vplint.briefs.shards import Request

        requests = [Request(job.res.path, job.lang, job.source, tuple(job.res.diagnostics)) for _, job in chosen]
        for (base, _), texts in zip(chosen, shards.render(requests, formats, show_map), strict=True):
            for fmt in formats:
                outputs[f"{base}.{fmt}"] = texts[fmt]
        return outputs, code
    for base, job in chosen:
        view = _context(job, job.lang, renderer)
        for fmt in formats:
            template = renderer.template_name("brief", job.lang, fmt)
            outputs[f"{base}.{fmt}"] = renderer.render(template, {**view, "format": fmt, "show_map": show_map})
    return outputs, code


def _render_accounts(
    jobs: list[BriefJob], renderer: Renderer, formats: Sequence[str], forced: str | None, ui: str, show_map: bool = True
) -> tuple[dict[str, str], int]:
    """One brief per account, in the language most of its canvases use (the first canvas's on a tie).

    Two accounts whose names make one file name (``ACME Manufacturing``, ``acme manufacturing``): the
    first keeps it, the second gets no brief and a message (exit code 1), as two canvases of one id do.
    """
    from vplint.briefs.context import account_context
    from vplint.briefs.render import account_name

    def key(job: BriefJob) -> tuple[str, str]:
        assert job.res.canvas is not None
        return (str(job.res.canvas.data.get("id") or ""), job.source)

    groups: dict[str, list[BriefJob]] = {}
    for job in jobs:
        assert job.res.canvas is not None
        account = job.res.canvas.data.get("account")
        groups.setdefault(account.strip() if isinstance(account, str) else "", []).append(job)
    outputs: dict[str, str] = {}
    owner: dict[str, str] = {}
    code = 0
    for account in sorted(groups):
        members = sorted(groups[account], key=key)
        base = account_name(account, [key(j)[0] for j in members])
        if base in owner:
            print(_say("account_clash", ui, account=account, name=base, other=owner[base]), file=sys.stderr)
            code = 1
            continue
        owner[base] = account
        langs = [j.lang for j in members]
        lang = forced or max(("en", "zh"), key=lambda lang: (langs.count(lang), lang == langs[0]))
        context = account_context(account, [_context(j, lang, renderer) for j in members], lang)
        for fmt in formats:
            template = renderer.template_name("account", lang, fmt)
            outputs[f"{base}.{fmt}"] = renderer.render(template, {**context, "format": fmt, "show_map": show_map})
    return outputs, code


def _options(args: argparse.Namespace) -> list[str]:
    """The options that shape the briefs, as given: for the 'regenerate with' hint."""
    out = [
        f"--{name.replace('_', '-')}={value}"
        for name in ("format", "template", "lang")
        if (value := getattr(args, name))
    ]
    flags = (("--by-account", args.by_account), ("--allow-errors", args.allow_errors), ("--no-map", args.no_map))
    return out + [flag for flag, on in flags if on]


def _run(args: argparse.Namespace, ui: str) -> int:
    from vplint.briefs.context import TIME_DEPENDENT
    from vplint.briefs.render import BriefError, Renderer
    from vplint.config.loader import ConfigLoader
    from vplint.lint.options import Options

    options = Options(lang=args.lang, ignore=TIME_DEPENDENT, config=args.config, isolated=args.isolated)
    loader = ConfigLoader(options.config, options.isolated)
    here = loader.for_path(Path.cwd() / "x")
    team: Path | None = None
    if here.templates:
        team = here.root / here.templates
        if not team.is_dir():
            raise BriefError(f"{here.path}: 'templates' names {team}, which is not a folder")
    renderer = Renderer(team=team, template=args.template, ui=ui)
    formats = _formats(args, renderer, ui)

    with _checked(args, options, loader, renderer) as (result, shards, checked):
        return _brief(args, ui, renderer, formats, result, shards, checked)


@contextlib.contextmanager
def _checked(
    args: argparse.Namespace, options: Any, loader: Any, renderer: Renderer
) -> Iterator[tuple[Any, Shards | None, dict[str, Checked] | None]]:
    """The run's checked files: on every core for a large run (see :mod:`vplint.briefs.shards`), else here."""
    from vplint.cli.check import configured_paths, lint
    from vplint.lint.discovery import discover
    from vplint.lint.runner import PARALLEL_MIN_FILES, finish_run

    paths = args.paths or configured_paths(loader) or ["canvases"]
    discovered = discover(paths, loader)
    jobs = args.jobs if getattr(args, "jobs", None) is not None else (os.cpu_count() or 1)
    if args.by_account or jobs < 2 or len(discovered.files) < PARALLEL_MIN_FILES:
        yield lint(paths, options, loader, discovered), None, None
        return
    from vplint.briefs.shards import Shards, available

    if not available():
        yield lint(paths, options, loader, discovered), None, None
        return
    from vplint.lint.result import Result

    configs = {path: loader.for_file(path) for path in discovered.files}
    with Shards(discovered.files, configs, options, jobs, renderer) as shards:
        files, checked = shards.check()
        finish_run(files, options)
        yield Result(files, discovered.missing, discovered.unreadable), shards, checked


def _brief(
    args: argparse.Namespace,
    ui: str,
    renderer: Renderer,
    formats: Sequence[str],
    result: Any,
    shards: Shards | None,
    checked: dict[str, Checked] | None,
) -> int:
    from vplint.briefs.render import BriefError, check_outputs, write_outputs
    from vplint.i18n import render
    from vplint.report import concise

    for path in result.missing:
        print(f"vplint: {render('cli.no_path', {'path': concise.printable(path)}, ui)}", file=sys.stderr)
    for problem in result.unreadable:
        print(f"vplint: {concise.path_problem(problem, ui)}", file=sys.stderr)
    jobs, reserved, code = _select(result, args, formats, ui, checked)
    if result.missing or result.unreadable:
        code = 2
    if args.by_account:
        outputs, clash = _render_accounts(jobs, renderer, formats, args.lang, ui, not args.no_map)
        code = max(code, clash)
    else:
        outputs, clash = render_canvases(jobs, renderer, formats, ui, not args.no_map, shards)
        code = max(code, clash)

    out_dir: Path = args.output
    if args.check:
        state = check_outputs(outputs, out_dir, formats, reserved)
        for key, names in (("missing", state.missing), ("stale", state.stale), ("extra", state.extra)):
            for name in names:
                print(_say(key, ui, path=str(out_dir / name)))
        if not state.fresh:
            cmd = " ".join([*args.paths, "-o", str(out_dir), *_options(args)])
            bad = len(state.missing) + len(state.stale)
            print(_say("not_fresh", ui, n=bad, total=len(outputs), dir=out_dir, cmd=cmd))
            return max(code, 1)
        if outputs:
            print(_say("fresh", ui, n=len(outputs), dir=out_dir))
        return code
    if not outputs:
        print(_say("none", ui))
        return code
    try:
        written, unchanged = write_outputs(outputs, out_dir)  # all briefs together: each old or new, whatever happens
    except OSError as exc:
        from vplint.store.files import ReplaceRefused

        # a brief that refuses the run (nothing was written) is named, and vplint's own reason said in the UI language
        named = isinstance(exc, ReplaceRefused | IsADirectoryError) and exc.filename
        where = out_dir / os.path.basename(exc.filename) if named else out_dir
        reason = render(exc.message_id, exc.values, ui) if isinstance(exc, ReplaceRefused) else exc.strerror or exc
        raise BriefError(f"{where}: cannot write: {reason}") from None
    print(_say("wrote", ui, written=_say("briefs", ui, n=len(written)), dir=out_dir, unchanged=len(unchanged)))
    return code
