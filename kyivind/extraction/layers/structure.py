"""Layer 4: page structure — canonical link, ``<h1>``, ``<time>``, links to ``/author/<slug>/`` and
``/tag/<slug>/``, ``figure``/``figcaption``, the paragraphs of the body. No class names."""

from __future__ import annotations

import re
from functools import cached_property

from lxml import etree

from kyivind.extraction.body import Body, Tree, body_parsers, find_body_container, read_body
from kyivind.extraction.chrome import in_page_chrome
from kyivind.extraction.page import TITLE_TEXT, Page, text_content
from kyivind.extraction.util import (
    DATE_ONLY,
    MAX_READ_TIME_DIGITS,
    READ_TIME,
    author_slug_from_url,
    clean_text,
    decode_image_url,
    has_clock,
    join_url,
    none_if_empty,
    parse_reading_time,
    parse_text_date,
    text_within,
)
from kyivind.items import new_author

BLOCK_LEVEL = frozenset(
    "p div section article header footer h1 h2 h3 h4 h5 h6 li ul ol blockquote figure figcaption br".split())
_CANONICAL = etree.XPath("//link[@rel='canonical']/@href", smart_strings=False)
_BODY = etree.XPath("//body")
# a tag's link: to /tag/<slug>/, or marked rel="tag" (HTML's link type; WordPress's rel="category tag")
_LINKS_TO = {"/tag/": etree.XPath(".//a[contains(@href, '/tag/') or contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")}
_FIRST_BLOCK = etree.XPath("(.//p | .//h2 | .//blockquote)[1]")
_TEXTS = etree.XPath(".//text()", smart_strings=False)
_BY = re.compile(r"^by\s+", re.I)
TAG_LINK = re.compile(r"/(?:tag|category)/([^/?#]+)/?$")


class _Structure:
    """The structure of one page, each part found when first asked."""

    def __init__(self, page: Page):
        self.page = page

    @cached_property
    def h1(self):
        return self.page.title_el

    @cached_property
    def tree(self) -> Tree:
        return Tree(self.page.root, self.page.order)

    @cached_property
    def container(self):
        return find_body_container(self.page.root, self.h1, tree=self.tree)

    @cached_property
    def region(self):
        if self.h1 is not None:
            for ancestor in self.h1.iterancestors("article", "main"):
                return ancestor
        if self.container is not None:
            return self.container.getparent() if self.container.getparent() is not None else self.container
        body = _BODY(self.page.root)
        return body[0] if body else self.page.root

    @cached_property
    def body(self) -> Body:
        return _parse_body(self)

    def links(self, pattern: str, region_only: bool = False):
        """The links whose address holds ``pattern``, outside the page's chrome, in page order."""
        if region_only:
            found = _LINKS_TO[pattern](self.region)
        else:
            found = [a for a in self.page.tagged("a") if pattern in (a.get("href") or "")]
        for a in found:
            if not in_page_chrome(a):
                yield a


_NOT_TEXT = frozenset(("script", "style", "img", "svg", "noscript"))


def block_text(el) -> str:
    """Text of an element with a line break at every block boundary (images and scripts left out)."""
    if not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
        return ""
    lines = [clean_text(line) for line in text_within(el, BLOCK_LEVEL, "\n", _NOT_TEXT).split("\n")]
    return "\n".join(line for line in lines if line)


def _only_links_to(node, slug: str) -> bool:
    """Whether every link below ``node`` goes to the author ``slug`` and no ``<time>`` is in it (read in
    page order, up to the first link elsewhere)."""
    for el in node.iter("a", "time"):
        if el.tag == "time":
            return False
        if el is not node and (href := el.get("href")) is not None and author_slug_from_url(href) != slug:
            return False
    return True


def _author_card(a, slug: str, cache: dict):
    """The largest ancestor of an author link that links only to that author and has no ``<time>``
    (``cache``: each ancestor's answer for each author, read once per page)."""
    card = None
    node = a.getparent()
    for _ in range(6):
        if node is None or node.tag in ("body", "html", "article", "main"):
            break
        answer = cache.get((node, slug))
        if answer is None:
            answer = cache[(node, slug)] = _only_links_to(node, slug)
        if not answer:
            break
        card = node
        node = node.getparent()
    return card


def _parse_url(s: _Structure):
    found = _CANONICAL(s.page.root)
    return none_if_empty(found[0] if found else None)


