"""Dedup by canonical URL within the run: an article reached twice (a card on two listing pages, an
old ``/national/<slug>/`` address) is exported once. Items read from a web archive are one per capture: the
versions of an article at several dates are told apart by their capture time."""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from kyivind import statkeys as keys
from kyivind.items import from_web_archive
from kyivind.pipelines import CrawlerPipeline


class DedupPipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item, spider=None):
        adapter = ItemAdapter(item)
        url = adapter.get("url")
        if from_web_archive(adapter):
            url = f"{url} {adapter.get('fetched_at')}"
        if url in self.seen:
            self.stats.inc_value(keys.DEDUP_DUPLICATE)
            raise DropItem(f"duplicate of an item already exported in this run: {url}", log_level="INFO")
        self.seen.add(url)
        return item
