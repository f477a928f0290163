"""The run state commits an exported article's rows in batches, and loses none of them: the batch is committed
when it is full, by any other write, before the export gives a recovered feed its final name, and at the close."""

import json
import sqlite3

import pytest

from kyivind.crawl.context import component
from kyivind.pipelines.export import JsonLinesExportPipeline
from kyivind.pipelines.record import StatePipeline
from kyivind.state.incremental import Incremental
from kyivind.state.store import State
from tests.conftest import project_crawler

SITE = "https://kyivindependent.com"


def row(slug: str, content_hash: str | None = "0" * 64) -> dict:
    return {"url": f"{SITE}/{slug}/", "content_hash": content_hash, "version": 1,
            "fetched_at": "2026-01-01T00:00:00+00:00"}


def committed(path) -> set[str]:
    """The articles another connection (a reader beside the run) sees."""
    with sqlite3.connect(path) as other:
        return {url for (url,) in other.execute("select url from articles")}


def test_rows_wait_for_their_batch_and_another_write_or_the_close_commits_them(tmp_path):
    state = State(tmp_path / "state.sqlite", commit_every=4, commit_seconds=3600)
    state.record_exported(row("a"))
    state.touch(f"{SITE}/a/", None, "2026-01-02T00:00:00+00:00")
    state.record_exported(row("b"))
    assert committed(state.path) == set() and state.article(f"{SITE}/b/"), "pending, yet read by the run"
    state.record_exported(row("c"))
    assert committed(state.path) == {f"{SITE}/a/", f"{SITE}/b/", f"{SITE}/c/"}, "a batch of four writes (a touch is one)"
    state.record_exported(row("d"))
    state.set_meta("census_at", "2026-01-03T00:00:00+00:00")  # any other write commits what waits
    assert f"{SITE}/d/" in committed(state.path)
    state.record_exported(row("e"))
    state.close()
    assert f"{SITE}/e/" in committed(tmp_path / "state.sqlite")


def test_a_batch_is_committed_once_its_first_row_is_old_enough(tmp_path):
    state = State(tmp_path / "state.sqlite", commit_every=1000, commit_seconds=0)
    state.record_exported(row("a"))
    assert committed(state.path) == {f"{SITE}/a/"}
    state.close()


def test_a_write_that_fails_in_a_batch_is_undone_alone(tmp_path):
    state = State(tmp_path / "state.sqlite", commit_every=100, commit_seconds=3600)
    state.record_exported(row("a"))
    with pytest.raises(sqlite3.IntegrityError):
        state.record_exported(row("broken", content_hash=None))  # content_hash is NOT NULL
    state.record_exported(row("b"))
    state.close()
    assert committed(tmp_path / "state.sqlite") == {f"{SITE}/a/", f"{SITE}/b/"}


def test_a_recovered_feed_is_in_the_state_before_it_gets_its_final_name(tmp_path):
    """A killed run's feed is read into the state and renamed: its rows are committed first, or a run killed
    after the rename would never read them again."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "newsfeed-1.jsonl.part").write_text(json.dumps(row("recovered")) + "\n")
    crawler = project_crawler({"KYIVIND_DATA_DIR": str(tmp_path), "KYIVIND_STATE_COMMIT_EVERY": 1000,
                               "KYIVIND_STATE_COMMIT_SECONDS": 3600})
    JsonLinesExportPipeline.from_crawler(crawler).open_spider()
    assert (feeds / "newsfeed-1.jsonl").exists()
    assert committed(component(crawler, Incremental).state.path) == {f"{SITE}/recovered/"}


def test_the_state_pipeline_commits_at_the_close_before_the_export_renames_the_feed(tmp_path):
    crawler = project_crawler({"KYIVIND_DATA_DIR": str(tmp_path), "KYIVIND_STATE_COMMIT_EVERY": 1000,
                               "KYIVIND_STATE_COMMIT_SECONDS": 3600})
    incremental = component(crawler, Incremental)
    pipeline = StatePipeline.from_crawler(crawler)
    incremental.record_exported(row("a"))
    assert committed(incremental.state.path) == set()
    pipeline.close_spider()
    assert committed(incremental.state.path) == {f"{SITE}/a/"}
