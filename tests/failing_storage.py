"""A feed storage that cannot store (a bucket out of reach), for the test of when articles count as seen."""

from scrapy.extensions.feedexport import FileFeedStorage


class FailingStorage(FileFeedStorage):
    def store(self, file):
        raise OSError("the bucket cannot be reached")
