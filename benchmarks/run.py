"""Time ``vplint check`` on 1, 1,000 and 10,000 generated canvases and print a markdown table.

    python benchmarks/run.py                 # generate missing corpora, time, print the table
    python benchmarks/run.py --quick         # 1 and 1,000 files, 3 runs: a smoke test
    python benchmarks/run.py --sizes 1,1000 --runs 9 --json results.json

Each tool runs as a subprocess, as a user or CI would run it, so the figures include
interpreter start-up and imports.  For every corpus the tool runs once untimed (to warm
the file cache and check that it works), then ``--runs`` times (``--large-runs`` for
corpora of 5,000 files or more); the table gives the median wall-clock time, the range,
the median CPU time (user + system) and the peak resident memory of the child, all read
from ``os.wait4``.  Exit codes 0 and 1 (findings) both count as a run; anything else
stops the benchmark.

``vplint-brief`` (``--tools vplint,vplint-brief``) times ``vplint brief`` on the same corpora, beside
vplint's cold check.  Peers (other linters timed on the same corpora) are entries in ``TOOLS``, and so is ``floor``
(``benchmarks/floor.py``: only reading, splitting, loading and parsing each file, the floor
the performance targets are stated against).  Under the table, a "Ratios" section divides
vplint's medians by the floor's, vplint's "one changed file" runs by its cached ones, and the
briefs' by the cold check's: see ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import functools
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import generate

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS_DIR = HERE / "corpus"
DEFAULT_SIZES = (1, 1_000, 10_000)
LARGE = 5_000
MAX_BYTES = 4 * 1024 * 1024
"""vplint's size limit for one canvas (``vplint.parser.document.MAX_BYTES``)."""
"""Corpora of this many files or more are timed ``--large-runs`` times."""
PYCACHE_PREFIX: Path | None = None
"""Where children keep their bytecode cache (``--no-pyc``: None, and they compile every module on every start)."""

# --- tools ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """A generated corpus, as the tools see it."""

    path: Path
    files: int
    bytes: int
    as_of: str
    """The day the corpus was written as of (its dates follow it)."""


@dataclass(frozen=True)
class Mode:
    """One way of running a tool's check, timed separately (with and without a cache, say)."""

    name: str
    args: tuple[str, ...] = ()
    """Arguments added after ``check_args``' own."""
    prepare: Callable[[Corpus], contextlib.AbstractContextManager[Corpus]] | None = None
    """Makes the corpus this mode runs on (a scratch copy, say), out of the timed runs; it goes when the mode ends."""
    before_run: Callable[[Corpus, int], None] | None = None
    """Called before each timed run (untimed) with the corpus and the run's index (0, 1, ...)."""


@dataclass(frozen=True)
class Tool:
    """A program to time: how to call it on a corpus, and which exit codes mean it ran."""

    name: str
    command: tuple[str, ...]
    """The program and any fixed arguments (``vplint`` or ``python -m vplint``)."""
    check_args: Callable[[Corpus], list[str]]
    """Arguments that check a whole corpus (a peer may first convert the corpus into what it reads)."""
    check_env: Callable[[Corpus], dict[str, str]] = lambda corpus: {}
    """Environment variables for checking a corpus."""
    modes: tuple[Mode, ...] = (Mode("default"),)
    """The ways to time it; every mode runs on every corpus."""
    version_args: tuple[str, ...] = ("--version",)
    version_command: tuple[str, ...] | None = None
    """What the ``--version`` row times, when it is not ``command`` + ``version_args`` (the floor's import floor)."""
    version_label: str = ""
    """The ``--version`` row's mode column (what ``version_command`` is)."""
    ok_codes: frozenset[int] = frozenset({0, 1})
    """Exit codes of a check that mean it ran (0 clean, 1 findings); ``--version`` must exit 0."""
    env: dict[str, str] = field(default_factory=dict)
    """Extra environment variables for the child."""
    python: str | None = None
    """The interpreter it runs on, when it is a Python program (reported with the machine)."""

    def argv(self, args: Sequence[str]) -> list[str]:
        return [*self.command, *args]


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def _vplint_command(options: argparse.Namespace) -> tuple[tuple[str, ...], dict[str, str]]:
    """``--vplint``, else the ``vplint`` script beside this Python or on PATH, else ``python -m vplint``; its env."""
    env: dict[str, str] = {}
    if options.vplint:
        command = tuple(shlex.split(options.vplint))
    else:
        beside = Path(sys.executable).with_name("vplint")
        found = str(beside) if beside.is_file() else shutil.which("vplint")
        if found:
            command = (found,)
        else:  # a source checkout without `pip install -e .`: run the package from the repository
            command = (sys.executable, "-m", "vplint")
            env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return command, env


