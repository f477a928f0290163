"""Web archives as a source (``-a source=wayback``): the CDX server's list of the site's captures, then each
article's distinct captures, one after another in capture order, fetched raw from the archive and read by the
same extraction as a live page (see ``kyivind/history``).

Every request to the archive goes through one download slot (``kyivind-archive``): one at a time, at most one a
second by default (``KYIVIND_WAYBACK_DELAY``), retried with backoff on 429 and 503 like any request, each answer
kept in the run's WARC with the archive's URL and the original one. The CDX list is read page by page with its
resume key (``KYIVIND_CDX_PAGE_SIZE`` rows, at most ``KYIVIND_CDX_MAX_PAGES`` pages).

What to read is kept in the run state, not only in the request queue: each page's captures go to the state's
``captures`` table, how far the CDX list was read to its ``meta``, and each capture is marked read once its item
went through the pipelines. A history run that was killed (``kill -9`` included), stopped by the run deadline or
resumed from a JOBDIR goes on where it stopped, and a capture is fetched once across runs: a later history run
reads only the captures the archive made since. ``KYIVIND_WAYBACK_CHAINS`` articles are read at a time; requests a
killed run left in a JOBDIR queue are told apart by their run token and not followed.

Nothing an archive says is taken on trust: a CDX row with a control character in a field or a timestamp that is
no date is refused (``history/cdx.py``), a capture whose replay URL is longer than ``URLLENGTH_LIMIT`` is never
planned (Scrapy would drop its request without a word), and a capture request dropped all the same (a middleware,
the scheduler) frees its article's slot: at the latest when the run goes idle, it is asked again next run. A
capture is an article's version only when the archive answered it from a replay address of that article and the
page names no other address (its canonical URL). Captures that give no version are counted by why and said in
one WARNING at the end of the run; a run that had captures left and could read none fails.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from urllib.parse import unquote, urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from kyivind import statkeys as keys
from kyivind.archive.writer import CAPTURE_META
from kyivind.crawl.context import RunContext, bound_reached, fail_run
from kyivind.extraction import extract_article
from kyivind.extraction.challenge import is_challenge_page
from kyivind.history import cdx
from kyivind.history.plan import IMPLAUSIBLE_TIME, plan
from kyivind.history.timeline import implausible_time
from kyivind.history.urls import (
    archived_when,
    article_url,
    capture_time,
    replay_url,
    replayed_original,
    request_url_length,
)
from kyivind.sources import LISTING_PRIORITY, ROUTE, routed

logger = logging.getLogger(__name__)
SLOT = "kyivind-archive"
ARCHIVED_META = "kyivind_archived"  # {"original", "archived_at", "url", "archive"}: read by the WARC writer
MAX_REASONS = 20  # kinds of unreadable captures told apart in the stats and the summary line; the others: "other"
PROGRESS = "history_cdx"  # the state's meta: "page <N> <resume key>" while the CDX list is read, "read", "done"


def same_article(found: str | None, url: str) -> bool:
    """Whether ``found`` (an article's address today, or None) is ``url``, escaped or not."""
    return found is not None and unquote(found) == unquote(url)


def archive_hosts(settings) -> set[str]:
    """The hosts a history run asks: the CDX server's and the archive's."""
    return {urlsplit(settings.get(name)).netloc for name in ("KYIVIND_CDX_URL", "KYIVIND_WAYBACK_URL")}


class WaybackSource:
    def __init__(self, crawler, run: RunContext, incremental, builder):
        self.crawler = crawler
        self.run = run
        self.urls = run.urls
        self.incremental = incremental
        self.state = incremental.state
        self.builder = builder
        settings = crawler.settings
        self.cdx_url = settings.get("KYIVIND_CDX_URL")
        self.wayback_url = settings.get("KYIVIND_WAYBACK_URL")
        self.page_size = settings.getint("KYIVIND_CDX_PAGE_SIZE")
        self.max_pages = settings.getint("KYIVIND_CDX_MAX_PAGES")
        self.max_captures = settings.getint("KYIVIND_WAYBACK_MAX_CAPTURES")
        self.chains = max(1, settings.getint("KYIVIND_WAYBACK_CHAINS"))
        self.url_limit = settings.getint("URLLENGTH_LIMIT")  # 0: none
        self.token = uuid.uuid4().hex[:12]  # this run's: a request a killed run left queued is not followed
        self.active: dict[str, str] = {}  # the articles whose captures are being read -> the timestamp asked
        self.unreadable: Counter = Counter()  # why captures gave no version -> how many
        self.examples: dict[str, tuple[str, str]] = {}  # reason -> (why, the capture) of the first, for the summary
        self.refused_said = False

    @property
    def stats(self):
        return self.crawler.stats

    def _meta(self, **more) -> dict:
        # the archive's robots.txt is not the site's; the CDX and replay APIs are the archives' interfaces for programs
        return {"download_slot": SLOT, "autothrottle_dont_adjust_delay": True, "dont_obey_robotstxt": True,
                "kyivind_history_run": self.token, **more}

    def _stale(self, request) -> bool:
        if request.meta.get("kyivind_history_run") == self.token:
            return False
        self.stats.inc_value(keys.WAYBACK_STALE)
        return True

    # --- the CDX list ------------------------------------------------------------------------------
    def start(self):
        """The first requests: the CDX list from the start, or from where a stopped run left it, and the captures
        left to read."""
        if self.state is None:
            fail_run(self.crawler, "source=wayback keeps its progress in the run state: KYIVIND_STATE_ENABLED is off")
            return
        self.crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)
        self.crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        self.crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        self.state.retry_failed_captures()
        progress = self.state.meta(PROGRESS) or "done"
        if progress == "done":
            self.state.set_meta(PROGRESS, "page 1 ")
            yield self.cdx_request(1)
            return
        logger.info("A history run was stopped before its end: it goes on (%s)",
                    "every CDX page read" if progress == "read" else f"the CDX list from {progress}")
        if progress.startswith("page "):
            _, page, key = progress.split(" ", 2)
            yield self.cdx_request(int(page), key or None)
        yield from self.more_chains()

    def cdx_request(self, page: int = 1, resume_key: str | None = None) -> scrapy.Request:
        url = cdx.query(self.cdx_url, self.urls.site_host, self.run.args.since, self.page_size, resume_key)
        return routed(self.crawler, url, "cdx", meta=self._meta(handle_httpstatus_all=True), priority=LISTING_PRIORITY,
                      dont_filter=True, cb_kwargs={"page": page, "resume_key": resume_key})

    def parse_cdx(self, response, page: int, resume_key: str | None = None):
        if self._stale(response.request):
            return
        if response.status != 200:
            fail_run(self.crawler, f"the CDX server {self.cdx_url} answered {response.status}: no history this run")
            return
        found = cdx.parse(response.body, self.page_size)
        self.stats.inc_value(keys.WAYBACK_CDX_PAGES)
        self.stats.inc_value(keys.WAYBACK_CDX_CAPTURES, len(found.captures))
        if found.bad_lines:
            self.stats.inc_value(keys.WAYBACK_CDX_BAD_LINES, found.bad_lines)
            logger.warning("CDX page %d: %d lines are no capture, skipped", page, found.bad_lines)
        if found.refused:
            for reason, count in found.refused.items():
                self.stats.inc_value(keys.wayback_cdx_refused(reason), count)
            logger.warning("CDX page %d: %s refused (the first: %s)", page, ", ".join(
                f"{count} rows with {reason.replace('_', ' ')}" if reason == cdx.CONTROL_CHARACTERS else
                f"{count} rows whose timestamp is no date" for reason, count in sorted(found.refused.items())),
                found.example)
        if found.over_limit:
            bound_reached(self.crawler, "cdx_page_size", f"CDX page {page} holds more rows than the {self.page_size} "
                                                         "asked (KYIVIND_CDX_PAGE_SIZE): the rows past them are not read",
                          short="the CDX server answered more rows than a page holds: the history of the articles "
                                "past them was not read")
        made = plan(found.captures, self.urls.site_url, self.max_captures, fits=self.fits)
        for reason, count in made.skipped.items():
            self.stats.inc_value(keys.wayback_skipped(reason), count)
        if made.skipped.get("url_too_long"):
            logger.warning("CDX page %d: %d captures of articles left out: their replay URL is longer than "
                           "URLLENGTH_LIMIT (%d), so no request could ask them", page, made.skipped["url_too_long"],
                           self.url_limit)
        if made.skipped.get(IMPLAUSIBLE_TIME):
            logger.warning("CDX page %d: %d captures dated in the future or before the site existed, left out", page,
                           made.skipped[IMPLAUSIBLE_TIME])
        self.state.plan_captures([(url, ts, original) for url, chain in made.chains.items() for ts, original in chain])
        self.stats.inc_value(keys.WAYBACK_ARTICLES, len(made.chains))
        logger.info("CDX page %d: %d captures of %d articles", page, len(found.captures), len(made.chains))
        following = None
        if found.resume_key and found.resume_key == resume_key:
            bound_reached(self.crawler, "cdx_repeat", f"CDX page {page} names the resume key it was asked with "
                                                      f"({resume_key[:80]!r}): the list would never end",
                          short="the CDX server's resume key repeats itself: the history of the articles after "
                                f"page {page} was not read")
        elif found.resume_key and page >= self.max_pages:
            bound_reached(self.crawler, "cdx_pages", f"the CDX list goes on past {self.max_pages} pages "
                                                     "(KYIVIND_CDX_MAX_PAGES); the rest is not read",
                          short=f"the archive lists more captures than {self.max_pages} CDX pages hold: the "
                                "history of the articles after them was not read")
        elif found.resume_key and (cdx.CONTROLS.search(found.resume_key) or self.url_limit and len(
                self.cdx_request(page + 1, found.resume_key).url) > self.url_limit):
            bound_reached(self.crawler, "cdx_resume_key", f"CDX page {page} names a resume key that cannot be asked "
                                                          f"(control characters, or longer than URLLENGTH_LIMIT): "
                                                          f"{ascii(found.resume_key)[:80]}",
                          short="the CDX server's resume key cannot be asked: the history of the articles after "
                                f"page {page} was not read")
        elif found.resume_key:
            following = self.cdx_request(page + 1, found.resume_key)
        self.state.set_meta(PROGRESS, f"page {page + 1} {found.resume_key}" if following is not None else "read")
        if following is not None:
            yield following
        yield from self.more_chains()

    def cdx_failed(self, failure) -> None:
        if not self._stale(failure.request):
            fail_run(self.crawler, f"the CDX server {self.cdx_url} could not be read: {failure.getErrorMessage()}"[:300])

    def fits(self, capture: cdx.CdxCapture) -> bool:
        """Whether the capture's replay URL is short enough to be asked (``URLLENGTH_LIMIT``; 0: any)."""
        return not self.url_limit or request_url_length(replay_url(self.wayback_url, capture.timestamp,
                                                                   capture.original)) <= self.url_limit

    def why_not(self, timestamp: str, original: str) -> str | None:
        """Why a capture planned (by this or an earlier run) cannot be asked, or None."""
        if not cdx.valid_timestamp(timestamp):
            return cdx.BAD_TIMESTAMP
        if cdx.CONTROLS.search(original):
            return cdx.CONTROL_CHARACTERS
        if not self.fits(cdx.CdxCapture(timestamp, original, "", "", "")):
            return "url_too_long"
        return None

    # --- the captures ------------------------------------------------------------------------------
    def more_chains(self):
        """Requests for the next articles with captures left, up to ``KYIVIND_WAYBACK_CHAINS`` at a time; the run's
        history is done once none is left and the CDX list was read."""
        for url in self.state.unread_urls(set(self.active), self.chains - len(self.active)):
            request = self.capture_request(url)
            if request is not None:
                self.active[url] = request.cb_kwargs["timestamp"]
                yield request
        if not self.active and self.state.meta(PROGRESS) == "read":
            self.state.set_meta(PROGRESS, "done")

    def capture_request(self, url: str) -> scrapy.Request | None:
        """The request of the oldest capture of ``url`` left to read, or None. A capture that cannot be asked (an
        earlier run planned it before such captures were refused) is set aside for good, counted."""
        found = self.state.unread_capture(url)
        while found is not None and (why := self.why_not(*found)) is not None:  # each turn sets one row aside
            self.stats.inc_value(keys.wayback_refused(why))
            if not self.refused_said:
                self.refused_said = True
                logger.warning("Captures planned earlier that cannot be asked are set aside (kyivind/wayback/refused/"
                               "<why>); the first: %s at %s: %s", ascii(found[1])[:200], found[0], why.replace("_", " "))
            self.state.capture_read(url, found[0])
            found = self.state.unread_capture(url)
        if found is None:
            return None
        timestamp, original = found
        self.stats.inc_value(keys.WAYBACK_REQUESTS)
        archived = {"original": original, "archived_at": capture_time(timestamp), "url": url,
                    "archive": self.wayback_url}
        return routed(self.crawler, replay_url(self.wayback_url, timestamp, original), "capture", dont_filter=True,
                      # redirects are followed (an archive answers the nearest capture so); a capture the archive
                      # does not have (404, 410) is read as such, any other error is asked again next run
                      meta=self._meta(**{ARCHIVED_META: archived}, handle_httpstatus_list=[404, 410]),
                      cb_kwargs={"url": url, "timestamp": timestamp})

    def _following(self, url: str):
        following = self.capture_request(url)
        if following is not None:
            self.active[url] = following.cb_kwargs["timestamp"]
            yield following
            return
        self.active.pop(url, None)
        yield from self.more_chains()

    async def parse_capture(self, response, url: str, timestamp: str):
        """The item of one capture (when it holds an article of the run's tag), then the next capture's request.
        The capture counts as read once its item went through the pipelines (one item at a time,
        ``CONCURRENT_ITEMS = 1``): a run killed before that reads it again."""
        if self._stale(response.request):
            return
        self.stats.inc_value(keys.WAYBACK_ANSWERED)
        when, why = archived_when(response.url, response.headers, response.meta[ARCHIVED_META])
        archived = {**response.meta[ARCHIVED_META], "archived_at": when}
        replayed = replayed_original(response.url, self.wayback_url)
        implausible = implausible_time(when) if when else None
        if not archived["archived_at"]:
            extraction = self._unreadable(response, "outside_archive" if why.startswith("redirected") else "undated",
                                          why.replace(f"to {response.url[:200]}", "to the site or elsewhere"))
        elif implausible:  # a Memento-Datetime of 2099 (or of before the site) would freeze the article
            self.stats.inc_value(keys.WAYBACK_IMPLAUSIBLE_TIME)
            extraction = self._unreadable(response, "implausible_time", f"its capture time is {implausible}")
        elif not same_article(replayed and article_url(replayed, self.urls.site_url), url):
            extraction = self._unreadable(response, "other_article", "the archive answered from the address of "
                                          "another article or none" if replayed else
                                          "the archive answered from no replay address")
        else:
            extraction = self.read(response, archived)
        if extraction is not None:
            capture = {**(response.meta.get(CAPTURE_META) or {}), "date": archived["archived_at"],
                       "archive_url": response.url}
            item = await self.builder.build(extraction, url, None, capture)
            if item is not None:
                yield item
        self.state.capture_read(url, timestamp)
        for request in self._following(url):
            yield request

    def read(self, response, archived: dict):
        """The extraction of an archived page, with the article's address of today, or None (counted, said)."""
        text = getattr(response, "text", None) if response.status == 200 else None
        if response.status != 200:
            return self._unreadable(response, f"answered_{response.status}", f"answered {response.status}")
        if text is None or is_challenge_page(text):
            return self._unreadable(response, "no_html" if text is None else "challenge",
                                    "no HTML" if text is None else "a bot-challenge page")
        try:
            extraction = extract_article(text, archived["original"], self.run.timezone)
        except Exception as error:  # a page no rule foresaw: counted, the next capture still read
            return self._unreadable(response, "extraction_failed",
                                    f"extraction failed: {type(error).__name__}: {error}")
        if not extraction.is_article:
            return self._unreadable(response, "no_article", "no article in it")
        named = extraction.fields.get("url")
        if named and not self.names_the_article(named, archived):
            return self._unreadable(response, "other_article",
                                    f"its page names another address: {ascii(named)[:200]}")
        if not self.of_the_tag(extraction, archived):
            self.stats.inc_value(keys.WAYBACK_OTHER_TAG)
            logger.debug("Archived %s is not of the tag %s: skipped", archived["original"], self.run.tag)
            return None
        extraction.fields["url"], extraction.fields["slug"] = archived["url"], None  # today's address
        return extraction

    def names_the_article(self, named: str, archived: dict) -> bool:
        """Whether the address a page gives itself (canonical link, ``og:url``, structured data) is the article's
        it was captured under (old forms of it included)."""
        try:
            found = article_url(self.urls.public_url(urljoin(archived["original"], str(named))), self.urls.site_url)
        except ValueError:  # no URL at all (``http://[::1``)
            return False
        return same_article(found, archived["url"])

    def of_the_tag(self, extraction, archived: dict) -> bool:
        """A known article, one filed under the tag's old section, or one whose page names the tag."""
        if self.incremental.known([archived["url"]]) or self.incremental.archived.get(archived["url"]):
            return True
        if urlsplit(archived["original"]).path.strip("/").split("/")[0] == self.run.tag:
            return True
        names = [extraction.fields.get("primary_tag") or "", *(extraction.fields.get("tags") or [])]
        return self.run.tag in {"-".join(str(name).lower().split()) for name in names}

    def _unreadable(self, response_or_url, reason: str, why: str) -> None:
        """A capture that gives no version: counted by ``reason`` (a fixed word), said at DEBUG here and in the
        run's one summary WARNING (``spider_closed``)."""
        url = getattr(response_or_url, "url", response_or_url)
        self.stats.inc_value(keys.WAYBACK_UNREADABLE)
        if reason in self.unreadable or len(self.unreadable) < MAX_REASONS:
            self.stats.inc_value(keys.wayback_unreadable(reason))
        else:
            reason = "other"
        self.unreadable[reason] += 1
        self.examples.setdefault(reason, (why[:200], url[:300]))
        logger.debug("Archived capture %s: %s; the article's other captures are still read", url, why[:300])
        return None

    def capture_failed(self, failure):
        """A capture that got no answer: counted, read again by the next run; the article's next capture is asked
        all the same."""
        request = failure.request
        if self._stale(request):
            return []
        self._unreadable(request.url, "failed", f"failed, asked again next run: {failure.getErrorMessage()[:200]}")
        self.state.capture_read(request.cb_kwargs["url"], request.cb_kwargs["timestamp"], failed=True)
        return list(self._following(request.cb_kwargs["url"]))

    # --- requests lost on the way, and the end of the run ------------------------------------------
    def request_dropped(self, request, spider=None):
        """The scheduler dropped a capture request: its slot is freed, the capture asked again next run."""
        if request.meta.get(ROUTE) == "capture" and request.meta.get("kyivind_history_run") == self.token:
            for following in self._lost(request.cb_kwargs["url"], request.cb_kwargs["timestamp"]):
                self.crawler.engine.crawl(following)

    def _lost(self, url: str, timestamp: str):
        self.stats.inc_value(keys.WAYBACK_LOST)
        self.state.capture_read(url, timestamp, failed=True)
        yield from self._following(url)

    def spider_idle(self, spider=None):
        """Nothing is under way: an article still reading had its request dropped on the way (a spider middleware
        gives no sign): its slot is freed, its next capture (or the next article) asked. Once nothing is left to
        ask, the captures left to read are counted (a run that had some and read none fails: monitoring/checks.py)."""
        asked = []
        for url, timestamp in list(self.active.items()):
            asked += list(self._lost(url, timestamp))
        for request in asked:
            self.crawler.engine.crawl(request)
        if asked:
            raise DontCloseSpider
        self.stats.set_value(keys.WAYBACK_LEFT, self.state.captures_left())

    def spider_closed(self, spider=None, reason=None):
        lost = self.stats.get_value(keys.WAYBACK_LOST)
        if lost:
            logger.warning("%d capture requests were dropped before they were asked (a middleware or the scheduler "
                           "let them go without an answer): their articles' slots were freed, the captures are asked "
                           "again next run", lost)
        if self.unreadable:
            total = sum(self.unreadable.values())
            logger.warning("%d archived captures could not be read: %s; the articles' other captures were read "
                           "(kyivind/wayback/unreadable/<why>)", total, "; ".join(
                               f"{self.examples[reason][0]} ({count}, e.g. {self.examples[reason][1]})"
                               for reason, count in self.unreadable.most_common()))
