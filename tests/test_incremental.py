"""Incremental runs: only what is new or edited is fetched and emitted, never lost or repeated."""

import copy
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from kyivind.state.store import State
from tests.conftest import ROOT, run_crawl, state_suffix
from tests.replica.content import SITE, many_posts, posts
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = pytest.mark.crawl
EDITED = "national-bank-keeps-key-rate-unchanged"


def new_post(n: int) -> dict:
    post = copy.deepcopy(next(p for p in posts() if p["slug"] == "ukraine-receives-new-batch-of-f-16-fighter-jets"))
    post.update(slug=f"breaking-story-number-{n}", title=f"Breaking story number {n}",
                published_at=f"2025-11-2{2 + n}T09:00:00.000Z", updated_at=f"2025-11-2{2 + n}T09:00:00.000Z")
    post["blocks"] = [("p", f"Something happened for the {n}th time today, officials said on Nov. 2{2 + n}.")]
    return post


def grow_and_edit(site: ReplicaSite) -> None:
    site.posts += [new_post(1), new_post(2)]
    edited = next(p for p in site.posts if p["slug"] == EDITED)
    edited["blocks"] = edited["blocks"] + [("p", "The bank also revised its inflation forecast upward.")]
    edited["updated_at"] = "2025-11-24T12:00:00.000Z"


def requests_of(site: ReplicaSite, since: int) -> list[str]:
    return [h for h in site.hits[since:] if h != "/robots.txt"]


@pytest.mark.parametrize("theme, source, max_requests", [("ghost", "html", 3), ("next", "api", 1)])
def test_three_runs_new_unchanged_and_edited(tmp_path, theme, source, max_requests):
    site = ReplicaSite(theme)
    with ReplicaServer(site) as server:
        first = run_crawl(server.url, tmp_path / "1", source=source, env={"KYIVIND_DATA_DIR": str(tmp_path / "data")})
        assert first.returncode == 0 and len(first.items) == len(posts())
        assert all(i["version"] == 1 for i in first.items)

        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", source=source, env={"KYIVIND_DATA_DIR": str(tmp_path / "data")})
        assert second.returncode == 0 and second.items == []
        assert len(requests_of(site, mark)) <= max_requests, requests_of(site, mark)

        grow_and_edit(site)
        mark = len(site.hits)
        third = run_crawl(server.url, tmp_path / "3", source=source, env={"KYIVIND_DATA_DIR": str(tmp_path / "data")})
        assert third.returncode == 0
        got = {i["slug"]: i for i in third.items}
        assert sorted(got) == sorted(["breaking-story-number-1", "breaking-story-number-2", EDITED])
        assert got[EDITED]["version"] == 2 and got[EDITED]["url"] == f"{SITE}/{EDITED}/"
        assert got[EDITED]["body_text"].endswith("revised its inflation forecast upward.")
        assert got["breaking-story-number-1"]["version"] == 1
        if source == "html":  # no known, unedited article was fetched again
            assert not [h for h in requests_of(site, mark) if h.startswith("/ukraine-receives")]
    feeds = sorted((tmp_path / "data" / "feeds").glob("newsfeed-*.jsonl"))
    assert len(feeds) == 2, "the run that found nothing wrote no feed file"


def test_unchanged_refetch_emits_nothing(tmp_path):
    site = ReplicaSite("ghost")
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        touched = next(p for p in site.posts if p["slug"] == EDITED)
        touched["updated_at"] = "2025-11-24T12:00:00.000Z"  # lastmod moves, text does not
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", env=env)
        assert f"/{EDITED}/" in site.hits[mark:], "re-fetched because its lastmod moved"
        mark = len(site.hits)
        third = run_crawl(server.url, tmp_path / "3", env=env)
        assert f"/{EDITED}/" not in site.hits[mark:], "not again for the same edit"
    assert second.items == [] and second.stats["kyivind/incremental/unchanged"] == 1
    assert third.items == []


