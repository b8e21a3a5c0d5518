"""Is ``vplint check`` output the same as at another commit?  Byte for byte, in every format.

A refactoring that changes no behaviour must change no output.  This script checks out a base
revision in a temporary git worktree, runs ``vplint check`` from it and from this working tree
on the same inputs, in every output format (and ``--diff``), and compares stdout, stderr and
the exit code::

    python benchmarks/same_output.py --base 097b351            # samples, examples, rule fixtures
    python benchmarks/same_output.py --base 097b351 --corpora   # + generated corpora (1,000 broken, 10,000)

It exits 0 when every run matches and 1 otherwise, printing the first differing lines of each
mismatch.  Both sides run with the result cache off, ``--isolated`` where the input is not a
configured repository, and a pinned ``VPLINT_TODAY``.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("full", "concise", "json", "github", "sarif", "junit", "gitlab")
TODAY = "2026-11-27"


def _inputs(corpora: bool, work: Path) -> list[tuple[str, list[str], Path | None]]:
    """(name, paths, folder to generate into) for every input set."""
    sets: list[tuple[str, list[str], Path | None]] = [
        ("samples", ["canvases"], None),
        ("examples", ["examples"], None),
        ("fixtures", ["tests/fixtures/rules"], None),
    ]
    if corpora:
        sets.append(("corpus-1000-broken", [str(work / "c1000")], work / "c1000"))
        sets.append(("corpus-10000", [str(work / "c10000")], work / "c10000"))
    return sets


def _generate(folder: Path) -> None:
    count = 1000 if folder.name == "c1000" else 10000
    ratio = "0.3" if count == 1000 else "0"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate.py"),
            "--count",
            str(count),
            "--out",
            str(folder),
            "--broken-ratio",
            ratio,
            "--as-of",
            TODAY,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _run(source: Path, args: Sequence[str], env_extra: dict[str, str]) -> tuple[str, str, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VPLINT_", "CI", "PRE_COMMIT", "GITHUB_"))}
    env["PYTHONPATH"] = str(source)
    env["VPLINT_TODAY"] = TODAY
    env["VPLINT_NO_CACHE"] = "1"
    env.update(env_extra)  # a variant may turn the cache on
    proc = subprocess.run(
        [sys.executable, "-P", "-m", "vplint", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
    )
    return proc.stdout, proc.stderr, proc.returncode


def _show(name: str, old: tuple[str, str, int], new: tuple[str, str, int]) -> None:
    print(f"DIFFERENT: {name} (exit {old[2]} -> {new[2]})")
    for label, a, b in (("stdout", old[0], new[0]), ("stderr", old[1], new[1])):
        if a != b:
            diff = list(
                difflib.unified_diff(a.splitlines(), b.splitlines(), f"base {label}", f"new {label}", lineterm="")
            )
            print("\n".join(diff[:40]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the revision to compare with")
    parser.add_argument("--corpora", action="store_true", help="also the generated benchmark corpora")
    args = parser.parse_args(argv)
    failures = 0
    runs = 0
    with tempfile.TemporaryDirectory(prefix="vplint-same-") as tmp:
        work = Path(tmp)
        base = work / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(base), args.base], cwd=ROOT, check=True, capture_output=True
        )
        try:
            for name, paths, generate_into in _inputs(args.corpora, work):
                if generate_into is not None:
                    _generate(generate_into)
                variants: list[tuple[str, list[str], dict[str, str]]] = [
                    (f"{name} --output-format {fmt}", ["--isolated", "--output-format", fmt, *paths], {})
                    for fmt in FORMATS
                ]
                variants.append((f"{name} --diff", ["--isolated", "--diff", *paths], {}))
                variants.append((f"{name} --lang zh concise", ["--isolated", "--lang", "zh", *paths], {}))
                variants.append((f"{name} --select ALL concise", ["--isolated", "--select", "ALL", *paths], {}))
                prepare: dict[int, tuple[list[str], dict[str, str]]] = {}
                for fmt in ("full", "sarif"):  # the results come back from the cache (not replay: other arguments)
                    cache = {"VPLINT_CACHE_DIR": str(work / f"cache-{name}-{fmt}"), "VPLINT_NO_CACHE": ""}
                    fill = ("--isolated", "--output-format", "concise", *paths)
                    variants.append(
                        (f"{name} cached, then {fmt}", ["--isolated", "--output-format", fmt, *paths], cache)
                    )
                    prepare[len(variants) - 1] = (list(fill), cache)
                for i, (label, run_args, env) in enumerate(variants):
                    old = _run(base, run_args, {})
                    if i in prepare:
                        _run(ROOT, *prepare[i])
                    new = _run(ROOT, run_args, env)
                    runs += 1
                    if old != new:
                        failures += 1
                        _show(label, old, new)
                    else:
                        print(f"same: {label} (exit {new[2]}, {len(new[0])} bytes)", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)
    print(f"{runs - failures} same, {failures} different")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
