"""What a census costs on a site of 30,000 known articles: requests to the site and time, when two of them were
taken down (410), one moved (301) and the rest are listed. It is a first answer: both are suspected (a second
census, hours later, decides).

    python -m bench.bench_census [--articles 30000]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kyivind.crawl.urls import SiteUrls
from kyivind.state.store import State, now_iso
from tests.replica.content import SITE, many_posts
from tests.replica.server import ReplicaServer, ReplicaSite

ROOT = Path(__file__).resolve().parent.parent


def known_state(path: Path, posts: list[dict]) -> None:
    """A state that knows every post at version 1 (written in one transaction, as 30,000 runs would have)."""
    State(path).close()
    db = sqlite3.connect(path)
    stamp = now_iso()
    rows = [(f"{SITE}/{p['slug']}/", p["updated_at"].replace(".000Z", "+00:00"), "0" * 64, 1, stamp, stamp, stamp)
            for p in posts]
    with db:
        db.executemany("insert into articles (url, modified_at, content_hash, version, fetched_at, first_seen, "
                       "last_seen) values (?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("insert into versions (url, version, fetched_at, content_hash) values (?, ?, ?, ?)",
                       [(r[0], 1, r[4], r[2]) for r in rows])
    db.close()


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    args = parser.parse_args(argv)
    posts = many_posts(args.articles)
    gone, moved = posts[20]["slug"], posts[21]["slug"]
    site = ReplicaSite("ghost", [p for p in posts if p["slug"] not in (gone, moved)])
    renamed = copy.deepcopy(posts[21])
    renamed["slug"] = moved + "-renamed"
    site.posts.append(renamed)
    site.gone[gone] = 410
    site.moved[moved] = renamed["slug"]
    with ReplicaServer(site) as server, tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        known_state(data / f"state{SiteUrls(SITE, server.url).state_suffix()}.sqlite", posts)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": str(data), "KYIVIND_CENSUS_HOURS": "0"}
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                               "-a", "source=api", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
                               "-s", "LOG_LEVEL=INFO"], cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        census_line = next((line for line in proc.stderr.splitlines() if "Census (" in line), "")
        stats = proc.stderr.split("Dumping Scrapy stats:", 1)[-1]
        requests = int(stats.split("'kyivind/census/requests': ", 1)[1].split(",")[0].split("}")[0])
        events = [json.loads(line)["status"] for line in (data / "removals.jsonl").read_text().splitlines()]
    result = {"known_articles": args.articles, "census_requests": requests,
              "site_requests_of_the_run": len([h for h in site.hits if h != "/robots.txt"]),
              "events": events, "run_seconds": round(seconds, 2), "census_line": census_line.split("] ", 1)[-1]}
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
