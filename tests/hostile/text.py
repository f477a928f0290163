"""Hostile text for every rule that reads page, feed or archive text: each case is a function of kyivind and
a maker of input of size ``n`` whose shape made (or would make) a backtracking pattern take time in the
square of its length: a long run of what the pattern repeats, with the one thing it needs missing at the end.
"""

from __future__ import annotations

from kyivind.extraction import (
    apikey,
    authors,
    challenge,
    chrome,
    extract_article,
    extract_listing,
    listing,
    references,
    util,
)
from kyivind.extraction.author_page import extract_author_page
from kyivind.extraction.feed import parse_feed
from kyivind.extraction.page import CREDIT_END
from kyivind.extraction.sitemap import parse_sitemap
from kyivind.figures import air_attacks, tolls


def _page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _rss(description: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
            f"<link>https://kyivindependent.com/x/</link><description><![CDATA[{description}]]></description>"
            "</item></channel></rss>").encode()


# name -> (the rule, a maker of hostile input of size n, the n to start from)
CASES = {
    # a body link ending in ?ref=a.a.a…! (Ghost's outbound link tagging, with no host at the end)
    "ghost ref of a link": (references._without_ghost_ref, lambda n: "https://example.org/a?ref=" + "a." * n + "!", 4000),
    # a reading time of thousands of digits
    "reading time": (util.parse_reading_time, lambda n: "8" * n + " minutes", 20000),
    # an author block padded with "More from" links on one line, and another line after them
    "author block closing link": (lambda text: authors.split_author_block(text, "Olena Goncharova"),
                                  lambda n: "Olena Goncharova\nNews Editor a More from " * n + "\nNot the end", 400),
    "author block role and bio": (lambda text: authors.split_run_together(text, "Olena Goncharova"),
                                  lambda n: "News Editor " * n, 2000),
    "caption credit": (util.split_caption, lambda n: "A photo (" * n, 4000),
    "caption credit at the end": (CREDIT_END.search, lambda n: "(" * n + "x", 20000),
    "date written for people": (util.parse_text_date, lambda n: "January 1, " * n, 2000),
    "date with many separators": (util.parse_text_date, lambda n: "Jan 1, 2024" + "," * n + "12:30", 20000),
    "ISO date": (util.parse_datetime, lambda n: "2024-01-01T" + "1" * n, 20000),
    "language tag": (util.language_tag, lambda n: "en-" * n, 20000),
    "image size segment": (util.image_key, lambda n: "https://x.example/size/w" + "1" * n + "h" + "1" * n + "x", 20000),
    "bot challenge title": (challenge.is_challenge_page, lambda n: "<title" * n, 300),
    "truncated page": (challenge.looks_truncated, lambda n: "<body" * n, 20000),
    "API key in a script": (apikey.key_in_script, lambda n: "key = '" * n, 4000),
    "API key in a page": (apikey.key_in_page, lambda n: 'data-key="' * n, 4000),
    "script sources": (lambda html: apikey.script_urls(html, "https://kyivindependent.com/"),
                       lambda n: '<script src="/s.js?v=1"></script>' * n, 500),
    "class words of chrome": (chrome._CHROME_WORDS.search, lambda n: "a-" * n, 20000),
    "status link of an embed": (chrome.TWEET_LINK.match, lambda n: "https://x.com/" + "a" * n, 20000),
    "Show More button": (listing.SHOW_MORE.search, lambda n: " " * n + "showing", 20000),
    "author names in meta": (lambda html: extract_article(html, "https://kyivindependent.com/x/"),
                             lambda n: _page(head='<meta name="author" content="' + "A and " * n + 'B">'), 2000),
    "title of a page": (lambda html: extract_article(html, "https://kyivindependent.com/x/"),
                        lambda n: _page(head="<title>" + "a - " * n + "b</title>"), 2000),
    "listing page number": (lambda html: extract_listing(html, "https://kyivindependent.com/tag/news-feed/",
                                                         {"kyivindependent.com"}),
                            lambda n: _page(head='<link rel="next" href="/tag/x/page/' + "1" * n + 'x">'), 20000),
    "author page title": (lambda html: extract_author_page(html, "https://kyivindependent.com/author/x/"),
                          lambda n: _page(head="<title>" + "a - " * n + "b</title>"), 300),
    "RSS description": (parse_feed, lambda n: _rss("<p>" + "<" * n), 2000),
    # the toll and the air attacks (kyivind/figures), on a body of one sentence repeated and of one long sentence
    "toll statements": (lambda body: tolls(None, body), lambda n: "Two people were killed in Kharkiv. " * n, 200),
    "toll verbs in one sentence": (lambda body: tolls(None, body), lambda n: "killed " * n + "3 people", 2000),
    "toll numbers in one sentence": (lambda body: tolls(None, body), lambda n: "3 in Odesa, " * n + "were hurt.", 2000),
    "revised toll": (lambda body: tolls(None, body), lambda n: "The death toll " + "rose " * n + "to 6.", 2000),
    "a victim": (lambda body: tolls(None, body), lambda n: "A " * n + "man was killed.", 2000),
    "number words": (lambda body: tolls(None, body), lambda n: "one " * n + "people were injured.", 2000),
    "month abbreviations": (lambda body: tolls(None, body), lambda n: "Nov. " * n + "killed 2.", 2000),
    "a victim of any noun": (lambda body: tolls(None, body), lambda n: "a " * n + "locksmith was injured.", 2000),
    "a long appositive": (lambda body: tolls(None, body), lambda n: "5 people, " + "a and " * n + ", were hurt.", 2000),
    "officials quoted": (lambda body: tolls("Attacks over past day", body),
                         lambda n: "Governor " + "Filashkin and " * n + "Kim said 2 were injured.", 2000),
    "missile pairs": (lambda body: air_attacks(None, body), lambda n: "Russia fired " + "2 Kh-22 and " * n +
                      "2 Kh-59 missiles.", 2000),
    "drone counts": (lambda body: air_attacks(None, body), lambda n: "Russia launched 5 drones. " * n, 200),
    "drone parts": (lambda body: air_attacks(None, body), lambda n: "1 of " * n + "22 drones were shot down.", 2000),
    "attacked with": (lambda body: air_attacks(None, body), lambda n: "Russia attacked " + "x " * n + "with 5 drones.",
                      2000),
    "a list of people": (lambda body: tolls(None, body), lambda n: "Shelling wounded a man" + ", a woman" * n +
                         ", and a boy.", 2000),
    "one each in places": (lambda body: tolls(None, body), lambda n: "Russia killed 2 in Bakhmut and one each in " +
                           "Toretsk, " * n + "and Druzhba.", 2000),
    "ages of a group": (lambda body: tolls(None, body), lambda n: "It wounded a man and women aged " + "32, " * n +
                        "and 50.", 2000),
    "counts dated": (lambda body: air_attacks(None, body), lambda n: "Russia launched " + "32 drones on Oct. 1, " * n +
                     "and 19 on Oct. 3.", 2000),
    "launch sites": (lambda body: air_attacks(None, body), lambda n: "Tu-95 bombers over " + "Russia's " * n +
                     "Saratov Oblast launched 10 Kh-101 missiles.", 2000),
    "sitemap": (parse_sitemap, lambda n: ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                          + "<url><loc>https://kyivindependent.com/a/</loc></url>" * n + "</urlset>"), 200),
}
