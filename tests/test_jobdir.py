"""A JOBDIR request queue damaged by a killed run is set aside, not read into a broken scheduler."""

import struct

import pytest
from queuelib.queue import LifoDiskQueue

from kyivind import statkeys as keys
from kyivind.crawl.jobdir import JobdirCheck, lifo_file_problem
from tests.conftest import project_crawler


def write_queue(path, records, close=True):
    path.parent.mkdir(parents=True, exist_ok=True)
    queue = LifoDiskQueue(path)
    for record in records:
        queue.push(record)
    if close:
        queue.close()
    else:  # as a kill -9 leaves it: records written, header never updated
        queue.f.flush()


def test_a_closed_queue_and_one_killed_between_records_are_readable(tmp_path):
    write_queue(tmp_path / "closed", [b"one", b"two"])
    write_queue(tmp_path / "killed", [b"one", b"two"], close=False)
    assert lifo_file_problem(tmp_path / "closed") is None
    assert lifo_file_problem(tmp_path / "killed") is None


@pytest.mark.parametrize("content, problem", [
    (b"", "0 bytes, no header"),
    (b"\x00\x00", "2 bytes, no header"),
    (struct.pack(">L", 2) + b"one" + struct.pack(">L", 3), "header says 2 records"),
    (struct.pack(">L", 1) + b"one" + struct.pack(">L", 300), "claims 300 bytes"),
])
def test_damaged_queue_files_are_named(tmp_path, content, problem):
    path = tmp_path / "q"
    path.write_bytes(content)
    assert problem in lifo_file_problem(path)


def jobdir_crawler(tmp_path):
    return project_crawler({"KYIVIND_DATA_DIR": str(tmp_path / "data"), "JOBDIR": str(tmp_path / "job")})


def test_a_damaged_queue_is_set_aside_with_a_warning_and_a_stat(tmp_path, caplog):
    queue_dir = tmp_path / "job" / "requests.queue"
    write_queue(queue_dir / "127.0.0.1-abc" / "-10", [b"fine"])
    (queue_dir / "127.0.0.1-abc" / "0").write_bytes(b"")  # opened, killed before its header was written
    (queue_dir / "active.json").write_text("{}")
    crawler = jobdir_crawler(tmp_path)  # the check runs when the extensions are built, before the scheduler
    assert not queue_dir.exists()
    aside = list((tmp_path / "job").glob("requests.queue.damaged-*"))
    assert len(aside) == 1 and (aside[0] / "127.0.0.1-abc" / "-10").exists()
    assert crawler.stats.get_value(keys.JOBDIR_DAMAGED) == 1
    assert any("JOBDIR request queue is damaged (127.0.0.1-abc/0: 0 bytes, no header)" in r.message
               for r in caplog.records)


def test_a_sound_queue_is_left_for_scrapy(tmp_path):
    queue_dir = tmp_path / "job" / "requests.queue"
    write_queue(queue_dir / "127.0.0.1-abc" / "0", [b"one", b"two"])
    (queue_dir / "active.json").write_text('{"127.0.0.1-abc": [0]}')
    crawler = jobdir_crawler(tmp_path)
    assert (queue_dir / "127.0.0.1-abc" / "0").exists()
    assert crawler.stats.get_value(keys.JOBDIR_DAMAGED) is None
    assert crawler.get_extension(JobdirCheck) is not None


def test_garbled_active_json_is_damage_too(tmp_path):
    queue_dir = tmp_path / "job" / "requests.queue"
    queue_dir.mkdir(parents=True)
    (queue_dir / "active.json").write_text('{"127.0.0.1-abc": [0')
    jobdir_crawler(tmp_path)
    assert not queue_dir.exists()
