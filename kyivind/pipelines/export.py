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
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, component, disk_fault
from kyivind.items import public_dict
from kyivind.pipelines import CrawlerPipeline
from kyivind.state.incremental import Incremental

logger = logging.getLogger(__name__)


class JsonLinesExportPipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        run = RunContext.of(crawler)
        self.enabled = self.settings.getbool("KYIVIND_EXPORT_ENABLED")
        self.incremental = component(crawler, Incremental)
        self.feed_dir = run.feeds_dir
        self.path = run.feed_file
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
        (a last line cut short is dropped), the state learns them, and the file gets its final name.

        Every step can itself be killed without losing a line the state already counts as seen: the file
        is only cut after its last complete line (or, were a bad line ever followed by good ones,
        replaced whole by an atomic rename), the state learns the lines, then the file is renamed."""
        for part in sorted(self.feed_dir.glob("*.jsonl.part")):
            kept, good_end, offset, bad_before_good, bad = [], 0, 0, False, 0
            with open(part, "rb") as handle:
                for raw in handle:
                    offset += len(raw)
                    try:
                        row = json.loads(raw)
                    except ValueError:
                        bad += 1
                        continue
                    bad_before_good = bad_before_good or bad > 0
                    kept.append(row)
                    good_end = offset
            self.stats.inc_value(keys.EXPORT_RECOVERED_CUT_LINES, bad)
            if not kept:
                part.unlink()
                continue
            if bad_before_good:
                whole = part.with_suffix(".rewrite")
                with jsonlines.open(whole, mode="w") as writer:
                    writer.write_all(kept)
                os.replace(whole, part)
            elif good_end < offset:
                os.truncate(part, good_end)
            for row in kept:
                self.incremental.record_exported(row)
            self.incremental.commit()  # in the state before the file, renamed, is no longer read in again
            os.replace(part, part.with_suffix(""))
            self.stats.inc_value(keys.EXPORT_RECOVERED_ITEMS, len(kept))
            logger.warning("Recovered %d items of an interrupted run from %s", len(kept), part.name)

    def process_item(self, item, spider=None):
        if self.writer is not None:
            # flushed to the OS before the state pipeline counts the article as seen: a killed process
            # loses nothing written, and recover() reconciles the file and the state on the next run
            try:
                self.writer.write(public_dict(item))
            except OSError as error:  # a full disk: the run fails once and stops; the article is fetched next time
                disk_fault(self.crawler, f"the feed {self.part}", error)
                raise DropItem(f"not written (the feed could not be written): {ItemAdapter(item).get('url')}",
                               log_level="DEBUG") from None
            self.count += 1
            self.stats.inc_value(keys.EXPORT_ITEMS)
        return item

    def close_spider(self, spider=None):
        if self.writer is None:
            return
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())  # the finished feed is on disk before it gets its final name
            self.writer.close()
            self.handle.close()
        except OSError as error:  # a full disk: the part file stays, and the next run recovers what it holds
            disk_fault(self.crawler, f"the feed {self.part}", error)
            return
        if self.count:
            os.replace(self.part, self.path)
            self.stats.set_value(keys.EXPORT_FILE, str(self.path))
            logger.info("Exported %d items to %s", self.count, self.path)
        else:
            self.part.unlink(missing_ok=True)
            logger.info("No new items: no feed file written")
