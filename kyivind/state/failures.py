"""``KYIVIND_DATA_DIR/failed.jsonl``, next to the ``feeds/`` folder: the URLs a run could not turn into an item, with the reason,
so that the next run tries them again. A URL that fails ``KYIVIND_FAILED_MAX_ATTEMPTS`` runs in a row,
or failed for good (404, 410, not HTML), stays in the file for a person to look at but is not retried.

``FailureLog`` is the extension every component reports a lost article to: it counts, logs and lists it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jsonlines
from scrapy import signals

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext
from kyivind.state.store import now_iso

logger = logging.getLogger(__name__)

PERMANENT = {"http_404", "http_410", "not_html"}  # listed for a person, not asked again


class FailedUrls:
    def __init__(self, path: str | Path, max_attempts: int):
        self.path = Path(path)  # not in feeds/, where readers glob *.jsonl
        self.max_attempts = max_attempts
        self.previous: dict[str, dict] = {}
        self.current: dict[str, dict] = {}
        self.succeeded: set[str] = set()
        if self.path.exists():
            with jsonlines.open(self.path) as reader:
                for row in reader.iter(skip_invalid=True, type=dict):
                    if row.get("url"):
                        self.previous[row["url"]] = row

    def to_retry(self) -> list[str]:
        return [u for u, row in self.previous.items()
                if row.get("attempts", 1) < self.max_attempts and row.get("kind") not in PERMANENT]

    def listed(self, url: str) -> bool:
        return url in self.previous

    def record(self, url: str, reason: str, kind: str) -> None:
        attempts = self.previous.get(url, {}).get("attempts", 0) + 1
        self.current[url] = {"url": url, "reason": reason, "kind": kind, "attempts": attempts,
                             "failed_at": now_iso()}

    def succeeded_url(self, url: str) -> None:
        self.succeeded.add(url)

    def save(self) -> int:
        """Write the failures still open; returns how many."""
        rows = dict(self.current)
        for url, row in self.previous.items():  # kept until a run turns it into an item
            if url not in rows and url not in self.succeeded:
                rows[url] = row
        if not rows:
            self.path.unlink(missing_ok=True)
            return 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_suffix(".jsonl.part")
        with jsonlines.open(part, mode="w") as writer:
            writer.write_all(rows.values())
        os.replace(part, self.path)
        return len(rows)


class FailureLog:
    """The run's list of articles that gave no item: each is counted (``kyivind/article/failed/<kind>``),
    logged with its reason, and written to failed.jsonl when the spider closes."""

    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        self.urls = run.urls
        self.failed = FailedUrls(run.data_file("failed", ".jsonl"), crawler.settings.getint("KYIVIND_FAILED_MAX_ATTEMPTS"))
        self.save = crawler.settings.getbool("KYIVIND_FAILED_SAVE")  # off for a re-extraction: nothing to retry

    @classmethod
    def from_crawler(cls, crawler):
        log = cls(crawler, RunContext.of(crawler))
        crawler.signals.connect(log.spider_closed, signal=signals.spider_closed)
        return log

    def record(self, url: str, kind: str, reason: str, announce: bool = True) -> None:
        """``announce=False`` where the caller logs the loss itself (a dropped item)."""
        self.crawler.stats.inc_value(keys.article_failed(kind))
        self.failed.record(self.urls.public_url(url), reason, kind)
        if announce:
            logger.warning("No item from %s: %s", url, reason)

    def succeeded(self, url: str) -> None:
        self.failed.succeeded_url(self.urls.public_url(url))

    def listed(self, url: str) -> bool:
        return self.failed.listed(self.urls.public_url(url))

    def to_retry(self) -> list[str]:
        return self.failed.to_retry()

    def spider_closed(self, spider, reason):
        if not self.save:
            return
        open_failures = self.failed.save()
        self.crawler.stats.set_value(keys.FAILED_URLS, open_failures)
        if open_failures:
            logger.warning("%d URLs failed and are listed in %s for the next run", open_failures, self.failed.path)
