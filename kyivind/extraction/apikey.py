"""Finding the site's public Content API key in its pages and scripts.

A Ghost page carries it in the ``data-key`` attribute of the Portal and search scripts; a Next.js
front end carries it in its script bundle (``contentApiKey:"…"``, ``key: '…'``).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsel import Selector

DATA_KEY = re.compile(r'data-key="([0-9a-f]{20,40})"')
SCRIPT_KEY = re.compile(r"""(?:content_?api_?key|contentApiKey|apiKey|\bkey)["']?\s*[:=]\s*["']([0-9a-f]{26})["']""", re.I)


def key_in_page(html: str) -> str | None:
    match = DATA_KEY.search(html or "")
    return match.group(1) if match else None


def key_in_script(text: str) -> str | None:
    match = SCRIPT_KEY.search(text or "")
    return match.group(1) if match else None


def script_urls(html: str, page_url: str, limit: int = 5) -> list[str]:
    """Same-host script sources of a page, at most ``limit`` of them."""
    host = urlsplit(page_url).netloc
    urls: dict[str, None] = {}
    for src in Selector(text=html or "<html/>").xpath("//script/@src").getall():
        url = urljoin(page_url, src)
        if urlsplit(url).netloc == host:
            urls[url] = None
            if len(urls) == limit:  # a page of 10,000 scripts costs no more than one of five
                break
    return list(urls)
