"""A parsed page shared by the extraction layers: the selector, its lxml root and cached lookups."""

from __future__ import annotations

import html
import json
import re
from functools import cached_property

from lxml import etree
from lxml import html as lxml_html
from parsel import Selector
from parsel.selector import create_root_node

from kyivind.extraction.flight import NEXT_F_PUSH, next_f_chunks
from kyivind.extraction.util import clean_text, decode_image_url, image_key, parse_datetime


def _unescape(value):
    if isinstance(value, str):
        return html.unescape(value) if "&" in value else value
    if isinstance(value, list):
        return [_unescape(v) for v in value]
    if isinstance(value, dict):
        return {k: _unescape(v) for k, v in value.items()}
    return value


CREDIT_END = re.compile(r"\([^()]{3,120}\)\.?$")
_TEXT = etree.XPath("string()", smart_strings=False)
TITLE_TEXT = etree.XPath("//title/text()", smart_strings=False)
INDEXED_TAGS = ("script", "meta", "h1", "img", "source", "a")
_MARKED = re.compile(r"caption|credit", re.I)


def text_content(el) -> str:
    """The text of an element and its descendants (no comments), as ``HtmlElement.text_content``."""
    return _TEXT(el)


def parse_html(source: str | bytes):
    """The lxml tree of a page: the same parse as ``parsel.Selector`` makes (lxml's HTML parser, nulls dropped,
    broken UTF-8 decoded with replacement), without lxml.html's element classes, whose Python lookup runs
    for every element a walk touches (a walk over the tree takes a fifth of the time without it)."""
    if isinstance(source, bytes):
        return create_root_node("", etree.HTMLParser, body=source or b"<html></html>", encoding="utf-8")
    return create_root_node(source or "<html></html>", etree.HTMLParser)


_FULL_DOCUMENT = re.compile(r"^\s*<(?:html|!doctype)", re.I)


def document_order(root) -> dict:
    """The position of every node under ``root`` (itself included) in document order."""
    return {el: i for i, el in enumerate(root.iter())}


def parse_fragment(fragment: str):
    """A piece of HTML (a post's ``html``, a caption) under one ``<div>``: the tree
    ``lxml.html.fragment_fromstring(fragment, create_parent="div")`` builds, of plain lxml elements.
    A whole document where a piece was expected, or a piece that opens a second body, is left to
    lxml.html's own rules (which refuse the latter)."""
    document = None
    if not _FULL_DOCUMENT.match(fragment):
        document = etree.fromstring(f"<html><body>{fragment}</body></html>", etree.HTMLParser())
    bodies = [child for child in document if child.tag == "body"] if document is not None else []
    if len(bodies) != 1:
        return lxml_html.fragment_fromstring(fragment, create_parent="div")
    body = bodies[0]
    root = etree.Element("div")
    if body.text and body.text.strip():
        root.text = body.text
    root.extend(body)
    return root


