"""Opening files the way vplint reads them: regular files only, never blocking on a pipe or a device."""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["open_regular"]


def open_regular(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: refuses anything but a regular file, without blocking on a FIFO."""
    fd = os.open(path, flags | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise IsADirectoryError(errno.EINVAL, "not a regular file", path)
    return fd
