#!/usr/bin/env python3
"""The long fuzz campaign: parse → check → fix → briefs, for minutes, coverage-guided where atheris is installed.

    python tests/fuzz/fuzz_vplint.py --minutes 10                 # atheris if installed, else hypothesis
    python tests/fuzz/fuzz_vplint.py --minutes 10 --coverage      # and measure vplint's line coverage
    python tests/fuzz/fuzz_vplint.py --engine hypothesis --examples 500 --seed 1

Every input goes through :func:`tests.fuzz.pipeline.exercise` (what ``vplint export``,
``vplint check --select ALL``, ``vplint check --fix`` and ``vplint brief --allow-errors`` do,
with the properties each result must have).  A failure does not stop the campaign: each
distinct failure (its kind, and for a crash the vplint function that raised) is counted and
its first input saved under ``OUT/failures/`` with its traceback, so one run finds them all.

Engines:

* ``atheris`` (``pip install atheris``): libFuzzer mutates raw bytes, guided by the
  branches vplint and mistune take; it starts from the sample canvases, every rule fixture
  and samples carrying hostile text, with a dictionary of canvas and markup tokens.  The
  corpus it grows is kept in ``OUT/corpus`` (a later run continues from it).
* ``hypothesis``: random mutations of the samples and hostile text in their values
  (``tests/fuzz/strategies.py``), not derandomized, in batches until the time is up.

The summary (inputs run, coverage, failures) is printed and written to ``OUT/summary.json``;
the exit code is 1 when anything failed.  ``docs/hardening.md`` records a run.
This file is not collected by pytest; ``tests/property/test_property_briefs.py`` runs it briefly.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import re
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:  # run as a script: make ``tests.fuzz`` importable
    sys.path.insert(0, str(ROOT))

DEFAULT_OUT = HERE / "out"
MAX_LEN = 16_384
"""The largest input libFuzzer makes (the samples are about 2 kB; the size limit has its own tests)."""
TIMEOUT_S = 30
"""One input that takes longer is a hang: libFuzzer stops and saves it."""
RSS_LIMIT_MB = 2048


# --- failures and statistics --------------------------------------------------------------------


def failure_key(exc: BaseException) -> str:
    """What makes two failures the same: the property broken, or the exception and the vplint function raising it."""
    from tests.fuzz.pipeline import Violation

    if isinstance(exc, Violation):
        return f"violation {exc.kind}"
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if "/vplint/" in f.filename.replace(os.sep, "/")]
    where = f"{Path(inside[-1].filename).name}:{inside[-1].name}" if inside else "?"
    return f"crash {type(exc).__name__} in {where}"


@dataclass
class Failure:
    key: str
    count: int
    first: str
    """The saved input (relative to OUT)."""
    message: str


@dataclass
class Stats:
    engine: str
    inputs: int = 0
    parsed: int = 0
    fixed: int = 0
    briefed: int = 0
    seconds: float = 0.0
    failures: dict[str, Failure] = field(default_factory=dict)
    coverage: dict[str, Any] = field(default_factory=dict)


class Recorder:
    """Counts inputs and failures; saves each distinct failure's first input and traceback."""

    def __init__(self, out: Path, engine: str, *, keep_every: int = 0) -> None:
        self.out = out
        self.stats = Stats(engine)
        self.started = time.monotonic()
        self.saved_at = 0.0
        self.keep_every = keep_every
        """Keep every n-th input in OUT/sample (0: none), to measure coverage afterwards."""
        (out / "failures").mkdir(parents=True, exist_ok=True)
        if keep_every:
            (out / "sample").mkdir(exist_ok=True)

    def run(self, data: bytes | str) -> None:
        from tests.fuzz.pipeline import exercise

        self.stats.inputs += 1
        if self.keep_every and self.stats.inputs % self.keep_every == 0:
            raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
            (self.out / "sample" / hashlib.sha256(raw).hexdigest()[:16]).write_bytes(raw)
        try:
            outcome = exercise(data, _renderer())
        except Exception as exc:  # a crash or a broken property: record it and go on
            self.record(data, exc)
        else:
            self.stats.parsed += outcome.parsed
            self.stats.fixed += outcome.fixed
            self.stats.briefed += outcome.briefed
        if time.monotonic() - self.saved_at > 1:
            self.save()

    def record(self, data: bytes | str, exc: BaseException) -> None:
        from tests.fuzz.pipeline import Violation

        key = failure_key(exc)
        known = self.stats.failures.get(key)
        if known is not None:
            known.count += 1
            return
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        name = hashlib.sha256(raw).hexdigest()[:12] + (".bin" if isinstance(data, bytes) else ".txt")
        (self.out / "failures" / name).write_bytes(raw)
        trace = "".join(traceback.format_exception(exc))
        (self.out / "failures" / (name + ".traceback")).write_text(f"{key}\n\n{trace}", encoding="utf-8")
        text = exc.detail if isinstance(exc, Violation) else f"{type(exc).__name__}: {exc}"
        message = (text.splitlines() or [type(exc).__name__])[0][:300]
        self.stats.failures[key] = Failure(key, 1, f"failures/{name}", message)
        self.save()

    def save(self) -> None:
        self.saved_at = time.monotonic()
        self.stats.seconds = round(self.saved_at - self.started, 1)
        _write_json(self.out / f"{self.stats.engine}-stats.json", asdict(self.stats))


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


