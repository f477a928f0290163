"""Author-bio splitting: every author's raw block (``Author.raw``) becomes ``role`` and ``bio``.

A block from a page is text (name, role line, bio, chrome such as "Avatar" and "Read more", with or
without line breaks); a block from Ghost data is ``{"bio", "location"}``. What a structured source
already gave is kept; ``raw`` is cleared, and it is never exported.
"""

from __future__ import annotations

from itemadapter import ItemAdapter

from kyivind import statkeys as keys
from kyivind.extraction.authors import split_author_block, split_ghost_author
from kyivind.items import Author
from kyivind.pipelines import CrawlerPipeline


def split_author(author: Author) -> Author:
    raw = author.raw
    if isinstance(raw, dict):
        role, bio = split_ghost_author(raw.get("bio"), raw.get("location"), author.name)
    elif isinstance(raw, str):
        role, bio = split_author_block(raw, author.name)
    else:
        role, bio = None, None
    author.role = author.role or role
    author.bio = author.bio or bio
    author.raw = None
    return author


class AuthorBioPipeline(CrawlerPipeline):
    def process_item(self, item, spider=None):
        adapter = ItemAdapter(item)
        authors = [split_author(a) for a in adapter.get("authors") or []]
        for author in authors:
            self.stats.inc_value(keys.AUTHORBIO_AUTHORS)
            if author.role is None:
                self.stats.inc_value(keys.AUTHORBIO_NO_ROLE)
            if author.bio is None:
                self.stats.inc_value(keys.AUTHORBIO_NO_BIO)
        adapter["authors"] = authors
        return item
