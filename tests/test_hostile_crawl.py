"""Bounded by design: no site stalls a run, loops it or forges an article's URL. Each test crawls a hostile
replica (tests/hostile/site.py) in a subprocess and checks that the bound that stops the loop said so (one
WARNING naming the cause, a stat), that the run kept what it got, and that it failed where what it got is short.
"""

from __future__ import annotations

import pytest

from tests.conftest import last_summary, run_crawl
from tests.hostile.site import ELSEWHERE, HostileSite
from tests.replica.content import SITE, posts
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = pytest.mark.crawl


def hits(site, path: str) -> int:
    return sum(1 for hit in site.hits if hit.split("?")[0] == path)




def incremental_pair(mode: str, tmp_path):
    """A first run that exports everything, then an incremental run (which reads the posts sitemap)."""
    site = HostileSite(mode)
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(site) as server:
        first = run_crawl(server.url, tmp_path / "1", env=env, source="api")
        assert first.returncode == 0, first.log[-3000:]
        site.hits.clear()
        second = run_crawl(server.url, tmp_path / "2", env=env, timeout=120)
    return site, second


def test_a_sitemap_index_that_lists_itself_is_read_once(tmp_path):
    site, result = incremental_pair("sitemap-self", tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    assert hits(site, "/sitemap-posts.xml") == 1 and hits(site, "/sitemap-posts-2.xml") == 1
    assert hits(site, "/sitemap-posts-3.xml") == 1, "the posts it names are still read"
    assert result.stats["kyivind/bound/sitemap_cycle"] == 2
    assert "Bound reached (sitemap_cycle): the sitemap" in result.log


def test_sitemap_indexes_without_end_stop_at_the_depth_and_fail_the_run(tmp_path):
    site, result = incremental_pair("sitemap-deep", tmp_path)
    assert result.returncode == 1
    assert hits(site, "/sitemap-posts.xml") == 1 and hits(site, "/sitemap-posts-2.xml") == 1
    assert hits(site, "/sitemap-posts-3.xml") == 0, "KYIVIND_SITEMAP_MAX_DEPTH=2"
    assert result.stats["kyivind/bound/sitemap_depth"] == 1
    assert any("KYIVIND_SITEMAP_MAX_DEPTH=2" in p for p in last_summary(tmp_path / "data")["problems"])


@pytest.mark.parametrize("mode, api_requests, returncode, problem", [
    ("api-repeat", 1, 0, None),
    ("api-endless", 2, 0, None),
    ("api-past-pages", 1, 1, f"stopped the walk after {len(posts())} of the {len(posts()) + 50} posts it promised"),
])
def test_content_api_pagination_that_never_ends_is_walked_once(mode, api_requests, returncode, problem, tmp_path):
    site = HostileSite(mode)
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, source="api", timeout=120)
    assert result.returncode == returncode, result.log[-3000:]
    assert hits(site, "/ghost/api/content/posts/") == api_requests
    assert result.stats["kyivind/bound/api_pagination"] == 1
    assert "Bound reached (api_pagination): the Content API's pagination" in result.log
    assert len(result.items) == len(posts()), "every post it did give is exported"
    if problem:
        problems = last_summary(result.data_dir)["problems"]
        assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("mode, bound", [("listing-cycle", "listing_cycle"), ("listing-empty-chain", "listing_empty_page")])
def test_a_listing_that_leads_back_or_nowhere_ends_the_walk(mode, bound, tmp_path):
    site = HostileSite(mode)
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, "-a", "mode=full", timeout=120)
    assert result.returncode == 0, result.log[-3000:]
    assert hits(site, "/tag/news-feed/") == 1
    assert sum(1 for hit in site.hits if hit.startswith("/tag/news-feed/page/")) <= len(site.listing_pages())
    assert result.stats[f"kyivind/bound/{bound}"] == 1
    assert {i["slug"] for i in result.items} == {p["slug"] for p in posts()}


def test_an_off_site_canonical_link_never_becomes_the_items_url(tmp_path):
    with ReplicaServer(HostileSite("off-site-canonical")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    assert {i["url"] for i in result.items} == {f"{SITE}/{p['slug']}/" for p in posts()}
    assert {i["slug"] for i in result.items} == {p["slug"] for p in posts()}
    assert result.stats["kyivind/offsite/canonical"] == len(posts())
    assert f"The canonical URL {ELSEWHERE}/" in result.log


def test_author_pages_stop_at_their_bound(tmp_path):
    with ReplicaServer(ReplicaSite("bare")) as server:
        result = run_crawl(server.url, tmp_path, "-s", "KYIVIND_MAX_AUTHOR_PAGES=1")
    assert result.stats["kyivind/author_page/requests"] == 1
    assert result.stats["kyivind/bound/author_pages"] == 1
    assert "Bound reached (author_pages): 1 author pages fetched" in result.log
    assert len(result.items) == len(posts())


def test_the_run_deadline_stops_a_slow_run_cleanly_and_a_resumed_run_finishes(webhook, tmp_path):
    received, url = webhook
    jobdir = tmp_path / "job"
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data"), "KYIVIND_ALERT_WEBHOOK": url}
    with ReplicaServer(ReplicaSite("ghost"), latency=1.0) as server:
        stopped = run_crawl(server.url, tmp_path / "1", "-s", "KYIVIND_MAX_RUN_MINUTES=0.05", "-s", f"JOBDIR={jobdir}",
                            "-s", "CONCURRENT_REQUESTS=1", env=env)
        assert stopped.returncode == 1
        assert stopped.stats["finish_reason"] == "deadline" and stopped.stats["kyivind/bound/deadline"] == 1
        problems = last_summary(tmp_path / "data")["problems"]
        assert any("the run deadline was reached (KYIVIND_MAX_RUN_MINUTES=0.05)" in p for p in problems), problems
        assert len(received) == 1 and "deadline" in received[0]["text"], "the alert is sent"
        done = len(stopped.items)
        assert done < len(posts()), "stopped before the end"
        assert any((tmp_path / "data").glob("state*.sqlite")), "the state is saved"
        resumed = run_crawl(server.url, tmp_path / "2", "-s", f"JOBDIR={jobdir}", env=env)
    assert resumed.returncode == 0, resumed.log[-3000:]
    assert {i["slug"] for i in stopped.items + resumed.items} == {p["slug"] for p in posts()}
