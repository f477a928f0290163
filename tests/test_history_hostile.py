"""History runs (-a source=wayback) against a hostile web archive on 127.0.0.1 (tests/hostile/archive.py, no pywb):
CDX fields that would write headers into kyivind's WARC, dates that are none, addresses too long to be asked,
captures of another article, pages far longer than asked, and many captures the archive does not have."""

import json
import sqlite3

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import run_crawl
from tests.history.captures import captures
from tests.hostile.archive import HostileArchive, article_captures, row
from tests.replica.content import SITE, posts
from tests.replica.server import ReplicaServer, ReplicaSite
from tests.test_history import check_history_items

pytestmark = pytest.mark.crawl
SLUGS = [p["slug"] for p in posts()]
FAST = ("-s", "KYIVIND_WAYBACK_DELAY=0")


@pytest.fixture
def site():
    """The live site (the state is kept per base_url: one server for all the runs of a test)."""
    with ReplicaServer(ReplicaSite("ghost")) as server:
        yield server


def history(site, tmp_path, archive: HostileArchive, *args: str, name: str = "1"):
    return run_crawl(site.url, tmp_path / name, *FAST, *args, env=archive.env(tmp_path / "data"), source="wayback")


def warc_records(data_dir) -> list:
    found = []
    for path in sorted((data_dir / "archive").glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                found.append((record.rec_type, dict(record.rec_headers.headers)))
    return found


def test_history_of_the_test_captures_reads_every_article_version(site, tmp_path):
    """The hostile archive answers as pywb does: the old URL forms and the 2022 theme all read, none refused."""
    items = captures()
    with HostileArchive(items) as archive:
        live = run_crawl(site.url, tmp_path / "0", env=archive.env(tmp_path / "data"))
        assert live.returncode == 0 and len(live.items) == 12
        run = history(site, tmp_path, archive)
    assert run.returncode == 0, run.log[-3000:]
    check_history_items(run.items, archive.wayback_url)
    assert "kyivind/wayback/unreadable/other_article" not in run.stats


# --- CDX fields that would inject WARC headers -------------------------------------------------------
FORGED = "\r\nKyivind-Public-URI: https://kyivindependent.com/forged/\r\nX-Evil: 1"


def test_a_cdx_field_with_control_characters_is_refused_and_never_reaches_the_warc(site, tmp_path):
    good, forged, escaped = article_captures(SLUGS[:3])
    rows = [row(good), row(forged, url=f"{forged.url}?x=1{FORGED}"), row(escaped, digest="ABC\x1b]0;TITLE\x07")]
    with HostileArchive([good, forged, escaped], rows=rows) as archive:
        run = history(site, tmp_path, archive)
    assert run.returncode == 0, run.log[-3000:]
    assert [item["slug"] for item in run.items] == [SLUGS[0]]
    assert run.stats["kyivind/wayback/cdx_refused/control_characters"] == 2
    assert run.log.count("control characters") == 1, "one line for the page, not one per row"
    for _kind, headers in warc_records(run.data_dir):
        assert "X-Evil" not in headers and not headers.get("Kyivind-Public-URI", "").endswith("/forged/"), headers
    assert archive.captures_asked() == [f"/web/{good.timestamp}id_/{good.url}"]


def test_the_warc_writer_refuses_a_header_value_with_cr_or_lf(tmp_path):
    from scrapy.http import HtmlResponse, Request

    from kyivind.archive.writer import UnsafeHeader, WarcFile, capture

    file = WarcFile(tmp_path / "a.warc.gz")
    archived = {"original": f"{SITE}/a/{FORGED}", "archived_at": "2025-01-01T00:00:00+00:00", "url": f"{SITE}/a/",
                "archive": "http://127.0.0.1:9/web"}
    request = Request("http://127.0.0.1:9/web/20250101000000id_/x", meta={"kyivind_archived": archived,
                                                                          "kyivind_history_run": "t"})
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    with pytest.raises(UnsafeHeader, match="Kyivind-Original-URI"):
        capture(file, request, response, request.url)
    bare = HtmlResponse("http://127.0.0.1:9/a", body=b"x", headers={"X-Bare": "a\rKyivind-Evil: 1"},
                        request=Request("http://127.0.0.1:9/a"))
    with pytest.raises(UnsafeHeader, match="X-Bare"):
        capture(file, bare.request, bare, bare.url)
    file.close()
    assert file.records == 0 and (tmp_path / "a.warc.gz").read_bytes() == b"", "nothing written"


def test_an_answer_the_warc_writer_refuses_is_not_kept_and_fails_the_run(tmp_path):
    from types import SimpleNamespace

    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from kyivind.archive.writer import WarcArchive

    crawler = get_crawler(settings_dict={"KYIVIND_ARCHIVE_GZIP_LEVEL": 3})
    urls = SimpleNamespace(site_url=SITE, base_url=SITE, public_url=lambda url: url)
    run = SimpleNamespace(data_dir=tmp_path, name="run", tag="news-feed", urls=urls,
                          args=SimpleNamespace(source="wayback", mode="incremental"))
    archive = WarcArchive(crawler, run)
    archived = {"original": f"{SITE}/a/?x=1{FORGED}", "archived_at": "2025-01-01T00:00:00+00:00",
                "url": f"{SITE}/a/", "archive": "http://127.0.0.1:9/web"}
    request = Request("http://127.0.0.1:9/web/20250101000000id_/x", meta={"kyivind_archived": archived,
                                                                          "kyivind_history_run": "t"})
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    assert archive.process_response(request, response) is response
    good = Request(f"{SITE}/b/")
    archive.process_response(good, HtmlResponse(good.url, body=b"<html></html>", request=good))
    archive.file.close()
    stats = crawler.stats.get_stats()
    assert stats["kyivind/archive/unsafe_header"] == 1 and stats["kyivind/failed"] == 1
    assert "Kyivind-Original-URI" in stats["kyivind/fatal"][0] and "kyivind_capture" not in request.meta
    assert [kind for kind, _ in warc_records(tmp_path)] == ["warcinfo", "response", "request"], "the next answer kept"


# --- CDX timestamps that are no date ----------------------------------------------------------------
def test_a_cdx_timestamp_that_is_no_date_is_skipped_and_counted_run_after_run(site, tmp_path):
    good, bad = article_captures(SLUGS[:2])
    rows = [row(bad, timestamp="20241399000000"), row(good)]
    with HostileArchive([good, bad], rows=rows) as archive:
        first = history(site, tmp_path, archive)
        second = history(site, tmp_path, archive, name="2")
    assert first.returncode == 0, first.log[-3000:]
    assert "Traceback" not in first.log and [item["slug"] for item in first.items] == [SLUGS[0]]
    assert first.stats["kyivind/wayback/cdx_refused/bad_timestamp"] == 1
    assert second.returncode == 0 and "Traceback" not in second.log, second.log[-3000:]


def test_a_state_planned_with_a_bad_timestamp_no_longer_poisons_the_runs(site, tmp_path):
    """A state an earlier version planned holds the bad row: it is set aside, counted, the others read."""
    good = article_captures(SLUGS[:1])[0]
    with HostileArchive([good]) as archive:
        first = history(site, tmp_path, archive)
        assert first.returncode == 0, first.log[-3000:]
        state = next((tmp_path / "data").glob("state*.sqlite"))
        with sqlite3.connect(state) as db:
            db.execute("insert into captures (url, timestamp, original) values (?, ?, ?)",
                       (f"{SITE}/{SLUGS[1]}/", "20241399000000", f"{SITE}/{SLUGS[1]}/"))
            db.execute("insert into captures (url, timestamp, original) values (?, ?, ?)",
                       (f"{SITE}/{SLUGS[2]}/", "20241101000000", f"{SITE}/{SLUGS[2]}/?q={'x' * 3000}"))
            db.execute("insert or replace into meta (key, value) values ('history_cdx', 'read')")
        second = history(site, tmp_path, archive, name="2")
        third = history(site, tmp_path, archive, name="3")
    assert second.returncode == 0 and "Traceback" not in second.log, second.log[-3000:]
    assert second.stats["kyivind/wayback/refused/bad_timestamp"] == 1
    assert second.stats["kyivind/wayback/refused/url_too_long"] == 1
    assert third.returncode == 0 and "kyivind/wayback/refused/bad_timestamp" not in third.stats, "set aside for good"


# --- addresses too long to be asked: no stall -------------------------------------------------------
def test_captures_too_long_to_be_asked_are_refused_and_the_others_read(site, tmp_path):
    long_a, long_b, *rest = article_captures(sorted(SLUGS)[:5])  # the state asks articles in URL order
    rows = [row(long_a, url=f"{long_a.url}?q={'x' * 2500}"), row(long_b, url=f"{long_b.url}?q={'y' * 2500}"),
            *(row(c) for c in rest)]
    with HostileArchive([long_a, long_b, *rest], rows=rows) as archive:
        run = history(site, tmp_path, archive)
        again = history(site, tmp_path, archive, name="2")
    assert run.returncode == 0, run.log[-3000:]
    assert sorted(item["slug"] for item in run.items) == sorted(SLUGS)[2:5]
    assert run.stats["kyivind/wayback/skipped/url_too_long"] == 2
    assert "longer than URLLENGTH_LIMIT" in run.log
    assert again.returncode == 0 and again.items == []


def test_a_run_that_could_read_no_capture_while_captures_were_left_fails(site, tmp_path):
    """Every capture's replay fails (an archive whose replay is down): the run says so and exits 1."""
    made = article_captures(SLUGS[:3])
    down = [type(c)(c.timestamp, c.url, b"down", status=503) for c in made]
    with HostileArchive(down, rows=[row(c, status="200") for c in made]) as archive:
        run = history(site, tmp_path, archive, "-s", "RETRY_TIMES=0")
    assert run.returncode == 1, run.log[-3000:]
    assert "3 captures are left to read and none could be read this run" in run.log
    assert run.stats["kyivind/wayback/captures_left"] == 3


def test_a_capture_request_dropped_by_a_middleware_frees_its_slot(site, tmp_path):
    """A spider middleware drops every capture asked from another capture's answer (DEPTH_LIMIT): the slots are
    freed when the run goes idle, the lost captures asked again next run, the other articles read."""
    made = article_captures(SLUGS[:4])
    titles = [p["title"].encode() for p in posts()[:4]]
    second = [type(c)("20251120080000", c.url, c.body.replace(title, title + b" (updated)"))
              for c, title in zip(made, titles, strict=True)]
    with HostileArchive(made + second) as archive:
        run = history(site, tmp_path, archive, "-s", "DEPTH_LIMIT=1")
        state = next((tmp_path / "data").glob("state*.sqlite"))
        with sqlite3.connect(state) as db:
            marks = db.execute("select timestamp, read, count(*) from captures group by timestamp, read").fetchall()
        again = history(site, tmp_path, archive, name="2")
    assert run.stats["kyivind/wayback/lost"] >= 1, run.log[-3000:]
    assert len({item["slug"] for item in run.items}) == 4, "every article's first capture read"
    assert "dropped before they were asked" in run.log
    # the first two articles' second captures were dropped (depth 2); the next two were asked from the idle run
    # (depth 1) and read whole
    assert sorted(marks) == [("20251119080000", 1, 4), ("20251120080000", 1, 2), ("20251120080000", 2, 2)], marks
    assert again.returncode == 0 and [i["fetched_at"] for i in again.items] == ["2025-11-20T08:00:00+00:00"] * 2, \
        "the dropped captures, asked again"


def test_a_capture_request_the_scheduler_drops_frees_its_slot(site, tmp_path):
    made = article_captures(sorted(SLUGS)[:4])  # the state asks articles in URL order: the first two are dropped
    rows = [row(c, url=f"{c.url}?drop=me") for c in made[:2]] + [row(c) for c in made[2:]]
    with HostileArchive(made, rows=rows) as archive:
        run = history(site, tmp_path, archive, "-s", "SCHEDULER=tests.hostile.archive.DroppingScheduler")
    assert run.stats["kyivind/wayback/lost"] == 2 and run.stats["kyivind/wayback/captures_left"] == 2, run.log[-3000:]
    assert sorted(item["slug"] for item in run.items) == sorted(SLUGS)[2:4]
    assert run.returncode == 0, "the other articles were read"


# --- captures of another article ---------------------------------------------------------------------
def test_a_capture_holding_another_article_is_refused(site, tmp_path):
    mine, other = article_captures(SLUGS[:2])
    planted = type(mine)("20251120080000", mine.url, other.body)
    with HostileArchive([mine, planted]) as archive:
        run = history(site, tmp_path, archive)
    assert run.returncode == 0, run.log[-3000:]
    assert [(item["slug"], item["title"]) for item in run.items] == [(SLUGS[0], run.items[0]["title"])]
    assert len(run.items) == 1 and run.stats.get("kyivind/wayback/unreadable/other_article") == 1, run.log[-4000:]


def test_a_capture_whose_page_names_no_url_at_all_is_refused(site, tmp_path):
    mine, = article_captures(SLUGS[:1])
    planted = type(mine)("20251120080000", mine.url, mine.body.replace(mine.url.encode(), b"javascript:alert(1)"))
    with HostileArchive([mine, planted]) as archive:
        run = history(site, tmp_path, archive)
    assert run.returncode == 0 and "Traceback" not in run.log, run.log[-3000:]
    assert len(run.items) == 1 and run.stats.get("kyivind/wayback/unreadable/other_article") == 1, run.log[-4000:]


def test_a_redirect_inside_the_archive_to_another_host_is_refused(site, tmp_path):
    mine, = article_captures(SLUGS[:1])
    evil = type(mine)("20251120080000", "https://evil.example/x/", mine.body)
    redirects = {f"{mine.timestamp}id_/{mine.url}": f"/web/20251120080000id_/{evil.url}"}
    with HostileArchive([mine, evil], rows=[row(mine)], redirects=redirects) as archive:
        run = history(site, tmp_path, archive)
    assert run.items == [] and run.stats["kyivind/wayback/unreadable/other_article"] == 1, run.log[-3000:]
    assert archive.captures_asked()[-1] == f"/web/20251120080000id_/{evil.url}"


# --- pages longer than asked; many captures the archive does not have --------------------------------
def test_a_cdx_page_is_read_up_to_the_rows_asked(site, tmp_path):
    made = article_captures(SLUGS[:6])
    fields = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    body = json.dumps([fields, *(["k", c.timestamp, c.url, "text/html", "200", c.digest, "1"]
                                 for c in made)]).encode()
    with HostileArchive(made, cdx_body=body) as archive:
        run = history(site, tmp_path, archive, "-s", "KYIVIND_CDX_PAGE_SIZE=4")
    assert run.stats["kyivind/wayback/cdx_captures"] == 4 and len(run.items) == 4, run.log[-3000:]
    assert run.stats["kyivind/bound/cdx_page_size"] == 1 and "Bound reached (cdx_page_size)" in run.log
    assert run.returncode == 1, "the rows past the page were not read: the run says so"


def test_a_resume_key_that_cannot_be_asked_ends_the_list_and_fails_the_run(site, tmp_path):
    """A resume key past URLLENGTH_LIMIT would be dropped by Scrapy without a word, run after run."""
    made = article_captures(SLUGS[:2])
    fields = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    body = json.dumps([fields, *(["k", c.timestamp, c.url, "text/html", "200", c.digest, "1"] for c in made),
                       [], ["k" * 3000]]).encode()
    with HostileArchive(made, cdx_body=body) as archive:
        run = history(site, tmp_path, archive)
    assert run.returncode == 1 and len(run.items) == 2, run.log[-3000:]
    assert "Bound reached (cdx_resume_key)" in run.log and "resume key cannot be asked" in run.log


def test_a_replay_redirect_to_a_time_that_is_no_date_is_no_capture(site, tmp_path):
    mine, = article_captures(SLUGS[:1])
    redirects = {f"{mine.timestamp}id_/{mine.url}": f"/web/20241399000000id_/{mine.url}"}
    bad = type(mine)("20241399000000", mine.url, mine.body)
    with HostileArchive([mine, bad], rows=[row(mine)], redirects=redirects) as archive:
        run = history(site, tmp_path, archive)
    assert run.returncode == 0 and "Traceback" not in run.log, run.log[-3000:]
    assert run.items == [] and run.stats["kyivind/wayback/unreadable/undated"] == 1


def test_captures_the_archive_does_not_have_are_one_summary_line(site, tmp_path):
    made = article_captures(SLUGS[:8])
    with HostileArchive(made[:1], rows=[row(c) for c in made]) as archive:
        run = history(site, tmp_path, archive)
    assert run.returncode == 0, run.log[-3000:]
    assert run.stats["kyivind/wayback/unreadable"] == 7 and run.stats["kyivind/wayback/unreadable/answered_404"] == 7
    warnings = [line for line in run.log.splitlines() if "] WARNING:" in line]
    assert len(warnings) == 1 and "7 archived captures could not be read: answered 404 (7" in warnings[0], warnings
