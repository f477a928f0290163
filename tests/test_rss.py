"""When the Content API is closed and pages carry no structured data: the RSS feed and the sitemap fill in,
and the HTML walk gives every field the API gives."""

from __future__ import annotations

import copy

import pytest

from kyivind.extraction.feed import parse_feed
from tests.conftest import RUN_SPECIFIC, run_crawl
from tests.replica.content import SITE, _tags, expected_item, posts
from tests.replica.server import ReplicaServer, ReplicaSite
from tests.replica.themes import rss_page

pytestmark = pytest.mark.crawl


def comparable(items) -> dict:
    return {i["url"]: {k: v for k, v in i.items() if k not in RUN_SPECIFIC} for i in items}


def opinion_post() -> dict:
    """A post of the site that is not in the News Feed: the site's RSS feed lists it."""
    post = copy.deepcopy(posts()[0])
    post.update(slug="opinion-what-the-winter-will-bring", title="Opinion: What the winter will bring",
                published_at="2025-12-01T08:00:00.000Z", updated_at="2025-12-01T08:00:00.000Z",
                tags=_tags("Opinion"))
    return post


def test_with_the_api_closed_the_default_crawl_gives_every_field_the_api_gives(tmp_path):
    with ReplicaServer(ReplicaSite("plain", api_mode="404", other_posts=[opinion_post()])) as server:
        fallback = run_crawl(server.url, tmp_path / "fallback", source="auto")
        hits = list(server.site.hits)
    with ReplicaServer(ReplicaSite("plain")) as server:
        api = run_crawl(server.url, tmp_path / "api", source="api")
    assert fallback.returncode == 0 and api.returncode == 0, fallback.log[-3000:]
    assert "Content API unusable: the Content API answered 404; falling back to the RSS feed with the HTML walk" \
        in fallback.log
    expected = {e["url"]: e for e in (expected_item(p, "api") for p in posts())}
    got, through_api = comparable(fallback.items), comparable(api.items)
    assert through_api == expected
    fields = [(url, name) for url, item in expected.items() for name in item]
    right = sum(got.get(url, {}).get(name) == expected[url][name] for url, name in fields)
    assert right == len(fields), [(u, n) for u, n in fields if got.get(u, {}).get(n) != expected[u][n]]
    # where each field came from: the feed for tags and exact times, the sitemap for the modified time
    stats = fallback.stats
    assert stats["kyivind/field/published_at/rss"] == len(posts())
    assert stats["kyivind/field/tags/rss"] == sum(len(p["tags"]) > 1 for p in posts())  # the page shows one
    assert stats["kyivind/field/modified_at/sitemap"] == len(posts())
    assert stats["kyivind/rss/requests"] == 1, "13 articles are on the feed's first page"
    # the feed lists a post outside the News Feed: never fetched, never an item
    assert not any("opinion-what-the-winter" in h for h in hits)
    assert not any("opinion" in u for u in got)


def test_the_feed_is_read_only_as_far_back_as_the_articles_fetched(tmp_path):
    site = ReplicaSite("plain", api_mode="404", rss_page_size=4)
    with ReplicaServer(site) as server:
        newest = run_crawl(server.url, tmp_path / "one", "-a", "max_pages=1", source="auto")
        first_page = [h for h in site.hits if h.startswith("/rss/")]
        site.hits.clear()
        everything = run_crawl(server.url, tmp_path / "all", source="auto")
        every_page = [h for h in site.hits if h.startswith("/rss/")]
    assert newest.returncode == 0 and everything.returncode == 0
    # the first listing page holds the 4 newest articles (and a dead card): the feed's first page covers them
    assert first_page == ["/rss/"] and len(newest.items) == 4
    assert every_page == ["/rss/", "/rss/2/", "/rss/3/"]  # 12 posts, 4 a page: no page beyond them asked
    assert comparable(everything.items) == {e["url"]: e for e in (expected_item(p, "api") for p in posts())}


