"""``scrapy crawl`` that exits non-zero when the run failed, and one run per data directory.

Scrapy exits 0 whenever the crawl ran, even when it closed on a bad argument or its monitoring
found the output broken. Here a run exits 1 when its finish reason is not ``finished`` or when a
component set the stat ``kyivind/failed`` (with the reasons in ``kyivind/failed_reasons``).

The last line of every run's log is its outcome, after Scrapy's own closing lines: ``Run FAILED (exit 1): <the
problems, as their ERROR lines said them>`` or ``Run OK (exit 0): <items>``, with the summary's path.

Scrapy's start-up and closing lines (its versions, the settings overridden, the components enabled, the spider
opened and closed, the stats dumped) are logged only at DEBUG (``StartupLines``), so that a healthy run's log
starts with what the run will do and ends with its outcome; a log level named on the command line (``-L`` or
``-s LOG_LEVEL``) gives Scrapy's log as Scrapy writes it.

A bad spider argument (``-a``: an unknown name, a bad value) is a usage error: exit 2 before the run, with no
summary written, nothing of the data directory touched and no alert. Then the run takes the lock of its data
directory (``kyivind/state/lock.py``); a second run on the same directory logs one ERROR line naming the
holder's pid, touches no file and exits 1.
"""

from __future__ import annotations

import logging

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from kyivind import statkeys as keys
from kyivind.crawl.memory import fewer_collections, keep_freed_blocks
from kyivind.ops.datadir import free_space_problem
from kyivind.state import lock

logger = logging.getLogger(__name__)

OK_REASONS = {"finished"}


class StartupLines(logging.Filter):
    """Drops Scrapy's start-up and closing boilerplate (INFO lines of the loggers in ``LINES`` whose message
    starts with one of their prefixes); installed only when the log level is above DEBUG."""

    LINES = {
        "scrapy.utils.log": ("Scrapy ", "Versions:"),
        "scrapy.addons": ("Enabled addons",),
        "scrapy.middleware": ("Enabled ",),
        "scrapy.crawler": ("Overridden settings",),
        "scrapy.extensions.telnet": ("Telnet console listening",),
        "scrapy.extensions.logstats": ("Crawled 0 pages",),
        "scrapy.core.engine": ("Spider opened", "Closing spider (finished)", "Spider closed (finished)"),
        "scrapy.statscollectors": ("Dumping Scrapy stats",),
    }

    def __init__(self, prefixes: tuple[str, ...]):
        super().__init__()
        self.prefixes = prefixes

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno != logging.INFO or not record.getMessage().startswith(self.prefixes)

    @classmethod
    def install(cls, settings) -> bool:
        """On Scrapy's loggers, unless the log level is DEBUG or named on the command line; whether it did."""
        from scrapy.settings import SETTINGS_PRIORITIES

        level = logging.getLevelName(str(settings.get("LOG_LEVEL")).upper())
        named = (settings.getpriority("LOG_LEVEL") or 0) >= SETTINGS_PRIORITIES["cmdline"]
        if named or not isinstance(level, int) or level <= logging.DEBUG:
            return False
        for name, prefixes in cls.LINES.items():
            found = logging.getLogger(name)
            found.filters = [f for f in found.filters if not isinstance(f, cls)]
            found.addFilter(cls(prefixes))
        return True


ITEM_LINES = "scrapy.core.scraper"  # its DEBUG line for each item: "Scraped from <200 …>" and the item


def quiet_item_lines(settings) -> bool:
    """Above DEBUG, the scraper's DEBUG line for each item is not made at all (the logger's level: INFO): the
    handlers drop it, but only after Python built its record and looked up its caller, some 8 us an item. Its
    INFO, WARNING and ERROR lines (dropped items, spider errors) are logged as before; at DEBUG nothing changes.
    Whether it did."""
    level = logging.getLevelName(str(settings.get("LOG_LEVEL")).upper())
    if not isinstance(level, int) or level <= logging.DEBUG:
        return False
    logging.getLogger(ITEM_LINES).setLevel(logging.INFO)
    return True


class Command(ScrapyCrawl):
    def process_options(self, args, opts) -> None:
        super().process_options(args, opts)
        StartupLines.install(self.settings)  # before Scrapy's process logs its first line

    def run(self, args, opts) -> None:
        # once Scrapy's process has configured logging (its dictConfig sets the levels of its loggers back)
        quiet_item_lines(self.settings)
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        problem = argument_problem(self.crawler_process.spider_loader, args[0], opts.spargs)
        if problem:  # a typo: exit 2 before the run, with nothing of the data directory touched and no alert
            raise UsageError(f"bad spider argument: {problem}")
        if not take_data_dir(self.settings):
            self.exitcode = 1
            return
        keep_freed_blocks()  # pages of 200 KiB: their memory is not faulted in anew for each (kyivind/crawl/memory.py)
        fewer_collections()
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if run_failed(self.crawler_process, crawler):
            self.exitcode = 1
        log_outcome(crawler, self.exitcode)


