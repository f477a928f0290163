"""Listing pages (``/tag/news-feed/`` and ``/page/N/``) and author pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from .layers.structure import block_text
from .page import Page, in_page_chrome
from .util import clean_text, decode_image_url, none_if_empty, parse_datetime

# First path segments that are never an article.
RESERVED = frozenset(
    "tag tags author authors page ghost p rss feed assets content members membership about contact search "
    "signup signin sign-up sign-in account subscribe donate privacy-policy privacy terms cookies sitemap.xml "
    "robots.txt favicon.ico _next api newsletter newsletters jobs careers news-archive advertise".split()
)
LEGACY_SECTIONS = frozenset({"national", "uncategorized", "world", "business", "opinion", "culture", "investigations"})
SHOW_MORE = re.compile(r"\b(show|load|see)\s+more\b", re.I)


def article_path(path: str) -> bool:
    """``/<slug>/`` or a legacy ``/<section>/<slug>/``."""
    parts = [p for p in path.split("/") if p]
    if len(parts) == 1:
        return parts[0] not in RESERVED and "." not in parts[0]
    return len(parts) == 2 and parts[0] in LEGACY_SECTIONS


@dataclass
class Listing:
    article_urls: list = field(default_factory=list)  # absolute URLs as written on the page
    card_dates: dict = field(default_factory=dict)  # article URL -> ISO date of its card, where shown
    off_site: list = field(default_factory=list)  # article-looking links to other hosts
    next_url: str | None = None
    has_show_more: bool = False
    script_count: int = 0


def _chrome(el) -> bool:
    return in_page_chrome(el) or bool(el.xpath("ancestor::*[@hidden]"))


def _card_date(a) -> str | None:
    node = a
    for _ in range(4):
        node = node.getparent()
        if node is None:
            return None
        times = node.xpath(".//time/@datetime")
        if times:
            links = {x for x in node.xpath(".//a/@href") if article_path(urlsplit(x).path)}
            return parse_datetime(times[0]) if len(links) <= 1 else None
    return None


def extract_listing(source: Selector | str, page_url: str, site_hosts: set[str]) -> Listing:
    sel = source if isinstance(source, Selector) else Selector(text=source)
    listing = Listing()
    for a in sel.root.xpath("//a[@href]"):
        href = urljoin(page_url, a.get("href"))
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or not article_path(parts.path) or _chrome(a):
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
    match = re.search(r"/page/(\d+)/?$", urlsplit(url).path)
    return int(match.group(1)) if match else 1


def _next_url(sel: Selector, page_url: str) -> str | None:
    href = sel.xpath("//link[@rel='next']/@href | //a[contains(concat(' ', @rel, ' '), ' next ')]/@href").get()
    if href:
        return urljoin(page_url, href)
    wanted = _page_number(page_url) + 1
    for href in sel.xpath("//a/@href").getall():
        url = urljoin(page_url, href)
        if "/page/" in url and _page_number(url) == wanted:
            return url
    return None


def _name_element(page: Page, name: str | None):
    """The element that shows the author's name on its own (a heading, usually), outside the page chrome."""
    if not name:
        return None
    wanted = name.lower()
    for el in page.root.xpath("//h1 | //h2 | //h3 | //h4 | //p | //div | //span"):
        if clean_text(el.text_content()).lower() == wanted and not _chrome(el) and not el.xpath("ancestor::a"):
            return el
    return page.title_el


@dataclass
class AuthorProfile:
    name: str | None = None
    slug: str | None = None
    image_url: str | None = None
    raw: str | None = None  # name, role line and bio as the page shows them, for the bio splitting
    bio: str | None = None  # from the page's structured data, where it has some


def extract_author_page(source: Selector | str, page_url: str) -> AuthorProfile:
    page = Page(source, page_url)
    profile = AuthorProfile(slug=next((p for p in reversed(urlsplit(page_url).path.split("/")) if p), None))
    for obj in page.jsonld_objects:
        if obj.get("@type") == "Person":
            profile.name = none_if_empty(obj.get("name"))
            profile.bio = none_if_empty(obj.get("description"))
            image = obj.get("image")
            profile.image_url = none_if_empty(image.get("url") if isinstance(image, dict) else image)
    if profile.name is None and page.title_el is not None:
        profile.name = page.text_of(page.title_el)
    if profile.name is None:
        title = clean_text(page.sel.xpath("//meta[@property='og:title']/@content").get()
                           or page.sel.xpath("//title/text()").get())
        profile.name = none_if_empty(re.split(r"\s+[|–—-]\s+", title)[0]) if title else None
    name_el = _name_element(page, profile.name)
    if name_el is not None:
        # the profile block: the name's nearest ancestor that holds more than the name,
        # stopping before it reaches the list of the author's articles
        node, raw = name_el.getparent(), None
        for _ in range(5):
            if node is None or node.xpath(".//time") or node.xpath(".//article") or node.tag in ("body", "main"):
                break
            raw = block_text(node)
            if len(raw) > len(profile.name or "") + 20:
                break
            node = node.getparent()
        profile.raw = raw
        if profile.image_url is None and node is not None:
            imgs = [decode_image_url(i.get("src"), page_url) for i in node.iter("img")]
            profile.image_url = next((u for u in imgs if u), None)
    if profile.name is None:
        profile.name = none_if_empty(page.sel.xpath("//meta[@property='og:title']/@content").get())
    return profile


def parse_sitemap(xml: str | bytes) -> tuple[dict[str, str | None], list[str]]:
    """({page URL: lastmod in UTC}, [child sitemap URLs]) of a sitemap or a sitemap index."""
    from lxml import etree

    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}, []
    if root is None:
        return {}, []
    urls: dict[str, str | None] = {}
    children: list[str] = []
    for node in root:
        tag = etree.QName(node).localname if isinstance(node.tag, str) else ""
        loc = next((c.text.strip() for c in node if isinstance(c.tag, str) and etree.QName(c).localname == "loc" and c.text), None)
        if not loc:
            continue
        if tag == "sitemap":
            children.append(loc)
        elif tag == "url":
            lastmod = next((c.text for c in node if isinstance(c.tag, str) and etree.QName(c).localname == "lastmod"), None)
            urls[loc] = parse_datetime(lastmod)
    return urls, children
