"""Extraction: pure functions from a page (``parsel.Selector`` or HTML text) to field values.

Nothing here imports Scrapy, so every function can be run and tested on a saved page.
"""

from .article import Extraction, content_hash, extract_article, extract_post
from .author_page import AuthorProfile, extract_author_page
from .authors import split_author_block, split_ghost_author
from .body import body_from_fragment, body_from_page
from .ghost_post import looks_like_post
from .listing import Listing, article_path, extract_listing
from .page import Page
from .sitemap import parse_sitemap

__all__ = [
    "AuthorProfile", "Extraction", "Listing", "Page", "article_path", "body_from_fragment", "body_from_page",
    "content_hash", "extract_article", "extract_post", "looks_like_post", "parse_sitemap", "extract_author_page", "extract_listing", "split_author_block",
    "split_ghost_author",
]
