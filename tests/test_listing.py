"""Listing pages: article links, next page, off-site cards; author pages."""

import pytest

from kyivind.extraction import article_path, extract_author_page, extract_listing
from tests.conftest import fixture_html

HOSTS = {"kyivindependent.com", "127.0.0.1:9"}
BASE = "http://127.0.0.1:9/tag/news-feed/"


@pytest.mark.parametrize("theme", ["ghost", "next", "bare"])
def test_listing_links_and_next_page(theme):
    listing = extract_listing(fixture_html(f"{theme}-listing-1.html"), BASE, HOSTS)
    slugs = [u.rstrip("/").rsplit("/", 1)[-1] for u in listing.article_urls]
    assert len(slugs) == 5, slugs
    assert "about" not in slugs and "membership" not in slugs and "privacy-policy" not in slugs
    assert "deleted-story-that-answers-404" in slugs
    assert listing.next_url.rstrip("/").endswith("/tag/news-feed/page/2")
    assert all(u in listing.card_dates for u in listing.article_urls)


def test_off_site_cards_are_reported_not_followed():
    html = '<main><article><a href="https://evil.example/story/">x</a><a href="/good-story/">y</a></article></main>'
    listing = extract_listing(html, BASE, HOSTS)
    assert listing.article_urls == ["http://127.0.0.1:9/good-story/"]
    assert listing.off_site == ["https://evil.example/story/"]


def test_a_link_that_is_no_url_is_skipped_not_a_failed_listing():
    # "http://[x/": an unclosed IPv6 host, which urllib refuses with ValueError
    html = ('<main><article><a href="http://[x/bad-story/">x</a><time datetime="2025-11-20T10:00:00Z">Nov 20</time>'
            '<a href="/good-story/">y</a></article><a href="http://[x/tag/news-feed/page/2/">older</a></main>')
    listing = extract_listing(html, BASE, HOSTS)
    assert listing.article_urls == ["http://127.0.0.1:9/good-story/"]
    assert listing.card_dates == {"http://127.0.0.1:9/good-story/": "2025-11-20T10:00:00+00:00"}
    assert listing.next_url is None


def test_script_drawn_listing_has_no_links_but_a_show_more_button():
    html = '<main><div id="cards"></div><button>Show More</button></main><script src="/app.js"></script>'
    listing = extract_listing(html, BASE, HOSTS)
    assert listing.article_urls == [] and listing.has_show_more and listing.script_count == 1


@pytest.mark.parametrize("path, ok", [
    ("/some-story/", True), ("/national/some-story/", True), ("/tag/news-feed/", False), ("/author/x/", False),
    ("/about/", False), ("/a/b/c/", False), ("/", False), ("/sitemap.xml", False),
])
def test_article_path(path, ok):
    assert article_path(path) is ok


@pytest.mark.parametrize("theme", ["ghost", "next", "bare"])
def test_author_page_profile(theme):
    profile = extract_author_page(fixture_html(f"{theme}-author.html"), "http://127.0.0.1:9/author/kateryna-denisova/")
    assert profile.name == "Kateryna Denisova" and profile.slug == "kateryna-denisova"
    assert "News Editor" in profile.raw and "works as a News Editor at The Kyiv Independent" in profile.raw
    assert "parliament" not in profile.raw.lower()  # not the list of articles
    assert profile.image_url.endswith("/2024/01/kateryna-denisova.jpg")


def test_author_page_without_h1_role_after_bio():
    """Ghost's Casper: the name in an <h2> of a card, the role (Ghost's location) under the bio."""
    from kyivind.extraction import split_author_block

    html = """<html><head><title>Olena Goncharova - The Kyiv Independent</title></head><body>
<header class="gh-head"><nav><a href="/">Home</a></nav></header><main><div class="post-feed">
<section class="post-card"><div><img class="author-profile-pic" src="https://assets.kyivindependent.com/o.jpg" alt="Olena Goncharova">
<header class="post-card-header"><h2 class="post-card-title">Olena Goncharova</h2></header>
<div class="post-card-excerpt">Olena Goncharova is the head of the North America desk at The Kyiv Independent.</div>
<footer><div class="author-profile-location">Head of North America desk</div></footer></div></section>
<article class="post-card"><a href="/a-story/"><h2>A story</h2></a><time datetime="2025-11-20">20 Nov</time></article>
</div></main></body></html>"""
    profile = extract_author_page(html, "http://127.0.0.1:9/author/olena-goncharova/")
    assert profile.name == "Olena Goncharova" and profile.image_url == "https://assets.kyivindependent.com/o.jpg"
    assert split_author_block(profile.raw, profile.name) == (
        "Head of North America desk", "Olena Goncharova is the head of the North America desk at The Kyiv Independent.")
