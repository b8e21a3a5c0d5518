"""The result cache: per-file results of a check, reused while nothing they depend on changed.

A file's entry is reused when the file is unchanged — same size, modification time and
inode, or, failing that, the same SHA-256 of its bytes — and the *environment key* is the
same: vplint's version and code, the schemas, the file's configuration (its file's bytes
and every option that changes findings, the effective "today" included).  What is cached
is the per-file part of a check (raw findings, suppression directives and the few facts
cross-file rules need); cross-file rules, selection, severity and suppressions are applied
afresh on every run, so cached results stay correct when another file changes.

Storage: one JSON file per environment key in ``.vplint_cache/`` (or ``$VPLINT_CACHE_DIR``),
written atomically (:func:`vplint.store.files.write_atomic`), so two vplint processes running
at once never see a half-written cache (the later one wins; both are valid).  A cache that
cannot be read is ignored.  The folder carries a ``.gitignore`` and a ``CACHEDIR.TAG``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vplint import __version__
from vplint.store.digest import sha256
from vplint.store.files import mark_cache_folder, open_regular, write_atomic

__all__ = ["ResultCache", "code_fingerprint", "parse_payloads"]

CACHE_VERSION = 3
"""2: results carry the source lines their findings point to; 3: each payload is kept as JSON text."""


@functools.cache
def code_fingerprint() -> str:
    """Changes when vplint's code, schemas or shipped data change (cheap: file sizes and times)."""
    package = Path(__file__).resolve().parents[1]
    h = sha256(f"{__version__}:{CACHE_VERSION}".encode())
    for top in (package, package.parent / "schema", package.parent / "templates"):
        if not top.is_dir():
            continue
        for root, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                if name.endswith((".py", ".json", ".toml", ".j2", ".css", ".yaml")):
                    st = os.stat(os.path.join(root, name))
                    h.update(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


class ResultCache:
    """Cached per-file results for one environment key."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.file = folder / f"results-{key}.json"
        self.entries: dict[str, list[Any]] = {}
        """path -> [stat key or None, SHA-256 of the bytes, the payload as JSON text]."""
        self.dirty = False
        try:
            with open(self.file, encoding="utf-8") as fh:
                data = json.load(fh)
            files = data.get("files") if isinstance(data, dict) and data.get("version") == CACHE_VERSION else None
            if isinstance(files, dict):  # anything else (an old or foreign shape) is ignored, like unreadable JSON
                self.entries = {k: v for k, v in files.items() if _is_entry(v)}
        except (OSError, ValueError, RecursionError):
            self.entries = {}

    @staticmethod
    def stat_key(st: os.stat_result) -> list[int]:
        return [st.st_size, st.st_mtime_ns, st.st_ino]

    def lookup(self, path: str) -> str | None:
        """The cached payload of ``path`` (JSON text) if the file is unchanged, else None.

        The text is parsed by the caller, many at a time (:func:`parse_payloads`): one parse of
        a batch costs less than one per file, and a run never holds every payload parsed at once.
        """
        entry = self.entries.get(path)
        if entry is None:
            return None
        try:
            st = os.stat(path)
        except OSError:
            return None
        if entry[0] == self.stat_key(st):
            text: str = entry[2]
            return text
        try:
            with open(path, "rb", opener=open_regular) as fh:  # a pipe where a file was must not block
                digest = sha256(fh.read()).hexdigest()
        except OSError:
            return None
        if digest != entry[1]:
            return None
        if not _racily_clean(st):  # touched but not changed
            entry[0] = self.stat_key(st)
            self.dirty = True
        text = entry[2]
        return text

    def store(self, path: str, payload: dict[str, Any] | str, before: list[int] | None) -> None:
        """Remember ``payload`` for ``path``; ``before`` is the file's stat key taken before it was checked.

        A file that changed while it was checked is not stored (its findings may be of the
        old content).  A file modified within the last two seconds is stored without its
        stat key, so the next run compares its bytes ("racily clean", as git says).
        """
        try:
            st = os.stat(path)
            if before is None or self.stat_key(st) != before:
                return
            with open(path, "rb", opener=open_regular) as fh:
                digest = sha256(fh.read()).hexdigest()
        except OSError:
            return
        recent = _racily_clean(st)
        text = payload if isinstance(payload, str) else json.dumps(payload, separators=(",", ":"))
        self.entries[path] = [None if recent else self.stat_key(st), digest, text]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or not usable_folder(self.folder):
            return
        with contextlib.suppress(OSError, ValueError):  # a cache that cannot be written is only a slower next run
            self.folder.mkdir(parents=True, exist_ok=True)
            mark_cache_folder(self.folder)
            # ASCII escapes: a file name that is not UTF-8 (surrogate escapes) must still be storable
            write_atomic(self.file, _pieces(self.entries))


def _pieces(entries: dict[str, list[Any]], size: int = 1024) -> Iterator[str]:
    """The cache file's JSON in pieces of ``size`` entries: a large cache is never one string in memory.

    ASCII escapes (json's default): a file name that is not UTF-8 (surrogate escapes) must still be storable.
    """
    yield f'{{"version":{CACHE_VERSION},"files":{{'
    items = list(entries.items())
    for start in range(0, len(items), size):
        piece = json.dumps(dict(items[start : start + size]), separators=(",", ":"))[1:-1]
        yield piece if start == 0 else "," + piece
    yield "}}"


def _racily_clean(st: os.stat_result) -> bool:
    """Modified within the last two seconds: a later edit could keep the same size and time, so the stat key
    is not trusted for it ("racily clean", as git says) and the next run compares its bytes."""
    return time.time_ns() - st.st_mtime_ns < 2_000_000_000


def _is_entry(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 3
        and (value[0] is None or isinstance(value[0], list))
        and isinstance(value[1], str)
        and isinstance(value[2], str)
    )


def parse_payloads(texts: list[str]) -> list[dict[str, Any] | None]:
    """Cached payloads parsed in one go; an entry that is not a JSON object is None (a miss)."""
    try:
        parsed = json.loads("[" + ",".join(texts) + "]")
    except (ValueError, RecursionError):
        parsed = None
    if not isinstance(parsed, list) or len(parsed) != len(texts):  # one bad entry: parse each on its own
        parsed = [_parse_one(t) for t in texts]
    return [p if isinstance(p, dict) else None for p in parsed]


def _parse_one(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def usable_folder(folder: Path) -> bool:
    """The cache folder may be written: it is not a link, and neither are its marker files."""
    if folder.is_symlink() or any((folder / n).is_symlink() for n in (".gitignore", "CACHEDIR.TAG")):
        return False
    return not folder.exists() or folder.is_dir()
