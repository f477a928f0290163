"""``Census``: the run's census of known articles (see ``kyivind/census/__init__.py``), asked for by the spider
once its own requests are under way. Its requests go through the downloader like any other (delays, retries
with backoff, robots.txt, the WARC archive), one at a time, without following redirects, within a time budget
(``KYIVIND_CENSUS_MAX_MINUTES``; a ``Retry-After`` is not honoured) and with a list held to a number of URLs
(a multiple of the known articles, counted as it is read)."""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode, urljoin

from kyivind import statkeys as keys
from kyivind.census.removals import RemovalLog
from kyivind.census.verdict import (
    CLEARED,
    MOVED,
    REMOVED,
    RESTORED,
    SUSPECTED,
    judge,
    listed_check,
    moves,
    settle,
    to_check,
    wave,
)
from kyivind.crawl.context import RunContext, bound_reached, disk_fault
from kyivind.crawl.middlewares import RETRY_AFTER_IGNORED
from kyivind.extraction.challenge import is_challenge_page
from kyivind.extraction.sitemap import sitemap_locs
from kyivind.extraction.slugs import is_slug
from kyivind.extraction.util import shown
from kyivind.sources import download
from kyivind.sources.api import POSTS_PATH, ContentApiSource
from kyivind.sources.sitemap import INDEX_PATH, SitemapFiles, post_sitemaps
from kyivind.state.store import now_iso

logger = logging.getLogger(__name__)
CENSUS_AT = "census_at"  # the state's meta key: when the census last asked every unlisted article


def again(decided: list[str], room: int) -> list[str]:
    """The articles recorded removed or moved to ask again (restored when they answer 200) in the ``room`` the
    others left: all of them, or a share that changes from day to day, so that each is asked in turn."""
    if len(decided) <= room:
        return decided
    day = datetime.now(timezone.utc).date().isoformat()
    turn = sorted(decided, key=lambda url: hashlib.blake2b(f"{day} {url}".encode(), digest_size=8).digest())
    return turn[:max(room, 0)]


