"""The WARC archive of every run, and ``kyivind reextract`` from it (and from other archivers' WARC files)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kyivind.archive.index import ArchiveIndex
from kyivind.archive.reader import iter_records
from kyivind.crawl.urls import DEFAULT_SITE_URL, SiteUrls
from tests.conftest import ROOT, RUN_SPECIFIC, held_lock, run_crawl
from tests.replica.content import SITE, expected_item, posts
from tests.replica.server import ReplicaServer, ReplicaSite


def comparable(items) -> dict:
    return {i["url"]: {k: v for k, v in i.items() if k not in RUN_SPECIFIC} for i in items}


def feed_items(data_dir: Path, prefix: str) -> list[dict]:
    return [json.loads(line) for path in sorted((data_dir / "feeds").glob(f"{prefix}-*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def reextract(data_dir: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "kyivind.cli", "reextract", str(data_dir), *args], cwd=ROOT,
                          env=full_env, capture_output=True, text=True, timeout=180)


def records(path: Path) -> list:
    with open(path, "rb") as fh:
        return [(r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read()) for r in ArchiveIterator(fh)]


def archive_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "archive").glob("*.warc.gz"))


def test_the_archive_holds_every_answer_and_names_each_items_capture(tmp_path):
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    [warc] = archive_files(result.data_dir)
    found = records(warc)
    kind, info, _, payload = found[0]
    assert kind == "warcinfo" and b"software: kyivind/" in payload and warc.stem.removesuffix(".warc").encode() in payload
    responses = {h.get_header("WARC-Record-ID"): (h, http, body) for t, h, http, body in found if t == "response"}
    requests = [h for t, h, _, _ in found if t == "request"]
    assert len(requests) == len(responses) and {h.get_header("WARC-Concurrent-To") for h in requests} == set(responses)
    targets = {h.get_header("WARC-Target-URI") for h, _, _ in responses.values()}
    assert f"{server.url}/tag/news-feed/" in targets and f"{server.url}/sitemap-posts.xml" not in targets  # first run
    assert all(t.startswith(server.url) for t in targets), "the URL actually fetched"
    assert result.items, "items"
    for item in result.items:
        header, http, body = responses[item["capture"]["record_id"]]
        assert item["capture"]["warc"] == warc.name
        assert header.get_header("Kyivind-Public-URI") == item["url"]
        assert http.get_statuscode() == "200" and item["title"].encode() in body.replace(b"&#x27;", b"'")
    summary = json.loads(next((result.data_dir / "feeds").glob("*.summary.json")).read_text())
    assert summary["archive"]["bytes"] == warc.stat().st_size and summary["archive"]["file"] == warc.name


def test_the_archive_can_be_switched_off(tmp_path):
    with ReplicaServer(ReplicaSite("next")) as server:
        result = run_crawl(server.url, tmp_path, env={"KYIVIND_ARCHIVE": "0"})
    assert result.returncode == 0, result.log[-3000:]
    assert not (result.data_dir / "archive").exists()
    assert result.items and all(i["capture"] is None for i in result.items)


def test_an_archive_that_cannot_be_written_fails_the_run_but_keeps_the_items(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "archive").write_text("a file where the archive folder should be")
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.returncode == 1
    assert "Run check failed" in result.log and "could not be written" in result.log
    assert result.stats.get("kyivind/archive/write_failed") == 1 and len(result.items) == len(posts())


def test_the_archive_of_a_killed_run_reads_up_to_its_last_whole_record(tmp_path):
    data_dir = tmp_path / "data"
    with ReplicaServer(ReplicaSite("ghost"), latency=0.05) as server:
        command = [sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                   "-a", "source=html", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0"]
        proc = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "KYIVIND_DATA_DIR": str(data_dir),
                                                        "PYTHONPATH": str(ROOT)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            files = archive_files(data_dir) if (data_dir / "archive").exists() else []
            if files and files[0].stat().st_size > 20_000:
                break
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    [warc] = archive_files(data_dir)
    found = records(warc)  # warcio reads it to its end without an error
    assert found[0][0] == "warcinfo" and len(found) > 3
    assert not [g for g in iter_records(warc, lambda offset, record: None)]


@pytest.mark.parametrize("theme, source", [("ghost", "html"), ("bare", "html"), ("next", "api")])
def test_reextract_from_the_archive_alone_gives_the_same_feed(tmp_path, theme, source):
    with ReplicaServer(ReplicaSite(theme)) as server:
        result = run_crawl(server.url, tmp_path, source=source)
    assert result.returncode == 0, result.log[-3000:]
    data_dir = result.data_dir
    for path in [*data_dir.glob("state*"), *data_dir.glob("failed*"), *(data_dir / "feeds").iterdir()]:
        path.unlink()
    # the replica is stopped: a single request would fail
    done = reextract(data_dir, "--base-url", server.url)
    assert done.returncode == 0, done.stderr[-3000:]
    again = feed_items(data_dir, "reextract")
    assert comparable(again) == comparable(result.items) and len(again) == len(posts())
    assert {i["url"]: i["capture"] for i in again} == {i["url"]: i["capture"] for i in result.items}
    assert "downloader/request_count" not in done.stderr or "'downloader/request_count': 0" in done.stderr \
        or "Not in the archive" in done.stderr
    # and once more: nothing changed, nothing new
    assert reextract(data_dir, "--base-url", server.url).returncode == 0
    assert len(feed_items(data_dir, "reextract")) == len(again)


@pytest.mark.parametrize("bug, affected", [
    ("links", lambda item: bool(item["links"])),
    ("tags", lambda item: len(item["tags"]) > 1),
])
def test_an_extraction_fix_reemits_exactly_the_affected_articles_as_version_2(tmp_path, bug, affected):
    """The first crawl runs with an extraction bug; reextract, with the fixed extraction, corrects the
    articles the bug touched, and only those."""
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path, env={"KYIVIND_TEST_BUG": bug,
                                                      "PYTHONPATH": f"{ROOT / 'tests' / 'extraction_bug'}:{ROOT}"})
    assert result.returncode == 0, result.log[-3000:]
    done = reextract(result.data_dir, "--base-url", server.url)
    assert done.returncode == 0, done.stderr[-3000:]
    fixed = feed_items(result.data_dir, "reextract")
    expected = [expected_item(p, "ghost") for p in posts()]
    touched = {e["url"] for e in expected if affected(e)}
    assert touched and {i["url"] for i in fixed} == touched
    assert all(i["version"] == 2 for i in fixed)
    by_url = {e["url"]: {**e, "version": 2} for e in expected}
    assert comparable(fixed) == {url: by_url[url] for url in touched}


def _warc_response(writer, url: str, body: bytes, content_type: str, date: str):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body), http_headers=headers)
    record.rec_headers.replace_header("WARC-Date", date)
    writer.write_record(record)


def test_a_capture_made_by_another_archiver_of_the_live_site_gives_correct_items(tmp_path):
    """A WARC with target URIs on the live host, pages in two themes, one under an old /national/ address;
    with another capture of one article, older, which must not win."""
    chosen = posts()[:4]
    ghost, bare = ReplicaSite("ghost"), ReplicaSite("bare")
    path = tmp_path / "wayback.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        old = chosen[0]
        stale = ghost.article(old["slug"]).replace(old["title"], "An early headline")
        _warc_response(writer, f"{SITE}/{old['slug']}/", stale.encode(), "text/html; charset=utf-8", "2025-01-01T00:00:00Z")
        for n, post in enumerate(chosen):
            site, address = (bare, f"{SITE}/{post['slug']}/") if n % 2 else (ghost, f"{SITE}/national/{post['slug']}/")
            _warc_response(writer, address, site.article(post["slug"]).encode(), "text/html; charset=utf-8",
                           f"2025-12-0{n + 1}T10:00:00Z")
            _warc_response(writer, f"{SITE}/sitemap-posts.xml", site.sitemap_posts().encode(), "text/xml",
                           "2025-12-01T09:00:00Z")
            for author in post["authors"]:
                _, _, page = site.respond(f"/author/{author}/")
                _warc_response(writer, f"{SITE}/author/{author}/", page.encode() if isinstance(page, str) else page,
                               "text/html; charset=utf-8", "2025-12-01T09:00:00Z")
    data_dir = tmp_path / "data"
    done = reextract(data_dir, "--warc", str(path))
    assert done.returncode == 0, done.stderr[-3000:]
    items = feed_items(data_dir, "reextract")
    expected = {f"{SITE}/{p['slug']}/": expected_item(p, "bare" if n % 2 else "ghost") for n, p in enumerate(chosen)}
    assert comparable(items) == expected
    assert all(i["capture"]["warc"] == path.name for i in items)
    # the old capture sits under another address: read, then dropped as a duplicate of the newer one
    assert "'kyivind/dedup/duplicate': 1" in done.stderr


def _corrupt_response_of(warc: Path, slug: str, out: Path) -> int:
    data = bytearray(warc.read_bytes())
    with open(warc, "rb") as fh:
        iterator = ArchiveIterator(fh)
        for record in iterator:
            if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI").endswith(f"/{slug}/"):
                offset = iterator.offset
                iterator.read_to_end()
                length = iterator.get_record_length()
                break
    middle = offset + length // 2
    data[middle:middle + 64] = b"\x00" * 64
    out.write_bytes(bytes(data))
    return offset


def test_a_garbled_record_is_reported_with_file_and_offset_and_the_rest_is_read(tmp_path):
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    [warc] = archive_files(result.data_dir)
    victim = posts()[2]["slug"]
    offset = _corrupt_response_of(warc, victim, warc)
    for path in [*result.data_dir.glob("state*"), *(result.data_dir / "feeds").iterdir()]:
        path.unlink()
    done = reextract(result.data_dir, "--base-url", server.url)
    assert f"unreadable WARC record in {warc} at offset {offset}" in done.stderr
    assert "'kyivind/replay/garbled': 1" in done.stderr
    items = feed_items(result.data_dir, "reextract")
    assert {i["slug"] for i in items} == {p["slug"] for p in posts()} - {victim}


def test_a_truncated_file_reads_up_to_its_last_whole_record(tmp_path):
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path)
    [warc] = archive_files(result.data_dir)
    with open(warc, "rb") as fh:  # where the last response record starts and ends
        iterator = ArchiveIterator(fh)
        for record in iterator:
            if record.rec_type == "response":
                start = iterator.offset
                iterator.read_to_end()
                end = start + iterator.get_record_length()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc.read_bytes()[:(start + end) // 2])
    index = ArchiveIndex([cut], SiteUrls(DEFAULT_SITE_URL, server.url)).build()
    whole = ArchiveIndex([warc], SiteUrls(DEFAULT_SITE_URL, server.url)).build()
    assert [str(g) for g in index.garbled] == [f"unreadable WARC record in {cut} at offset {start}: EOFError: "
                                               "the record's gzip member is cut short (a truncated file)"]
    assert index.records == whole.records - 2, "all but the cut response and the request after it"


def test_reextract_names_a_missing_warc_and_refuses_a_locked_data_dir(tmp_path):
    done = reextract(tmp_path / "data", "--warc", str(tmp_path / "nowhere.warc.gz"))
    assert done.returncode == 2 and "no WARC file or folder at" in done.stderr
    (tmp_path / "data" / "archive").mkdir(parents=True)  # a data directory a run archived into
    with held_lock(tmp_path / "data") as holder:
        done = reextract(tmp_path / "data")
        assert done.returncode == 1 and f"in use by another kyivind run (pid {holder.pid})" in done.stderr
