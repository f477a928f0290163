"""Operations that fail loudly and leak nothing: alerts whose delivery fails, credentials in a webhook URL, a tag
longer than Ghost allows, credentials in ``base_url``, ``kyivind schedule`` with a password; and a healthy run
that logs no WARNING at all (so that the ones that matter are read)."""

from __future__ import annotations

import base64
import re

import pytest

from tests.conftest import kyivind, last_summary, run_crawl, webhook_server
from tests.replica.content import MISSING_SLUG, posts
from tests.replica.server import ReplicaServer, ReplicaSite
from tests.test_archive import reextract

pytestmark = pytest.mark.crawl
UNREACHABLE = ("http://127.0.0.1:9", "-s", "KYIVIND_RETRY_BACKOFF_BASE=0.05", "-s", "RETRY_TIMES=1")
WARNING_LINE = re.compile(r"^\S+ \S+ \[[^\]]+\] WARNING: .*$", re.M)






def test_credentials_in_the_webhook_url_are_sent_as_basic_authorization(tmp_path):
    with webhook_server() as (received, headers, url):
        hook = url.replace("http://", "http://alerts:hook-secret@")
        result = run_crawl(*UNREACHABLE[:1], tmp_path, *UNREACHABLE[1:], output=False,
                           env={"KYIVIND_ALERT_WEBHOOK": hook})
    assert result.returncode == 1 and len(received) == 1, result.log[-3000:]
    assert headers[0]["Authorization"] == "Basic " + base64.b64encode(b"alerts:hook-secret").decode()
    assert "hook-secret" not in result.log


def test_an_alert_that_cannot_be_delivered_is_an_error_a_stat_and_a_status_line(tmp_path):
    data = tmp_path / "data"
    with webhook_server(status=500) as (received, _, url):
        result = run_crawl(*UNREACHABLE[:1], tmp_path, *UNREACHABLE[1:], output=False,
                           env={"KYIVIND_ALERT_WEBHOOK": url})
    assert result.returncode == 1 and len(received) == 1
    assert re.search(r"\] ERROR: Alert not delivered \(WebhookAlert\): urllib\.error\.HTTPError: HTTP Error 500",
                     result.log), result.log[-3000:]
    assert last_summary(data)["alerts_failed"][0].startswith("WebhookAlert: urllib.error.HTTPError: HTTP Error 500")
    status = kyivind("status", str(data))
    assert "  alert not delivered: WebhookAlert: urllib.error.HTTPError: HTTP Error 500" in status.stdout
    metrics = kyivind("status", str(data), "--prometheus").stdout
    assert "\nkyivind_last_run_alerts_failed 1.0\n" in metrics, "the stat, where a monitoring system reads it"


def test_an_unreachable_webhook_is_reported_too(tmp_path):
    result = run_crawl(*UNREACHABLE[:1], tmp_path, *UNREACHABLE[1:], output=False,
                       env={"KYIVIND_ALERT_WEBHOOK": "http://127.0.0.1:9/hook"})
    assert "ERROR: Alert not delivered (WebhookAlert): urllib.error.URLError" in result.log
    assert len(last_summary(result.data_dir)["alerts_failed"]) == 1


def test_a_tag_longer_than_ghost_allows_is_a_usage_error_without_alert(tmp_path):
    with webhook_server() as (received, _, url), ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path, "-a", "tag=" + "a" * 300, env={"KYIVIND_ALERT_WEBHOOK": url})
    assert result.returncode == 2
    assert "bad spider argument: tag must be a tag slug of at most 191 characters (Ghost's limit)" in result.log
    assert not result.data_dir.exists(), "no summary, no state"
    assert received == [], "a typo at the command line is no alert"
    assert "Traceback" not in result.log


def test_the_longest_tag_ghost_allows_makes_valid_file_names(tmp_path):
    tag = "b" * 191
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path, "-a", f"tag={tag}", output=False, env={"SCRAPY_JOB": "f" * 32})
    assert "Traceback" not in result.log and "File name too long" not in result.log
    names = [p.name for p in (result.data_dir / "feeds").iterdir()]
    assert names and all(len(name.encode()) <= 255 for name in names), names


def test_credentials_in_base_url_are_refused_and_never_written(tmp_path):
    with ReplicaServer(ReplicaSite("ghost")) as server:
        url = server.url.replace("http://", "http://reader:base-secret@")
        result = run_crawl(url, tmp_path)
    assert result.returncode == 2
    assert "bad spider argument: base_url must not carry credentials (user:password@), got 'http://***@" \
        in result.log
    assert "base-secret" not in result.log and "reader" not in result.log, "the user is redacted too"
    for path in result.data_dir.rglob("*"):
        assert "base-secret" not in path.name
        if path.is_file() and path.suffix in (".json", ".jsonl"):
            assert "base-secret" not in path.read_text()


def test_schedule_never_prints_a_password(tmp_path):
    done = kyivind("schedule", "--url", "http://deployer:url-secret@127.0.0.1:9",
                   env={"KYIVIND_SCRAPYD_PASSWORD": "env-secret", "KYIVIND_SCRAPYD_USERNAME": "deployer"})
    assert done.returncode == 1 and "cannot be reached" in done.stderr
    assert "url-secret" not in done.stdout + done.stderr and "env-secret" not in done.stdout + done.stderr
    assert "http://127.0.0.1:9" in done.stderr


class WholeSite(ReplicaSite):
    """The replica without its card of a deleted story: a site with nothing wrong."""

    def listing_pages(self, tag: str = "news-feed"):
        return [[(p, href) for p, href in page if p["slug"] != MISSING_SLUG] for page in super().listing_pages(tag)]


@pytest.mark.parametrize("theme, source", [("ghost", "auto"), ("next", "html"), ("ghost", "html")])
def test_a_healthy_run_and_its_reextraction_log_no_warning(theme, source, tmp_path):
    with ReplicaServer(WholeSite(theme)) as server:
        result = run_crawl(server.url, tmp_path, env={"PYTHONWARNINGS": "default"}, source=source)
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) == len(posts())
    assert WARNING_LINE.findall(result.log) == [] and "Warning:" not in result.log
    for path in [*result.data_dir.glob("state*"), *(result.data_dir / "feeds").iterdir()]:
        path.unlink()
    again = reextract(result.data_dir, "--base-url", server.url, env={"PYTHONWARNINGS": "default"})
    assert again.returncode == 0, again.stderr[-3000:]
    assert WARNING_LINE.findall(again.stderr) == [] and "Warning:" not in again.stderr
