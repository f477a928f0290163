"""Article fetches: every article the listing, the sitemap, the API or failed.jsonl promises is
requested once per run; one that never gets an answer is reported lost when the spider closes."""

from __future__ import annotations

import scrapy

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext
from kyivind.sources import routed
from kyivind.state.failures import FailureLog

FAILED_ORIGIN = "failed.jsonl"  # retried from the failure list, not promised by this run's sources


class ArticleRequests:
    def __init__(self, crawler, run: RunContext, failures: FailureLog):
        self.crawler = crawler
        self.urls = run.urls
        self.failures = failures
        self._requested: set[str] = set()
        self._pending: set[str] = set()

    def requested(self, url: str) -> bool:
        return self.urls.fetch_url(url) in self._requested

    def request(self, url: str, origin: str | None) -> scrapy.Request:
        """``origin``: the listing page, ``sitemap``, or ``failed.jsonl``."""
        if origin != FAILED_ORIGIN:
            self.crawler.stats.inc_value(keys.ARTICLE_REQUESTED)
        fetch = self.urls.fetch_url(url)
        self._requested.add(fetch)
        self._pending.add(fetch)  # settled by an answer or an error; what is left at the end was lost
        # dont_filter: a run resumed from JOBDIR asks again what a killed run had in flight
        return routed(self.crawler, fetch, "article", meta={"kyivind_article": fetch}, dont_filter=True,
                      cb_kwargs={"listing_url": origin})

    def rendered(self, response, origin: str | None) -> scrapy.Request:
        """The same article once more, drawn in the browser (its body may be drawn by script)."""
        fetch = response.meta.get("kyivind_article", response.url)
        self.crawler.stats.inc_value(keys.RENDER_ARTICLES)
        self._pending.add(fetch)
        return routed(self.crawler, response.url, "article", dont_filter=True, cb_kwargs={"listing_url": origin},
                      meta={"playwright": True, "playwright_page_goto_kwargs": {"wait_until": "networkidle"},
                            "kyivind_article": fetch})

    def settle(self, request) -> None:
        self._pending.discard(request.meta.get("kyivind_article", request.url))

    def failed(self, failure) -> None:
        request = failure.request
        self.settle(request)
        kind = type(failure.value).__name__
        self.failures.record(request.url, kind, f"{kind}: {failure.getErrorMessage()}"[:300])

    def close(self) -> None:
        for url in sorted(self._pending):  # e.g. a redirect loop through an address already asked
            self.crawler.stats.inc_value(keys.ARTICLE_LOST)
            self.failures.record(url, "lost", "no answer reached the spider (a redirect loop or a redirect to an "
                                              "address already requested)")
