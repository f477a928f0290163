"""``scrapy crawl`` that exits non-zero when the run failed, and one run per data directory.

Scrapy exits 0 whenever the crawl ran, even when it closed on a bad argument or its monitoring
found the output broken. Here a run exits 1 when its finish reason is not ``finished`` or when a
component set the stat ``kyivind/failed`` (with the reasons in ``kyivind/failed_reasons``).

Before anything else the run takes the lock of its data directory (``kyivind/state/lock.py``); a second run on
the same directory logs one ERROR line naming the holder's pid, touches no file and exits 1.
"""

from __future__ import annotations

import logging

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from kyivind import statkeys as keys
from kyivind.state import lock

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
        if run_failed(self.crawler_process, crawler):
            self.exitcode = 1


def run_failed(process, crawler) -> bool:
    """The run did not finish, or a component found that it failed."""
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return bool(process.bootstrap_failed or stats.get("finish_reason") not in OK_REASONS or stats.get(keys.FAILED))


def crawl_here(spider_name: str, settings: dict, **spider_args) -> int:
    """One run of a project spider in this process, as ``scrapy crawl`` makes it (the data directory's
    lock first); its exit status."""
    import os

    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kyivind.settings")
    project = get_project_settings()
    project.setdict(settings, priority="cmdline")
    try:
        lock.acquire(project.get("KYIVIND_DATA_DIR"))
    except lock.DataDirLocked as error:
        logger.error("Run refused: %s", error)
        return 1
    process = CrawlerProcess(project)
    crawler = process.create_crawler(spider_name)
    process.crawl(crawler, **spider_args)
    process.start()
    return 1 if run_failed(process, crawler) else 0
