"""The census: known articles the site no longer lists are asked once; removed (404/410), moved (a redirect to
another article), restored, or nothing decided; bounded; at most once per KYIVIND_CENSUS_HOURS."""

import copy
import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from importlib import resources

import pytest

from kyivind.census import RemovalLog, judge, to_check
from kyivind.census.component import again
from kyivind.census.verdict import listed_check, moves, settle, wave
from kyivind.extraction.listing import article_slug
from kyivind.outputs.database import build
from kyivind.outputs.report import report
from tests.conftest import ROOT, run_crawl
from tests.hostile.site import HostileSite
from tests.replica.content import SITE, posts
from tests.replica.server import ReplicaServer, ReplicaSite

GONE = "air-raid-alert-declared-across-ukraine"
MOVED = "national-bank-keeps-key-rate-unchanged"
NEW_HOME = "national-bank-holds-key-rate-at-15-5-percent"


def events(data_dir) -> list[dict]:
    path = data_dir / "removals.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def census_every_run(data, **more) -> dict:
    """A census in every run, each answer a second one far enough after the first (confirmation at 0 hours)."""
    return {"KYIVIND_DATA_DIR": str(data), "KYIVIND_CENSUS_HOURS": "0", "KYIVIND_CENSUS_CONFIRM_HOURS": "0", **more}


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
        suspected = events(tmp_path / "data")
        third = run_crawl(server.url, tmp_path / "3", env=env, source=source)
    assert second.returncode == 0 and third.returncode == 0, second.log[-3000:] + third.log[-3000:]
    assert sorted(asked) == sorted([f"/{GONE}/", f"/{MOVED}/"]), "each unlisted article asked once"
    assert sorted((e["status"], e["suspected_of"]) for e in suspected) == [("suspected", "moved"),
                                                                            ("suspected", "removed")]
    assert "1 removed, 1 moved" not in second.log and second.stats["kyivind/census/suspected"] == 2
    got = {e["url"]: e for e in events(tmp_path / "data")[2:]}
    assert set(got) == {f"{SITE}/{GONE}/", f"{SITE}/{MOVED}/"}
    assert got[f"{SITE}/{GONE}/"]["status"] == "removed" and got[f"{SITE}/{GONE}/"]["http_status"] == 410
    assert got[f"{SITE}/{MOVED}/"]["status"] == "moved"
    assert got[f"{SITE}/{MOVED}/"]["moved_to"] == f"{SITE}/{NEW_HOME}/"
    assert all(e["last_version"] == 1 and e["detected_at"] for e in got.values())
    began = {e["url"]: e["suspected_at"] for e in suspected}
    assert all(e["suspected_at"] == began[url] for url, e in got.items()), "when the first answer came"
    assert [i["url"] for i in second.items] == [f"{SITE}/{NEW_HOME}/"], "the new address crawled like any article"
    assert third.stats["kyivind/census/removed"] == 1 and third.stats["kyivind/census/moved"] == 1
    assert "2 not listed and asked: 1 removed, 1 moved, 0 suspected" in third.log


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
        run_crawl(server.url, tmp_path / "2b", env=env)
        assert [e["status"] for e in events(data)] == ["suspected", "removed"]
        # a removed article still unlisted is asked again; one that answers 503 is left undecided
        flaky = "ukraine-receives-new-batch-of-f-16-fighter-jets"
        site.posts = [p for p in original if p["slug"] not in (GONE, flaky)]
        site.gone[flaky] = 503
        mark = len(site.hits)
        third = run_crawl(server.url, tmp_path / "3", "-s", "RETRY_TIMES=0", env=env)
        assert f"/{GONE}/" in site.hits[mark:] and f"/{flaky}/" in site.hits[mark:]
        assert [e["status"] for e in events(data)] == ["suspected", "removed"], "a 503 decides nothing"
        assert third.stats["kyivind/census/not_recorded"] == 2, "the removed one: still gone, nothing new"
        # the article comes back: restored
        site.posts, site.gone = original, {}
        run_crawl(server.url, tmp_path / "4", env=env)
        assert [e["status"] for e in events(data)] == ["suspected", "removed", "restored"]
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
    env = census_every_run(tmp_path / "data", KYIVIND_CENSUS_MAX_LOSS="1")
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
        third = run_crawl(server.url, tmp_path / "3", env=env)
    assert "Census (Content API): 12 known articles, 2 not listed and asked: 0 removed, 0 moved, 2 suspected" in second.log
    assert "Census (Content API): 13 known articles, 2 not listed and asked: 1 removed, 1 moved" in third.log
    assert sorted(e["status"] for e in events(tmp_path / "data")) == ["moved", "removed", "suspected", "suspected"]


