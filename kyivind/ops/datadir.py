"""What a data directory is, for the commands that read one: only a crawl makes one."""

from __future__ import annotations

import os
from pathlib import Path


def missing_data(path, feeds_only: bool = False) -> str | None:
    """Why ``path`` is no data directory to read, or None when it is one: a data directory (its ``feeds/`` or
    a run state in it), a folder of feed files, or one feed file (``feeds_only``: a feed folder or file is
    enough). Only a crawl makes a data directory; a command that reads one never makes it."""
    path = Path(path)
    if path.is_file():
        return None if path.name.endswith(".jsonl") else f"{path} is a file, not a data directory or a feed (*.jsonl)"
    if not path.exists():
        return f"no data directory at {path}: it does not exist (a crawl makes it: scrapy crawl newsfeed)"
    if not path.is_dir():
        return f"{path} is not a directory"
    # what a crawl leaves: its feeds, its archive, its state, or the lock it holds while it makes the rest
    if (path / "feeds").is_dir() or (path / "archive").is_dir() or any(path.glob("state*.sqlite")) \
            or (path / ".lock").exists() or any(path.glob("*.jsonl")):
        return None
    return (f"{path} is not a kyivind data directory: it has no feeds/ or archive/ folder and no run state "
            f"(state*.sqlite)"
            + ("" if feeds_only else "; set KYIVIND_DATA_DIR or give the directory a crawl wrote"))


def free_space_problem(data_dir, least_mb: float) -> str | None:
    """Why the disk of ``data_dir`` cannot take a run (read-only, or under ``least_mb`` MiB free), or None."""
    import errno

    try:
        disk = os.statvfs(data_dir)
    except OSError:
        return None
    if disk.f_flag & os.ST_RDONLY:
        return os.strerror(errno.EROFS)
    free = disk.f_bavail * disk.f_frsize
    if free < least_mb * (1 << 20):
        return (f"{free // 1024} KiB free on its disk, under KYIVIND_MIN_FREE_MB={least_mb:g} (a run writes its feed, "
                f"archive and state there)")
    return None