def test_source_rss_uses_the_feed_without_asking_the_api(tmp_path):
    site = ReplicaSite("plain")
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, source="rss")
    assert result.returncode == 0
    assert not any(h.startswith("/ghost/api/") for h in site.hits)
    assert comparable(result.items) == {e["url"]: e for e in (expected_item(p, "api") for p in posts())}


@pytest.mark.parametrize("mode, problem", [
    ("html", "the feed is an HTML page"),
    ("truncated", "the feed is malformed or cut short"),
    ("malformed", "the feed is malformed or cut short"),
    ("404", "could not be fetched"),
])
def test_an_unusable_feed_is_a_warning_and_the_run_goes_on_with_the_pages(tmp_path, mode, problem):
    with ReplicaServer(ReplicaSite("plain", api_mode="404", rss_mode=mode)) as server:
        result = run_crawl(server.url, tmp_path, source="auto")
    assert result.returncode == 0, result.log[-3000:]
    assert "RSS feed unusable: " in result.log and problem in result.log
    assert result.stats["kyivind/rss/unusable"] and result.stats["kyivind/source_used"] == "html"
    assert len(result.items) == len(posts())
    # what the pages alone give: the one tag they show, the time they print; the sitemap's modified time
    by_url = {i["url"]: i for i in result.items}
    for post in posts():
        item = by_url[f"{SITE}/{post['slug']}/"]
        assert item["tags"] == [post["tags"][0]["name"]]
        assert item["published_at"] == expected_item(post, "api")["published_at"]
        assert item["modified_at"] == expected_item(post, "api")["modified_at"]


@pytest.mark.parametrize("overlap, listing", [("0", ["/tag/news-feed/"]),
                                              ("1", ["/tag/news-feed/", "/tag/news-feed/page/2/"])])
def test_a_run_on_an_unchanged_site_without_the_api_costs_three_requests_at_most(tmp_path, overlap, listing):
    """No RSS page (no article is fetched, so none needs it), the listing (plus the overlap page the
    incremental walk reads by default, KYIVIND_INCREMENTAL_OVERLAP_PAGES) and the sitemap."""
    site = ReplicaSite("plain", api_mode="404")
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(site) as server:
        first = run_crawl(server.url, tmp_path / "1", env=env, source="auto")
        site.hits.clear()
        again = run_crawl(server.url, tmp_path / "2", "-s", f"KYIVIND_INCREMENTAL_OVERLAP_PAGES={overlap}", env=env,
                          source="auto")
        hits = list(site.hits)
    assert first.returncode == 0 and again.returncode == 0
    assert again.items == []
    site_requests = [h for h in hits if h != "/robots.txt" and not h.startswith("/ghost/api/")]
    assert sorted(site_requests) == sorted(["/sitemap-posts.xml", *listing]), hits
    assert len(site_requests) <= 3 and "kyivind/rss/requests" not in again.stats


def test_feed_parsing_of_ghost_rss_several_authors_and_no_image():
    chosen = [p for p in posts() if len(p["authors"]) > 1 or not p["feature_image"]]
    feed = parse_feed(rss_page(chosen, 1).encode())
    assert feed.problem is None and len(feed.entries) == len(chosen)
    for post, entry in zip(sorted(chosen, key=lambda p: p["published_at"], reverse=True), feed.entries, strict=True):
        assert entry.url == f"{SITE}/{post['slug']}/"
        assert entry.tags == [t["name"] for t in post["tags"]]
        assert entry.published_at == post["published_at"].replace(".000Z", "+00:00")
        assert len(entry.authors) == len(post["authors"])
        assert entry.image_url == post["feature_image"]
    assert parse_feed(b"<!DOCTYPE html><html><body>Welcome</body></html>").problem == "the feed is an HTML page"
    assert parse_feed(rss_page(chosen, 1).encode()[:900]).problem.startswith("the feed is malformed or cut short")
