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
import json
import os
import time
from pathlib import Path
from typing import Any

from vplint import __version__
from vplint.store.digest import sha256
from vplint.store.files import mark_cache_folder, open_regular, write_atomic

__all__ = ["ResultCache", "code_fingerprint"]

CACHE_VERSION = 2  # 2: results carry the source lines their findings point to


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
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        try:
            with open(self.file, encoding="utf-8") as fh:
                data = json.load(fh)
            files = data.get("files") if isinstance(data, dict) and data.get("version") == CACHE_VERSION else None
            if isinstance(files, dict):  # anything else (an old or foreign shape) is ignored, like unreadable JSON
                self.entries = {k: v for k, v in files.items() if isinstance(v, dict) and "payload" in v}
        except (OSError, ValueError):
            self.entries = {}

    @staticmethod
    def stat_key(st: os.stat_result) -> list[int]:
        return [st.st_size, st.st_mtime_ns, st.st_ino]

    def lookup(self, path: str) -> dict[str, Any] | None:
        """The cached payload of ``path`` if the file is unchanged, else None."""
        entry = self.entries.get(path)
        if entry is None:
            return None
        try:
            st = os.stat(path)
        except OSError:
            return None
        if entry.get("stat") == self.stat_key(st):
            payload: dict[str, Any] = entry["payload"]
            return payload
        try:
            with open(path, "rb", opener=open_regular) as fh:  # a pipe where a file was must not block
                digest = sha256(fh.read()).hexdigest()
        except OSError:
            return None
        if digest != entry.get("sha"):
            return None
        entry["stat"] = self.stat_key(st)  # touched but not changed
        self.dirty = True
        payload = entry["payload"]
        return payload

    def store(self, path: str, payload: dict[str, Any], before: list[int] | None) -> None:
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
        recent = time.time_ns() - st.st_mtime_ns < 2_000_000_000
        self.entries[path] = {"stat": None if recent else self.stat_key(st), "sha": digest, "payload": payload}
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or not usable_folder(self.folder):
            return
        with contextlib.suppress(OSError, ValueError):  # a cache that cannot be written is only a slower next run
            self.folder.mkdir(parents=True, exist_ok=True)
            mark_cache_folder(self.folder)
            # ASCII escapes: a file name that is not UTF-8 (surrogate escapes) must still be storable
            data = json.dumps({"version": CACHE_VERSION, "files": self.entries}, separators=(",", ":"))
            write_atomic(self.file, data)


def usable_folder(folder: Path) -> bool:
    """The cache folder may be written: it is not a link, and neither are its marker files."""
    if folder.is_symlink() or any((folder / n).is_symlink() for n in (".gitignore", "CACHEDIR.TAG")):
        return False
    return not folder.exists() or folder.is_dir()
