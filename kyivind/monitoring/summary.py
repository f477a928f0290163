"""What the end-of-run checks (kyivind/monitoring/checks.py, run by Spidermon) need beyond the stats: the items and
the fields they have, and the ERROR lines logged during the run; and the run summary they write
(``KYIVIND_DATA_DIR/feeds/<run>.summary.json``).

Causes that stop a run (the site unreachable, the listing missing or empty, a bad argument, the browser
missing...) are reported by the component that meets them (``kyivind.crawl.context.fail_run``); any ERROR line that
anything else logs during the run (an exception in a callback, in Scrapy's engine or scheduler, in an
asyncio task, a feed that cannot be stored) fails the run too. A robots.txt that cannot be downloaded is a
WARNING here, not Scrapy's ERROR with a traceback: the crawl goes on without it.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from pathlib import Path

from kyivind import statkeys as keys
from kyivind.items import FIELDS

logger = logging.getLogger(__name__)


def _json_default(value):
    return value.isoformat() if isinstance(value, datetime) else str(value)


class ErrorWatch(logging.Handler):
    """Counts the ERROR records logged during the run by anything but the run monitor; keeps the first."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0
        self.first: str | None = None

    def emit(self, record):
        if record.name == __name__:
            return
        self.count += 1
        if self.first is None:
            self.first = f"[{record.name}] {record.getMessage().splitlines()[0]}"[:300]


class RobotsFetchWarning(logging.Filter):
    """Scrapy logs a robots.txt that cannot be downloaded as an ERROR with a traceback, although the crawl
    goes on without it; here it is a WARNING line. When the site is unreachable, the listing's failure is
    the run's ERROR line."""

    def filter(self, record):
        if record.levelno >= logging.ERROR and record.exc_info:
            error = record.exc_info[1]
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg, record.args = "robots.txt could not be fetched: %s: %s", (type(error).__name__, error)
            record.exc_info = record.exc_text = None
        return True


ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"


