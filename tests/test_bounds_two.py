"""Bounded by design, round two: each defect a second audit found, made to happen (WARC files made elsewhere,
the site, control characters, Datasette, the disk and the terminal)."""

from __future__ import annotations

import http.server
import json
import logging
import os
import threading
from pathlib import Path

import pytest

from kyivind import statkeys as keys
from kyivind.crawl.context import MAX_PROBLEMS, bound_reached, fail_run
from kyivind.crawl.urls import SiteUrls, redacted
from kyivind.sources.sitemap import SitemapFiles
from tests.conftest import kyivind, project_crawler
from tests.hostile import warcs
from tests.work import calls


def crawler_of(tmp_path, settings: dict | None = None, **args):
    return project_crawler({"KYIVIND_DATA_DIR": str(tmp_path), **(settings or {})}, base_url="http://127.0.0.1:9",
                           **args)


# --- 4. no item URL leaves the site --------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["//elsewhere.example/forged-a/", "/\\elsewhere.example/forged-b/",
                                  "\\\\elsewhere.example/forged-c/"])
def test_a_path_that_starts_like_a_host_stays_on_the_site(path):
    urls = SiteUrls("https://kyivindependent.com", "http://127.0.0.1:8765")
    for url in (urls.public_url(path), urls.fetch_url(path)):
        assert urls.on_site(url) and "elsewhere.example/forged" in url, url


def test_a_content_api_post_with_a_slug_like_a_host_is_refused_with_a_count(tmp_path):
    crawler = crawler_of(tmp_path, source="api")
    api = crawler.spider.parts.api
    post = {"slug": "/elsewhere.example/forged-a", "title": "Forged", "html": "<p>Text.</p>",
            "url": "http://elsewhere.example/forged-a/", "published_at": "2025-11-20T10:00:00.000Z"}
    assert api.post(post, "http://127.0.0.1:9/ghost/api/content/posts/") is None
    assert crawler.stats.get_value(keys.API_BAD_SLUG) == 1
    good = api.post({**post, "slug": "forged-a"}, "http://127.0.0.1:9/ghost/api/content/posts/")
    assert good.url == "https://kyivindependent.com/forged-a/", "an off-site url: the slug's address on the site"


# --- 5. a bound that fires 50,000 times ------------------------------------------------------------------------
def test_a_bound_that_fires_fifty_thousand_times_says_itself_once(tmp_path, caplog):
    crawler = crawler_of(tmp_path, {"KYIVIND_SITEMAP_MAX_FILES": 2})
    files = SitemapFiles(crawler, crawler.spider.parts.run)
    caplog.set_level(logging.WARNING)

    def admit(numbers: range) -> list[bool]:
        return [files.admit(f"/sitemap-posts-{n}.xml", 1) for n in numbers]

    admitted = admit(range(39_002))
    thousand = calls(lambda: admitted.extend(admit(range(39_002, 40_002))))
    ten_thousand = calls(lambda: admitted.extend(admit(range(40_002, 50_002))))
    assert sum(admitted) == 2 and crawler.stats.get_value(keys.bound("sitemap_files")) == 50_000
    assert caplog.text.count("Bound reached (sitemap_files)") == 1
    assert len(crawler.stats.get_value(keys.FATAL)) == 1
    assert ten_thousand <= 10 * thousand, "each call past the bound does the same work (its calls counted)"


def test_causes_are_kept_once_and_capped(tmp_path):
    crawler = crawler_of(tmp_path)
    for n in range(5_000):
        fail_run(crawler, f"cause {n % (MAX_PROBLEMS + 30)}")
    causes = crawler.stats.get_value(keys.FATAL)
    assert causes == [f"cause {n}" for n in range(MAX_PROBLEMS)]
    assert crawler.stats.get_value(keys.FATAL_MORE) == 5_000 * 30 // (MAX_PROBLEMS + 30), "each call past the cap"
    bound_reached(crawler, "x", "first", short="the x bound cut the run short")
    bound_reached(crawler, "x", "second", short="the x bound cut the run short again")
    assert crawler.stats.get_value(keys.bound("x")) == 2


