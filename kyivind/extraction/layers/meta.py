"""Layer 3: ``<meta>`` tags (Open Graph, ``article:*``, Twitter cards, description)."""

from __future__ import annotations

import re

from kyivind.extraction.page import Page
from kyivind.extraction.util import clean_text, parse_reading_time
from kyivind.items import new_author

_WRITTEN_BY = re.compile(r"written by|author", re.I)
_READING_TIME = re.compile(r"reading time", re.I)
_NAME_LIST = re.compile(r",| and ")


def _meta_index(page: Page) -> dict[str, list[str]]:
    """Every ``<meta>`` content by its property, name and itemprop, read once per page."""
    index = page.__dict__.get("_meta_index")
    if index is None:
        index = {}
        for el in page.tagged("meta"):
            content = clean_text(el.get("content"))
            if not content:
                continue
            for attr in ("property", "name", "itemprop"):
                key = el.get(attr)
                if key:
                    index.setdefault(key, []).append(content)
        page.__dict__["_meta_index"] = index
    return index


def _metas(page: Page, *names: str) -> list[str]:
    index = _meta_index(page)
    return [value for name in names for value in index.get(name, [])]


def _first(page: Page, *names: str) -> str | None:
    found = _metas(page, *names)
    return found[0] if found else None


_TWITTER_LABELS = tuple((f"twitter:label{n}", f"twitter:data{n}") for n in range(1, 6))


def _twitter_labelled(page: Page, label: re.Pattern) -> str | None:
    index = _meta_index(page)
    for name, data in _TWITTER_LABELS:
        found = index.get(name)
        if found and label.search(found[0]):
            return _first(page, data)
    return None


def _parse_url(page):
    return _first(page, "og:url")


def _parse_title(page):
    return _first(page, "og:title", "twitter:title")


def _parse_description(page):
    return _first(page, "description", "og:description", "twitter:description")


def _parse_published_at(page):
    return page.date(_first(page, "article:published_time", "og:article:published_time", "datePublished"))


def _parse_modified_at(page):
    return page.date(_first(page, "article:modified_time", "og:updated_time", "dateModified"))


def _parse_tags(page):
    return _metas(page, "article:tag")


def _parse_primary_tag(page):
    return _first(page, "article:section")


def _parse_authors(page):
    names = _twitter_labelled(page, _WRITTEN_BY) or _first(page, "author", "article:author")
    if not names or names.startswith("http"):
        return []
    return [new_author(name=n) for n in (clean_text(x) for x in _NAME_LIST.split(names)) if n]


def _parse_image(page):
    url = _first(page, "og:image", "twitter:image")
    return {"url": url, "raw_caption": None, "unverified": True} if url else None


def _parse_reading_time_min(page):
    return parse_reading_time(_twitter_labelled(page, _READING_TIME))


def _parse_language(page):
    return _first(page, "og:locale", "inLanguage")


PARSERS = {
    "url": _parse_url,
    "title": _parse_title,
    "description": _parse_description,
    "published_at": _parse_published_at,
    "modified_at": _parse_modified_at,
    "primary_tag": _parse_primary_tag,
    "tags": _parse_tags,
    "authors": _parse_authors,
    "image": _parse_image,
    "reading_time_min": _parse_reading_time_min,
    "language": _parse_language,
}


def context(page: Page) -> Page:
    return page


def parse(page: Page) -> dict:
    return {key: parse_field(page) for key, parse_field in PARSERS.items()}
