"""One run per data directory: an exclusive ``fcntl.flock`` on ``DATA_DIR/.lock``, held for the whole run.

The kernel releases the lock when the holding process dies, however it dies (``kill -9`` included), so a
lock is never left behind. The file holds the pid of the holder, for the message a refused run prints.
A run that cannot take the lock touches nothing else in the data directory.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_NAME = ".lock"
_HELD: dict[Path, int] = {}  # data directory -> file descriptor of the lock this process holds


class DataDirLocked(RuntimeError):
    """Another process holds the data directory."""

    def __init__(self, data_dir: Path, holder: str):
        self.data_dir, self.holder = data_dir, holder
        super().__init__(f"the data directory {data_dir} is in use by another kyivind run (pid {holder}); "
                         f"this run did nothing")


def _key(data_dir) -> Path:
    return Path(data_dir).resolve()


def acquire(data_dir) -> None:
    """Take the lock of ``data_dir`` for the rest of this process (again: a no-op); DataDirLocked if taken."""
    key = _key(data_dir)
    if key in _HELD:
        return
    key.mkdir(parents=True, exist_ok=True)
    fd = os.open(key / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
        os.close(fd)
        raise DataDirLocked(key, holder) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    _HELD[key] = fd


def holder(data_dir) -> str | None:
    """The pid of the process that holds ``data_dir``, or None when it is free (or held by this process)."""
    key = _key(data_dir)
    path = key / LOCK_NAME
    if key in _HELD or not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def release_all() -> None:
    """Give up every lock this process holds (``kyivind serve``, once the database is made: serving it
    does not stop crawls)."""
    while _HELD:
        _, fd = _HELD.popitem()
        os.close(fd)  # closing the only descriptor of the open file releases its flock
