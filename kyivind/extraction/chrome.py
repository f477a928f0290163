"""What is not article content: the page's chrome (navigation, footers, side rails, the page header) and
subtrees that never hold body text (cards, embeds, calls to action, furniture). One module for both
rules, used by the body scoring, the structure layer, listing and author pages."""

from __future__ import annotations

import re

from lxml import etree

from kyivind.extraction.util import clean_text, kept

# navigation, footers, side rails, and the page's own header (not a header inside the article)
PAGE_CHROME = ("ancestor::nav | ancestor::footer | ancestor::aside"
               " | ancestor::header[not(ancestor::main) and not(ancestor::article)]")


# compiled once: these run for many elements of every page
LINK_HREFS = etree.XPath(".//a/@href")


_CHROME_TAGS = frozenset(("nav", "footer", "aside"))
_CONTENT_TAGS = frozenset(("main", "article"))


def in_page_chrome(el) -> bool:
    """True for an element inside the page's chrome rather than its content (``PAGE_CHROME``, read as one walk up
    its ancestors: an XPath evaluation costs more than the walk)."""
    return _up_in_chrome(el, hidden=False)


def outside_content(el) -> bool:
    """In the page's chrome, or hidden (``ancestor::*[@hidden]``), read in one walk up its ancestors (as
    ``in_page_chrome`` walks them) instead of a walk and an XPath evaluation for each link of a listing."""
    return _up_in_chrome(el, hidden=True)


def _up_in_chrome(el, hidden: bool) -> bool:
    header = False  # a <header> below, with no <main> or <article> seen above it yet
    for ancestor in el.iterancestors():
        tag = ancestor.tag
        if tag in _CHROME_TAGS or (hidden and ancestor.get("hidden") is not None):
            return True
        if tag == "header":
            header = True
        elif tag in _CONTENT_TAGS:
            header = False
    return header


# Whole subtrees that never hold body text.
SKIP_TAGS = frozenset(
    "script style noscript template figure figcaption aside nav header footer form button iframe "
    "svg img picture video audio select input textarea dialog object embed canvas".split()
)

# Class or id words of embedded cards and page furniture (the last, class-name layer of the rules).
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:kg-[a-z-]*card|twitter-tweet|instagram-media|tiktok-embed|bookmark|cta|"
    r"newsletter|subscribe|signup|paywall|membership|related|share|sharing|social|advert|ads?|"
    r"promo|banner|teaser|byline|author-card|comments?|caption|toc)(?:$|[\s_-])",
    re.I,
)
# A box whose own button-like link (not a link inside its text) asks the reader to join or pay.
_CTA_LINK = re.compile(r"/(membership|members|subscribe|signup|sign-up|join|donate|support-us|become-a-member)\b", re.I)
TWEET_LINK = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/[^/]+/status/", re.I)


def _attr_words(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


MAX_KEPT_WORDS = 256  # longer class and id strings are searched each time: the kept answers stay small


@kept(max_chars=MAX_KEPT_WORDS, maxsize=4096)
def chrome_words(words: str) -> bool:
    """Whether a class and id string names chrome (``_CHROME_WORDS``); the answer for a string is kept, since a
    site's pages repeat the same few hundred class strings."""
    return _CHROME_WORDS.search(words) is not None


_H1 = etree.XPath(".//h1")
_IN_TEXT = ("p", "li", "h2", "h3", "blockquote")


@kept(max_chars=MAX_KEPT_WORDS, maxsize=4096)
def _cta_link(href: str) -> bool:
    """Whether a link's address asks to join or pay (``_CTA_LINK``); the answer for an address is kept, since a
    site's pages repeat their navigation and their rails of other stories."""
    return _CTA_LINK.search(href) is not None


def _button(a) -> bool:
    """A link that is a box's own call to join or pay (not a link inside its text, not the navigation's)."""
    href = a.get("href")
    return href is not None and _cta_link(href) and a.getparent().tag not in _IN_TEXT and not in_page_chrome(a)


def button_holders(root) -> set:
    """Every element that holds a call-to-action button (``_button``) somewhere below it, read in one pass."""
    holders: set = set()
    for a in root.iterdescendants("a"):
        if _button(a):
            holders.update(a.iterancestors())
    return holders


def is_chrome(el, holders: set | None = None) -> bool:
    """True for an element whose whole subtree is not article text (``holders``: ``button_holders`` of its
    document, when a caller judges many elements of it)."""
    tag = el.tag
    if not isinstance(tag, str) or not tag or tag in SKIP_TAGS:
        return True
    names = el.keys()  # the attributes it has, in one read: only those asked below are read
    if names:
        if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
            return True
        words = el.get("class") if "class" in names else None
        ident = el.get("id") if "id" in names else None
        if (words or ident) and chrome_words(f"{words or ''} {ident or ''}"):  # _attr_words
            return True
    if tag == "blockquote":  # an embedded post left as a plain quote still links to its status
        for href in LINK_HREFS(el):
            if TWEET_LINK.match(href):
                return True
    if tag == "div" and "data-embed" in names:
        return True
    if tag in ("div", "section"):
        # a box with a button to join or pay is a call to action; a box that holds the page's title is the
        # page, however short its article
        holds = el in holders if holders is not None else any(_button(a) for a in el.iterdescendants("a"))
        if holds and not _H1(el):
            return len(_text(el)) < 600
    return False


class Chrome:
    """``is_chrome`` over one document, each element judged once."""

    def __init__(self, root):
        self.root = root
        self.verdicts: dict = {}
        self._holders: set | None = None

    def __call__(self, el) -> bool:
        verdict = self.verdicts.get(el)
        if verdict is None:
            if self._holders is None:
                self._holders = button_holders(self.root)
            verdict = self.verdicts[el] = is_chrome(el, self._holders)
        return verdict


def _text(el) -> str:
    return clean_text(" ".join(el.itertext()))
