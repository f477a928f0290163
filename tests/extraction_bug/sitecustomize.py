"""Loaded into a test crawl (on its PYTHONPATH) to stand for an extraction bug that a later release fixes:
``KYIVIND_TEST_BUG=links`` loses every article's links, ``=tags`` keeps only the primary tag."""

import os

_BUG = os.environ.get("KYIVIND_TEST_BUG")
if _BUG:
    from kyivind.extraction import article as _article

    _finish = _article._finish

    def _buggy_finish(fields, sources, url):
        _finish(fields, sources, url)
        if _BUG == "links":
            fields["links"] = []
        elif _BUG == "tags":
            fields["tags"] = fields["tags"][:1]

    _article._finish = _buggy_finish
