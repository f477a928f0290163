"""The ``removals`` table: every census event of ``DATA_DIR/removals.jsonl`` (kyivind/census), with the
article's last title, made anew at each build (the events are few and only appended); and ``removed_at``,
when the census found that the site no longer has an article at its address (removed, or moved: its last
event), in ``articles`` and the exports (``mark``)."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from kyivind.census.removals import RemovalLog
from kyivind.census.verdict import DECIDED

logger = logging.getLogger(__name__)
COLUMNS = {"title": str, "status": str, "detected_at": str, "moved_to": str, "last_version": int, "http_status": int,
           "url": str, "suspected_of": str, "suspected_at": str}


def update(db, data_dir: Path) -> int:
    """The table anew from the events, and ``articles.removed_at``; returns how many rows the table holds."""
    events = RemovalLog(data_dir).events() if Path(data_dir).is_dir() else []
    titles: dict[str, str] = {}
    if events and db["articles"].exists():
        urls = sorted({event["url"] for event in events})
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            titles.update(db.execute(f"select url, title from articles where url in ({','.join('?' * len(chunk))})",
                                     chunk).fetchall())
    rows = [{"title": titles.get(event["url"]), **{name: event.get(name) for name in COLUMNS if name != "title"}}
            for event in events]
    db.execute("drop table if exists removals")
    db["removals"].create(COLUMNS)
    db["removals"].insert_all(rows)
    if db["articles"].exists() and "removed_at" in db["articles"].columns_dict:
        db.execute("update articles set removed_at = null where removed_at is not null")  # restored since
        db.conn.executemany("update articles set removed_at = ? where url = ?",
                            [(at, url) for url, at in gone(events, data_dir).items()])
    return len(rows)


def gone(events: list[dict], where: Path | str = "removals.jsonl") -> dict[str, str | None]:
    """URL: when the census found it gone, for each URL whose last event is a decided removal or move. A time that is
    no ISO 8601 time (a line edited by hand) is None, with one warning: the article is still gone."""
    last: dict[str, dict] = {}
    for event in events:
        last[event["url"]] = event
    found, bad = {}, 0
    for url, event in last.items():
        if event["status"] not in DECIDED:
            continue  # restored, or only suspected (or cleared): still on the site as far as anyone knows
        at = event.get("detected_at")
        try:
            datetime.fromisoformat(at)
        except (TypeError, ValueError):
            at, bad = None, bad + 1
        found[url] = at
    if bad:
        logger.warning("%s: %d removal events have no readable detected_at: their articles' removed_at is empty",
                       where, bad)
    return found


def mark(data_dir: str | Path, articles: list[dict]) -> list[dict]:
    """``articles`` (the feeds' latest versions), each with ``removed_at``: when the census found the site no
    longer has it at its address, or None (on the site, or never asked)."""
    removed = gone(RemovalLog(data_dir).events(), data_dir) if Path(data_dir).is_dir() else {}
    for article in articles:
        article["removed_at"] = removed.get(article.get("url"))
    return articles


def current(data_dir: Path, articles: list[dict]) -> list[dict]:
    """The articles removed or moved now (each URL's last event, decided: suspicions, restores and cleared ones
    left out), newest first, with the title of their latest version in ``articles`` (the feeds' latest versions)."""
    titles = {article["url"]: article.get("title") for article in articles}
    rows = [{**event, "title": titles.get(url)} for url, event in RemovalLog(data_dir).current().items()]
    return sorted(rows, key=lambda row: str(row.get("detected_at") or ""), reverse=True)
