"""Finding the canvases to check: folders walked, files named, configuration include/exclude applied.

Kept apart from the engine so that a run whose output can be replayed (nothing changed)
finds its files without importing the parser, the schema or the rules.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from vplint.config.loader import ConfigLoader
from vplint.lint.result import PathProblem

__all__ = ["SKIP_DIRS", "SKIP_FILES", "Discovery", "PathProblem", "discover", "would_walk"]

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".vplint_cache", "site-packages"}
)
SKIP_FILES = re.compile(
    r"^(?:readme|changelog|contributing|license|code_of_conduct|security)(?:\..*)?\.(?:md|markdown)$",
    re.IGNORECASE,
)


class Discovery(NamedTuple):
    """What :func:`discover` found."""

    files: list[str]
    """The files to check, in order."""
    missing: list[str]
    """Paths that do not exist."""
    unreadable: list[PathProblem]
    """Paths that exist, or may, but cannot be looked at: folders that cannot be listed, file names too long, ..."""


_ABSENT = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP})
"""What ``stat`` says of a path that is not there or is a link that leads nowhere: missing (or, for a link, a file
the check reports), not unreadable."""


def _problem(exc: OSError, path: str) -> PathProblem:
    return PathProblem(path, exc.strerror or str(exc))


def discover(paths: Sequence[str], loader: ConfigLoader | None = None) -> Discovery:
    """Files to check, paths that do not exist, and paths that cannot be looked at.

    Folders are walked in sorted order for the configuration's ``include`` globs (by
    default ``*.md`` and ``*.markdown``), skipping hidden folders, dependency and build
    folders (``node_modules``, ``.venv``, ...), files that are never canvases
    (``README.md``, ``CHANGELOG.md``, ``LICENSE.md``, ...) and whatever ``exclude`` names.
    Files named on the command line are checked unless ``exclude`` (or the built-in
    list of never-canvas names) matches them, or the configuration sets ``include`` and it
    does not: so pre-commit can pass any markdown file and only canvases are checked.
    Symbolic links to folders are not followed, so a link loop cannot trap the walk.

    A path that does not exist is *missing*.  A path the system refuses to look at (a file
    under a folder without search permission, a name longer than the file system allows)
    and a folder of the walk that cannot be listed are *unreadable*, with the system's
    reason; the walk goes on with the other folders.  A named path that exists as something
    other than a folder (a broken link, a link loop, a named pipe) is a file to check: the
    check reports it if it cannot be read.
    """
    loader = loader or ConfigLoader()
    files: list[str] = []
    missing: list[str] = []
    unreadable: list[PathProblem] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.abspath(path)  # one file named two ways (canvases/a.md and ./canvases/a.md) is one file
        if key not in seen:
            seen.add(key)
            files.append(path)

    def cannot_list(exc: OSError) -> None:  # os.walk skips a folder it cannot list, in silence, unless told
        unreadable.append(_problem(exc, os.fsdecode(exc.filename) if exc.filename is not None else ""))

    for raw in paths:
        p = Path(raw)
        try:
            is_dir = stat.S_ISDIR(os.stat(p).st_mode)
        except OSError as exc:  # pathlib's is_dir() and exists() raise some of these, swallow others
            if exc.errno not in _ABSENT:
                unreadable.append(_problem(exc, raw))
                continue
            is_dir = False
            if not os.path.lexists(p):
                missing.append(raw)
                continue
        except ValueError:  # a NUL in the name: no such file can exist
            missing.append(raw)
            continue
        if is_dir:
            for root, dirs, names in os.walk(p, onerror=cannot_list):
                root_path = Path(root)
                config = loader.for_dir(os.path.abspath(root), names)  # one configuration per folder
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and d not in SKIP_DIRS and not config.is_excluded_dir(root_path / d)
                )
                for name in sorted(names):
                    if name.startswith(".") or SKIP_FILES.match(name):
                        continue
                    if config.is_included_name(name, root_path):
                        add(os.path.join(root, name))
        else:
            config = loader.for_file(raw)
            if SKIP_FILES.match(p.name) or config.is_excluded(p):
                continue
            if config.include_configured and not config.is_included(p):
                continue
            add(raw)
    return Discovery(files, missing, unreadable)


def would_walk(rel: str, top: Path, loader: ConfigLoader) -> bool:
    """Whether the walk of :func:`discover` from ``top`` would pick the file ``rel`` (``/``-separated, below
    ``top``), were it there: the same rules (hidden and skipped folders and names, the configuration's
    include and exclude) for a file that may exist only in a past commit (``vplint report --history``)."""
    *folders, name = rel.split("/")
    if name.startswith(".") or SKIP_FILES.match(name) or any(d.startswith(".") or d in SKIP_DIRS for d in folders):
        return False
    path = top / rel
    config = loader.for_file(str(path))
    return config.is_included_name(name, path.parent) and not config.is_excluded(path)
