"""The crawl's stats collector holds what Scrapy's does, with plain calls."""

import warnings

import pytest
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from kyivind.crawl.stats import RunStats
from tests.conftest import project_crawler


def counted(collector_class) -> dict:
    stats = collector_class(get_crawler())
    stats.inc_value("a")
    stats.inc_value("a", 2)
    stats.inc_value("b", start=10)
    stats.set_value("c", "x")
    stats.max_value("m", 3)
    stats.max_value("m", 1)
    stats.min_value("n", 3)
    stats.min_value("n", 5)
    return {**stats.get_stats(), "got": stats.get_value("a"), "missing": stats.get_value("z", "none")}


def test_it_counts_as_scrapys_own_collector():
    assert counted(RunStats) == counted(MemoryStatsCollector) == {
        "a": 3, "b": 11, "c": "x", "m": 3, "n": 3, "got": 3, "missing": "none"}


def test_a_crawl_uses_it_and_a_spider_argument_still_warns(tmp_path):
    crawler = project_crawler({"KYIVIND_DATA_DIR": str(tmp_path)})
    assert type(crawler.stats) is RunStats
    with pytest.warns(ScrapyDeprecationWarning, match="spider"):
        crawler.stats.inc_value("a", spider=crawler.spider)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        crawler.stats.inc_value("a")
    assert crawler.stats.get_value("a") == 2
