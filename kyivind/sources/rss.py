"""What an article page without structured data lacks, from what the site still publishes beside it.

A page that carries Ghost's head output (JSON-LD, ``article:*`` meta) or a front end's embedded post data
gives every field itself, and nothing here is fetched. A page that shows only what people read (a
date-time as text, one tag, author names) is completed from:

- the RSS feed (``RssFeed``; on with ``source=rss``, and with ``source=auto`` once the Content API is
  found unusable): every tag, the exact publication time, the author, the excerpt and the feature image
  of each post. The feed is found from the listing page's ``<link rel="alternate">``, else ``/rss/``;
  its pages (``/rss/2/``, …) are read only as far back as the articles being fetched, so a run that
  fetches a few new articles reads one page. A feed that cannot be used is one WARNING, and the run goes
  on with the pages alone;
- the sitemap (``kyivind.sources.sitemap.Lastmods``; always): its ``<lastmod>`` is the article's ``modified_at`` when the page
  gives none.

Each field filled so is counted with its source (``kyivind/field/<field>/rss`` or ``.../sitemap``).
The article page is still fetched for every article: the feed has no author pages (so no role or bio),
no image caption and no reading time (see docs/operating.md).
"""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urljoin

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, bound_reached
from kyivind.extraction import Extraction
from kyivind.extraction.article import merge_authors
from kyivind.extraction.feed import FeedEntry, parse_feed
from kyivind.items import Author, new_author
from kyivind.sources import download
from kyivind.sources.sitemap import Lastmods

logger = logging.getLogger(__name__)
# layers that read what a page shows for people: a value from them is replaced by the feed's exact one
SHOWN_LAYERS = ("structure", "theme")
RSS_PATH = "/rss/"


def _page_url(feed_url: str, page: int) -> str:
    base = feed_url if feed_url.endswith("/") else feed_url + "/"
    return base if page == 1 else urljoin(base, f"{page}/")


class RssFeed:
    """The site's RSS feed, read page by page as far as the articles being fetched need."""

    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        self.urls = run.urls
        self.max_pages = crawler.settings.getint("KYIVIND_RSS_MAX_PAGES")
        self.active = False
        self.feed_url: str | None = None
        self.entries: dict[str, FeedEntry] = {}
        self.pages = 0
        self.oldest: str | None = None  # the oldest publication time on the pages read
        self.exhausted = False
        self.problem: str | None = None
        self._lock = asyncio.Lock()

    @property
    def stats(self):
        return self.crawler.stats

    def activate(self) -> None:
        self.active = True

    @property
    def usable(self) -> bool:
        """On for this run, and not found unusable."""
        return self.active and not self.problem

    def discovered(self, urls: list[str]) -> None:
        """Feeds a listing page names: the first on the site is the one read."""
        if self.feed_url is None:
            self.feed_url = next((u for u in urls if self.urls.on_site(u)), None)

    async def entry(self, url: str, published_at: str | None) -> FeedEntry | None:
        if not self.usable:
            return None
        async with self._lock:  # one page at a time, each read once, however many articles wait for it
            while url not in self.entries and self._may_hold(published_at):
                await self._read_next_page()
        return self.entries.get(url)

    def _may_hold(self, published_at: str | None) -> bool:
        """Whether pages not yet read may list an article of that publication time."""
        if self.problem or self.exhausted or self.pages >= self.max_pages:
            return False
        if self.pages == 0:
            return True
        return published_at is not None and self.oldest is not None and published_at <= self.oldest

    async def _read_next_page(self) -> None:
        page = self.pages + 1
        url = self.urls.fetch_url(_page_url(self.feed_url or RSS_PATH, page))
        self.stats.inc_value(keys.RSS_REQUESTS)
        response = await download(self.crawler, url)
        self.pages = page
        if response is None:
            if page == 1:
                self._unusable(f"the feed {url} could not be fetched")
            self.exhausted = True
            return
        feed = parse_feed(response.body)
        if feed.problem:
            self._unusable(f"{feed.problem} ({url})")
            return
        if not feed.entries:
            self.exhausted = True
            return
        self.stats.inc_value(keys.RSS_PAGES)
        if all(self.urls.public_url(entry.url) in self.entries for entry in feed.entries):
            bound_reached(self.crawler, "rss_repeat", f"the feed page {url} repeats posts of the pages before it: "
                                                      "no older page is read")
            self.exhausted = True
            return
        for entry in feed.entries:
            self.entries[self.urls.public_url(entry.url)] = entry
            if entry.published_at and (self.oldest is None or entry.published_at < self.oldest):
                self.oldest = entry.published_at

    def _unusable(self, problem: str) -> None:
        self.problem = problem
        self.stats.set_value(keys.RSS_UNUSABLE, problem)
        self.stats.set_value(keys.SOURCE_USED, "html")
        logger.warning("RSS feed unusable: %s; the HTML walk goes on with what the pages show", problem)


class PageGaps:
    """Fills an extraction's gaps from the feed and the sitemap."""

    def __init__(self, crawler, rss: RssFeed, lastmods: Lastmods):
        self.crawler = crawler
        self.rss = rss
        self.lastmods = lastmods

    def wanted(self, extraction: Extraction) -> bool:
        fields, sources = extraction.fields, extraction.sources
        if not fields.get("modified_at"):
            return True
        if not self.rss.usable:
            return False
        return (sources.get("published_at") in SHOWN_LAYERS or sources.get("tags") in SHOWN_LAYERS
                or not fields.get("authors") or not fields.get("description") or not fields.get("image"))

    async def fill(self, extraction: Extraction, url: str) -> None:
        fields, sources = extraction.fields, extraction.sources
        entry = await self.rss.entry(url, fields.get("published_at"))
        if entry is not None:
            self._from_feed(fields, sources, entry)
        if not fields.get("modified_at"):
            lastmod = await self.lastmods.of(url)
            if lastmod:
                fields["modified_at"], sources["modified_at"] = lastmod, "sitemap"

    @staticmethod
    def _from_feed(fields: dict, sources: dict, entry: FeedEntry) -> None:
        if entry.published_at and (not fields.get("published_at") or sources.get("published_at") in SHOWN_LAYERS):
            fields["published_at"], sources["published_at"] = entry.published_at, "rss"  # exact, where text is not
        shown = fields.get("tags") or []
        if len(entry.tags) > len(shown) and (not shown or sources.get("tags") in SHOWN_LAYERS):
            fields["tags"], sources["tags"] = list(entry.tags), "rss"
            if not fields.get("primary_tag"):
                fields["primary_tag"], sources["primary_tag"] = entry.tags[0], "rss"
        if not fields.get("description") and entry.description:
            fields["description"], sources["description"] = entry.description, "rss"
        if not fields.get("image") and entry.image_url:
            fields["image"], sources["image"] = {"url": entry.image_url, "caption": None, "credit": None}, "rss"
        if entry.authors:
            page = [{k: getattr(a, k) for k in new_author()} for a in fields.get("authors") or []]
            merged, _ = merge_authors([("page", page), ("rss", [new_author(name=n) for n in entry.authors])])
            if len(merged) > len(page):
                fields["authors"], sources["authors"] = [Author(**a) for a in merged], "rss"
