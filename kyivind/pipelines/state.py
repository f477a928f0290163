"""Run state: after the export pipeline has written an item to the feed, the article counts as seen
(the incremental component records its URL, dates, content hash and version, one transaction per item)."""

from __future__ import annotations

from ..incremental import Incremental
from ..items import public_dict
from ..run import component
from . import CrawlerPipeline


class StatePipeline(CrawlerPipeline):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.incremental = component(crawler, Incremental)

    def process_item(self, item, spider=None):
        self.incremental.record_exported(public_dict(item))
        return item
