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

Many files at once (``vplint brief``: two per canvas) go through :func:`write_atomic_many`, which
keeps every promise above for each file but waits for the disk far less often: it writes every
temporary file first, makes them all durable together (one ``syncfs`` of the file system where that
is known to be enough, else one ``fsync`` each), only then renames each over its target, and ends
with one ``fsync`` of the folder.  See its docstring for the argument.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import sys
import time
import tomllib
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any, TypeAlias

Data: TypeAlias = bytes | str | Iterable[str]
"""What a write takes: bytes, text, or text in pieces."""
__all__ = [
    "MAX_READ",
    "STALE_SECONDS",
    "SYNC_ONCE_FROM",
    "ReplaceRefused",
    "create_exclusive",
    "mark_cache_folder",
    "open_regular",
    "read_toml",
    "remove_stale_temporaries",
    "write_atomic",
    "write_atomic_many",
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


def _temporary(folder: str, data: Data, sync: bool = True) -> str:
    """A new temporary file in ``folder`` holding ``data``, flushed to disk (``sync``: fsync'ed too); its path."""
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
    _fill(fd, tmp, data, sync)
    return tmp


def _fill(fd: int, path: str, data: Data, sync: bool = True) -> None:
    """Write ``data`` to the new file ``path`` open as ``fd`` (``sync``: to disk); on an error the file is removed."""
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, str | bytes):
                fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            else:  # text in pieces (a large JSON document as it is encoded): never all of it in memory at once
                for piece in data:
                    fh.write(piece.encode("utf-8"))
            fh.flush()
            if sync:
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


SYNC_ONCE_FROM = 8
"""From this many files, :func:`write_atomic_many` syncs the file system once rather than each file (where it can).

Below it, one ``fsync`` a file costs at most a few waits for the disk, and never waits for what other
programs have written to the same file system (which ``syncfs`` writes out too).
"""

