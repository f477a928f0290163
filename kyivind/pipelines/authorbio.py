"""Author-bio splitting: every author's raw block (``_raw``) becomes ``role`` and ``bio``.

A block from a page is text (name, role line, bio, chrome such as "Avatar" and "Read more", with or
without line breaks); a block from Ghost data is ``{"bio", "location"}``. What a structured source
already gave is kept; ``_raw`` is removed so that no internal key reaches a feed.
"""

from __future__ import annotations

from itemadapter import ItemAdapter

from ..extraction.authors import split_author_block, split_ghost_author
from . import CrawlerPipeline


def split_author(author: dict) -> dict:
    author = dict(author)
    raw = author.pop("_raw", None)
    if isinstance(raw, dict):
        role, bio = split_ghost_author(raw.get("bio"), raw.get("location"), author.get("name"))
    elif isinstance(raw, str):
        role, bio = split_author_block(raw, author.get("name"))
    else:
        role, bio = None, None
    author["role"] = author.get("role") or role
    author["bio"] = author.get("bio") or bio
    return author


class AuthorBioPipeline(CrawlerPipeline):
    def process_item(self, item, spider=None):
        adapter = ItemAdapter(item)
        authors = [split_author(a) for a in adapter.get("authors") or []]
        for author in authors:
            self.stats.inc_value("kyivind/authorbio/authors")
            if author.get("role") is None:
                self.stats.inc_value("kyivind/authorbio/no_role")
            if author.get("bio") is None:
                self.stats.inc_value("kyivind/authorbio/no_bio")
        adapter["authors"] = authors
        return item
