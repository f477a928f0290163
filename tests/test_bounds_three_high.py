"""Bounded by design, round three (the high ones): an archive's date, Datasette's memory, a WARC that made the
reader go back for ever, a number too large for SQLite, and the scripts a CSP nonce is given to."""

from __future__ import annotations

import itertools
import json
import os
import signal
from pathlib import Path

import pytest

from kyivind import statkeys as keys
from tests.conftest import edited_article, kyivind
from tests.hostile import warcs


def slugs() -> list[str]:
    from tests.replica.content import posts

    return [p["slug"] for p in posts()][:3]


# --- 3. a WARC whose gzip member holds two records and trailing bytes --------------------------------------------
def test_a_member_of_two_records_is_one_garbled_record_and_reading_goes_forward(tmp_path):
    from kyivind.archive.reader import iter_records

    warc = tmp_path / "shared.warc.gz"
    shared = warcs.with_shared_member(warc, slugs())
    handled: list[int] = []
    garbled = list(itertools.islice(iter_records(warc, lambda offset, record: handled.append(offset)), 50))
    assert [g.offset for g in garbled] == [shared], garbled[:3]
    assert handled == sorted(set(handled)) and len(handled) == 2 + len(slugs()), "each record met once, in order"


def test_kyivind_reextract_reads_past_a_member_of_two_records(tmp_path):
    warc = tmp_path / "shared.warc.gz"
    shared = warcs.with_shared_member(warc, slugs())
    done = kyivind("reextract", str(tmp_path / "data"), "--warc", str(warc))  # today's code never ends: timeout
    errors = [line for line in done.stderr.splitlines() if "] ERROR: unreadable WARC record" in line]
    assert len(errors) == 1 and f"at offset {shared}:" in errors[0], done.stderr[-3000:]
    items = [json.loads(line) for path in (tmp_path / "data" / "feeds").glob("reextract-*.jsonl")
             for line in path.read_text().splitlines() if line.strip()]
    assert {i["slug"] for i in items} == set(slugs())


def test_a_file_of_unreadable_records_is_given_up_after_a_bound(tmp_path):
    from kyivind.archive.reader import MAX_GARBLED, iter_records

    warc = tmp_path / "garbage.warc.gz"
    warc.write_bytes(warcs._member(b"WARC/1.1\r\nWARC-Type: response\r\n\r\n") * (MAX_GARBLED + 200))
    garbled = list(itertools.islice(iter_records(warc, lambda offset, record: None), MAX_GARBLED + 100))
    assert len(garbled) == MAX_GARBLED + 1
    assert "the rest of the file is not read" in garbled[-1].reason
    assert len({g.offset for g in garbled[:-1]}) == MAX_GARBLED, "each fault further on"


def test_a_sigterm_while_the_archive_is_read_stops_reading_and_reaches_scrapy(tmp_path):
    from kyivind.archive.index import ArchiveIndex
    from kyivind.archive.replay import stop_signals
    from kyivind.crawl.urls import SiteUrls
    from tests.replica.content import SITE

    for n in range(3):
        with open(tmp_path / f"{n}.warc.gz", "wb") as fh:
            warcs.good_captures(warcs.WARCWriter(fh, gzip=True), slugs())
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        with stop_signals() as stopping:
            reads = itertools.count()

            def stop_at_the_second_record():
                if next(reads) == 2:
                    os.kill(os.getpid(), signal.SIGTERM)
                return stopping()

            index = ArchiveIndex([tmp_path], SiteUrls(SITE)).build(stop_at_the_second_record)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert index.stopped and received == [signal.SIGTERM], "Scrapy's own handler still told"
    assert 0 < index.records < 3 * len(slugs())


# --- 4. a number too large for any figure (and for SQLite) -------------------------------------------------------
HUGE = ["A Russian attack on Kharkiv killed 99999999999999999999 people, the governor said.",
        "A Russian attack on Kharkiv killed 1,000,000,000,000,000,000,000,000 people, the governor said.",
        "Russia launched 99999999999999999999 drones at Ukraine overnight, the Air Force said.",
        "Strikes killed " + "9" * 5000 + " people and injured " + "9" * 5000 + " dozen in Kharkiv."]


@pytest.mark.parametrize("text", HUGE, ids=["killed-20-digits", "killed-with-commas", "drones-20-digits",
                                            "5000-digits-and-dozens"])