_SYNC_ONCE_FILE_SYSTEMS = frozenset({"ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "overlay", "tmpfs"})
"""File systems whose ``syncfs`` writes every file's data and metadata and flushes the disk's cache before it
returns, as an ``fsync`` of each file would: they commit their journal, log or transaction with a cache
flush (overlay syncs its upper file system; tmpfs has no disk).  Elsewhere (FUSE, network and unknown file
systems, ext2 without a journal) :func:`write_atomic_many` fsyncs each file."""


def write_atomic_many(pairs: Iterable[tuple[str | os.PathLike[str], Data]]) -> None:
    """Create or replace each path by its data, like :func:`write_atomic`, waiting for the disk once, not per file.

    Each path is written as :func:`write_atomic` writes it (same temporary files, modes, owners and
    groups; a link at a path is replaced, never followed), in three steps:

    1. every path is looked at first: one with other hard links, or that is a folder, is refused
       (:class:`ReplaceRefused`, :class:`IsADirectoryError`) before anything is written;
    2. every temporary file is written, given its target's mode, owner and group, and then all are
       made durable together: with ``syncfs`` (Linux 5.8 or later, on a file system in
       :data:`_SYNC_ONCE_FILE_SYSTEMS`, from :data:`SYNC_ONCE_FROM` files), else with an ``fsync`` each;
    3. each temporary file is renamed over its target, in the order given, and each folder is fsync'ed
       once, so that the renames are durable too when this returns.

    Why each target is old or new whatever happens: a rename is the only step that changes a target,
    it replaces the whole file in one step, and it happens only after the step that makes its data
    durable returned (``syncfs`` returns once every dirty file of the file system, ours included, is on
    disk and the disk's cache flushed, and, since Linux 5.8, reports a write error of that file system
    since the folder was opened, which is before the first temporary file).  A kill or a crash before
    the renames leaves every target old and temporary files behind (swept by a later run).  A kill
    during them leaves the targets renamed so far new and the others old; a crash may also lose some
    of the last renames (they are durable once the folder is fsync'ed), each target still old or new.
    An error raises :class:`OSError` (or :class:`ValueError` for a path given twice): before the renames
    every target is as it was, during them (which takes a folder that changed meanwhile, or a failing
    disk) each is old or new; either way no temporary file is left.
    """
    items = [(os.path.abspath(path), data) for path, data in pairs]
    if len({target for target, _ in items}) != len(items):
        raise ValueError("write_atomic_many: a path is given twice")
    before = [_replaceable(target) for target, _ in items]
    folders = sorted({os.path.dirname(target) for target, _ in items})
    fds: list[int] = []
    tmps: list[str] = []
    renamed = 0
    try:
        for folder in folders:  # opened before anything is written: syncfs reports write errors from then on
            fd = _open_folder(folder)
            if fd is not None:
                fds.append(fd)
        once = len(items) >= SYNC_ONCE_FROM and len(fds) == len(folders) and _syncs_once(fds)
        for (target, data), st in zip(items, before, strict=True):
            tmps.append(_temporary(os.path.dirname(target), data, sync=not once))
            if st is not None:
                _keep_identity(tmps[-1], target, st)
        if once:
            for fd in {os.fstat(fd).st_dev: fd for fd in fds}.values():  # one per file system
                _syncfs(fd)
        for (target, _), tmp in zip(items, tmps, strict=True):
            os.replace(tmp, target)
            renamed += 1
        for fd in fds:
            _fsync_folder(fd)
    except BaseException:
        for tmp in tmps[renamed:]:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if renamed:  # what was renamed stays renamed: make it durable if the disk lets us
            for fd in fds:
                with contextlib.suppress(OSError):
                    _fsync_folder(fd)
        raise
    finally:
        for fd in fds:
            os.close(fd)


def _replaceable(target: str) -> os.stat_result | None:
    """:func:`_existing`, also refusing a folder (which a rename would refuse only after other files were renamed)."""
    st = _existing(target)
    if st is None:
        with contextlib.suppress(FileNotFoundError):
            if stat.S_ISDIR(os.lstat(target).st_mode):
                raise IsADirectoryError(errno.EISDIR, "Is a directory", target)
    return st


def _open_folder(folder: str) -> int | None:
    """``folder`` open for fsync and syncfs; None where folders cannot be opened (Windows)."""
    if os.name == "nt":  # pragma: no cover - no folder fsync on Windows
        return None
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def _fsync_folder(fd: int) -> None:
    """Make the renames in the open folder ``fd`` durable (a file system that cannot sync folders is let be)."""
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EROFS):
            raise


def _syncs_once(fds: Collection[int]) -> bool:
    """Whether one ``syncfs`` of each file system under the open folders ``fds`` does what an ``fsync`` a file does."""
    if sys.platform != "linux" or _libc_syncfs() is None:
        return False
    try:
        kernel = tuple(int(part) for part in re.findall(r"\d+", os.uname().release)[:2])
    except ValueError:  # pragma: no cover - an unreadable release
        return False
    if kernel < (5, 8):  # before 5.8, syncfs did not report write errors
        return False
    kinds = _file_system_kinds()
    return all(kinds.get(_device(os.fstat(fd).st_dev)) in _SYNC_ONCE_FILE_SYSTEMS for fd in fds)


def _device(dev: int) -> str:
    return f"{os.major(dev)}:{os.minor(dev)}"


def _file_system_kinds() -> dict[str, str]:
    """``major:minor`` of each mounted file system -> its type, from ``/proc/self/mountinfo`` (empty if unreadable)."""
    kinds: dict[str, str] = {}
    with contextlib.suppress(OSError), open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            fields = line.split()
            if "-" in fields[6:]:
                kinds.setdefault(fields[2], fields[fields.index("-", 6) + 1])
    return kinds


@functools.cache
def _libc_syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` (glibc 2.14, musl), or None (Python's :mod:`os` has none)."""
    try:
        import ctypes

        function: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError, ImportError):
        return None
    return function


def _syncfs(fd: int) -> None:
    """Linux ``syncfs(fd)``: write out and flush everything on the file system holding ``fd``."""
    import ctypes

    syncfs = _libc_syncfs()
    assert syncfs is not None
    if syncfs(fd) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


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
