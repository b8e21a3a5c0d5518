"""The floor under ``vplint check``: read every canvas, split its front-matter, load it, parse the body.

    python benchmarks/floor.py benchmarks/corpus/10000            # all cores, as vplint
    python benchmarks/floor.py --jobs 1 benchmarks/corpus/1000

The performance targets are stated against this script: for each file it does the least work any
canvas linter has to do, with the same libraries vplint uses, and nothing more:

1. read the file's bytes and decode them as UTF-8 (line ends normalized, as vplint does);
2. split the YAML front-matter off at its closing ``---`` (or ``...``) line;
3. load the front-matter with PyYAML's ``CSafeLoader`` (libyaml), which builds Python objects
   (vplint only composes the node tree, a little less work);
4. parse the body with mistune's block parser, as shipped (``BlockParser()``: every block rule,
   no inline parsing, no renderer, no positions). vplint's parser looks for fewer rules inside list
   items and takes a shortcut for simple lists, so it can parse a canvas for less than this floor.

Like vplint, it walks folders for ``*.md`` and ``*.markdown`` (skipping hidden folders and files),
runs a pool of ``--jobs`` worker processes (default: all cores) forked from this one only from 64
files on, and hands the workers the files in chunks, with vplint's chunk size. Every file is read
and parsed; a file that fails (not UTF-8, bad YAML) is counted, not skipped silently. It does not
import vplint. The ``--version`` row of the benchmark is not this script but the import floor,
``python -c "import yaml, mistune"``.

It prints one line: the files read, their size, the blocks parsed and the failures.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator, Sequence

import mistune
import yaml
from mistune.block_parser import BlockParser
from mistune.core import BlockState

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # PyYAML without libyaml: the floor is not what the targets mean
    sys.exit("floor.py: PyYAML has no libyaml (yaml.CSafeLoader is missing)")

PARALLEL_MIN_FILES = 64
"""As vplint: below this many files a pool costs more than it saves."""
SUFFIXES = (".md", ".markdown")

_END_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_PARSER = BlockParser()

Counts = tuple[int, int, int, int]
"""Per file, or summed: (files, bytes, top-level blocks, failures)."""


def floor_file(path: str) -> Counts:
    """Read one canvas and do the floor's work on it."""
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return 1, len(data), 0, 1
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    failed = 0
    body = text
    first = text.find("\n")
    if first >= 0 and text[:first].rstrip(" \t") == "---":
        end = _END_FENCE.search(text, first + 1)
        if end is not None:
            body = text[end.end() + 1 :]
            try:
                yaml.load(text[first + 1 : end.start()], Loader=Loader)
            except yaml.YAMLError:
                failed = 1
    if not body.endswith("\n"):
        body += "\n"
    state = BlockState()
    state.process(body)
    _PARSER.parse(state)
    return 1, len(data), len(state.tokens), failed


def files_under(paths: Sequence[str]) -> Iterator[str]:
    """The canvases named or found in the folders named, in sorted order (hidden entries skipped)."""
    for raw in paths:
        if not os.path.isdir(raw):
            yield raw
            continue
        for root, dirs, names in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.endswith(SUFFIXES) and not name.startswith("."):
                    yield os.path.join(root, name)


def floor(files: Sequence[str], jobs: int) -> Counts:
    """The summed counts over ``files``, on ``jobs`` worker processes if there are enough files."""
    if jobs > 1 and len(files) >= PARALLEL_MIN_FILES:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # as vplint: imported only for a pool

        context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        chunksize = max(1, min(64, len(files) // (jobs * 4) or 1))  # vplint's chunk size
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            counts = list(pool.map(floor_file, files, chunksize=chunksize))
    else:
        counts = [floor_file(path) for path in files]
    return (
        len(counts),
        sum(c[1] for c in counts),
        sum(c[2] for c in counts),
        sum(c[3] for c in counts),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The floor under vplint check: read, split, load, parse.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="canvases, or folders to walk for *.md")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument(
        "--version",
        action="version",
        version=f"floor (mistune {mistune.__version__}, PyYAML {yaml.__version__} with libyaml)",
    )
    args = parser.parse_args(argv)
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    files = list(files_under(args.paths))
    n, size, blocks, failed = floor(files, max(1, jobs))
    print(f"floor: read {n} files ({size / 1024:.0f} KiB), {blocks} top-level blocks, {failed} failed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