# --- the decisions, as pure functions ---------------------------------------------------------------
@pytest.mark.parametrize("status, location, challenge, verdict", [
    (404, None, False, "removed"), (410, None, False, "removed"), (451, None, False, "removed"),
    (301, f"{SITE}/a-new-slug/", False, "moved"), (308, f"{SITE}/a-new-slug/", False, "moved"),
    (301, f"{SITE}/", False, None), (302, f"{SITE}/tag/news-feed/", False, None),
    (301, "https://elsewhere.example/a-new-slug/", False, None), (301, f"{SITE}/old-slug", False, "present"),
    (301, None, False, None), (200, None, False, "present"), (200, None, True, None), (503, None, False, None),
    (403, None, False, None), (500, None, False, None),
    (301, f"{SITE}/x\x1b]0;TITLE\x07y/", False, None), (301, f"{SITE}/A-New-Slug/", False, None),
    (301, f"{SITE}//elsewhere.example/x/", False, None),
])
def test_judge(status, location, challenge, verdict):
    assert judge(f"{SITE}/old-slug/", status, location, challenge, lambda u: u.startswith(SITE))[0] == verdict


def test_a_moves_address_is_the_targets_article_address_and_never_its_query():
    verdict, target, why = judge(f"{SITE}/old/", 301, f"{SITE}/new-home/?q=\x1b]0;x\x07#\x1b", False,
                                 lambda u: u.startswith(SITE))
    assert (verdict, target) == ("moved", f"{SITE}/new-home/") and "\x1b" not in why
    why = judge(f"{SITE}/old/", 301, f"{SITE}/x\x1b]0;TITLE\x07/", False, lambda u: u.startswith(SITE))[2]
    assert "\x1b" not in why and "\\x1b" in why, "the target written out in the reason"


def test_to_check_and_article_paths():
    known = [f"{SITE}/a/", f"{SITE}/b/", f"{SITE}/c/", f"{SITE}/d/", f"{SITE}/e/"]
    listed = {f"{SITE}/a", f"{SITE}/d/"}
    opened = {f"{SITE}/c/": {"status": "removed"}, f"{SITE}/d/": {"status": "moved"}, f"{SITE}/e/": {"status": "suspected"}}
    ask, settled = to_check(known, listed, opened)
    assert ask == [f"{SITE}/e/", f"{SITE}/b/", f"{SITE}/c/"], "suspected first, then new, then decided ones"
    assert settled == [f"{SITE}/d/"]
    looks_like_article = lambda path: article_slug(path, sections=()) is not None  # noqa: E731 (the census's reading)
    assert looks_like_article("/attacks-20") and not looks_like_article("/tag/news-feed/")
    assert not looks_like_article("/news-feed/some-story/") and not looks_like_article("/favicon.ico")
    assert looks_like_article("/search-for-survivors-goes-on/"), "a slug that starts like a page of the site"
    assert not looks_like_article("/x\x1b]0;TITLE\x07/") and not looks_like_article("/Upper-Case/")
    assert not looks_like_article("/---/") and not looks_like_article("/" + "a" * 192 + "/")


def test_articles_recorded_removed_are_asked_again_in_the_room_the_others_leave():
    decided = [f"{SITE}/{n}/" for n in range(10)]
    assert again(decided, 10) == decided and again(decided, 0) == [] and again(decided, -3) == []
    some = again(decided, 4)
    assert len(some) == 4 and set(some) < set(decided)


