"""Finding the canvases to check: folders walked, files named, configuration include/exclude applied.

Kept apart from the engine so that a run whose output can be replayed (nothing changed)
finds its files without importing the parser, the schema or the rules.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from vplint.config.loader import ConfigLoader

__all__ = ["SKIP_DIRS", "SKIP_FILES", "discover"]

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".vplint_cache", "site-packages"}
)
SKIP_FILES = re.compile(
    r"^(?:readme|changelog|contributing|license|code_of_conduct|security)(?:\..*)?\.(?:md|markdown)$",
    re.IGNORECASE,
)


def discover(paths: Sequence[str], loader: ConfigLoader | None = None) -> tuple[list[str], list[str]]:
    """Files to check and paths that do not exist.

    Folders are walked in sorted order for the configuration's ``include`` globs (by
    default ``*.md`` and ``*.markdown``), skipping hidden folders, dependency and build
    folders (``node_modules``, ``.venv``, ...), files that are never canvases
    (``README.md``, ``CHANGELOG.md``, ``LICENSE.md``, ...) and whatever ``exclude`` names.
    Files named on the command line are checked unless ``exclude`` (or the built-in
    list of never-canvas names) matches them, or the configuration sets ``include`` and it
    does not: so pre-commit can pass any markdown file and only canvases are checked.
    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    loader = loader or ConfigLoader()
    files: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.abspath(path)  # one file named two ways (canvases/a.md and ./canvases/a.md) is one file
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
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
        elif p.exists() or p.is_symlink():
            config = loader.for_path(p)
            if SKIP_FILES.match(p.name) or config.is_excluded(p):
                continue
            if config.include_configured and not config.is_included(p):
                continue
            add(raw)
        else:
            missing.append(raw)
    return files, missing
