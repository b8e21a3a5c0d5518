"""The team week by week, from the repository's git history (``vplint report --history 26w``).

For each week of the span (weeks end on the report's today, then every seven days back) the
snapshot is the last commit on the first-parent line of ``HEAD`` made on or before the week's
last day.  Each snapshot's canvases are the files of that commit under the report's paths that
``vplint check`` would pick (the configuration's include/exclude, the never-canvas names).  Each
version of a file is read once with ``git cat-file --batch`` and checked once, however many weeks
hold it: results are kept by blob id (and configuration).  Past versions are checked with today's
vplint and today's configuration, each file on its own: the cross-file rules (X001, X002) and the
age rules (H001, M005, whose findings depend on the day) are left out of the weekly counts; the
evidence-age trend measures age instead.

A canvas is followed across renames and moves by its id (its path when it has none); it was last
*substantively* changed in the week its current content (the canvas model, without ``updated``)
first appeared.  A shallow clone, a folder that is not in a git repository and a repository with
no commits give no weeks and a note saying why; the report of the working tree is still made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vplint.config.loader import Config, ConfigLoader
from vplint.lint.options import Options
from vplint.lint.result import FileResult
from vplint.report.concise import printable

__all__ = ["History", "HistoryError", "Span", "head_versions", "parse_span", "team_history"]

_SPAN = re.compile(r"^(\d{1,4})w$")
MAX_WEEKS = 520
"""Ten years: a longer span is almost surely a typo."""


class HistoryError(ValueError):
    """A ``--history`` value that is neither a number of weeks nor a date."""


@dataclass(frozen=True)
class Span:
    weeks: int | None = None
    since: dt.date | None = None

    def week_ends(self, today: dt.date) -> list[dt.date]:
        """The last day of each week, oldest first; the newest is ``today``."""
        if self.weeks is not None:
            count = self.weeks
        else:
            assert self.since is not None
            count = (today - self.since).days // 7 + 1
        return [today - dt.timedelta(days=7 * k) for k in reversed(range(max(1, min(count, MAX_WEEKS))))]


def parse_span(value: str) -> Span:
    """``26w`` (that many weeks, at least 1) or ``YYYY-MM-DD`` (every week since that day)."""
    text = value.strip().lower()
    if m := _SPAN.match(text):
        weeks = int(m.group(1))
        if not 1 <= weeks <= MAX_WEEKS:
            raise HistoryError(f"from 1w to {MAX_WEEKS}w, not {value!r}")
        return Span(weeks=weeks)
    try:
        return Span(since=dt.date.fromisoformat(text))
    except ValueError:
        raise HistoryError(f"a number of weeks (26w) or a date (YYYY-MM-DD), not {value!r}") from None


@dataclass
class History:
    """What the history adds to the report: ``data`` (the schema's ``history``) and when each file last changed."""

    data: dict[str, Any]
    changed: dict[str, str] = field(default_factory=dict)
    """Head path (as the report names it) -> the last week its content changed."""


@dataclass(frozen=True)
class _Version:
    """What one checked version of a file counts for."""

    identity: str | None
    """The canvas id, when it has one."""
    errors: int
    warnings: int
    infos: int
    newest_evidence: dt.date | None
    fingerprint: str


def _env() -> dict[str, str]:
    """git as the report runs it: no prompt, no optional locks, English messages, never the network (a
    blob a partial clone lacks is not fetched)."""
    quiet = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0", "GIT_NO_LAZY_FETCH": "1"}
    return {**os.environ, **quiet}


def _git(top: Path, *args: str, binary: bool = False) -> Any:
    return subprocess.run(["git", "-C", str(top), *args], capture_output=True, check=False, env=_env(), text=not binary)


def _top(folder: Path) -> tuple[Path | None, str | None]:
    """The work tree's top folder, or the reason there is none to read (``not-a-repository``, ``no-commits``)."""
    try:
        found = _git(folder, "rev-parse", "--show-toplevel")
    except OSError:  # no git on this machine
        return None, "not-a-repository"
    if found.returncode != 0:
        return None, "not-a-repository"
    top = Path(found.stdout.strip())
    if _git(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode != 0:
        return top, "no-commits"
    if _git(top, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return top, "shallow"
    return top, None


def _snapshots(top: Path, ends: Sequence[dt.date]) -> list[tuple[dt.date, str]]:
    """(week end, commit) for each week that has a commit on or before its last day."""
    log = _git(top, "log", "--first-parent", "--format=%H %cs", "HEAD").stdout.split("\n")
    commits = [(line[41:], line[:40]) for line in log if len(line) > 41]  # newest first
    out = []
    for end in ends:
        day = end.isoformat()
        found = next((commit for when, commit in commits if when <= day), None)
        if found is not None:
            out.append((end, found))
    return out


def _tree(top: Path, commit: str, specs: Sequence[str]) -> list[tuple[str, str]]:
    """(path relative to ``top``, blob id) of the files of ``commit`` under ``specs``."""
    out = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *specs, binary=True).stdout
    files = []
    for entry in out.split(b"\0"):
        meta, tab, name = entry.partition(b"\t")
        parts = meta.split()
        if tab and len(parts) == 3 and parts[1] == b"blob":
            files.append((os.fsdecode(name), parts[2].decode("ascii")))
    return files


def _read_blobs(top: Path, ids: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """(blob id, bytes) of each of ``ids``, in order, from one ``git cat-file --batch``."""
    proc = subprocess.Popen(
        ["git", "-C", str(top), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )
    assert proc.stdin is not None
    assert proc.stdout is not None

    def feed() -> None:
        assert proc.stdin is not None
        try:
            for oid in ids:
                proc.stdin.write(f"{oid}\n".encode("ascii"))
            proc.stdin.close()
        except OSError:  # git stopped: the reader sees it
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for oid in ids:
            header = proc.stdout.readline().split()
            if len(header) != 3:  # "<oid> missing" (a partial clone), or git stopped: an empty version
                yield oid, b""
                continue
            size = int(header[2])
            data = proc.stdout.read(size)
            proc.stdout.read(1)
            yield oid, data
    finally:
        proc.stdout.close()
        proc.wait()
        writer.join()


def head_versions(files: Iterable[FileResult], facts: Mapping[str, Mapping[str, Any]]) -> dict[str, _Version]:
    """The report's own results of the working tree, as the history counts a version (without the cross-file
    and the age rules), by path (normalised): the head week takes them instead of checking ``HEAD``'s blobs
    again, for each file the working tree holds as ``HEAD`` does."""
    from vplint.briefs.context import TIME_DEPENDENT
    from vplint.rules import RULES
    from vplint.team.data import severity_counts

    left_out = {*TIME_DEPENDENT, *(code for code, rule in RULES.items() if rule.check_all is not None)}
    out: dict[str, _Version] = {}
    for res in files:
        found = facts.get(res.path)
        if res.error is not None or found is None:
            continue
        errors, warnings, infos = severity_counts(d for d in res.diagnostics if d.code not in left_out)
        newest = found["row"]["newest_evidence"]
        out[os.path.normpath(res.path)] = _Version(
            found["row"]["id"],
            errors,
            warnings,
            infos,
            dt.date.fromisoformat(newest) if newest else None,
            found["fingerprint"],
        )
    return out


def _changed(top: Path, specs: Sequence[str]) -> set[str]:
    """The paths (relative to ``top``) under ``specs`` whose working copy or index differs from ``HEAD``."""
    out = _git(top, "status", "--porcelain=v1", "-z", "--untracked-files=no", "--", *specs, binary=True).stdout
    changed: set[str] = set()
    entries = iter(out.split(b"\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        changed.add(os.fsdecode(entry[3:]))
        if entry[:2].strip()[:1] in (b"R", b"C"):  # a rename or copy: the next entry is where it came from
            changed.add(os.fsdecode(next(entries, b"")))
    return changed


def check_version(data: bytes, path: str, config: Config, options: Options) -> _Version:
    """One version of a file checked on its own, as ``vplint check`` checks it (cross-file rules aside)."""
    from vplint.lint.pipeline import lint_document
    from vplint.lint.selection import finish
    from vplint.parser.document import parse_document
    from vplint.team.data import content_fingerprint, newest_evidence, severity_counts

    res = lint_document(parse_document(data, path), config, options)
    finish(res, options)
    canvas = res.canvas.data if res.canvas is not None else {}
    ident = canvas.get("id")
    errors, warnings, infos = severity_counts(res.diagnostics)
    return _Version(
        ident.strip() or None if isinstance(ident, str) else None,
        errors,
        warnings,
        infos,
        newest_evidence(canvas),
        content_fingerprint(canvas),
    )


def _work(item: tuple[bytes, str, Config, Options]) -> _Version:
    return check_version(*item)


def _check_all(top: Path, todo: Sequence[tuple[str, str, Config]], options: Options, jobs: int) -> Iterator[_Version]:
    """Each (blob id, path, configuration) of ``todo`` checked, in order: in worker processes for many."""
    ids = [oid for oid, _, _ in todo]

    def items() -> Iterator[tuple[bytes, str, Config, Options]]:
        blobs = _read_blobs(top, ids)
        for (_, data), (_, path, config) in zip(blobs, todo, strict=False):
            yield data, path, config, options

    if jobs > 1 and len(todo) >= 64:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            # the workers start before git's pipes are opened: a forked worker holding the write end of
            # cat-file's input would keep it from ever seeing the end of it
            list(pool.map(int, range(jobs)))
            yield from pool.map(_work, items(), chunksize=32)
    else:
        yield from map(_work, items())


def team_history(
    paths: Sequence[str],
    span: Span,
    today: dt.date,
    loader: ConfigLoader,
    options: Options,
    jobs: int = 1,
    cwd: Path | None = None,
    head: Mapping[str, _Version] | None = None,
) -> History:
    """The weeks of ``span`` up to ``today``, each counted from its snapshot of the files under ``paths``.

    ``head``: the report's results of the working tree (:func:`head_versions`); a file of ``HEAD`` that the
    working tree holds unchanged is taken from them instead of being checked again.
    """
    from vplint.briefs.context import TIME_DEPENDENT
    from vplint.lint.discovery import would_walk

    cwd = cwd or Path.cwd()
    ends = span.week_ends(today)
    since = ends[0] - dt.timedelta(days=6)
    top, note = _top(cwd)
    if top is None or note is not None:
        return History({"since": since.isoformat(), "weeks": [], "note": note})
    real_top = top.resolve()
    named: list[str] = []
    specs: list[str] = []
    for p in paths:
        absolute = (cwd / p).resolve()
        try:
            rel = absolute.relative_to(real_top).as_posix()
        except ValueError:  # outside the repository: it has no history here
            continue
        specs.append(rel if rel != "." else ".")
        if absolute.is_file():
            named.append(rel)
    if not specs:
        return History({"since": since.isoformat(), "weeks": [], "note": None})
    snapshots = _snapshots(top, ends)
    options = dataclasses.replace(options, ignore=(*options.ignore, *TIME_DEPENDENT), keep=True)
    trees: dict[str, list[tuple[str, str]]] = {}
    picked: dict[str, bool] = {}  # a path is picked or not whatever the week: asked once
    for _, commit in snapshots:
        if commit not in trees:
            tree = _tree(top, commit, specs)
            for rel, _ in tree:
                if rel not in picked:
                    picked[rel] = rel in named or would_walk(rel, top, loader)
            trees[commit] = [(rel, oid) for rel, oid in tree if picked[rel]]
    shown = {rel: os.path.relpath(real_top / rel, cwd) for tree in trees.values() for rel, _ in tree}
    configs = {rel: loader.for_file(str(top / rel)) for rel in shown}
    results: dict[tuple[str, int], _Version] = {}
    head_commit = _git(top, "rev-parse", "HEAD").stdout.strip()
    if head and snapshots and snapshots[-1][1] == head_commit:
        changed_now = _changed(top, specs)
        for rel, oid in trees[head_commit]:
            known = head.get(os.path.normpath(shown[rel]))
            if known is not None and rel not in changed_now:
                results[(oid, id(configs[rel]))] = known
    todo: dict[tuple[str, int], tuple[str, str, Config]] = {}
    for tree in trees.values():
        for rel, oid in tree:
            if (oid, id(configs[rel])) not in results:
                todo.setdefault((oid, id(configs[rel])), (oid, shown[rel], configs[rel]))
    results.update(zip(todo, _check_all(top, list(todo.values()), options, jobs), strict=True))
    weeks: list[dict[str, Any]] = []
    first_seen: dict[str, tuple[str, dt.date]] = {}  # identity -> (fingerprint, the week it first had it)
    head_identity: dict[str, str] = {}
    for end, commit in snapshots:
        versions = [(rel, results[(oid, id(configs[rel]))]) for rel, oid in trees[commit]]
        ages = [(end - v.newest_evidence).days for _, v in versions if v.newest_evidence is not None]
        weeks.append(
            {
                "date": end.isoformat(),
                "commit": commit,
                "canvases": len(versions),
                "clean": sum(1 for _, v in versions if not v.errors and not v.warnings),
                "errors": sum(v.errors for _, v in versions),
                "warnings": sum(v.warnings for _, v in versions),
                "infos": sum(v.infos for _, v in versions),
                "evidence_age_days": round(sum(ages) / len(ages), 1) if ages else None,
            }
        )
        for rel, v in versions:
            identity = f"id:{v.identity}" if v.identity else f"path:{rel}"
            seen = first_seen.get(identity)
            if seen is None or seen[0] != v.fingerprint:
                first_seen[identity] = (v.fingerprint, end)
            if commit == snapshots[-1][1]:
                head_identity[printable(os.path.normpath(shown[rel]))] = identity
    first_week = snapshots[0][0] if snapshots else None
    if first_week is not None:  # the span starts with the first week that has a commit
        since = first_week - dt.timedelta(days=6)
    changed = {
        path: first_seen[identity][1].isoformat()
        for path, identity in head_identity.items()
        if first_seen[identity][1] != first_week
    }
    return History({"since": since.isoformat(), "weeks": weeks, "note": None}, changed)
