"""Ghost's public Content API as a source: every post of the tag, 100 a request, with every field.

``KYIVIND_CONTENT_API_KEY`` is the key; a refused key is looked up again on the site's pages (the Portal
script's ``data-key``) or in the front end's scripts. ``since`` becomes a ``published_at`` filter and an
incremental run's newest known modification an ``updated_at`` filter. An answer kyivind cannot use
(401/403/404, invalid JSON, an unknown shape, a transport error) makes the API ``Unusable``: the spider
then takes the HTML walk, or fails with ``source=api``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import scrapy

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, bound_reached, fail_run, stop_run
from kyivind.extraction import Extraction, extract_post, looks_like_post
from kyivind.extraction.apikey import key_in_page, key_in_script, script_urls
from kyivind.extraction.listing import article_slug
from kyivind.extraction.slugs import is_slug
from kyivind.sources import LISTING_PRIORITY, download, routed
from kyivind.state.incremental import Incremental

logger = logging.getLogger(__name__)
PAGE_SIZE = 100
POSTS_PATH = "/ghost/api/content/posts/"


@dataclass
class Post:
    """One post of an API answer, with the fields extraction read from it."""

    extraction: Extraction
    url: str


@dataclass
class Unusable:
    problem: str


def _ghost_time(iso: str) -> str:
    return iso.replace("+00:00", ".000Z")


class ContentApiSource:
    def __init__(self, crawler, run: RunContext, incremental: Incremental):
        self.crawler = crawler
        self.run = run
        self.urls = run.urls
        self.incremental = incremental
        settings = crawler.settings
        self.key = settings.get("KYIVIND_CONTENT_API_KEY")
        self.obeys_robots = settings.getbool("KYIVIND_API_OBEYS_ROBOTS")
        self.default_language = settings.get("KYIVIND_DEFAULT_LANGUAGE")
        self._pages_read: set[int] = set()

    @property
    def stats(self):
        return self.crawler.stats

    def filter(self) -> str:
        clauses = [f"tag:{self.run.tag}"]
        if self.run.args.since:
            clauses.append(f"published_at:>='{_ghost_time(self.run.args.since)}'")
        if self.incremental.since_modified:
            clauses.append(f"updated_at:>'{_ghost_time(self.incremental.since_modified)}'")
        return "+".join(clauses)

    def request(self, page: int = 1, key: str | None = None, rediscovered: bool = False) -> scrapy.Request:
        key = key or self.key
        query = urlencode({"key": key, "filter": self.filter(), "include": "tags,authors", "formats": "html",
                           "order": "published_at desc", "limit": PAGE_SIZE, "page": page})
        self.stats.inc_value(keys.API_REQUESTS)
        # robots.txt of a Ghost site disallows /ghost/ to keep crawlers out of its admin; the Content API
        # under it is Ghost's public, key-based interface for programs (KYIVIND_API_OBEYS_ROBOTS)
        meta = {"handle_httpstatus_all": True, "dont_obey_robotstxt": not self.obeys_robots}
        return routed(self.crawler, self.urls.fetch_url(f"{POSTS_PATH}?{query}"), "api", meta=meta,
                      cb_kwargs={"page": page, "key": key, "rediscovered": rediscovered},
                      priority=LISTING_PRIORITY, dont_filter=True)

    async def parse(self, response, page: int, key: str, rediscovered: bool = False):
        """Yields the following request, each ``Post``, or one ``Unusable``."""
        if response.status in (401, 403) and not rediscovered:
            found = await self.discover_key()
            if found and found != key:
                logger.warning("Content API refused the configured key (%d); using the key found on the site: %s",
                               response.status, found)
                self.stats.set_value(keys.API_KEY_REDISCOVERED, found)
                yield self.request(page, found, rediscovered=True)
                return
        data, problem = self.read(response)
        if problem:
            yield Unusable(problem)
            return
        self.stats.inc_value(keys.API_PAGES)
        self.stats.inc_value(keys.API_POSTS, len(data["posts"]))
        for post in data["posts"]:
            if not looks_like_post(post):
                self.stats.inc_value(keys.API_NOT_A_POST)
                logger.warning("Content API entry is not a post, skipped: %.200r", post)
                continue
            found = self.post(post, response.url)
            if found is not None:
                yield found
        following = self.following(page, data)
        max_pages = self.run.args.max_pages
        if following and not (max_pages and page >= max_pages):
            yield self.request(following, key, rediscovered)

    def following(self, page: int, data: dict) -> int | None:
        """The page to ask for after ``page``, or None: at the last page, and wherever the answer's pagination
        would make the walk endless or go back (a page that repeats, a ``next`` past ``pages``, a page without
        posts that still names a next one). Such a stop is a bound (a WARNING and a stat); when fewer posts
        came than the pagination's ``total`` promised, the run fails."""
        self._pages_read.add(page)
        pagination = data["meta"]["pagination"]
        following, pages = pagination.get("next"), pagination.get("pages")
        if following in (None, "", 0, False):
            return None
        problem = None
        if not isinstance(following, int) and not (isinstance(following, str) and following.isdigit()):
            problem = f"its next page is {str(following)[:40]!r}, not a page number"
        elif int(following) in self._pages_read or int(following) <= page:
            problem = f"page {page} names page {following} as the next one, which was read already"
        elif isinstance(pages, int) and int(following) > pages:
            problem = f"page {page} names page {following} as the next one, past its {pages} pages"
        elif not data["posts"]:
            problem = f"page {page} holds no post but names page {following} as the next one"
        if problem is None:
            return int(following)
        got, total = self.stats.get_value(keys.API_POSTS, 0), pagination.get("total")
        short = isinstance(total, int) and got < total
        bound_reached(self.crawler, "api_pagination", f"the Content API's pagination: {problem}; the walk stops",
                      short=f"the Content API's pagination stopped the walk after {got} of the {total} posts it "
                            f"promised ({problem})" if short else None)
        return None

    def post(self, post: dict, answer_url: str) -> Post | None:
        """The fields of one post of an answer; None (a WARNING, the stat ``kyivind/api/bad_slug``) for a post with no
        address on the site: neither its ``url`` nor its ``slug`` names an article (``address``). ``answer_url``:
        where the post was read (an API page, an archived capture), said in the WARNING."""
        url = self.address(post)
        if url is None:
            self.stats.inc_value(keys.API_BAD_SLUG)
            logger.warning("Content API post with no address on the site, skipped: its url %.200a is not an article "
                           "on the site and its slug %.200a is no slug as Ghost makes them ([a-z0-9-]) (read from %s)",
                           post.get("url"), post.get("slug"), answer_url)
            return None
        extraction = extract_post(post)
        if isinstance(post.get("url"), str) and post["url"] != url and self.urls.on_site(post["url"]):
            extraction.fields["url"] = None  # an address on the site that is no article's: the slug's instead
        if not extraction.fields["language"]:
            extraction.fields["language"] = self.default_language
            extraction.sources["language"] = "default"
        return Post(extraction, url)

    def address(self, post: dict) -> str | None:
        """A post's address: its ``url`` when that is an article on the site, else ``/<slug>/`` on the site when its
        slug is one as Ghost makes them; None otherwise (a slug such as ``/elsewhere.example/x``, a control
        character, a path of several parts)."""
        url = post.get("url")
        if isinstance(url, str) and self.urls.on_site(url) and article_slug(urlsplit(url).path) is not None:
            return url
        slug = post.get("slug")
        return self.urls.public_url(f"/{slug}/") if is_slug(slug) else None

    @staticmethod
    def read(response) -> tuple[dict | None, str | None]:
        """(the answer's JSON, None) or (None, why it cannot be used)."""
        if response.status in (401, 403):
            return None, f"the Content API refused the key ({response.status})"
        if response.status != 200:
            return None, f"the Content API answered {response.status}"
        try:
            data = json.loads(response.body)
        except ValueError:
            return None, "the Content API answered invalid JSON"
        except RecursionError:
            return None, "the Content API answered JSON nested too deep to read"
        pagination = data.get("meta", {}).get("pagination") if isinstance(data, dict) else None
        if not (isinstance(data.get("posts") if isinstance(data, dict) else None, list)
                and isinstance(pagination, dict)):
            return None, "the Content API answered a shape kyivind does not know"
        return data, None

    def unusable(self, problem: str) -> bool:
        """Counted and logged; True when the run falls back to the HTML walk, False when it ends here
        (``source=api``: exit 1)."""
        self.stats.set_value(keys.API_UNUSABLE, problem)
        if self.run.args.source == "api":
            fail_run(self.crawler, f"Content API unusable: {problem} (source=api: no fallback)")
            stop_run(self.crawler, "api_unusable")
            return False
        logger.warning("Content API unusable: %s; falling back to the RSS feed with the HTML walk", problem)
        self.stats.set_value(keys.SOURCE_USED, "rss+html")
        return True

    async def discover_key(self) -> str | None:
        """The Content API key the site's own pages use: ``data-key``, else the front end's scripts."""
        for path in (self.run.listing_path, "/"):
            response = await download(self.crawler, self.urls.fetch_url(path))
            if response is None:
                continue
            key = key_in_page(response.text)
            if key:
                return key
            for url in script_urls(response.text, response.url):
                script = await download(self.crawler, url)
                key = key_in_script(script.text) if script is not None else None
                if key:
                    return key
        logger.warning("No Content API key found on the site's pages or scripts")
        return None
