"""The census: known articles the site no longer lists are asked once; removed (404/410), moved (a redirect to
another article), restored, or nothing decided; bounded; at most once per KYIVIND_CENSUS_HOURS."""

import copy
import json
import sqlite3
import subprocess
import sys
from importlib import resources

import pytest

from kyivind.census import RemovalLog, judge, to_check
from kyivind.extraction.listing import article_slug
from kyivind.outputs.database import build
from kyivind.outputs.report import report
from tests.conftest import ROOT, run_crawl
from tests.replica.content import SITE, posts
from tests.replica.server import ReplicaServer, ReplicaSite

GONE = "air-raid-alert-declared-across-ukraine"
MOVED = "national-bank-keeps-key-rate-unchanged"
NEW_HOME = "national-bank-holds-key-rate-at-15-5-percent"


def events(data_dir) -> list[dict]:
    path = data_dir / "removals.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def census_every_run(data) -> dict:
    return {"KYIVIND_DATA_DIR": str(data), "KYIVIND_CENSUS_HOURS": "0"}


def take_down_and_move(site: ReplicaSite) -> None:
    """One article answers 410, another redirects to its new address; neither is listed any more."""
    site.gone[GONE] = 410
    moved = next(p for p in site.posts if p["slug"] == MOVED)
    renamed = copy.deepcopy(moved)
    renamed["slug"] = NEW_HOME
    site.posts = [p for p in site.posts if p["slug"] not in (GONE, MOVED)] + [renamed]
    site.moved[MOVED] = NEW_HOME


@pytest.mark.crawl
@pytest.mark.parametrize("source", ["html", "api"])
def test_a_removed_and_a_moved_article_are_recorded_and_the_new_address_crawled(tmp_path, source):
    site = ReplicaSite("ghost")
    env = census_every_run(tmp_path / "data")
    with ReplicaServer(site) as server:
        first = run_crawl(server.url, tmp_path / "1", env=env, source=source)
        assert first.returncode == 0 and not (tmp_path / "data" / "removals.jsonl").exists()
        take_down_and_move(site)
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", env=env, source=source)
        asked = [hit for hit in site.hits[mark:] if hit.strip("/") in (GONE, MOVED)]
    assert second.returncode == 0, second.log[-3000:]
    assert sorted(asked) == sorted([f"/{GONE}/", f"/{MOVED}/"]), "each unlisted article asked once"
    got = {e["url"]: e for e in events(tmp_path / "data")}
    assert set(got) == {f"{SITE}/{GONE}/", f"{SITE}/{MOVED}/"}
    assert got[f"{SITE}/{GONE}/"]["status"] == "removed" and got[f"{SITE}/{GONE}/"]["http_status"] == 410
    assert got[f"{SITE}/{MOVED}/"]["status"] == "moved"
    assert got[f"{SITE}/{MOVED}/"]["moved_to"] == f"{SITE}/{NEW_HOME}/"
    assert all(e["last_version"] == 1 and e["detected_at"] for e in got.values())
    assert [i["url"] for i in second.items] == [f"{SITE}/{NEW_HOME}/"], "the new address crawled like any article"
    assert second.stats["kyivind/census/removed"] == 1 and second.stats["kyivind/census/moved"] == 1
    assert "Census (sitemaps): 12 known articles, 2 not listed and asked: 1 removed, 1 moved" in second.log


@pytest.mark.crawl
def test_restored_and_undecided_and_once_a_day(tmp_path):
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    env = census_every_run(data)
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        original = list(site.posts)
        site.posts = [p for p in original if p["slug"] != GONE]
        site.gone[GONE] = 404
        run_crawl(server.url, tmp_path / "2", env=env)
        assert [e["status"] for e in events(data)] == ["removed"]
        # a removed article still unlisted is not asked again; one that answers 503 is left undecided
        flaky = "ukraine-receives-new-batch-of-f-16-fighter-jets"
        site.posts = [p for p in original if p["slug"] not in (GONE, flaky)]
        site.gone[flaky] = 503
        mark = len(site.hits)
        third = run_crawl(server.url, tmp_path / "3", "-s", "RETRY_TIMES=0", env=env)
        assert f"/{GONE}/" not in site.hits[mark:] and f"/{flaky}/" in site.hits[mark:]
        assert [e["status"] for e in events(data)] == ["removed"], "a 503 decides nothing"
        assert third.stats["kyivind/census/not_recorded"] == 1
        # the article comes back: restored
        site.posts, site.gone = original, {}
        run_crawl(server.url, tmp_path / "4", env=env)
        assert [e["status"] for e in events(data)] == ["removed", "restored"]
        # the default period: the census waits 24 hours after the last one
        site.posts = [p for p in original if p["slug"] != GONE]
        site.gone[GONE] = 410
        mark = len(site.hits)
        fifth = run_crawl(server.url, tmp_path / "5", env={"KYIVIND_DATA_DIR": str(data)})
        assert f"/{GONE}/" not in site.hits[mark:] and "kyivind/census/runs" not in fifth.stats
    assert RemovalLog(data).current() == {}


@pytest.mark.crawl
def test_a_site_that_unlists_everything_costs_a_bounded_number_of_requests(tmp_path):
    site = ReplicaSite("ghost")
    env = census_every_run(tmp_path / "data")
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        site.sitemap_posts = lambda: ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                                      f'sitemap/0.9"><url><loc>{SITE}/{MOVED}/</loc></url></urlset>')
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", "-s", "KYIVIND_CENSUS_MAX_CHECKS=3", env=env)
        asked = [h for h in site.hits[mark:] if h.strip("/") in {p["slug"] for p in posts()}]
        third = run_crawl(server.url, tmp_path / "3", "-s", "KYIVIND_CENSUS_MAX_CHECKS=3", env=env)
    assert len(asked) == 3 and second.stats["kyivind/bound/census_checks"] == 1
    assert "Bound reached (census_checks): 11 known articles are not listed by the site; 3 are asked" in second.log
    assert second.returncode == 0 and events(tmp_path / "data") == [], "every one answers 200: nothing recorded"
    assert third.stats["kyivind/census/runs"] == 1, "an unfinished census goes on in the next run"