def test_one_answer_suspects_a_second_hours_later_decides():
    now = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
    first = settle(None, "removed", None, now, 6)
    assert first == ("suspected", "removed")
    last = {"status": "suspected", "suspected_of": "removed", "moved_to": None,
            "suspected_at": (now - timedelta(hours=5)).isoformat()}
    assert settle(last, "removed", None, now, 6) is None, "too soon: still suspected"
    assert settle({**last, "suspected_at": (now - timedelta(hours=6)).isoformat()}, "removed", None, now, 6) == \
        ("removed", None)
    assert settle(last, "present", None, now, 6) == ("cleared", None)
    assert settle(last, None, None, now, 6) is None, "an undecided answer changes nothing"
    assert settle(last, "moved", f"{SITE}/b/", now, 0) == ("suspected", "moved"), "another answer: suspected anew"
    moved = {**last, "suspected_of": "moved", "moved_to": f"{SITE}/b/"}
    assert settle(moved, "moved", f"{SITE}/c/", now, 0) == ("suspected", "moved"), "another target: anew"
    assert settle({**last, "suspected_at": "soon"}, "removed", None, now, 0) == ("suspected", "removed")
    assert settle({"status": "removed"}, "present", None, now, 6) == ("restored", None)
    assert settle({"status": "moved"}, "present", None, now, 6) == ("restored", None)
    assert settle({"status": "removed"}, "removed", None, now, 6) is None


def test_a_target_many_redirect_to_and_a_ring_are_no_move():
    listed = listed_check({f"{SITE}/home/", f"{SITE}/new/"})
    shared = {f"{SITE}/{n}/": ("moved", f"{SITE}/home/", "moved") for n in "abc"}
    assert all(verdict is None for verdict, _, _ in moves(shared, listed).values())
    ring = {f"{SITE}/a/": ("moved", f"{SITE}/b/", ""), f"{SITE}/b/": ("moved", f"{SITE}/a/", "")}
    assert all(verdict is None for verdict, _, _ in moves(ring, listed).values())
    one = {f"{SITE}/a/": ("moved", f"{SITE}/new/", ""), f"{SITE}/b/": ("removed", None, "")}
    assert [v for v, _, _ in moves(one, listed).values()] == ["moved", "removed"]
    assert wave(6, 12, 0.2) and not wave(5, 12, 0.2) and not wave(6, 30, 0.2) and wave(7, 30, 0.2)


def test_removal_log_skips_damaged_lines(tmp_path, caplog):
    log = RemovalLog(tmp_path)
    log.append([{"url": f"{SITE}/a/", "status": "removed"}, {"url": f"{SITE}/b/", "status": "moved"}])
    with log.path.open("a") as out:
        out.write('{"url": "cut\n' + "x" * 70000 + "\n[1, 2]\n")
    log.append([{"url": f"{SITE}/a/", "status": "restored"}])
    log.append([{"url": f"{SITE}/c/", "status": "moved", "moved_to": f"{SITE}/x\x1b]0;TITLE\x07/"}])
    log.append([{"url": f"{SITE}/d/", "status": "suspected", "suspected_of": "removed"}])
    assert list(log.current()) == [f"{SITE}/b/"], "a line with a control character is none kyivind wrote"
    assert list(log.open()) == [f"{SITE}/b/", f"{SITE}/d/"] and list(log.suspected()) == [f"{SITE}/d/"]
    assert "4 lines are no census event, skipped" in caplog.text


def status_of(data, *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "kyivind.cli", "status", str(data), *args], capture_output=True,
                          text=True, cwd=ROOT).stdout


@pytest.mark.crawl
def test_removals_reach_the_database_the_atom_feed_status_and_the_report(tmp_path):
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    env = census_every_run(data)
    metadata = json.loads(resources.files("kyivind").joinpath("datasette-metadata.json").read_text())
    recent = metadata["databases"]["kyivind"]["queries"]["recent"]["sql"]
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env, output=False)
        take_down_and_move(site)
        run_crawl(server.url, tmp_path / "2", env=env, output=False)
        # one answer: suspected, in status and the table, not in the Atom feed
        build(data)
        db = sqlite3.connect(data / "kyivind.db")
        assert sorted(db.execute("select status, suspected_of from removals").fetchall()) == [
            ("suspected", "moved"), ("suspected", "removed")]
        assert not [row for row in db.execute(recent) if row[1].startswith(("Removed:", "Moved:", "Restored:"))]
        db.close()
        status = status_of(data)
        assert "removed or moved articles: 0" in status and "suspected removed or moved: 2 (1 removed, 1 moved" in status
        run_crawl(server.url, tmp_path / "3", env=env, output=False)
    build(data)
    db = sqlite3.connect(data / "kyivind.db")
    rows = dict(db.execute("select status, title from removals where status in ('removed', 'moved')").fetchall())
    assert rows == {"removed": "Air raid alert declared across Ukraine", "moved": "National Bank keeps key rate unchanged"}
    titles = [row[1] for row in db.execute(recent)]
    assert "Removed: Air raid alert declared across Ukraine" in titles
    assert "Moved: National Bank keeps key rate unchanged" in titles
    status = status_of(data)
    assert "removed or moved articles: 2 (1 removed, 1 moved; latest" in status, status
    assert "suspected removed or moved" not in status
    made = report(data, progress=False)
    assert sorted(row["status"] for row in made["removals"]) == ["moved", "removed"]
    assert "Air raid alert declared across Ukraine" in made["html"].read_text()


