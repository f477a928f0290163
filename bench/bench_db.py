"""The analysts' database at scale: ``kyivind db`` over 30,000 synthetic articles.

    python -m bench.bench_db [--articles 30000]

Writes feeds of ``--articles`` articles (the replica's articles, varied: each its own URL, title, body
words, tags, authors, links and embeds; a tenth with a second version in a later feed), then reports:
the time of a first build, of an incremental build after one more feed of 100 articles, the file size,
and the latency of full-text queries (best of 20) through SQLite's FTS5 index.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import jsonlines
import sqlite_utils

from kyivind.outputs.database import build
from tests.replica.content import expected_item, many_posts

WORDS = ("Kharkiv Kyiv Odesa drone missile sanctions parliament energy grid frontline Zaporizhzhia negotiations "
         "grain corridor mobilization Crimea Donetsk air defense strike shelling reconstruction").split()
DOMAINS = ("ukrinform.net", "t.me", "pravda.com.ua", "reuters.com", "president.gov.ua", "mil.gov.ua", "x.com")


def articles(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    base = [expected_item(p, "ghost") for p in many_posts(24)]
    out = []
    for n in range(count):
        item = dict(base[n % len(base)])
        extra = " ".join(rng.choice(WORDS) for _ in range(60))
        item.update(url=f"https://kyivindependent.com/article-{n}/", slug=f"article-{n}",
                    title=f"{item['title']} ({n})", body_text=f"{item['body_text']}\n\n{extra}",
                    published_at=f"20{20 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00",
                    tags=item["tags"] + [rng.choice(WORDS)],
                    links=[{"url": f"https://{d}/{n}", "text": "source", "domain": d}
                           for d in rng.sample(DOMAINS, 3)],
                    embeds=[{"kind": "telegram", "url": f"https://t.me/channel/{n}"}],
                    fetched_at="2026-11-25T06:00:00+00:00", capture=None, version=1)
        out.append(item)
    return out


def write_feed(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with jsonlines.open(path, mode="w") as writer:
        writer.write_all(rows)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    args = parser.parse_args(argv)
    rows = articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        write_feed(data / "feeds" / "newsfeed-20260101T000000000000Z.jsonl", rows)
        write_feed(data / "feeds" / "newsfeed-20260102T000000000000Z.jsonl",
                   ({**r, "version": 2, "title": r["title"] + " (updated)"} for r in rows[::10]))
        start = time.perf_counter()
        first = build(data)
        first_s = time.perf_counter() - start
        more = articles(args.articles + 100, seed=8)[args.articles:]
        write_feed(data / "feeds" / "newsfeed-20260103T000000000000Z.jsonl", more)
        start = time.perf_counter()
        second = build(data)
        second_s = time.perf_counter() - start
        database = data / "kyivind.db"
        db = sqlite_utils.Database(database)
        latencies = {}
        for query in ("Zaporizhzhia", "prisoner exchange", "Kharkiv AND drone"):
            best = 9.0
            for _ in range(20):
                start = time.perf_counter()
                found = db.execute("select count(*) from articles_fts where articles_fts match ?", [query]).fetchone()[0]
                db.execute("select a.url, a.title from articles_fts join articles a on a.rowid = articles_fts.rowid "
                           "where articles_fts match ? order by rank limit 50", [query]).fetchall()
                best = min(best, time.perf_counter() - start)
            latencies[query] = {"matches": found, "ms": round(1000 * best, 2)}
        result = {"articles": first["articles"], "versions": db["versions"].count,
                  "first_build_s": round(first_s, 2),
                  "incremental_build_s": round(second_s, 2), "incremental_articles_written": second["articles_written"],
                  "file_mb": round(sum(p.stat().st_size for p in data.glob("kyivind.db*")) / 2**20, 1),
                  "search": latencies}
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
