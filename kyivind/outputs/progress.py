"""A progress bar (tqdm) for the long parts of ``kyivind db``, ``report`` and ``export``: on stderr, only when
stderr is a terminal (a log, a pipe or cron sees nothing) and the work counts ``PROGRESS_MIN`` articles or
more."""

from __future__ import annotations

from collections.abc import Iterable

PROGRESS_MIN = 1000


def bar(*args, **kwargs):
    """A tqdm progress bar that starts no monitor thread: a build that forks a pool of processes (the figures) runs
    no other thread."""
    from tqdm import tqdm

    tqdm.monitor_interval = 0
    return tqdm(*args, **kwargs)


def tracked(items: Iterable, total: int, what: str) -> Iterable:
    """``items``, shown as they pass with ``what`` as the bar's label."""
    if total < PROGRESS_MIN:
        return items
    return bar(items, total=total, desc=what, unit="article", disable=None, leave=False)