# --- one answer decides nothing; a wave, a shared target, a ring decide nothing ---------------------------------
@pytest.mark.crawl
def test_one_404_then_200_is_a_suspicion_cleared_never_a_removal(tmp_path):
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    env = {"KYIVIND_DATA_DIR": str(data), "KYIVIND_CENSUS_HOURS": "0"}  # confirmation after the default 6 hours
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        unlist(site, [GONE])
        site.gone[GONE] = 404
        second = run_crawl(server.url, tmp_path / "2", env=env)
        assert [(e["status"], e.get("suspected_of")) for e in events(data)] == [("suspected", "removed")]
        assert second.stats["kyivind/census/suspected"] == 1 and "kyivind/census/removed" not in second.stats
        assert "suspected removed or moved: 1 (1 removed, 0 moved" in status_of(data)
        assert "kyivind_articles_suspected 1.0" in status_of(data, "--prometheus")
        third = run_crawl(server.url, tmp_path / "3", env=env)  # a second 404, minutes after the first
        assert [e["status"] for e in events(data)] == ["suspected"], "not 6 hours after the first: still suspected"
        assert "decided 6 hours on" in third.log
        site.gone = {}  # answers 200 again, still unlisted
        fourth = run_crawl(server.url, tmp_path / "4", env=env)
    assert [e["status"] for e in events(data)] == ["suspected", "cleared"]
    assert fourth.stats["kyivind/census/cleared"] == 1 and RemovalLog(data).open() == {}
    assert "suspected removed or moved" not in status_of(data)


@pytest.mark.crawl
def test_a_wave_of_unlisted_articles_decides_nothing_and_says_why_once(tmp_path):
    site = ReplicaSite("ghost")
    env = census_every_run(tmp_path / "data")
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        wave_of = [p["slug"] for p in site.posts[:10]]
        site.posts = site.posts[10:]
        site.gone = {slug: 404 for slug in wave_of}
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", env=env)
        third = run_crawl(server.url, tmp_path / "3", env=env)
        asked = [hit for hit in site.hits[mark:] if hit.strip("/") in wave_of]
    assert events(tmp_path / "data") == [] and asked == [], "nothing asked, nothing recorded"
    assert second.stats["kyivind/census/wave"] == 1 and third.stats["kyivind/census/wave"] == 1
    assert second.log.count("not listed at once") == 1 and second.returncode == 0
    assert ("10 of the 12 known articles are not listed at once, more than KYIVIND_CENSUS_MAX_LOSS=0.2 of them: a list "
            "that loses so many is taken for broken, nothing decided") in second.log


@pytest.mark.crawl
def test_articles_that_redirect_to_one_target_and_a_ring_of_redirects_are_no_move(tmp_path):
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    env = census_every_run(data)
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        slugs = [p["slug"] for p in site.posts]
        many, ring, target = slugs[:3], slugs[3:5], slugs[6]
        site.posts = [p for p in site.posts if p["slug"] not in many + ring]
        site.moved = {**{slug: target for slug in many}, ring[0]: ring[1], ring[1]: ring[0]}
        second = run_crawl(server.url, tmp_path / "2", env=env)
        third = run_crawl(server.url, tmp_path / "3", env=env)
    assert events(data) == [], "no move suspected, none decided"
    assert "kyivind/census/moved" not in third.stats and third.stats["kyivind/census/not_recorded"] == 5
    assert f"redirects, as 2 other articles do, to {SITE}/{target}/: no move" in second.log
    assert f"redirects to {SITE}/{ring[1]}/, which the site does not list: no move" in second.log


