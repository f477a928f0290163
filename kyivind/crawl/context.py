"""The run context: what one crawl is, created once per crawl and shared by every component.

The spider makes it from its validated arguments (``RunContext.build``) and attaches it to the crawler;
pipelines, extensions and sources take it with ``RunContext.of(crawler)`` in their ``from_crawler``.
A component built without a spider (a test, a command) gets the context of the default arguments.
"""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kyivind.arguments import NewsfeedArgs
from kyivind.crawl.urls import SiteUrls

DEFAULT_TAG = NewsfeedArgs.model_fields["tag"].default
_CONTEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def run_stamp(now: datetime | None = None) -> str:
    """UTC time of the run, and the Scrapyd job where there is one: the unique part of a run's files."""
    now = now or datetime.now(timezone.utc)
    job = os.environ.get("SCRAPY_JOB") or os.environ.get("SHUB_JOBKEY")
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{job.replace('/', '_')}" if job else stamp


TAG_IN_NAME = 60  # characters of a tag in a file name, at most: a long tag is cut and told apart by a hash


def run_name(spider_name: str, tag: str, stamp: str) -> str:
    """``newsfeed-<stamp>`` for the News Feed, ``newsfeed-<tag>-<stamp>`` for any other tag (a tag longer than
    ``TAG_IN_NAME``: its start and a hash of it, so that file names stay within the file system's 255 bytes)."""
    if tag == DEFAULT_TAG:
        return f"{spider_name}-{stamp}"
    if len(tag) > TAG_IN_NAME:
        import hashlib

        tag = f"{tag[:TAG_IN_NAME - 9]}-{hashlib.sha1(tag.encode()).hexdigest()[:8]}"
    return f"{spider_name}-{tag}-{stamp}"


@dataclass
class RunContext:
    args: NewsfeedArgs
    urls: SiteUrls
    data_dir: Path
    name: str  # the run's name: its feed is feeds/<name>.jsonl, its summary feeds/<name>.summary.json
    render: bool
    timezone: ZoneInfo = ZoneInfo("UTC")  # the site's (KYIVIND_SITE_TIMEZONE)
    setting_error: str | None = None
    from_spider: bool = True  # False: made from the defaults, for a component built without a kyivind spider

    @classmethod
    def build(cls, settings, args: NewsfeedArgs | None = None, spider_name: str = "newsfeed") -> RunContext:
        args = args or NewsfeedArgs()
        site = args.site_url or settings.get("KYIVIND_SITE_URL")
        render = args.render if args.render is not None else settings.getbool("KYIVIND_RENDER")
        zone, setting_error = settings.get("KYIVIND_SITE_TIMEZONE"), None
        try:
            timezone = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            timezone = ZoneInfo("UTC")
            setting_error = f"KYIVIND_SITE_TIMEZONE must be a time zone such as Europe/Kyiv, got {zone!r}"
        return cls(args=args, urls=SiteUrls(site, args.base_url or site), data_dir=Path(settings.get("KYIVIND_DATA_DIR")),
                   name=run_name(spider_name, args.tag, run_stamp()), render=render, timezone=timezone, setting_error=setting_error)

    def attach(self, crawler) -> RunContext:
        _CONTEXTS[crawler] = self
        return self

    @classmethod
    def attached(cls, crawler) -> RunContext | None:
        """The context a kyivind spider made for this crawl; None for a spider of another kind."""
        found = _CONTEXTS.get(crawler)
        return found if found is not None and found.from_spider else None

    @classmethod
    def of(cls, crawler) -> RunContext:
        found = _CONTEXTS.get(crawler)
        if found is None:
            found = cls.build(crawler.settings).attach(crawler)
            found.from_spider = False
        return found

    @property
    def tag(self) -> str:
        return self.args.tag

    @property
    def listing_path(self) -> str:
        return f"/tag/{self.args.tag}/"

    @property
    def feeds_dir(self) -> Path:
        return self.data_dir / "feeds"

    @property
    def feed_file(self) -> Path:
        """The JSON Lines feed of this run (written as ``<name>.jsonl.part`` until it closes)."""
        return self.feeds_dir / f"{self.name}.jsonl"

    def data_file(self, stem: str, suffix: str) -> Path:
        """A run-state file of this crawl's source: ``state.sqlite`` for the site, ``state-<host>.sqlite``
        for a replica or mirror, so what one source gave never hides another's articles."""
        return self.data_dir / f"{stem}{self.urls.state_suffix()}{suffix}"


MAX_PROBLEMS = 20  # causes a run keeps at most: the first ones, each once; the rest are counted


def fail_run(crawler, reason: str) -> None:
    """The run could not do its job: the run monitor logs ``reason`` as the run's ERROR line at the close,
    the summary says ``ok: false``, and ``scrapy crawl`` exits 1. The caller logs nothing at ERROR itself,
    so that each cause is one line. A cause said again is kept once; past ``MAX_PROBLEMS`` causes the others
    are only counted (``kyivind/fatal_more``), so that no input can flood the log, the summary or an alert."""
    from kyivind import statkeys as keys

    stats = crawler.stats
    stats.set_value(keys.FAILED, 1)
    causes = stats.get_value(keys.FATAL)
    if causes is None:
        stats.set_value(keys.FATAL, [reason])
    elif reason in causes:
        return
    elif len(causes) < MAX_PROBLEMS:
        causes.append(reason)  # in place: no copy of the list for each cause
    else:
        stats.inc_value(keys.FATAL_MORE)


def bound_reached(crawler, name: str, message: str, short: str | None = None) -> None:
    """A bound stopped a loop that hostile or broken input would make endless: the stat ``kyivind/bound/<name>``
    counts each time; the first time only, one WARNING naming the cause and, with ``short`` (what the run could
    not get because of it), the failure of the run (``fail_run``). The run keeps what it got; its summary
    gives each bound's count (``bounds``)."""
    import logging

    from kyivind import statkeys as keys

    key = keys.bound(name)
    first = not crawler.stats.get_value(key)
    crawler.stats.inc_value(key)
    if not first:
        return
    logging.getLogger("kyivind.bounds").warning("Bound reached (%s): %s", name, message)
    if short:
        fail_run(crawler, short)


def disk_fault(crawler, what: str, error: Exception) -> None:
    """``what`` could not be written (a full disk, a file system gone read-only): the run fails with one cause
    and stops, whatever more it meets; the items not yet written are left for the next run."""
    from kyivind import statkeys as keys

    crawler.stats.inc_value(keys.DISK_FAULT)
    if crawler.stats.get_value(keys.DISK_FAULT) > 1:
        return
    fail_run(crawler, f"{what} could not be written, the run stops: {type(error).__name__}: {error}"[:400])
    try:
        stop_run(crawler, "disk_fault")
    except RuntimeError:  # no running loop (a component used outside a crawl)
        pass


_CLOSING: set = set()


def stop_run(crawler, reason: str) -> None:
    """Close the crawl now (finish reason ``reason``), from code that must not raise: an errback, where a
    raised CloseSpider is logged as a download error with its traceback."""
    import asyncio

    task = asyncio.get_running_loop().create_task(crawler.engine.close_spider_async(reason=reason))
    _CLOSING.add(task)  # held until done: the loop keeps only weak references to tasks
    task.add_done_callback(_CLOSING.discard)


def component(crawler, cls):
    """The run's instance of one of kyivind's extensions (the state, the failure log), which every
    other component shares."""
    found = crawler.get_extension(cls)
    if found is None:
        raise RuntimeError(f"{cls.__module__}.{cls.__name__} must be enabled in EXTENSIONS")
    return found
