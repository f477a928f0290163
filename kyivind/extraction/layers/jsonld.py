"""Layer 2: schema.org JSON-LD (Ghost writes an ``Article`` object on every post page)."""

from __future__ import annotations

from kyivind.extraction.page import Page
from kyivind.extraction.util import author_slug_from_url, none_if_empty
from kyivind.items import new_author

ARTICLE_TYPES = {"Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting", "Report"}


def _types(obj: dict) -> set:
    value = obj.get("@type")
    return set(value) if isinstance(value, list) else {value}


def _article(page: Page) -> dict | None:
    for obj in page.jsonld_objects:
        if _types(obj) & ARTICLE_TYPES:
            return obj
    return None


def _url_of(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    return none_if_empty(value) if isinstance(value, str) else None


def _parse_url(obj):
    return _url_of(obj.get("url")) or _url_of(obj.get("mainEntityOfPage"))


def _parse_title(obj):
    return none_if_empty(obj.get("headline") or obj.get("name"))


def _parse_description(obj):
    return none_if_empty(obj.get("description"))


def _parse_tags(obj):
    keywords = obj.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    return [k for k in (none_if_empty(k) for k in keywords or [] if isinstance(k, str)) if k]


def _parse_primary_tag(obj):
    section = obj.get("articleSection")
    if isinstance(section, list):
        section = section[0] if section else None
    return none_if_empty(section) if isinstance(section, str) else None


def _person(value) -> dict | None:
    if isinstance(value, str):
        return new_author(name=none_if_empty(value))
    if not isinstance(value, dict) or not none_if_empty(value.get("name")):
        return None
    url = _url_of(value.get("url"))
    return new_author(name=none_if_empty(value.get("name")), slug=author_slug_from_url(url), url=url,
                      role=none_if_empty(value.get("jobTitle")), bio=none_if_empty(value.get("description")),
                      image_url=_url_of(value.get("image")))


def _parse_authors(obj):
    people = []
    for key in ("author", "contributor"):
        value = obj.get(key)
        for entry in value if isinstance(value, list) else [value]:
            person = _person(entry)
            if person:
                people.append(person)
    return people


def _parse_image(obj):
    value = obj.get("image")
    if isinstance(value, list):
        value = value[0] if value else None
    url = _url_of(value)
    if not url:
        return None
    caption = value.get("caption") if isinstance(value, dict) else None
    return {"url": url, "raw_caption": none_if_empty(caption) if isinstance(caption, str) else None}


def _parse_body_text(obj):
    return none_if_empty(obj.get("articleBody"))


def _parse_language(obj):
    value = obj.get("inLanguage")
    return none_if_empty(value) if isinstance(value, str) else None


def parse(page: Page) -> dict:
    obj = _article(page)
    if obj is None:
        return {}
    return {
        "url": _parse_url(obj),
        "title": _parse_title(obj),
        "description": _parse_description(obj),
        "published_at": page.date(obj.get("datePublished")),
        "modified_at": page.date(obj.get("dateModified")),
        "primary_tag": _parse_primary_tag(obj),
        "tags": _parse_tags(obj),
        "authors": _parse_authors(obj),
        "image": _parse_image(obj),
        "body_text": _parse_body_text(obj),
        "language": _parse_language(obj),
    }
