"""``scrapy crawl`` that exits non-zero when the run failed, and one run per data directory.

Scrapy exits 0 whenever the crawl ran, even when it closed on a bad argument or its monitoring
found the output broken. Here a run exits 1 when its finish reason is not ``finished`` or when a
component set the stat ``kyivind/failed`` (with the reasons in ``kyivind/failed_reasons``).

Before anything else the run takes the lock of its data directory (``kyivind/lock.py``); a second run on
the same directory logs one ERROR line naming the holder's pid, touches no file and exits 1.
"""

from __future__ import annotations

import logging

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from .. import lock
from .. import statkeys as keys

logger = logging.getLogger(__name__)

OK_REASONS = {"finished"}


class Command(ScrapyCrawl):
    def run(self, args, opts) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        try:
            lock.acquire(self.settings.get("KYIVIND_DATA_DIR"))
        except lock.DataDirLocked as error:
            logger.error("Run refused: %s", error)
            self.exitcode = 1
            return
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        stats = crawler.stats.get_stats() if crawler.stats else {}
        if self.crawler_process.bootstrap_failed or stats.get("finish_reason") not in OK_REASONS \
                or stats.get(keys.FAILED):
            self.exitcode = 1