@pytest.mark.crawl
def test_no_list_decides_nothing(tmp_path):
    site = ReplicaSite("ghost", api_mode="404")
    env = census_every_run(tmp_path / "data")
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        site.gone[GONE] = 410
        site.posts = [p for p in site.posts if p["slug"] != GONE]
        original = site.respond
        site.respond = lambda path, query="": ((500, {}, "down") if "sitemap" in path else original(path, query))
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", "-s", "RETRY_TIMES=0", env=env)
        assert f"/{GONE}/" not in site.hits[mark:]
    assert second.stats["kyivind/census/no_list"] == 1 and events(tmp_path / "data") == []
    assert "Census: the site's list of articles could not be read" in second.log


@pytest.mark.crawl
def test_without_sitemaps_the_list_comes_from_the_content_api(tmp_path):
    site = ReplicaSite("ghost")
    env = census_every_run(tmp_path / "data")
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        take_down_and_move(site)
        original = site.respond
        site.respond = lambda path, query="": ((404, {}, "none") if "sitemap" in path else original(path, query))
        second = run_crawl(server.url, tmp_path / "2", env=env)
    assert "Census (Content API): 12 known articles, 2 not listed and asked: 1 removed, 1 moved" in second.log
    assert sorted(e["status"] for e in events(tmp_path / "data")) == ["moved", "removed"]


# --- the decisions, as pure functions ---------------------------------------------------------------
@pytest.mark.parametrize("status, location, challenge, verdict", [
    (404, None, False, "removed"), (410, None, False, "removed"), (451, None, False, "removed"),
    (301, f"{SITE}/a-new-slug/", False, "moved"), (308, f"{SITE}/a-new-slug/", False, "moved"),
    (301, f"{SITE}/", False, None), (302, f"{SITE}/tag/news-feed/", False, None),
    (301, "https://elsewhere.example/a-new-slug/", False, None), (301, f"{SITE}/old-slug", False, None),
    (301, None, False, None), (200, None, False, None), (200, None, True, None), (503, None, False, None),
    (403, None, False, None), (500, None, False, None),
])
def test_judge(status, location, challenge, verdict):
    assert judge(f"{SITE}/old-slug/", status, location, challenge, lambda u: u.startswith(SITE))[0] == verdict


def test_to_check_and_article_paths():
    known = [f"{SITE}/a/", f"{SITE}/b/", f"{SITE}/c/", f"{SITE}/d/"]
    listed = {f"{SITE}/a", f"{SITE}/d/"}
    ask, restored = to_check(known, listed, {f"{SITE}/c/": {"status": "removed"}, f"{SITE}/d/": {"status": "moved"}})
    assert ask == [f"{SITE}/b/"] and restored == [f"{SITE}/d/"]
    looks_like_article = lambda path: article_slug(path, sections=()) is not None  # noqa: E731 (the census's reading)
    assert looks_like_article("/attacks-20") and not looks_like_article("/tag/news-feed/")
    assert not looks_like_article("/news-feed/some-story/") and not looks_like_article("/favicon.ico")
    assert looks_like_article("/search-for-survivors-goes-on/"), "a slug that starts like a page of the site"


def test_removal_log_skips_damaged_lines(tmp_path, caplog):
    log = RemovalLog(tmp_path)
    log.append([{"url": f"{SITE}/a/", "status": "removed"}, {"url": f"{SITE}/b/", "status": "moved"}])
    with log.path.open("a") as out:
        out.write('{"url": "cut\n' + "x" * 70000 + "\n[1, 2]\n")
    log.append([{"url": f"{SITE}/a/", "status": "restored"}])
    assert list(log.current()) == [f"{SITE}/b/"]
    assert "3 lines are no census event, skipped" in caplog.text


@pytest.mark.crawl
def test_removals_reach_the_database_the_atom_feed_status_and_the_report(tmp_path):
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    env = census_every_run(data)
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env, output=False)
        take_down_and_move(site)
        run_crawl(server.url, tmp_path / "2", env=env, output=False)
    build(data)
    db = sqlite3.connect(data / "kyivind.db")
    rows = dict(db.execute("select status, title from removals").fetchall())
    assert rows == {"removed": "Air raid alert declared across Ukraine", "moved": "National Bank keeps key rate unchanged"}
    metadata = json.loads(resources.files("kyivind").joinpath("datasette-metadata.json").read_text())
    recent = metadata["databases"]["kyivind"]["queries"]["recent"]["sql"]
    titles = [row[1] for row in db.execute(recent)]
    assert "Removed: Air raid alert declared across Ukraine" in titles
    assert "Moved: National Bank keeps key rate unchanged" in titles
    status = subprocess.run([sys.executable, "-m", "kyivind.cli", "status", str(data)], capture_output=True, text=True,
                            cwd=ROOT)
    assert "removed or moved articles: 2 (1 removed, 1 moved; latest" in status.stdout, status.stdout
    made = report(data, progress=False)
    assert sorted(row["status"] for row in made["removals"]) == ["moved", "removed"]
    assert "Air raid alert declared across Ukraine" in made["html"].read_text()