@pytest.mark.crawl
def test_a_removed_article_that_answers_200_again_is_restored_while_unlisted(tmp_path):
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    env = census_every_run(data)
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env)
        RemovalLog(data).append([{"url": f"{SITE}/{GONE}/", "status": "removed", "moved_to": None, "http_status": 404,
                                  "detected_at": "2026-01-01T00:00:00+00:00", "last_version": 1}])
        unlist(site, [GONE])  # still unlisted, but the page is there
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", env=env)
        assert f"/{GONE}/" in site.hits[mark:], "an open event is asked again"
    assert [e["status"] for e in events(data)] == ["removed", "restored"]
    assert second.stats["kyivind/census/restored"] == 1 and RemovalLog(data).current() == {}


# --- the census's time and list are bounded ------------------------------------------------------------------
def unlist(site: ReplicaSite, slugs: list[str]) -> None:
    """``slugs`` left out of the posts sitemap; their pages (and the Content API) stay."""
    original = site.sitemap_posts

    def sitemap():
        body = original()
        for slug in slugs:
            body = body.replace(f"<loc>{SITE}/{slug}/</loc>", "<loc></loc>")
        return body

    site.sitemap_posts = sitemap


def hide(site: ReplicaSite, slugs: list[str], status: int, headers: dict) -> None:
    """``slugs`` left out of the posts sitemap (the Content API still lists them), each answering ``status``."""
    unlist(site, slugs)
    original = site.respond

    def respond(path, query=""):
        if path.strip("/") in slugs:
            with site.lock:
                site.hits.append(path)
            return status, {"Content-Type": "text/html", **headers}, "<html><body>Unavailable</body></html>"
        return original(path, query)

    site.respond = respond


@pytest.mark.crawl
def test_the_census_does_not_wait_a_retry_after(tmp_path):
    site = HostileSite("census-retry-after")
    env = census_every_run(tmp_path / "data", KYIVIND_RETRY_MAX_DELAY="5")
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env, source="api")
        second = run_crawl(server.url, tmp_path / "2", "-s", "RETRY_TIMES=1", env=env, source="api")
    assert f"HTTP 503 for {server.url}/{site.CENSUS_HIDDEN}/: retrying in 1.0s" in second.log, "the backoff's wait"
    assert "retrying in 5.0s" not in second.log, "not the Retry-After's (60 s, capped at 5 here)"
    assert second.stats["kyivind/census/not_recorded"] == 1 and events(tmp_path / "data") == []


@pytest.mark.crawl
def test_the_census_stops_at_its_time_budget_and_goes_on_next_run(tmp_path):
    site = ReplicaSite("ghost")
    slow = [p["slug"] for p in site.posts[:2]]
    env = census_every_run(tmp_path / "data", KYIVIND_CENSUS_MAX_MINUTES="0.01")  # 0.6 s; each ask takes 3 s
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env, source="api")
        hide(site, slow, 503, {"Retry-After": "0"})
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", "-s", "RETRY_TIMES=2", env=env, source="api")
        asked = [hit for hit in site.hits[mark:] if hit.strip("/") in slow]
        third = run_crawl(server.url, tmp_path / "3", "-s", "RETRY_TIMES=0", env=env, source="api")
    assert second.stats["kyivind/bound/census_time"] == 1 and len(set(asked)) < 2, "the second one left for later"
    assert second.log.count("Bound reached (census_time): the census took more than KYIVIND_CENSUS_MAX_MINUTES=0.01 "
                            "minutes") == 1
    assert second.returncode == 0 and third.stats["kyivind/census/runs"] == 1, "the census goes on next run"


@pytest.mark.crawl
def test_a_list_longer_than_its_bound_is_read_no_further_and_decides_nothing(tmp_path):
    site = HostileSite("census-big-sitemaps")
    site.census_sitemaps, site.census_sitemap_bytes = 3, 200_000  # about 2,700 URLs each
    env = census_every_run(tmp_path / "data")
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env, source="api")
        mark = len(site.hits)
        second = run_crawl(server.url, tmp_path / "2", "-s", "KYIVIND_CENSUS_MIN_LISTED=1000", env=env, source="api")
        read = [hit for hit in site.hits[mark:] if hit.startswith("/sitemap-posts-")]
    assert second.stats["kyivind/bound/census_listed"] == 1 and second.stats["kyivind/census/no_list"] == 1
    assert read == ["/sitemap-posts-0.xml"], "the list stops in its first file"
    assert "Bound reached (census_listed): the sitemaps list more than 1000 URLs" in second.log
    assert "WARNING: Census: the site's list of articles could not be read" not in second.log, "said once"
    assert "kyivind/census/asked" not in second.stats and events(tmp_path / "data") == []