def test_author_pages_are_reused_across_runs(tmp_path):
    site = ReplicaSite("bare")
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(site) as server:
        first = run_crawl(server.url, tmp_path / "1", env=env)
        assert first.stats["kyivind/author_page/requests"] == 5
        site.posts += [new_post(1)]
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", env=env)
    assert [i["slug"] for i in second.items] == ["breaking-story-number-1"]
    assert second.items[0]["authors"][0]["role"] == "Reporter"
    assert not [h for h in site.hits[mark:] if h.startswith("/author/")]
    # every author of what the run looked at again (the new article, and the ones the sitemap named) comes from
    # the state: roles and bios are compared for versions, and no author page is asked for
    assert second.stats["kyivind/author_page/from_state"] >= 1 and "kyivind/author_page/requests" not in second.stats


def test_recovery_of_an_interrupted_feed(tmp_path):
    """A killed run's .part file: complete lines count as exported, a cut line does not."""
    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    row = {"url": f"{SITE}/a-story/", "content_hash": "a" * 64, "version": 1, "modified_at": "2025-01-01T00:00:00+00:00"}
    (feeds / "newsfeed-1.jsonl.part").write_text(json.dumps(row) + "\n" + '{"url": "https://kyivindep')
    site = ReplicaSite("ghost")
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, "-a", "max_pages=1", env={"KYIVIND_DATA_DIR": str(tmp_path / "data")})
    assert (feeds / "newsfeed-1.jsonl").read_text().count("\n") == 1 and not list(feeds.glob("*.part"))
    assert result.stats["kyivind/export/recovered_items"] == 1
    assert "Recovered 1 items of an interrupted run" in result.log
    state = State(tmp_path / "data" / f"state{state_suffix(server.url)}.sqlite")
    assert state.article(f"{SITE}/a-story/")["content_hash"] == "a" * 64


