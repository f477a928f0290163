"""A bare Scrapy spider that fetches a list of URLs and does nothing else (the crawl benchmark's baseline)."""

import json
import os

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {"HTTPERROR_ALLOWED_CODES": [404, 410]}

    async def start(self):
        with open(os.environ["BENCH_URLS"]) as handle:
            for url in json.load(handle):
                yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        return None
