"""From what extraction read to an ``ArticleItem``, whichever source gave the fields (a page or an API
post): canonical URL, dates checked, ``since`` applied, authors completed from their pages, and each field's source counted (``kyivind/field/<field>/<source>``, ``.../missing``)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from kyivind import statkeys as keys
from kyivind.crawl.author_pages import AuthorPages
from kyivind.crawl.context import RunContext
from kyivind.extraction import Extraction
from kyivind.extraction.references import domain
from kyivind.extraction.util import without_controls
from kyivind.items import CAPTURE_FIELDS, CAPTURE_REQUIRED, ArticleItem
from kyivind.state.failures import FailureLog
from kyivind.state.incremental import Incremental
from kyivind.state.store import capture_time, now_iso

logger = logging.getLogger(__name__)
FUTURE_MARGIN = timedelta(days=1)


class ItemBuilder:
    def __init__(self, crawler, run: RunContext, incremental: Incremental, failures: FailureLog,
                 author_pages: AuthorPages):
        self.crawler = crawler
        self.urls = run.urls
        self.since = run.args.since
        self.incremental = incremental
        self.failures = failures
        self.author_pages = author_pages

    @property
    def stats(self):
        return self.crawler.stats

    async def build(self, extraction: Extraction, fallback_url: str, requested_url: str | None = None,
                    capture: dict | None = None):
        """The one entry, for a page and for an API post: the item, or None when the article is older than
        ``since``. (Whether it changed since its last export is decided once it is whole, by the versioning
        pipeline.) Authors the page shows without role or bio are completed from their pages: the only
        wait, which most articles never meet. ``capture``: the WARC record read (kyivind/archive/writer.py)."""
        item = self._item(extraction, fallback_url, requested_url, capture)
        if item is not None:
            for author in item.authors:
                if self.author_pages.wanted(author):
                    await self.author_pages.fill(author)
        return item

    def _item(self, extraction: Extraction, fallback_url: str, requested_url: str | None, capture: dict | None):
        fields = extraction.fields
        reached_by = self.urls.public_url(requested_url or fallback_url)
        self.failures.succeeded(reached_by)
        if fields.get("url") and not self.urls.on_site(urljoin(fallback_url, fields["url"])):
            self.stats.inc_value(keys.OFF_SITE_CANONICAL)
            logger.warning("The canonical URL %.200s is not on the site, not used: the item keeps %s", fields["url"],
                           self.urls.public_url(fallback_url))
            fields["url"] = None
            fields["slug"] = None  # read from that URL: the one of the address fetched instead
        fields["url"] = self.urls.public_url(fields.get("url") or fallback_url)
        if not self.urls.on_site(fields["url"]):  # whatever the page, post or path said: never an item elsewhere
            self.stats.inc_value(keys.OFF_SITE_ITEM)
            self.failures.record(reached_by, "off_site_url", f"the item's URL {fields['url'][:200]} is not on the site")
            return None
        self.incremental.reached_by(fields["url"], reached_by)
        self._drop_future_dates(fields)
        fields["slug"] = fields.get("slug") or urlsplit(fields["url"]).path.strip("/").split("/")[-1]
        if self.since and fields.get("published_at") and fields["published_at"] < self.since:
            self.stats.inc_value(keys.SINCE_SKIPPED_ARTICLES)
            return None
        for author in fields["authors"]:
            if author.url:
                author.url = self.urls.public_url(author.url)
        for link in fields.get("links") or []:  # a link to the site, written on the replica or mirror
            if self.urls.on_site(link["url"]):
                link["url"] = self.urls.public_url(link["url"])
                link["domain"] = domain(link["url"])
        self._count_fields(fields, extraction.sources)
        for name in ArticleItem.__dataclass_fields__:  # no control character from the site reaches the feed
            if name in fields:
                cleaned = without_controls(fields[name])
                if cleaned != fields[name]:
                    self.stats.inc_value(keys.CONTROL_CHARACTERS)
                fields[name] = cleaned
        item = ArticleItem(**{k: v for k, v in fields.items() if k in ArticleItem.__dataclass_fields__})
        # when the answer was received: the capture's WARC-Date (in a re-extraction, the archived answer's), else now
        item.fetched_at = capture_time((capture or {}).get("date")) or now_iso()
        item.capture = {name: capture.get(name) for name in CAPTURE_FIELDS
                        if name in capture or name in CAPTURE_REQUIRED} if capture else None
        return item

    def _drop_future_dates(self, fields: dict) -> None:
        limit = (datetime.now(timezone.utc) + FUTURE_MARGIN).isoformat()
        for name in ("published_at", "modified_at"):
            if fields.get(name) and fields[name] > limit:
                self.stats.inc_value(keys.field_future(name))
                logger.warning("%s %s is in the future, not kept: %s", name, fields[name], fields["url"])
                fields[name] = None

    def _count_fields(self, fields: dict, sources: dict) -> None:
        inc = self.stats.inc_value
        for name, value in fields.items():
            if value in (None, "", []):
                inc(_field_key(name, "missing"))
            elif name in sources:
                inc(_field_key(name, sources[name]))


@lru_cache(maxsize=1024)
def _field_key(name: str, source: str) -> str:
    """The stats key of a field's source (``keys.field_source``, ``"missing"`` for ``keys.field_missing``), made
    once: an item counts each of its twenty fields."""
    return keys.field_source(name, source)
