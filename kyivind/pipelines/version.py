"""Versions: an article already exported is emitted again, as version + 1, only when a versioned field of
the item as exported differs (text, tags, authors, image, dates but ``modified_at``...); an unchanged
re-fetch is dropped here, quietly. It runs after the author-bio splitting, so that roles and bios are
compared as they are exported."""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from kyivind.crawl.context import component
from kyivind.items import public_dict
from kyivind.pipelines import CrawlerPipeline
from kyivind.state.incremental import Incremental


class VersionPipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.incremental = component(crawler, Incremental)

    def process_item(self, item, spider=None):
        data = public_dict(item)
        version = self.incremental.version(data)
        if version is None:
            raise DropItem(f"unchanged since its last export: {data['url']}", log_level="DEBUG")
        ItemAdapter(item)["version"] = version
        return item
