"""Content API vs HTML walk: requests and wall time of a full crawl of the same replica.

    python -m bench.bench_sources [--posts 240] [--latency-ms 50]
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


def crawl(server, source: str, tmp: str) -> dict:
    server.site.hits.clear()
    server.site.flaky_served.clear()
    out = Path(tmp) / f"{source}.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": tmp}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                    "-a", f"source={source}", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
                    "-s", "KYIVIND_STATE_ENABLED=0",
                    "-s", "LOG_LEVEL=WARNING", "-O", str(out)], cwd=ROOT, env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    return {"requests": len(server.site.hits), "seconds": round(seconds, 2),
            "items": sum(1 for _ in out.open())}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=240)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    args = parser.parse_args(argv)
    site = ReplicaSite("next", many_posts(args.posts), page_size=20)
    with ReplicaServer(site, latency=args.latency_ms / 1000) as server, tempfile.TemporaryDirectory() as tmp:
        result = {"posts": args.posts, "latency_ms": args.latency_ms,
                  "api": crawl(server, "api", tmp), "html": crawl(server, "html", tmp)}
    result["request_ratio_html_over_api"] = round(result["html"]["requests"] / result["api"]["requests"], 1)
    result["time_ratio_html_over_api"] = round(result["html"]["seconds"] / result["api"]["seconds"], 2)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
