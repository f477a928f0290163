"""Bounded memory and enforced provenance in ``kyivind reextract``: WARC files written by the tests
(tests/hostile/warcs.py) with a gzip bomb in a payload or in a record, a header line of megabytes, a length
that lies, and captures of another host that claim to be the site's. Each bad record is one ERROR line naming
its file and offset (or, for another host, one WARNING for all of them); every other record is still read."""

from __future__ import annotations

import pytest

from tests.hostile import warcs
from tests.replica.content import SITE, posts
from tests.test_archive import feed_items, reextract

pytestmark = pytest.mark.crawl
SLUGS = [p["slug"] for p in posts()][:4]
BOMB = 64 << 20  # what each bomb decodes to: four times DOWNLOAD_MAXSIZE (16 MiB), from some 64 KB of gzip


def good_items(data_dir) -> set[str]:
    return {i["url"] for i in feed_items(data_dir, "reextract")}


def run(tmp_path, warc, *settings):
    data_dir = tmp_path / "data"
    return data_dir, reextract(data_dir, "--warc", str(warc), *settings)


def test_a_payload_that_decodes_to_gigabytes_is_skipped_with_its_file_and_offset(tmp_path):
    warc = tmp_path / "payload-bomb.warc.gz"
    victim = warcs.with_payload_bomb(warc, SLUGS, BOMB)
    data_dir, done = run(tmp_path, warc)
    assert f"unreadable WARC record in {warc} at offset " in done.stderr
    assert "its payload decodes to more than 16777216 bytes (DOWNLOAD_MAXSIZE)" in done.stderr
    assert "'kyivind/replay/oversized': 1" in done.stderr
    assert good_items(data_dir) == {f"{SITE}/{slug}/" for slug in SLUGS} and victim not in good_items(data_dir)
    assert done.returncode == 1, "an unreadable record fails the run, as a garbled one does"


@pytest.mark.parametrize("write, reason", [
    (lambda path: warcs.with_record_bomb(path, SLUGS, BOMB), "Oversized: the record declares 67108864 bytes"),
    (lambda path: warcs.with_header_bomb(path, SLUGS, BOMB), "HeaderBomb: a header line longer than 65536 bytes"),
])
def test_a_record_that_decodes_to_gigabytes_is_skipped_with_its_file_and_offset(write, reason, tmp_path):
    warc = tmp_path / "record-bomb.warc.gz"
    offset = write(warc)
    data_dir, done = run(tmp_path, warc)
    assert f"unreadable WARC record in {warc} at offset {offset}: {reason}" in done.stderr
    assert "'kyivind/replay/garbled': 1" in done.stderr
    assert good_items(data_dir) == {f"{SITE}/{slug}/" for slug in SLUGS}


def test_a_length_that_runs_past_the_file_swallows_no_record(tmp_path):
    warc = tmp_path / "liar.warc"
    offset = warcs.with_lying_length(warc, SLUGS)
    data_dir, done = run(tmp_path, warc)
    assert (f"unreadable WARC record in {warc} at offset {offset}: EOFError: the record's Content-Length runs past "
            "the end of its file or gzip member") in done.stderr
    assert good_items(data_dir) == {f"{SITE}/{slug}/" for slug in SLUGS}, "the records after the lie are read"


def test_a_capture_of_another_host_never_becomes_an_article(tmp_path):
    warc = tmp_path / "forged.warc.gz"
    warcs.with_forged_capture(warc, SLUGS, SLUGS[1], "A planted headline")
    data_dir, done = run(tmp_path, warc)
    assert done.returncode == 0, done.stderr[-3000:]
    items = feed_items(data_dir, "reextract")
    assert {i["url"] for i in items} == {f"{SITE}/{slug}/" for slug in SLUGS}
    assert not [i for i in items if "planted" in i["title"].lower()], "the forged capture was used"
    assert "2 archived answers of other hosts than the site's were passed over: elsewhere.example (2)" in done.stderr
    assert done.stderr.count("archived answers of other hosts") == 1, "one WARNING for all of them"
    assert "'kyivind/replay/off_site': 2" in done.stderr
