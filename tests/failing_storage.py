"""A feed storage that cannot store (a bucket out of reach), for the test of when articles count as seen."""

import tempfile

from scrapy.extensions.feedexport import BlockingFeedStorage


class FailingStorage(BlockingFeedStorage):
    def __init__(self, uri, *, feed_options=None):
        self.uri = uri

    def open(self, spider):
        return tempfile.TemporaryFile()  # written locally, as a remote storage does before it uploads

    def _store_in_thread(self, file):
        raise OSError("the bucket cannot be reached")
