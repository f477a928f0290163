"""Full-crawl throughput as users run it: ``scrapy crawl newsfeed`` vs a bare spider that fetches the same URLs.

    python -m bench.bench_crawl [--posts 2000] [--rounds 3] [--latency-ms 0] [--before REV]

Both run in subprocesses against one replica server (theme ghost) with the same settings (no AutoThrottle, no
delay, same concurrency). kyivind runs as a user's crawl does: the state on (versions and captures tables), the
WARC archive written, every bound and check of the crawl path; incremental decisions off (``-a mode=full``, a
fresh data directory each round), so every round fetches and writes every article. The bare spider gets the
exact list of URLs the real crawl requested and parses each page once (bench/bare_spider.py). Throughput is
responses per second of each crawl's own elapsed time; the ratio is the bare spider's time over kyivind's in
the same round (goal: at least 0.9). ``--latency-ms`` delays each answer (a network round trip); the default, 0,
shows every millisecond of per-page work.

The bare spider runs twice a round. Run from the repository (``throughput_ratio``), ``scrapy runspider`` reads
scrapy.cfg and so runs it with kyivind's settings: its middlewares (the WARC archive written, the site-only fence,
the backoff retries), its extensions (the state opened, the run checks, the summary) and its stats collector;
only the spider's own work (extraction, the item, the pipelines) is left to the ratio. Run from elsewhere
(``throughput_ratio_vs_plain_scrapy``, ``plain_bare_*``), it has Scrapy's defaults and the same concurrency,
robots.txt and log settings: the ratio then holds everything kyivind adds to Scrapy, the archive included.

``--before REV`` measures an earlier commit too (checked out in a temporary git worktree, the replica and the
bare spider this tree's): each round runs the earlier revision, the bare spider and this tree in turn, so both
revisions see the same machine, and the ratios are printed side by side.

Also reported: CPU milliseconds per article of each crawl process (user + system, from ``wait4``) and peak RSS, and
``cpu_ratio``, the bare spider's CPU time over kyivind's in each round: with no latency both crawls are bound by the
CPU, so it follows the throughput ratio. It is no cure for a shared machine: there a round's CPU time stretches with
its seconds (the two ratios measured within 0.01 of each other, noisy rounds included).
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

from bench.trees import checked_out
from tests.replica.content import many_posts
from tests.replica.server import ReplicaServer, ReplicaSite

ROOT = Path(__file__).resolve().parent.parent
COMMON = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING",
          "-s", "CONCURRENT_REQUESTS=8", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "ROBOTSTXT_OBEY=1"]


def run(command: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one crawl process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(err.read().decode(errors="replace")[-2000:])
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def kyivind_crawl(tree: Path, url: str, data: Path) -> tuple[float, float, int]:
    env = {**os.environ, "PYTHONPATH": str(tree), "KYIVIND_DATA_DIR": str(data)}
    return run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={url}", "-a", "source=html",
                "-a", "mode=full", *COMMON], env, cwd=tree)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page-size", type=int, default=20, help="cards per listing page")
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="delay before each answer, standing for the network round trip (default 0: pure CPU)")
    parser.add_argument("--before", help="an earlier commit to measure beside this tree, in the same rounds")
    args = parser.parse_args(argv)
    with checked_out(args.before) as worktree:
        trees = {args.before: worktree, "main": ROOT} if worktree else {"main": ROOT}
        site = ReplicaSite("ghost", many_posts(args.posts), page_size=args.page_size)
        runs: dict[str, list] = {name: [] for name in trees}
        bare_runs, plain_runs = [], []
        requested: list[str] = []
        with ReplicaServer(site, latency=args.latency_ms / 1000) as server, tempfile.TemporaryDirectory() as tmp:
            urls_file = Path(tmp) / "urls.json"
            bare = [sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench/bare_spider.py"), *COMMON]
            for round_ in range(args.rounds):
                for name, tree in trees.items():
                    site.hits.clear()
                    site.flaky_served.clear()
                    runs[name].append(kyivind_crawl(tree, server.url, Path(tmp) / f"{name}-{round_}"))
                    if not requested:
                        requested = [server.url + h for h in site.hits if h != "/robots.txt"]
                        urls_file.write_text(json.dumps(requested))
                    if name == next(iter(trees)):  # the bare spider between the revisions, once a round
                        site.hits.clear()
                        bare_runs.append(run(bare, {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_URLS": str(urls_file),
                                                    "KYIVIND_DATA_DIR": tmp}))
                        plain = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
                        plain_runs.append(run(bare, {**plain, "PYTHONPATH": str(ROOT), "BENCH_URLS": str(urls_file)},
                                              cwd=Path(tmp)))  # no scrapy.cfg here: Scrapy's own settings
    articles = args.posts
    result = {"posts": args.posts, "page_size": args.page_size, "latency_ms": args.latency_ms,
              "requests": len(requested), "bare_seconds": [round(b[0], 3) for b in bare_runs],
              "bare_cpu_ms_per_article": round(1000 * min(b[1] for b in bare_runs) / articles, 2),
              "plain_bare_seconds": [round(b[0], 3) for b in plain_runs],
              "plain_bare_cpu_ms_per_article": round(1000 * min(b[1] for b in plain_runs) / articles, 2)}
    for name, own in runs.items():
        ratios = [round(b[0] / o[0], 3) for o, b in zip(own, bare_runs, strict=True)]
        plain_ratios = [round(b[0] / o[0], 3) for o, b in zip(own, plain_runs, strict=True)]
        cpu_ratios = [round(b[1] / o[1], 3) for o, b in zip(own, bare_runs, strict=True)]
        result[name] = {"throughput_ratio": ratios, "best_ratio": max(ratios), "cpu_ratio": cpu_ratios,
                        "throughput_ratio_vs_plain_scrapy": plain_ratios,
                        "seconds": [round(o[0], 3) for o in own],
                        "pages_per_s": round(len(requested) / min(o[0] for o in own), 1),
                        "cpu_ms_per_article": round(1000 * min(o[1] for o in own) / articles, 2),
                        "peak_rss_mb": max(o[2] for o in own)}
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
