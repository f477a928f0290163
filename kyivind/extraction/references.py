"""What an article cites and embeds: the outbound links of its body text, and its embedded posts and
cards.

``links``: every ``<a href>`` inside the body's text blocks (the paragraphs, headings, quotes and list
items that make ``body_text``), in page order, as ``{url, text, domain}``; links to the site itself are
kept. Links of cards, navigation and calls to action are not body text, so not links.

``embeds``: embedded posts and media cards, as ``{kind, url}``, in page order, each URL once. They are
found by what the embedding services themselves publish, whatever the theme: an ``<iframe>`` of the
player or post, X's ``blockquote`` with the status link, Instagram's ``data-instgrm-permalink``,
Telegram's ``data-telegram-post`` widget, and Ghost's bookmark card (a Koenig ``kg-bookmark-card``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from kyivind.extraction.chrome import TWEET_LINK
from kyivind.extraction.util import clean_text, join_url, split_url

EMBED_KINDS = ("x", "telegram", "youtube", "instagram", "facebook", "bookmark", "other")
_HOST_KINDS = (
    (re.compile(r"(^|\.)(twitter|x)\.com$"), "x"),
    (re.compile(r"(^|\.)(t\.me|telegram\.org|telegram\.me)$"), "telegram"),
    (re.compile(r"(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$"), "youtube"),
    (re.compile(r"(^|\.)instagram\.com$"), "instagram"),
    (re.compile(r"(^|\.)(facebook\.com|fb\.watch)$"), "facebook"),
)
_TWEET = re.compile(TWEET_LINK.pattern + r"\d+", re.I)  # the status link the chrome rules know, to its ID
_EMBEDS = etree.XPath(
    "descendant-or-self::iframe[@src or @data-src]"
    " | descendant-or-self::blockquote[.//a[contains(@href, '/status/')]]"
    " | descendant-or-self::*[@data-instgrm-permalink]"
    " | descendant-or-self::*[@data-telegram-post]"
    " | descendant-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' kg-bookmark-card ')]"
)
_ANCHORS = etree.XPath("descendant-or-self::a[@href]")


def domain(url: str) -> str:
    """The host of ``url`` in lower case, without ``www.`` or a port."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def _is_ghost_ref(parameter: str) -> bool:
    """``ref=<a host name>``: the value all letters, digits, dots and hyphens, with a dot inside it."""
    if not parameter.startswith("ref="):
        return False
    value = parameter[4:]
    return "." in value[1:-1] and _HOST_CHARS.issuperset(value)


def _without_ghost_ref(url: str) -> str:
    """Ghost's outbound link tagging adds ``?ref=<the site's host>`` to every link of a post; it is not part
    of the address cited. Read parameter by parameter (no pattern that backtracks over a long query)."""
    parts = urlsplit(url)
    if "ref=" not in parts.query:
        return url
    query = "&".join(p for p in parts.query.split("&") if not _is_ghost_ref(p)).rstrip("&")
    return parts._replace(query=query).geturl()


def _absolute(href: str | None, base_url: str | None) -> str | None:
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    url = join_url(base_url, href) if base_url else href
    if not url:
        return None
    if url.startswith("//"):
        url = "https:" + url
    parts = split_url(url)  # None: no URL, not a link anyone can follow
    return _without_ghost_ref(url) if parts is not None and parts.scheme in ("http", "https") else None


def links_of(blocks, base_url: str | None = None) -> list[dict]:
    """The links of the body's text blocks, in page order."""
    links = []
    for block in blocks:
        for a in block.iter("a"):  # _ANCHORS, without an XPath evaluation for each block of the body
            href = a.get("href")
            if href is None:
                continue
            url = _absolute(href, base_url)
            if url:
                links.append({"url": url, "text": clean_text(" ".join(a.itertext())) or None, "domain": domain(url)})
    return links


def embed_kind(url: str) -> str:
    host = domain(url)
    return next((kind for pattern, kind in _HOST_KINDS if pattern.search(host)), "other")


def _embed(el, base_url: str | None) -> dict | None:
    if el.tag == "iframe":
        url = _absolute(el.get("src") or el.get("data-src"), base_url)
        return {"kind": embed_kind(url), "url": url} if url else None
    if el.get("data-telegram-post"):
        return {"kind": "telegram", "url": f"https://t.me/{el.get('data-telegram-post').strip('/')}"}
    if el.get("data-instgrm-permalink"):
        url = _absolute(el.get("data-instgrm-permalink"), base_url)
        return {"kind": "instagram", "url": url.split("?")[0]} if url else None
    if el.tag == "blockquote":
        statuses = [h for h in el.xpath(".//a/@href") if _TWEET.match(h)]
        return {"kind": "x", "url": _TWEET.match(statuses[-1]).group(0)} if statuses else None
    for a in _ANCHORS(el):  # a bookmark card
        url = _absolute(a.get("href"), base_url)
        if url:
            return {"kind": "bookmark", "url": url}
    return None


def embeds_of(container, base_url: str | None = None) -> list[dict]:
    """The embeds inside ``container``, in page order, each URL once (an iframe inside a card counts once)."""
    embeds, seen, inside = [], set(), set()
    for el in _EMBEDS(container):
        if el in inside:
            continue
        found = _embed(el, base_url)
        if found is None or found["url"] in seen:
            continue
        inside.update(el.iter())
        seen.add(found["url"])
        embeds.append(found)
    return embeds
