"""Bot-challenge and block pages ("Just a moment…"): they answer 200 and hold no article."""

from __future__ import annotations

import re

TITLE = re.compile(r"just a moment|attention required|checking your browser|access denied|are you a robot|"
                   r"please verify you are a human|ddos protection|security check", re.I)
_TITLE_ELEMENT = re.compile(r"<title\b[^<>]*>([^<]*)</title", re.I)
MARKERS = ("cf-browser-verification", "challenge-platform", "cf_chl_", "cf-challenge", "g-recaptcha", "h-captcha",
           "_Incapsula_Resource", "px-captcha", "datadome")


def is_challenge_page(html: str) -> bool:
    """A challenge's title ("Just a moment...") or a challenge widget's marker in the page's head (its first
    20,000 characters)."""
    return challenge_title(html) or challenge_markers(html)


def challenge_title(html: str) -> bool:
    """Whether the page's ``<title>`` is a challenge's ("Just a moment...", "Access denied")."""
    # each part stops at the next "<": one pass over the head, however many unclosed "<title" it holds
    title = _TITLE_ELEMENT.search((html or "")[:20000])
    return bool(title and TITLE.search(title.group(1)))


def challenge_markers(html: str) -> bool:
    """Whether the page's head holds a challenge widget's marker ("challenge-platform", "h-captcha"). An article's
    page may hold one too (a captcha on a newsletter form): the crawl asks only of a page without an article
    (``kyivind.crawl.pagecheck``)."""
    head = (html or "")[:20000]
    return any(marker in head for marker in MARKERS)


def looks_truncated(html: str) -> bool:
    """A document that opens ``<html>`` or ``<body>`` but closes neither: the answer stopped early."""
    html = html or ""
    tail = html[-65536:]
    # the closing tags are at the end: looked for from there, as written first, in any case only then
    if tail.rfind("</html>") >= 0 or tail.rfind("</body>") >= 0:
        return False
    tail = tail.lower()
    if "</body>" in tail or "</html>" in tail:
        return False
    return "<html" in html[:5000].lower() or bool(re.search("<body", html, re.I))
