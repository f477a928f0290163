"""Fields of a Ghost post object, as the Content API and a Next.js front end's embedded data give it."""

from __future__ import annotations

from kyivind.extraction.body import body_fields, read_fragment
from kyivind.extraction.page import parse_fragment
from kyivind.extraction.util import author_slug_from_url, clean_text, none_if_empty, parse_datetime
from kyivind.items import new_author

POST_KEYS = ("slug", "title")


def looks_like_post(obj) -> bool:
    return (
        isinstance(obj, dict)
        and all(isinstance(obj.get(k), str) for k in POST_KEYS)
        and ("published_at" in obj or "html" in obj)
    )


def find_post(payload, depth: int = 0):
    """The first Ghost post object inside a JSON document, searched breadth first."""
    queue = [payload]
    while queue:
        item = queue.pop(0)
        if looks_like_post(item):
            return item
        if isinstance(item, dict):
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            queue.extend(v for v in item if isinstance(v, (dict, list)))
    return None


def _name(value) -> str | None:
    if isinstance(value, dict):
        return none_if_empty(_str(value.get("name")))
    return none_if_empty(value) if isinstance(value, str) else None


def _visible_tags(post: dict) -> list[dict]:
    tags = _list(post.get("tags"))
    return [t for t in tags if isinstance(t, dict) and t.get("visibility", "public") == "public"
            and not str(t.get("name", "")).startswith("#")]


def _str(value) -> str | None:
    """A value the post object should hold as a string, or None when it holds something else (a hostile or
    broken answer: a number, a list, an object)."""
    return value if isinstance(value, str) else None


def _list(value) -> list:
    return value if isinstance(value, list) else []


def post_author(author: dict) -> dict:
    """One author of a post. ``bio`` and ``location`` are kept raw for the author-bio splitting."""
    url = none_if_empty(_str(author.get("url")))
    slug = none_if_empty(_str(author.get("slug"))) or author_slug_from_url(url)
    return new_author(name=none_if_empty(_str(author.get("name"))), slug=slug, url=url,
                      image_url=none_if_empty(_str(author.get("profile_image"))),
                      raw={"bio": _str(author.get("bio")), "location": _str(author.get("location"))})


def post_fields(post: dict) -> dict:
    tags = _visible_tags(post)
    primary = post.get("primary_tag")
    image_url = none_if_empty(_str(post.get("feature_image")))
    caption_html = _str(post.get("feature_image_caption"))
    caption = None
    if caption_html:
        if caption_html.isprintable() and "<" not in caption_html and "&" not in caption_html:
            caption = clean_text(caption_html)  # plain text: what parsing it would give
        else:
            caption = clean_text(" ".join(parse_fragment(caption_html).itertext()))
    reading = post.get("reading_time")
    return {
        "url": none_if_empty(_str(post.get("url"))),
        "title": none_if_empty(_str(post.get("title"))),
        "description": none_if_empty(_str(post.get("custom_excerpt") or post.get("meta_description") or post.get("excerpt"))),
        "published_at": parse_datetime(_str(post.get("published_at"))),
        "modified_at": parse_datetime(_str(post.get("updated_at"))),
        "primary_tag": _name(primary) if primary else (_name(tags[0]) if tags else None),
        "tags": [n for n in (_name(t) for t in tags) if n],
        "authors": [post_author(a) for a in _list(post.get("authors")) if isinstance(a, dict)],
        "image": {"url": image_url, "raw_caption": caption} if image_url else None,
        **body_fields(read_fragment(_str(post.get("html")), none_if_empty(_str(post.get("url"))))),
        "reading_time_min": reading if isinstance(reading, int) else None,
        "language": None,
    }
