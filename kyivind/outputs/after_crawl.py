"""The one crawl-time extension of ``outputs/``: the database brought up to date as each crawl ends
(``KYIVIND_DB_AFTER_CRAWL=1``). A module of its own, so that a crawl imports nothing of the database
(sqlite-utils, the gazetteer, the diff library) unless that setting is on."""

from __future__ import annotations

import logging
from pathlib import Path

logger = logging.getLogger(__name__)


class DatabaseAfterCrawl:
    """Extension: the database brought up to date as each crawl ends (``KYIVIND_DB_AFTER_CRAWL=1``), once
    its feed is stored; a failure is an ERROR line, which fails the run."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        from kyivind.crawl.context import RunContext

        if not crawler.settings.getbool("KYIVIND_DB_AFTER_CRAWL"):
            raise NotConfigured  # KYIVIND_DB_AFTER_CRAWL is off, by design: no message (Scrapy logs one at WARNING)
        extension = cls(RunContext.of(crawler).data_dir)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def engine_stopped(self):
        from kyivind.outputs.database import build

        try:
            done = build(self.data_dir)
        except Exception as error:  # noqa: BLE001 (reported, and the run fails on the ERROR line)
            logger.error("The database of %s could not be brought up to date: %s: %s", self.data_dir,
                         type(error).__name__, error)
            return
        logger.info("Database %s: %d articles (%d written)", done["database"], done["articles"], done["articles_written"])
