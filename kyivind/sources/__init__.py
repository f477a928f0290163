"""Where article URLs and posts come from. Each source builds its own requests and reads its own
answers; the spider only routes answers to them.

- ``api.ContentApiSource``: Ghost's Content API (paging, filters, key rediscovery);
- ``listing.ListingWalk``: the tag's listing pages, fetched plainly or drawn in Chromium;
- ``sitemap.SitemapEdits``: the posts sitemap, whose ``lastmod`` tells which known articles were edited;
- ``articles.ArticleRequests``: the article fetches all of them ask for, each once per run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import scrapy

logger = logging.getLogger(__name__)

# listing, sitemap and API pages first: each one is found only on the one before, articles can wait
LISTING_PRIORITY = 10


@dataclass(frozen=True)
class Callbacks:
    """The spider methods that requests name (a JOBDIR queue stores a request's callback by name)."""

    api: Callable
    api_failed: Callable
    listing: Callable
    listing_failed: Callable
    rendered_listing: Callable
    render_failed: Callable
    sitemap: Callable
    sitemap_failed: Callable
    article: Callable
    article_failed: Callable


def failure_reason(failure) -> str:
    """What went wrong with a request, in a few words: "answered 500", "DNS lookup failed: ...",
    "Forbidden by robots.txt"..."""
    response = getattr(failure.value, "response", None)
    if response is not None:
        return f"answered {response.status}"
    return f"{type(failure.value).__name__}: {failure.getErrorMessage()}"[:300]


async def download(crawler, url: str):
    """One page fetched outside the scheduler (the answer is needed where it is asked for); None when it
    could not be had. Network faults were already retried by the downloader."""
    try:
        response = await crawler.engine.download_async(scrapy.Request(url, dont_filter=True))
    except Exception as error:
        logger.warning("Request %s failed: %s", url, error)
        return None
    return response if response.status == 200 and hasattr(response, "text") else None
