"""The run deadline: a run still going after ``KYIVIND_MAX_RUN_MINUTES`` stops cleanly, whatever kept it
going (a site that answers slowly forever, a loop no other bound caught).

It closes the spider as Scrapy's own close does, with the finish reason ``deadline``: the feeds are stored,
the state and failed.jsonl saved, a ``JOBDIR`` queue keeps the requests not yet made (the next run with the
same ``JOBDIR`` goes on from there), and the run fails (exit 1, the cause in the summary, alerts sent). A
value of 0 switches the deadline off.
"""

from __future__ import annotations

import asyncio
import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

from kyivind.crawl.context import bound_reached, stop_run

logger = logging.getLogger(__name__)
REASON = "deadline"


class RunDeadline:
    def __init__(self, crawler, minutes: float):
        self.crawler = crawler
        self.minutes = minutes
        self._timer: asyncio.TimerHandle | None = None

    @classmethod
    def from_crawler(cls, crawler):
        minutes = crawler.settings.getfloat("KYIVIND_MAX_RUN_MINUTES")
        if minutes <= 0:
            raise NotConfigured  # KYIVIND_MAX_RUN_MINUTES is 0: no deadline, by design: no message (Scrapy logs one at WARNING)
        deadline = cls(crawler, minutes)
        crawler.signals.connect(deadline.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(deadline.spider_closed, signal=signals.spider_closed)
        return deadline

    def spider_opened(self, spider):
        self._timer = asyncio.get_running_loop().call_later(self.minutes * 60, self.expire)

    def expire(self) -> None:
        self._timer = None
        bound_reached(self.crawler, REASON, f"the run is still going after {self.minutes:g} minutes: it stops now",
                      short=f"the run deadline was reached (KYIVIND_MAX_RUN_MINUTES={self.minutes:g}): the run "
                            "stopped before it was done; what it got is stored, and a run with the same JOBDIR "
                            "goes on where it stopped")
        stop_run(self.crawler, REASON)

    def spider_closed(self, spider, reason):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
