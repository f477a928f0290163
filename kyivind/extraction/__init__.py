"""Extraction: pure functions from a page (``parsel.Selector`` or HTML text) to field values.

Nothing here imports Scrapy, so every function can be run and tested on a saved page.
"""

from kyivind.extraction.article import Extraction, content_hash, extract_article, extract_post
from kyivind.extraction.author_page import AuthorProfile, extract_author_page
from kyivind.extraction.authors import split_author_block, split_ghost_author
from kyivind.extraction.body import body_from_fragment, body_from_page
from kyivind.extraction.ghost_post import looks_like_post
from kyivind.extraction.listing import Listing, article_path, extract_listing
from kyivind.extraction.page import Page
from kyivind.extraction.sitemap import parse_sitemap

__all__ = [
    "AuthorProfile", "Extraction", "Listing", "Page", "article_path", "body_from_fragment", "body_from_page",
    "content_hash", "extract_article", "extract_post", "looks_like_post", "parse_sitemap", "extract_author_page", "extract_listing", "split_author_block",
    "split_ghost_author",
]
