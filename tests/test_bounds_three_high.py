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
from tests.conftest import kyivind
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