def test_a_number_larger_than_any_figure_is_no_figure_and_is_counted(text):
    from kyivind import figures
    from kyivind.figures.numbers import implausible

    assert figures.derive("Attack", text, "2025-12-03T10:00:00Z") == ([], [])
    assert implausible(text) >= 1
    kept = figures.derive("Attack", text + " Another strike on Odesa killed 3 people.", "2025-12-03T10:00:00Z")[0]
    assert {row["killed"] for row in kept} == {3}, "the article's other figures stay"


def test_the_largest_plausible_figure_is_still_read():
    from kyivind import figures
    from kyivind.figures.numbers import MAX_FIGURE, implausible

    text = f"A Russian attack on Kharkiv killed {MAX_FIGURE:,} people, the governor said."
    assert {row["killed"] for row in figures.derive("Attack", text, "2025-12-03T10:00:00Z")[0]} == {MAX_FIGURE}
    assert implausible(text) == 0


def test_kyivind_db_builds_with_a_huge_number_and_says_it_left_it_out(tmp_path):
    import sqlite3

    data = tmp_path / "data"
    (data / "feeds").mkdir(parents=True)
    base = {"tags": [], "authors": [], "links": [], "embeds": [], "published_at": "2025-12-03T10:00:00+00:00",
            "version": 1, "fetched_at": "2025-12-03T11:00:00+00:00", "title": "Attack on Kharkiv"}
    rows = [{**base, "url": f"https://kyivindependent.com/s{n}/", "slug": f"s{n}", "body_text": text}
            for n, text in enumerate([*HUGE, "A Russian attack on Odesa killed 3 people, the governor said."])]
    (data / "feeds" / "newsfeed-1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    done = kyivind("db", str(data))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "numbers larger than any figure (10,000,000) were read as no figure" in done.stderr
    with sqlite3.connect(data / "kyivind.db") as db:
        assert {r[0] for r in db.execute("select killed from tolls")} == {3}
        assert db.execute("select count(*) from air_attacks").fetchone()[0] == 0


def test_the_database_leaves_out_a_row_too_large_for_it():
    from kyivind.outputs.figures import AIR_COLUMNS, TOLL_COLUMNS, _plausible

    rows = [{"killed": 2**70, "version": 1}, {"killed": 5, "injured": None, "version": 1}]
    assert _plausible(rows, TOLL_COLUMNS) == rows[1:]
    assert _plausible([{"launched": 10**30, "downed": 1}], AIR_COLUMNS) == []


# --- 2. and 12. Datasette: the bytes of a result, the process's memory, the scripts given the nonce --------------
def serve(data: Path, env: dict):
    """``kyivind serve DATA`` on a free port with ``env``: (the process, which Datasette becomes; its base URL)."""
    from tests.conftest import start_serving

    return start_serving(data, env)


@pytest.fixture(scope="module")
def small_limits(tmp_path_factory):
    """``kyivind serve`` with a cell of 1 MiB, a result of 2 MiB and a process of 3000 MiB at most."""
    data = tmp_path_factory.mktemp("limits") / "data"
    edited_article(data)
    server, base = serve(data, {"KYIVIND_DATASETTE_CELL_MB": "1", "KYIVIND_DATASETTE_RESULT_MB": "2",
                                "KYIVIND_SERVE_MEMORY_MB": "3000"})
    yield server, base
    server.terminate()
    server.wait(timeout=10)


def get(url: str):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_cell_larger_than_the_bound_is_refused_before_it_is_made(small_limits):
    _, base = small_limits
    status, body = get(f"{base}/kyivind.json?sql=select+zeroblob(1200000)+as+b")
    assert status == 400 and "string or blob too big" in body
    assert get(f"{base}/kyivind.json?sql=select+zeroblob(900000)+as+b")[0] == 200


def test_a_result_larger_than_the_bound_in_all_is_refused_before_it_is_encoded(small_limits):
    _, base = small_limits
    rows = "+union+all+".join(["select+zeroblob(900000)+as+b"] * 3)
    status, body = get(f"{base}/kyivind.json?sql={rows}")
    assert status == 400 and "the result is larger than 2 MiB (KYIVIND_DATASETTE_RESULT_MB)" in body, body[:500]
    status, page = get(f"{base}/kyivind?sql={rows}")
    assert status == 400 and "KYIVIND_DATASETTE_RESULT_MB" in page
    assert get(f"{base}/kyivind.json?sql=" + "+union+all+".join(["select+zeroblob(900000)+as+b"] * 2))[0] == 200


def test_kyivind_serve_has_a_memory_limit_of_its_own(small_limits):
    server, _ = small_limits
    limits = Path(f"/proc/{server.pid}/limits").read_text()
    line = next(line for line in limits.splitlines() if line.startswith("Max address space"))
    assert line.split()[3:5] == [str(3000 << 20)] * 2, line


def test_an_unreadable_memory_limit_is_said_and_the_default_kept(monkeypatch, capsys):
    from kyivind.cli import SERVE_MEMORY_MB, serve_memory_limit

    monkeypatch.setenv("KYIVIND_SERVE_MEMORY_MB", "lots")
    assert serve_memory_limit() == SERVE_MEMORY_MB << 20
    assert "KYIVIND_SERVE_MEMORY_MB='lots' is no whole number of MiB" in capsys.readouterr().err
    monkeypatch.setenv("KYIVIND_SERVE_MEMORY_MB", "0")
    assert serve_memory_limit() is None


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """``kyivind serve`` of a database whose one diff holds a script and an image with onerror (as if the
    escaping of the words had failed): what the CSP stands behind."""
    import sqlite3

    data = tmp_path_factory.mktemp("planted") / "data"
    edited_article(data)
    assert kyivind("db", str(data)).returncode == 0
    with sqlite3.connect(data / "kyivind.db") as db:
        db.execute("update changes set diff_html = diff_html || ?",
                   ["<script>alert('planted')</script><img src=x onerror=\"alert('onerror')\">"])
    server, base = serve(data, {})
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_a_script_in_the_html_of_a_cell_gets_no_nonce(planted):
    import re

    status, page = get(f"{planted}/kyivind/changes")
    assert status == 200 and "<script>alert('planted')</script>" in page
    assert "kyivind-cell-" not in page, "the marks are taken out"
    assert all("nonce=" in tag for tag in re.findall(r"<script[^>]*>", page.replace("<script>alert('planted')", "")))


def test_a_script_in_the_html_of_a_cell_is_blocked_by_the_csp_in_chromium(planted):
    from tests.conftest import chromium

    with chromium() as browser:
        page = browser.new_page()
        dialogs, refused = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        for path in ("/kyivind/changes", "/kyivind/recently_edited"):
            page.goto(planted + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(500)
        page.goto(f"{planted}/kyivind/changes")
        own = page.evaluate("typeof DATASETTE_ALLOW_FACET")  # Datasette's own inline script ran
    assert dialogs == [], "the planted script and handler never ran"
    assert sum("inline script" in text or "inline event handler" in text for text in refused) >= 2, refused
    assert own == "boolean"


# --- 1. an archive's date ---------------------------------------------------------------------------------------
def test_capture_times_in_the_future_or_before_the_site_are_not_believed():
    from datetime import datetime, timedelta, timezone

    from kyivind.history.timeline import cdx_time, implausible_time

    now = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)
    assert implausible_time("2099-01-01T00:00:00+00:00", now).startswith("in the future")
    assert implausible_time((now + timedelta(hours=2)).isoformat(), now).startswith("in the future")
    assert implausible_time("2019-05-01T00:00:00Z", now).startswith("before the site existed")
    assert implausible_time(None, now) == "no capture time" and implausible_time("yesterday", now).startswith("no time")
    assert implausible_time((now + timedelta(minutes=20)).isoformat(), now) is None, "clocks disagree a little"
    assert implausible_time("2022-11-23T13:05:00+00:00", now) is None
    assert cdx_time("20991231000000") == "2099-12-31T00:00:00+00:00" and cdx_time("20241399000000") is None


def _history_run(tmp_path, server, archive, name: str):
    from tests.conftest import run_crawl

    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data"), "KYIVIND_CDX_URL": f"{archive.url}/web/cdx",
           "KYIVIND_WAYBACK_URL": f"{archive.url}/web"}
    return run_crawl(server.url, tmp_path / name, "-s", "KYIVIND_WAYBACK_DELAY=0", source="wayback", env=env)


