"""Checks of an article page's answer before extraction: nothing half-read is exported.

``read_article`` checks and extracts an article page for the spider. ``check_article_page`` gives the page's text, or the problem that makes it no article: a 404/410, an
answer that is not HTML, a bot-challenge page, a page cut short. A UTF-8 body that a wrong declared
charset turned into mojibake is decoded again as UTF-8.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass, field

from scrapy.http import TextResponse

from kyivind import statkeys as keys
from kyivind.extraction import extract_article
from kyivind.extraction.challenge import challenge_markers, challenge_title, looks_truncated

logger = logging.getLogger(__name__)
# an article this short, on a page that holds a challenge widget's marker, is the challenge's own text ("Verifying you
# are human. This may take a few seconds."); a longer one is the article, whatever widget its page carries
CHALLENGE_MAX_WORDS = 50
MOJIBAKE = ("\u00e2\u20ac", "\u00c3\u00a9", "\u00c3\u00a8", "\u00c2\u00a0")  # UTF-8 read as Latin-1/cp1252


@dataclass
class PageProblem:
    kind: str  # the kind in failed.jsonl and in kyivind/article/failed/<kind>
    reason: str
    stats: tuple = ()  # further stats the problem counts


@dataclass
class ArticlePage:
    text: str | None = None
    body: bytes | None = None  # the UTF-8 bytes the text was decoded from, when they decode to it exactly
    problem: PageProblem | None = None
    stats: list = field(default_factory=list)  # stats of a page that is read (responses, charset repaired)
    charset_fixed_from: str | None = None


def read_as_utf8(response) -> bool:
    return response.encoding.lower().replace("-", "") == "utf8"


def decoded_text(response) -> tuple[str, bool]:
    """The page's text; (UTF-8 text, True) when the declared charset made mojibake of a UTF-8 body."""
    text = response.text
    if not read_as_utf8(response) and any(marker in text for marker in MOJIBAKE):
        try:
            return response.body.decode("utf-8"), True
        except UnicodeDecodeError:
            return text, False
    return text, False


CHALLENGE = PageProblem("challenge", "a bot-challenge page answered instead of the article",
                        (keys.PAGE_CHALLENGE, keys.ARTICLE_NOT_AN_ARTICLE))


def is_challenge(extraction, text: str) -> bool:
    """A page whose widget marks a bot challenge ("challenge-platform", "h-captcha") and that holds no article, or
    only a few words: an article's page with a captcha on its newsletter form is still the article."""
    words = extraction.fields.get("word_count") or 0
    return (not extraction.is_article or words < CHALLENGE_MAX_WORDS) and challenge_markers(text)


def check_article_page(response, listing_url: str | None) -> ArticlePage:
    if response.status in (404, 410):
        return ArticlePage(problem=PageProblem(f"http_{response.status}",
                                               f"answered {response.status} (linked from {listing_url})",
                                               (keys.article_http(response.status),)))
    content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
    if not isinstance(response, TextResponse) or ("html" not in content_type and "xml" not in content_type):
        return ArticlePage(problem=PageProblem("not_html", f"not an HTML page (Content-Type {content_type or 'missing'!r})",
                                               (keys.PAGE_NOT_HTML,)))
    page = ArticlePage(stats=[keys.ARTICLE_RESPONSES])
    page.text, fixed = decoded_text(response)
    if fixed:
        page.stats.append(keys.PAGE_CHARSET_FIXED)
        page.charset_fixed_from = response.encoding
    elif read_as_utf8(response) and "\ufffd" not in page.text and not response.body.startswith(codecs.BOM_UTF8):
        page.body = response.body  # valid UTF-8 (nothing was replaced): extraction parses the bytes
    if challenge_title(page.text):  # a challenge widget's marker alone is asked after extraction (read_article)
        page.problem = CHALLENGE
    elif looks_truncated(page.text):
        page.problem = PageProblem("truncated", "the page stops before its end (no </body> or </html>)",
                                   (keys.PAGE_TRUNCATED,))
    return page


def read_article(crawler, run, articles, failures, response, listing_url: str | None):
    """An article page checked and extracted, its problems counted: its Extraction, the request that draws it in
    the browser (a page with no body in its HTML, in a run that renders), or None (the page's problem counted
    and listed in failed.jsonl: never a lost article)."""
    articles.settle(response.request)
    page = check_article_page(response, listing_url)
    for key in page.stats:
        crawler.stats.inc_value(key)
    if page.charset_fixed_from:
        logger.warning("Page declared %s but is UTF-8; decoded as UTF-8: %s", page.charset_fixed_from, response.url)
    if page.problem:
        return _failed(crawler, failures, response.url, page.problem)
    try:
        extraction = extract_article(page.body or page.text, response.url, run.timezone)
    except Exception as error:  # a page no rule foresaw: listed and counted, never a lost article
        crawler.stats.inc_value(keys.page_problem("extraction_error"))
        failures.record(response.url, "extraction_error", f"extraction failed: {type(error).__name__}: {error}"[:300])
        return None
    if is_challenge(extraction, page.text):
        return _failed(crawler, failures, response.url, CHALLENGE)
    for problem in extraction.problems:
        crawler.stats.inc_value(keys.page_problem(problem))
    if not extraction.is_article and run.render and not response.meta.get("playwright"):
        logger.info("No article body in the HTML of %s: rendering it", response.url)
        return articles.rendered(response, listing_url)
    if not extraction.is_article:
        crawler.stats.inc_value(keys.ARTICLE_NOT_AN_ARTICLE)
        failures.record(response.url, "not_an_article", "page holds no article (title={!r}, body={})".format(
            extraction.fields.get("title"), "yes" if extraction.fields.get("body_text") else "none"))
        return None
    return extraction


def _failed(crawler, failures, url: str, problem: PageProblem) -> None:
    """A page that gives no article: its problem counted and listed in failed.jsonl."""
    for key in problem.stats:
        crawler.stats.inc_value(key)
    failures.record(url, problem.kind, problem.reason)
