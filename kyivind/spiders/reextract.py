"""The ``reextract`` spider: today's extraction and pipelines over archived captures, without a request
to the site (``kyivind reextract DATA_DIR``; kyivind/archive/replay.py reads the archive).

It is the ``newsfeed`` spider fed from WARC files instead of the network: the latest capture of each
article (a page, or a post of a Content API answer) goes through the same article checks, extraction,
item builder and pipelines, so an article never exported before comes out as version 1 and one whose
fields differ from its latest export as the next version; unchanged ones are dropped, and so is one read from a
capture older than the answer its latest version came from. Without ``base_url`` the run takes the one kyivind's
archived runs fetched from (a replica's), so that its public URLs and its state are theirs. Author pages come
from the archive too (or from the state's cached profiles). Nothing is fetched: the replay middleware
answers every request, and a URL it has no capture of gets a 404.
"""

from __future__ import annotations

import logging
import threading

import scrapy
from tqdm import tqdm

from kyivind import statkeys as keys
from kyivind.archive.index import ApiPost, archived_runs
from kyivind.archive.replay import Replay
from kyivind.archive.writer import CAPTURE_META, archive_dir
from kyivind.crawl.context import component
from kyivind.spiders.newsfeed import NewsfeedSpider
from kyivind.state.incremental import Incremental
from kyivind.state.store import capture_time

logger = logging.getLogger(__name__)


def several_base_urls(runs: dict) -> str:
    """The message for an archive of runs of several base URLs (``archived_runs``): one must be chosen."""
    found = ", ".join(f"{base} ({len(files)} files)" for base, files in sorted(runs.items()))
    return (f"the archive holds runs that fetched from {len(runs)} base URLs ({found}); each has its own state: "
            f"choose one with --base-url (-a base_url=…)")


def base_url_problem(data_dir) -> str | None:
    """Before a re-extraction without ``base_url``: why the archive of ``data_dir`` needs one chosen, or None."""
    runs = archived_runs(archive_dir(data_dir))
    return several_base_urls(runs) if len(runs) > 1 else None


class ReextractSpider(NewsfeedSpider):
    name = "reextract"
    custom_settings = {
        **NewsfeedSpider.custom_settings,
        "KYIVIND_REPLAY": True,  # answers from the archive (kyivind/archive/replay.py)
        "KYIVIND_ARCHIVE": False,  # nothing is fetched, so nothing new to keep
        "KYIVIND_FAILED_SAVE": False,  # a capture that gives no item is logged, not queued for the next crawl
        "ROBOTSTXT_OBEY": False,  # no request reaches the site
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
    }
    metadata = {"title": "Re-extraction from the archive",
                "description": "Today's extraction over archived captures: new and changed articles as a new feed."}

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        # no request leaves the process: no cookies to keep, and the middleware not even loaded (its module imports
        # tldextract, 45 ms; a key set to None in DOWNLOADER_MIDDLEWARES is imported too)
        settings.set("DOWNLOADER_MIDDLEWARES_BASE", {
            name: order for name, order in settings.getdict("DOWNLOADER_MIDDLEWARES_BASE").items()
            if name != "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"}, priority="spider")

    def settle_arguments(self, settings) -> None:
        """Without ``base_url``, the one the archived runs fetched from: their articles' public URLs and their
        state (a replica's runs have a state of their own) are that base_url's. An archive that holds runs of
        several is a bad argument until one is chosen."""
        if self.argument_error or self.args.base_url:
            return
        runs = archived_runs(archive_dir(settings.get("KYIVIND_DATA_DIR")))
        site = (self.args.site_url or settings.get("KYIVIND_SITE_URL")).rstrip("/")
        if len(runs) > 1:
            self.argument_error = several_base_urls(runs)
        elif runs and next(iter(runs)) != site:
            self.args.base_url = next(iter(runs))
            logger.info("The archived runs fetched from %s: its state is brought up to date", self.args.base_url)

    async def start(self):
        self.check_arguments()
        index = component(self.crawler, Replay).index()
        if index.stopped:  # a SIGTERM or Ctrl-C while the archive was read: the engine stops the run
            return
        captures = sorted(index.articles.items(), key=lambda found: found[1].key, reverse=True)  # the newest first
        stats = self.crawler.stats
        stats.set_value(keys.REPLAY_CAPTURES, len(captures))
        stats.set_value(keys.SOURCE_USED, "archive")
        logger.info("Re-extracting %d articles from %d WARC files (%d records, %d older captures superseded)",
                    len(captures), len(index.files), index.records, index.superseded)
        # shown on a terminal, once the run has lasted two seconds
        incremental = component(self.crawler, Incremental)
        tqdm.set_lock(threading.RLock())  # one process: tqdm's default lock would import multiprocessing (55 ms)
        with tqdm(total=len(captures), unit="article", desc="reextract", delay=2, disable=None) as progress:
            for url, capture in captures:
                progress.update(1)
                made = capture.capture if isinstance(capture, ApiPost) else capture
                if not made.own:  # another archiver's capture never ranks above kyivind's own fetch
                    if self._after_live(incremental, url, made):
                        continue
                    incremental.elsewhere.add(made.record_id)
                if isinstance(capture, ApiPost):
                    post = self.parts.api.post(capture.post, capture.capture.target)
                    if post is None:  # no address on the site: said and counted
                        continue
                    item = await self.parts.builder.build(post.extraction, post.url, capture=capture.capture.ref)
                    if item is not None:
                        yield item
                    continue
                async for item in self._page_items(index, capture):
                    yield item

    def _after_live(self, incremental, url: str, capture) -> bool:
        """Whether a capture made elsewhere is newer than kyivind's own latest fetch of the article (counted)."""
        known = incremental.state.article(url) if incremental.state is not None else None
        when = capture_time(capture.date)
        if not known or not known.get("live_at") or not when or when <= known["live_at"]:
            return False
        self.crawler.stats.inc_value(keys.REPLAY_AFTER_LIVE)
        logger.info("Capture %s of %s made elsewhere at %s, after kyivind's own fetch of it (%s): not read",
                    capture.record_id, url, when, known["live_at"])
        return True

    async def _page_items(self, index, capture):
        response = index.response(capture)
        if response is None:  # over DOWNLOAD_MAXSIZE once decoded: reported by the index
            return
        request = scrapy.Request(capture.target, meta={CAPTURE_META: capture.ref, "kyivind_article": capture.target})
        async for found in self.parse_article(response.replace(request=request)):
            if isinstance(found, scrapy.Request):  # the body needs the browser and no rendered capture exists
                self.crawler.stats.inc_value(keys.REPLAY_RENDER_SKIPPED)
                logger.warning("No article body without the browser, and no rendered capture: %s", capture.public)
                continue
            yield found