def _seed_live_fetch(tmp_path, base_url: str, url: str, fetched_at: str) -> None:
    """The state of a data directory where kyivind fetched ``url`` itself at ``fetched_at``."""
    from kyivind.state.store import State
    from tests.conftest import state_suffix

    state = State(tmp_path / "data" / f"state{state_suffix(base_url)}.sqlite")
    state.record_exported({"url": url, "content_hash": "live", "version": 1, "fetched_at": fetched_at,
                           "modified_at": None})
    state.close()


def _kharkiv(timestamp: str):
    from tests.history.captures import KHARKIV, _ghost_page, posts
    from tests.history.captures import Capture as Archived
    from tests.replica.content import SITE

    return Archived(timestamp, f"{SITE}/{KHARKIV}/", _ghost_page(next(p for p in posts() if p["slug"] == KHARKIV)))


@pytest.mark.parametrize("asked, answered, skipped, unreadable", [
    ("20251119080000", "20991231000000", 0, 1),  # the archive answers with a Memento-Datetime of 2099
    ("20991231000000", "20991231000000", 1, 0),  # the CDX list says 2099
    ("20150601000000", "20150601000000", 1, 0),  # before the site existed
], ids=["memento-2099", "cdx-2099", "cdx-2015"])
def test_a_capture_dated_in_the_future_or_before_the_site_is_no_version(tmp_path, asked, answered, skipped,
                                                                         unreadable):
    from tests.history.servers import RedirectingArchive
    from tests.replica.server import ReplicaServer, ReplicaSite

    with ReplicaServer(ReplicaSite("ghost")) as server, \
            RedirectingArchive(_kharkiv(asked), "nearest", nearest=answered) as archive:
        run = _history_run(tmp_path, server, archive, "history")
    assert run.items == [], [(i["slug"], i["fetched_at"]) for i in run.items]
    assert run.stats.get("kyivind/wayback/skipped/implausible_time", 0) == skipped
    assert run.stats.get(keys.WAYBACK_IMPLAUSIBLE_TIME, 0) == unreadable
    assert ("dated in the future or before the site existed" in run.log) == bool(skipped)
    assert ("its capture time is in the future" in run.log) == bool(unreadable)


