"""Where the report goes: files written one by one as they are made, or compared with what is there (``--check``).

Each file is written through a temporary file and a rename (:func:`vplint.store.files.write_atomic`, and
:func:`~vplint.store.files.write_atomic_many` for pages, a batch at a time: one wait for the disk per
batch, not per page), so after a failure or a kill at any moment each is its old or its new self, and a
file that already holds the same bytes is not written again.  Pages are written as they are rendered, a
batch at a time, so a run over 10,000 canvases never holds every page (or every brief) in memory.  Once
every file is made, :meth:`Output.finish` removes the pages an earlier run made that this one did not
(an account, an owner or a canvas gone): only ``*.html`` files of the site's folders that carry
vplint's generator tag, so a file someone else put there is never touched.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PAGE_FOLDERS", "Output"]

PAGE_FOLDERS = ("accounts", "owners", "briefs")
_GENERATOR = b'<meta name="generator" content="vplint'
_BATCH_FILES = 512
_BATCH_CHARS = 16 << 20
"""Pages written together (one wait for the disk), at most: so many, or so much text."""


@dataclass
class Output:
    out: Path
    check: bool = False
    """Write nothing: compare, and list what is missing, stale or left over."""
    made: set[str] = field(default_factory=set)
    written: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    _folders: set[Path] = field(default_factory=set)
    _pending: list[tuple[Path, str]] = field(default_factory=list)
    _pending_size: int = 0

    def _folder(self, folder: Path) -> None:
        """Create ``folder`` (and the report's folder); a file or a link in its place is an error, never followed."""
        if folder in self._folders:
            return
        folder.mkdir(parents=True, exist_ok=True)
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode):
            raise NotADirectoryError(20, "not a folder", str(folder))
        self._folders.add(folder)

    def put(self, rel: str, text: str | Iterable[str]) -> None:
        """The file ``rel`` (``/``-separated, made by vplint: never ``..``) holds ``text`` (a string, or pieces)."""
        from vplint.briefs.render import current_bytes, holds
        from vplint.store.files import write_atomic

        parts = rel.split("/")
        if rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"refusing to write {rel!r} outside {self.out}")
        self.made.add(rel)
        target = self.out / rel
        if self.check:
            whole = text if isinstance(text, str) else "".join(text)
            current = current_bytes(target)
            if current is None:
                self.missing.append(rel)
            elif current != whole.encode("utf-8"):
                self.stale.append(rel)
            return
        self._folder(target.parent)
        if not isinstance(text, str):  # a large document in pieces: written as it is encoded
            write_atomic(target, text)
            self.written.append(rel)
        elif not holds(target, text):
            self._pending.append((target, text))
            self._pending_size += len(text)
            self.written.append(rel)
            if len(self._pending) >= _BATCH_FILES or self._pending_size >= _BATCH_CHARS:
                self.flush()

    def flush(self) -> None:
        """Write the pages made so far together, waiting for the disk once (:func:`write_atomic_many`)."""
        from vplint.store.files import write_atomic_many

        pending, self._pending, self._pending_size = self._pending, [], 0
        write_atomic_many(pending)

    def finish(self, pages: bool = True) -> None:
        """Write what is pending; then (``pages``: a site was made) find the pages an earlier run left, and
        remove them unless checking."""
        self.flush()
        if not pages:
            return
        for folder in PAGE_FOLDERS:
            try:
                names = sorted(os.listdir(self.out / folder))
            except OSError:
                continue
            for name in names:
                rel = f"{folder}/{name}"
                path = self.out / folder / name
                if rel in self.made or not name.endswith(".html") or path.is_symlink() or not path.is_file():
                    continue
                try:
                    with open(path, "rb") as fh:
                        head = fh.read(4096)
                except OSError:
                    continue
                if _GENERATOR in head:
                    self.leftover.append(rel)
        if not self.check:
            for rel in self.leftover:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.out / rel)

    @property
    def fresh(self) -> bool:
        return not (self.missing or self.stale or self.leftover)
