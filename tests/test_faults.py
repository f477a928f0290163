"""Bad input and faults: each case has a clear log line and a stat, no crash, and no partial item exported.

One crawl of the fault site (tests/replica/faults.py) serves every case beside good articles; a test
per case then reads that run's log, stats, feed and failed.jsonl.
"""

import json

import pytest

from tests.conftest import run_crawl, state_suffix
from tests.replica.faults import OFF_SITE, FaultSite
from tests.replica.server import ReplicaServer

pytestmark = pytest.mark.crawl
FAST = ("-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=2", "-s", "KYIVIND_RETRY_BACKOFF_BASE=0.2")


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory):
    site = FaultSite(sleep=2.5)
    with ReplicaServer(site) as server:
        site.base = server.url
        result = run_crawl(server.url, tmp_path_factory.mktemp("faults"), *FAST)
    failed = {}
    path = result.data_dir / f"failed{state_suffix(server.url)}.jsonl"
    result.failed_path = path
    if path.exists():
        failed = {json.loads(line)["url"].rsplit("/", 2)[-2]: json.loads(line) for line in path.read_text().splitlines()}
    return result, site, {i["slug"]: i for i in result.items}, failed


def warning_lines(result, text):
    return [line for line in result.log.splitlines() if ("WARNING" in line or "ERROR" in line) and text in line]


def test_no_crash_and_good_articles_still_exported(fault_run):
    result, _, items, _ = fault_run
    assert "Traceback" not in result.log
    assert {"russian-drone-attack-on-kharkiv-injures-7", "zelensky-meets-trump-in-washington-as-talks-on-security-guarantees-continue",
            "ukraine-receives-new-batch-of-f-16-fighter-jets"} <= set(items)


@pytest.mark.parametrize("slug, stat", [
    ("malformed-html", None),
    ("no-jsonld", None),
    ("invalid-jsonld", "kyivind/page/jsonld_invalid"),
    ("huge-page", None),
    ("deep-json", "kyivind/page/json_too_deep"),
    ("unclosed-next-f", None),
])
def test_recoverable_pages_give_a_right_item(fault_run, slug, stat):
    result, _, items, failed = fault_run
    item = items[slug]
    assert item["title"] == "Parliament extends martial law for another 90 days"
    assert item["published_at"] == "2025-11-17T10:45:00+00:00"
    assert item["body_text"].startswith("Ukraine's parliament voted on Nov. 17") and item["word_count"] == 55
    assert "reader's comment" not in item["body_text"]
    assert slug not in failed
    if stat:
        assert result.stats[stat] == 1


def test_huge_page_is_logged_as_large(fault_run):
    result, *_ = fault_run
    assert warning_lines(result, "larger than download warn size")


def test_wrong_charset_is_decoded_as_utf8(fault_run):
    result, _, items, _ = fault_run
    assert items["wrong-charset"]["title"] == "Parliament’s vote extends martial law for another 90 days"
    assert result.stats["kyivind/page/charset_fixed"] == 1
    assert warning_lines(result, "but is UTF-8; decoded as UTF-8")


@pytest.mark.parametrize("slug, kind, log_text, stat", [
    ("truncated-html", "truncated", "the page stops before its end", "kyivind/page/truncated"),
    ("empty-page", "not_an_article", "page holds no article", "kyivind/article/not_an_article"),
    ("challenge-page", "challenge", "a bot-challenge page answered", "kyivind/page/challenge"),
    ("pdf-story", "not_html", "not an HTML page (Content-Type 'application/pdf')", "kyivind/page/not_html"),
    ("gone-410", "http_410", "answered 410", "kyivind/article/http_410"),
    ("deleted-story-that-answers-404", "http_404", "answered 404", "kyivind/article/http_404"),
    ("server-error", "HttpError", "Ignoring non-200 response", "kyivind/article/failed/HttpError"),
    ("unavailable-503", "HttpError", "Ignoring non-200 response", "kyivind/retry/http_503"),
    ("redirect-loop", "IgnoreRequest", "max redirections reached", "kyivind/article/failed/IgnoreRequest"),
    ("slow-story", "DownloadTimeoutError", "took longer than 1.0 seconds", "kyivind/article/failed/DownloadTimeoutError"),
    ("dataloss", "ResponseDataLossError", "ResponseDataLossError", "kyivind/article/failed/ResponseDataLossError"),
])
def test_unusable_answers_are_logged_counted_listed_and_not_exported(fault_run, slug, kind, log_text, stat):
    result, _, items, failed = fault_run
    assert slug not in items
    assert failed[slug]["kind"] == kind and failed[slug]["attempts"] == 1
    assert warning_lines(result, f"/{slug}/"), "a log line names the URL"
    assert warning_lines(result, log_text)
    assert result.stats[stat] >= 1


