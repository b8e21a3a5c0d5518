"""The result cache: per-file results of a check, reused while nothing they depend on changed.

A file's entry is reused when the file holds the same bytes — the SHA-256 of the bytes that
were checked (at most :data:`~vplint.store.files.MAX_READ` and one more) is the key, whatever
the file's size, time or inode say — and the *environment key* is the same: vplint's version
and code, the schemas, the file's configuration (its file's bytes and every option that
changes findings, the effective "today" included).  What is cached is the per-file part of a
check (raw findings, suppression directives and the few facts cross-file rules need);
cross-file rules, selection, severity and suppressions are applied afresh on every run, so
cached results stay correct when another file changes.

Storage: one JSON file per environment key in ``.vplint_cache/`` (or ``$VPLINT_CACHE_DIR``),
written atomically (:func:`vplint.store.files.write_atomic`), so two vplint processes running
at once never see a half-written cache (the later one wins; both are valid).  The file's shape
is ``schema/cache-results.schema.json`` and each result's ``schema/cache-payload.schema.json``;
a file or an entry of another shape is ignored (a miss), like one that cannot be read.  The
folder carries a ``.gitignore`` and a ``CACHEDIR.TAG``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vplint import __version__
from vplint.store.digest import hex_digest, sha256
from vplint.store.files import MAX_READ, mark_cache_folder, open_regular, write_atomic
from vplint.store.shapes import valid

__all__ = ["ResultCache", "code_fingerprint", "file_digest", "parse_payloads", "remember_digest"]

CACHE_VERSION = 4
"""2: results carry the source lines their findings point to; 3: each payload is kept as JSON text;
4: a file's key is the digest of its bytes alone."""


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


_SEEN: dict[str, str] = {}
"""Digests this process has just taken (by :func:`remember_digest`), each used once by :meth:`ResultCache.lookup`:
a run whose replay missed has read every file once already."""


def remember_digest(path: str, digest: str) -> None:
    """Keep ``path``'s digest for the cache lookup of this run (so the file is not read twice)."""
    _SEEN[path] = digest


def file_digest(path: str) -> str:
    """The SHA-256 (hex) of what vplint reads of the file at ``path``: its first :data:`MAX_READ` + 1 bytes.

    A check reads no more (a larger file is F009 whatever follows), so this is the whole of what
    its result depends on.  Raises :class:`OSError`; a pipe or a device is refused, never read.
    """
    with open(path, "rb", opener=open_regular) as fh:
        return hex_digest(fh.read(MAX_READ + 1))


class ResultCache:
    """Cached per-file results for one environment key."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.file = folder / f"results-{key}.json"
        self.entries: dict[str, list[str]] = {}
        """path -> [SHA-256 of the bytes that were checked, the result as JSON text]."""
        self.dirty = False
        try:
            with open(self.file, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError, RecursionError):
            return
        if valid("cache-results", data):  # anything else (an old or foreign shape) is ignored, like bad JSON
            self.entries = data["files"]

    def lookup(self, path: str) -> str | None:
        """The cached result of ``path`` (JSON text) if the file holds the bytes it was checked with, else None.

        A path with no entry is not read.  The text is parsed by the caller, many at a time
        (:func:`parse_payloads`): one parse of a batch costs less than one per file, and a run
        never holds every payload parsed at once.
        """
        entry = self.entries.get(path)
        seen = _SEEN.pop(path, None)
        if entry is None:
            return None
        try:
            digest = seen if seen is not None else file_digest(path)
        except OSError:
            return None
        return entry[1] if digest == entry[0] else None

    def store(self, path: str, payload: dict[str, Any] | str, digest: str | None) -> None:
        """Remember ``payload`` for ``path``, checked from bytes whose SHA-256 is ``digest`` (None: not stored).

        The digest is of the very bytes the check read, so a file that changes while it is
        checked is stored under its old content and is a miss on the next run.
        """
        if digest is None:
            return
        text = payload if isinstance(payload, str) else json.dumps(payload, separators=(",", ":"))
        self.entries[path] = [digest, text]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or not usable_folder(self.folder):
            return
        with contextlib.suppress(OSError, ValueError):  # a cache that cannot be written is only a slower next run
            self.folder.mkdir(parents=True, exist_ok=True)
            mark_cache_folder(self.folder)
            write_atomic(self.file, _pieces(self.entries))


def _pieces(entries: dict[str, list[str]], size: int = 1024) -> Iterator[str]:
    """The cache file's JSON in pieces of ``size`` entries: a large cache is never one string in memory.

    ASCII escapes (json's default): a file name that is not UTF-8 (surrogate escapes) must still be storable.
    """
    yield f'{{"version":{CACHE_VERSION},"files":{{'
    items = list(entries.items())
    for start in range(0, len(items), size):
        piece = json.dumps(dict(items[start : start + size]), separators=(",", ":"))[1:-1]
        yield piece if start == 0 else "," + piece
    yield "}}"


def parse_payloads(texts: list[str]) -> list[dict[str, Any] | None]:
    """Cached payloads parsed in one go; an entry that is not of the shape vplint writes is None (a miss)."""
    try:
        parsed = json.loads("[" + ",".join(texts) + "]")
    except (ValueError, RecursionError):
        parsed = None
    if not isinstance(parsed, list) or len(parsed) != len(texts):  # one bad entry: parse each on its own
        parsed = [_parse_one(t) for t in texts]
    return [p if valid("cache-payload", p) else None for p in parsed]


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