class Page:
    def __init__(self, source: Selector | str | bytes, url: str | None = None, timezone=None):
        if isinstance(source, Selector):
            self._sel = source
            self.root = source.root
        else:  # bytes: UTF-8 parsed as they are, no decoding and encoding again
            self._sel = None
            self.root = parse_html(source)
        self.url = url
        self.timezone = timezone  # the site's, for times written for people (a zoneinfo.ZoneInfo; None: UTC)
        self.problems: list[str] = []  # names of recoverable faults met while reading the page

    @property
    def sel(self) -> Selector:
        """A parsel selector over the page's tree, made when a reader asks for CSS."""
        if self._sel is None:
            self._sel = Selector(root=self.root, type="html")
        return self._sel

    def date(self, raw) -> str | None:
        """A timestamp in UTC, or None; a value that is there but is no date is a recorded problem."""
        parsed = parse_datetime(raw if isinstance(raw, str) else None)
        if parsed is None and isinstance(raw, str) and clean_text(raw):
            self.problems.append("date_unparsable")
        return parsed

    # --- embedded JSON -------------------------------------------------------------------------
    @cached_property
    def scripts(self) -> dict[str, list]:
        """The page's inline scripts that carry data, found in one pass over the document: the text of
        ``jsonld`` (``application/ld+json``) and ``next_data`` (``#__NEXT_DATA__``); ``other``, the elements
        of the rest, whose text (a Next.js page carries hundreds of KiB of it) is read only when a reader
        looks for ``self.__next_f`` pushes (``next_f_scripts``)."""
        found: dict[str, list] = {"jsonld": [], "next_data": [], "other": []}
        for script in self.tagged("script"):
            if (script.get("type") or "").strip().lower() == "application/ld+json":
                key = "jsonld"
            elif script.get("id") == "__NEXT_DATA__":
                key = "next_data"
            else:
                found["other"].append(script)
                continue
            if script.text:
                found[key].append(script.text)
        return found

    def next_f_scripts(self) -> list[str]:
        """The text of the scripts that push ``self.__next_f`` chunks (a Next.js App Router page)."""
        return [text for script in self.scripts["other"] if (text := script.text) and NEXT_F_PUSH in text]

    @cached_property
    def jsonld_objects(self) -> list[dict]:
        objects: list[dict] = []
        for raw in self.scripts["jsonld"]:
            try:
                # Ghost writes HTML entities into JSON-LD strings (master&#x27;s)
                data = _unescape(json.loads(raw))
            except ValueError:
                self.problems.append("jsonld_invalid")
                continue
            except RecursionError:  # nested deeper than Python recurses: not data anyone publishes
                self.problems.append("json_too_deep")
                continue
            stack = [data]
            while stack:
                item = stack.pop(0)
                if isinstance(item, list):
                    stack.extend(item)
                elif isinstance(item, dict):
                    objects.append(item)
                    if isinstance(item.get("@graph"), list):
                        stack.extend(item["@graph"])
        return objects

    @cached_property
    def next_data_payloads(self) -> list:
        """The ``__NEXT_DATA__`` documents of a Next.js (Pages Router) page."""
        payloads: list = []
        for raw in self.scripts["next_data"]:
            try:
                payloads.append(json.loads(raw))
            except ValueError:
                self.problems.append("next_data_invalid")
            except RecursionError:
                self.problems.append("json_too_deep")
        return payloads

    @cached_property
    def next_f_payloads(self) -> list:
        """The lines of an App Router page's ``self.__next_f`` chunks that name a ``slug`` and a ``title`` (a
        page has hundreds of lines, of layout mostly: only those are decoded)."""
        payloads: list = []
        chunks = []
        for script in self.next_f_scripts():  # a post may span pushes: every one is read
            chunks.extend(next_f_chunks(script))
        for line in "".join(chunks).splitlines():
            if '"slug"' not in line or '"title"' not in line:
                continue
            _, _, body = line.partition(":")
            body = body.strip()
            if body[:1] in "[{":
                try:
                    payloads.append(json.loads(body))
                except ValueError:
                    continue
                except RecursionError:
                    self.problems.append("json_too_deep")
        return payloads

    def iter_next_payloads(self):
        """The JSON documents a Next.js front end embeds, ``__NEXT_DATA__`` first; the pushes of an App Router
        page are decoded only when a reader goes on past those."""
        yield from self.next_data_payloads
        yield from self.next_f_payloads

    # --- structure -----------------------------------------------------------------------------
    @cached_property
    def title_el(self):
        """The page's title heading: of several ``<h1>`` the one the document ``<title>`` repeats, else
        the one in ``<article>`` or ``<main>``, else the first."""
        headings = [(h, text) for h in self.tagged("h1") if (text := clean_text(" ".join(h.itertext())))]
        if len(headings) > 1:
            titles = TITLE_TEXT(self.root)
            title = clean_text(titles[0] if titles else None).lower()
            named = [(title.find(text.lower()), n, h) for n, (h, text) in enumerate(headings)
                     if title and text.lower() in title]
            if named:  # "Headline | Site": the headline comes first
                return min(named)[2]
        for inside in ("article", "main"):
            found = next((h for h, _ in headings if next(h.iterancestors(inside), None) is not None), None)
            if found is not None:
                return found
        return headings[0][0] if headings else None

    @cached_property
    def order(self) -> dict:
        """The position of every node of the page in document order."""
        return document_order(self.root)

    @cached_property
    def _tagged(self) -> dict[str, list]:
        """The elements of the tags the layers look up, found in one walk (lxml's, in C), so that no reader
        walks the whole tree again."""
        tagged: dict[str, list] = {tag: [] for tag in INDEXED_TAGS}
        for el in self.root.iter(*INDEXED_TAGS):
            tagged[el.tag].append(el)
        return tagged

    def tagged(self, tag: str) -> list:
        """The page's elements of ``tag`` (one of ``INDEXED_TAGS``), in document order."""
        return self._tagged[tag]

    @cached_property
    def image_list(self) -> list[tuple]:
        """(element, asset URL, ``image_key``) of every image of the page, ``<img>`` and ``<source>`` alike,
        in page order."""
        found = []
        sources = [s for s in self.tagged("source") if s.getparent() is not None and s.getparent().tag == "picture"]
        images = self.tagged("img") + sources if sources else self.tagged("img")
        if sources:
            images.sort(key=self.order.__getitem__)
        for img in images:
            src = img.get("src") or img.get("data-src") or img.get("srcset") or img.get("data-srcset")
            url = decode_image_url(src, self.url)
            if url:
                found.append((img, url, image_key(url)))
        return found

    def has_image(self, url: str) -> bool:
        key = image_key(url)
        return any(found == key for _, _, found in self.image_list)

    def caption_for(self, url: str) -> str | None:
        """The caption beside an image: the ``figcaption`` of its ``figure``; else an element right after
        the image that is marked as a caption or ends with a credit in parentheses."""
        key = image_key(url)
        for img, _, found in self.image_list:
            if found != key:
                continue
            parent = img.getparent()
            for _ in range(4):
                if parent is None:
                    break
                caption = next(parent.iterdescendants("figcaption"), None)  # the first .//figcaption
                if caption is not None:
                    return clean_text(" ".join(caption.itertext())) or None
                parent = parent.getparent()
            node = img
            for _ in range(3):
                sibling = node.getnext()
                while sibling is not None and not isinstance(sibling.tag, str):
                    sibling = sibling.getnext()
                if sibling is not None and sibling.tag not in ("img", "picture", "figure"):
                    text = clean_text(" ".join(sibling.itertext()))
                    marked = _MARKED.search(f"{sibling.get('class', '')} {sibling.get('id', '')}")
                    if text and len(text) < 600 and (marked or CREDIT_END.search(text)):
                        return text
                node = node.getparent()
                if node is None or node.tag in ("body", "main", "article"):
                    break
        return None

    def text_of(self, el) -> str:
        return clean_text(" ".join(el.itertext())) if el is not None else ""
