"""A run that could not do its job looks failed: exit code 1, one ERROR line naming the cause, no traceback,
``ok: false`` in its summary. A healthy run that finds nothing new still exits 0 (test_incremental)."""

import json
import textwrap

import pytest

from kyivind import statkeys as keys
from tests.conftest import ROOT, run_crawl
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = pytest.mark.crawl
FAST = ("-s", "KYIVIND_RETRY_BACKOFF_BASE=0.05", "-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_TIMEOUT=1")


def errors(result) -> list[str]:
    return [line.split("] ERROR: ", 1)[1] for line in result.log.splitlines() if "] ERROR: " in line]


def summary(result) -> dict:
    return json.loads(next((result.data_dir / "feeds").glob("*.summary.json")).read_text())


def assert_failed_with(result, cause: str) -> None:
    assert result.returncode == 1, result.log[-3000:]
    found = errors(result)
    assert len(found) == 1 and cause in found[0], found
    assert "Traceback" not in result.log
    assert summary(result)["ok"] is False and cause in summary(result)["problems"][0]


class ListingFault(ReplicaSite):
    """The listing answers with ``status`` (or sleeps past the client's timeout) on every try."""

    def __init__(self, theme, status, **kwargs):
        super().__init__(theme, **kwargs)
        self.status = status
        self.sleep = 2.0

    def fault(self, path):
        if path.startswith("/tag/"):
            if self.status == "sleep":
                return "sleep", {"Content-Type": "text/html"}, b"<html><body></body></html>"
            return self.status, {"Content-Type": "text/html"}, b"<html><body>Server error</body></html>"
        return None


class EmptyListing(ReplicaSite):
    """A listing page whose cards are gone (the markup changed under the crawler)."""

    def listing(self, page, tag="news-feed"):
        return "<html><head><title>News Feed</title></head><body><main><h1>News Feed</h1></main></body></html>"


class ArticlesFault(ReplicaSite):
    """Every article answers 500."""

    def fault(self, path):
        if path.strip("/") and "/" not in path.strip("/") and path.strip("/") in {p["slug"] for p in self.posts}:
            return 500, {"Content-Type": "text/html"}, b"<html><body>Server error</body></html>"
        return None


def test_dns_failure_fails_the_run_with_one_error(tmp_path):
    result = run_crawl("http://kyivind-replica.invalid", tmp_path, *FAST, source="auto", output=False)
    assert_failed_with(result, "the listing http://kyivind-replica.invalid/tag/news-feed/ could not be fetched: "
                               "CannotResolveHostError: DNS lookup failed")
    assert "Content API unusable" in result.log, "the API was tried first, then the listing"


def test_connection_refused_fails_the_run(tmp_path):
    result = run_crawl("http://127.0.0.1:9", tmp_path, *FAST, output=False)
    assert_failed_with(result, "could not be fetched: DownloadConnectionRefusedError")


@pytest.mark.parametrize("status, cause", [(500, "answered 500"), ("sleep", "DownloadTimeoutError"),
                                           (404, "answered 404 (is the tag 'news-feed' right?)")])
def test_a_listing_that_never_answers_200_fails_the_run(tmp_path, status, cause):
    with ReplicaServer(ListingFault("ghost", status)) as server:
        result = run_crawl(server.url, tmp_path, *FAST, output=False)
        hits = list(server.site.hits)
    assert_failed_with(result, cause)
    assert not [h for h in hits if h.startswith("/ukraine")], "no article of a listing never read"


def test_robots_txt_forbidding_the_listing_fails_the_run(tmp_path):
    site = ReplicaSite("ghost")
    site.robots = "User-agent: *\nDisallow: /tag/\n"
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, *FAST, output=False)
    assert_failed_with(result, "could not be fetched: IgnoreRequest: Forbidden by robots.txt")


def test_a_first_listing_page_without_cards_fails_the_run(tmp_path):
    with ReplicaServer(EmptyListing("ghost")) as server:
        result = run_crawl(server.url, tmp_path, *FAST, output=False)
    assert_failed_with(result, "holds no article link: the site's markup may have changed")


def test_every_article_failing_fails_the_run(tmp_path):
    with ReplicaServer(ArticlesFault("ghost")) as server:
        result = run_crawl(server.url, tmp_path, *FAST, output=False)
    assert result.returncode == 1
    assert any("no item: the listing promised 13 articles and the run yielded none" in e for e in errors(result))
    assert "Traceback" not in result.log


def test_render_without_a_browser_fails_the_run(tmp_path):
    with ReplicaServer(ReplicaSite("script")) as server:
        result = run_crawl(server.url, tmp_path, "-a", "render=true", "-s", "KYIVIND_CHROMIUM_PATH=/nowhere/chromium",
                           *FAST, output=False)
    assert result.returncode == 1, result.log[-3000:]
    assert any("the browser failed" in e and "KYIVIND_CHROMIUM_PATH" in e for e in errors(result)), errors(result)
    assert summary(result)["ok"] is False


def test_an_exception_in_a_callback_fails_the_run(tmp_path):
    """Any ERROR line logged during the run (a callback, the engine, the scheduler, an asyncio task) fails it."""
    spider_file = tmp_path / "broken.py"
    spider_file.write_text(textwrap.dedent("""
        from kyivind.spiders.newsfeed import NewsfeedSpider

        class Broken(NewsfeedSpider):
            name = "broken"

            def parse_listing(self, response, page_number):
                raise RuntimeError("a bug in a callback")
        """))
    with ReplicaServer(ReplicaSite("ghost")) as server:
        import os
        import subprocess
        import sys

        env = {**os.environ, "KYIVIND_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
        proc = subprocess.run([sys.executable, "-m", "scrapy", "runspider", str(spider_file), "-a",
                               f"base_url={server.url}", "-a", "source=html"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    found = [line for line in proc.stderr.splitlines() if "Run check failed" in line]
    assert any("ERROR lines were logged during the run (the first: [scrapy.core.scraper] Spider error processing"
               in line for line in found), found
    summary_file = next((tmp_path / "data" / "feeds").glob("*.summary.json"))
    assert json.loads(summary_file.read_text())["ok"] is False


def test_the_stats_name_the_fatal_cause(tmp_path):
    result = run_crawl("http://127.0.0.1:9", tmp_path, *FAST, output=False)
    assert result.stats[keys.LISTING_FAILED] == 1
    assert result.stats["finish_reason"] == "listing_unreachable"


def test_a_bad_site_time_zone_fails_at_start(tmp_path):
    result = run_crawl("http://127.0.0.1:9", tmp_path, "-s", "KYIVIND_SITE_TIMEZONE=Mars/Olympus", output=False)
    assert_failed_with(result, "Bad setting: KYIVIND_SITE_TIMEZONE must be a time zone such as Europe/Kyiv, "
                               "got 'Mars/Olympus'")
