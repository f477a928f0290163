"""Freed blocks of a page's size stay with the process (glibc): they are not faulted in anew for every page."""

import subprocess
import sys

from tests.conftest import ROOT

FAULTS = """
import resource, sys
from kyivind.crawl.memory import keep_freed_blocks
kept = keep_freed_blocks() if sys.argv[1] == "kept" else None
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for n in range(200):  # a page's bytes, its text and its parse: a few blocks of 512 KiB, touched, then all freed
    blocks = [bytearray(512 * 1024) for _ in range(4)]
    for block in blocks:
        block[::4096] = b"x" * len(block[::4096])
    del blocks, block
print(kept, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def page_faults(mode: str) -> tuple[str, int]:
    done = subprocess.run([sys.executable, "-c", FAULTS, mode], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    kept, faults = done.stdout.split()
    return kept, int(faults)


def test_blocks_of_a_page_are_kept_once_freed():
    kept, faults = page_faults("kept")
    assert kept == "True"
    assert faults < 5000, "the blocks (128 pages each) faulted in again for every page"
    _, unkept = page_faults("default")
    assert unkept > 200 * 128, "glibc by default hands such blocks back (the test shows the difference)"


def test_start_up_objects_are_set_aside_and_the_thresholds_kept():
    code = ("import gc\nfrom kyivind.crawl.memory import fewer_collections\nbefore = gc.get_threshold()\n"
            "fewer_collections()\nprint(gc.get_threshold() == before, gc.get_freeze_count() > 1000)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
