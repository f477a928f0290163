"""The replay of a re-extraction run (``KYIVIND_REPLAY``): ``Replay`` is the extension that holds the run's
index of captures (``kyivind/archive/index.py``); ``ReplayMiddleware`` answers every request of the run
from it (an author page, robots.txt), never from the network: a URL with no capture gets a 404, counted.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from kyivind import statkeys as keys
from kyivind.archive.index import ArchiveIndex, archived_runs
from kyivind.archive.reader import warc_files
from kyivind.archive.writer import CAPTURE_META, archive_dir
from kyivind.crawl.context import RunContext

logger = logging.getLogger(__name__)


class Replay:
    """Extension of a re-extraction run (``KYIVIND_REPLAY``): the index of ``DATA_DIR/archive`` and of
    ``KYIVIND_REPLAY_WARCS``, built on first use."""

    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        settings = crawler.settings
        self.own = [p for p in [archive_dir(run.data_dir)] if p.is_dir()]
        # kyivind's own files of runs that fetched from another base_url belong to another state: left out
        others = {path for base, files in (archived_runs(self.own[0]) if self.own else {}).items()
                  if urlsplit(base).netloc != run.urls.base_host for path in files}
        if others:
            logger.info("%d archive files of runs that fetched from another base_url are left out (each base_url "
                        "has its own state; choose it with --base-url)", len(others))
        own_files = [path for path in warc_files(self.own) if path not in others]
        self.paths = own_files + list(settings.getlist("KYIVIND_REPLAY_WARCS"))
        self.limit = settings.getint("DOWNLOAD_MAXSIZE")
        self.urls = run.urls
        self._index: ArchiveIndex | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("KYIVIND_REPLAY"):
            raise NotConfigured  # not a re-extraction run, by design: no message (Scrapy logs one at WARNING)
        from scrapy import signals

        replay = cls(crawler, RunContext.of(crawler))
        crawler.signals.connect(replay.spider_closed, signal=signals.spider_closed)
        return replay

    def index(self) -> ArchiveIndex:
        if self._index is None:
            with stop_signals() as stopping:
                self._index = ArchiveIndex(self.paths, self.urls, self.limit, self.own, self.crawler.stats).build(stopping)
            stats = self.crawler.stats
            stats.set_value(keys.REPLAY_RECORDS, self._index.records)
            stats.set_value(keys.REPLAY_SUPERSEDED, self._index.superseded)
            stats.set_value(keys.REPLAY_GARBLED, len(self._index.garbled))
        return self._index

    def spider_closed(self, spider, reason):
        if self._index is not None:
            self._index.close()


@contextlib.contextmanager
def stop_signals():
    """A function that says whether SIGTERM or SIGINT came while the block ran: the index is read before the
    engine turns (Scrapy's own handlers only ask the engine to stop), so reading stops on it; Scrapy's handler
    is still called and stops the run."""
    came: list[int] = []
    previous = {}

    def noted(signum, frame):
        came.append(signum)
        handler = previous.get(signum)
        if callable(handler):
            handler(signum, frame)

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.getsignal(signum)
            signal.signal(signum, noted)
    try:
        yield lambda: bool(came)
    finally:
        for signum, handler in previous.items():
            if signal.getsignal(signum) is noted:  # not one Scrapy put in its place (its second-signal kill)
                signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


@dataclass
class ReplayMiddleware:
    """Downloader middleware of a re-extraction run: each request is answered from the archive."""

    crawler: object
    replay: Replay

    @classmethod
    def from_crawler(cls, crawler):
        replay = crawler.get_extension(Replay)
        if replay is None:
            raise NotConfigured  # not a re-extraction run, by design: no message (Scrapy logs one at WARNING)
        return cls(crawler, replay)

    def process_request(self, request, spider=None):
        index = self.replay.index()
        capture = index.answers.get(request.url) or index.answers.get(self.replay.urls.public_url(request.url))
        if capture is None:
            self.crawler.stats.inc_value(keys.REPLAY_NOT_ARCHIVED)
            logger.info("Not in the archive, answered 404: %s", request.url)
            return Response(request.url, status=404, request=request)
        response = index.response(capture)
        if response is None:
            raise IgnoreRequest(f"the archived answer of {request.url} is over DOWNLOAD_MAXSIZE")
        request.meta[CAPTURE_META] = capture.ref
        return response.replace(request=request)
