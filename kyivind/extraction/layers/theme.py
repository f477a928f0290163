"""Layer 5, the last: class names of known themes (Ghost's Casper and Source, common CMS names).

Class names are the first thing a redesign changes, so this layer only fills what every other
layer left empty; a field found here is counted in the run's stats.
"""

from __future__ import annotations

from kyivind.extraction.body import Body, body_parsers, read_body
from kyivind.extraction.page import Page
from kyivind.extraction.util import clean_text, none_if_empty, parse_datetime, parse_reading_time

TITLE = ".article-title, .post-title, .gh-article-title, .post-full-title, .entry-title, .headline"
BODY = ".gh-content, .post-content, .post-full-content, .article-body, .entry-content, .article-content, .content-body"
DATE = ".post-date, .article-date, .byline-date, .gh-article-meta time, .published"
TAG = ".post-tag, .gh-article-tag, .article-tag, .post-card-primary-tag, .tag-label"
EXCERPT = ".article-excerpt, .gh-article-excerpt, .post-excerpt, .standfirst, .dek"
READ = ".reading-time, .read-time, .byline-reading-time"


def _first_text(page: Page, css: str) -> str | None:
    for el in page.sel.css(css):
        text = clean_text(" ".join(el.xpath(".//text()").getall()))
        if text:
            return text
    return None


def _parse_title(page):
    return _first_text(page, TITLE)


def _parse_description(page):
    return _first_text(page, EXCERPT)


def _parse_published_at(page):
    for el in page.sel.css(DATE):
        value = el.attrib.get("datetime") or el.attrib.get("content") or clean_text(el.xpath("string()").get())
        parsed = parse_datetime(value)
        if parsed:
            return parsed
    return None


def _parse_tags(page):
    names = [clean_text(el.xpath("string()").get()) for el in page.sel.css(TAG)]
    return list(dict.fromkeys(n for n in names if n))


def _parse_body(page) -> Body:
    found = page.sel.css(BODY)
    return read_body(found[0].root, base_url=page.url) if found else Body(None)


def _parse_reading_time_min(page):
    return parse_reading_time(_first_text(page, READ))


def _body(page) -> Body:
    found = page.__dict__.get("_theme_body")
    if found is None:
        found = page.__dict__["_theme_body"] = _parse_body(page)
    return found


PARSERS = {
    "title": _parse_title,
    "description": lambda page: none_if_empty(_parse_description(page)),
    "published_at": _parse_published_at,
    "tags": _parse_tags,
    **body_parsers(_body),
    "reading_time_min": _parse_reading_time_min,
}


def context(page: Page) -> Page:
    return page


def parse(page: Page) -> dict:
    return {key: parse_field(page) for key, parse_field in PARSERS.items()}