# --- 6. control characters -------------------------------------------------------------------------------------
def test_no_control_character_from_the_site_reaches_the_feed():
    from kyivind.extraction.util import shown, without_controls

    assert without_controls("Kharkiv\x1b]0;owned\x07 strike\x9b\n\tnext") == "Kharkiv]0;owned strike\n\tnext"
    assert shown("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert without_controls({"a": ["x\x00y"], "b": 1}) == {"a": ["xy"], "b": 1}


def test_kyivind_diff_and_status_show_control_characters_written_out(tmp_path):
    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    base = {"url": "https://kyivindependent.com/c/", "slug": "c", "tags": [], "authors": [], "links": [],
            "embeds": []}
    rows = [{**base, "version": 1, "title": "Strike\x1b]52;c;cGF3bmVk\x07", "body_text": "one\x1b[6n",
             "fetched_at": "2026-12-01T00:00:00+00:00"},
            {**base, "version": 2, "title": "Strike two\x1b]8;;http://x\x07", "body_text": "two\x1b[6n",
             "fetched_at": "2026-12-02T00:00:00+00:00"}]
    (feeds / "newsfeed-1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (feeds / "newsfeed-1.summary.json").write_text(json.dumps({
        "run": "newsfeed-1", "ok": False, "finish_time": "2026-12-02T00:00:00+00:00",
        "problems": ["the listing said \x1b]0;owned\x07"]}))
    diff = kyivind("diff", "c", str(tmp_path / "data"))
    status = kyivind("status", str(tmp_path / "data"))
    assert diff.returncode == 0 and "\x1b" not in diff.stdout and "\x07" not in diff.stdout
    assert "\x1b" not in status.stdout and "\\x1b]0;owned\\x07" in status.stdout


def test_a_title_with_an_escape_keeps_the_atom_feed_whole(tmp_path):
    import sqlite3

    from kyivind.outputs.database import build
    from kyivind.outputs.datasette import RECENT_SQL

    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    row = {"url": "https://kyivindependent.com/e/", "slug": "e", "version": 1, "title": "A\x1b title",
           "body_text": "Text\x0c.", "tags": [], "authors": [], "links": [], "embeds": [],
           "published_at": "2025-11-01T00:00:00+00:00", "fetched_at": "2026-12-01T00:00:00+00:00"}
    (feeds / "newsfeed-1.jsonl").write_text(json.dumps(row) + "\n")
    db = sqlite3.connect(build(tmp_path / "data")["database"])
    assert db.execute(RECENT_SQL).fetchall()[0][1] == "A title"


# --- 7. titles are cut before place matching ---------------------------------------------------------------
def test_a_huge_title_costs_what_its_first_kilobyte_costs():
    from kyivind.places import matcher

    small, huge = "Drone strike on Kharkiv " * 40, "Drone strike on Kharkiv " * 400_000
    matcher.match(small, "")  # the gazetteer is loaded on the first call
    assert calls(matcher.match, huge, "") <= 2 * calls(matcher.match, small, ""), "the work counted in calls"
    assert matcher.match(huge, "").regions == {"UA-63"}


