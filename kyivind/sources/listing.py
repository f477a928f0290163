"""The listing walk: ``/tag/<tag>/`` and its older pages (``rel=next`` or the page's own pagination), plain
or drawn in Chromium with "Show More" clicked; every card not yet known becomes an article request.

The walk ends at the last page (or its 404), at ``max_pages``, at a page whose new cards are all older
than ``since``, or, in incremental runs, after ``KYIVIND_INCREMENTAL_OVERLAP_PAGES`` all-known pages.
"""

from __future__ import annotations

import logging

import scrapy

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, bound_reached, fail_run, stop_run
from kyivind.extraction import extract_listing
from kyivind.sources import LISTING_PRIORITY, failure_reason, routed, unreached_hint
from kyivind.sources.article_requests import ArticleRequests
from kyivind.state.failures import FailureLog
from kyivind.state.incremental import Incremental

logger = logging.getLogger(__name__)


class ListingWalk:
    def __init__(self, crawler, run: RunContext, incremental: Incremental, failures: FailureLog,
                 articles: ArticleRequests):
        self.crawler = crawler
        self.run = run
        self.urls = run.urls
        self.incremental = incremental
        self.failures = failures
        self.articles = articles
        self.max_clicks = crawler.settings.getint("KYIVIND_RENDER_MAX_CLICKS")
        self.max_listing_pages = crawler.settings.getint("KYIVIND_MAX_LISTING_PAGES")
        self._listings: set[str] = set()

    @property
    def stats(self):
        return self.crawler.stats

    def request(self, url: str | None = None, page_number: int = 1) -> scrapy.Request:
        # dont_filter: a run resumed from JOBDIR walks again what a killed run had in flight;
        # repeats within a run are kept out by the walk's own set
        url = url or self.urls.fetch_url(self.run.listing_path)
        if self.run.render:
            from kyivind.crawl.render import page_meta

            return routed(self.crawler, url, "rendered_listing", meta=page_meta(),
                          cb_kwargs={"page_number": page_number}, priority=LISTING_PRIORITY, dont_filter=True)
        return routed(self.crawler, url, "listing", cb_kwargs={"page_number": page_number},
                      priority=LISTING_PRIORITY, dont_filter=True)

    def unreachable(self, url: str, page_number: int, reason: str) -> None:
        """A listing page that could not be had: without the first page the run cannot do its job and
        ends; a later one cuts the walk short, and the run fails after fetching what it found."""
        if page_number == 1:
            fail_run(self.crawler, f"the listing {url} could not be fetched: {reason}")
            stop_run(self.crawler, "listing_unreachable")
            return
        fail_run(self.crawler, f"listing page {page_number} ({url}) could not be fetched: {reason}; "
                               f"older articles were not reached")

    def failed(self, failure) -> None:
        request = failure.request
        self.stats.inc_value(keys.LISTING_FAILED)
        logger.warning("Listing page %s failed: %s", request.url, failure_reason(failure))
        self.unreachable(request.url, request.cb_kwargs.get("page_number", 1),
                         failure_reason(failure) + unreached_hint(failure, self.urls.base_url))

    # --- rendered ----------------------------------------------------------------------------
    async def parse_rendered(self, response, page_number: int):
        from kyivind.crawl.render import click_show_more

        page = response.meta["playwright_page"]
        try:
            clicks, left = await click_show_more(page, self.max_clicks)
            html = await page.content()
        finally:
            await page.close()
        self.stats.inc_value(keys.RENDER_LISTING_PAGES)
        self.stats.inc_value(keys.RENDER_SHOW_MORE_CLICKS, clicks)
        logger.info("Rendered listing page %d: Show More clicked %d times", page_number, clicks)
        if left:
            self.stats.inc_value(keys.RENDER_CLICK_BOUND_REACHED)
            logger.warning("Show More still shown after %d clicks (KYIVIND_RENDER_MAX_CLICKS=%d): older cards not loaded",
                           clicks, self.max_clicks)
        return list(self.parse(response.replace(body=html.encode("utf-8"), encoding="utf-8"), page_number))

    async def render_failed(self, failure) -> None:
        page = failure.request.meta.get("playwright_page")
        if page is not None:
            await page.close()
        self.stats.inc_value(keys.RENDER_FAILED)
        logger.warning("Rendering %s failed: %s", failure.request.url, failure.getErrorMessage())
        self.unreachable(failure.request.url, failure.request.cb_kwargs.get("page_number", 1),
                         f"the browser failed ({failure_reason(failure)}); is Chromium at KYIVIND_CHROMIUM_PATH?")

    # --- a listing page ----------------------------------------------------------------------
    def parse(self, response, page_number: int):
        if response.status in (404, 410):
            if page_number == 1:
                self.unreachable(response.url, 1, f"answered {response.status} (is the tag {self.run.tag!r} right?)")
            logger.info("Listing ends at page %d (%d %s)", page_number, response.status, response.url)
            self.stats.inc_value(keys.LISTING_END_404)
            return
        self.stats.inc_value(keys.LISTING_PAGES)
        listing = extract_listing(response.selector, response.url, self.urls.hosts)
        for url in listing.off_site:
            self.stats.inc_value(keys.LISTING_OFF_SITE_LINK)
            logger.warning("Listing card points off-site, not followed: %s (on %s)", url, response.url)
        if not listing.article_urls:
            self.stats.inc_value(keys.LISTING_EMPTY)
            hint = "the site's markup may have changed"
            if listing.has_show_more or listing.script_count:
                hint = "rendering is probably needed (-a render=true)"
                logger.warning("Listing page %s holds no article link but has %s: %s", response.url,
                               "a Show More button" if listing.has_show_more else "scripts", hint)
            if page_number == 1:
                fail_run(self.crawler, f"the first listing page {response.url} holds no article link: {hint}")
            elif listing.next_url:  # a chain of empty pages leads nowhere
                bound_reached(self.crawler, "listing_empty_page", f"listing page {page_number} ({response.url}) holds "
                                                                  "no article link but names a next page: the walk ends")
                return
        fresh = self._fresh(listing.article_urls)
        yield from self._article_requests(fresh, listing.card_dates, response.url)
        if self._walk_ends(listing, fresh, page_number):
            return
        if listing.next_url:
            next_url = self.urls.fetch_url(listing.next_url)
            if self._may_walk_to(next_url, response.url, page_number):
                yield self.request(next_url, page_number + 1)

    def _may_walk_to(self, next_url: str, url: str, page_number: int) -> bool:
        """Each listing page is read once (a ``rel=next`` that leads back ends the walk), and at most
        ``KYIVIND_MAX_LISTING_PAGES`` of them; a bound that stops the walk is a WARNING and a stat."""
        self._listings.add(self.urls.fetch_url(url))
        if next_url in self._listings:
            bound_reached(self.crawler, "listing_cycle", f"listing page {page_number} ({url}) names {next_url} as its "
                                                         "next page, which the walk reached already: it ends here")
            return False
        if page_number >= self.max_listing_pages:
            bound_reached(self.crawler, "listing_pages", f"{page_number} listing pages walked",
                          short=f"the listing has more than KYIVIND_MAX_LISTING_PAGES={self.max_listing_pages} "
                                f"pages: older articles were not reached")
            return False
        self._listings.add(next_url)
        return True

    def _fresh(self, urls: list[str]) -> list[str]:
        """Cards not yet known; a URL of failed.jsonl is retried from there (or left to a person)."""
        public = {u: self.urls.public_url(u) for u in urls}
        known = self.incremental.known(public.values())
        fresh = [u for u in urls if public[u] not in known and not self.failures.listed(public[u])]
        self.stats.inc_value(keys.INCREMENTAL_KNOWN_CARDS, len(urls) - len(fresh))
        return fresh

    def _article_requests(self, fresh: list[str], card_dates: dict, listing_url: str):
        since = self.run.args.since
        for url in fresh:
            card_date = card_dates.get(url)
            if since and card_date and card_date < since:
                self.stats.inc_value(keys.SINCE_SKIPPED_CARDS)
                continue
            self.stats.inc_value(keys.LISTING_CARDS)
            if self.articles.requested(url):
                self.stats.inc_value(keys.LISTING_DUPLICATE_CARD)  # a card on two listing pages
                continue
            yield self.articles.request(url, listing_url)

    def _walk_ends(self, listing, fresh: list[str], page_number: int) -> bool:
        since, max_pages = self.run.args.since, self.run.args.max_pages
        if since and fresh and all(listing.card_dates.get(u) and listing.card_dates[u] < since for u in fresh):
            logger.info("Listing page %d is older than since=%s: walk ends", page_number, since)
            return True
        if max_pages and page_number >= max_pages:
            logger.info("Walked max_pages=%d listing pages", max_pages)
            return True
        if listing.article_urls and not fresh and self.incremental.walk_ends_at_known_page():
            logger.info("Listing page %d is all known (overlap %d): walk ends", page_number, self.incremental.overlap)
            return True
        return False
