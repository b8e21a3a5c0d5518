"""Replay: when nothing a check depends on changed since the last identical run, print its output again.

The result cache (:mod:`vplint.store.cache`) saves parsing and checking unchanged files, but a run
still rebuilds every file's result, applies cross-file rules and formats the report.  When
*nothing* changed — the same command line, working folder, environment, vplint code, date,
configuration files and the same set of files holding the same bytes (their SHA-256, as the
result cache keys them) — the report is the same too, so vplint replays the stored output and
exit code.
Any difference (one file touched, a file added or removed, another option) is a miss and
the run proceeds normally, then stores its output for next time.

Stored in the result cache folder as ``run-<key>.json`` (its shape is
``schema/cache-run.schema.json``; a file of another shape is a miss); written atomically; at
most :data:`KEEP` of them are kept (the least recently used are removed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vplint.store.digest import sha256
from vplint.store.files import mark_cache_folder, write_atomic

__all__ = ["KEEP", "Replay"]

KEEP = 16
_ENV = (
    "VPLINT_",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "CI",
    "PRE_COMMIT",
    "GITHUB_WORKSPACE",
    "CI_PROJECT_DIR",
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "COLUMNS",
)


class Replay:
    def __init__(self, folder: Path, key: str, manifest: str) -> None:
        self.folder = folder
        self.file = folder / f"run-{key}.json"
        self.manifest = manifest

    @classmethod
    def prepare(
        cls,
        folder: Path,
        argv: Sequence[str],
        files: Iterable[str],
        missing: Sequence[str],
        config_files: Iterable[Path | None],
    ) -> Replay:
        from vplint.store.cache import code_fingerprint, file_digest, remember_digest

        env = sorted((k, v) for k, v in os.environ.items() if k.startswith(_ENV))
        key_data = [
            code_fingerprint(),
            list(argv),
            os.getcwd(),
            env,
            sys.stdout.isatty(),
            sys.stderr.isatty(),
            dt.date.today().isoformat(),
        ]
        key = sha256(json.dumps(key_data).encode()).hexdigest()[:24]
        h = sha256()
        for path in sorted({str(p) for p in config_files if p is not None}):
            try:
                h.update(path.encode() + b"\0" + Path(path).read_bytes() + b"\0")
            except OSError:
                h.update(path.encode() + b"\0?\0")
        for path in missing:
            h.update(b"missing\0" + os.fsencode(path) + b"\0")
        for path in files:
            try:
                stamp = file_digest(path)
                remember_digest(path, stamp)  # the cache lookup of this run, on a miss, need not read it again
            except OSError as exc:  # gone or unreadable: the run reports it, and replays while that lasts
                stamp = f"error {exc.errno}"
            h.update(os.fsencode(path) + f"\0{stamp}\0".encode())
        return cls(folder, key, h.hexdigest())

    def lookup(self) -> tuple[str, str, int] | None:
        """The stored output of this run, if nothing changed since it was stored."""
        try:
            with open(self.file, encoding="utf-8") as fh:
                data: Any = json.load(fh)
        except (OSError, ValueError, RecursionError):
            return None
        from vplint.store.shapes import valid

        if not valid("cache-run", data) or data["manifest"] != self.manifest:
            return None
        with contextlib.suppress(OSError):
            os.utime(self.file)  # most recently used
        return data["stdout"], data["stderr"], data["code"]

    def store(self, stdout: str, stderr: str, code: int) -> None:
        from vplint.store.cache import usable_folder

        if not usable_folder(self.folder):
            return
        with contextlib.suppress(OSError, ValueError):  # not stored: only a slower next run
            self.folder.mkdir(parents=True, exist_ok=True)
            mark_cache_folder(self.folder)
            write_atomic(
                self.file, json.dumps({"manifest": self.manifest, "stdout": stdout, "stderr": stderr, "code": code})
            )
            runs = sorted(self.folder.glob("run-*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in runs[KEEP:]:
                old.unlink()


class Tee:
    """A text stream that writes through and remembers what it wrote."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return int(self.stream.write(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    @property
    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", "utf-8"))

    def getvalue(self) -> str:
        return "".join(self.parts)