class Census:
    def __init__(self, crawler, run: RunContext, incremental, articles):
        self.crawler = crawler
        self.run = run
        self.urls = run.urls
        self.state = incremental.state
        self.articles = articles
        settings = crawler.settings
        self.hours = settings.getfloat("KYIVIND_CENSUS_HOURS")
        self.max_checks = settings.getint("KYIVIND_CENSUS_MAX_CHECKS")
        self.max_api_pages = settings.getint("KYIVIND_CENSUS_MAX_API_PAGES")
        self.confirm_hours = settings.getfloat("KYIVIND_CENSUS_CONFIRM_HOURS")
        self.max_loss = settings.getfloat("KYIVIND_CENSUS_MAX_LOSS")
        self.minutes = settings.getfloat("KYIVIND_CENSUS_MAX_MINUTES")
        self.listed_factor = settings.getint("KYIVIND_CENSUS_LISTED_FACTOR")
        self.min_listed = settings.getint("KYIVIND_CENSUS_MIN_LISTED")
        self.timeout = settings.getfloat("DOWNLOAD_TIMEOUT")
        self.key = settings.get("KYIVIND_CONTENT_API_KEY")
        self.log = RemovalLog(run.data_dir)
        self.deadline: float | None = None  # time.monotonic() past which the census asks nothing more
        self.max_listed = self.min_listed  # URLs the list may hold
        self.read = 0  # URLs the list held so far
        self.bounded = False  # a bound stopped the census (said once by bound_reached)

    @property
    def stats(self):
        return self.crawler.stats

    def due(self) -> bool:
        """Whether this run takes the census: never without a state or with a negative period; always with
        ``KYIVIND_CENSUS_HOURS=0``; else once the last complete census is that many hours old."""
        if self.state is None or self.hours < 0:
            return False
        last = self.state.meta(CENSUS_AT)
        if self.hours == 0 or not last:
            return True
        try:
            return datetime.now(timezone.utc) - datetime.fromisoformat(last) >= timedelta(hours=self.hours)
        except ValueError:
            return True

    async def requests(self):
        """The census, when due: yields the request of each moved article's new address."""
        if not self.due():
            return
        known = self.state.urls()
        if not known:  # nothing to look for yet: the period starts with the first articles
            self.state.set_meta(CENSUS_AT, now_iso())
            return
        self.deadline = time.monotonic() + self.minutes * 60
        self.max_listed = max(self.min_listed, self.listed_factor * len(known))
        listed, how = await self.listed()
        self.stats.inc_value(keys.CENSUS_RUNS)
        if listed is None:
            self.stats.inc_value(keys.CENSUS_NO_LIST)
            logger.log(logging.INFO if self.bounded else logging.WARNING, "Census: the site's list of articles could "
                       "not be read (%s): nothing decided, asked again next run", how)
            return
        opened = self.log.open()
        ask, settled = to_check(known, listed, opened)
        undecided = sum((opened.get(url) or {}).get("status") not in (REMOVED, MOVED) for url in ask)
        if wave(undecided, len(known), self.max_loss):
            self.stats.inc_value(keys.CENSUS_WAVE)
            logger.warning("Census (%s): %d of the %d known articles are not listed at once, more than "
                           "KYIVIND_CENSUS_MAX_LOSS=%g of them: a list that loses so many is taken for broken, nothing "
                           "decided, asked again next run", how, undecided, len(known), self.max_loss)
            return
        self.stats.set_value(keys.CENSUS_UNLISTED, len(ask))
        events = [self.event(url, RESTORED if opened[url]["status"] in (REMOVED, MOVED) else CLEARED, None, None,
                             opened[url]) for url in settled]
        ask, must, complete = self.choose(ask, opened)
        answers, statuses = {}, {}
        for done, url in enumerate(ask):
            if self.out_of_time(f"after {done} of the {len(ask)} unlisted articles were asked"):
                ask, complete = ask[:done], complete and done >= must
                break
            verdict, target, statuses[url], why = await self.ask(url)
            answers[url] = (verdict, target, why)
        answers = moves(answers, listed_check(listed))
        now = datetime.now(timezone.utc)
        counts = {REMOVED: 0, MOVED: 0, SUSPECTED: 0, None: 0}
        for url in ask:
            verdict, target, why = answers[url]
            made = settle(opened.get(url), verdict, target, now, self.confirm_hours)
            status = made[0] if made else None
            if status in counts:
                counts[status] += 1
            before = (opened.get(url) or {}).get("status")
            if made is None and before == SUSPECTED:
                why += f"; suspected since {opened[url].get('suspected_at')}, decided {self.confirm_hours:g} hours on"
            elif made is None and before in (REMOVED, MOVED):
                why += f"; recorded {before} already"
            logger.info("Census: %s %s (%s)", url, status or "not recorded", why)
            if made is None:
                continue
            events.append(self.event(url, status, target, statuses[url], opened.get(url), made[1]))
            if verdict == MOVED and not self.articles.requested(target):  # a listed article: crawled at once
                yield self.articles.request(target, "census")
        try:
            self.log.append(events)
        except OSError as error:
            disk_fault(self.crawler, str(self.log.path), error)
            return
        for event in events:
            self.stats.inc_value(keys.census(event["status"]))
        self.stats.inc_value(keys.CENSUS_UNDECIDED, counts[None])
        if complete:
            self.state.set_meta(CENSUS_AT, now_iso())
        kinds = [event["status"] for event in events]
        logger.info("Census (%s): %d known articles, %d not listed and asked: %d removed, %d moved, %d suspected, %d not "
                    "recorded; %d restored, %d cleared", how, len(known), len(ask), counts[REMOVED], counts[MOVED],
                    counts[SUSPECTED], counts[None], kinds.count(RESTORED), kinds.count(CLEARED))

    def choose(self, ask: list[str], opened: dict[str, dict]) -> tuple[list[str], int, bool]:
        """(the unlisted articles to ask this run; how many of them must be asked for the census to be complete;
        whether it is): those suspected and newly unlisted (``to_check``'s order) up to ``KYIVIND_CENSUS_MAX_CHECKS``
        (a bound: the rest next run), then, in the room left, those recorded removed or moved (``again``)."""
        decided = [url for url in ask if (opened.get(url) or {}).get("status") in (REMOVED, MOVED)]
        ask = ask[:len(ask) - len(decided)]
        complete = True
        if len(ask) > self.max_checks:
            bound_reached(self.crawler, "census_checks",
                          f"{len(ask)} known articles are not listed by the site; {self.max_checks} are asked this run "
                          f"(KYIVIND_CENSUS_MAX_CHECKS), the rest next run")
            ask, complete = ask[:self.max_checks], False
        return ask + again(decided, self.max_checks - len(ask)), len(ask), complete

    def event(self, url: str, status: str, moved_to: str | None, http_status: int | None, last: dict | None,
              suspected_of: str | None = None) -> dict:
        """One line of removals.jsonl; ``last``: the URL's open event before it."""
        known = self.state.article(url)
        at = now_iso()
        event = {"url": url, "status": status, "moved_to": moved_to, "detected_at": at,
                 "last_version": known["version"] if known else None, "http_status": http_status}
        if status == SUSPECTED:
            event.update(suspected_of=suspected_of, suspected_at=at)
        elif status in (REMOVED, MOVED):
            event["suspected_at"] = (last or {}).get("suspected_at")
        return event

    # --- the bounds ----------------------------------------------------------------------------
    def out_of_time(self, when: str) -> bool:
        """Whether the census's time is up (said once, a bound: the rest next run)."""
        if self.deadline is None or time.monotonic() < self.deadline:
            return False
        self.bounded = True
        bound_reached(self.crawler, "census_time", f"the census took more than KYIVIND_CENSUS_MAX_MINUTES="
                                                   f"{self.minutes:g} minutes, {when}: it stops, the rest next run")
        return True

    def count_listed(self, how: str) -> bool:
        """One more URL on the list; False (a bound, said once) past ``max_listed``."""
        self.read += 1
        if self.read <= self.max_listed:
            return True
        self.bounded = True
        bound_reached(self.crawler, "census_listed",
                      f"the {how} list more than {self.max_listed} URLs ({self.listed_factor} times the known articles, "
                      f"at least KYIVIND_CENSUS_MIN_LISTED={self.min_listed}): no census this run")
        return False

    # --- the list ------------------------------------------------------------------------------
    async def listed(self) -> tuple[set[str] | None, str]:
        """(every article URL the site lists, canonical; how it was read), or (None, why there is no list)."""
        found = await self.from_sitemaps()
        if found:
            return found, "sitemaps"
        if self.bounded:
            return None, "a bound stopped the sitemaps' list"
        found = await self.from_api()
        if found:
            return found, "Content API"
        if self.bounded:
            return None, "a bound stopped the Content API's list"
        return None, "neither the sitemaps nor the Content API listed any article"

    async def from_sitemaps(self) -> set[str] | None:
        files = SitemapFiles(self.crawler, self.run)
        max_files = self.crawler.settings.getint("KYIVIND_SITEMAP_MAX_FILES")
        index = await self.fetch(self.urls.fetch_url(INDEX_PATH))
        children: list[str] = []
        if index is not None and index.status == 200:
            for kind, loc in sitemap_locs(index.body):
                if kind == "sitemapindex" and post_sitemaps([loc]):
                    children.append(loc)
                    if len(children) > max_files:  # the files' bound says it when they are asked
                        break
        children = children or [self.crawler.settings.get("KYIVIND_SITEMAP_PATH")]
        listed: set[str] = set()
        for child in children:
            if not files.admit(child, 1):
                return None
            response = await self.fetch(self.urls.fetch_url(child))
            if response is None or response.status != 200:
                return None  # a list with a gap would make articles look unlisted
            for kind, loc in sitemap_locs(response.body):
                if kind != "urlset":
                    continue
                if not self.count_listed("sitemaps"):
                    return None
                listed.add(self.urls.public_url(loc))
        return listed

    async def from_api(self) -> set[str] | None:
        listed: set[str] = set()
        for page in range(1, self.max_api_pages + 1):
            query = urlencode({"key": self.key, "filter": f"tag:{self.run.tag}", "fields": "url,slug", "limit": 100,
                               "page": page})
            response = await self.fetch(self.urls.fetch_url(f"{POSTS_PATH}?{query}"), robots=False)
            data = ContentApiSource.read(response)[0] if response is not None else None
            if data is None:  # refused, no JSON, a shape kyivind does not know
                return None
            for post in data["posts"]:
                if not isinstance(post, dict):
                    continue
                if not self.count_listed("Content API's pages"):
                    return None
                if isinstance(post.get("url"), str) and post["url"]:
                    listed.add(self.urls.public_url(post["url"]))
                elif is_slug(post.get("slug")):
                    listed.add(self.urls.public_url(f"/{post['slug']}/"))
                elif post.get("slug"):
                    self.stats.inc_value(keys.API_BAD_SLUG)
            if not data["meta"]["pagination"].get("next"):
                return listed
        bound_reached(self.crawler, "census_api_pages", f"the Content API lists more than {self.max_api_pages} pages "
                                                        "of posts (KYIVIND_CENSUS_MAX_API_PAGES): no census this run")
        self.bounded = True
        return None

    # --- one URL -------------------------------------------------------------------------------
    async def ask(self, url: str) -> tuple[str | None, str | None, int | None, str]:
        """(verdict, the new URL of a move, the HTTP status, why) of one unlisted article."""
        self.stats.inc_value(keys.CENSUS_REQUESTS)
        response = await self.fetch(self.urls.fetch_url(url))
        if response is None:
            return None, None, None, "no answer: undecided"
        location = response.headers.get("Location")
        target = None
        if location:
            target = self.urls.public_url(urljoin(response.url, location.decode("latin-1")))
        challenge = response.status == 200 and is_challenge_page(getattr(response, "text", ""))
        verdict, moved_to, why = judge(url, response.status, target, challenge, self.urls.on_site)
        return verdict, moved_to, response.status, shown(why)

    async def fetch(self, url: str, robots: bool = True):
        """The answer to one request, whatever its status, redirects not followed, within the census's time (a
        ``Retry-After`` not honoured); None without an answer or once the time is up."""
        if self.out_of_time(f"before {url} was asked"):
            return None
        self.stats.inc_value(keys.CENSUS_ALL_REQUESTS)
        left = self.deadline - time.monotonic() if self.deadline is not None else self.timeout
        meta = {"dont_redirect": True, "handle_httpstatus_all": True, "dont_obey_robotstxt": not robots,
                RETRY_AFTER_IGNORED: True, "download_timeout": max(1.0, min(self.timeout, left))}
        return await download(self.crawler, url, meta=meta, any_status=True, log_level=logging.INFO)
