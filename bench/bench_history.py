"""A history run (-a source=wayback) over the replica's captures served by a real pywb, with the CDX answered
in the Internet Archive's format: requests to the archive, to the site, and wall time, at the default
politeness (one request a second to the archive) and without delay.

    python -m bench.bench_history
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.history.captures import captures, write_warc
from tests.history.servers import InternetArchiveCdx, Pywb
from tests.replica.server import ReplicaServer, ReplicaSite

ROOT = Path(__file__).resolve().parent.parent


def crawl(server, cdx_url: str, wayback_url: str, data: Path, *args: str) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": str(data), "KYIVIND_CDX_URL": cdx_url,
           "KYIVIND_WAYBACK_URL": wayback_url}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                           "-a", "source=wayback", "-s", "LOG_LEVEL=INFO", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    return time.perf_counter() - start, proc.stderr


def stat(log: str, key: str) -> int:
    tail = log.split("Dumping Scrapy stats:", 1)[-1]
    return int(tail.split(f"'{key}': ", 1)[1].split(",")[0].split("}")[0]) if f"'{key}': " in tail else 0


def main(argv=None) -> dict:
    items = captures()
    result = {"captures_in_archive": len(items)}
    with tempfile.TemporaryDirectory() as tmp:
        warc = write_warc(Path(tmp) / "captures.warc.gz", items)
        with ReplicaServer(ReplicaSite("ghost")) as server, Pywb(Path(tmp) / "pywb", [warc]) as pywb:
            for name, args in (("default_politeness", ()), ("no_delay", ("-s", "KYIVIND_WAYBACK_DELAY=0"))):
                with InternetArchiveCdx(items) as ia:
                    server.site.hits.clear()
                    seconds, log = crawl(server, ia.url, pywb.wayback_url, Path(tmp) / name, *args)
                    result[name] = {"seconds": round(seconds, 2), "cdx_requests": len(ia.requests),
                                    "capture_requests": stat(log, "kyivind/wayback/capture_requests"),
                                    "versions_exported": stat(log, "kyivind/wayback/versions"),
                                    "site_requests": len(server.site.hits),
                                    "all_requests": stat(log, "downloader/request_count")}
    result["time_ratio_default_over_no_delay"] = round(result["default_politeness"]["seconds"]
                                                       / result["no_delay"]["seconds"], 2)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
