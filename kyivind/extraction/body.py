"""Article body text from a page or from a post's HTML fragment, whatever the theme.

The body is the paragraphs, sub-headings, quotes and list items of the article, in order, joined by
blank lines. Chrome (navigation, banners, streams of other stories, teasers, author cards) and
embedded cards (Koenig ``kg-*`` cards, figures and captions, bookmarks, member calls to action,
embedded posts) are not body text.

On a full page the container is found by structure, not by class names: every eligible paragraph
scores its ancestors (readability-style), paragraphs inside links, inside small cards that carry a
``<time>`` or an author link, or before the title are not eligible.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from kyivind.extraction.chrome import Chrome
from kyivind.extraction.page import document_order, parse_fragment
from kyivind.extraction.references import embeds_of, links_of
from kyivind.extraction.util import clean_text, inline_text

BLOCK_TAGS = frozenset("p h2 h3 h4 h5 h6 blockquote li pre".split())
SCORE_TAGS = frozenset("p blockquote li pre".split())


class Tree:
    """One document as the body rules read it, each answer computed once: the order of its elements,
    the chrome verdict of an element (``Chrome``), the text of a block."""

    def __init__(self, root, order: dict | None = None):
        self.root = root
        self._order = order
        self.chrome = Chrome(root)
        self._texts: dict = {}

    @property
    def order(self) -> dict:
        if self._order is None:
            self._order = document_order(self.root)
        return self._order

    def text(self, el) -> str:
        text = self._texts.get(el)
        if text is None:
            text = self._texts[el] = inline_text(el)
        return text

    def content(self, tags: frozenset):
        """The elements of ``tags`` that have no link or chrome above them, in page order: one walk from the
        root that does not go into a link or a chrome subtree (an element that is chrome itself is yielded,
        what is inside it is not)."""
        verdicts, judge = self.chrome.verdicts, self.chrome
        stack = [self.root]
        pop, push = stack.pop, stack.extend
        while stack:
            node = pop()
            tag = node.tag
            if not isinstance(tag, str):
                continue
            if tag in tags:
                yield node
            if tag != "a":
                children = node[::-1]  # last first, read at once (not counted, then walked again)
                if children:
                    chrome = verdicts.get(node)
                    if chrome is None:
                        chrome = judge(node)
                    if not chrome:
                        push(children)


_CHILD_PARAGRAPHS = etree.XPath("./p")


_HEADINGS = ("h1", "h2", "h3", "h4")


def _more_paragraphs_than(parent, limit: int) -> bool:
    """Whether ``parent`` holds more than ``limit`` paragraphs as children or grandchildren (``./p | ./*/p``),
    counted until the limit is passed."""
    count = 0
    for child in parent:
        if child.tag == "p":
            count += 1
        for grandchild in child:
            if grandchild.tag == "p":
                count += 1
        if count > limit:
            return True
    return False


def card_markers(parent) -> list:
    """What shows a small card below ``parent``, in page order: a ``<time>``, a link to an author page, a link
    around a heading, a heading around a link (the XPath ``.//time | .//a[contains(@href, '/author/')] |
    .//a[.//h1 or .//h2 or .//h3 or .//h4] | .//h1[.//a] | …``), read by one walk (in C) over the elements that
    can be markers: an XPath evaluation for each parent cost more."""
    markers = []
    for el in parent.iterdescendants("time", "a", *_HEADINGS):
        tag = el.tag
        if tag == "time":
            markers.append(el)
        elif tag == "a":
            if "/author/" in (el.get("href") or "") or next(el.iterdescendants(*_HEADINGS), None) is not None:
                markers.append(el)
        elif next(el.iterdescendants("a"), None) is not None:
            markers.append(el)
    return markers


def _card_markers(parent, title_el, cache: dict | None) -> list:
    """The card markers of a parent that may be a small card, [] where it cannot be one; read once
    per parent (``cache``), since the paragraphs of a page share few parents."""
    if cache is not None and parent in cache:
        return cache[parent]
    if _more_paragraphs_than(parent, 3):
        markers = []
    elif title_el is not None and any(x is title_el for x in parent.iter("h1")):
        markers = []  # the article itself, with its title, byline and date: not a card
    else:
        markers = card_markers(parent)
    if cache is not None:
        cache[parent] = markers
    return markers


def _in_small_card(el, title_el=None, cache: dict | None = None) -> bool:
    """A paragraph in a small card of another story or of an author: beside it in its parent (not
    inside it) sit a ``<time>``, a link to an author page, or a link around a heading."""
    parent = _scoring_parent(el)
    if parent is None:
        return False
    markers = _card_markers(parent, title_el, cache)
    if not markers:
        return False
    inside = set(el.iter())
    return any(m not in inside for m in markers)


def _scoring_parent(el):
    """The parent that counts for scoring: wrappers holding a single element are passed through."""
    parent = el.getparent()
    while parent is not None and parent.tag not in ("body", "html") and len(parent) == 1:
        parent = parent.getparent()
    return parent


def _link_density(el, text_len: int) -> float:
    if not text_len:
        return 1.0
    linked = 0
    for a in el.iter("a"):  # a link with no element inside holds its text alone
        linked += len(clean_text(" ".join(a.itertext()) if len(a) else a.text))
    return linked / text_len


def _eligible(el, text: str, title_el=None, card_cache: dict | None = None) -> bool:
    """A paragraph (with no link or chrome above it: ``Tree.content``) that counts for the body's scoring."""
    if not text:
        return False
    if _link_density(el, len(text)) > 0.6:
        return False
    return not (el.tag == "p" and _in_small_card(el, title_el, card_cache))


def find_body_container(root, title_el=None, order: dict | None = None, tree: Tree | None = None):
    """The element that holds the article's paragraphs, or None (``order``: the page's element order;
    ``tree``: the page's ``Tree``, whose answers the body's reading then reuses)."""
    tree = tree if tree is not None else Tree(root, order)
    order = tree.order
    floor = order.get(title_el, -1) if title_el is not None else -1
    scores: dict = {}
    card_cache: dict = {}
    for el in tree.content(SCORE_TAGS):
        if order[el] < floor:
            continue
        text = tree.text(el)
        if not _eligible(el, text, title_el, card_cache):
            continue
        if el.tag in ("li",) and el.getparent() is not None and el.getparent().tag in ("ul", "ol"):
            node = el.getparent()
        else:
            node = el
        weight = len(text)
        ancestor = _scoring_parent(node)
        for factor in (1.0, 0.5, 0.25):
            if ancestor is None or ancestor.tag in ("html",):
                break
            scores[ancestor] = scores.get(ancestor, 0.0) + weight * factor
            ancestor = _scoring_parent(ancestor)
    if not scores:
        return None
    return max(scores, key=lambda el: (scores[el], -order[el]))


def _blocks(el, floor_order, order, out: list[str], tree: Tree, linked: list | None = None) -> None:
    """The body's blocks of text into ``out``; with ``linked``, the blocks kept, for their links."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if tree.chrome(child) or child.tag == "h1":
            continue
        if child.tag in BLOCK_TAGS:
            if order is not None and order.get(child, 0) < floor_order:
                continue
            if child.tag == "blockquote" and (quoted := _CHILD_PARAGRAPHS(child)):
                text = clean_text(" ".join(tree.text(p) for p in quoted))
            else:
                text = tree.text(child)
            if text and _link_density(child, len(text)) <= 0.6:
                out.append(text)
                if linked is not None:
                    linked.append(child)
            continue
        _blocks(child, floor_order, order, out, tree, linked)


def body_from_container(container, title_el=None, order: dict | None = None) -> str | None:
    return read_body(container, title_el, order).text


@dataclass
class Body:
    """The body's text, its outbound links and its embeds (see ``kyivind.extraction.references``)."""

    text: str | None
    links: list = field(default_factory=list)
    embeds: list = field(default_factory=list)


def body_fields(body: Body) -> dict:
    """A layer's body fields; ``links`` and ``embeds`` only where it found a body (None: not read here)."""
    found = body.text is not None
    return {"body_text": body.text, "links": body.links if found else None, "embeds": body.embeds if found else None}


def body_parsers(read) -> dict:
    """A layer's parsers of ``body_text``, ``links`` and ``embeds`` (``body_fields``), all three from
    ``read(context)``: the one ``Body`` the layer reads on a page, which it keeps."""
    return {key: (lambda context, key=key: body_fields(read(context))[key]) for key in ("body_text", "links", "embeds")}


def read_body(container, title_el=None, order: dict | None = None, base_url: str | None = None,
              tree: Tree | None = None) -> Body:
    """The text of the body in ``container``, and the links of its text blocks and the embeds among
    its cards, in page order (``tree``: the document's ``Tree``, shared with ``find_body_container``)."""
    if tree is None:
        tree = Tree(container.getroottree().getroot(), order)
    if title_el is not None and order is None:
        order = tree.order
    floor = order.get(title_el, -1) if order is not None else -1
    blocks: list[str] = []
    kept: list = []
    _blocks(container, floor, order, blocks, tree, kept)
    return Body("\n\n".join(blocks) or None, links_of(kept, base_url), embeds_of(container, base_url))


def body_from_fragment(fragment: str | None) -> str | None:
    """Body text of a post's HTML (Ghost's ``html`` field)."""
    return read_fragment(fragment).text


def read_fragment(fragment: str | None, base_url: str | None = None) -> Body:
    """The body of a post's HTML (Ghost's ``html`` field): all of it is the body but for its cards."""
    if not fragment or not fragment.strip():
        return Body(None)
    wrapper = parse_fragment(fragment)
    return read_body(wrapper, base_url=base_url)


def body_from_page(root, title_el=None) -> str | None:
    container = find_body_container(root, title_el)
    if container is None:
        return None
    return body_from_container(container, title_el)
