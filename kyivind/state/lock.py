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
WRITTEN = ("state*.sqlite*", "kyivind.db*", "failed*.jsonl")  # files of the data directory kyivind writes into
_HELD: dict[Path, int] = {}  # data directory -> file descriptor of the lock this process holds


class DataDirLocked(RuntimeError):
    """Another process holds the data directory."""

    def __init__(self, data_dir: Path, holder: str):
        self.data_dir, self.holder = data_dir, holder
        super().__init__(f"the data directory {data_dir} is in use by another kyivind run (pid {holder}); "
                         f"this run did nothing")


def _key(data_dir) -> Path:
    return Path(data_dir).resolve()


class UnsafeDataDir(RuntimeError):
    """A file of the data directory that is a symbolic link: kyivind never writes through one."""


def _open_lock(path: Path, flags: int) -> int:
    """The lock file, never through a symbolic link (``O_NOFOLLOW``): a ``.lock`` linked to another file would
    have that file truncated."""
    try:
        return os.open(path, flags | os.O_NOFOLLOW, 0o600)
    except OSError:
        refuse_links(path)  # the link, named; else the error as it is
        raise


def refuse_links(*paths) -> None:
    """UnsafeDataDir when any of ``paths`` is a symbolic link: a database or state file linked elsewhere would
    have kyivind's tables written into another file."""
    for path in map(Path, paths):
        if path.is_symlink():
            raise UnsafeDataDir(f"{path} is a symbolic link (to {os.readlink(path)}); kyivind does not write "
                                f"through links: remove it")


def acquire(data_dir) -> None:
    """Take the lock of ``data_dir`` for the rest of this process (again: a no-op); DataDirLocked if taken."""
    key = _key(data_dir)
    if key in _HELD:
        return
    key.mkdir(parents=True, exist_ok=True)
    fd = _open_lock(key / LOCK_NAME, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
        os.close(fd)
        raise DataDirLocked(key, holder) from None
    try:  # the files a run or a command writes: none may be a link
        refuse_links(*(path for pattern in WRITTEN for path in key.glob(pattern)))
    except UnsafeDataDir:
        os.close(fd)
        raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    _HELD[key] = fd


def holder(data_dir) -> str | None:
    """The pid of the process that holds ``data_dir``, or None when it is free (or held by this process)."""
    key = _key(data_dir)
    path = key / LOCK_NAME
    if key in _HELD or not path.exists():
        return None
    fd = _open_lock(path, os.O_RDONLY)
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
