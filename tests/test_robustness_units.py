"""Units behind the fault handling: Retry-After, failed.jsonl, challenge and truncation checks, settings."""

from datetime import datetime, timezone

from scrapy.settings import Settings

from kyivind.crawl.middlewares import retry_after_seconds
from kyivind.extraction.challenge import is_challenge_page, looks_truncated
from kyivind.state.failures import FailedUrls
from tests.conftest import ROOT


def test_retry_after_in_seconds_or_http_date():
    now = datetime(2026, 11, 25, 6, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds("Wed, 25 Nov 2026 06:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Wed, 25 Nov 2026 05:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_failed_urls_round_trip_and_attempts(tmp_path):
    store = FailedUrls(tmp_path / "failed.jsonl", max_attempts=2)
    store.record("https://k.com/a/", "answered 500", "HttpError")
    store.record("https://k.com/b/", "timeout", "DownloadTimeoutError")
    assert store.save() == 2
    again = FailedUrls(tmp_path / "failed.jsonl", max_attempts=2)
    assert sorted(again.to_retry()) == ["https://k.com/a/", "https://k.com/b/"]
    again.record("https://k.com/a/", "answered 500", "HttpError")
    again.succeeded_url("https://k.com/b/")
    assert again.save() == 1
    third = FailedUrls(tmp_path / "failed.jsonl", max_attempts=2)
    assert third.previous["https://k.com/a/"]["attempts"] == 2
    assert third.to_retry() == [], "left for a person after max attempts"
    third.succeeded_url("https://k.com/a/")
    assert third.save() == 0 and not (tmp_path / "failed.jsonl").exists()


def test_challenge_and_truncation_checks():
    assert is_challenge_page("<html><head><title>Just a moment...</title></head><body></body></html>")
    assert is_challenge_page('<html><body><div id="cf-challenge">x</div></body></html>')
    assert not is_challenge_page("<html><head><title>Ukraine receives F-16s</title></head><body><p>x</p></body></html>")
    assert looks_truncated("<html><body><p>Half a para")
    assert not looks_truncated("<html><body><p>Whole</p></body></html>")
    assert not looks_truncated("<p>A fragment without document tags</p>")
    # closing tags in capitals count as closing tags; opening ones in capitals without them are a cut page
    assert not looks_truncated("<HTML><BODY><p>Whole</p></BODY></HTML>")
    assert looks_truncated("<HTML><BODY><p>Half a para")


def test_politeness_and_safety_settings():
    settings = Settings()
    settings.setmodule("kyivind.settings")
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert not settings.getbool("TELNETCONSOLE_ENABLED") and not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 4
    assert settings.get("USER_AGENT").startswith("kyivind/") and "+" in settings.get("USER_AGENT")
    assert "scrapy.downloadermiddlewares.retry.RetryMiddleware" in settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert (ROOT / "kyivind/settings.py").read_text().count("os.environ") >= 4  # per-machine values from the environment