def argument_problem(spider_loader, name: str, arguments: dict) -> str | None:
    """Why the spider arguments of a run of spider ``name`` are bad, for the spiders that declare theirs
    (``argument_problem``); None when they are good or the spider is unknown (Scrapy says so)."""
    try:
        spider_class = spider_loader.load(name)
    except KeyError:
        return None
    check = getattr(spider_class, "argument_problem", None)
    return check(arguments) if check else None


def take_data_dir(settings) -> bool:
    """The data directory's lock for this run; False (one ERROR line) when another run holds it or a file of it
    is a link. A directory that cannot be written (read-only, full) lets the run go on only to fail, with its
    alerts (``without_disk``)."""
    try:
        lock.acquire(settings.get("KYIVIND_DATA_DIR"))
    except (lock.DataDirLocked, lock.UnsafeDataDir) as error:
        logger.error("Run refused: %s", error)
        return False
    except OSError as error:
        without_disk(settings, error)
    else:
        check_free_space(settings)
    return True


def run_failed(process, crawler) -> bool:
    """The run did not finish, or a component found that it failed."""
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return bool(process.bootstrap_failed or stats.get("finish_reason") not in OK_REASONS or stats.get(keys.FAILED))


DISK_WRITERS = ("KYIVIND_STATE_ENABLED", "KYIVIND_EXPORT_ENABLED", "KYIVIND_ARCHIVE", "KYIVIND_FAILED_SAVE",
                "KYIVIND_DB_AFTER_CRAWL")


def without_disk(settings, error: OSError) -> None:
    """The data directory cannot be written (``error``): the run goes on only to fail, with one ERROR line
    (``KYIVIND_DATA_DIR_FAULT``) and the alerts, which need no disk; nothing tries to write there."""
    data_dir = settings.get("KYIVIND_DATA_DIR")
    problem = f"the data directory {data_dir} cannot be written: {error.strerror or error}" + (
        f" ({error.filename})" if getattr(error, "filename", None) else "")
    settings.set("KYIVIND_DATA_DIR_FAULT", problem, priority="cmdline")
    for name in DISK_WRITERS:
        settings.set(name, False, priority="cmdline")


def check_free_space(settings) -> None:
    """Before the run: a disk too full to take it fails the run at once, with one ERROR line and the alerts."""
    problem = free_space_problem(settings.get("KYIVIND_DATA_DIR"), settings.getfloat("KYIVIND_MIN_FREE_MB"))
    if problem:
        without_disk(settings, OSError(problem))


def problems_of(crawler) -> list[str]:
    """Why the run failed, as its ERROR lines said it (the checks' problems, else the causes it could not do its
    job), or its finish reason."""
    stats = crawler.stats.get_stats() if crawler.stats else {}
    problems = stats.get(keys.FAILED_REASONS) or stats.get(keys.FATAL) or []
    if not problems and stats.get("finish_reason") not in OK_REASONS:
        problems = [f"the run ended with reason {stats.get('finish_reason')!r}"]
    return list(problems) or ["see the ERROR lines above"]


OUTCOME_PROBLEMS = 5  # problems named in the outcome line at most; the summary holds them all


def log_outcome(crawler, exitcode: int) -> None:
    """The run's last log line: whether it failed and why, or what it exported; nothing after it says OK."""
    from kyivind.monitoring.summary import RunMonitor

    monitor = crawler.get_extension(RunMonitor) if getattr(crawler, "extensions", None) else None
    summary = monitor.run.feeds_dir / f"{monitor.run.name}.summary.json" if monitor else None
    where = f" (summary: {summary})" if summary is not None and summary.exists() else ""
    stats = crawler.stats.get_stats() if crawler.stats else {}
    if exitcode:
        problems = problems_of(crawler)
        more = f"; and {len(problems) - OUTCOME_PROBLEMS} more" if len(problems) > OUTCOME_PROBLEMS else ""
        # the counts of the whole run: Scrapy's stats dump comes before the checks' ERROR lines
        errors = stats.get(keys.ERRORS_LOGGED, 0) + len(stats.get(keys.FAILED_REASONS) or [])
        counted = f"{errors} ERROR, {stats.get('log_count/WARNING', 0)} WARNING lines"
        logger.info("Run FAILED (exit %d; %s): %s%s%s", exitcode, counted, "; ".join(problems[:OUTCOME_PROBLEMS]),
                    more, where)
        return
    feed = stats.get(keys.EXPORT_FILE)
    logger.info("Run OK (exit 0): %d items%s%s", stats.get("item_scraped_count", 0),
                f" in {feed}" if feed else "", where)


def crawl_here(spider_name: str, settings: dict, **spider_args) -> int:
    """One run of a project spider in this process, as ``scrapy crawl`` makes it (the data directory's
    lock first); its exit status."""
    import os

    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kyivind.settings")
    project = get_project_settings()
    project.setdict(settings, priority="cmdline")
    if not take_data_dir(project):
        return 1
    keep_freed_blocks()
    fewer_collections()
    process = CrawlerProcess(project)
    crawler = process.create_crawler(spider_name)
    process.crawl(crawler, **spider_args)
    process.start()
    code = 1 if run_failed(process, crawler) else 0
    log_outcome(crawler, code)
    return code
