"""A bare Scrapy spider that fetches a list of URLs and parses each page once (the crawl benchmark's
baseline): what any spider costs before it does its own work.

It keeps Scrapy's default ``CONCURRENT_ITEMS`` (the project lowers it for itself, see settings.py) unless
``BENCH_BARE_CONCURRENT_ITEMS`` says otherwise, so that the project's own tuning is measured, not given to
the baseline.
"""

import json
import os

import scrapy
from scrapy.settings import default_settings


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {
        "HTTPERROR_ALLOWED_CODES": [404, 410],
        "CONCURRENT_ITEMS": int(os.environ.get("BENCH_BARE_CONCURRENT_ITEMS", default_settings.CONCURRENT_ITEMS)),
    }

    async def start(self):
        with open(os.environ["BENCH_URLS"]) as handle:
            for url in json.load(handle):
                yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        if hasattr(response, "selector"):
            response.selector.root  # noqa: B018 (the page parsed once, as every HTML spider does)
        return None
