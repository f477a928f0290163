"""Edits: the posts sitemap's ``lastmod`` tells which known articles changed since they were exported
(``/sitemap-posts.xml``, else the post sitemaps named by ``/sitemap.xml``)."""

from __future__ import annotations

import logging

import scrapy

from .. import statkeys as keys
from ..extraction import parse_sitemap
from ..incremental import Incremental
from ..run import RunContext
from . import LISTING_PRIORITY, Callbacks
from .articles import ArticleRequests

logger = logging.getLogger(__name__)
INDEX_PATH = "/sitemap.xml"


def post_sitemaps(children: list[str]) -> list[str]:
    """The children of a sitemap index that list posts (Ghost: ``sitemap-posts.xml``)."""
    return [child for child in children if "post" in child.rsplit("/", 1)[-1]]


class SitemapEdits:
    def __init__(self, crawler, run: RunContext, incremental: Incremental, articles: ArticleRequests,
                 callbacks: Callbacks, lastmods=None):
        self.crawler = crawler
        self.urls = run.urls
        self.incremental = incremental
        self.articles = articles
        self.callbacks = callbacks
        self.path = crawler.settings.get("KYIVIND_SITEMAP_PATH")
        self.lastmods = lastmods  # kyivind.sources.gaps.Lastmods: a page without modified_at takes its lastmod

    def request(self, path: str | None = None) -> scrapy.Request:
        return scrapy.Request(self.urls.fetch_url(path or self.path), callback=self.callbacks.sitemap,
                              errback=self.callbacks.sitemap_failed, priority=LISTING_PRIORITY, dont_filter=True,
                              meta={"handle_httpstatus_list": [404]})

    def parse(self, response):
        if response.status == 404:
            if response.url.endswith(INDEX_PATH):
                logger.warning("No sitemap: edited articles cannot be detected this run")
                self.crawler.stats.inc_value(keys.INCREMENTAL_NO_SITEMAP)
                return
            yield self.request(INDEX_PATH)
            return
        urls, children = parse_sitemap(response.body)
        if self.lastmods is not None:
            self.lastmods.add(urls)
        for child in post_sitemaps(children):
            yield self.request(self.urls.fetch_url(child))
        edited = self.incremental.edited({self.urls.public_url(u): m for u, m in urls.items() if m})
        for url in edited:
            if not self.articles.requested(url):
                yield self.articles.request(url, "sitemap")

    def failed(self, failure) -> None:
        logger.warning("Sitemap %s failed (%s): edited articles cannot be detected this run",
                       failure.request.url, failure.getErrorMessage())
        self.crawler.stats.inc_value(keys.INCREMENTAL_NO_SITEMAP)