# --- 11. a webhook that redirects --------------------------------------------------------------------------
class _Redirect(http.server.BaseHTTPRequestHandler):
    seen: list = []

    def do_POST(self):  # noqa: N802
        self.seen.append((self.path, self.headers.get("Authorization")))
        self.send_response(302)
        self.send_header("Location", f"http://localhost:{self.server.server_port}/elsewhere")
        self.end_headers()

    def do_GET(self):  # noqa: N802
        self.seen.append((self.path, self.headers.get("Authorization")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_webhook_that_redirects_is_a_failed_delivery_and_gets_no_credentials(tmp_path):
    from kyivind.monitoring.checks import WebhookAlert

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Redirect.seen = []
    try:
        crawler = crawler_of(tmp_path)
        alert = WebhookAlert(crawler, f"http://user:s3cret@127.0.0.1:{server.server_port}/hook")
        with pytest.raises(Exception) as raised:
            alert.run_action()
    finally:
        server.shutdown()
    assert "redirects (302)" in str(raised.value)
    assert [path for path, _ in _Redirect.seen] == ["/hook"], "the redirect was not followed"


# --- 12. a token in base_url ----------------------------------------------------------------------------------
def test_a_token_in_the_place_of_a_user_is_redacted():
    assert redacted("http://ghp_TOKEN123@mirror.example/") == "http://***@mirror.example/"
    assert redacted("https://user:pass@mirror.example/a") == "https://***@mirror.example/a"


def test_a_base_url_with_a_token_never_shows_it(tmp_path):
    from tests.conftest import run_crawl

    result = run_crawl("http://ghp_TOKEN123@127.0.0.1:9", tmp_path, output=False)
    assert result.returncode == 2, "refused before the run, as every bad argument is"
    assert "base_url must not carry credentials" in result.log and "ghp_TOKEN123" not in result.log
    assert not (tmp_path / "data").exists(), "nothing written that could hold it"


# --- 13. symbolic links in the data directory -----------------------------------------------------------------
def test_a_lock_linked_to_another_file_leaves_it_whole(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n")
    (data / ".lock").symlink_to(victim)
    (data / "feeds").mkdir()
    done = kyivind("db", str(data))
    assert done.returncode == 1 and "is a symbolic link" in done.stderr
    assert victim.read_text() == "keep me\n"


def test_a_database_linked_to_another_sqlite_file_is_not_written(tmp_path):
    import sqlite3

    data = tmp_path / "data"
    (data / "feeds").mkdir(parents=True)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table mine (x)").connection.commit()
    (data / "kyivind.db").symlink_to(other)
    done = kyivind("db", str(data))
    assert done.returncode == 1 and "kyivind.db is a symbolic link" in done.stderr
    tables = [r[0] for r in sqlite3.connect(other).execute("select name from sqlite_master")]
    assert tables == ["mine"]


def test_a_crawl_refuses_a_state_linked_elsewhere(tmp_path):
    from tests.conftest import run_crawl

    data = tmp_path / "data"
    data.mkdir()
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"")
    (data / "state.sqlite").symlink_to(other)
    result = run_crawl("http://127.0.0.1:9", tmp_path, output=False)
    assert result.returncode == 1 and "Run refused" in result.log and "is a symbolic link" in result.log
    assert other.read_bytes() == b""
    assert os.path.islink(data / "state.sqlite")
    assert not Path(data / "feeds").exists(), "the run touched nothing"


# --- 1.-3. WARC files made elsewhere ---------------------------------------------------------------------------
def reextract_warc(tmp_path, warc: Path):
    done = kyivind("reextract", str(tmp_path / "data"), "--warc", str(warc))
    feeds = list((tmp_path / "data" / "feeds").glob("reextract-*.jsonl"))
    items = [json.loads(line) for path in feeds for line in path.read_text().splitlines() if line.strip()]
    errors = [line for line in done.stderr.splitlines() if "] ERROR: " in line]
    return done, items, errors


def slugs() -> list[str]:
    from tests.replica.content import posts

    return [p["slug"] for p in posts()][:4]


@pytest.mark.parametrize("make, reason", [
    (lambda path: warcs.with_header_lines(path, slugs(), 500_000), "a header block of more than 10000 lines"),
    (lambda path: warcs.with_header_lines(path, slugs(), 500_000, http=True), "a header block of more than 10000"),
    (lambda path: warcs.with_continuation_lines(path, slugs(), 520_000), "a header continued over more than 100"),
])
def test_header_blocks_without_end_are_one_garbled_record(tmp_path, make, reason):
    import resource

    warc = tmp_path / "bomb.warc.gz"
    offset = make(warc)
    done, items, errors = reextract_warc(tmp_path, warc)
    assert done.returncode == 1, done.stderr[-2000:]
    assert len(items) == len(slugs()), "every other record is read"
    [error] = [e for e in errors if "[kyivind.archive.index] ERROR: unreadable WARC record" in e]
    assert f"{warc} at offset {offset}: HeaderBomb: {reason}" in error, "the reading stopped at the bound"
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1_000_000, "KiB: under 1 GB"


def test_a_brotli_capture_is_decoded_and_read_with_the_others(tmp_path):
    warc = tmp_path / "br.warc.gz"
    victim = slugs()[-1]
    warcs.with_brotli_capture(warc, slugs()[:-1], victim)
    done, items, errors = reextract_warc(tmp_path, warc)
    assert done.returncode == 0 and errors == [], done.stderr[-2000:]
    assert {i["slug"] for i in items} == set(slugs())


def test_a_brotli_payload_that_cannot_be_decoded_loses_that_record_alone(tmp_path):
    import brotli

    from tests.hostile.warcs import SITE, WARCWriter, good_captures, response

    warc = tmp_path / "bad-br.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        good_captures(writer, slugs()[:3])
        response(writer, f"{SITE}/{slugs()[3]}/", brotli.compress(b"<html>" * 100)[:-8] + b"garbage!",
                 [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "br")])
    done, items, errors = reextract_warc(tmp_path, warc)
    assert {i["slug"] for i in items} == set(slugs()[:3])
    assert any("unreadable WARC record" in e and "brotli" in e for e in errors), errors


def test_a_brotli_bomb_stops_at_the_limit():
    import brotli

    from kyivind.archive.reader import Oversized, read_payload

    class Record:
        http_headers = type("H", (), {"get_header": staticmethod(
            lambda name: {"Content-Encoding": "br"}.get(name))})()

        def __init__(self, data):
            import io

            self.raw_stream = io.BytesIO(data)

    bomb = brotli.compress(b"\0" * (64 << 20))
    with pytest.raises(Oversized):
        read_payload(Record(bomb), 1 << 20)
    assert read_payload(Record(brotli.compress(b"hello")), 100) == b"hello"


# --- 8.-9. Datasette -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """``kyivind serve`` of a data directory with one edited article."""
    from tests.conftest import edited_article, serving

    data = tmp_path_factory.mktemp("served") / "data"
    edited_article(data)
    with serving(data) as url:
        yield url


def get(url: str, host: str | None = None):
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


INJECTED = "/kyivind?sql=select+%27%3Cimg+src%3Dx+onerror%3Dalert(1)%3E%27+as+diff_html"


def test_diff_html_is_html_in_the_changes_table_only(served):
    _, _, changes = get(f"{served}/kyivind/changes")
    _, _, edited = get(f"{served}/kyivind/recently_edited")
    _, _, injected = get(served + INJECTED)
    assert "<del>Two</del><ins>Five</ins>" in changes and "<ins>Five</ins>" in edited
    assert "<img src=x" not in injected and "&lt;img src=x onerror=alert(1)&gt;" in injected


def test_every_page_forbids_frames_and_inline_script(served):
    import re

    for path in ("/", "/kyivind", "/kyivind/changes", INJECTED, "/kyivind/articles.json"):
        status, headers, body = get(served + path)
        assert headers.get("X-Frame-Options") == "DENY", path
        policy = headers.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src", 1)[1] \
            .split(";", 1)[0], policy
        nonce = re.search(r"'nonce-([\w-]+)'", policy)
        if "<script" in body:
            assert nonce and all(f'nonce="{nonce.group(1)}"' in tag for tag in re.findall(r"<script[^>]*>", body))


def test_an_injected_script_does_not_run_in_chromium(served):
    from tests.conftest import chromium

    with chromium() as browser:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(served + INJECTED.replace("img+src%3Dx+onerror%3Dalert(1)", "script%3Ealert(2)%3C%2Fscript"))
        page.goto(served + INJECTED)
        page.wait_for_timeout(500)
        page.goto(f"{served}/kyivind")
        page.wait_for_selector(".CodeMirror, .cm-editor", timeout=20000)  # Datasette's own scripts still run
    assert dialogs == []


def test_only_the_names_served_are_answered(served):
    port = served.rsplit(":", 1)[1]
    assert get(f"{served}/kyivind", host=f"rebound.example:{port}")[0] == 400
    assert get(f"{served}/kyivind", host=f"localhost:{port}")[0] == 200


def test_a_query_that_asks_for_a_gigabyte_fails_at_once(served):
    status, _, body = get(f"{served}/kyivind.json?sql=select+length(randomblob(1000000000))")
    assert status >= 400 and "too long" not in body, "stopped by the cap on the heap, not by the time limit"
    assert get(f"{served}/kyivind.json?sql=select+length(randomblob(1000000))")[0] == 200


# --- 10. a read-only or full data directory ------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 400 KiB file system (tmpfs) at tmp_path/disk; skipped where this process may not mount one."""
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(disk: Path, leave_kib: int) -> None:
    import shutil

    free = shutil.disk_usage(disk).free // 1024
    (disk / "filler").write_bytes(b"\0" * max(0, (free - leave_kib)) * 1024)


def failed_run_alerted(tmp_path, data: Path, webhook, env: dict | None = None):
    from tests.replica.server import ReplicaServer, ReplicaSite

    received, url = webhook
    import subprocess
    import sys

    from tests.conftest import ROOT

    with ReplicaServer(ReplicaSite("next")) as server:
        done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                               "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0"], cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": str(data),
                                   "KYIVIND_ALERT_WEBHOOK": url, **(env or {})},
                              capture_output=True, text=True, timeout=180)
    log = done.stderr + done.stdout
    errors = [line for line in log.splitlines() if "] ERROR: " in line]
    assert done.returncode == 1 and "Traceback" not in log, log[-3000:]
    assert len(errors) == 1, "\n".join(errors)
    assert received and received[-1]["ok"] is False, "the alert went out: it needs no disk"
    return errors[0], received[-1]