def test_kill_9_during_backfill_then_resume_with_jobdir(tmp_path):
    site = ReplicaSite("ghost", many_posts(60), page_size=10)
    data = tmp_path / "data"
    command = [sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", "mode=backfill", "-a", "since=2024-01-01",
               "-a", "source=html", "-s", f"JOBDIR={tmp_path / 'job'}", "-s", "AUTOTHROTTLE_ENABLED=0",
               "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
    env = {**os.environ, "KYIVIND_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    with ReplicaServer(site, latency=0.05) as server:
        command[5:5] = ["-a", f"base_url={server.url}"]
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            parts = list((data / "feeds").glob("*.jsonl.part")) if (data / "feeds").exists() else []
            if parts and parts[0].read_text().count("\n") >= 15:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert list((data / "feeds").glob("*.jsonl.part")), "killed mid-run"
        resumed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    rows = [json.loads(line) for f in (data / "feeds").glob("newsfeed-*.jsonl") for line in f.read_text().splitlines()]
    urls = [r["url"] for r in rows]
    wanted = {f"{SITE}/{p['slug']}/" for p in site.posts if p["published_at"] >= "2024-01-01"}
    assert sorted(urls) == sorted(wanted), "every article exactly once across the two runs"


def test_edits_are_found_when_auto_falls_back_to_html(tmp_path):
    site = ReplicaSite("ghost", api_mode="404")
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env, source="auto")
        grow_and_edit(site)
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", env=env, source="auto")
        assert "/sitemap-posts.xml" in site.hits[mark:]
    assert "falling back to the RSS feed with the HTML walk" in second.log
    assert sorted(i["slug"] for i in second.items) == sorted(["breaking-story-number-1", "breaking-story-number-2", EDITED])


def test_each_replica_keeps_its_own_state(tmp_path):
    """Two servers of the same site crawled into one data dir: what one gave does not hide the other's."""
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(ReplicaSite("ghost")) as first, ReplicaServer(ReplicaSite("bare")) as second:
        one = run_crawl(first.url, tmp_path / "1", env=env)
        two = run_crawl(second.url, tmp_path / "2", env=env)
        again = run_crawl(second.url, tmp_path / "3", env=env)
    assert len(one.items) == len(two.items) == len(posts()) and again.items == []
    assert len(list((tmp_path / "data").glob("state-*.sqlite"))) == 2


def test_kill_9_at_random_points_then_resume_loses_and_repeats_nothing(tmp_path):
    """Killed at random points of a backfill (queue writes included) and resumed each time: every article
    is exported exactly once, and no resumed run fails silently on a damaged JOBDIR queue."""
    rng = random.Random(int(os.environ.get("KYIVIND_KILL_SEED", "20261125")))  # another seed: other kill points
    site = ReplicaSite("ghost", many_posts(80), page_size=10)
    data = tmp_path / "data"
    env = {**os.environ, "KYIVIND_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    with ReplicaServer(site, latency=0.02) as server:
        command = [sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                   "-a", "mode=backfill", "-a", "since=2024-01-01", "-a", "source=html",
                   "-s", f"JOBDIR={tmp_path / 'job'}", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
                   "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
        for _ in range(6):
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.5, 3.0))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        final = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert final.returncode == 0, final.stderr[-3000:]
    assert "struct.error" not in final.stderr and "Task exception was never retrieved" not in final.stderr
    rows = [json.loads(line) for f in (data / "feeds").glob("newsfeed-*.jsonl") for line in f.read_text().splitlines()]
    wanted = {f"{SITE}/{p['slug']}/" for p in site.posts if p["published_at"] >= "2024-01-01"}
    assert sorted(r["url"] for r in rows) == sorted(wanted), "every article exactly once across all the runs"


def test_a_change_of_tags_or_authors_alone_makes_a_new_version(tmp_path):
    """Not only title and body: an article whose tags and authors change (found through the sitemap's
    lastmod) is emitted again as version 2; a run with mode=full re-checks every field of every article."""
    site = ReplicaSite("ghost")
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(site) as server:
        first = run_crawl(server.url, tmp_path / "1", env=env)
        assert first.returncode == 0 and len(first.items) == len(posts())
        edited = next(p for p in site.posts if p["slug"] == EDITED)
        edited["tags"] = edited["tags"] + [{"name": "Inflation", "slug": "inflation"}]
        edited["authors"] = edited["authors"] + ["kateryna-denisova"]
        edited["updated_at"] = "2025-11-24T12:00:00.000Z"
        second = run_crawl(server.url, tmp_path / "2", env=env)
        recaptioned = next(p for p in site.posts if p["slug"] == "eu-approves-new-sanctions-package-against-russia")
        recaptioned["feature_image_caption"] = "Flags of the European Union in Brussels. (Oleksii Filippov/AFP)"
        unnoticed = run_crawl(server.url, tmp_path / "3", env=env)
        full = run_crawl(server.url, tmp_path / "4", "-a", "mode=full", env=env)
    (item,) = second.items
    assert item["slug"] == EDITED and item["version"] == 2
    assert "Inflation" in item["tags"] and [a["slug"] for a in item["authors"]] == ["olena-goncharova", "kateryna-denisova"]
    assert item["content_hash"] == next(i for i in first.items if i["slug"] == EDITED)["content_hash"], "same text"
    assert unnoticed.items == [], "an edit the site does not date is not seen by an incremental run"
    assert [(i["slug"], i["version"]) for i in full.items] == [("eu-approves-new-sanctions-package-against-russia", 2)]
    assert full.items[0]["image"]["credit"] == "Oleksii Filippov/AFP"


def test_with_only_the_users_feeds_an_article_is_seen_once_they_are_stored(tmp_path):
    """FEEDS of the user's (kyivind's own feed off): a feed that fails to store marks nothing seen, and the
    next run emits every article again; a feed stored marks them seen."""
    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data")}
    own_feed_off = ("-s", "KYIVIND_EXPORT_ENABLED=0")
    with ReplicaServer(ReplicaSite("ghost")) as server:
        failing = run_crawl(server.url, tmp_path / "1", *own_feed_off, "-s",
                            'FEED_STORAGES={"failing": "tests.failing_storage.FailingStorage"}',
                            "-o", f"failing://{tmp_path / 'lost.jsonl'}:jsonlines", output=False, env=env)
        stored = run_crawl(server.url, tmp_path / "2", *own_feed_off, env=env)
        again = run_crawl(server.url, tmp_path / "3", *own_feed_off, env=env)
    assert failing.returncode == 1 and "Error storing jsonlines feed (12 items)" in failing.log
    assert failing.stats["kyivind/state/not_recorded"] == len(posts())
    assert "12 articles are not marked as seen: 1 feed(s) could not be stored" in failing.log
    assert len(stored.items) == len(posts()), "nothing was marked seen: the next run emits every article"
    assert again.items == [], "stored, then seen"
    state = State(tmp_path / "data" / f"state{state_suffix(server.url)}.sqlite")
    assert state.count() == len(posts())
