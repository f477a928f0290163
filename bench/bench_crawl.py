"""Full-crawl throughput: ``scrapy crawl newsfeed`` vs a bare spider that fetches the same URLs.

    python -m bench.bench_crawl [--posts 240]

Both run in subprocesses against one replica server (theme ghost) with the same settings
(no AutoThrottle, no delay, same concurrency). The bare spider gets the exact list of URLs the
real crawl requested. Throughput is responses per second of each crawl's own elapsed time.
Goal: kyivind at least 0.85x the bare spider's throughput. ``--latency-ms`` (default 50) makes the
replica answer after a delay, as a real site across a network does; ``--latency-ms 0`` measures pure
CPU cost on loopback, where any per-page work shows in full.
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


def run(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return time.perf_counter() - start


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=240)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page-size", type=int, default=20, help="cards per listing page")
    parser.add_argument("--latency-ms", type=float, default=50.0,
                        help="delay before each answer, standing for the network round trip (0: pure CPU)")
    args = parser.parse_args(argv)
    site = ReplicaSite("ghost", many_posts(args.posts), page_size=args.page_size)
    with ReplicaServer(site, latency=args.latency_ms / 1000) as server, tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": tmp}
        ours_times, bare_times = [], []
        urls_file = Path(tmp) / "urls.json"
        for _ in range(args.rounds):
            site.hits.clear()
            site.flaky_served.clear()
            ours_times.append(run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                                   "-a", "source=html", *COMMON], env))
            requested = [server.url + h for h in site.hits if h != "/robots.txt"]
            urls_file.write_text(json.dumps(requested))
            site.hits.clear()
            site.flaky_served.clear()
            bare_times.append(run([sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench/bare_spider.py"),
                                   *COMMON], {**env, "BENCH_URLS": str(urls_file)}))
        ours, bare = min(ours_times), min(bare_times)
    result = {
        "posts": args.posts,
        "page_size": args.page_size,
        "latency_ms": args.latency_ms,
        "requests": len(requested),
        "kyivind_seconds": round(ours, 3),
        "bare_seconds": round(bare, 3),
        "kyivind_pages_per_s": round(len(requested) / ours, 1),
        "bare_pages_per_s": round(len(requested) / bare, 1),
        "throughput_ratio": round(bare / ours, 3),
    }
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