def test_a_read_only_data_directory_fails_like_any_run(small_disk, tmp_path, webhook):
    import subprocess

    data = small_disk / "data"
    (data / "feeds").mkdir(parents=True)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    error, alert = failed_run_alerted(tmp_path, data, webhook)
    assert f"the data directory {data} cannot be written: Read-only file system" in error
    assert "Read-only file system" in alert["text"]
    status = kyivind("status", str(data))
    assert status.returncode == 1 and "cannot take the next run: Read-only file system" in status.stdout


@pytest.mark.parametrize("leave_kib, env, cause", [
    (0, {}, "cannot be written: No space left on device"),  # not even the lock file
    (60, {}, "KiB free on its disk, under KYIVIND_MIN_FREE_MB=50"),
    (150, {"KYIVIND_MIN_FREE_MB": "0"}, "could not be written, the run stops"),  # the disk fills during the run
])
def test_a_full_disk_fails_the_run_alerts_and_is_not_ok(small_disk, tmp_path, webhook, leave_kib, env, cause):
    data = small_disk / "data"
    data.mkdir()
    fill(small_disk, leave_kib)
    error, alert = failed_run_alerted(tmp_path, data, webhook, env)
    assert cause in error
    status = kyivind("status", str(data))
    assert status.returncode == 1 and "status: failed" in status.stdout, status.stdout
    for summary in (data / "feeds").glob("*.summary.json") if (data / "feeds").exists() else []:
        json.loads(summary.read_text())  # none half written


