"""The crawl's stats collector (``STATS_CLASS``): Scrapy's ``MemoryStatsCollector`` without the wrapping of
every call.

Scrapy's collector overrides ``__getattribute__``: every attribute read (``stats.inc_value``) formats a cached
name, looks it up and returns a wrapper that checks each call's arguments for the deprecated ``spider``. A
crawl makes some 70 stats calls an article (the fields' sources, the pipelines' counts, Scrapy's own), which
cost it about 0.1 ms an article. Here the methods are plain; a ``spider`` argument still gets Scrapy's warning.
Every key and value is what Scrapy's collector holds.
"""

from __future__ import annotations

import warnings

from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.statscollectors import MemoryStatsCollector


def _spider_argument(name: str) -> None:
    warnings.warn(f"Passing a 'spider' argument to StatsCollector.{name}() is deprecated and the argument will be "
                  "removed in a future Scrapy version.", category=ScrapyDeprecationWarning, stacklevel=3)


class RunStats(MemoryStatsCollector):
    __getattribute__ = object.__getattribute__

    def get_value(self, key, default=None, spider=None):
        if spider is not None:
            _spider_argument("get_value")
        return self._stats.get(key, default)

    def get_stats(self, spider=None):
        if spider is not None:
            _spider_argument("get_stats")
        return self._stats

    def set_value(self, key, value, spider=None) -> None:
        if spider is not None:
            _spider_argument("set_value")
        self._stats[key] = value

    def inc_value(self, key, count=1, start=0, spider=None) -> None:
        if spider is not None:
            _spider_argument("inc_value")
        stats = self._stats
        stats[key] = stats.get(key, start) + count

    def max_value(self, key, value, spider=None) -> None:
        if spider is not None:
            _spider_argument("max_value")
        stats = self._stats
        stats[key] = max(stats.get(key, value), value)

    def min_value(self, key, value, spider=None) -> None:
        if spider is not None:
            _spider_argument("min_value")
        stats = self._stats
        stats[key] = min(stats.get(key, value), value)
