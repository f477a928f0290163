"""Where article URLs and posts come from. Each source builds its own requests and reads its own
answers; the spider only routes answers to them.

- ``api.ContentApiSource``: Ghost's Content API (paging, filters, key rediscovery);
- ``listing.ListingWalk``: the tag's listing pages, fetched plainly or drawn in Chromium;
- ``sitemap.SitemapEdits``: the posts sitemap, whose ``lastmod`` tells which known articles were edited;
- ``article_requests.ArticleRequests``: the article fetches all of them ask for, each once per run;
- ``rss``: the RSS feed, which fills what pages without structured data lack.

Each names its requests' route (``routed``); the spider hands each answer to the source of that route.
"""

from __future__ import annotations

import logging

import scrapy

logger = logging.getLogger(__name__)

# listing, sitemap and API pages first: each one is found only on the one before, articles can wait
LISTING_PRIORITY = 10


ROUTE = "kyivind_route"  # the request meta naming which source reads its answer (spiders/newsfeed.py routes)


def routed(crawler, url: str, route: str, meta: dict | None = None, **kwargs) -> scrapy.Request:
    """A request whose answer (or failure) the spider hands to the source named ``route``: every request has
    the spider's one callback and one errback, which a JOBDIR queue stores by name."""
    spider = crawler.spider
    return scrapy.Request(url, callback=spider.route, errback=spider.route_failed,
                          meta={**(meta or {}), ROUTE: route}, **kwargs)


def failure_reason(failure) -> str:
    """What went wrong with a request, in a few words: "answered 500", "DNS lookup failed: ...",
    "Forbidden by robots.txt"..."""
    response = getattr(failure.value, "response", None)
    if response is not None:
        return f"answered {response.status}"
    return f"{type(failure.value).__name__}: {failure.getErrorMessage()}"[:300]


# failures that mean the site was never reached (no answer at all), by class name: Scrapy's own and Twisted's
UNREACHED = frozenset(("DownloadConnectionRefusedError", "CannotResolveHostError", "DownloadTimeoutError",
                       "DNSLookupError", "ConnectionRefusedError", "ConnectError", "TCPTimedOutError", "TimeoutError",
                       "TunnelError", "NoRouteError", "ConnectingCancelledError"))


def unreached_hint(failure, base_url: str) -> str:
    """What to check when a request got no answer at all: the network, a proxy, ``base_url``; '' otherwise."""
    import os

    if getattr(failure.value, "response", None) is not None or type(failure.value).__name__ not in UNREACHED:
        return ""
    proxies = [name for name in ("https_proxy", "http_proxy", "HTTPS_PROXY", "HTTP_PROXY") if os.environ.get(name)]
    proxy = f"the proxy in {proxies[0]}" if proxies else "a proxy (none is set: HTTPS_PROXY)"
    return f"; the site could not be reached: check the network, {proxy}, and base_url ({base_url})"


async def download(crawler, url: str, meta: dict | None = None, any_status: bool = False,
                   log_level: int = logging.WARNING):
    """One page fetched outside the scheduler (the answer is needed where it is asked for); None when it
    could not be had (said at ``log_level``), or with ``any_status`` False when it is no 200 page. Network faults
    were already retried by the downloader."""
    try:
        response = await crawler.engine.download_async(scrapy.Request(url, dont_filter=True, meta=meta or {}))
    except Exception as error:
        logger.log(log_level, "Request %s failed: %s", url, error)
        return None
    return response if any_status or (response.status == 200 and hasattr(response, "text")) else None
