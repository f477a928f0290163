"""Versions: an article already exported is emitted again, as version + 1, only when a versioned field of
the item as exported differs (text, tags, authors, image, dates but ``modified_at``...); an unchanged
re-fetch is dropped here, quietly. It runs after the author-bio splitting, so that roles and bios are
compared as they are exported.

An item read from an older answer than the one the article's last version came from (``fetched_at`` is the
capture's time) is dropped, counted and said at INFO: a re-extraction never puts older text above a newer
version.

An item read from a web archive (``capture.archive_url``) is placed among the article's versions by its capture
time instead (``kyivind/history/timeline.py``) and numbered after every version the article has; one captured
after kyivind's own latest fetch of the article (the state's ``live_at``) is not placed at all.
"""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from kyivind import statkeys as keys
from kyivind.crawl.context import component
from kyivind.history.timeline import AFTER_LIVE
from kyivind.items import from_web_archive, public_dict
from kyivind.pipelines import CrawlerPipeline
from kyivind.state.incremental import Incremental


class VersionPipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.incremental = component(crawler, Incremental)

    def process_item(self, item, spider=None):
        data = public_dict(item)
        if from_web_archive(data):  # placed by capture time
            version, why = self.incremental.archived_version(data)
            if version is None and why.startswith(AFTER_LIVE):
                self.stats.inc_value(keys.WAYBACK_AFTER_LIVE)
                raise DropItem(f"archived capture {data['fetched_at']} not placed: {why}: {data['url']}",
                               log_level="INFO")
            if version is None:
                self.stats.inc_value(keys.WAYBACK_NOT_NEW)
                raise DropItem(f"archived capture {data['fetched_at']} not a new version ({why}): {data['url']}",
                               log_level="DEBUG")
            self.stats.inc_value(keys.WAYBACK_VERSIONS)
            ItemAdapter(item)["version"] = version
            return item
        older = self.incremental.older_than_export(data)
        if older is not None:
            self.stats.inc_value(keys.INCREMENTAL_OLDER_CAPTURE)
            raise DropItem(f"captured {data['fetched_at']}, before version {older['version']} was "
                           f"({older['fetched_at']}); not exported: {data['url']}", log_level="INFO")
        version = self.incremental.version(data)
        if version is None:
            raise DropItem(f"unchanged since its last export: {data['url']}", log_level="DEBUG")
        ItemAdapter(item)["version"] = version
        return item
