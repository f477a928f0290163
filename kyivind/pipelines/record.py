"""Run state: once an article's item is in a feed, the article counts as seen (the incremental component
records its URL, dates, hashes and version, one transaction per item), and later runs skip it.

When is an item "in a feed"?
- kyivind's own feed (``KYIVIND_DATA_DIR/feeds``, the default): when its line is written and flushed, which
  the export pipeline (900) does before this one (950). A killed run's lines are recovered by the next run.
- Only feeds of the user's (``FEEDS``, e.g. to S3, with ``KYIVIND_EXPORT_ENABLED = False``): Scrapy stores
  those when the run closes, so the articles count as seen only after every feed was stored. A run that
  dies first, or a feed that fails to store, marks nothing seen: the next run fetches and emits those
  articles again, and no feed misses them.
With both, kyivind's own feed is the record, and the user's feeds are copies of it.
"""

from __future__ import annotations

import logging
import sqlite3

from scrapy import signals

from kyivind import statkeys as keys
from kyivind.crawl.context import component, disk_fault
from kyivind.items import public_dict
from kyivind.pipelines import CrawlerPipeline
from kyivind.state.incremental import Incremental

logger = logging.getLogger(__name__)


class StatePipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.incremental = component(crawler, Incremental)
        self.deferred = not self.settings.getbool("KYIVIND_EXPORT_ENABLED") and bool(self.settings.getdict("FEEDS"))
        self.pending: list[dict] = []
        if self.deferred:
            crawler.signals.connect(self.feeds_stored, signal=signals.feed_exporter_closed)

    def process_item(self, item, spider=None):
        if self.deferred:
            self.pending.append(public_dict(item))
            return item
        try:
            self.incremental.record_exported(public_dict(item))
        except (sqlite3.Error, OSError) as error:  # a full disk: in the feed, not yet seen; the next run sees to it
            disk_fault(self.crawler, "the run state", error)
        return item

    def close_spider(self, spider=None):
        """The state's pending rows committed before the export (closed after this pipeline) gives the feed its
        final name: from then on no run reads that feed's lines into the state again."""
        try:
            self.incremental.commit()
        except (sqlite3.Error, OSError) as error:
            disk_fault(self.crawler, "the run state", error)

    def feeds_stored(self):
        stats = self.stats.get_stats()
        failed = sum(value for key, value in stats.items() if key.startswith("feedexport/failed_count/"))
        if failed:
            self.stats.inc_value(keys.STATE_NOT_RECORDED, len(self.pending))
            logger.warning("%d articles are not marked as seen: %d feed(s) could not be stored; the next run "
                           "fetches them again", len(self.pending), failed)
            return
        for row in self.pending:
            self.incremental.record_exported(row)
        self.pending.clear()
