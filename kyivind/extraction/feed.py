"""The site's RSS feed (Ghost's ``/rss/``, paged ``/rss/2/``, …), read with feedparser: what it says of each
post that a page without structured data may not show: every tag (``<category>``, in order), the exact
publication time (``pubDate``), the author (``<dc:creator>``: Ghost names the primary author; other feeds
repeat the element), the excerpt, the feature image (``media:content``) and the body
(``content:encoded``).

A feed that is not XML (an HTML page answered in its place), malformed or cut short is ``unusable``, with
the reason: nothing of it is used.
"""

from __future__ import annotations

import calendar
import xml.sax
from dataclasses import dataclass, field
from datetime import datetime, timezone

from parsel import Selector

from kyivind.extraction.util import clean_text, none_if_empty

FEED_TYPES = ("application/rss+xml", "application/atom+xml")


@dataclass
class FeedEntry:
    url: str
    title: str | None = None
    description: str | None = None
    published_at: str | None = None
    tags: list = field(default_factory=list)
    authors: list = field(default_factory=list)  # names
    image_url: str | None = None
    body_html: str | None = None


@dataclass
class Feed:
    entries: list = field(default_factory=list)
    problem: str | None = None  # why the feed cannot be used


def _text(html: str | None) -> str | None:
    if not html:
        return None
    return none_if_empty(clean_text(" ".join(Selector(text=f"<div>{html}</div>").xpath("//text()").getall())))


def _utc(parsed) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()


def _entry(item) -> FeedEntry | None:
    url = none_if_empty(item.get("link"))
    if not url:
        return None
    media = [m.get("url") for m in item.get("media_content") or [] if m.get("url")]
    content = [c.get("value") for c in item.get("content") or [] if c.get("value")]
    authors = [none_if_empty(a.get("name")) for a in item.get("authors") or []]
    return FeedEntry(
        url=url, title=none_if_empty(item.get("title")), description=_text(item.get("summary")),
        published_at=_utc(item.get("published_parsed")),
        tags=[t for t in (none_if_empty(tag.get("term")) for tag in item.get("tags") or []) if t],
        authors=[a for a in authors if a], image_url=media[0] if media else None,
        body_html=content[0] if content else None)


def parse_feed(body: bytes) -> Feed:
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version"):
        kind = "an HTML page" if b"<html" in body[:2000].lower() else "not an RSS or Atom feed"
        return Feed(problem=f"the feed is {kind}")
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and isinstance(error, xml.sax.SAXException):
        return Feed(problem=f"the feed is malformed or cut short: {str(error)[:200]}")
    return Feed(entries=[e for e in (_entry(item) for item in parsed.entries) if e is not None])


def feed_links(selector: Selector, base_url: str) -> list[str]:
    """The feeds a page names in its head (``<link rel="alternate" type="application/rss+xml">``)."""
    from urllib.parse import urljoin

    links = selector.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]")
    hrefs = [link.attrib.get("href", "").strip() for link in links if link.attrib.get("type") in FEED_TYPES]
    return [urljoin(base_url, h) for h in hrefs if h]
