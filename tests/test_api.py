"""The Ghost Content API as a source: same items in a few requests, and the HTML walk when it is unusable."""

import json
import math

import pytest

from tests.conftest import RUN_SPECIFIC, run_crawl
from tests.replica.content import CONTENT_KEY, expected_item, many_posts, posts
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = pytest.mark.crawl


def served(theme="next", **site_args):
    return ReplicaServer(ReplicaSite(theme, **site_args))


def api_hits(site):
    return [h for h in site.hits if h.startswith("/ghost/api/content/")]


def page_hits(site):
    return [h for h in site.hits if not h.startswith(("/ghost/api/", "/robots.txt"))]


def test_api_crawl_gives_every_field_in_one_request(tmp_path):
    with served() as server:
        result = run_crawl(server.url, tmp_path, source="auto")
        assert result.returncode == 0, result.log[-2000:]
        assert len(api_hits(server.site)) == math.ceil(len(posts()) / 100) == 1
        assert page_hits(server.site) == [], "no page, no author page: the API gave everything"
    got = {i["url"]: {k: v for k, v in i.items() if k not in RUN_SPECIFIC} for i in result.items}
    assert got == {e["url"]: e for e in (expected_item(p, "api") for p in posts())}
    assert result.stats["kyivind/api/requests"] == 1


def test_api_and_html_items_are_equal_field_by_field(tmp_path):
    with served("next") as server:
        by_api = run_crawl(server.url, tmp_path / "api", source="api").items
        by_html = run_crawl(server.url, tmp_path / "html", source="html").items
    strip = lambda items: {i["url"]: {k: v for k, v in i.items() if k not in RUN_SPECIFIC} for i in items}  # noqa: E731
    assert len(by_api) == len(posts())
    assert strip(by_api) == strip(by_html)


def test_requests_are_ceil_n_over_100(tmp_path):
    with served("next", post_list=many_posts(250)) as server:
        result = run_crawl(server.url, tmp_path, source="api")
        hits = api_hits(server.site)
    assert result.returncode == 0
    assert len(hits) == 3 and len(result.items) == 250
    assert all("limit=100" in h and "include=tags%2Cauthors" in h and "formats=html" in h for h in hits)


@pytest.mark.parametrize("mode, reason", [
    ("403", "refused the key (403)"),
    ("404", "answered 404"),
    ("bad-json", "invalid JSON"),
    ("unknown-shape", "a shape kyivind does not know"),
])
def test_auto_falls_back_to_html_with_a_warning(tmp_path, mode, reason):
    with served("next", api_mode=mode) as server:
        result = run_crawl(server.url, tmp_path, source="auto")
    assert result.returncode == 0
    warnings = [line for line in result.log.splitlines()
                if "WARNING" in line and "falling back to the RSS feed with the HTML walk" in line]
    assert len(warnings) == 1 and reason in warnings[0]
    assert len(result.items) == len(posts())


def test_source_api_without_a_usable_api_fails(tmp_path):
    with served("next", api_mode="404") as server:
        result = run_crawl(server.url, tmp_path, source="api")
    assert result.returncode == 1
    assert "Content API unusable: the Content API answered 404 (source=api: no fallback)" in result.log
    assert result.items == []


@pytest.mark.parametrize("theme, where", [("ghost", "data-key"), ("next", "script bundle")])
def test_rotated_key_is_rediscovered_from_the_site(tmp_path, theme, where):
    new_key = "0123456789abcdef0123456789"
    with served(theme, api_key=new_key) as server:
        result = run_crawl(server.url, tmp_path, source="auto")
        assert result.returncode == 0
        assert f"using the key found on the site: {new_key}" in result.log, where
        assert len(result.items) == len(posts())
        assert "falling back" not in result.log
        assert not [h for h in page_hits(server.site) if h.startswith("/ukraine")], "articles came from the API"


def test_key_from_environment(tmp_path):
    with served("next", api_key="abcdefabcdefabcdefabcdefab") as server:
        result = run_crawl(server.url, tmp_path, source="api", env={"KYIVIND_CONTENT_API_KEY": "abcdefabcdefabcdefabcdefab"})
        assert len(api_hits(server.site)) == 1 and "key=abcdefabcdefabcdefabcdefab" in api_hits(server.site)[0]
    assert len(result.items) == len(posts())


def test_since_maps_to_a_published_at_filter(tmp_path):
    with served("next") as server:
        result = run_crawl(server.url, tmp_path, "-a", "since=2025-11-17", source="api")
        hit = api_hits(server.site)[0]
    assert "published_at%3A%3E%3D%272025-11-17T00%3A00%3A00.000Z%27" in hit
    assert {i["slug"] for i in result.items} == {p["slug"] for p in posts() if p["published_at"] >= "2025-11-17"}


def test_replica_api_follows_ghost_forms():
    from tests.replica.api import content_api

    status, _, body = content_api("/ghost/api/content/posts/", "key=bad", posts(), CONTENT_KEY)
    assert status == 401 and json.loads(body)["errors"][0]["type"] == "UnauthorizedError"
    status, _, body = content_api("/ghost/api/content/posts/", f"key={CONTENT_KEY}&limit=5&page=3&filter=tag:news-feed",
                                  posts(), CONTENT_KEY)
    data = json.loads(body)
    assert data["meta"]["pagination"] == {"page": 3, "limit": 5, "pages": 3, "total": 12, "next": None, "prev": 2}
    assert "authors" not in data["posts"][0], "include=authors not asked"
    status, _, body = content_api("/ghost/api/content/posts/", f"key={CONTENT_KEY}&filter=updated_at:>'2025-11-19T00:00:00.000Z'",
                                  posts(), CONTENT_KEY)
    assert {p["slug"] for p in json.loads(body)["posts"]} == {p["slug"] for p in posts() if p["updated_at"] > "2025-11-19"}
