"""History from web archives (-a source=wayback) against a real pywb and a CDX server in the Internet
Archive's format: old URL forms, the 2022 theme, edits before kyivind first ran, archived articles the site no
longer has, politeness, and a second run that adds nothing."""

import json
import sqlite3

import pytest
from warcio.archiveiterator import ArchiveIterator

from kyivind.outputs.database import build
from tests.conftest import kyivind, run_crawl
from tests.history.captures import DRONES, KHARKIV, KHERSON, NATIONAL, ODESA, captures, write_warc
from tests.history.servers import InternetArchiveCdx, Pywb, pywb_bin
from tests.replica.content import AUTHORS, SITE
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = [pytest.mark.crawl,
              pytest.mark.skipif(pywb_bin("wayback") is None, reason="pywb is not installed (tests/history/install_pywb.sh)")]
DESK = AUTHORS["thekyivindependent"]


def archive_env(data, cdx_url: str, wayback_url: str) -> dict:
    return {"KYIVIND_DATA_DIR": str(data), "KYIVIND_CDX_URL": cdx_url, "KYIVIND_WAYBACK_URL": wayback_url}


def by_key(items: list[dict]) -> dict:
    return {(item["slug"], item["fetched_at"]): item for item in items}


def check_history_items(items: list[dict], wayback_url: str) -> None:
    got = by_key(items)
    assert sorted(got) == sorted([
        (KHERSON, "2022-11-23T13:05:00+00:00"), (KHERSON, "2022-11-23T18:30:00+00:00"),
        (ODESA, "2022-10-12T17:00:00+00:00"), (DRONES, "2022-11-17T08:00:00+00:00"),
        (KHARKIV, "2025-11-19T08:00:00+00:00"), (KHARKIV, "2025-11-20T09:00:00+00:00")]), sorted(got)
    first, second = got[(KHERSON, "2022-11-23T13:05:00+00:00")], got[(KHERSON, "2022-11-23T18:30:00+00:00")]
    # the 2022 theme under its old address: every field right, the address of today
    assert first["url"] == f"{SITE}/{KHERSON}/" and (first["version"], second["version"]) == (1, 2)
    assert first["title"] == "Russian shelling of Kherson kills 3" and second["title"] == "Russian shelling of Kherson kills 4"
    assert first["published_at"] == "2022-11-23T12:33:00+00:00" and second["modified_at"] == "2022-11-23T16:20:00+00:00"
    assert first["primary_tag"] == "News Feed" and first["tags"] == ["News Feed"] and first["language"] == "en"
    assert first["description"] == ("Three people were killed when Russian forces shelled central Kherson on Nov. 23, "
                                    "the regional military administration reported.")
    assert first["word_count"] == len(first["body_text"].split()) and first["image"] is None
    assert first["authors"] == [{"name": DESK["name"], "slug": "thekyivindependent", "url": f"{SITE}/author/thekyivindependent/",
                                 "role": None, "bio": DESK["bio"], "image_url": DESK["profile_image"]}]
    assert first["body_text"].startswith("Three people were killed") and "Support us" not in first["body_text"]
    assert second["body_text"].startswith("Four people were killed") and first["links"] == [] and first["embeds"] == []
    assert first["capture"]["archive_url"] == f"{wayback_url}/20221123130500id_/{SITE}/news-feed/{KHERSON}/"
    odesa = got[(ODESA, "2022-10-12T17:00:00+00:00")]
    assert odesa["url"] == f"{SITE}/{ODESA}/" and odesa["image"] == {
        "url": "https://kyivindependent.com/wp-content/uploads/2022/10/odesa-substation.jpg",
        "caption": "Workers repair a substation in Odesa Oblast on Oct. 11, 2022.", "credit": "Odesa energy company"}
    assert got[(DRONES, "2022-11-17T08:00:00+00:00")]["url"] == f"{SITE}/{DRONES}/", "a short slug"
    kharkiv = got[(KHARKIV, "2025-11-19T08:00:00+00:00")]
    assert kharkiv["version"] == 2 and kharkiv["title"] == "Russian drone attack on Kharkiv injures 5"
    edited = got[(KHARKIV, "2025-11-20T09:00:00+00:00")]
    assert edited["version"] == 3 and edited["title"] == "Russian drone attack on Kharkiv injures 7", \
        "the edit, dated by the first capture that shows it"
    assert not any(item["slug"] == NATIONAL for item in items), "another section's article"


