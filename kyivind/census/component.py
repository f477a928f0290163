"""``Census``: the run's census of known articles (see ``kyivind/census/__init__.py``), asked for by the spider
once its own requests are under way. Its requests go through the downloader like any other (delays, retries
with backoff, robots.txt, the WARC archive), one at a time, without following redirects."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode, urljoin

from kyivind import statkeys as keys
from kyivind.census.removals import RemovalLog
from kyivind.census.verdict import MOVED, REMOVED, RESTORED, judge, to_check
from kyivind.crawl.context import RunContext, bound_reached, disk_fault
from kyivind.extraction import parse_sitemap
from kyivind.extraction.challenge import is_challenge_page
from kyivind.sources import download
from kyivind.sources.api import POSTS_PATH, ContentApiSource
from kyivind.sources.sitemap import INDEX_PATH, SitemapFiles, post_sitemaps
from kyivind.state.store import now_iso

logger = logging.getLogger(__name__)
CENSUS_AT = "census_at"  # the state's meta key: when the census last asked every unlisted article


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
        self.key = settings.get("KYIVIND_CONTENT_API_KEY")
        self.log = RemovalLog(run.data_dir)

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
        listed, how = await self.listed()
        self.stats.inc_value(keys.CENSUS_RUNS)
        if listed is None:
            self.stats.inc_value(keys.CENSUS_NO_LIST)
            logger.warning("Census: the site's list of articles could not be read (%s): nothing decided, asked "
                           "again next run", how)
            return
        ask, restored = to_check(known, listed, self.log.current())
        self.stats.set_value(keys.CENSUS_UNLISTED, len(ask))
        events = [self.event(url, RESTORED, None, None) for url in restored]
        complete = True
        if len(ask) > self.max_checks:
            bound_reached(self.crawler, "census_checks",
                          f"{len(ask)} known articles are not listed by the site; {self.max_checks} are asked this run "
                          f"(KYIVIND_CENSUS_MAX_CHECKS), the rest next run")
            ask, complete = ask[:self.max_checks], False
        decided = {REMOVED: 0, MOVED: 0, None: 0}
        for url in ask:
            verdict, moved_to, status, why = await self.ask(url)
            decided[verdict] += 1
            logger.info("Census: %s %s (%s)", url, verdict or "not recorded", why)
            if verdict is not None:
                events.append(self.event(url, verdict, moved_to, status))
            if verdict == MOVED and not self.articles.requested(moved_to):
                yield self.articles.request(moved_to, "census")
        try:
            self.log.append(events)
        except OSError as error:
            disk_fault(self.crawler, str(self.log.path), error)
            return
        for event in events:
            self.stats.inc_value(keys.census(event["status"]))
        self.stats.inc_value(keys.CENSUS_UNDECIDED, decided[None])
        if complete:
            self.state.set_meta(CENSUS_AT, now_iso())
        logger.info("Census (%s): %d known articles, %d not listed and asked: %d removed, %d moved, %d not recorded; "
                    "%d restored", how, len(known), len(ask), decided[REMOVED], decided[MOVED], decided[None],
                    len(restored))

    def event(self, url: str, status: str, moved_to: str | None, http_status: int | None) -> dict:
        known = self.state.article(url)
        return {"url": url, "status": status, "moved_to": moved_to, "detected_at": now_iso(),
                "last_version": known["version"] if known else None, "http_status": http_status}

    # --- the list ------------------------------------------------------------------------------
    async def listed(self) -> tuple[set[str] | None, str]:
        """(every article URL the site lists, canonical; how it was read), or (None, why there is no list)."""
        found = await self.from_sitemaps()
        if found:
            return found, "sitemaps"
        found = await self.from_api()
        if found:
            return found, "Content API"
        return None, "neither the sitemaps nor the Content API listed any article"

    async def from_sitemaps(self) -> set[str] | None:
        files = SitemapFiles(self.crawler, self.run)
        index = await self.fetch(self.urls.fetch_url(INDEX_PATH))
        children = post_sitemaps(parse_sitemap(index.body)[1]) if index is not None and index.status == 200 else []
        children = children or [self.crawler.settings.get("KYIVIND_SITEMAP_PATH")]
        listed: set[str] = set()
        for child in children:
            if not files.admit(child, 1):
                return None
            response = await self.fetch(self.urls.fetch_url(child))
            if response is None or response.status != 200:
                return None  # a list with a gap would make articles look unlisted
            listed |= {self.urls.public_url(url) for url in parse_sitemap(response.body)[0]}
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
                if isinstance(post, dict) and (post.get("url") or post.get("slug")):
                    url = post.get("url") or f"/{post['slug']}/"
                    listed.add(self.urls.public_url(str(url)))
            if not data["meta"]["pagination"].get("next"):
                return listed
        bound_reached(self.crawler, "census_api_pages", f"the Content API lists more than {self.max_api_pages} pages "
                                                        "of posts (KYIVIND_CENSUS_MAX_API_PAGES): no census this run")
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
        return verdict, moved_to, response.status, why

    async def fetch(self, url: str, robots: bool = True):
        """The answer to one request, whatever its status, redirects not followed; None without an answer."""
        self.stats.inc_value(keys.CENSUS_ALL_REQUESTS)
        return await download(self.crawler, url, meta={"dont_redirect": True, "handle_httpstatus_all": True,
                                                       "dont_obey_robotstxt": not robots},
                              any_status=True, log_level=logging.INFO)
