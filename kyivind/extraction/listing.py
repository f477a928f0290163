"""Listing pages: ``/tag/<tag>/`` and its older pages (``/page/N/``): article links, card dates, the next page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree
from parsel import Selector

from kyivind.extraction.chrome import outside_content
from kyivind.extraction.slugs import is_slug
from kyivind.extraction.util import clean_text, join_url, parse_datetime, split_url

# First path segments that are never an article.
RESERVED = frozenset(
    "tag tags author authors page ghost p rss feed assets content members membership about contact search "
    "signup signin sign-up sign-in account subscribe donate privacy-policy privacy terms cookies sitemap.xml "
    "robots.txt favicon.ico _next api newsletter newsletters jobs careers news-archive advertise".split()
)
LEGACY_SECTIONS = frozenset({"national", "uncategorized", "world", "business", "opinion", "culture", "investigations"})
# the label of a button that loads older cards; the browser clicks the same (kyivind/crawl/render.py)
SHOW_MORE = re.compile(r"^\s*(show|load|see)\s+more\b", re.I)


def article_slug(path: str, sections=LEGACY_SECTIONS) -> str | None:
    """The slug of an article's path: ``/<slug>/`` (no reserved page of the site, no file), or ``/<section>/<slug>/``
    for one of ``sections`` (the site's legacy sections by default; none: the one-part form alone); else None. The
    slug is one as Ghost makes them (``slugs.is_slug``): no control character, no upper case, no file name."""
    parts = [p for p in path.split("/") if p]
    if len(parts) == 2 and parts[0] in sections:
        parts = parts[1:]
    if len(parts) == 1 and parts[0] not in RESERVED and is_slug(parts[0]):
        return parts[0]
    return None


def article_path(path: str) -> bool:
    """``/<slug>/`` or a legacy ``/<section>/<slug>/``."""
    return article_slug(path) is not None


@dataclass
class Listing:
    article_urls: list = field(default_factory=list)  # absolute URLs as written on the page
    card_dates: dict = field(default_factory=dict)  # article URL -> ISO date of its card, where shown
    off_site: list = field(default_factory=list)  # article-looking links to other hosts
    next_url: str | None = None
    has_show_more: bool = False
    script_count: int = 0


_ANCHORS = etree.XPath("//a[@href]")


def _path(url: str) -> str:
    parts = split_url(url)
    return parts.path if parts is not None else ""


def _card_date(a) -> str | None:
    """The date of a link's card: the first ``<time datetime>`` below its nearest ancestor (up to four) that has
    one (``.//time/@datetime``), where that ancestor links to one article at most (``.//a/@href``); read by walks
    below each ancestor (in C), not an XPath evaluation for each card."""
    node = a
    for _ in range(4):
        node = node.getparent()
        if node is None:
            return None
        first = next((t for t in node.iterdescendants("time") if t.get("datetime") is not None), None)
        if first is not None:
            links = {x for x in (d.get("href") for d in node.iterdescendants("a")) if x is not None
                     and article_path(_path(x))}
            return parse_datetime(first.get("datetime")) if len(links) <= 1 else None
    return None


def extract_listing(source: Selector | str, page_url: str, site_hosts: set[str]) -> Listing:
    sel = source if isinstance(source, Selector) else Selector(text=source)
    listing = Listing()
    for a in _ANCHORS(sel.root):
        href = join_url(page_url, a.get("href"))
        if href is None:  # no URL (an unclosed IPv6 host)
            continue
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or not article_path(parts.path) or outside_content(a):
            continue
        url = parts._replace(query="", fragment="").geturl()
        if parts.netloc not in site_hosts:
            if url not in listing.off_site:
                listing.off_site.append(url)
            continue
        if url not in listing.article_urls:
            listing.article_urls.append(url)
            date = _card_date(a)
            if date:
                listing.card_dates[url] = date
    listing.next_url = _next_url(sel, page_url)
    buttons = sel.xpath("//button | //a[not(@href) or @href='#']")
    listing.has_show_more = any(SHOW_MORE.search(clean_text(b.xpath("string()").get())) for b in buttons)
    listing.script_count = len(sel.xpath("//script[@src or string-length(normalize-space(.)) > 0]"))
    return listing


def _page_number(url: str) -> int:
    match = re.search(r"/page/(\d+)/?$", _path(url))
    return int(match.group(1)) if match else 1


def _next_url(sel: Selector, page_url: str) -> str | None:
    href = sel.xpath("//link[@rel='next']/@href | //a[contains(concat(' ', @rel, ' '), ' next ')]/@href").get()
    if href:
        return join_url(page_url, href)
    wanted = _page_number(page_url) + 1
    for href in sel.xpath("//a/@href").getall():
        url = join_url(page_url, href)
        if url and "/page/" in url and _page_number(url) == wanted:
            return url
    return None
