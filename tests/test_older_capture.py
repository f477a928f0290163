"""A capture older than the version exported from the same article is never exported above it
(kyivind/state/incremental.Incremental.older_than_export), also when a re-extraction reads a capture of the same
second as the export: a capture's time is kept to the second, so two runs within a second give two texts of one
time. A live fetch is always the newest, whatever second it shares."""

from __future__ import annotations

from kyivind.state.incremental import Incremental

EXPORTED = {"url": "https://kyivindependent.com/a/", "version": 2, "fetched_at": "2026-12-07T09:00:05+00:00",
            "content_hash": "nine killed"}


class _State:
    def article(self, url: str) -> dict | None:
        return dict(EXPORTED) if url == EXPORTED["url"] else None


def reader(replay: bool = True) -> Incremental:
    incremental = Incremental.__new__(Incremental)
    incremental.state, incremental.replay = _State(), replay
    return incremental


def capture(fetched_at: str, content_hash: str, url: str = EXPORTED["url"]) -> dict:
    return {"url": url, "fetched_at": fetched_at, "content_hash": content_hash}


def test_an_earlier_capture_is_older():
    assert reader().older_than_export(capture("2026-12-07T09:00:04+00:00", "seven killed"))["version"] == 2


def test_another_text_of_the_same_second_is_not_put_above_the_export():
    assert reader().older_than_export(capture(EXPORTED["fetched_at"], "seven killed"))["version"] == 2


def test_the_exported_text_itself_and_later_captures_go_on():
    assert reader().older_than_export(capture(EXPORTED["fetched_at"], "nine killed")) is None
    assert reader().older_than_export(capture("2026-12-07T09:00:06+00:00", "seven killed")) is None
    assert reader().older_than_export(capture("2026-12-07T09:00:04+00:00", "x", url="https://kyivindependent.com/b/")) is None


def test_a_live_fetch_of_the_same_second_is_the_newest():
    """Two crawls within one second: the second one's answer is a new version, not an older capture."""
    assert reader(replay=False).older_than_export(capture(EXPORTED["fetched_at"], "seven killed")) is None
    assert reader(replay=False).older_than_export(capture("2026-12-07T09:00:04+00:00", "x"))["version"] == 2
