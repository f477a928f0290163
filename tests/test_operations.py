"""Operations: one run per data directory, and health in one command (``kyivind status``)."""

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from kyivind.state import lock
from tests.conftest import ROOT, kyivind, run_crawl
from tests.replica.content import posts
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = pytest.mark.crawl


def crawl_command(base_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={base_url}", "-a", "source=html",
            "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", *args]




@contextmanager
def lock_held_elsewhere(data_dir):
    """Another process holds the data directory's lock."""
    holder = subprocess.Popen([sys.executable, "-c", f"from kyivind.state import lock; lock.acquire({str(data_dir)!r}); "
                               "print('held', flush=True); import time; time.sleep(60)"],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert holder.stdout.readline().strip() == "held"
    try:
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


def wait_for(condition, timeout=30.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


# --- one run per data directory ------------------------------------------------------------------
def test_a_second_run_on_the_same_data_directory_refuses_and_the_first_is_whole(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "KYIVIND_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    with ReplicaServer(ReplicaSite("ghost"), latency=0.3) as server:
        first = subprocess.Popen(crawl_command(server.url), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        assert wait_for(lambda: (data / ".lock").exists() and (data / ".lock").read_text().strip() == str(first.pid))
        second = subprocess.run(crawl_command(server.url), cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=60)
        first_log = first.communicate(timeout=120)[1]
    assert second.returncode == 1, "refused, not run after waiting for the lock"
    errors = [line for line in second.stderr.splitlines() if "] ERROR: " in line]
    assert len(errors) == 1 and f"in use by another kyivind run (pid {first.pid})" in errors[0], errors
    assert "Spider opened" not in second.stderr
    assert first.returncode == 0, first_log[-2000:]
    feeds = sorted(p.name for p in (data / "feeds").iterdir())
    assert len(feeds) == 2, f"the first run's feed and summary only, nothing of the refused run: {feeds}"
    rows = [json.loads(line) for line in (data / "feeds" / feeds[0]).read_text().splitlines()]
    assert len(rows) == len({r["url"] for r in rows}) == len(posts())


def test_the_lock_of_a_killed_run_is_released_by_the_kernel(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "KYIVIND_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    with ReplicaServer(ReplicaSite("ghost"), latency=0.3) as server:
        killed = subprocess.Popen(crawl_command(server.url), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        assert wait_for(lambda: lock.holder(data) == str(killed.pid))
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait()
        assert lock.holder(data) is None
        result = run_crawl(server.url, tmp_path, env={"KYIVIND_DATA_DIR": str(data)})
    assert result.returncode == 0, result.log[-2000:]
    assert "in use by another" not in result.log


def test_schedule_and_report_respect_the_lock(tmp_path):
    data = tmp_path / "data"
    with lock_held_elsewhere(data) as pid:
        scheduled = kyivind("schedule", "--url", "http://127.0.0.1:9", env={"KYIVIND_DATA_DIR": str(data)})
        report = kyivind("report", str(data))
    assert scheduled.returncode == 0 and f"skipped: the data directory {data} is in use" in scheduled.stdout
    assert f"pid {pid}" in scheduled.stdout, "Scrapyd (not running here) was not even asked"
    assert report.returncode == 1 and f"pid {pid}" in report.stderr
    assert not (data / "report").exists()


# --- kyivind status ---------------------------------------------------------------------------------
def test_status_tells_good_failed_and_stale(tmp_path):
    data = tmp_path / "data"
    nothing = kyivind("status", str(data))
    assert nothing.returncode == 2 and f"error: no data directory at {data}: it does not exist" in nothing.stderr
    data.mkdir()
    (data / "feeds").mkdir()
    nothing = kyivind("status", str(data))
    assert nothing.returncode == 2 and "last run: never" in nothing.stdout
    with ReplicaServer(ReplicaSite("ghost")) as server:
        run_crawl(server.url, tmp_path / "1", env={"KYIVIND_DATA_DIR": str(data)})
    good = kyivind("status", str(data))
    assert good.returncode == 0, good.stdout
    assert "status: ok" in good.stdout and f"articles in the dataset: {len(posts())}" in good.stdout
    assert "open failed URLs: 1" in good.stdout and "deleted-story-that-answers-404" in good.stdout
    stale = kyivind("status", str(data), "--max-age", "0")
    assert stale.returncode == 2 and "status: stale" in stale.stdout
    run_crawl("http://127.0.0.1:9", tmp_path / "2", "-s", "KYIVIND_RETRY_BACKOFF_BASE=0.05", "-s", "RETRY_TIMES=1",
              env={"KYIVIND_DATA_DIR": str(data)}, output=False)
    failed = kyivind("status", str(data))
    assert failed.returncode == 1 and "status: failed" in failed.stdout
    assert "problem: the listing http://127.0.0.1:9/tag/news-feed/ could not be fetched" in failed.stdout
    assert "last good run: " in failed.stdout and "last good run: never" not in failed.stdout
    metrics = kyivind("status", str(data), "--prometheus")
    from prometheus_client.parser import text_string_to_metric_families

    values = {family.name: family.samples[0].value for family in text_string_to_metric_families(metrics.stdout)}
    assert metrics.returncode == 1 and values["kyivind_status"] == 1 and values["kyivind_last_run_ok"] == 0
    assert values["kyivind_articles"] == len(posts()) and values["kyivind_last_good_run_timestamp_seconds"] > 0


def test_status_reads_the_data_directory_of_the_environment_from_anywhere(tmp_path):
    data = tmp_path / "elsewhere"
    (data / "feeds").mkdir(parents=True)
    (data / "feeds" / "newsfeed-1.summary.json").write_text(json.dumps(
        {"run": "newsfeed-1", "ok": True, "items": 3, "problems": [], "finish_time": "2020-01-01T00:00:00+00:00"}))
    proc = subprocess.run([sys.executable, "-m", "kyivind.cli", "status"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": str(data)}, timeout=60)
    assert proc.returncode == 2 and "last good run: 2020-01-01T00:00:00+00:00 ok, 3 items" in proc.stdout


def test_status_counts_each_site_s_newest_summary_and_says_when_none_counted(tmp_path):
    from kyivind.ops import status

    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)

    def summary(name, finish, **fields):
        (feeds / f"{name}.summary.json").write_text(json.dumps(
            {"run": name, "ok": True, "problems": [], "items": 1, "tag": "news-feed",
             "finish_time": finish, "start_time": finish, **fields}))

    summary("old", "2026-11-01T00:00:00+00:00")  # made before summaries counted the articles
    health = status.read(tmp_path / "data")
    assert health.articles is None and "articles in the dataset: unknown" in status.text(health, 24)
    summary("a1", "2026-11-02T00:00:00+00:00", site="kyivindependent.com", articles_known=40)
    summary("a2", "2026-11-03T00:00:00+00:00", site="kyivindependent.com", articles_known=42)
    summary("b1", "2026-11-04T00:00:00+00:00", site="127.0.0.1:8000", articles_known=5)
    assert status.read(tmp_path / "data").articles == 47, "the newest count of each site"
