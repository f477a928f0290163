"""The analysts' database at scale: ``kyivind db`` over 30,000 synthetic articles.

    python -m bench.bench_db [--articles 30000]

Writes feeds of ``--articles`` articles (the replica's articles, varied: each its own URL, title, body
words, tags, authors, links and embeds, and one of the hand-labelled News Feed texts of
``tests/places/`` and the real rewritten items of ``tests/figures/real/`` for its places, tolls and air attacks; a tenth edited in a later
feed: a new title, a number changed, a sentence added), then reports: the time of a first build, of the
same build without the places, the changes and the figures, of the same build without the figures (and the incidents made of them) alone, without the incidents alone,
of each of those four parts alone over every article, of an incremental build after one more feed of 100
articles (and the incidents' part of it), the matching and figure costs per article, the file size, and the latency of full-text queries
(best of 20).
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

from kyivind import figures as figure_rules
from kyivind.outputs import changes, figures, incidents, places
from kyivind.outputs.database import build
from kyivind.places import matcher
from kyivind.places.gazetteer import gazetteer
from tests.figures.realscore import load as real_items
from tests.places.articles import ARTICLES
from tests.places.heldout import HELDOUT
from tests.replica.content import expected_item, many_posts

WORDS = ("Kharkiv Kyiv Odesa drone missile sanctions parliament energy grid frontline Zaporizhzhia negotiations "
         "grain corridor mobilization Crimea Donetsk air defense strike shelling reconstruction").split()
LABELLED = ARTICLES + HELDOUT + [{"title": i["title"], "body": i["body_text"]} for i in real_items("all")]
DOMAINS = ("ukrinform.net", "t.me", "pravda.com.ua", "reuters.com", "president.gov.ua", "mil.gov.ua", "x.com")


def articles(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    base = [expected_item(p, "ghost") for p in many_posts(24)]
    out = []
    for n in range(count):
        item = dict(base[n % len(base)])
        extra = " ".join(rng.choice(WORDS) for _ in range(60))
        labelled = LABELLED[n % len(LABELLED)]
        item.update(url=f"https://kyivindependent.com/article-{n}/", slug=f"article-{n}",
                    title=f"{labelled['title']} ({n})",
                    body_text=f"{labelled['body']}\n\n{item['body_text']}\n\n{extra}",
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


def edited(row: dict) -> dict:
    """The next version of an article as the site edits one: the title and a figure changed, a note added."""
    body = row["body_text"].replace(" two ", " three ", 1).replace(" one ", " two ", 1)
    return {**row, "version": 2, "title": row["title"] + " (updated)", "fetched_at": "2026-11-26T06:00:00+00:00",
            "body_text": body + "\n\nEditor's note: This story was updated with the latest toll."}


def timed_build(data: Path, **without) -> tuple[float, dict]:
    """One first build, with the parts named in ``without`` (places, changes) switched off."""
    parts = {"places": places, "changes": changes, "figures": figures, "incidents": incidents}
    saved = {name: module.update for name, module in parts.items()}
    begin = figures.begin
    try:
        for name in without:
            parts[name].update = lambda db, rows: 0
        if "figures" in without:  # the build starts the figures with ``begin`` and writes them with ``finish``
            figures.begin = lambda db, rows: None
        for path in data.glob("kyivind.db*"):
            path.unlink()
        start = time.perf_counter()
        done = build(data)
        return time.perf_counter() - start, done
    finally:
        for name, update in saved.items():
            parts[name].update = update
        figures.begin = begin


def gazetteer_load() -> float:
    """Seconds to load the gazetteer (once per process: from its cache file, or built from GeoNames the first
    time on a machine)."""
    gazetteer.cache_clear()
    start = time.perf_counter()
    gazetteer()
    return time.perf_counter() - start


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    args = parser.parse_args(argv)
    rows = articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        write_feed(data / "feeds" / "newsfeed-20260101T000000000000Z.jsonl", rows)
        write_feed(data / "feeds" / "newsfeed-20260102T000000000000Z.jsonl", (edited(r) for r in rows[::10]))
        gazetteer()  # loaded once per process (the first build pays it: gazetteer_s)
        bare_s, _ = timed_build(data, places=True, changes=True, figures=True, incidents=True)
        no_figures_s, _ = timed_build(data, figures=True, incidents=True)
        no_incidents_s, _ = timed_build(data, incidents=True)
        first_s, first = timed_build(data)
        db = sqlite_utils.Database(data / "kyivind.db")
        with db.conn:  # each part alone, over every article, as a first build runs it
            db["changes"].drop()
            start = time.perf_counter()
            changes.update(db, [])
            changes_s = time.perf_counter() - start
            db["_places"].drop()
            start = time.perf_counter()
            places.update(db, {})
            places_s = time.perf_counter() - start
            db["_figures"].drop()
            start = time.perf_counter()
            figures.update(db, [])
            figures_s = time.perf_counter() - start
            db.execute("delete from _figures where key = ?", [incidents.VERSION_KEY])
            start = time.perf_counter()
            made = incidents.update(db, [])
            incidents_s = time.perf_counter() - start
        start = time.perf_counter()
        for row in rows[:3000]:
            matcher.match(row["title"], row["body_text"])
        match_ms = 1000 * (time.perf_counter() - start) / 3000
        start = time.perf_counter()
        for row in rows[:3000]:
            figure_rules.tolls(row["title"], row["body_text"], row["published_at"])
            figure_rules.air_attacks(row["title"], row["body_text"], row["published_at"])
        figures_ms = 1000 * (time.perf_counter() - start) / 3000
        more = articles(args.articles + 100, seed=8)[args.articles:]
        write_feed(data / "feeds" / "newsfeed-20260103T000000000000Z.jsonl", more)
        spent = []
        update = incidents.update

        def timed_incidents(db, rows):
            begun = time.perf_counter()
            try:
                return update(db, rows)
            finally:
                spent.append(time.perf_counter() - begun)

        incidents.update = timed_incidents
        try:
            start = time.perf_counter()
            second = build(data)
            second_s = time.perf_counter() - start
        finally:
            incidents.update = update
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
                  "changes": db["changes"].count, "article_regions": db["article_regions"].count,
                  "tolls": db["tolls"].count, "air_attacks": db["air_attacks"].count,
                  "first_build_s": round(first_s, 2),
                  "first_build_without_places_changes_and_figures_s": round(bare_s, 2),
                  "first_build_without_figures_s": round(no_figures_s, 2),
                  "figures_add_to_first_build_s": round(first_s - no_figures_s, 2),
                  "first_build_without_incidents_s": round(no_incidents_s, 2),
                  "incidents_add_to_first_build_s": round(first_s - no_incidents_s, 2),
                  "incidents": made, "incident_reports": db["incident_reports"].count, "incidents_s": round(incidents_s, 2),
                  "places_s": round(places_s, 2), "changes_s": round(changes_s, 2), "figures_s": round(figures_s, 2),
                  "match_ms_per_article": round(match_ms, 3), "figures_ms_per_article": round(figures_ms, 3),
                  "gazetteer_s": round(gazetteer_load(), 2),
                  "incremental_build_s": round(second_s, 2), "incremental_articles_written": second["articles_written"],
                  "incidents_in_incremental_build_s": round(sum(spent), 3),
                  "file_mb": round(sum(p.stat().st_size for p in data.glob("kyivind.db*")) / 2**20, 1),
                  "search": latencies}
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