def test_history_from_pywb_then_the_census(tmp_path):
    warc = write_warc(tmp_path / "captures.warc.gz", captures())
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    with ReplicaServer(site) as server, Pywb(tmp_path / "pywb", [warc]) as pywb:
        env = archive_env(data, pywb.cdx_url, pywb.wayback_url)
        live = run_crawl(server.url, tmp_path / "1", env=env)
        assert live.returncode == 0 and len(live.items) == 12
        history = run_crawl(server.url, tmp_path / "2", "-s", "KYIVIND_WAYBACK_DELAY=0", env=env, source="wayback")
        assert history.returncode == 0, history.log[-3000:]
        check_history_items(history.items, pywb.wayback_url)
        again = run_crawl(server.url, tmp_path / "3", "-s", "KYIVIND_WAYBACK_DELAY=0", env=env, source="wayback")
        census_env = {**env, "KYIVIND_CENSUS_HOURS": "0", "KYIVIND_CENSUS_CONFIRM_HOURS": "0"}
        run_crawl(server.url, tmp_path / "4", env=census_env)  # one answer: suspected
        census = run_crawl(server.url, tmp_path / "5", env=census_env)  # the second: removed
    assert again.returncode == 0 and again.items == [], "a second history run adds nothing"
    assert again.stats["kyivind/wayback/cdx_pages"] == 1 and "kyivind/wayback/capture_requests" not in again.stats
    stats = history.stats
    assert stats["kyivind/wayback/versions"] == 6 and "kyivind/wayback/not_new" not in stats
    assert stats["kyivind/wayback/other_tag"] == 1 and stats["kyivind/wayback/skipped/not_article"] == 2, "the tag listing and the author page"
    assert stats["kyivind/wayback/capture_requests"] == 7, "one request per distinct capture of an article"
    # every capture in the run's WARC, with the archive's URL and the original one
    warc_file = next((data / "archive").glob("newsfeed-*.warc.gz"), None)
    found = []
    for path in sorted((data / "archive").glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                original = record.rec_headers.get_header("Kyivind-Original-URI")
                if record.rec_type == "response" and original:
                    found.append((record.rec_headers.get_header("WARC-Target-URI"),
                                  (original, record.rec_headers.get_header("Kyivind-Archived-At"))))
    records = dict(found)
    assert warc_file is not None and len(found) == 7, "each capture once: a second run asks only the CDX list"
    assert records[f"{pywb.wayback_url}/20221123130500id_/{SITE}/news-feed/{KHERSON}/"] == (
        f"{SITE}/news-feed/{KHERSON}/", "2022-11-23T13:05:00+00:00")
    # a re-extraction passes the web archive's answers over (7 captures, 2 CDX pages), without a WARNING
    again_read = kyivind("reextract", str(data))
    assert again_read.returncode == 0 and "'kyivind/replay/web_archive': 9" in again_read.stderr
    assert "other hosts than the site's" not in again_read.stderr
    # the census: the archived articles the site no longer has are removed, on the second answer
    removals = [json.loads(line) for line in (data / "removals.jsonl").read_text().splitlines()]
    assert sorted((r["url"], r["status"]) for r in removals) == sorted(
        (f"{SITE}/{slug}/", status) for slug in (KHERSON, ODESA, DRONES) for status in ("suspected", "removed"))
    assert census.returncode == 0
    # the database: edits before kyivind first ran, in capture order
    build(data)
    db = sqlite3.connect(data / "kyivind.db")
    article = db.execute("select title, versions, fetched_at from articles where url = ?", (f"{SITE}/{KHARKIV}/",)).fetchone()
    assert article[0] == "Russian drone attack on Kharkiv injures 7" and article[1] == 3, "the live version is the latest"
    assert article[2] > "2026", "the latest by capture time: kyivind's own fetch"
    changes = db.execute("select from_version, to_version, title_before, title_after, changed_at from changes "
                         "where article_url = ?", (f"{SITE}/{KHARKIV}/",)).fetchall()
    assert changes == [(2, 3, "Russian drone attack on Kharkiv injures 5", "Russian drone attack on Kharkiv injures 7",
                        "2025-11-20T09:00:00+00:00")], "version 1 (kyivind's fetch, the same text) is no edit"
    revisions = db.execute("select injured_before, injured_after from toll_revisions where article_url = ?",
                           (f"{SITE}/{KHARKIV}/",)).fetchall()
    assert revisions == [(5, 7)]
    kherson = db.execute("select title, versions from articles where url = ?", (f"{SITE}/{KHERSON}/",)).fetchone()
    assert kherson == ("Russian shelling of Kherson kills 4", 2)
    removed = db.execute("select title from removals where url = ? and status = 'removed'", (f"{SITE}/{KHERSON}/",)).fetchone()
    assert removed == ("Russian shelling of Kherson kills 4",)


def test_history_through_an_internet_archive_cdx(tmp_path):
    """The Internet Archive's answers: arrays of arrays in pages of three rows joined by resume keys, a 429
    first (backoff), captures replayed by pywb; one request a second to the archive by default."""
    items = captures()
    warc = write_warc(tmp_path / "captures.warc.gz", items)
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    with ReplicaServer(site) as server, Pywb(tmp_path / "pywb", [warc]) as pywb, \
            InternetArchiveCdx(items, throttle_first=1) as ia:
        env = archive_env(data, ia.url, pywb.wayback_url)
        run_crawl(server.url, tmp_path / "1", env=env)
        history = run_crawl(server.url, tmp_path / "2", "-s", "KYIVIND_CDX_PAGE_SIZE=3", "-s", "RETRY_TIMES=2",
                            "-s", "KYIVIND_RETRY_BACKOFF_BASE=0.2", env=env, source="wayback")
    assert history.returncode == 0, history.log[-3000:]
    check_history_items(history.items, pywb.wayback_url)
    # 9 rows pass the filters and the collapse: 3 pages of 3, the first asked twice (429)
    assert len(ia.requests) == 4 and "resumeKey=6" in ia.requests[-1], ia.requests
    assert all("collapse=digest" in r and "filter=statuscode%3A200" in r for r in ia.requests)
    gaps = [later - earlier for earlier, later in zip(ia.times[1:], ia.times[2:], strict=False)]
    assert min(gaps) >= 0.95, f"one request a second to the archive: {gaps}"
    assert history.stats["kyivind/wayback/cdx_pages"] == 3


def test_since_is_the_cdx_from(tmp_path):
    items = captures()
    warc = write_warc(tmp_path / "captures.warc.gz", items)
    with ReplicaServer(ReplicaSite("ghost")) as server, Pywb(tmp_path / "pywb", [warc]) as pywb:
        env = archive_env(tmp_path / "data", pywb.cdx_url, pywb.wayback_url)
        history = run_crawl(server.url, tmp_path / "1", "-a", "since=2022-11-20", "-s", "KYIVIND_WAYBACK_DELAY=0",
                            env=env, source="wayback")
    assert history.returncode == 0, history.log[-3000:]
    assert sorted({item["slug"] for item in history.items}) == [KHARKIV, KHERSON]


def test_a_cdx_that_pages_on_without_end_is_bounded_and_a_cdx_that_refuses_fails_the_run(tmp_path):
    items = captures()
    warc = write_warc(tmp_path / "captures.warc.gz", items)
    with ReplicaServer(ReplicaSite("ghost")) as server, Pywb(tmp_path / "pywb", [warc]) as pywb:
        with InternetArchiveCdx(items) as ia:
            long = run_crawl(server.url, tmp_path / "1", "-s", "KYIVIND_CDX_PAGE_SIZE=1", "-s", "KYIVIND_CDX_MAX_PAGES=2",
                             "-s", "KYIVIND_WAYBACK_DELAY=0", env=archive_env(tmp_path / "d1", ia.url, pywb.wayback_url),
                             source="wayback")
            asked = len(ia.requests)
        with InternetArchiveCdx(items, stuck=True) as stuck:
            repeating = run_crawl(server.url, tmp_path / "3", "-s", "KYIVIND_CDX_PAGE_SIZE=2", "-s",
                                  "KYIVIND_WAYBACK_DELAY=0", env=archive_env(tmp_path / "d3", stuck.url, pywb.wayback_url),
                                  source="wayback")
            asked_stuck = len(stuck.requests)
        with InternetArchiveCdx(items, throttle_first=100) as refusing:
            refused = run_crawl(server.url, tmp_path / "2", "-s", "RETRY_TIMES=1", "-s", "KYIVIND_RETRY_BACKOFF_BASE=0.1",
                                env=archive_env(tmp_path / "d2", refusing.url, pywb.wayback_url), source="wayback")
    assert long.returncode == 1 and asked == 2
    assert "Bound reached (cdx_pages): the CDX list goes on past 2 pages" in long.log
    assert "the archive lists more captures than 2 CDX pages hold" in long.log
    assert repeating.returncode == 1 and asked_stuck == 2, "the second page names the key it was asked with"
    assert "Bound reached (cdx_repeat)" in repeating.log and "resume key repeats itself" in repeating.log
    assert refused.returncode == 1 and refused.items == []
    assert "the CDX server http://127.0.0.1" in refused.log and "answered 429: no history this run" in refused.log


def test_a_capture_without_an_article_is_said_and_the_articles_other_captures_still_read(tmp_path):
    from tests.history.captures import Capture

    url = f"{SITE}/news-feed/{KHERSON}/"
    items = [c for c in captures() if c.url == url]
    items.insert(1, Capture("20221123150000", url, b"<html><head><title>Just a moment...</title></head><body>"
                                                   b"<div class='cf-browser-verification'></div></body></html>"))
    warc = write_warc(tmp_path / "captures.warc.gz", items)
    with ReplicaServer(ReplicaSite("ghost")) as server, Pywb(tmp_path / "pywb", [warc]) as pywb:
        history = run_crawl(server.url, tmp_path / "1", "-s", "KYIVIND_WAYBACK_DELAY=0",
                            env=archive_env(tmp_path / "data", pywb.cdx_url, pywb.wayback_url), source="wayback")
    assert history.returncode == 0, history.log[-3000:]
    assert [i["fetched_at"] for i in history.items] == ["2022-11-23T13:05:00+00:00", "2022-11-23T18:30:00+00:00"]
    assert history.stats["kyivind/wayback/unreadable"] == 1
    assert "archived captures could not be read: a bot-challenge page (1, e.g." in history.log


def test_kill_9_then_resume_with_jobdir_exports_each_version_once(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    warc = write_warc(tmp_path / "captures.warc.gz", captures())
    data = tmp_path / "data"
    with ReplicaServer(ReplicaSite("ghost")) as server, Pywb(tmp_path / "pywb", [warc]) as pywb:
        env = {**os.environ, **archive_env(data, pywb.cdx_url, pywb.wayback_url), "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                   "-a", "source=wayback", "-s", f"JOBDIR={tmp_path / 'job'}", "-s", "KYIVIND_WAYBACK_DELAY=0.7",
                   "-s", "AUTOTHROTTLE_ENABLED=0", "-L", "INFO"]  # with Scrapy's stats dump
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            parts = list((data / "feeds").glob("*.jsonl.part")) if (data / "feeds").exists() else []
            if parts and parts[0].read_text().count("\n") >= 2:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        resumed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    rows = [json.loads(line) for f in (data / "feeds").glob("newsfeed-*.jsonl") for line in f.read_text().splitlines()]
    keys = sorted((r["slug"], r["fetched_at"]) for r in rows)
    assert len(keys) == len(set(keys)) == 6, keys  # no live crawl before: both Kharkiv captures are versions
    assert "'kyivind/wayback/cdx_pages'" not in resumed.stderr.split("Dumping Scrapy stats:")[-1], \
        "the CDX list was not asked again: the queue held the captures still to fetch"


def test_a_history_run_needs_the_archive_and_the_state(tmp_path):
    with ReplicaServer(ReplicaSite("ghost")) as server:
        env = archive_env(tmp_path / "data", "http://127.0.0.1:9/cdx", "http://127.0.0.1:9/web")
        no_archive = run_crawl(server.url, tmp_path / "1", env={**env, "KYIVIND_ARCHIVE": "0"}, source="wayback")
        no_state = run_crawl(server.url, tmp_path / "2", "-s", "KYIVIND_STATE_ENABLED=0", env=env, source="wayback")
        assert server.site.hits == [], "nothing asked of the site"
    assert no_archive.returncode == 1 and "Bad setting: source=wayback keeps every capture in the run's WARC" in no_archive.log
    assert no_state.returncode == 1 and "source=wayback keeps its progress in the run state" in no_state.log


def test_an_archive_answer_from_elsewhere_is_no_capture_and_the_nearest_capture_keeps_its_time(tmp_path):
    """A replay that redirects to the live site would date today's text in 2022: it is no capture. A replay that
    answers the nearest capture instead of the one asked is dated by its Memento-Datetime."""
    from tests.history.servers import RedirectingArchive

    kherson = next(c for c in captures() if c.url.endswith(f"/news-feed/{KHERSON}/"))
    site = ReplicaSite("ghost")
    with ReplicaServer(site) as server:
        live = f"{server.url}/{KHARKIV}/"
        with RedirectingArchive(kherson, "site", target=live) as forged:
            forged_run = run_crawl(server.url, tmp_path / "1", "-s", "KYIVIND_WAYBACK_DELAY=0", source="wayback",
                                   env=archive_env(tmp_path / "d1", f"{forged.url}/web/cdx", f"{forged.url}/web"))
        with RedirectingArchive(kherson, "nearest", nearest="20221123141500") as nearest:
            nearest_run = run_crawl(server.url, tmp_path / "2", "-s", "KYIVIND_WAYBACK_DELAY=0", source="wayback",
                                    env=archive_env(tmp_path / "d2", f"{nearest.url}/web/cdx", f"{nearest.url}/web"))
    assert forged_run.items == [] and forged_run.stats["kyivind/wayback/unreadable"] == 1
    assert "redirected out of the archive" in forged_run.log
    assert [(i["slug"], i["fetched_at"]) for i in nearest_run.items] == [(KHERSON, "2022-11-23T14:15:00+00:00")]
    assert nearest_run.items[0]["capture"]["archive_url"].endswith(f"/web/20221123141500id_/{SITE}/news-feed/{KHERSON}/")
