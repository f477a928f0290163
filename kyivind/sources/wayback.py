"""Web archives as a source (``-a source=wayback``): the CDX server's list of the site's captures, then each
article's distinct captures, one after another in capture order, fetched raw from the archive and read by the
same extraction as a live page (see ``kyivind/history``).

Every request to the archive goes through one download slot (``kyivind-archive``): one at a time, at most one a
second by default (``KYIVIND_WAYBACK_DELAY``), retried with backoff on 429 and 503 like any request, each answer
kept in the run's WARC with the archive's URL and the original one. The CDX list is read page by page with its
resume key (``KYIVIND_CDX_PAGE_SIZE`` rows, at most ``KYIVIND_CDX_MAX_PAGES`` pages); every request carries what
follows it, so a JOBDIR resumes a killed run where it stopped.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import scrapy

from kyivind import statkeys as keys
from kyivind.archive.writer import CAPTURE_META
from kyivind.crawl.context import RunContext, bound_reached, fail_run
from kyivind.extraction import extract_article
from kyivind.extraction.challenge import is_challenge_page
from kyivind.history import cdx
from kyivind.history.plan import plan
from kyivind.history.urls import capture_time, replay_url
from kyivind.sources import LISTING_PRIORITY, routed

logger = logging.getLogger(__name__)
SLOT = "kyivind-archive"
ARCHIVED_META = "kyivind_archived"  # {"original", "archived_at", "url"}: read by the WARC writer


def archive_hosts(settings) -> set[str]:
    """The hosts a history run asks: the CDX server's and the archive's."""
    return {urlsplit(settings.get(name)).netloc for name in ("KYIVIND_CDX_URL", "KYIVIND_WAYBACK_URL")}


class WaybackSource:
    def __init__(self, crawler, run: RunContext, incremental, builder):
        self.crawler = crawler
        self.run = run
        self.urls = run.urls
        self.incremental = incremental
        self.builder = builder
        settings = crawler.settings
        self.cdx_url = settings.get("KYIVIND_CDX_URL")
        self.wayback_url = settings.get("KYIVIND_WAYBACK_URL")
        self.page_size = settings.getint("KYIVIND_CDX_PAGE_SIZE")
        self.max_pages = settings.getint("KYIVIND_CDX_MAX_PAGES")
        self.max_captures = settings.getint("KYIVIND_WAYBACK_MAX_CAPTURES")

    @property
    def stats(self):
        return self.crawler.stats

    def _meta(self, **more) -> dict:
        # the archive's robots.txt is not the site's; the CDX and replay APIs are the archives' interfaces for programs
        return {"download_slot": SLOT, "autothrottle_dont_adjust_delay": True, "dont_obey_robotstxt": True,
                "handle_httpstatus_all": True, **more}

    def cdx_request(self, page: int = 1, resume_key: str | None = None) -> scrapy.Request:
        url = cdx.query(self.cdx_url, self.urls.site_host, self.run.args.since, self.page_size, resume_key)
        return routed(self.crawler, url, "cdx", meta=self._meta(), priority=LISTING_PRIORITY, dont_filter=True,
                      cb_kwargs={"page": page})

    def parse_cdx(self, response, page: int):
        if response.status != 200:
            fail_run(self.crawler, f"the CDX server {self.cdx_url} answered {response.status}: no history this run")
            return
        found = cdx.parse(response.body)
        self.stats.inc_value(keys.WAYBACK_CDX_PAGES)
        self.stats.inc_value(keys.WAYBACK_CDX_CAPTURES, len(found.captures))
        if found.bad_lines:
            self.stats.inc_value(keys.WAYBACK_CDX_BAD_LINES, found.bad_lines)
            logger.warning("CDX page %d: %d lines are no capture, skipped", page, found.bad_lines)
        made = plan(found.captures, self.urls.site_url, self.max_captures)
        for reason, count in made.skipped.items():
            self.stats.inc_value(keys.wayback_skipped(reason), count)
        logger.info("CDX page %d: %d captures, %d articles to fetch", page, len(found.captures), len(made.chains))
        for url, chain in made.chains.items():
            self.stats.inc_value(keys.WAYBACK_ARTICLES)
            yield self.capture_request(url, chain)
        if found.resume_key:
            if page >= self.max_pages:
                bound_reached(self.crawler, "cdx_pages", f"the CDX list goes on past {self.max_pages} pages "
                                                         "(KYIVIND_CDX_MAX_PAGES); the rest is not read",
                              short=f"the archive lists more captures than {self.max_pages} CDX pages hold: the "
                                    "history of the articles after them was not read")
            else:
                yield self.cdx_request(page + 1, found.resume_key)

    def cdx_failed(self, failure) -> None:
        fail_run(self.crawler, f"the CDX server {self.cdx_url} could not be read: {failure.getErrorMessage()}"[:300])

    def capture_request(self, url: str, chain: list[list[str]]) -> scrapy.Request | None:
        """The request of the first capture of ``chain``; the rest travel with it."""
        if not chain:
            return None
        (timestamp, original), rest = chain[0], chain[1:]
        self.stats.inc_value(keys.WAYBACK_REQUESTS)
        archived = {"original": original, "archived_at": capture_time(timestamp), "url": url}
        return routed(self.crawler, replay_url(self.wayback_url, timestamp, original), "capture", dont_filter=True,
                      meta=self._meta(**{ARCHIVED_META: archived}),
                      cb_kwargs={"url": url, "rest": rest})

    async def parse_capture(self, response, url: str, rest: list):
        """The item of one capture (when it holds an article of the run's tag), then the next capture's request."""
        archived = response.meta[ARCHIVED_META]
        extraction = self.read(response, archived)
        if extraction is not None:
            capture = {**(response.meta.get(CAPTURE_META) or {}), "date": archived["archived_at"],
                       "archive_url": response.url}
            item = await self.builder.build(extraction, url, None, capture)
            if item is not None:
                yield item
        following = self.capture_request(url, rest)
        if following is not None:
            yield following

    def read(self, response, archived: dict):
        """The extraction of an archived page, with the article's address of today, or None (counted, said)."""
        text = getattr(response, "text", None) if response.status == 200 else None
        if text is None or is_challenge_page(text):
            return self._unreadable(response, f"answered {response.status}" if response.status != 200 else
                                    "no HTML" if text is None else "a bot-challenge page")
        try:
            extraction = extract_article(text, archived["original"], self.run.timezone)
        except Exception as error:  # a page no rule foresaw: counted, the next capture still read
            return self._unreadable(response, f"extraction failed: {type(error).__name__}: {error}")
        if not extraction.is_article:
            return self._unreadable(response, "no article in it")
        if not self.of_the_tag(extraction, archived):
            self.stats.inc_value(keys.WAYBACK_OTHER_TAG)
            logger.debug("Archived %s is not of the tag %s: skipped", archived["original"], self.run.tag)
            return None
        extraction.fields["url"], extraction.fields["slug"] = archived["url"], None  # today's address
        return extraction

    def of_the_tag(self, extraction, archived: dict) -> bool:
        """A known article, one filed under the tag's old section, or one whose page names the tag."""
        if self.incremental.known([archived["url"]]) or self.incremental.archived.get(archived["url"]):
            return True
        if urlsplit(archived["original"]).path.strip("/").split("/")[0] == self.run.tag:
            return True
        names = [extraction.fields.get("primary_tag") or "", *(extraction.fields.get("tags") or [])]
        return self.run.tag in {"-".join(str(name).lower().split()) for name in names}

    def _unreadable(self, response, why: str) -> None:
        self.stats.inc_value(keys.WAYBACK_UNREADABLE)
        logger.warning("Archived capture %s: %s; the article's other captures are still read", response.url, why[:300])
        return None

    def capture_failed(self, failure):
        """A capture that got no answer: said and counted; the article's next capture is asked all the same."""
        request = failure.request
        self.stats.inc_value(keys.WAYBACK_UNREADABLE)
        logger.warning("Archived capture %s failed: %s", request.url, failure.getErrorMessage()[:300])
        kwargs = request.cb_kwargs
        following = self.capture_request(kwargs["url"], kwargs["rest"])
        return [following] if following is not None else []
