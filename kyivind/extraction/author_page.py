"""Author pages (``/author/<slug>/``): the author's name, picture and profile block (name, role line, bio)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from parsel import Selector

from kyivind.extraction.chrome import outside_content
from kyivind.extraction.layers.structure import block_text
from kyivind.extraction.page import Page, text_content
from kyivind.extraction.util import clean_text, decode_image_url, none_if_empty


def _name_element(page: Page, name: str | None):
    """The element that shows the author's name on its own (a heading, usually), outside the page chrome."""
    if not name:
        return None
    wanted = name.lower()
    for el in page.root.xpath("//h1 | //h2 | //h3 | //h4 | //p | //div | //span"):
        if clean_text(text_content(el)).lower() == wanted and not outside_content(el) and not el.xpath("ancestor::a"):
            return el
    return page.title_el


@dataclass
class AuthorProfile:
    name: str | None = None
    slug: str | None = None
    image_url: str | None = None
    raw: str | None = None  # name, role line and bio as the page shows them, for the bio splitting
    bio: str | None = None  # from the page's structured data, where it has some


def extract_author_page(source: Selector | str, page_url: str) -> AuthorProfile:
    page = Page(source, page_url)
    profile = AuthorProfile(slug=next((p for p in reversed(urlsplit(page_url).path.split("/")) if p), None))
    for obj in page.jsonld_objects:
        if obj.get("@type") == "Person":
            profile.name = none_if_empty(obj.get("name"))
            profile.bio = none_if_empty(obj.get("description"))
            image = obj.get("image")
            profile.image_url = none_if_empty(image.get("url") if isinstance(image, dict) else image)
    if profile.name is None and page.title_el is not None:
        profile.name = page.text_of(page.title_el)
    if profile.name is None:
        title = clean_text(page.sel.xpath("//meta[@property='og:title']/@content").get()
                           or page.sel.xpath("//title/text()").get())
        profile.name = none_if_empty(re.split(r"\s+[|–—-]\s+", title)[0]) if title else None
    name_el = _name_element(page, profile.name)
    if name_el is not None:
        # the profile block: the name's nearest ancestor that holds more than the name,
        # stopping before it reaches the list of the author's articles
        node, raw = name_el.getparent(), None
        for _ in range(5):
            if node is None or node.xpath(".//time") or node.xpath(".//article") or node.tag in ("body", "main"):
                break
            raw = block_text(node)
            if len(raw) > len(profile.name or "") + 20:
                break
            node = node.getparent()
        profile.raw = raw
        if profile.image_url is None and node is not None:
            imgs = [decode_image_url(i.get("src"), page_url) for i in node.iter("img")]
            profile.image_url = next((u for u in imgs if u), None)
    if profile.name is None:
        profile.name = none_if_empty(page.sel.xpath("//meta[@property='og:title']/@content").get())
    return profile
