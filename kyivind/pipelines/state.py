"""Run state: after the export pipeline has written an item to the feed, the article counts as seen
(its URL, dates, content hash and version go into ``state.sqlite``, one transaction per item)."""

from __future__ import annotations

from ..items import public_dict
from . import CrawlerPipeline


class StatePipeline(CrawlerPipeline):
    def process_item(self, item, spider=None):
        spider = self.crawler.spider
        state = getattr(spider, "run_state", None)
        if state is not None:
            data = public_dict(item)
            data["_lastmod"] = spider.lastmods.get(data["url"])
            data["_alias"] = spider.aliases.get(data["url"])
            state.record_exported(data)
            self.stats.inc_value("kyivind/state/recorded")
        return item