_RENDERER: list[Any] = []


def _renderer() -> Any:
    """One brief renderer for the whole campaign (templates compiled once)."""
    if not _RENDERER:
        from vplint.briefs.render import Renderer

        _RENDERER.append(Renderer())
    return _RENDERER[0]


# --- hypothesis ---------------------------------------------------------------------------------


def run_hypothesis(args: argparse.Namespace, out: Path) -> Stats:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as with_seed

    from tests.fuzz.strategies import canvas_inputs

    recorder = Recorder(out, "hypothesis", keep_every=10 if args.coverage else 0)
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    limit = args.examples
    base_seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    batch = 0
    while (deadline is None or time.monotonic() < deadline) and (limit is None or recorder.stats.inputs < limit):
        size = 1000 if limit is None else min(1000, limit - recorder.stats.inputs)

        @settings(
            max_examples=size,
            deadline=None,
            database=None,
            derandomize=False,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(canvas_inputs())
        def one(data: bytes | str) -> None:
            if deadline is not None and time.monotonic() >= deadline:
                return
            recorder.run(data)

        with_seed(base_seed + batch)(one)()
        batch += 1
    recorder.save()
    recorder.stats.coverage["seed"] = base_seed
    return recorder.stats


# --- atheris ------------------------------------------------------------------------------------


def _tokens() -> list[str]:
    from tests.fuzz.pipeline import HOSTILE
    from vplint.model import vocabulary

    tokens = ["---\n", "\n---\n", "...", "\n## ", "\n### ", "\n- ", "\n  - ", ": ", "：", " - ", " —— ", "——", "/"]
    tokens += ["<!-- vplint-disable-next-line ", "<!-- vplint-disable-file ", " -->", "# vplint: disable=", "```\n"]
    tokens += ["&a ", "*a", "!!str ", "{", "}", "[", "]", "'", '"', "|\n", ">-\n", "\t", "\r\n", "\r", "\ufeff"]
    tokens += list(HOSTILE)
    for vocab in vocabulary.VOCABULARIES.values():
        for slug in vocab.slugs:
            term = vocab[slug]
            tokens += [slug, term.en, term.zh]
    return sorted({t for t in tokens if t})


def _dictionary(path: Path) -> None:
    """A libFuzzer dictionary: one quoted token a line, bytes escaped."""
    lines = []
    for token in _tokens():
        raw = token.encode("utf-8")
        if len(raw) > 64:
            continue
        escaped = "".join(chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else f"\\x{b:02x}" for b in raw)
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n", encoding="ascii")


def _seeds(folder: Path) -> None:
    """The samples, every rule fixture, and samples with hostile text in their titles and values."""
    from tests.fuzz.pipeline import HOSTILE, SEEDS, seed_corpus

    folder.mkdir(parents=True, exist_ok=True)
    for path in seed_corpus():
        data = path.read_bytes()
        (folder / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)
    for n, piece in enumerate(HOSTILE):
        for text in SEEDS:
            lines = text.split("\n")
            targets = [i for i, line in enumerate(lines) if line.startswith(("### ", "- ", "account", "  title"))]
            i = targets[(n * 7) % len(targets)]
            lines[i] = lines[i] + " " + piece
            data = "\n".join(lines).encode("utf-8", "surrogatepass")
            (folder / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)


_LIBFUZZER_STAT = re.compile(r"^stat::(\w+):\s*(\d+)", re.M)
_LIBFUZZER_PULSE = re.compile(r"#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)")


def run_atheris(args: argparse.Namespace, out: Path) -> Stats:
    corpus, seeds = out / "corpus", out / "seeds"
    corpus.mkdir(parents=True, exist_ok=True)
    if args.seeds:
        _seeds(seeds)
    _dictionary(out / "vplint.dict")
    (out / "artifacts").mkdir(exist_ok=True)
    flags = [
        f"-dict={out / 'vplint.dict'}",
        f"-max_len={MAX_LEN}",
        f"-timeout={TIMEOUT_S}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-artifact_prefix={out / 'artifacts'}/",
        "-print_final_stats=1",
    ]
    if args.minutes:
        flags.append(f"-max_total_time={int(args.minutes * 60)}")
    if args.examples:
        flags.append(f"-runs={args.examples}")
    if args.seed is not None:
        flags.append(f"-seed={args.seed}")
    log = out / "libfuzzer.log"
    child = [sys.executable, str(Path(__file__).resolve()), "--atheris-child", "--out", str(out), "--"]
    with open(log, "wb") as fh:
        folders = [str(corpus)] + ([str(seeds)] if args.seeds else [])
        proc = subprocess.run([*child, *flags, *folders], stderr=fh, stdout=fh, check=False)
    stats_file = out / "atheris-stats.json"
    data: dict[str, Any] = {"engine": "atheris"}
    if stats_file.exists():
        data = json.loads(stats_file.read_text(encoding="utf-8"))
    failures = {k: Failure(**v) for k, v in data.pop("failures", {}).items()}
    data.pop("coverage", None)
    stats = Stats(**data, failures=failures)
    text = log.read_text(encoding="utf-8", errors="replace")
    final = dict((k, int(v)) for k, v in _LIBFUZZER_STAT.findall(text))
    pulses = _LIBFUZZER_PULSE.findall(text)
    stats.coverage["libfuzzer"] = {
        "executed_units": final.get("number_of_executed_units"),
        "peak_rss_mb": final.get("peak_rss_mb"),
        "edges": int(pulses[-1][1]) if pulses else None,
        "features": int(pulses[-1][2]) if pulses else None,
        "corpus": int(pulses[-1][3]) if pulses else None,
        "exit_code": proc.returncode,
    }
    if proc.returncode not in (0, 1) or list((out / "artifacts").iterdir()):
        # libFuzzer stopped on its own account: a hang (-timeout), too much memory, or a crash of the interpreter
        artifacts = sorted(p.name for p in (out / "artifacts").iterdir())
        stats.failures["libfuzzer stopped"] = Failure(
            "libfuzzer stopped", 1, ", ".join(f"artifacts/{a}" for a in artifacts), f"see {log.name}"
        )
    return stats


def atheris_child(argv: list[str], out: Path) -> None:
    atheris: Any = importlib.import_module("atheris")
    with atheris.instrument_imports(include=["vplint", "mistune"]):
        # imported here, so that their code is instrumented
        import vplint.briefs.render
        import vplint.lint.runner
        from tests.fuzz import pipeline

        del vplint, pipeline
    recorder = Recorder(out, "atheris")

    def one_input(data: bytes) -> None:
        recorder.run(data)

    atheris.Setup([sys.argv[0], *argv], one_input)
    try:
        atheris.Fuzz()
    finally:
        recorder.save()


# --- coverage -----------------------------------------------------------------------------------


TARGETS = (
    "parser/",
    "model/",
    "validation/",
    "lint/suppressions.py",
    "lint/pipeline.py",
    "lint/selection.py",
    "lint/fix.py",
    "rules/",
    "briefs/",
)
"""What the campaign exercises (parse, check, fix, briefs): the rest of vplint is the command line and reports."""


def measure_coverage(inputs: list[Path], out: Path, label: str) -> dict[str, Any]:
    """vplint's line coverage over ``inputs`` (coverage.py), by replaying them in a child process."""
    listing = out / f"replay-{label}.txt"
    listing.write_text("\n".join(str(p) for p in inputs) + "\n", encoding="utf-8")
    data_file = out / f".coverage-{label}"
    report = out / f"coverage-{label}.json"
    run = [sys.executable, "-m", "coverage", "run", f"--data-file={data_file}", "--source=vplint"]
    subprocess.run([*run, str(Path(__file__).resolve()), "--replay", str(listing)], check=True, cwd=ROOT)
    subprocess.run(
        [sys.executable, "-m", "coverage", "json", f"--data-file={data_file}", "-o", str(report)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    totals = data["totals"]
    covered = statements = 0
    for name, entry in data["files"].items():
        rel = name.replace(os.sep, "/").split("vplint/", 1)[-1]
        if rel.startswith(TARGETS):
            covered += entry["summary"]["covered_lines"]
            statements += entry["summary"]["num_statements"]
    return {
        "inputs": len(inputs),
        "lines_percent": round(float(totals["percent_covered"]), 1),
        "covered_lines": totals["covered_lines"],
        "statements": totals["num_statements"],
        "targets_percent": round(100 * covered / statements, 1) if statements else None,
        "targets_covered_lines": covered,
        "targets_statements": statements,
    }


def _inputs(out: Path) -> list[Path]:
    """What a campaign ran that is worth replaying: atheris's corpus, or hypothesis's sample."""
    found: list[Path] = []
    for folder in (out / "corpus", out / "sample"):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.is_file())
    return found


def add_coverage(stats: Stats, out: Path, inputs: list[Path]) -> None:
    from tests.fuzz.pipeline import seed_corpus

    stats.coverage["seeds"] = measure_coverage(seed_corpus(), out, "seeds")
    stats.coverage["lines"] = measure_coverage(seed_corpus() + inputs, out, "campaign")


def replay(listing: Path) -> None:
    from tests.fuzz.pipeline import exercise

    for line in listing.read_text(encoding="utf-8").splitlines():
        if line:
            try:
                exercise(Path(line).read_bytes(), _renderer())
            except Exception:  # the campaign recorded it; here only coverage counts
                continue


# --- main ---------------------------------------------------------------------------------------


def _engine(choice: str) -> str:
    if choice != "auto":
        return choice
    try:
        importlib.import_module("atheris")
    except ImportError:
        return "hypothesis"
    return "atheris"


def _print_summary(stats: Stats, out: Path) -> None:
    rate = stats.inputs / stats.seconds if stats.seconds else 0.0
    print(f"engine: {stats.engine}, {stats.seconds:.0f} s")
    print(
        f"inputs: {stats.inputs} ({rate:.0f}/s); parsed without F findings: {stats.parsed}; "
        f"fixed: {stats.fixed}; briefed: {stats.briefed}"
    )
    lf = stats.coverage.get("libfuzzer")
    if lf:
        runs, edges, features = lf["executed_units"], lf["edges"], lf["features"]
        print(f"libFuzzer: {runs} runs, {edges} edges, {features} features, corpus {lf['corpus']}")
    for label, name in (("seeds", "the seed corpus alone"), ("lines", "the campaign")):
        c = stats.coverage.get(label)
        if c:
            print(
                f"line coverage, {name} ({c['inputs']} inputs): {c['targets_percent']}% of parse/check/fix/brief "
                f"code ({c['targets_covered_lines']}/{c['targets_statements']}), {c['lines_percent']}% of vplint"
            )
    print(f"failures: {len(stats.failures)} distinct" + (":" if stats.failures else ""))
    for f in sorted(stats.failures.values(), key=lambda f: -f.count):
        print(f"  {f.count:6d}x {f.key}: {f.message}  [{f.first}]")
    print(f"summary: {out / 'summary.json'}")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--atheris-child"]:
        split = argv.index("--")
        atheris_child(argv[split + 1 :], Path(argv[argv.index("--out") + 1]))
        return 0
    if argv[:1] == ["--replay"]:
        replay(Path(argv[1]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, help="how long to run (default: 10, unless --examples is given)")
    parser.add_argument("--examples", type=int, help="how many inputs to run")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--seed", type=int, help="the random seed (default: a new one each run)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where results go (default: {DEFAULT_OUT})")
    parser.add_argument("--coverage", action="store_true", help="measure vplint's line coverage (needs coverage.py)")
    parser.add_argument(
        "--measure", action="store_true", help="only measure the coverage of the campaign already in OUT"
    )
    parser.add_argument(
        "--no-seeds",
        dest="seeds",
        action="store_false",
        help="atheris: start from OUT/corpus only, not from the samples and rule fixtures",
    )
    args = parser.parse_args(argv)
    if args.minutes is None and args.examples is None:
        args.minutes = 10.0
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.measure:  # coverage of a finished campaign, without fuzzing again
        data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        failures = {k: Failure(**v) for k, v in data.pop("failures").items()}
        stats = Stats(**data, failures=failures)
        add_coverage(stats, out, _inputs(out))
    else:
        run = run_atheris if _engine(args.engine) == "atheris" else run_hypothesis
        stats = run(args, out)
        if args.coverage:
            add_coverage(stats, out, _inputs(out))
    _write_json(out / "summary.json", asdict(stats))
    _print_summary(stats, out)
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main())
