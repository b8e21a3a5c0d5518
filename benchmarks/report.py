"""How long ``vplint report`` takes, and how much memory it holds, beside a cold ``vplint check`` of the same canvases.

Targets (issue #14), for 10,000 canvases: the report at most 2 × a cold check, its peak memory at most
200 MiB; with 52 weeks of history at most 3 × a cold check.  Everything is timed side by side in one
run, on the corpus ``benchmarks/generate.py`` makes (``benchmarks/corpus/10000``), each command
``--runs`` times (the median is reported):

- ``check``: ``vplint check --no-cache --isolated`` (the reference, on every core);
- ``report json``: ``vplint report --format json``;
- ``report site, no briefs``: ``vplint report --no-briefs`` (the pages and report.json);
- ``report site``: ``vplint report`` (the pages, report.json and every canvas's brief);
- ``report json, 52 weeks``: ``vplint report --history 52w --format json`` in a git repository of the
  corpus with 52 weekly commits, each changing 1 % of the canvases (built once into
  ``benchmarks/corpus/history-N``, about a minute); the check it is compared with is of the same
  repository's files.

Peak memory is the largest resident set of any process of the run (``ru_maxrss`` of the children), in MiB.

    python benchmarks/report.py                 # 10,000 canvases, 3 runs
    python benchmarks/report.py --files 1000 --runs 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WEEKS = 52
TODAY = "2026-12-06"


def vplint() -> list[str]:
    script = Path(sys.executable).with_name("vplint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "vplint"]


def corpus(files: int) -> Path:
    path = HERE / "corpus" / str(files)
    if not (path / "manifest.json").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--count", str(files)], check=True)
    return path


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env |= {"GIT_AUTHOR_DATE": f"{date}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00+00:00"}
    args = ("-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", *args)
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def history_repo(files: int) -> Path:
    """A git repository of the corpus with a commit a week for :data:`WEEKS` weeks, 1 % of the canvases
    changed in each (a line added to a problem's diagnosis)."""
    repo = HERE / "corpus" / f"history-{files}"
    if (repo / ".git" / "vplint-bench-done").exists():
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    source = corpus(files)
    shutil.copytree(source, repo / "canvases", ignore=shutil.ignore_patterns("manifest.json"))
    _git(repo, "init", "-q", "-b", "main")
    today = dt.date.fromisoformat(TODAY)
    names = sorted(str(p.relative_to(repo)) for p in (repo / "canvases").rglob("*.md"))
    step = 100  # 1 % of the canvases each week
    for week in range(WEEKS, -1, -1):
        day = (today - dt.timedelta(days=7 * week + 1)).isoformat()
        if week < WEEKS:
            for name in names[(WEEKS - week) % step :: step]:
                path = repo / name
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace("- Diagnosis:", f"- Diagnosis: (week {week})", 1), encoding="utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "--allow-empty", "-m", f"week {week}", date=day)
    (repo / ".git" / "vplint-bench-done").write_text("", encoding="utf-8")
    return repo


def measure(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    walls, peaks = [], []
    for _ in range(runs):
        # each run in a fresh child of its own, so ru_maxrss is that run's (RUSAGE_CHILDREN keeps a maximum)
        probe = [sys.executable, "-c", _PROBE, *command]
        out = subprocess.run(probe, cwd=cwd, capture_output=True, text=True, env={**os.environ, "VPLINT_TODAY": TODAY})
        if out.returncode != 0:
            raise SystemExit(out.stderr[-2000:])
        wall, peak = (float(x) for x in out.stdout.split())
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks)


_PROBE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
if done.returncode not in (0, 1):
    sys.stderr.write(done.stderr.decode()[-2000:]); sys.exit(1)
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cmd = vplint()
    canvases = corpus(args.files)
    repo = history_repo(args.files)
    out = Path(tempfile.mkdtemp(prefix="vplint-bench-report-"))
    rows: list[tuple[str, float, float, str]] = []
    try:
        check = measure([*cmd, "check", str(canvases), "--no-cache", "--isolated", "-q"], ROOT, args.runs)
        rows.append(("check (cold, no cache)", *check, "reference"))
        cases = [
            ("report json", ["--format", "json"], 2.0),
            ("report site, no briefs", ["--no-briefs"], 2.0),
            ("report site", [], 2.0),
        ]
        for label, extra, limit in cases:
            shutil.rmtree(out, ignore_errors=True)
            found = measure([*cmd, "report", str(canvases), "--isolated", "-o", str(out), *extra], ROOT, args.runs)
            rows.append((label, *found, f"≤ {limit:.0f} ×"))
        repo_check = measure([*cmd, "check", "canvases", "--no-cache", "--isolated", "-q"], repo, args.runs)
        rows.append(("check of the history repository (cold)", *repo_check, "reference"))
        shutil.rmtree(out, ignore_errors=True)
        history = [*cmd, "report", "canvases", "--isolated", "-o", str(out), "--format", "json", "--history", "52w"]
        found = measure(history, repo, args.runs)
        rows.append((f"report json, {WEEKS} weeks", *found, "≤ 3 ×"))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"{args.files:,} canvases, {args.runs} runs each (median wall time; peak RSS of the largest process)\n")
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    print("| run | wall | × cold check | peak memory | target |")
    print("|---|--:|--:|--:|---|")
    for label, wall, peak, target in rows:
        reference = repo_check[0] if "52 weeks" in label or "history" in label else check[0]
        print(f"| {label} | {wall:.2f} s | {wall / reference:.2f} × | {peak:.0f} MiB | {target} |")


if __name__ == "__main__":
    main()
