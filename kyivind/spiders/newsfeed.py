"""The ``newsfeed`` spider: walks the News Feed listing, follows every article and hands each page to
the extraction functions. It holds no extraction logic of its own.

Arguments (``-a name=value``):
  base_url   where requests go (default: the site, ``KYIVIND_SITE_URL``); items keep public URLs
  site_url   the public URL items carry (default ``KYIVIND_SITE_URL``)
  max_pages  listing pages to walk (default: all)
  since      ISO date: stop walking once the listing is older, skip older articles
  source     auto (default: the Content API, the HTML walk where the API is unusable) | api | html
  render     true: listing pages (and article pages without a body) are loaded in Chromium, "Show More"
             clicked until it disappears (``KYIVIND_RENDER``, ``KYIVIND_RENDER_MAX_CLICKS``)
  mode       incremental (default: fetch only what is new or edited since the last run) | backfill
             (walk the whole listing back to ``since``, skipping what is known; resumable with JOBDIR)
             | full (fetch everything again; still emit only new or changed articles)
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import TextResponse

from ..extraction import (
    extract_article,
    extract_author_page,
    extract_listing,
    extract_post,
    looks_like_post,
    parse_sitemap,
)
from ..extraction.apikey import key_in_page, key_in_script, script_urls
from ..extraction.challenge import is_challenge_page, looks_truncated
from ..failures import FailedUrls
from ..items import ArticleItem
from ..state import State
from ..urls import DEFAULT_CONTENT_KEY, DEFAULT_SITE_URL, SiteUrls

logger = logging.getLogger(__name__)


LISTING_PRIORITY = 10
SOURCES = ("auto", "api", "html")
MODES = ("incremental", "backfill", "full")
FAILED_ORIGIN = "failed.jsonl"
API_PAGE_SIZE = 100
MOJIBAKE = ("\u00e2\u20ac", "\u00c3\u00a9", "\u00c3\u00a8", "\u00c2\u00a0")  # UTF-8 read as Latin-1/cp1252


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


def _choice(name: str, value, choices: tuple[str, ...]) -> str:
    """One of ``choices``; the first when no value is given."""
    value = (value or choices[0]).strip().lower()
    if value not in choices:
        raise ArgumentError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _flag(name: str, value) -> bool | None:
    if value in (None, ""):
        return None
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ArgumentError(f"{name} must be true or false, got {value!r}")


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

    def __init__(self, base_url=None, site_url=None, max_pages=None, since=None, source=None, mode=None, render=None,
                 **kwargs):
        super().__init__(**kwargs)
        self.argument_error = None
        self._site_arg = self._base_arg = self.max_pages = self.since = None
        self.source, self.mode = "auto", "incremental"
        self._render_arg = None
        try:
            self.source = _choice("source", source, SOURCES)
            self.mode = _choice("mode", mode, MODES)
            self._render_arg = _flag("render", render)
            self._site_arg = _http_url("site_url", site_url)
            self._base_arg = _http_url("base_url", base_url)
            self.max_pages = _positive_int("max_pages", max_pages)
            self.since = _since(since)
        except ArgumentError as error:
            self.argument_error = str(error)
        self._author_profiles: dict[str, asyncio.Future] = {}
        self._pending: set[str] = set()
        self._requested: set[str] = set()
        self._listings: set[str] = set()
        self._known_pages = 0
        self.aliases: dict[str, str] = {}  # canonical URL -> the address it was reached by
        self.lastmods: dict[str, str] = {}  # sitemap lastmod of articles re-fetched as edited

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        site = spider._site_arg or crawler.settings.get("KYIVIND_SITE_URL") or DEFAULT_SITE_URL
        spider.urls = SiteUrls(site, spider._base_arg or site)
        spider.render = spider._render_arg if spider._render_arg is not None else crawler.settings.getbool("KYIVIND_RENDER")
        if spider.render and not spider.argument_error:
            from .. import render  # the browser only for runs that render

            render.configure(crawler.settings, spider.urls.base_host)
        data_dir = crawler.settings.get("KYIVIND_DATA_DIR", "data")
        suffix = spider.urls.state_suffix()  # what was read from a replica or mirror is its own state
        spider.failed = FailedUrls(data_dir, crawler.settings.getint("KYIVIND_FAILED_MAX_ATTEMPTS", 5), suffix)
        spider.run_state = State(Path(data_dir) / f"state{suffix}.sqlite") \
            if crawler.settings.getbool("KYIVIND_STATE_ENABLED", True) else None
        return spider

    def closed(self, reason):
        for url in sorted(self._pending):  # e.g. a redirect loop through an address already asked
            self.stats.inc_value("kyivind/article/lost")
            self._fail(url, "lost", "no answer reached the spider (a redirect loop or a redirect to an address "
                                    "already requested)")
        if self.run_state is not None:
            self.run_state.close()
        open_failures = self.failed.save()
        self.stats.set_value("kyivind/failed_urls", open_failures)
        if open_failures:
            logger.warning("%d URLs failed and are listed in %s for the next run", open_failures, self.failed.path)

    @property
    def stats(self):
        return self.crawler.stats

    async def start(self):
        if self.argument_error:
            logger.error("Bad spider argument: %s", self.argument_error)
            self.stats.set_value("kyivind/argument_error", self.argument_error)
            raise CloseSpider("bad_argument")
        self.incremental = self.mode == "incremental" and self.run_state is not None and self.run_state.count() > 0
        self.since_modified = self.run_state.latest_modified() if self.incremental else None
        logger.info("Mode %s, source %s, %d articles known", self.mode, self.source,
                    self.run_state.count() if self.run_state is not None else 0)
        if self.source == "html":
            for request in self._html_walk():
                yield request
        else:
            key = self.settings.get("KYIVIND_CONTENT_API_KEY") or DEFAULT_CONTENT_KEY
            yield self._api_request(1, key)
        for url in self.failed.to_retry():
            self.stats.inc_value("kyivind/failed/retried")
            yield self._article_request(url, FAILED_ORIGIN)

    def _article_request(self, url: str, listing_url: str | None) -> scrapy.Request:
        if listing_url != FAILED_ORIGIN:  # what the listing, the sitemap or the API promised
            self.stats.inc_value("kyivind/article/requested")
        fetch = self.urls.fetch_url(url)
        self._requested.add(fetch)
        self._pending.add(fetch)  # settled by an answer or an error; what is left at the end was lost
        return scrapy.Request(fetch, callback=self.parse_article, errback=self.article_failed, dont_filter=True,
                              cb_kwargs={"listing_url": listing_url}, meta={"kyivind_article": fetch})

    def _settle(self, request) -> None:
        self._pending.discard(request.meta.get("kyivind_article", request.url))

    def _fail(self, url: str, kind: str, reason: str) -> None:
        """An article that gave no item: counted, logged, and listed in failed.jsonl for the next run."""
        self.stats.inc_value(f"kyivind/article/failed/{kind}")
        self.failed.record(self.urls.public_url(url), reason, kind)
        logger.warning("No item from %s: %s", url, reason)

    def article_failed(self, failure):
        request = failure.request
        self._settle(request)
        error = failure.value
        kind = type(error).__name__
        self._fail(request.url, kind, f"{kind}: {failure.getErrorMessage()}"[:300])

    def _html_walk(self):
        """The listing walk, and in incremental runs the posts sitemap that tells which articles were edited."""
        yield self._listing_request()
        if self.incremental:
            yield self._sitemap_request(self.settings.get("KYIVIND_SITEMAP_PATH", "/sitemap-posts.xml"))

    def _listing_request(self, url: str | None = None, page_number: int = 1) -> scrapy.Request:
        # dont_filter: a run resumed from JOBDIR walks again what a killed run had in flight;
        # repeats within a run are kept out by the spider's own sets
        url = url or self.urls.fetch_url(self.settings.get("KYIVIND_LISTING_PATH", "/tag/news-feed/"))
        if self.render:
            from ..render import page_meta

            return scrapy.Request(url, callback=self.parse_rendered_listing, errback=self.render_failed,
                                  cb_kwargs={"page_number": page_number}, meta=page_meta(),
                                  priority=LISTING_PRIORITY, dont_filter=True)
        return scrapy.Request(url, callback=self.parse_listing, cb_kwargs={"page_number": page_number},
                              priority=LISTING_PRIORITY, dont_filter=True)

    # --- rendering -----------------------------------------------------------------------------
    async def parse_rendered_listing(self, response, page_number: int):
        from ..render import click_show_more

        page = response.meta["playwright_page"]
        max_clicks = self.settings.getint("KYIVIND_RENDER_MAX_CLICKS", 50)
        try:
            clicks, left = await click_show_more(page, max_clicks)
            html = await page.content()
        finally:
            await page.close()
        self.stats.inc_value("kyivind/render/listing_pages")
        self.stats.inc_value("kyivind/render/show_more_clicks", clicks)
        logger.info("Rendered listing page %d: Show More clicked %d times", page_number, clicks)
        if left:
            self.stats.inc_value("kyivind/render/click_bound_reached")
            logger.warning("Show More still shown after %d clicks (KYIVIND_RENDER_MAX_CLICKS=%d): older cards not loaded",
                           clicks, max_clicks)
        for request in self.parse_listing(response.replace(body=html.encode("utf-8"), encoding="utf-8"), page_number):
            yield request

    async def render_failed(self, failure):
        page = failure.request.meta.get("playwright_page")
        if page is not None:
            await page.close()
        self.stats.inc_value("kyivind/render/failed")
        logger.error("Rendering %s failed: %s", failure.request.url, failure.getErrorMessage())

    # --- edits: the posts sitemap's lastmod ------------------------------------------------------
    def _sitemap_request(self, path: str) -> scrapy.Request:
        return scrapy.Request(self.urls.fetch_url(path), callback=self.parse_sitemap, errback=self.sitemap_failed,
                              priority=LISTING_PRIORITY, dont_filter=True, meta={"handle_httpstatus_list": [404]})

    def parse_sitemap(self, response):
        if response.status == 404:
            if response.url.endswith("/sitemap.xml"):
                logger.warning("No sitemap: edited articles cannot be detected this run")
                self.stats.inc_value("kyivind/incremental/no_sitemap")
                return
            yield self._sitemap_request("/sitemap.xml")
            return
        urls, children = parse_sitemap(response.body)
        for child in children:
            if "post" in child.rsplit("/", 1)[-1]:
                yield self._sitemap_request(self.urls.fetch_url(child))
        lastmods = {self.urls.public_url(u): m for u, m in urls.items() if m}
        edited = self.run_state.edited(lastmods)
        self.stats.inc_value("kyivind/incremental/edited_candidates", len(edited))
        for url, lastmod in edited.items():
            self.lastmods[url] = lastmod
            if self.urls.fetch_url(url) not in self._requested:
                yield self._article_request(url, "sitemap")

    def sitemap_failed(self, failure):
        logger.warning("Sitemap %s failed (%s): edited articles cannot be detected this run",
                       failure.request.url, failure.getErrorMessage())
        self.stats.inc_value("kyivind/incremental/no_sitemap")

    # --- Content API ---------------------------------------------------------------------------
    def api_filter(self) -> str:
        clauses = [f"tag:{self.settings.get('KYIVIND_TAG', 'news-feed')}"]
        if self.since:
            clauses.append(f"published_at:>='{self.since.replace('+00:00', '.000Z')}'")
        if getattr(self, "since_modified", None):
            clauses.append(f"updated_at:>'{self.since_modified.replace('+00:00', '.000Z')}'")
        return "+".join(clauses)

    def _api_request(self, page: int, key: str, rediscovered: bool = False) -> scrapy.Request:
        query = urlencode({"key": key, "filter": self.api_filter(), "include": "tags,authors", "formats": "html",
                           "order": "published_at desc", "limit": API_PAGE_SIZE, "page": page})
        self.stats.inc_value("kyivind/api/requests")
        # robots.txt of a Ghost site disallows /ghost/ to keep crawlers out of its admin; the Content API
        # under it is Ghost's public, key-based interface for programs (KYIVIND_API_OBEYS_ROBOTS)
        meta = {"handle_httpstatus_all": True,
                "dont_obey_robotstxt": not self.settings.getbool("KYIVIND_API_OBEYS_ROBOTS", False)}
        return scrapy.Request(self.urls.fetch_url(f"/ghost/api/content/posts/?{query}"), callback=self.parse_api,
                              errback=self.api_failed, cb_kwargs={"page": page, "key": key, "rediscovered": rediscovered},
                              meta=meta, priority=LISTING_PRIORITY, dont_filter=True)

    def api_failed(self, failure):
        yield from self._api_unusable(f"the Content API request failed: {failure.getErrorMessage()}")

    async def parse_api(self, response, page: int, key: str, rediscovered: bool = False):
        problem, data = None, None
        if response.status in (401, 403):
            if not rediscovered:
                found = await self._discover_key()
                if found and found != key:
                    logger.warning("Content API refused the configured key (%d); using the key found on the site: %s",
                                   response.status, found)
                    self.stats.set_value("kyivind/api/key_rediscovered", found)
                    yield self._api_request(page, found, rediscovered=True)
                    return
            problem = f"the Content API refused the key ({response.status})"
        elif response.status != 200:
            problem = f"the Content API answered {response.status}"
        else:
            try:
                data = json.loads(response.body)
            except ValueError:
                problem = "the Content API answered invalid JSON"
            else:
                pagination = data.get("meta", {}).get("pagination") if isinstance(data, dict) else None
                if not (isinstance(data.get("posts") if isinstance(data, dict) else None, list)
                        and isinstance(pagination, dict)):
                    problem = "the Content API answered a shape kyivind does not know"
        if problem:
            for request in self._api_unusable(problem):
                yield request
            return
        self.stats.inc_value("kyivind/api/pages")
        self.stats.inc_value("kyivind/api/posts", len(data["posts"]))
        for post in data["posts"]:
            if not looks_like_post(post):
                self.stats.inc_value("kyivind/api/not_a_post")
                logger.warning("Content API entry is not a post, skipped: %.200r", post)
                continue
            extraction = extract_post(post)
            extraction.fields["language"] = extraction.fields["language"] or self.settings.get("KYIVIND_DEFAULT_LANGUAGE")
            extraction.sources.setdefault("language", "default")
            async for item in self._emit(extraction, post.get("url") or response.url):
                yield item
        following = pagination.get("next")
        if following and not (self.max_pages and page >= self.max_pages):
            yield self._api_request(int(following), key, rediscovered)

    def _api_unusable(self, problem: str):
        self.stats.set_value("kyivind/api/unusable", problem)
        if self.source == "api":
            logger.error("Content API unusable: %s (source=api: no fallback)", problem)
            self.stats.set_value("kyivind/failed", 1)
            raise CloseSpider("api_unusable")
        logger.warning("Content API unusable: %s; falling back to the HTML walk", problem)
        self.stats.set_value("kyivind/source_used", "html")
        yield from self._html_walk()

    async def _discover_key(self) -> str | None:
        """The Content API key the site's own pages use: ``data-key``, else the front end's scripts."""
        for path in (self.settings.get("KYIVIND_LISTING_PATH", "/tag/news-feed/"), "/"):
            response = await self._download(self.urls.fetch_url(path))
            if response is None:
                continue
            key = key_in_page(response.text)
            if key:
                return key
            for url in script_urls(response.text, response.url):
                script = await self._download(url)
                key = key_in_script(script.text) if script is not None else None
                if key:
                    return key
        logger.warning("No Content API key found on the site's pages or scripts")
        return None

    async def _download(self, url: str):
        try:
            response = await self.crawler.engine.download_async(scrapy.Request(url, dont_filter=True))
        except Exception as error:  # network faults were already retried by the downloader
            logger.warning("Request %s failed: %s", url, error)
            return None
        return response if response.status == 200 and hasattr(response, "text") else None

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
        known = self.run_state.known(self.urls.public_url(u) for u in listing.article_urls) \
            if self.run_state is not None and self.mode != "full" else set()
        # a URL of failed.jsonl is retried from there (or left to a person), not from the listing
        fresh = [u for u in listing.article_urls
                 if self.urls.public_url(u) not in known and not self.failed.listed(self.urls.public_url(u))]
        self.stats.inc_value("kyivind/incremental/known_cards", len(listing.article_urls) - len(fresh))
        older = 0
        for url in fresh:
            card_date = listing.card_dates.get(url)
            if self.since and card_date and card_date < self.since:
                older += 1
                self.stats.inc_value("kyivind/since/skipped_cards")
                continue
            self.stats.inc_value("kyivind/listing/cards")
            if self.urls.fetch_url(url) in self._requested:
                self.stats.inc_value("kyivind/listing/duplicate_card")  # a card on two listing pages
                continue
            yield self._article_request(url, response.url)
        if self.since and fresh and older == len(fresh):  # every card not yet known is older than since
            logger.info("Listing page %d is older than since=%s: walk ends", page_number, self.since)
            return
        if self.max_pages and page_number >= self.max_pages:
            logger.info("Walked max_pages=%d listing pages", self.max_pages)
            return
        if self.incremental and listing.article_urls and not fresh:
            self._known_pages += 1
            overlap = self.settings.getint("KYIVIND_INCREMENTAL_OVERLAP_PAGES", 1)
            if self._known_pages > overlap:
                logger.info("Listing page %d is all known (overlap %d): walk ends", page_number, overlap)
                return
        if listing.next_url:
            # listing pages first: each one is found only on the one before, articles can wait
            next_url = self.urls.fetch_url(listing.next_url)
            if next_url not in self._listings:
                self._listings.add(next_url)
                yield self._listing_request(next_url, page_number + 1)

    # --- articles ----------------------------------------------------------------------------
    async def parse_article(self, response, listing_url: str | None = None):
        self._settle(response.request)
        if response.status in (404, 410):
            self.stats.inc_value(f"kyivind/article/http_{response.status}")
            self._fail(response.url, f"http_{response.status}", f"answered {response.status} (linked from {listing_url})")
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or ("html" not in content_type and "xml" not in content_type):
            self.stats.inc_value("kyivind/page/not_html")
            self._fail(response.url, "not_html", f"not an HTML page (Content-Type {content_type or 'missing'!r})")
            return
        self.stats.inc_value("kyivind/article/responses")
        text = self._decoded(response)
        if is_challenge_page(text):
            self.stats.inc_value("kyivind/page/challenge")
            self.stats.inc_value("kyivind/article/not_an_article")
            self._fail(response.url, "challenge", "a bot-challenge page answered instead of the article")
            return
        if looks_truncated(text):
            self.stats.inc_value("kyivind/page/truncated")
            self._fail(response.url, "truncated", "the page stops before its end (no </body> or </html>)")
            return
        extraction = extract_article(text, response.url)
        for problem in extraction.problems:
            self.stats.inc_value(f"kyivind/page/{problem}")
        if not extraction.is_article and self.render and not response.meta.get("playwright"):
            # the body may be drawn by script: the same page once more, in the browser
            self.stats.inc_value("kyivind/render/articles")
            logger.info("No article body in the HTML of %s: rendering it", response.url)
            self._pending.add(response.meta.get("kyivind_article", response.url))
            yield scrapy.Request(response.url, callback=self.parse_article, errback=self.article_failed,
                                 dont_filter=True, cb_kwargs={"listing_url": listing_url},
                                 meta={"playwright": True, "playwright_page_goto_kwargs": {"wait_until": "networkidle"},
                                       "kyivind_article": response.meta.get("kyivind_article", response.url)})
            return
        if not extraction.is_article:
            self.stats.inc_value("kyivind/article/not_an_article")
            self._fail(response.url, "not_an_article", "page holds no article (title={!r}, body={})".format(
                extraction.fields.get("title"), "yes" if extraction.fields.get("body_text") else "none"))
            return
        async for item in self._emit(extraction, response.url, response.meta.get("kyivind_article")):
            yield item

    def _decoded(self, response) -> str:
        """The page's text; a UTF-8 body that the declared charset turned into mojibake is decoded again."""
        text = response.text
        if any(marker in text for marker in MOJIBAKE) and response.encoding.lower().replace("-", "") != "utf8":
            try:
                fixed = response.body.decode("utf-8")
            except UnicodeDecodeError:
                return text
            self.stats.inc_value("kyivind/page/charset_fixed")
            logger.warning("Page declared %s but is UTF-8; decoded as UTF-8: %s", response.encoding, response.url)
            return fixed
        return text

    def _check_dates(self, fields: dict, url: str) -> None:
        limit = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
        for name in ("published_at", "modified_at"):
            if fields.get(name) and fields[name] > limit:
                self.stats.inc_value(f"kyivind/field/{name}/future")
                logger.warning("%s %s is in the future, not kept: %s", name, fields[name], url)
                fields[name] = None

    async def _emit(self, extraction, fallback_url: str, requested_url: str | None = None):
        """The item of one article, whichever source gave its fields."""
        fields = extraction.fields
        reached_by = self.urls.public_url(requested_url or fallback_url)
        self.failed.succeeded_url(reached_by)
        fields["url"] = self.urls.public_url(fields.get("url") or fallback_url)
        if reached_by != fields["url"]:
            self.aliases[fields["url"]] = reached_by
        self._check_dates(fields, fields["url"])
        fields["slug"] = fields.get("slug") or urlsplit(fields["url"]).path.strip("/").split("/")[-1]
        if self.since and fields.get("published_at") and fields["published_at"] < self.since:
            self.stats.inc_value("kyivind/since/skipped_articles")
            return
        known = self.run_state.article(fields["url"]) if self.run_state is not None else None
        if known is not None:
            if known["content_hash"] == fields["content_hash"]:
                self.stats.inc_value("kyivind/incremental/unchanged")
                self.run_state.touch(fields["url"], fields.get("modified_at"), self.lastmods.get(fields["url"]))
                return
            fields["version"] = known["version"] + 1
            self.stats.inc_value("kyivind/incremental/edited")
            logger.info("Edited article, version %d: %s", fields["version"], fields["url"])
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
            max_age = self.settings.getfloat("KYIVIND_AUTHOR_MAX_AGE_DAYS", 30)
            cached = self.run_state.author(slug, max_age) if self.run_state is not None else None
            if cached is not None:
                self.stats.inc_value("kyivind/author_page/from_state")
                future.set_result(cached)
            else:
                profile = await self._fetch_author_page(slug)
                found = dataclasses.asdict(profile) if profile is not None else None
                if found is not None and self.run_state is not None:
                    self.run_state.save_author(slug, found)
                future.set_result(found)
        profile = await future
        if profile is None:
            return
        author["_raw"] = profile["raw"]
        author["bio"] = author.get("bio") or profile["bio"]
        author["image_url"] = author.get("image_url") or profile["image_url"]
        author["name"] = author.get("name") or profile["name"]

    async def _fetch_author_page(self, slug: str):
        url = self.urls.fetch_url(f"/author/{slug}/")
        self.stats.inc_value("kyivind/author_page/requests")
        response = await self._download(url)
        if response is None:
            self.stats.inc_value("kyivind/author_page/failed")
            logger.warning("Author page %s could not be read", url)
            return None
        return extract_author_page(response.selector, response.url)