def test_an_archived_capture_never_ranks_above_kyivinds_own_fetch(tmp_path):
    from datetime import datetime, timedelta, timezone

    from tests.history.captures import KHARKIV
    from tests.history.servers import RedirectingArchive
    from tests.replica.content import SITE
    from tests.replica.server import ReplicaServer, ReplicaSite

    now = datetime.now(timezone.utc).replace(microsecond=0)
    soon = (now + timedelta(minutes=30)).strftime("%Y%m%d%H%M%S")  # plausible: within the clocks' margin
    with ReplicaServer(ReplicaSite("ghost")) as server:
        _seed_live_fetch(tmp_path, server.url, f"{SITE}/{KHARKIV}/", (now - timedelta(hours=1)).isoformat())
        with RedirectingArchive(_kharkiv(soon), "nearest", nearest=soon) as archive:
            after = _history_run(tmp_path, server, archive, "after")
        with RedirectingArchive(_kharkiv("20251119080000"), "nearest", nearest="20251119080000") as archive:
            before = _history_run(tmp_path, server, archive, "before")
    assert after.items == [] and after.stats.get(keys.WAYBACK_AFTER_LIVE) == 1, after.log[-3000:]
    assert "after kyivind's own fetch of the article" in after.log
    assert [(i["slug"], i["version"]) for i in before.items] == [(KHARKIV, 2)], "an older capture is still placed"


def test_reextract_refuses_a_warc_date_in_the_future_and_a_capture_made_elsewhere_after_its_own_fetch(tmp_path):
    from tests.replica.content import SITE
    from tests.replica.server import ReplicaSite

    first, second, third = slugs()
    site = ReplicaSite("ghost")
    _seed_live_fetch(tmp_path, SITE, f"{SITE}/{second}/", "2025-12-01T09:00:00+00:00")
    warc = tmp_path / "elsewhere.warc.gz"
    with open(warc, "wb") as fh:
        writer = warcs.WARCWriter(fh, gzip=True)
        warcs.response(writer, f"{SITE}/{first}/", site.article(first).encode(), date="2099-01-01T00:00:00Z")
        warcs.response(writer, f"{SITE}/{second}/", site.article(second).encode(), date="2025-12-01T10:00:00Z")
        warcs.response(writer, f"{SITE}/{third}/", site.article(third).encode(), date="2025-12-01T10:00:00Z")
    done = kyivind("reextract", str(tmp_path / "data"), "--warc", str(warc))
    items = [json.loads(line) for path in (tmp_path / "data" / "feeds").glob("reextract-*.jsonl")
             for line in path.read_text().splitlines() if line.strip()]
    assert [(i["slug"], i["fetched_at"]) for i in items] == [(third, "2025-12-01T10:00:00+00:00")], done.stderr[-3000:]
    assert "1 archived answers passed over for their WARC-Date: in the future (1)" in done.stderr
    assert "made elsewhere at 2025-12-01T10:00:00+00:00, after kyivind's own fetch of it" in done.stderr