class RunMonitor:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.thresholds = dict(settings.getwithbase("KYIVIND_COVERAGE_THRESHOLDS"))
        self.max_empty_ratio = settings.getfloat("KYIVIND_MAX_EMPTY_PAGE_RATIO")
        self.max_dropped_ratio = settings.getfloat("KYIVIND_MAX_DROPPED_RATIO")
        # Scrapy, itemadapter and the run context are imported where the crawl uses them: the summaries' readers
        # (kyivind status, db, report) start without them
        from kyivind.crawl.context import RunContext

        self.run = RunContext.of(crawler)
        self.present = dict.fromkeys(FIELDS, 0)
        self.items = 0
        self.last_summary: dict | None = None
        self.alerts_failed: list[str] = []  # alerts that could not be delivered (kyivind/monitoring/checks.py)
        self.errors = ErrorWatch()
        logging.getLogger().addHandler(self.errors)
        self.robots_filter = RobotsFetchWarning()
        logging.getLogger(ROBOTS_LOGGER).addFilter(self.robots_filter)

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        monitor = cls(crawler)
        crawler.signals.connect(monitor.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(monitor.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(monitor.engine_stopped, signal=signals.engine_stopped)
        return monitor

    def spider_opened(self, spider):
        self.stats.set_value(keys.RUN_NAME, self.run.name)
        self.stats.set_value(keys.TAG, self.run.tag)

    def item_scraped(self, item, response=None, spider=None):
        from itemadapter import ItemAdapter

        self.items += 1
        for name, value in ItemAdapter(item).items():
            if value not in (None, "", [], {}):
                self.present[name] = self.present.get(name, 0) + 1

    def summary(self, problems: list[str]) -> dict:
        stats = self.stats.get_stats()
        return {
            "spider": self.crawler.spider.name if self.crawler.spider else None,
            "run": self.run.name,
            "tag": self.run.tag,
            "site": self.run.urls.base_host,  # the host fetched from: each has its own state
            "ok": not problems,
            "problems": problems,
            "finish_reason": stats.get("finish_reason"),
            "start_time": stats.get("start_time"),
            "finish_time": stats.get("finish_time"),
            "items": self.items,
            "articles_known": stats.get(keys.STATE_ARTICLES),
            "dropped": {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith(keys.VALIDATION_INVALID_PREFIX)},
            "duplicates": stats.get(keys.DEDUP_DUPLICATE, 0),
            "coverage": {name: round(self.present.get(name, 0) / self.items, 4) if self.items else None for name in FIELDS},
            "field_sources": {k[len(keys.FIELD_PREFIX):]: v for k, v in stats.items() if k.startswith(keys.FIELD_PREFIX)},
            "http_status": {k.rsplit("/", 1)[-1]: v for k, v in stats.items()
                            if k.startswith("downloader/response_status_count/")},
            "requests": stats.get("downloader/request_count", 0),
            "retries": stats.get("retry/count", 0),
            "failed_urls": stats.get(keys.FAILED_URLS, 0),
            "bounds": {k[len(keys.BOUND_PREFIX):]: v for k, v in stats.items() if k.startswith(keys.BOUND_PREFIX)},
            "feed": stats.get(keys.EXPORT_FILE),
            "source": stats.get(keys.SOURCE_USED),
            "archive": {"file": Path(stats[keys.ARCHIVE_FILE]).name, "bytes": stats.get(keys.ARCHIVE_BYTES, 0),
                        "responses": stats.get(keys.ARCHIVE_RESPONSES, 0)} if stats.get(keys.ARCHIVE_FILE) else None,
        }

    def engine_stopped(self):
        """The run is over, its feeds stored: what was logged is counted; the checks (kyivind/monitoring/checks.py)
        run next."""
        logging.getLogger().removeHandler(self.errors)
        logging.getLogger(ROBOTS_LOGGER).removeFilter(self.robots_filter)
        self.stats.set_value(keys.ERRORS_LOGGED, self.errors.count)

    def alert_failed(self, channel: str, reason: str) -> None:
        """An alert that could not be delivered, written into the summary already on disk."""
        self.alerts_failed.append(f"{channel}: {reason}")
        if self.last_summary is not None:
            self.write_summary(self.last_summary["problems"])

    def write_summary(self, problems: list[str]) -> dict:
        self.last_summary = self.summary(problems)
        if self.alerts_failed:
            self.last_summary["alerts_failed"] = list(self.alerts_failed)
        path = self.run.feeds_dir / f"{self.run.name}.summary.json"
        if self.crawler.settings.get("KYIVIND_DATA_DIR_FAULT"):  # the cause of the run's one ERROR line
            logger.info("No run summary: the data directory cannot be written (the alerts carry it)")
            return self.last_summary
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(self.last_summary, indent=2, default=_json_default) + "\n", encoding="utf-8")
        except OSError:
            path.unlink(missing_ok=True)  # no half-written summary for kyivind status to misread
            if not self.stats.get_value(keys.DISK_FAULT):
                raise  # "The run's outcome could not be recorded": an ERROR line of its own
            logger.info("No run summary: the disk is full (the run's ERROR line says so, the alerts carry it)")
            return self.last_summary
        logger.info("Run summary written to %s", path)
        return self.last_summary


def run_time(summary: dict) -> datetime:
    """When a run ended (its start where the end is missing), in UTC."""
    stamp = summary.get("finish_time") or summary.get("start_time")
    when = datetime.fromisoformat(str(stamp))
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def run_summaries(data_dir) -> list[dict]:
    """The run summaries of a data directory (``feeds/*.summary.json``), oldest first; one being written or
    damaged is passed over, the others still tell."""
    feeds = Path(data_dir) / "feeds"
    runs = []
    for path in sorted(feeds.glob("*.summary.json")) if feeds.is_dir() else []:
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
            run_time(summary)
        except (ValueError, TypeError, OSError):
            continue
        runs.append(summary)
    return sorted(runs, key=run_time)
