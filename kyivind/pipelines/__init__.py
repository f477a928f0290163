"""Item pipelines, one job per file, run in this order (see ``ITEM_PIPELINES`` in settings):
validation (100) -> dedup (200) -> author-bio splitting (300) -> versions (400) -> JSON Lines export (900)
-> state (950)."""


class CrawlerPipeline:
    """Keeps the crawler and its stats; Scrapy 2.19 passes no spider to pipeline methods."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.settings = crawler.settings

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)