def vplint_tool(options: argparse.Namespace) -> Tool:
    """vplint (see :func:`_vplint_command`), in four modes: without its cache, on one core, cached, one file changed."""
    command, env = _vplint_command(options)
    cache_root = Path(tempfile.mkdtemp(prefix="vplint-bench-cache-"))  # never the repository's .vplint_cache/
    atexit.register(shutil.rmtree, cache_root, ignore_errors=True)
    return Tool(
        name="vplint",
        command=command,
        # time-dependent rules (stale canvas, evidence age) see the corpus from the day it was written:
        # --today, because this repository's own configuration pins a `today` that would win over $VPLINT_TODAY
        check_args=lambda corpus: ["check", "--today", corpus.as_of, _relative(corpus.path)],
        check_env=lambda corpus: {
            "VPLINT_TODAY": corpus.as_of,
            # one result cache per corpus, filled by the untimed warm-up run
            "VPLINT_CACHE_DIR": str(cache_root / corpus.path.name),
        },
        modes=(
            Mode("no cache", ("--no-cache",)),  # a first run: every file parsed and checked (all cores)
            Mode("no cache -j1", ("--no-cache", "--jobs", "1")),  # the same on one core
            Mode("cache", ()),  # a second run over unchanged files: results come from the cache
            # the same, after one file was edited: one cache (and replay) miss, on a scratch copy of the corpus
            Mode("cache 1 changed", (), prepare=_scratch_copy, before_run=_change_one),
        ),
        env=env,
        python=_python_of(command),
    )


@contextlib.contextmanager
def _scratch_copy(corpus: Corpus) -> Iterator[Corpus]:
    """A copy of the corpus beside it (``<name>-changed``, under the same configuration), removed afterwards.

    ``copytree`` keeps the files' modification times, so the copy is not "racily clean" for vplint's cache.
    """
    target = corpus.path.with_name(f"{corpus.path.name}-changed")
    shutil.rmtree(target, ignore_errors=True)  # left over from an interrupted run
    progress(f"  copying {_relative(corpus.path)} to {_relative(target)} (files will be changed there)")
    shutil.copytree(corpus.path, target)
    try:
        yield Corpus(target, corpus.files, corpus.bytes, corpus.as_of)
    finally:
        shutil.rmtree(target, ignore_errors=True)


