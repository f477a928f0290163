"""A loud failure when extraction breaks, and a crawl that is polite and safe."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

from kyivind.crawl.middlewares import SiteOnlyMiddleware
from tests.conftest import ROOT, project_crawler, run_crawl
from tests.replica.faults import corpus_page
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = pytest.mark.crawl


class ChallengeSite(ReplicaSite):
    """Every article page is a bot challenge that answers 200."""

    def article(self, slug):
        return corpus_page("challenge.html").decode() if super().article(slug) else None


class EmptySite(ReplicaSite):
    def article(self, slug):
        return "<html><body><div id='root'></div></body></html>" if super().article(slug) else None


def errors(result):
    return [line.split("] ERROR: ", 1)[1] for line in result.log.splitlines() if "] ERROR: " in line]


def test_challenge_pages_everywhere_fail_the_run_loudly(tmp_path):
    with ReplicaServer(ChallengeSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.returncode == 1 and result.items == [] and result.feed_files == []
    found = errors(result)
    assert any("bot challenge pages: 12 pages answered 200 with a challenge" in e for e in found), found
    assert any("no item: the listing promised 13 articles and the run yielded none" in e for e in found), found
    summary = json.loads(next((result.data_dir / "feeds").glob("*.summary.json")).read_text())
    assert summary["ok"] is False and summary["items"] == 0


def test_pages_without_article_fail_the_run(tmp_path):
    with ReplicaServer(EmptySite("next")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.returncode == 1
    assert any("pages without an article: 12 of 12 article pages answered 200" in e for e in errors(result))


def test_field_coverage_below_threshold_names_the_field_and_numbers(tmp_path):
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path, "-s", 'KYIVIND_COVERAGE_THRESHOLDS={"image": 1.0}')
    assert result.returncode == 1
    assert errors(result) == ["Run check failed: field coverage below threshold: image 10/12 items (83.3% < 100%)"]
    assert len(result.items) == 12, "the items are still exported"


def test_healthy_run_passes_and_writes_its_summary(tmp_path):
    with ReplicaServer(ReplicaSite("bare")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.returncode == 0 and not errors(result)
    summary = json.loads(next((result.data_dir / "feeds").glob("*.summary.json")).read_text())
    assert summary["ok"] is True and summary["items"] == 12 and summary["coverage"]["title"] == 1.0
    assert summary["feed"].endswith(".jsonl") and summary["field_sources"]["title/structure"] == 12


def _listening_inodes() -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            if parts[3] == "0A":  # LISTEN
                inodes.add(parts[9])
    return inodes


def _socket_inodes(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(target[8:-1])
    return found


def test_a_crawl_opens_no_listening_port(tmp_path):
    """No Telnet console, no remote-control server: the crawl process never listens."""
    with ReplicaServer(ReplicaSite("ghost"), latency=0.3) as server:
        env = {**os.environ, "KYIVIND_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                                 "-a", "source=html", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
                                 "-L", "INFO"],  # Scrapy's own lines: the extensions enabled
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        checks = 0
        while proc.poll() is None:
            try:
                listening = _socket_inodes(proc.pid) & _listening_inodes()
            except FileNotFoundError:
                break
            assert not listening, "the crawl process listens on a port"
            checks += 1
            time.sleep(0.1)
        log = proc.stderr.read()
    assert proc.returncode == 0 and checks >= 5
    assert "Enabled extensions" in log and "Telnet console listening" not in log
    assert "RemoteControl" not in log.split("Enabled extensions")[-1].split("]")[0]


def test_identifying_user_agent_and_robots_txt(tmp_path):
    site = ReplicaSite("ghost")
    site.robots = "User-agent: *\nDisallow: /ghost/\nDisallow: /russian-drone-attack-on-kharkiv-injures-7/\n"
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, env={"KYIVIND_CONTACT": "mailto:data-team@example.org"})
    assert site.user_agents == {"kyivind/0.1 (+mailto:data-team@example.org)"}
    assert "/russian-drone-attack-on-kharkiv-injures-7/" not in site.hits
    assert result.stats["robotstxt/forbidden"] == 1
    assert len(result.items) == 11


def test_no_request_leaves_the_site_host(tmp_path):
    crawler = project_crawler({"KYIVIND_SITE_URL": "https://kyivindependent.com", "KYIVIND_DATA_DIR": str(tmp_path)},
                              base_url="http://127.0.0.1:9")
    fence = SiteOnlyMiddleware.from_crawler(crawler)
    assert fence.process_request(Request("http://127.0.0.1:9/story/")) is None
    for url in ("https://elsewhere.example/x/", "https://kyivindependent.com/story/", "http://127.0.0.1:10/x/"):
        with pytest.raises(IgnoreRequest):
            fence.process_request(Request(url))
    assert crawler.stats.get_value("kyivind/offsite/dropped") == 3


def test_a_spider_of_another_kind_is_not_fenced(tmp_path):
    """The bench's bare spider runs with the project's settings: no run context, no fence."""
    import scrapy

    from kyivind.crawl.context import RunContext

    class Other(scrapy.Spider):
        name = "other"

    crawler = project_crawler({"KYIVIND_DATA_DIR": str(tmp_path)}, spidercls=Other)
    assert RunContext.of(crawler).from_spider is False, "the shared components got the default context"
    assert RunContext.attached(crawler) is None
    assert SiteOnlyMiddleware.from_crawler(crawler).process_request(Request("http://127.0.0.1:9/x/")) is None


def test_the_checks_run_on_spidermon_s_runner_without_its_extension():
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler
    from spidermon.contrib.scrapy.extensions import Spidermon

    from kyivind.monitoring.checks import RunChecks, RunSuite

    assert not issubclass(RunChecks, Spidermon), "no private method of Spidermon's extension overridden"
    checks = RunChecks.from_crawler(get_crawler(settings_dict={"SPIDERMON_ENABLED": True,
                                                               "SPIDERMON_ENGINE_STOP_MONITORS": [
                                                                   "kyivind.monitoring.checks.RunSuite"]}))
    assert checks.suites == [RunSuite]
    with pytest.raises(NotConfigured):
        RunChecks.from_crawler(get_crawler(settings_dict={"SPIDERMON_ENABLED": False}))
