"""Re-extraction throughput from a WARC archive, and what the archive costs a crawl.

    python -m bench.bench_reextract [--articles 2000] [--page-kib 200]

Builds an archive of ``--articles`` article pages of the replica's Next.js theme, each padded to about
``--page-kib`` KiB the way the live site's pages are heavy: inline ``self.__next_f.push`` scripts (the
React Server Components payload) and a JSON blob, written by kyivind's own archive writer (one gzip
member per record, request and response). Then runs ``kyivind reextract`` on it in a subprocess, state
and feeds empty, and reports:
- articles per second of the whole command (start-up included) and of its re-extraction alone (from its
  "Re-extracting" log line to its exit); goal: at least 300 per second on one core;
- CPU seconds of the command (``wait4``): one process, one core;
- the archive's bytes per article (gzip), and the CPU milliseconds per article its writing adds to a crawl.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse

from kyivind.archive.writer import WarcFile, archive_dir, capture
from tests.replica.content import SITE, many_posts
from tests.replica.server import ReplicaSite

ROOT = Path(__file__).resolve().parent.parent


def padded(html: str, size: int, n: int) -> str:
    """The page grown to ``size`` bytes with what a Next.js page carries: RSC lines in __next_f pushes
    and a JSON blob."""
    line = ('{n}:["$","div",null,{{"className":"Layout_block__x{n}","children":[["$","a",null,{{"href":"/tag/'
            'ukraine/","children":"Ukraine"}}],["$","p",null,{{"children":"Related coverage {n}"}}]]}}]\n')
    rsc, blob = [], {"translations": {}, "buildId": "kyivind-bench", "page": n}
    rsc_length = 0  # the lengths kept as they grow: measuring the whole each time made building the pages quadratic
    while len(html) + rsc_length * 1.15 < size * 0.6:
        rsc.append(line.format(n=len(rsc)))
        rsc_length += len(rsc[-1])
    blob_length = len(json.dumps(blob))
    text = "Support independent journalism in Ukraine"
    while blob_length < size * 0.35:
        key = f"key_{len(blob['translations'])}"
        blob_length += len(json.dumps(key)) + 2 + len(json.dumps(text)) + (2 if blob["translations"] else 0)
        blob["translations"][key] = text
    scripts = "".join(f"<script>self.__next_f.push([1,{json.dumps(chunk)}])</script>"
                      for chunk in ("".join(rsc[i:i + 200]) for i in range(0, len(rsc), 200)))
    scripts += f'<script type="application/json" id="__APP_CONFIG__">{json.dumps(blob)}</script>'
    return html.replace("</body>", scripts + "</body>")


def build_archive(data_dir: Path, count: int, size: int) -> dict:
    posts = many_posts(count)
    site = ReplicaSite("next", posts)
    warc = WarcFile(archive_dir(data_dir) / "newsfeed-20260101T000000000000Z.warc.gz")
    cpu = 0.0
    page_bytes = 0
    for n, post in enumerate(posts):
        url = f"{SITE}/{post['slug']}/"
        body = padded(site.article(post["slug"]), size, n).encode()
        page_bytes += len(body)
        response = HtmlResponse(url, body=body, headers={"Content-Type": "text/html; charset=utf-8"})
        start = time.process_time()
        capture(warc, Request(url), response, url)
        cpu += time.process_time() - start
    for slug in {a for p in posts for a in p["authors"]}:  # the author pages a crawl of this theme fetched
        _, _, page = site.respond(f"/author/{slug}/")
        url = f"{SITE}/author/{slug}/"
        capture(warc, Request(url), HtmlResponse(url, body=page.encode() if isinstance(page, str) else page,
                                                 headers={"Content-Type": "text/html"}), url)
    warc.close()
    return {"pages": count, "mean_page_kib": round(page_bytes / count / 1024, 1),
            "archive_bytes_per_article": round(warc.bytes / count),
            "archive_write_cpu_ms_per_article": round(1000 * cpu / count, 3)}


def reextract(data_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_LOG_LEVEL": "INFO"}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "kyivind.cli", "reextract", str(data_dir)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        log = err.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(log[-3000:])
    stamps = [datetime.strptime(m, "%Y-%m-%d %H:%M:%S") for m in
              re.findall(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \[kyivind\.spiders\.reextract\] INFO: Re-extracting", log, re.M)]
    end = re.findall(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ", log, re.M)[-1]
    items = int(re.search(r"'item_scraped_count': (\d+)", log).group(1))
    phase = (datetime.strptime(end, "%Y-%m-%d %H:%M:%S") - stamps[0]).total_seconds() if stamps else None
    return {"items": items, "wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "articles_per_s": round(items / wall, 1),
            "articles_per_s_after_startup": round(items / phase, 1) if phase else None,
            "peak_rss_mb": usage.ru_maxrss // 1024}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--page-kib", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        result = {"archive": build_archive(data_dir, args.articles, args.page_kib * 1024)}
        result["reextract"] = reextract(data_dir)
    result["goal_articles_per_s"] = 300
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
