"""Full-crawl throughput: ``scrapy crawl newsfeed`` vs a bare spider that fetches the same URLs.

    python -m bench.bench_crawl [--posts 240]

Both run in subprocesses against one replica server (theme ghost) with the same settings
(no AutoThrottle, no delay, same concurrency). The bare spider gets the exact list of URLs the
real crawl requested and parses each page once (bench/bare_spider.py). Throughput is responses per
second of each crawl's own elapsed time. Goals: kyivind at least 0.85x the bare spider's throughput
with ``--latency-ms 50`` (the default: the replica answers after a delay, as a real site across a
network does), and at least 0.6x with ``--latency-ms 0`` (pure CPU cost on loopback, where any
per-page work shows in full).

Also reported: CPU milliseconds per article of each crawl process (user + system, from ``wait4``),
peak RSS of each, and (``--tuned-bare``) the ratio against a bare spider given the project's own
``CONCURRENT_ITEMS``, which takes away the per-response task cost that the project saves.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.replica.content import many_posts
from tests.replica.server import ReplicaServer, ReplicaSite

ROOT = Path(__file__).resolve().parent.parent
# every round crawls everything: the HTML walk, no incremental state carried between rounds
COMMON = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "KYIVIND_STATE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING",
          "-s", "CONCURRENT_REQUESTS=8", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "ROBOTSTXT_OBEY=1"]


def run(command: list[str], env: dict) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one crawl process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(err.read().decode(errors="replace")[-2000:])
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=240)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page-size", type=int, default=20, help="cards per listing page")
    parser.add_argument("--latency-ms", type=float, default=50.0,
                        help="delay before each answer, standing for the network round trip (0: pure CPU)")
    parser.add_argument("--tuned-bare", action="store_true",
                        help="also run the bare spider with the project's CONCURRENT_ITEMS")
    args = parser.parse_args(argv)
    site = ReplicaSite("ghost", many_posts(args.posts), page_size=args.page_size)
    with ReplicaServer(site, latency=args.latency_ms / 1000) as server, tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": tmp}
        ours_runs, bare_runs, tuned_runs = [], [], []
        urls_file = Path(tmp) / "urls.json"
        bare = [sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench/bare_spider.py"), *COMMON]
        for _ in range(args.rounds):
            site.hits.clear()
            site.flaky_served.clear()
            ours_runs.append(run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                                  "-a", "source=html", *COMMON], env))
            requested = [server.url + h for h in site.hits if h != "/robots.txt"]
            urls_file.write_text(json.dumps(requested))
            site.hits.clear()
            site.flaky_served.clear()
            bare_runs.append(run(bare, {**env, "BENCH_URLS": str(urls_file)}))
            if args.tuned_bare:
                tuned_runs.append(run(bare, {**env, "BENCH_URLS": str(urls_file), "BENCH_BARE_CONCURRENT_ITEMS": "1"}))
        ours, bare_best = min(ours_runs), min(bare_runs)
    articles = args.posts
    result = {
        "posts": args.posts,
        "page_size": args.page_size,
        "latency_ms": args.latency_ms,
        "requests": len(requested),
        "kyivind_seconds": round(ours[0], 3),
        "bare_seconds": round(bare_best[0], 3),
        "kyivind_pages_per_s": round(len(requested) / ours[0], 1),
        "bare_pages_per_s": round(len(requested) / bare_best[0], 1),
        "throughput_ratio": round(bare_best[0] / ours[0], 3),
        "kyivind_cpu_ms_per_article": round(1000 * ours[1] / articles, 2),
        "bare_cpu_ms_per_article": round(1000 * bare_best[1] / articles, 2),
        "kyivind_peak_rss_mb": ours[2],
        "bare_peak_rss_mb": bare_best[2],
    }
    if tuned_runs:
        tuned = min(tuned_runs)
        result.update(tuned_bare_seconds=round(tuned[0], 3), throughput_ratio_vs_tuned_bare=round(tuned[0] / ours[0], 3),
                      tuned_bare_cpu_ms_per_article=round(1000 * tuned[1] / articles, 2))
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
