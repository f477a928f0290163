"""Sitemaps: page URLs with their ``lastmod``, and the child sitemaps of a sitemap index, read with Scrapy's own
sitemap parser (``scrapy.utils.sitemap.Sitemap``: lxml's iterparse with recovery, entities left unresolved, no
network). It is a pure function of the sitemap's bytes, like the rest of extraction."""

from __future__ import annotations

from kyivind.extraction.util import parse_datetime


def parse_sitemap(xml: str | bytes) -> tuple[dict[str, str | None], list[str]]:
    """({page URL: lastmod in UTC}, [child sitemap URLs]) of a sitemap or a sitemap index; what a broken file
    holds before the break is kept."""
    from lxml import etree
    from scrapy.utils.sitemap import Sitemap

    urls: dict[str, str | None] = {}
    children: list[str] = []
    try:
        sitemap = Sitemap(xml.encode("utf-8") if isinstance(xml, str) else xml)
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                children.append(loc)
            elif sitemap.type == "urlset":
                urls[loc] = parse_datetime(entry.get("lastmod"))
    except (etree.XMLSyntaxError, StopIteration):
        pass
    return urls, children


def sitemap_locs(xml: bytes):
    """The ``loc`` of each entry as it is read, with the file's kind: (``urlset`` | ``sitemapindex``, loc); a
    reader that has enough stops the parse there (what a broken file holds before the break is given)."""
    from lxml import etree
    from scrapy.utils.sitemap import Sitemap

    try:
        sitemap = Sitemap(xml)
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if loc:
                yield sitemap.type, loc
    except (etree.XMLSyntaxError, StopIteration):
        return
