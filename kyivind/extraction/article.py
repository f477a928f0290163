"""``extract_article``: run the layers in order and merge what they found into the item's fields."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from parsel import Selector

from kyivind.extraction.ghost_post import post_fields
from kyivind.extraction.layers import LAYER_MODULES, Found, layers_of
from kyivind.extraction.page import Page
from kyivind.extraction.util import clean_text, image_key, language_tag, split_caption, url_path_slug
from kyivind.items import PAGE_SCALAR_FIELDS, Author, new_author

AUTHOR_KEYS = tuple(new_author())


@dataclass
class Extraction:
    fields: dict
    sources: dict = field(default_factory=dict)  # field name -> layer that gave it
    problems: list = field(default_factory=list)  # recoverable faults met on the page

    @property
    def is_article(self) -> bool:
        return bool(self.fields.get("title") and self.fields.get("body_text"))


def _empty(value) -> bool:
    """None, "", [] or {} (a value that is there is never compared: no empty list and dict made for it)."""
    return value is None or (not value and (value == "" or value == [] or value == {}))


def _same_author(a: dict, b: dict) -> bool:
    if a.get("slug") and b.get("slug"):
        return a["slug"] == b["slug"]
    return bool(a.get("name") and b.get("name") and a["name"].lower() == b["name"].lower())


def merge_authors(found: list[tuple[str, list[dict]]]) -> tuple[list[dict], str | None]:
    """Authors in page order from the layer that lists the most, each filled from the others.

    JSON-LD names only the primary author, the page shows all: the longest list is the base; an
    author named by an earlier layer but missing from the base is kept, at its position.
    """
    found = [(name, authors) for name, authors in found if authors]
    if not found:
        return [], None
    base_layer, base = max(found, key=lambda pair: len(pair[1]))
    merged = [dict(a) for a in base]
    for _layer, authors in found:
        for position, author in enumerate(authors):
            match = next((m for m in merged if _same_author(m, author)), None)
            if match is None:
                merged.insert(min(position, len(merged)), dict(author))
                continue
            for key in AUTHOR_KEYS:
                if _empty(match.get(key)) and not _empty(author.get(key)):
                    match[key] = author[key]
    return [{**new_author(), **author} for author in merged], base_layer


def merge_image(layers: list[Found], page: Page) -> tuple[dict | None, str | None, str | None]:
    """(image, layer that gave it, the caption as the page prints it): the first layer's image that the
    page shows; its caption from the first layer that gives one for the same image, else the page's."""
    for layer in layers:
        image = layer.get("image")
        if not image or not image.get("url"):
            continue
        if image.get("unverified") and not page.has_image(image["url"]):
            page.problems.append("image_unverified")
            continue  # a share image the page does not show is not the article's feature image
        raw_caption = image.get("raw_caption")
        if not raw_caption:
            key = image_key(image["url"])
            for other in layers:
                if getattr(LAYER_MODULES[other.name], "CAPTIONS_FROM_PAGE", False):
                    break  # that layer's caption is the page's own, asked below; the layers after it give none
                found = other.get("image")
                if found and found.get("raw_caption") and image_key(found.get("url")) == key:
                    raw_caption = found["raw_caption"]
                    break
            raw_caption = raw_caption or page.caption_for(image["url"])
        caption, credit = split_caption(raw_caption)
        return {"url": image["url"], "caption": caption, "credit": credit}, layer.name, raw_caption
    return None, None, None


def content_hash(title: str | None, body_text: str | None) -> str:
    return hashlib.sha256(f"{title or ''}\n\n{body_text or ''}".encode()).hexdigest()


def extract_article(source: Selector | str | bytes | Page, url: str | None = None, timezone=None) -> Extraction:
    """``timezone``: the site's (``zoneinfo.ZoneInfo``), in which times written for people are read."""
    page = source if isinstance(source, Page) else Page(source, url, timezone)
    layers = layers_of(page)
    fields: dict = {}
    sources: dict = {}
    for key in PAGE_SCALAR_FIELDS + ("tags",):
        for layer in layers:  # asked in order: a later layer reads a field only when the earlier ones lack it
            value = layer.get(key)
            if not _empty(value):
                fields[key], sources[key] = value, layer.name
                break
        else:
            fields[key] = [] if key == "tags" else None
    fields["authors"], sources["authors"] = merge_authors([(layer.name, layer.get("authors") or []) for layer in layers])
    fields["image"], sources["image"], raw_caption = merge_image(layers, page)
    body_layer = sources.get("body_text")
    ordered = sorted(layers, key=lambda layer: layer.name != body_layer)
    for key in ("links", "embeds"):  # from the layer that gave the body, else the first that read one
        layer = next((layer for layer in ordered if layer.get(key) is not None), None)
        found = layer.get(key) if layer is not None else []
        fields[key], sources[key] = found, layer.name if found else None
    if raw_caption and fields["body_text"]:  # a caption printed as a plain paragraph is not body text
        caption = clean_text(raw_caption)
        blocks = [b for b in fields["body_text"].split("\n\n") if clean_text(b) != caption]
        fields["body_text"] = "\n\n".join(blocks) or None
    _finish(fields, sources, url)
    return Extraction(fields=fields, sources={k: v for k, v in sources.items() if v}, problems=sorted(set(page.problems)))


def _finish(fields: dict, sources: dict, url: str | None) -> None:
    """What every source gets the same way: authors as ``Author``, primary tag, language subtag, slug,
    counts, hash."""
    fields["authors"] = [Author(**a) for a in fields.get("authors") or []]
    if fields.get("primary_tag") is None and fields.get("tags"):
        fields["primary_tag"], sources["primary_tag"] = fields["tags"][0], sources.get("tags")
    fields["language"] = language_tag(fields.get("language"))
    fields["slug"] = url_path_slug(fields.get("url") or url)
    body = fields.get("body_text")
    fields["word_count"] = len(body.split()) if body else 0
    fields["content_hash"] = content_hash(fields.get("title"), body)


def extract_post(post: dict) -> Extraction:
    """The fields of a Ghost post object (Content API): the same item as the page of that post gives."""
    fields = post_fields(post)
    image = fields.get("image")
    if image:
        caption, credit = split_caption(image.get("raw_caption"))
        fields["image"] = {"url": image["url"], "caption": caption, "credit": credit}
    sources = {k: "api" for k, v in fields.items() if not _empty(v)}
    _finish(fields, sources, fields.get("url"))
    return Extraction(fields=fields, sources=sources)
