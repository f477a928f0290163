"""Author-page enrichment: an article that shows an author without role or bio gets them from
``/author/<slug>/``, fetched at most once per run per author and reused from the run state for
``KYIVIND_AUTHOR_MAX_AGE_DAYS``."""

from __future__ import annotations

import asyncio
import dataclasses
import logging

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, bound_reached
from kyivind.extraction import extract_author_page
from kyivind.extraction.slugs import is_slug
from kyivind.items import Author
from kyivind.sources import download
from kyivind.state.incremental import Incremental

logger = logging.getLogger(__name__)


class AuthorPages:
    def __init__(self, crawler, run: RunContext, incremental: Incremental):
        self.crawler = crawler
        self.urls = run.urls
        self.incremental = incremental
        self._profiles: dict[str, asyncio.Future] = {}
        self.max_fetches = crawler.settings.getint("KYIVIND_MAX_AUTHOR_PAGES")
        self._fetches = 0

    def wanted(self, author: Author) -> bool:
        """Whether to complete ``author`` from its page: one without role or bio, whose slug is one as Ghost makes
        them (a slug read from a link or the Content API such as ``../ghost/api``, or holding a control
        character, names no author page: the first said, each counted, ``kyivind/author_page/bad_slug``)."""
        if not author.slug or author.role or author.bio or author.raw:
            return False
        if not is_slug(author.slug):
            if not self.crawler.stats.get_value(keys.AUTHOR_PAGE_BAD_SLUG):
                logger.warning("The author slug %.200a is no slug as Ghost makes them ([a-z0-9-]): its page is not asked "
                               "(each such slug counted in %s)", author.slug, keys.AUTHOR_PAGE_BAD_SLUG)
            self.crawler.stats.inc_value(keys.AUTHOR_PAGE_BAD_SLUG)
            return False
        return True

    async def fill(self, author: Author) -> None:
        profile = await self.profile(author.slug)
        if profile is None:
            return
        author.raw = profile["raw"]
        author.bio = author.bio or profile["bio"]
        author.image_url = author.image_url or profile["image_url"]
        author.name = author.name or profile["name"]

    async def profile(self, slug: str) -> dict | None:
        future = self._profiles.get(slug)
        if future is None:  # the first article of this author asks; the others wait for its answer
            future = asyncio.get_running_loop().create_future()
            self._profiles[slug] = future
            cached = self.incremental.author(slug)
            if cached is not None:
                self.crawler.stats.inc_value(keys.AUTHOR_PAGE_FROM_STATE)
                future.set_result(cached)
            else:
                profile = await self._fetch(slug)
                found = dataclasses.asdict(profile) if profile is not None else None
                if found is not None:
                    self.incremental.save_author(slug, found)
                future.set_result(found)
        return await future

    async def _fetch(self, slug: str):
        url = self.urls.fetch_url(f"/author/{slug}/")
        if self._fetches >= self.max_fetches:  # pages naming thousands of authors cost no more than this
            if self._fetches == self.max_fetches:
                bound_reached(self.crawler, "author_pages", f"{self.max_fetches} author pages fetched "
                                                            f"(KYIVIND_MAX_AUTHOR_PAGES); {url} and later ones are not")
                self._fetches += 1
            return None
        self._fetches += 1
        self.crawler.stats.inc_value(keys.AUTHOR_PAGE_REQUESTS)
        response = await download(self.crawler, url)
        if response is None:
            self.crawler.stats.inc_value(keys.AUTHOR_PAGE_FAILED)
            logger.warning("Author page %s could not be read", url)
            return None
        return extract_author_page(response.selector, response.url)