def test_serving_on_every_interface_answers_this_machines_names(monkeypatch):
    import importlib.util
    import socket

    from kyivind.outputs.datasette import PLUGINS

    spec = importlib.util.spec_from_file_location("kyivind_guard", PLUGINS / "kyivind_guard.py")
    guard = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guard)
    monkeypatch.setenv("KYIVIND_SERVE_HOST", "0.0.0.0")
    monkeypatch.setenv("KYIVIND_DATASETTE_HOSTS", "news.example.org")
    names = guard.hosts()
    assert {socket.gethostname().lower(), "news.example.org", "127.0.0.1"} <= names
    assert "rebound.example" not in names


@pytest.mark.crawl
def test_a_sitemap_index_of_fifty_thousand_children_floods_nothing(tmp_path):
    from tests.test_hostile_crawl import incremental_pair

    site, result = incremental_pair("sitemap-wide", tmp_path)
    assert result.returncode == 1
    warnings = [line for line in result.log.splitlines() if "] WARNING: Bound reached (sitemap_files)" in line]
    errors = [line for line in result.log.splitlines() if "] ERROR: " in line]
    assert len(warnings) == 1 and len(errors) == 1, (len(warnings), len(errors))
    assert result.stats["kyivind/bound/sitemap_files"] > 49_000
    summary = sorted((tmp_path / "data" / "feeds").glob("*.summary.json"))[-1]
    assert summary.stat().st_size < 20_000 and json.loads(summary.read_text())["bounds"]["sitemap_files"] > 49_000
    status = kyivind("status", str(tmp_path / "data"))
    assert len(status.stdout.splitlines()) < 30
