"""The trees a benchmark measures side by side: this one, and an earlier commit (``--before REV``) checked out in a
temporary git worktree for the length of the run."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def checked_out(rev: str | None) -> Iterator[Path | None]:
    """``rev`` checked out in a temporary worktree (removed afterwards), or None without one."""
    if not rev:
        yield None
        return
    worktree = Path(tempfile.mkdtemp(prefix="kyivind-before-"))
    subprocess.run(["git", "worktree", "add", "--detach", str(worktree), rev], cwd=ROOT, check=True,
                   capture_output=True)
    try:
        yield worktree
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, capture_output=True)
