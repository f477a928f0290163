"""End to end: ``scrapy crawl newsfeed`` in a subprocess against the replica served on 127.0.0.1."""

import pytest

from tests.conftest import RUN_SPECIFIC, run_crawl
from tests.replica.content import AUTHORS, expected_item, posts

pytestmark = pytest.mark.crawl


def _without_fetched_at(item):
    return {k: v for k, v in item.items() if k not in RUN_SPECIFIC}


@pytest.mark.parametrize("replica", ["ghost", "next", "bare"], indirect=True)
def test_full_crawl_yields_every_article_once_with_every_field_right(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    items = {item["url"]: item for item in result.items}
    assert len(result.items) == len(items) == len(posts()), "every article exactly once"
    for post in posts():
        expected = expected_item(post, replica.site.theme)
        got = items[expected["url"]]
        assert _without_fetched_at(got) == expected, post["slug"]
        assert got["fetched_at"].endswith("+00:00")
    stats = result.stats
    assert stats["kyivind/article/http_404"] == 1  # the card whose article answers 404
    assert stats["retry/count"] >= 1  # the page that answers 503 once is retried and kept
    assert "/eu-approves-new-sanctions-package-against-russia/" in "".join(items)
    assert "/robots.txt" in replica.site.hits
    # the feed file holds what -O holds; no partial file is left
    assert len(result.feed_files) == 1
    assert result.feed_files[0].read_text().count("\n") == len(posts())
    assert not list((result.data_dir / "feeds").glob("*.part"))


@pytest.mark.parametrize("replica", ["bare"], indirect=True)
def test_author_pages_are_fetched_once_each_when_the_article_lacks_author_cards(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path)
    author_hits = [h for h in replica.site.hits if h.startswith("/author/")]
    assert sorted(author_hits) == sorted(f"/author/{slug}/" for slug in AUTHORS)
    assert result.stats["kyivind/author_page/requests"] == len(AUTHORS)


@pytest.mark.parametrize("replica", ["ghost"], indirect=True)
def test_ghost_theme_needs_no_author_page(replica, tmp_path):
    run_crawl(replica.url, tmp_path, output=False)
    assert not [h for h in replica.site.hits if h.startswith("/author/")]


@pytest.mark.parametrize("replica", ["next"], indirect=True)
def test_max_pages_limits_the_walk(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path, "-a", "max_pages=1")
    assert result.returncode == 0
    page_one = [p["slug"] for p, _ in replica.site.listing_pages()[0] if p["slug"] in {x["slug"] for x in posts()}]
    assert sorted(i["slug"] for i in result.items) == sorted(page_one)
    assert not [h for h in replica.site.hits if "/page/2" in h]


@pytest.mark.parametrize("replica", ["bare"], indirect=True)
def test_walk_ends_cleanly_at_a_404_listing_page(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path, output=False)
    assert result.returncode == 0
    assert result.stats["kyivind/listing/end_404"] == 1
    assert "Listing ends at page 4 (404" in result.log


@pytest.mark.parametrize("replica", ["ghost"], indirect=True)
def test_since_stops_the_walk_and_skips_older_articles(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path, "-a", "since=2025-11-19")
    assert result.returncode == 0
    wanted = {p["slug"] for p in posts() if p["published_at"] >= "2025-11-19"}
    assert {i["slug"] for i in result.items} == wanted
    assert not [h for h in replica.site.hits if "/page/3" in h]


@pytest.mark.parametrize("args, message", [
    (("-a", "max_pages=abc"), "max_pages must be a positive whole number, got 'abc'"),
    (("-a", "max_pages=0"), "max_pages must be a positive whole number"),
    (("-a", "since=last week"), "since must be an ISO date such as 2024-01-01, got 'last week'"),
])
def test_bad_arguments_are_a_usage_error_before_the_run(tmp_path, args, message):
    result = run_crawl("http://127.0.0.1:9", tmp_path, *args, output=False)
    assert result.returncode == 2
    [line] = [line for line in result.log.splitlines() if "error: " in line]
    assert f"error: bad spider argument: {message}" in line
    assert "Traceback" not in result.log and not result.data_dir.exists()


def test_bad_base_url_is_a_usage_error(tmp_path):
    result = run_crawl("ftp://nowhere", tmp_path, output=False)
    assert result.returncode == 2 and "base_url must be an http(s) URL" in result.log