def _parse_title(s: _Structure):
    if s.h1 is not None:
        return none_if_empty(s.page.text_of(s.h1))
    # no heading: the document title without its " | Site" / " - Site" suffix
    titles = TITLE_TEXT(s.page.root)
    raw = clean_text(titles[0] if titles else None)
    return none_if_empty(re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", raw)[0]) if raw else None


def _times(s: _Structure):
    for t in s.region.iter("time"):
        if next(t.iterancestors("a"), None) is None and not in_page_chrome(t):
            yield t


def _time_value(s: _Structure, t):
    """A ``<time>``'s ``datetime``, or the date its text writes out; a ``datetime`` that holds only a date
    never beats a text that also gives the time of day (read in the site's time zone)."""
    attribute, text = t.get("datetime"), text_content(t)
    if attribute and not (DATE_ONLY.match(attribute) and has_clock(text)):
        return s.page.date(attribute)
    return parse_text_date(text, s.page.timezone)


def _parse_published_at(s: _Structure):
    for t in _times(s):
        if t.get("itemprop") != "dateModified":
            found = _time_value(s, t)
            if found:
                return found
    return _text_date(s)


def _text_date(s: _Structure):
    """No ``<time>``: a date written out in the byline, between the title and the body."""
    if s.h1 is None:
        return None
    start = s.page.order.get(s.h1, 0)
    seen = 0
    for el in s.region.iter():
        position = s.page.order.get(el, 0)
        if position <= start or not isinstance(el.tag, str) or el.tag in ("script", "style", "a"):
            continue
        seen += 1
        if seen > 150 or (el.tag == "p" and len(clean_text(text_content(el))) > 100):
            break  # the body has begun
        found = parse_text_date(el.text, s.page.timezone) or parse_text_date(el.tail, s.page.timezone)
        if found:
            return found
    return None


def _parse_modified_at(s: _Structure):
    for t in _times(s):
        if t.get("itemprop") == "dateModified":
            return _time_value(s, t)
    return None


def _parse_tags(s: _Structure):
    names = []
    for a in s.links("/tag/", region_only=True):
        if TAG_LINK.search(a.get("href", "")):
            name = clean_text(" ".join(a.itertext()))
            if name and name not in names:
                names.append(name)
    return names


def _parse_authors(s: _Structure):
    found: dict[str, dict] = {}
    cards: dict = {}
    card_texts: dict = {}
    region = s.region
    for a in s.links("/author/"):
        slug = author_slug_from_url(a.get("href"))
        if not slug:
            continue
        name = clean_text(" ".join(a.itertext()) if len(a) else a.text)  # a link with no element inside: its text
        if slug not in found:
            found[slug] = {**new_author(slug=slug), "_in_region": False, "_card_len": 0}
        entry = found[slug]
        entry["url"] = entry["url"] or (join_url(s.page.url, a.get("href")) if s.page.url else a.get("href"))
        if name and name.lower() not in ("read more", "more", "avatar") and not entry["name"]:
            entry["name"] = _BY.sub("", name)
        if not entry["_in_region"] and region in a.iterancestors():  # elements compare by identity
            entry["_in_region"] = True
        card = _author_card(a, slug, cards)
        if card is None:
            continue
        raw = card_texts.get(card)
        if raw is None:  # an author's avatar and name link to the same card
            raw = card_texts[card] = block_text(card)
        if len(raw) > entry["_card_len"]:
            entry["_card_len"] = len(raw)
            entry["raw"] = raw
            imgs = (decode_image_url(i.get("src") or i.get("srcset"), s.page.url) for i in card.iter("img"))
            entry["image_url"] = next((u for u in imgs if u), entry["image_url"])
    authors = []
    for entry in found.values():
        name_len = len(entry["name"] or "")
        has_card = entry["_card_len"] - name_len >= 40
        if not has_card:
            entry["raw"] = None
        if entry["name"] and (entry["_in_region"] or has_card):
            for key in ("_in_region", "_card_len"):
                entry.pop(key)
            authors.append(entry)
    return authors


def _parse_image(s: _Structure):
    stop = None
    if s.container is not None:
        blocks = _FIRST_BLOCK(s.container)
        stop = s.page.order.get(blocks[0]) if blocks else s.page.order.get(s.container)
    in_region = set(s.region.iter("img", "source"))
    for img, url, _ in s.page.image_list:
        if img not in in_region:
            continue
        if stop is not None and s.page.order.get(img, 0) > stop:
            break
        if next(img.iterancestors("a"), None) is not None or "avatar" in (img.get("alt") or "").lower():
            continue
        return {"url": url, "raw_caption": s.page.caption_for(url)}
    return None


def _parse_body(s: _Structure) -> Body:
    return read_body(s.container, s.h1, s.page.order, s.page.url, s.tree) if s.container is not None else Body(None)


def _parse_reading_time_min(s: _Structure):
    texts = _TEXTS(s.region)
    # one search over the region's texts joined by a character no pattern of a reading time crosses: where it
    # finds none, no text holds one; where it finds one, that is the first text's first (unless too long)
    found = READ_TIME.search("\x00".join(texts))
    if found is None:
        return None
    if len(found.group(1)) <= MAX_READ_TIME_DIGITS:
        return int(found.group(1))
    for text in texts:
        minutes = parse_reading_time(text)
        if minutes is not None:
            return minutes
    return None


def _parse_language(s: _Structure):
    # /html/@lang: the lang of the document's element when it is <html>, read without an XPath evaluation
    root = s.page.root.getroottree().getroot()
    return none_if_empty(root.get("lang") if root is not None and root.tag == "html" else None)


PARSERS = {
    "url": _parse_url,
    "title": _parse_title,
    "published_at": _parse_published_at,
    "modified_at": _parse_modified_at,
    "tags": _parse_tags,
    "authors": _parse_authors,
    "image": _parse_image,
    **body_parsers(lambda s: s.body),
    "reading_time_min": _parse_reading_time_min,
    "language": _parse_language,
}
CAPTIONS_FROM_PAGE = True  # the caption of the image this layer finds is the page's own (Page.caption_for)


def context(page: Page) -> _Structure:
    return _Structure(page)


def parse(page: Page) -> dict:
    s = _Structure(page)
    return {key: parse_field(s) for key, parse_field in PARSERS.items()}
