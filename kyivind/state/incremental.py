"""Incremental decisions, in one extension that owns the run state (``state.sqlite``).

It answers, for the sources and the item builder: which articles are known (skip them), whether a
listing walk has seen enough known pages, which known articles the sitemap says were edited, and
whether a fetched article is new (version 1), edited (version + 1) or unchanged (not emitted). It
remembers, per article, the sitemap ``lastmod`` and the address it was reached by, and writes them
with the article once the state pipeline reports it exported. Author profiles read from author pages
are cached here too.
"""

from __future__ import annotations

import logging
import sqlite3
from functools import cached_property

from scrapy import signals

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, disk_fault
from kyivind.items import fields_hash
from kyivind.state.store import State

logger = logging.getLogger(__name__)


class Incremental:
    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        settings = crawler.settings
        self.mode = run.args.mode
        self.overlap = settings.getint("KYIVIND_INCREMENTAL_OVERLAP_PAGES")
        self.author_max_age = settings.getfloat("KYIVIND_AUTHOR_MAX_AGE_DAYS")
        self.replay = settings.getbool("KYIVIND_REPLAY")  # answers from the archive: captures made before this run
        self.state = State(run.data_file("state", ".sqlite"), settings.getint("KYIVIND_STATE_COMMIT_EVERY"),
                           settings.getfloat("KYIVIND_STATE_COMMIT_SECONDS")) \
            if settings.getbool("KYIVIND_STATE_ENABLED") else None
        self.lastmods: dict[str, str] = {}  # canonical URL -> sitemap lastmod, for articles re-fetched as edited
        self.aliases: dict[str, str] = {}  # canonical URL -> the address it was reached by
        self._known_pages = 0
        self.archived: dict[str, list[dict]] = {}  # canonical URL -> archived versions exported in this run
        self.elsewhere: set[str] = set()  # record ids of captures made by another archiver (a re-extraction's)

    @classmethod
    def from_crawler(cls, crawler):
        component = cls(crawler, RunContext.of(crawler))
        # closed when the engine stops: the user's feeds are stored while the spider closes, and only then do
        # their articles count as seen (kyivind/pipelines/record.py)
        crawler.signals.connect(component.engine_stopped, signal=signals.engine_stopped)
        return component

    # read when the crawl starts, after the export pipeline has recovered an interrupted run's feed
    @cached_property
    def known_count(self) -> int:
        return self.state.count() if self.state is not None else 0

    @cached_property
    def active(self) -> bool:
        """Incremental: something was exported before, so only what is new or edited is fetched."""
        return self.mode == "incremental" and self.known_count > 0

    @cached_property
    def since_modified(self) -> str | None:
        """The newest modification time exported: the Content API is asked only for posts updated after it."""
        return self.state.latest_modified() if self.active else None

    def engine_stopped(self):
        if self.state is not None:  # the feeds are stored and recorded: what the data directory now holds
            try:
                self.state.commit()
                self.crawler.stats.set_value(keys.STATE_ARTICLES, self.state.count())
            except (sqlite3.Error, OSError) as error:  # a full disk: the feeds' lines are read in by the next run
                disk_fault(self.crawler, "the run state", error)
            finally:
                self.state.db.close()

    def commit(self) -> None:
        """The exported articles' rows that wait for their batch (``KYIVIND_STATE_COMMIT_EVERY``), committed now."""
        if self.state is not None:
            self.state.commit()

    # --- what to fetch -----------------------------------------------------------------------
    def known(self, urls) -> set[str]:
        """Those of ``urls`` (canonical) already exported; none in ``full`` mode, which fetches all again."""
        if self.state is None or self.mode == "full":
            return set()
        return self.state.known(urls)

    def walk_ends_at_known_page(self) -> bool:
        """A listing page whose cards were all known: the walk ends after ``KYIVIND_INCREMENTAL_OVERLAP_PAGES``."""
        if not self.active:
            return False
        self._known_pages += 1
        return self._known_pages > self.overlap

    def edited(self, lastmods: dict[str, str]) -> dict[str, str]:
        """Known articles whose sitemap lastmod is newer than what was exported; remembered for the state."""
        if self.state is None:
            return {}
        found = self.state.edited(lastmods)
        self.crawler.stats.inc_value(keys.INCREMENTAL_EDITED_CANDIDATES, len(found))
        self.lastmods.update(found)
        return found

    # --- what to emit ------------------------------------------------------------------------
    def reached_by(self, url: str, address: str) -> None:
        if address != url:
            self.aliases[url] = address

    def older_than_export(self, item: dict) -> dict | None:
        """The state's row of the article when ``item`` was read from an answer older than the one its last
        exported version came from (a re-extraction over an archive whose newer captures are gone, or a
        capture made elsewhere): exporting it would put older text above a newer version."""
        known = self.state.article(item["url"]) if self.state is not None else None
        if not (known and known.get("fetched_at") and item.get("fetched_at")):
            return None
        if item["fetched_at"] < known["fetched_at"]:
            return known
        if self.replay and item["fetched_at"] == known["fetched_at"] and \
                item.get("content_hash") != known.get("content_hash"):
            return known  # an archived capture of the second the export came from, with another text (a capture's
            # time is kept to the second): which is newer is unknown, so the one exported stays on top (a live
            # fetch is always the newest)
        return None

    def version(self, item: dict) -> int | None:
        """The version of an article as it is about to be exported: 1 when new, + 1 when any versioned field
        differs from what was exported (``kyivind.items.VERSIONED_FIELDS``: text, tags, authors, image,
        dates but modified_at...), None when nothing did (then only its dates move on, so it is not fetched
        again for the same edit). A state written before fields were compared knows only the text's hash:
        its first comparison adopts the fields as they are now."""
        known = self.state.article(item["url"]) if self.state is not None else None
        if known is None:
            return 1
        current = fields_hash(item)
        if known["content_hash"] == item["content_hash"] and known["fields_hash"] in (None, current):
            self.crawler.stats.inc_value(keys.INCREMENTAL_UNCHANGED)
            self.state.touch(item["url"], item.get("modified_at"), self.lastmods.get(item["url"]), current)
            return None
        self.crawler.stats.inc_value(keys.INCREMENTAL_EDITED)
        logger.info("Edited article, version %d: %s", known["version"] + 1, item["url"])
        return known["version"] + 1

    def archived_version(self, item: dict) -> tuple[int | None, str]:
        """(the version number of an item read from a web archive, or None; why not): placed by capture time among
        the article's versions, those of the state and those this run exported (``kyivind/history/timeline``)."""
        from kyivind.history.timeline import AFTER_LIVE, NEW, next_number, place

        url = item["url"]
        known = self.state.article(url) if self.state is not None else None
        if known and known.get("live_at") and item["fetched_at"] > known["live_at"]:
            return None, f"{AFTER_LIVE} ({known['live_at']})"
        timeline = (self.state.timeline(url) if self.state is not None else []) + self.archived.get(url, [])
        current = fields_hash(item)
        why = place(timeline, item["fetched_at"], current)
        if why != NEW:
            return None, why
        number = next_number(timeline)
        self.archived.setdefault(url, []).append({"version": number, "fetched_at": item["fetched_at"],
                                                  "fields_hash": current})
        return number, why

    def live(self, item: dict) -> bool:
        """Whether kyivind fetched the item's answer itself: not a web archive's capture (source=wayback), nor one
        a re-extraction read from a WARC made elsewhere (``elsewhere``: their record ids)."""
        from kyivind.items import from_web_archive

        return not from_web_archive(item) and (item.get("capture") or {}).get("record_id") not in self.elsewhere

    def record_exported(self, item: dict) -> None:
        """The article is in the feed: from now on it is known."""
        if self.state is None:
            return
        url = item["url"]
        self.state.record_exported(item, lastmod=self.lastmods.get(url), alias=self.aliases.get(url),
                                   fields_hash=fields_hash(item), live=self.live(item))
        self.crawler.stats.inc_value(keys.STATE_RECORDED)

    # --- author profiles ---------------------------------------------------------------------
    def author(self, slug: str) -> dict | None:
        return self.state.author(slug, self.author_max_age) if self.state is not None else None

    def save_author(self, slug: str, profile: dict) -> None:
        if self.state is not None:
            self.state.save_author(slug, profile)
