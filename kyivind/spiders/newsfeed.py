"""The ``newsfeed`` spider: it only routes. The sources (``kyivind/sources/``) make the requests and read
the listing, sitemap and API answers; article pages go to extraction (``kyivind/extraction/``); the item
builder, the incremental state, the failure log and the author pages do the rest.

Its arguments are declared once, in ``kyivind/arguments.py`` (``scrapy crawl newsfeed -a name=value``;
the table in docs/operating.md is made from that declaration).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy_spider_metadata import Args

from kyivind import statkeys as keys
from kyivind.archive.writer import CAPTURE_META
from kyivind.arguments import NewsfeedArgs, argument_problem
from kyivind.census.component import Census
from kyivind.crawl.author_pages import AuthorPages
from kyivind.crawl.builder import ItemBuilder
from kyivind.crawl.context import RunContext, component, fail_run
from kyivind.crawl.pagecheck import read_article
from kyivind.extraction.feed import feed_links
from kyivind.sources import ROUTE, unreached_hint
from kyivind.sources.api import ContentApiSource, Post, Unusable
from kyivind.sources.article_requests import FAILED_ORIGIN, ArticleRequests
from kyivind.sources.listing import ListingWalk
from kyivind.sources.rss import PageGaps, RssFeed
from kyivind.sources.sitemap import Lastmods, SitemapEdits
from kyivind.sources.wayback import SLOT, WaybackSource
from kyivind.state import lock
from kyivind.state.failures import FailureLog
from kyivind.state.incremental import Incremental

logger = logging.getLogger(__name__)


@dataclass
class Parts:
    """What the spider routes to, built once per crawl."""

    run: RunContext
    incremental: Incremental
    failures: FailureLog
    articles: ArticleRequests
    walk: ListingWalk
    sitemap: SitemapEdits
    api: ContentApiSource
    builder: ItemBuilder
    gaps: PageGaps
    census: Census
    wayback: WaybackSource


class NewsfeedSpider(Args[NewsfeedArgs], scrapy.Spider):
    name = "newsfeed"
    # 404/410 reach the callbacks, so that the end of the listing and dead cards are handled and counted
    custom_settings = {"HTTPERROR_ALLOWED_CODES": [404, 410]}
    metadata = {"title": "The Kyiv Independent: articles of a tag",
                "description": "Every article of a tag (the News Feed by default) as JSON Lines."}

    def __init__(self, *args, **kwargs):
        # `scrapy crawl` refuses these before the run (exit 2); a run started otherwise reports them from
        # start(): one ERROR line naming each bad argument, exit 1. A misspelt name is never silently the default.
        self.argument_error = self.argument_problem(kwargs)
        if self.argument_error:
            kwargs = {k: v for k, v in kwargs.items() if k not in NewsfeedArgs.model_fields}
        super().__init__(*args, **kwargs)

    @classmethod
    def argument_problem(cls, arguments: dict) -> str | None:
        """Why the ``-a`` arguments are bad, in one line; None when they are good."""
        return argument_problem(arguments)

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        # requests to a web archive (source=wayback) share one slot: one at a time, KYIVIND_WAYBACK_DELAY apart
        slots = {**settings.getdict("DOWNLOAD_SLOTS"),
                 SLOT: {"concurrency": 1, "delay": settings.getfloat("KYIVIND_WAYBACK_DELAY"),
                        "jitter": 0}}
        settings.set("DOWNLOAD_SLOTS", slots, priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.settle_arguments(crawler.settings)
        run = RunContext.build(crawler.settings, spider.args, spider.name).attach(crawler)
        if not crawler.settings.get("KYIVIND_DATA_DIR_FAULT"):  # else the run only fails (check_arguments)
            lock.acquire(run.data_dir)  # `scrapy crawl` took it already; a crawl started otherwise takes it here
        if run.render and not spider.argument_error:
            from kyivind.crawl import render  # the browser only for runs that render

            render.configure(crawler.settings, run.urls.base_host)
        return spider

    def settle_arguments(self, settings) -> None:
        """Arguments whose default depends on more than the declaration (the re-extraction's ``base_url``)."""

    @cached_property
    def parts(self) -> Parts:
        crawler = self.crawler
        run = RunContext.of(crawler)
        incremental, failures = component(crawler, Incremental), component(crawler, FailureLog)
        articles = ArticleRequests(crawler, run, failures)
        lastmods = Lastmods(crawler, run)
        builder = ItemBuilder(crawler, run, incremental, failures, AuthorPages(crawler, run, incremental))
        return Parts(run=run, incremental=incremental, failures=failures, articles=articles,
                     walk=ListingWalk(crawler, run, incremental, failures, articles),
                     sitemap=SitemapEdits(crawler, run, incremental, articles, lastmods),
                     gaps=PageGaps(crawler, RssFeed(crawler, run), lastmods),
                     api=ContentApiSource(crawler, run, incremental),
                     census=Census(crawler, run, incremental, articles),
                     wayback=WaybackSource(crawler, run, incremental, builder), builder=builder)

    @cached_property
    def routes(self) -> dict[str, tuple]:
        """Route (``kyivind_route``, named by the source that made the request): (what reads the answer, what
        handles the failure)."""
        parts = self.parts
        return {"listing": (self.parse_listing, parts.walk.failed),
                "rendered_listing": (parts.walk.parse_rendered, parts.walk.render_failed),
                "sitemap": (parts.sitemap.parse, parts.sitemap.failed),
                "api": (self.parse_api, self.api_failed),
                "article": (self.parse_article, parts.articles.failed),
                "cdx": (parts.wayback.parse_cdx, parts.wayback.cdx_failed),
                "capture": (parts.wayback.parse_capture, parts.wayback.capture_failed)}

    def route(self, response, **kwargs):
        """The one callback: the answer goes to the source whose request it was."""
        return self.routes[response.meta[ROUTE]][0](response, **kwargs)

    def route_failed(self, failure):
        """The one errback: the failure goes to the source whose request it was."""
        return self.routes[failure.request.meta[ROUTE]][1](failure)

    def closed(self, reason):
        self.parts.articles.close()

    def check_arguments(self) -> None:
        """A bad argument or setting, or a data directory that cannot be written: one ERROR line at the close,
        exit 1, the alerts."""
        fault = self.crawler.settings.get("KYIVIND_DATA_DIR_FAULT")
        if fault:
            fail_run(self.crawler, fault)
            raise CloseSpider("data_dir_fault")
        run = self.parts.run
        if self.args.source == "wayback" and not self.crawler.settings.getbool("KYIVIND_ARCHIVE") \
                and not run.setting_error:  # an archived version names its capture in the run's WARC
            run.setting_error = "source=wayback keeps every capture in the run's WARC: KYIVIND_ARCHIVE=0 cannot be used"
        if self.argument_error or run.setting_error:
            self.crawler.stats.set_value(keys.ARGUMENT_ERROR, self.argument_error or run.setting_error)
            fail_run(self.crawler, f"Bad spider argument: {self.argument_error}" if self.argument_error
                     else f"Bad setting: {run.setting_error}")
            raise CloseSpider("bad_argument")

    def log_plan(self) -> None:
        """The run's first line: what it reads, from where, and where its feed goes."""
        run, urls = self.parts.run, self.parts.run.urls
        where = urls.base_url if urls.base_url == urls.site_url else f"{urls.base_url} (as {urls.site_url})"
        feed = (f"the feed goes to {run.feed_file}" if self.crawler.settings.getbool("KYIVIND_EXPORT_ENABLED")
                else "no feed (KYIVIND_EXPORT_ENABLED is off)")
        logger.info("Crawl of tag %s from %s: mode %s, source %s, %d articles known; %s", run.tag, where,
                    self.args.mode, self.args.source, self.parts.incremental.known_count, feed)

    async def start(self):
        parts = self.parts
        self.check_arguments()
        self.log_plan()
        if self.args.source == "wayback":  # the archives' captures; the live site only for the census
            for request in parts.wayback.start():
                yield request
        elif self.args.source in ("html", "rss"):
            if self.args.source == "rss":
                parts.gaps.rss.activate()
            for request in self._html_walk():
                yield request
        else:
            yield parts.api.request()
        for url in parts.failures.to_retry() if self.args.source != "wayback" else ():
            self.crawler.stats.inc_value(keys.FAILED_RETRIED)
            yield parts.articles.request(url, FAILED_ORIGIN)
        async for request in parts.census.requests():  # the census, when due: each moved article's new address
            yield request

    def _html_walk(self):
        """The listing walk, and in incremental runs the posts sitemap that tells which articles were edited."""
        yield self.parts.walk.request()
        if self.parts.incremental.active:
            yield self.parts.sitemap.request()

    # --- listing ---------------------------------------------------------------------------------
    def parse_listing(self, response, page_number: int):
        if page_number == 1 and hasattr(response, "selector"):
            self.parts.gaps.rss.discovered(feed_links(response.selector, response.url))
        return self.parts.walk.parse(response, page_number)


    # --- Content API -------------------------------------------------------------------------
    async def parse_api(self, response, page: int, key: str, rediscovered: bool = False):
        async for found in self.parts.api.parse(response, page, key, rediscovered):
            if isinstance(found, Post):
                item = await self.parts.builder.build(found.extraction, found.url,
                                                      capture=response.meta.get(CAPTURE_META))
                if item is not None:
                    yield item
            elif isinstance(found, Unusable):
                for request in self._api_unusable(found.problem):
                    yield request
            else:
                yield found

    def api_failed(self, failure):
        hint = unreached_hint(failure, self.parts.run.urls.base_url)
        return list(self._api_unusable(f"the Content API request failed: {failure.getErrorMessage()}{hint}"))

    def _api_unusable(self, problem: str):
        if self.parts.api.unusable(problem):
            self.parts.gaps.rss.activate()  # auto: the RSS feed fills what the pages lack
            yield from self._html_walk()

    # --- articles ----------------------------------------------------------------------------
    async def parse_article(self, response, listing_url: str | None = None):
        """An article page: yields its item, or the request that draws it in the browser, or nothing (the
        page's problem is counted and listed in failed.jsonl)."""
        parts = self.parts
        read = read_article(self.crawler, parts.run, parts.articles, parts.failures, response, listing_url)
        if isinstance(read, scrapy.Request):
            yield read
            return
        if read is None:
            return
        if parts.gaps.wanted(read):  # a page without structured data: the feed and the sitemap fill in
            await parts.gaps.fill(read, parts.run.urls.public_url(read.fields.get("url") or response.url))
        item = await parts.builder.build(read, response.url, response.meta.get("kyivind_article"),
                                         response.meta.get(CAPTURE_META))
        if item is not None:
            yield item
