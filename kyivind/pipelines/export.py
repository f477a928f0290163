"""JSON Lines export with ``jsonlines``: one file per run in ``KYIVIND_DATA_DIR/feeds/``, named after the
run (``newsfeed-<UTC time>.jsonl``; ``newsfeed-<tag>-<UTC time>.jsonl`` for another tag).

The file is written as ``<name>.jsonl.part`` and renamed to ``<name>.jsonl`` when the run closes,
so a reader that lists ``*.jsonl`` never sees a partial file. A run that exports nothing leaves no
file. Scrapy's own feed exports (``-O file.jsonl``) keep working beside this pipeline.
"""

from __future__ import annotations

import json
import logging
import os

import jsonlines

from .. import statkeys as keys
from ..incremental import Incremental
from ..items import public_dict
from ..run import RunContext, component
from . import CrawlerPipeline

logger = logging.getLogger(__name__)


class JsonLinesExportPipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        run = RunContext.of(crawler)
        self.enabled = self.settings.getbool("KYIVIND_EXPORT_ENABLED")
        self.incremental = component(crawler, Incremental)
        self.feed_dir = run.feeds_dir
        self.path = self.feed_dir / f"{run.name}.jsonl"
        self.part = self.feed_dir / f"{run.name}.jsonl.part"
        self.writer = None
        self.count = 0

    def open_spider(self, spider=None):
        if not self.enabled:
            return
        self.feed_dir.mkdir(parents=True, exist_ok=True)
        self.recover()
        self.handle = open(self.part, "w", encoding="utf-8")
        self.writer = jsonlines.Writer(self.handle, flush=True)

    def recover(self) -> None:
        """Finish the feed files of a run that was killed: their complete lines are exported items
        (a last line cut short is dropped), the state learns them, and the file gets its final name."""
        for part in sorted(self.feed_dir.glob("*.jsonl.part")):
            kept = []
            for line in part.read_text(encoding="utf-8").splitlines():
                try:
                    kept.append(json.loads(line))
                except ValueError:
                    self.stats.inc_value(keys.EXPORT_RECOVERED_CUT_LINES)
            if kept:
                with jsonlines.open(part, mode="w") as writer:
                    writer.write_all(kept)
                for row in kept:
                    self.incremental.record_exported(row)
                os.replace(part, part.with_suffix(""))
            else:
                part.unlink()
            self.stats.inc_value(keys.EXPORT_RECOVERED_ITEMS, len(kept))
            logger.warning("Recovered %d items of an interrupted run from %s", len(kept), part.name)

    def process_item(self, item, spider=None):
        if self.writer is not None:
            # flushed to the OS before the state pipeline counts the article as seen: a killed process
            # loses nothing written, and recover() reconciles the file and the state on the next run
            self.writer.write(public_dict(item))
            self.count += 1
            self.stats.inc_value(keys.EXPORT_ITEMS)
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
            self.stats.set_value(keys.EXPORT_FILE, str(self.path))
            logger.info("Exported %d items to %s", self.count, self.path)
        else:
            self.part.unlink(missing_ok=True)
            logger.info("No new items: no feed file written")
