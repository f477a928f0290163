"""The ``newsfeed`` spider: walks the News Feed listing, follows every article and hands each page to
the extraction functions. It holds no extraction logic of its own.

Arguments (``-a name=value``):
  base_url   where requests go (default: the site, ``KYIVIND_SITE_URL``); items keep public URLs
  site_url   the public URL items carry (default ``KYIVIND_SITE_URL``)
  max_pages  listing pages to walk (default: all)
  since      ISO date: stop walking once the listing is older, skip older articles
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import CloseSpider

from ..extraction import extract_article, extract_author_page, extract_listing
from ..items import ArticleItem
from ..urls import DEFAULT_SITE_URL, SiteUrls

logger = logging.getLogger(__name__)


LISTING_PRIORITY = 10


class ArgumentError(ValueError):
    """A spider argument with a value that cannot be used."""


def _positive_int(name: str, value) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ArgumentError(f"{name} must be a positive whole number, got {value!r}") from None
    if number < 1:
        raise ArgumentError(f"{name} must be a positive whole number, got {value!r}")
    return number


def _since(value) -> str | None:
    if value in (None, ""):
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(str(value)), datetime.min.time())
        except ValueError:
            raise ArgumentError(f"since must be an ISO date such as 2024-01-01, got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _http_url(name: str, value) -> str | None:
    if value in (None, ""):
        return None
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ArgumentError(f"{name} must be an http(s) URL such as https://kyivindependent.com, got {value!r}")
    return str(value).rstrip("/")


class NewsfeedSpider(scrapy.Spider):
    name = "newsfeed"
    # 404/410 reach the callbacks, so that the end of the listing and dead cards are handled and counted
    custom_settings = {"HTTPERROR_ALLOWED_CODES": [404, 410]}

    def __init__(self, base_url=None, site_url=None, max_pages=None, since=None, **kwargs):
        super().__init__(**kwargs)
        self.argument_error = None
        self._site_arg = self._base_arg = self.max_pages = self.since = None
        try:
            self._site_arg = _http_url("site_url", site_url)
            self._base_arg = _http_url("base_url", base_url)
            self.max_pages = _positive_int("max_pages", max_pages)
            self.since = _since(since)
        except ArgumentError as error:
            self.argument_error = str(error)
        self._author_profiles: dict[str, asyncio.Future] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        site = spider._site_arg or crawler.settings.get("KYIVIND_SITE_URL") or DEFAULT_SITE_URL
        spider.urls = SiteUrls(site, spider._base_arg or site)
        return spider

    @property
    def stats(self):
        return self.crawler.stats

    async def start(self):
        if self.argument_error:
            logger.error("Bad spider argument: %s", self.argument_error)
            self.stats.set_value("kyivind/argument_error", self.argument_error)
            raise CloseSpider("bad_argument")
        listing = self.urls.fetch_url(self.settings.get("KYIVIND_LISTING_PATH", "/tag/news-feed/"))
        yield scrapy.Request(listing, callback=self.parse_listing, cb_kwargs={"page_number": 1})

    # --- listing -----------------------------------------------------------------------------
    def parse_listing(self, response, page_number: int):
        if response.status in (404, 410):
            logger.info("Listing ends at page %d (%d %s)", page_number, response.status, response.url)
            self.stats.inc_value("kyivind/listing/end_404")
            return
        self.stats.inc_value("kyivind/listing/pages")
        listing = extract_listing(response.selector, response.url, self.urls.hosts)
        for url in listing.off_site:
            self.stats.inc_value("kyivind/listing/off_site_link")
            logger.warning("Listing card points off-site, not followed: %s (on %s)", url, response.url)
        if not listing.article_urls:
            self.stats.inc_value("kyivind/listing/empty")
            if listing.has_show_more or listing.script_count:
                logger.warning("Listing page %s holds no article link but has %s: rendering is probably needed "
                               "(-a render=true)", response.url,
                               "a Show More button" if listing.has_show_more else "scripts")
        older = 0
        for url in listing.article_urls:
            card_date = listing.card_dates.get(url)
            if self.since and card_date and card_date < self.since:
                older += 1
                self.stats.inc_value("kyivind/since/skipped_cards")
                continue
            self.stats.inc_value("kyivind/listing/cards")
            yield scrapy.Request(self.urls.fetch_url(url), callback=self.parse_article,
                                 cb_kwargs={"listing_url": response.url})
        if self.since and listing.article_urls and older == len(listing.article_urls):
            logger.info("Listing page %d is older than since=%s: walk ends", page_number, self.since)
            return
        if self.max_pages and page_number >= self.max_pages:
            logger.info("Walked max_pages=%d listing pages", self.max_pages)
            return
        if listing.next_url:
            # listing pages first: each one is found only on the one before, articles can wait
            yield scrapy.Request(self.urls.fetch_url(listing.next_url), callback=self.parse_listing,
                                 cb_kwargs={"page_number": page_number + 1}, priority=LISTING_PRIORITY)

    # --- articles ----------------------------------------------------------------------------
    async def parse_article(self, response, listing_url: str | None = None):
        if response.status in (404, 410):
            self.stats.inc_value(f"kyivind/article/http_{response.status}")
            logger.warning("Article answered %d: %s (linked from %s)", response.status, response.url, listing_url)
            return
        extraction = extract_article(response.selector, response.url)
        for problem in extraction.problems:
            self.stats.inc_value(f"kyivind/page/{problem}")
        if not extraction.is_article:
            self.stats.inc_value("kyivind/article/not_an_article")
            logger.warning("Page holds no article (title=%r, body=%s): %s", extraction.fields.get("title"),
                           "yes" if extraction.fields.get("body_text") else "none", response.url)
            return
        fields = extraction.fields
        fields["url"] = self.urls.public_url(fields.get("url") or response.url)
        fields["slug"] = fields.get("slug") or urlsplit(fields["url"]).path.strip("/").split("/")[-1]
        if self.since and fields.get("published_at") and fields["published_at"] < self.since:
            self.stats.inc_value("kyivind/since/skipped_articles")
            return
        for author in fields["authors"]:
            if author.get("url"):
                author["url"] = self.urls.public_url(author["url"])
            if not (author.get("role") or author.get("bio") or author.get("_raw")) and author.get("slug"):
                await self._fill_from_author_page(author)
        self._count_fields(fields, extraction.sources)
        item = ArticleItem(**{k: v for k, v in fields.items() if k in ArticleItem.__dataclass_fields__})
        item.fetched_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        yield item

    def _count_fields(self, fields: dict, sources: dict) -> None:
        for name, value in fields.items():
            if value in (None, "", []):
                self.stats.inc_value(f"kyivind/field/{name}/missing")
            elif name in sources:
                self.stats.inc_value(f"kyivind/field/{name}/{sources[name]}")

    # --- authors -----------------------------------------------------------------------------
    async def _fill_from_author_page(self, author: dict) -> None:
        """Role and bio from ``/author/<slug>/``, fetched at most once per run per author."""
        slug = author["slug"]
        future = self._author_profiles.get(slug)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._author_profiles[slug] = future
            future.set_result(await self._fetch_author_page(slug))
        profile = await future
        if profile is None:
            return
        author["_raw"] = profile.raw
        author["bio"] = author.get("bio") or profile.bio
        author["image_url"] = author.get("image_url") or profile.image_url
        author["name"] = author.get("name") or profile.name

    async def _fetch_author_page(self, slug: str):
        url = self.urls.fetch_url(f"/author/{slug}/")
        self.stats.inc_value("kyivind/author_page/requests")
        try:
            response = await self.crawler.engine.download_async(scrapy.Request(url, dont_filter=True))
        except Exception as error:  # network faults already retried by the downloader
            self.stats.inc_value("kyivind/author_page/failed")
            logger.warning("Author page %s failed: %s", url, error)
            return None
        if response.status != 200 or not hasattr(response, "selector"):
            self.stats.inc_value("kyivind/author_page/failed")
            logger.warning("Author page %s answered %d", url, response.status)
            return None
        return extract_author_page(response.selector, response.url)