@functools.cache
def _canvases(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.md"))


def _change_one(corpus: Corpus, run: int) -> None:
    """Append a newline to the run's own canvas (the next one each run): one file changed since the last run."""
    files = _canvases(corpus.path)
    with open(files[run % len(files)], "a", encoding="utf-8") as fh:
        fh.write("\n")


def brief_tool(options: argparse.Namespace) -> Tool:
    """``vplint brief`` (Markdown and HTML) of the corpus into a scratch folder: each brief new, replaced or unchanged.

    Timed beside vplint's ``no cache`` check of the same corpus (``--tools vplint,vplint-brief``): the
    Ratios section divides the two.  ``--isolated``: no configuration file (the repository's only pins
    ``today`` for its samples, and briefs leave out the time-dependent rules anyway); ``--allow-errors``:
    a broken corpus's canvases are briefed too (with their "incomplete" banner), so every canvas is.
    """
    command, env = _vplint_command(options)
    out_root = Path(tempfile.mkdtemp(prefix="vplint-bench-briefs-"))  # never inside the repository
    atexit.register(shutil.rmtree, out_root, ignore_errors=True)

    def out(corpus: Corpus) -> Path:
        return out_root / corpus.path.name

    def empty(corpus: Corpus, run: int) -> None:
        shutil.rmtree(out(corpus), ignore_errors=True)

    def change_all(corpus: Corpus, run: int) -> None:
        """Add a line to every brief, as if the templates had changed: the next run replaces each."""
        for entry in os.scandir(out(corpus)):
            with open(entry.path, "a", encoding="utf-8") as fh:
                fh.write("\n")

    return Tool(
        name="vplint-brief",
        command=command,
        check_args=lambda corpus: [
            "brief",
            _relative(corpus.path),
            "-o",
            str(out(corpus)),
            "--isolated",
            "--allow-errors",
        ],
        check_env=lambda corpus: {"VPLINT_TODAY": corpus.as_of},
        modes=(
            Mode("brief", before_run=empty),  # a first brief: the folder is emptied (untimed), every brief written
            Mode("brief all changed", before_run=change_all),  # every brief there, and each replaced
            Mode("brief unchanged"),  # the same again: every brief read and found up to date, none written
        ),
        ok_codes=frozenset({0}),  # every canvas briefed (1: one could not be, or a traceback)
        env=env,
        python=_python_of(command),
    )


def floor_tool(options: argparse.Namespace) -> Tool:
    """``benchmarks/floor.py`` on vplint's interpreter; its ``--version`` row: ``python -c "import yaml, mistune"``."""
    python = _python_of(_vplint_command(options)[0]) or sys.executable
    return Tool(
        name="floor",
        command=(python, _relative(HERE / "floor.py")),
        check_args=lambda corpus: [_relative(corpus.path)],
        modes=(
            Mode("no cache"),  # all cores, as vplint's `no cache` (the floor has no cache)
            Mode("no cache -j1", ("--jobs", "1")),  # one core, as vplint's `no cache -j1`
        ),
        version_command=(python, "-c", "import yaml, mistune"),
        version_label="import floor",
        ok_codes=frozenset({0}),  # a traceback exits 1: not a run
        python=python,
    )


def _peer(name: str) -> Callable[[argparse.Namespace], Tool]:
    def factory(options: argparse.Namespace) -> Tool:
        import peers  # benchmarks/peers.py: installs the peer on first use

        tool: Tool = getattr(peers, name)(options, Tool, _relative)
        return tool

    return factory


# name -> factory; each factory returns a Tool (peers are installed into benchmarks/.peers/ when first used)
TOOLS: dict[str, Callable[[argparse.Namespace], Tool]] = {
    "vplint": vplint_tool,
    "vplint-brief": brief_tool,
    "floor": floor_tool,
    "markdownlint-cli2": _peer("markdownlint_tool"),
    "check-jsonschema": _peer("check_jsonschema_tool"),
}


def _python_of(command: Sequence[str]) -> str | None:
    """The interpreter behind a command: ``python -m x`` or a console script's ``#!`` line."""
    if len(command) >= 2 and command[1] == "-m":
        return command[0]
    try:
        with open(command[0], "rb") as fh:
            first = fh.readline(512)
    except OSError:
        return None
    if first.startswith(b"#!") and b"python" in first:
        return first[2:].decode(errors="replace").strip().split()[0]
    return None


# --- measuring ---------------------------------------------------------------------------------------


class ToolFailed(Exception):
    pass


@dataclass(frozen=True)
class Sample:
    wall: float
    """Seconds, wall clock."""
    cpu: float
    """Seconds of user + system CPU time of the child."""
    max_rss_kib: int
    exit_code: int
    others: float | None
    """Share (0..1) of the machine's CPU time that other processes used during the run, or None if unknown."""


def _cpu_busy() -> float | None:
    """Seconds of CPU time all processes have used since boot (Linux), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


@functools.cache
def gnu_time() -> str | None:
    """``/usr/bin/time`` when it is GNU time (it reads the peak RSS of its own, small, child)."""
    path = "/usr/bin/time"
    try:
        done = subprocess.run([path, "-f", "%M", "true"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return path if done.returncode == 0 and done.stderr.strip().isdigit() else None


def run_once(
    tool: Tool, argv: Sequence[str], extra_env: dict[str, str] | None = None, ok_codes: frozenset[int] | None = None
) -> tuple[Sample, str]:
    """Run ``argv`` (the tool's command and arguments) once; the sample and the last line it printed on stdout.

    Wall and CPU time come from ``os.wait4`` on the child.  Its ``ru_maxrss`` is no good
    for memory: Linux carries the peak RSS of the process that forks over ``exec``, so a
    child never reports less than this runner uses.  GNU time forks from a tiny process,
    so where it is installed the child runs under it and its ``%M`` is the peak RSS.
    """
    env = {**os.environ, **tool.env, **(extra_env or {})}
    if PYCACHE_PREFIX is not None:  # as in a user's install, where .pyc files exist (kept out of the repository)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE_PREFIX)
    else:
        env.pop("PYTHONPYCACHEPREFIX", None)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as rss:
        timer = gnu_time()
        spawned = [timer, "-f", "%M", "-o", rss.name, *argv] if timer else argv
        busy_before = _cpu_busy()
        start = time.perf_counter()
        proc = subprocess.Popen(spawned, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=REPO, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone
        wall = time.perf_counter() - start
        busy_after = _cpu_busy()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").rstrip("\n").splitlines()
        if code not in (tool.ok_codes if ok_codes is None else ok_codes):
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise ToolFailed(f"{shlex.join(argv)} exited with {code}\n{tail}")
        measured = rss.read().decode().strip().splitlines()
    if timer and measured and measured[-1].isdigit():
        max_rss = int(measured[-1])
    else:  # bytes on macOS, KiB on Linux; an upper bound (see above)
        max_rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    others = None
    if busy_before is not None and busy_after is not None and wall > 0:
        capacity = wall * len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else wall
        others = min(1.0, max(0.0, (busy_after - busy_before - cpu) / capacity))
    return Sample(wall, cpu, max_rss, code, others), (lines[-1] if lines else "")


@dataclass
class Result:
    tool: str
    case: str
    mode: str
    files: int
    bytes: int
    runs: int
    median_s: float
    min_s: float
    max_s: float
    cpu_s: float
    max_rss_mib: float
    exit_code: int
    summary: str
    others: float | None
    """Median share of the machine's CPU that other processes used during the runs."""

    @property
    def files_per_s(self) -> float:
        return self.files / self.median_s if self.files and self.median_s else 0.0


def measure(tool: Tool, case: str, runs: int, corpus: Corpus | None, mode: Mode | None = None) -> Result:
    """Time the tool on a corpus in one mode (``--version`` without them)."""
    with contextlib.ExitStack() as stack:
        if corpus and mode and mode.prepare:
            corpus = stack.enter_context(mode.prepare(corpus))
        if corpus and mode:
            argv = tool.argv([*tool.check_args(corpus), *mode.args])
        else:
            argv = list(tool.version_command or tool.argv(tool.version_args))
        env = tool.check_env(corpus) if corpus else {}
        ok = None if corpus else frozenset({0})
        _, summary = run_once(tool, argv, env, ok)  # warm-up: file cache, .pyc files, result cache; the tool works
        samples: list[Sample] = []
        for i in range(runs):
            progress(f"  {tool.name} {case}{f' ({mode.name})' if mode else ''}: run {i + 1}/{runs}")
            if corpus and mode and mode.before_run:
                mode.before_run(corpus, i)
            samples.append(run_once(tool, argv, env, ok)[0])
    walls = [s.wall for s in samples]
    return Result(
        tool=tool.name,
        case=case,
        mode=mode.name if mode else tool.version_label,
        files=corpus.files if corpus else 0,
        bytes=corpus.bytes if corpus else 0,
        runs=runs,
        median_s=statistics.median(walls),
        min_s=min(walls),
        max_s=max(walls),
        cpu_s=statistics.median(s.cpu for s in samples),
        max_rss_mib=max(s.max_rss_kib for s in samples) / 1024,
        exit_code=samples[-1].exit_code,
        summary=summary,
        others=statistics.median(o) if (o := [s.others for s in samples if s.others is not None]) else None,
    )


# --- corpora ----------------------------------------------------------------------------------------


def corpus_for(size: int, seed: int, broken_ratio: float, regenerate: bool) -> Corpus:
    name = str(size) if not broken_ratio else f"{size}-broken{round(broken_ratio * 100)}"
    if seed != generate.DEFAULT_SEED:
        name += f"-seed{seed}"
    path = CORPUS_DIR / name
    if regenerate or not generate.manifest_matches(path, size, seed, broken_ratio):
        progress(f"generating {size} canvases in {_relative(path)} ...")
        generate.generate(path, size, seed, broken_ratio)
    manifest = generate.read_manifest(path) or {}
    return Corpus(path, size, int(str(manifest.get("bytes", 0))), str(manifest.get("as_of", "")))


def largest_corpus() -> Corpus:
    """One canvas of the largest size vplint reads (4 MiB): the English sample, then one-line list items.

    About 599,000 items: the shape that costs the most memory per byte (``docs/hardening.md``).
    """
    path = CORPUS_DIR / "largest"
    file = path / "largest.md"
    if not file.is_file() or file.stat().st_size > MAX_BYTES or file.stat().st_size < MAX_BYTES - 7:
        progress(f"writing the largest allowed canvas in {_relative(path)} ...")
        path.mkdir(parents=True, exist_ok=True)
        text = (REPO / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8").rstrip("\n") + "\n"
        item = "- abcd\n"
        file.write_text(text + item * ((MAX_BYTES - len(text.encode("utf-8"))) // len(item)), encoding="utf-8")
    return Corpus(path, 1, file.stat().st_size, "2026-11-27")  # the sample's dates are of late 2026


# --- the machine ------------------------------------------------------------------------------------


def _first(path: str, key: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _version_line(tool: Tool) -> str:
    """The first line the tool prints for ``--version`` (markdownlint-cli2 prints its banner first:
    it has no ``--version`` option and goes on to lint the files matching ``--version``, none)."""
    proc = subprocess.run(
        tool.argv(tool.version_args), capture_output=True, text=True, cwd=REPO, env={**os.environ, **tool.env}
    )
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return lines[0].strip() if lines else f"? (exit {proc.returncode})"


def _source_version() -> str:
    """The repository's commit, marked ``-dirty`` when the working tree has changes (read-only git)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return "?"
    return done.stdout.strip() or "?"


def _cpu() -> str:
    """``AMD EPYC (family 25, model 17, 2596 MHz)``: a VM's model name alone says little."""
    name = _first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()
    details = [
        f"{label} {value}"
        for label, value in (
            ("family", _first("/proc/cpuinfo", "cpu family")),
            ("model", _first("/proc/cpuinfo", "model\t")),
        )
        if value
    ]
    mhz = _first("/proc/cpuinfo", "cpu MHz")
    if mhz:
        details.append(f"{float(mhz):.0f} MHz")
    return f"{name} ({', '.join(details)})" if details else name


def _load() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine(tools: Sequence[Tool], corpora: Sequence[Corpus]) -> dict[str, str]:
    cpus = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    mem = _first("/proc/meminfo", "MemTotal")
    info = {  # what the figures depend on
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "os": platform.platform(),
        "cpu": _cpu(),
        "nproc": f"{usable} usable of {cpus}",
        "memory": f"{int(mem.split()[0]) / 1024 / 1024:.1f} GiB" if mem else "?",
        "load average (1, 5, 15 min) before": _load(),
        "runner python": platform.python_version(),
        "bytecode cache": (
            "on (PYTHONPYCACHEPREFIX, filled by the warm-up runs)"
            if PYCACHE_PREFIX
            else "off (PYTHONDONTWRITEBYTECODE=1: every start compiles the modules that have no .pyc)"
        ),
        "peak RSS from": f"GNU time %M ({gnu_time()})" if gnu_time() else "os.wait4 ru_maxrss (an upper bound)",
        "source": _source_version(),
        "corpora": ", ".join(f"{_relative(c.path)} (as of {c.as_of})" for c in corpora),
    }
    for tool in tools:
        info[f"{tool.name} version"] = _version_line(tool)
        info[f"{tool.name} command"] = shlex.join(tool.command)
        if tool.python:
            info[f"{tool.name} python"] = _python_info(tool.python)
    return info


_PYTHON_INFO = """
import importlib.metadata as md, platform
def v(name):
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return "-"
try:
    import yaml
    libyaml = "with libyaml" if getattr(yaml, "__with_libyaml__", False) else "pure Python"
except ImportError:
    libyaml = "-"
print(f"{platform.python_implementation()} {platform.python_version()}; mistune {v('mistune')},"
      f" PyYAML {v('PyYAML')} ({libyaml}), jsonschema {v('jsonschema')}")
"""


def _python_info(python: str) -> str:
    try:
        done = subprocess.run([python, "-c", _PYTHON_INFO], capture_output=True, text=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return python
    return done.stdout.strip()


# --- output -----------------------------------------------------------------------------------------


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def table(results: Sequence[Result]) -> str:
    head = (
        "| tool | case | mode | files | corpus | runs | median | min – max | CPU (user+sys) | files/s | ms/file "
        "| peak RSS | exit | others' CPU |"
    )
    lines = [head, "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in results:
        size = f"{r.bytes / 1024 / 1024:.1f} MiB" if r.bytes >= 1024 * 1024 else f"{r.bytes / 1024:.1f} KiB"
        per_file = f"{r.median_s * 1000 / r.files:.2f}" if r.files else "–"
        rate = f"{r.files_per_s:,.0f}" if r.files else "–"
        lines.append(
            f"| {r.tool} | {r.case} | {r.mode or '–'} | {r.files:,} | {size if r.files else '–'} | {r.runs} "
            f"| {r.median_s:.3f} s | {r.min_s:.3f} – {r.max_s:.3f} s | {r.cpu_s:.3f} s | {rate} | {per_file} "
            f"| {r.max_rss_mib:.1f} MiB | {r.exit_code} | {'?' if r.others is None else f'{r.others:.0%}'} |"
        )
    return "\n".join(lines)


ONE_CANVAS_TARGET = 1.3
"""The issue's target: one canvas checked in at most 1.3 x the import floor (``python -c "import yaml, mistune"``)."""
COLD_TARGET = 1.15
COLD_TARGET_FILES = 10_000
"""The issue's target: 10,000 canvases cold (``no cache``) in at most 1.15 x the floor script on as many processes."""
BRIEF_TARGET = 2.5
BRIEF_TARGET_FILES = 1_000
"""Issue #13's target: briefs of 1,000 canvases (Markdown and HTML) in at most 2.5 x vplint's cold check of them."""


@dataclass
class Ratio:
    """One result's median divided by another's."""

    label: str
    of: str
    to: str
    wall: float
    cpu: float
    target: float | None
    """The most ``wall`` may be, if the project set a target for it."""

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.wall <= self.target


def _name(tool: str, case: str, mode: str) -> str:
    return f"{tool} {case} ({mode})" if mode else f"{tool} {case}"


def ratios(results: Sequence[Result]) -> list[Ratio]:
    """vplint against the floor (where both ran), vplint's one-changed-file runs against its cached runs, and
    ``vplint brief`` against vplint's cold check."""
    by_key = {(r.tool, r.case, r.mode): r for r in results}
    out: list[Ratio] = []

    def add(label: str, of: tuple[str, str, str], to: tuple[str, str, str], target: float | None = None) -> None:
        a, b = by_key.get(of), by_key.get(to)
        if a is None or b is None or not b.median_s:
            return
        out.append(
            Ratio(
                label,
                _name(*of),
                _name(*to),
                a.median_s / b.median_s,
                a.cpu_s / b.cpu_s if b.cpu_s else 0.0,
                target,
            )
        )

    import_floor = ("floor", "--version", "import floor")
    add("start-up / import floor", ("vplint", "--version", ""), import_floor)
    cases = sorted({(r.files, r.case) for r in results if r.files})
    for files, case in cases:
        if "largest" in case:  # no target is stated against the floor for it: its own row says enough
            continue
        if files == 1:
            one = ONE_CANVAS_TARGET
            add("one canvas cold / import floor", ("vplint", case, "no cache"), import_floor, one)
            add("one canvas edited / import floor", ("vplint", case, "cache 1 changed"), import_floor, one)
        n = f"{files:,} file{'s' if files != 1 else ''}"
        target = COLD_TARGET if files == COLD_TARGET_FILES else None
        add(f"cold, {n} / floor", ("vplint", case, "no cache"), ("floor", case, "no cache"), target)
        add(f"cold, {n}, one core / floor", ("vplint", case, "no cache -j1"), ("floor", case, "no cache -j1"))
        add(f"1 changed of {n} / unchanged", ("vplint", case, "cache 1 changed"), ("vplint", case, "cache"))
        brief = BRIEF_TARGET if files == BRIEF_TARGET_FILES else None
        add(f"briefs of {n} / cold check", ("vplint-brief", case, "brief"), ("vplint", case, "no cache"), brief)
        for mode in ("brief all changed", "brief unchanged"):
            label = f"briefs of {n}, {mode.removeprefix('brief ')} / cold check"
            add(label, ("vplint-brief", case, mode), ("vplint", case, "no cache"))
    return out


def ratio_table(items: Sequence[Ratio]) -> str:
    lines = ["| ratio | of | to | wall | CPU | target |", "|---|---|---|--:|--:|---|"]
    for x in items:
        target = "–" if x.target is None else f"≤ {x.target:.2f}: {'met' if x.met else 'missed'}"
        lines.append(f"| {x.label} | {x.of} | {x.to} | {x.wall:.2f} × | {x.cpu:.2f} × | {target} |")
    return "\n".join(lines)


def report(info: dict[str, str], results: Sequence[Result]) -> str:
    out = ["## Machine", ""]
    out += [f"- {key}: {value}" for key, value in info.items()]
    out += ["", "## Results", "", table(results), ""]
    items = ratios(results)
    if items:
        out += [
            "## Ratios",
            "",
            "Medians divided (wall clock, and CPU user+sys); targets from the project's performance issue.",
            "",
            ratio_table(items),
            "",
        ]
    return "\n".join(out)


# --- main -------------------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be numbers of files, at least 1")
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time vplint (and peers) on generated corpora of canvases.")
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        metavar="N,N,...",
        help="corpus sizes in files (default: 1,1000,10000)",
    )
    parser.add_argument(
        "--largest",
        action="store_true",
        help="also time the largest allowed canvas: one 4 MiB file of about 599,000 list items",
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per corpus (default 5)")
    parser.add_argument(
        "--large-runs",
        type=int,
        default=3,
        metavar="RUNS",
        help=f"timed runs for corpora of {LARGE:,} files or more (default 3, never more than --runs)",
    )
    parser.add_argument("--quick", action="store_true", help="1 and 1,000 files, 3 runs: a smoke test")
    parser.add_argument(
        "--tools", default="vplint", help=f"comma-separated tools to time (known: {', '.join(TOOLS)}; default vplint)"
    )
    parser.add_argument(
        "--modes",
        type=lambda text: [m.strip() for m in text.split(",") if m.strip()],
        default=[],
        metavar="NAME,...",
        help="only these modes (vplint: 'no cache', 'no cache -j1', 'cache', 'cache 1 changed'; "
        "vplint-brief: 'brief', 'brief all changed', 'brief unchanged'; "
        "floor: 'no cache', 'no cache -j1'; default: all)",
    )
    parser.add_argument("--vplint", metavar="CMD", help="how to run vplint (default: the vplint script, or -m)")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--broken-ratio", type=float, default=0.0, metavar="R", help="share of canvases with a mistake")
    parser.add_argument(
        "--no-pyc",
        action="store_true",
        help="children write no bytecode cache (PYTHONDONTWRITEBYTECODE=1), so each start compiles vplint's modules",
    )
    parser.add_argument("--regenerate", action="store_true", help="regenerate the corpora even if they are current")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the machine and results as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = [s for s in args.sizes if s < LARGE] or [1, 1_000]
        args.runs = min(args.runs, 3)
    if args.runs < 1 or args.large_runs < 1:
        parser.error("--runs and --large-runs must be at least 1")
    unknown = [t for t in args.tools.split(",") if t not in TOOLS]
    if unknown:
        parser.error(f"unknown tool(s): {', '.join(unknown)}; known: {', '.join(TOOLS)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    global PYCACHE_PREFIX
    args = parse_args(argv)
    if not args.no_pyc:
        PYCACHE_PREFIX = Path(tempfile.mkdtemp(prefix="vplint-bench-pyc-"))
        atexit.register(shutil.rmtree, PYCACHE_PREFIX, ignore_errors=True)
    tools = [TOOLS[name](args) for name in args.tools.split(",")]
    corpora = [corpus_for(size, args.seed, args.broken_ratio, args.regenerate) for size in args.sizes]
    if args.largest:
        corpora.append(largest_corpus())
    if hasattr(os, "getloadavg") and os.getloadavg()[0] > 0.5:
        progress(f"run.py: the load average is {_load()}: other work is running, so the figures will be noisy")
    try:
        info = machine(tools, corpora)
        results: list[Result] = []
        for tool in tools:
            progress(f"timing {tool.name} ({shlex.join(tool.command)})")
            results.append(measure(tool, "--version", args.runs, None))
            modes = [m for m in tool.modes if not args.modes or m.name in args.modes]
            for corpus in corpora:
                runs = args.runs if corpus.files < LARGE else min(args.runs, args.large_runs)
                case = f"check {corpus.files:,} file{'s' if corpus.files != 1 else ''}"
                if corpus.path.name == "largest":
                    case = "check the largest canvas (4 MiB)"
                results.extend(measure(tool, case, runs, corpus, mode) for mode in modes)
    except ToolFailed as exc:
        progress(f"run.py: {exc}")
        return 2
    print(report(info, results))
    if args.json:
        data = {
            "machine": info,
            "results": [asdict(r) for r in results],
            "ratios": [{**asdict(x), "met": x.met} for x in ratios(results)],
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
