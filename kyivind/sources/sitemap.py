"""The posts sitemap (``/sitemap-posts.xml``, else the post sitemaps named by ``/sitemap.xml``): its ``lastmod``
tells which known articles changed since they were exported (``SitemapEdits``), and is the ``modified_at`` of a
page that gives none (``Lastmods``)."""

from __future__ import annotations

import asyncio
import logging

import scrapy

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, bound_reached
from kyivind.extraction import parse_sitemap
from kyivind.sources import LISTING_PRIORITY, download, routed
from kyivind.sources.article_requests import ArticleRequests
from kyivind.state.incremental import Incremental

logger = logging.getLogger(__name__)
INDEX_PATH = "/sitemap.xml"


def post_sitemaps(children: list[str]) -> list[str]:
    """The children of a sitemap index that list posts (Ghost: ``sitemap-posts.xml``)."""
    return [child for child in children if "post" in child.rsplit("/", 1)[-1]]


class SitemapFiles:
    """The sitemap files one reader asks for: each at most once (an index that lists itself, or indexes that
    list each other, end there), at most ``KYIVIND_SITEMAP_MAX_DEPTH`` indexes deep and
    ``KYIVIND_SITEMAP_MAX_FILES`` files in all. A bound that stops a file is a WARNING and a stat; a file
    left unread for depth or number fails the run (edits it lists would be missed)."""

    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        self.urls = run.urls
        self.max_depth = crawler.settings.getint("KYIVIND_SITEMAP_MAX_DEPTH")
        self.max_files = crawler.settings.getint("KYIVIND_SITEMAP_MAX_FILES")
        self.seen: set[str] = set()

    def admit(self, url: str, depth: int) -> bool:
        """Whether to fetch the sitemap ``url``, listed ``depth`` indexes below the first one."""
        fetch = self.urls.fetch_url(url)
        if fetch in self.seen:
            bound_reached(self.crawler, "sitemap_cycle", f"the sitemap {url} is listed again (a sitemap index that "
                                                         "lists itself or an index above it): not fetched again")
            return False
        if depth > self.max_depth:
            bound_reached(self.crawler, "sitemap_depth", f"the sitemap {url} is nested {depth} indexes deep",
                          short=f"sitemap indexes nested deeper than KYIVIND_SITEMAP_MAX_DEPTH={self.max_depth}: "
                                f"{url} was not read, edits it lists are not detected")
            return False
        if len(self.seen) >= self.max_files:
            bound_reached(self.crawler, "sitemap_files", f"{len(self.seen)} sitemap files read already, {url} is one more",
                          short=f"more sitemap files than KYIVIND_SITEMAP_MAX_FILES={self.max_files}: {url} and any "
                                "after it were not read, edits they list are not detected")
            return False
        self.seen.add(fetch)
        return True


class SitemapEdits:
    def __init__(self, crawler, run: RunContext, incremental: Incremental, articles: ArticleRequests,
                 lastmods=None):
        self.crawler = crawler
        self.urls = run.urls
        self.incremental = incremental
        self.articles = articles
        self.path = crawler.settings.get("KYIVIND_SITEMAP_PATH")
        self.lastmods = lastmods  # kyivind.sources.rss.Lastmods: a page without modified_at takes its lastmod
        self.files = SitemapFiles(crawler, run)

    def request(self, path: str | None = None, depth: int = 0) -> scrapy.Request | None:
        """The request for a sitemap ``depth`` indexes below the first; None when a bound stops it."""
        url = self.urls.fetch_url(path or self.path)
        if not self.files.admit(url, depth):
            return None
        return routed(self.crawler, url, "sitemap", meta={"handle_httpstatus_list": [404]},
                      priority=LISTING_PRIORITY, dont_filter=True, cb_kwargs={"depth": depth})

    def parse(self, response, depth: int = 0):
        if response.status == 404:
            if response.url.endswith(INDEX_PATH):
                logger.warning("No sitemap: edited articles cannot be detected this run")
                self.crawler.stats.inc_value(keys.INCREMENTAL_NO_SITEMAP)
                return
            yield from filter(None, [self.request(INDEX_PATH, depth)])
            return
        urls, children = parse_sitemap(response.body)
        if self.lastmods is not None:
            self.lastmods.add(urls)
        for child in post_sitemaps(children):
            request = self.request(child, depth + 1)
            if request is not None:
                yield request
        edited = self.incremental.edited({self.urls.public_url(u): m for u, m in urls.items() if m})
        for url in edited:
            if not self.articles.requested(url):
                yield self.articles.request(url, "sitemap")

    def failed(self, failure) -> None:
        logger.warning("Sitemap %s failed (%s): edited articles cannot be detected this run",
                       failure.request.url, failure.getErrorMessage())
        self.crawler.stats.inc_value(keys.INCREMENTAL_NO_SITEMAP)


class Lastmods:
    """The sitemap's ``lastmod`` of each article (read once, when a page lacks ``modified_at``)."""

    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        self.urls = run.urls
        self.path = crawler.settings.get("KYIVIND_SITEMAP_PATH")
        self.known: dict[str, str] | None = None
        self.files = SitemapFiles(crawler, run)
        self._lock = asyncio.Lock()

    def add(self, lastmods: dict[str, str | None]) -> None:
        """Lastmods the sitemap source read already (an incremental run)."""
        if self.known is None:
            self.known = {}
        self.known.update({self.urls.public_url(u): m for u, m in lastmods.items() if m})

    async def of(self, url: str) -> str | None:
        async with self._lock:
            if self.known is None:
                self.known = {}
                await self._read(self.path, depth=0)
        return self.known.get(url)

    async def _read(self, path: str, depth: int, fallback: bool = True) -> None:
        if not self.files.admit(path, depth):
            return
        response = await download(self.crawler, self.urls.fetch_url(path))
        self.crawler.stats.inc_value(keys.SITEMAP_LASTMOD_REQUESTS)
        if response is None:
            if fallback:  # as the sitemap source does: no posts sitemap, the index names it
                await self._read(INDEX_PATH, depth, fallback=False)
            return
        found, children = parse_sitemap(response.body)
        self.add(found)
        for child in post_sitemaps(children):
            await self._read(child, depth + 1, fallback=False)
