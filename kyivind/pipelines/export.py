"""JSON Lines export with ``jsonlines``: one file per run in ``KYIVIND_DATA_DIR/feeds/``.

The file is written as ``<name>.jsonl.part`` and renamed to ``<name>.jsonl`` when the run closes,
so a reader that lists ``*.jsonl`` never sees a partial file. A run that exports nothing leaves no
file. Scrapy's own feed exports (``-O file.jsonl``) keep working beside this pipeline.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

import jsonlines

from ..items import public_dict
from . import CrawlerPipeline

logger = logging.getLogger(__name__)


def run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    job = os.environ.get("SCRAPY_JOB") or os.environ.get("SHUB_JOBKEY")
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{job.replace('/', '_')}" if job else stamp


class JsonLinesExportPipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.enabled = self.settings.getbool("KYIVIND_EXPORT_ENABLED", True)
        self.feed_dir = Path(self.settings.get("KYIVIND_DATA_DIR", "data")) / "feeds"
        self.writer = None
        self.count = 0
        self.path: Path | None = None

    def open_spider(self, spider=None):
        if not self.enabled:
            self.stats.set_value("kyivind/run_name", f"{self.crawler.spider.name}-{run_id()}")
            return
        self.feed_dir.mkdir(parents=True, exist_ok=True)
        self.recover()
        name = f"{self.crawler.spider.name}-{run_id()}"
        self.stats.set_value("kyivind/run_name", name)
        self.path = self.feed_dir / f"{name}.jsonl"
        self.part = self.feed_dir / f"{name}.jsonl.part"
        self.handle = open(self.part, "w", encoding="utf-8")
        self.writer = jsonlines.Writer(self.handle, flush=True)

    def recover(self) -> None:
        """Finish the feed files of a run that was killed: their complete lines are exported items
        (a last line cut short is dropped), the state learns them, and the file gets its final name."""
        state = getattr(self.crawler.spider, "run_state", None)
        for part in sorted(self.feed_dir.glob("*.jsonl.part")):
            kept = []
            for line in part.read_text(encoding="utf-8").splitlines():
                try:
                    kept.append(json.loads(line))
                except ValueError:
                    self.stats.inc_value("kyivind/export/recovered_cut_lines")
            if kept:
                with jsonlines.open(part, mode="w") as writer:
                    writer.write_all(kept)
                for row in kept:
                    if state is not None:
                        state.record_exported(row)
                os.replace(part, part.with_suffix(""))
            else:
                part.unlink()
            self.stats.inc_value("kyivind/export/recovered_items", len(kept))
            logger.warning("Recovered %d items of an interrupted run from %s", len(kept), part.name)

    def process_item(self, item, spider=None):
        if self.writer is not None:
            # flushed to the OS before the state pipeline counts the article as seen: a killed process
            # loses nothing written, and recover() reconciles the file and the state on the next run
            self.writer.write(public_dict(item))
            self.count += 1
            self.stats.inc_value("kyivind/export/items")
        return item

    def close_spider(self, spider=None):
        if self.writer is None:
            return
        self.handle.flush()
        os.fsync(self.handle.fileno())  # the finished feed is on disk before it gets its final name
        self.writer.close()
        self.handle.close()
        if self.count:
            os.replace(self.part, self.path)
            self.stats.set_value("kyivind/export/file", str(self.path))
            logger.info("Exported %d items to %s", self.count, self.path)
        else:
            self.part.unlink(missing_ok=True)
            logger.info("No new items: no feed file written")