# --- control characters and slugs that are none ---------------------------------------------------------------
@pytest.mark.crawl
def test_a_redirect_with_control_characters_is_no_move_and_reaches_no_log_line_nor_the_feed(tmp_path):
    site = ReplicaSite("ghost")
    data = tmp_path / "data"
    env = census_every_run(data)
    slugs = [p["slug"] for p in site.posts]
    escape, queried, target = slugs[0], slugs[1], slugs[5]
    with ReplicaServer(site) as server:
        run_crawl(server.url, tmp_path / "1", env=env, output=False)
        site.posts = [p for p in site.posts if p["slug"] not in (escape, queried)]
        original = site.respond
        redirects = {escape: "/x\x1b]0;TITLE\x07y/", queried: f"/{target}/?q=\x1b]0;TITLE\x07"}
        site.respond = lambda path, query="": ((301, {"Location": redirects[path.strip("/")]}, "")
                                               if path.strip("/") in redirects else original(path, query))
        second = run_crawl(server.url, tmp_path / "2", env=env, output=False)
        third = run_crawl(server.url, tmp_path / "3", env=env, output=False)
    for log in (second.log, third.log):
        assert "\x1b" not in log and "\x07" not in log
    assert "redirects to 'https://kyivindependent.com/x\\x1b]0;TITLE\\x07y/', which is no article" in second.log
    got = [(e["url"], e["status"], e["moved_to"]) for e in events(data)]
    assert got == [(f"{SITE}/{queried}/", "suspected", f"{SITE}/{target}/"),
                   (f"{SITE}/{queried}/", "moved", f"{SITE}/{target}/")], "the query left out of the new address"
    build(data)
    from tests.test_changes import atom

    assert any(entry.title.startswith("Moved: ") for entry in atom(data).entries)


@pytest.mark.crawl
def test_an_api_post_whose_slug_is_no_slug_is_refused_with_a_count(tmp_path):
    site = ReplicaSite("ghost")
    victim = site.posts[2]["slug"]
    original = site.respond

    def respond(path, query=""):
        status, headers, body = original(path, query)
        if path.startswith("/ghost/api/content/posts") and status == 200:
            data = json.loads(body)
            for post in data["posts"]:
                if post["slug"] == victim:
                    post.update(slug="/elsewhere.example/x", url="https://elsewhere.example/x/")
            body = json.dumps(data)
        return status, headers, body

    site.respond = respond
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, source="api")
    assert result.stats["kyivind/api/bad_slug"] == 1
    assert not [item["url"] for item in result.items if "elsewhere" in item["url"]]
    assert sorted(item["slug"] for item in result.items) == sorted(p["slug"] for p in posts() if p["slug"] != victim)
    assert "Content API post with no address on the site, skipped: its url 'https://elsewhere.example/x/'" in result.log


def test_an_author_slug_that_is_none_names_no_author_page(caplog):
    from types import SimpleNamespace

    from scrapy.utils.test import get_crawler

    from kyivind.crawl.author_pages import AuthorPages
    from kyivind.items import Author

    crawler = get_crawler(settings_dict={"KYIVIND_MAX_AUTHOR_PAGES": 10})
    pages = AuthorPages(crawler, SimpleNamespace(urls=None), None)
    assert pages.wanted(Author(name="Olena Goncharova", slug="olena-goncharova"))
    for slug in ("../../ghost/api/admin", "x\x1b]0;TITLE\x07", "Olena_Goncharova", "a/b", "-"):
        assert not pages.wanted(Author(name="Olena Goncharova", slug=slug)), slug
    assert crawler.stats.get_value("kyivind/author_page/bad_slug") == 5
    assert caplog.text.count("is no slug as Ghost makes them") == 1 and "\x1b" not in caplog.text
