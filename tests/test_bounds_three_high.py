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
