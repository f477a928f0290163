"""Downloader middlewares: retries with backoff that honour ``Retry-After``, and a fence that keeps every
request on the site's host."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.response import response_status_message

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext

logger = logging.getLogger(__name__)
RETRY_AFTER_IGNORED = "kyivind_retry_after_ignored"  # request meta: the backoff alone decides the wait


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delta seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries (429, 5xx, timeouts, connection faults), waiting before each new try:
    ``Retry-After`` where the answer gives one, else ``KYIVIND_RETRY_BACKOFF_BASE * 2**(try - 1)``,
    never longer than ``KYIVIND_RETRY_MAX_DELAY`` seconds. A request whose meta says ``RETRY_AFTER_IGNORED`` (the
    census, which has a time budget of its own) always waits the backoff, whatever ``Retry-After`` asks."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("KYIVIND_RETRY_BACKOFF_BASE")
        self.max_delay = settings.getfloat("KYIVIND_RETRY_MAX_DELAY")

    def delay(self, request, response=None) -> float:
        honoured = response is not None and not request.meta.get(RETRY_AFTER_IGNORED)
        asked = retry_after_seconds(response.headers.get("Retry-After")) if honoured else None
        tries = request.meta.get("retry_times", 0) + 1
        wait = asked if asked is not None else self.base * 2 ** (tries - 1)
        return min(wait, self.max_delay)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = self.delay(request, response)
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        self.crawler.stats.inc_value(keys.retry_http(response.status))
        if wait:
            logger.info("HTTP %d for %s: retrying in %.1fs", response.status, request.url, wait)
            await asyncio.sleep(wait)
        return retry

    async def process_exception(self, request, exception, spider=None):
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        wait = self.delay(request)
        retry = self._retry(request, exception)
        if retry is not None and wait:
            await asyncio.sleep(wait)
        return retry


class SiteOnlyMiddleware:
    """Drops every request to a host other than the crawl's ``base_url`` (and, in a history run, the web archive's)
    (stat ``kyivind/offsite/dropped``).
    A spider that is not kyivind's (no run context) is not fenced."""

    def __init__(self, crawler):
        self.crawler = crawler
        run = RunContext.attached(crawler)
        self.base_host = run.urls.base_host if run is not None else None
        self.hosts = {self.base_host}
        if run is not None and run.args.source == "wayback":  # the CDX server's and the archive's hosts too
            from kyivind.sources.wayback import archive_hosts

            self.hosts |= archive_hosts(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        if self.base_host is None or urlsplit(request.url).netloc in self.hosts:
            return None
        self.crawler.stats.inc_value(keys.OFFSITE_DROPPED)
        logger.warning("Request to another host dropped: %s", request.url)
        raise IgnoreRequest(f"off-site request: {request.url}")
