"""vplint's file I/O: reading regular files and TOML, writing files atomically or exclusively.

Every file vplint writes (``check --fix``, briefs, ``new``, ``init``, the result cache and the
replayed runs) goes through :func:`write_atomic` or :func:`create_exclusive`:

* The content is first written to a hidden temporary file in the target's folder, named
  ``.vplint-<random>.tmp``, opened exclusively (``O_EXCL``, never through a link), flushed and
  fsync'ed.  Only then is it renamed over the target (:func:`os.replace`) or hard-linked to it
  (:func:`os.link`, which never replaces anything).  A crash or a kill at any moment leaves the
  target whole, old or new; on an error the temporary file is removed and the target untouched.
* A link at the target is replaced by the new file (or refused by :func:`create_exclusive`),
  never written through.
* Modes: a file that is replaced keeps its permission bits; a new file gets ``0666`` less the
  umask, like any file a program creates with :func:`open`.
* A run that is killed can leave a temporary file behind.  The first write in a folder in a
  process removes the ``.vplint-*.tmp`` regular files there that are older than an hour
  (:data:`STALE_SECONDS`); other files, links and fresh temporary files (another vplint at
  work) are left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeAlias

Data: TypeAlias = bytes | str | Iterable[str]
"""What a write takes: bytes, text, or text in pieces."""
__all__ = [
    "MAX_READ",
    "STALE_SECONDS",
    "ReplaceRefused",
    "create_exclusive",
    "mark_cache_folder",
    "open_regular",
    "read_toml",
    "remove_stale_temporaries",
    "write_atomic",
]

MAX_READ = 4 * 1024 * 1024
"""The most vplint reads of a canvas: a larger file is refused (F009) after this many bytes and one more."""

STALE_SECONDS = 3600
"""A temporary file older than this is the leftover of a killed run."""

_TEMPORARY = re.compile(r"\.vplint-[0-9a-z_]+\.tmp")
"""The names of vplint's temporary files (``tempfile`` names of older versions included)."""

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
"""A new file, never an existing one nor through a link."""
_swept: set[str] = set()


def open_regular(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: refuses anything but a regular file, without blocking on a FIFO."""
    fd = os.open(path, flags | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise IsADirectoryError(errno.EINVAL, "not a regular file", path)
    return fd


def read_toml(path: Path, error: Callable[[str], Exception] = ValueError) -> dict[str, Any]:
    """The TOML document in ``path``; a file that cannot be read or parsed raises ``error(message)``.

    The message names the file: ``not valid TOML: ...``, ``not UTF-8 ...`` or ``cannot read: ...``.
    """
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise error(f"{path}: not UTF-8 (TOML files must be saved as UTF-8)") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None


def remove_stale_temporaries(folder: str, now: float | None = None) -> None:
    """Remove vplint's temporary files in ``folder`` older than :data:`STALE_SECONDS` (errors are ignored)."""
    limit = (time.time() if now is None else now) - STALE_SECONDS
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _TEMPORARY.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                    os.unlink(entry.path)  # a regular file (never a link's target)


def _temporary(folder: str, data: Data) -> str:
    """A new temporary file in ``folder`` holding ``data``, flushed to disk; its path."""
    if folder not in _swept:  # once per folder and process: a killed run's leftovers
        _swept.add(folder)
        remove_stale_temporaries(folder)
    while True:
        tmp = os.path.join(folder, f".vplint-{os.urandom(6).hex()}.tmp")
        try:
            fd = os.open(tmp, _CREATE, 0o666)  # 0666 less the umask
            break
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    _fill(fd, tmp, data)
    return tmp


def _fill(fd: int, path: str, data: Data) -> None:
    """Write ``data`` to the new file ``path`` open as ``fd``, to disk; on an error the file is removed."""
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, str | bytes):
                fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            else:  # text in pieces (a large JSON document as it is encoded): never all of it in memory at once
                for piece in data:
                    fh.write(piece.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)  # ours: created exclusively a moment ago
        raise


class ReplaceRefused(OSError):
    """:func:`write_atomic` would lose what the file has: its other hard links, or its owner or group.

    ``message_id`` and ``values`` name the reason in vplint's message tables (the command line
    shows it in the reader's language); ``strerror`` says it in English.
    """

    def __init__(self, path: str, message_id: str, english: str, **values: object) -> None:
        super().__init__(errno.EPERM, english, path)
        self.message_id = message_id
        self.values = values


def write_atomic(path: str | os.PathLike[str], data: Data) -> None:
    """Create or replace ``path`` by ``data`` (text is written as UTF-8, newlines as they are) in one step.

    ``data`` is bytes, text, or text in pieces (an iterable of strings, written as they come).

    A regular file that is replaced keeps its permission bits, its owner and its group; a new
    file (or one replacing a link, which is never followed) gets ``0666`` less the umask.  A file
    that cannot keep its owner or group (it belongs to another user, and the folder lets anyone
    replace it) or that has other hard links (a new file would split them) is not replaced:
    :class:`ReplaceRefused`.  Raises :class:`OSError`; then ``path`` is as it was and no
    temporary file is left.
    """
    target = os.path.abspath(path)
    before = _existing(target)
    tmp = _temporary(os.path.dirname(target), data)
    try:
        if before is not None:
            _keep_identity(tmp, target, before)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _existing(target: str) -> os.stat_result | None:
    """The regular file at ``target`` (None: nothing, or a link or anything else, which is replaced as it is)."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    if st.st_nlink > 1:
        raise ReplaceRefused(
            target,
            "cli.write_hard_links",
            f"it has {st.st_nlink} hard links, which replacing it would break",
            n=st.st_nlink,
        )
    return st


def _keep_identity(tmp: str, target: str, st: os.stat_result) -> None:
    """Give ``tmp`` the permission bits, owner and group of the file it replaces, or refuse."""
    mine = os.lstat(tmp)
    if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
        try:
            os.chown(tmp, st.st_uid, st.st_gid, follow_symlinks=False)
        except OSError:
            if mine.st_uid != st.st_uid:
                raise ReplaceRefused(
                    target, "cli.write_owner", f"it belongs to another user (uid {st.st_uid})", uid=st.st_uid
                ) from None
            raise ReplaceRefused(
                target, "cli.write_group", f"its group (gid {st.st_gid}) could not be kept", gid=st.st_gid
            ) from None
    os.chmod(tmp, stat.S_IMODE(st.st_mode))  # after chown, which may clear set-id bits


def create_exclusive(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Create ``path`` with ``data`` in one step; :class:`FileExistsError` if it exists (a link included).

    The temporary file is hard-linked to ``path`` (a link fails where anything exists, so
    nothing is ever replaced or written through): a crash leaves no half-written file under
    ``path``.  The file gets ``0666`` less the umask.  Where the file system has no hard links,
    ``path`` is created exclusively (never through a link) and written in place.
    """
    target = os.path.abspath(path)
    tmp = _temporary(os.path.dirname(target), data)
    try:
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some network or FAT file systems)
            _fill(os.open(target, _CREATE, 0o666), target, data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def mark_cache_folder(folder: Path) -> None:
    """Give the cache ``folder`` a ``.gitignore`` (never committed) and a ``CACHEDIR.TAG`` (never backed up)."""
    for name, text in (
        (".gitignore", "# Created by vplint: the result cache, never committed.\n*\n"),
        ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# vplint result cache\n"),
    ):
        marker = folder / name
        if not marker.exists() and not marker.is_symlink():
            with contextlib.suppress(FileExistsError):  # made meanwhile (another vplint), or a link: kept
                create_exclusive(marker, text)
