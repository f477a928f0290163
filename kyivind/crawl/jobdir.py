"""A damaged JOBDIR never ends a run silently.

Scrapy's disk queue (queuelib's LIFO file under ``JOBDIR/requests.queue``) writes its header only when
it closes; a run killed with ``kill -9`` can leave a file without a header or with a record cut short,
and the next run then fails inside the scheduler ("unpack requires a buffer of 4 bytes") and exports
nothing. This extension reads every queue file before the scheduler opens; a damaged queue is set
aside (``requests.queue.damaged-<time>``) with a WARNING and the stat ``kyivind/jobdir/damaged``.
Nothing is lost by that: a resumed run walks the listing again and skips what the state says was
exported, which is how it finds the articles the killed run had in flight anyway.
"""

from __future__ import annotations

import json
import logging
import struct
from datetime import datetime, timezone
from pathlib import Path

from queuelib.queue import LifoDiskQueue
from scrapy.utils.job import job_dir
from scrapy.utils.misc import load_object

from kyivind import statkeys as keys

logger = logging.getLogger(__name__)
SIZE = struct.Struct(">L")


def lifo_file_problem(path: Path) -> str | None:
    """Why queuelib's LIFO file at ``path`` cannot be read back, or None."""
    data = path.read_bytes()
    if len(data) < SIZE.size:
        return f"{len(data)} bytes, no header"
    (count,) = SIZE.unpack_from(data, 0)
    end = len(data)
    for n in range(count):  # records are read back from the end: each is followed by its length
        if end - SIZE.size < SIZE.size:
            return f"header says {count} records, the file ends after {n}"
        (size,) = SIZE.unpack_from(data, end - SIZE.size)
        end -= SIZE.size + size
        if end < SIZE.size:
            return f"record {count - n} claims {size} bytes, more than the file holds"
    return None


def queue_problem(queue_dir: Path, disk_queue: type) -> str | None:
    active = queue_dir / "active.json"
    if active.exists():
        try:
            json.loads(active.read_text() or "null")
        except ValueError:
            return "active.json is not JSON"
    if not issubclass(disk_queue, LifoDiskQueue):
        return None  # another queue layout: Scrapy reads it as it is
    for path in sorted(p for p in queue_dir.rglob("*") if p.is_file() and p.name != "active.json"):
        problem = lifo_file_problem(path)
        if problem:
            return f"{path.relative_to(queue_dir)}: {problem}"
    return None


class JobdirCheck:
    def __init__(self, crawler):
        self.crawler = crawler
        directory = job_dir(crawler.settings)
        self.queue_dir = Path(directory) / "requests.queue" if directory else None

    @classmethod
    def from_crawler(cls, crawler):
        check = cls(crawler)
        check.set_aside_if_damaged()
        return check

    def set_aside_if_damaged(self) -> Path | None:
        if self.queue_dir is None or not self.queue_dir.is_dir():
            return None
        problem = queue_problem(self.queue_dir, load_object(self.crawler.settings["SCHEDULER_DISK_QUEUE"]))
        if problem is None:
            return None
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        aside = self.queue_dir.with_name(f"{self.queue_dir.name}.damaged-{stamp}")
        self.queue_dir.rename(aside)
        self.crawler.stats.inc_value(keys.JOBDIR_DAMAGED)
        logger.warning("JOBDIR request queue is damaged (%s), probably by a killed run; set aside as %s. The run "
                       "resumes from the state: the listing is walked again and exported articles are skipped",
                       problem, aside)
        return aside