@pytest.mark.parametrize("slug, reason, stat", [
    ("future-date", "is in the future, not kept", "kyivind/field/published_at/future"),
    ("bad-date", "published_at: null is not of type \"string\"", "kyivind/page/date_unparsable"),
])
def test_bad_dates_drop_the_item_with_a_reason(fault_run, slug, reason, stat):
    result, _, items, failed = fault_run
    assert slug not in items
    assert warning_lines(result, reason)
    assert result.stats[stat] == 1
    assert failed[slug]["kind"] == "invalid"
    assert result.stats["kyivind/validation/invalid/published_at"] == 2


def test_off_site_card_is_not_followed(fault_run):
    result, site, *_ = fault_run
    assert result.stats["kyivind/listing/off_site_link"] == 1
    assert warning_lines(result, f"Listing card points off-site, not followed: {OFF_SITE}")


def test_5xx_and_429_are_retried_with_backoff_honouring_retry_after(fault_run):
    result, site, items, _ = fault_run
    for path in ("/server-error/", "/unavailable-503/"):  # 1 + RETRY_TIMES tries, then given up
        assert any(f"Gave up retrying <GET {site.base}{path}> (failed 3 times)" in line for line in result.log.splitlines())
    first, second = site.times["/rate-limited/"][:2]
    assert second - first >= 1.0, "Retry-After: 1 was honoured"
    assert "rate-limited" in items and result.stats["kyivind/retry/http_429"] == 1
    waits = site.times["/server-error/"]
    assert waits[1] - waits[0] >= 0.2 and waits[2] - waits[1] >= 0.4, "base 0.2 s, then doubled"


def test_the_run_summary_and_exit_code_say_the_run_failed(fault_run):
    result, *_ = fault_run
    assert result.returncode == 1
    summaries = list((result.data_dir / "feeds").glob("*.summary.json"))
    summary = json.loads(summaries[0].read_text())
    assert summary["ok"] is False and any("bot challenge" in p for p in summary["problems"])
    assert summary["http_status"]["410"] == 1 and summary["failed_urls"] >= 10


def test_failed_urls_are_retried_by_the_next_run(fault_run, tmp_path):
    result, *_ = fault_run
    data = tmp_path / "data"
    data.mkdir()
    site = FaultSite(sleep=2.5)
    site.posts = []
    with ReplicaServer(site) as server:
        failed_path = data / f"failed{state_suffix(server.url)}.jsonl"
        failed_path.write_text(result.failed_path.read_text())
        site.listing = lambda page: None  # the listing no longer links them: only failed.jsonl does
        second = run_crawl(server.url, tmp_path, *FAST, output=False)
    # passing faults are asked again; failures for good (410, not HTML) are left listed for a person
    assert site.served.get("/challenge-page/") == 1 and site.served.get("/empty-page/") == 1
    assert "/gone-410/" not in site.served and "/pdf-story/" not in site.served
    rows = {json.loads(line)["url"].rsplit("/", 2)[-2]: json.loads(line) for line in failed_path.read_text().splitlines()}
    assert rows["challenge-page"]["attempts"] == 2 and rows["gone-410"]["attempts"] == 1
    permanent = {"gone-410", "pdf-story", "deleted-story-that-answers-404"}
    assert second.stats["kyivind/failed/retried"] == len(set(rows) - permanent)
