"""The options of one check run (what the command line or a caller sets; configuration files add the rest)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Options"]


@dataclass(frozen=True)
class Options:
    """What the command line (or a caller) sets for one run; configuration files add the rest."""

    lang: str | None = None
    """Force the message language (en or zh); by default each canvas's own."""
    today: dt.date | None = None
    """The date time-dependent rules take as today (default: config ``today``, $VPLINT_TODAY, the real date)."""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    config: Path | None = None
    isolated: bool = False
    fix: bool = False
    """Turn on the fixable style rules (Y) that are off by default, as ``--fix``/``--diff`` do."""
    keep: bool = True
    """Keep each file's full canvas model and document in the result (what briefs and editors need).
    Without it, results hold only findings, so large runs can use worker processes and the cache."""
    jobs: int | None = None
    """Worker processes for large runs (None: all cores; 1: none).  Used only without ``keep``."""
    cache: bool = False
    """Reuse results of unchanged files from ``.vplint_cache/`` (only without ``keep``)."""
    cache_dir: Path | None = None
