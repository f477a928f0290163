"""The ``removals`` table: every census event of ``DATA_DIR/removals.jsonl`` (kyivind/census), with the
article's last title, made anew at each build (the events are few and only appended)."""

from __future__ import annotations

from pathlib import Path

from kyivind.census.removals import RemovalLog

COLUMNS = {"title": str, "status": str, "detected_at": str, "moved_to": str, "last_version": int, "http_status": int,
           "url": str, "suspected_of": str, "suspected_at": str}


def update(db, data_dir: Path) -> int:
    """The table anew from the events; returns how many rows it holds."""
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
    return len(rows)


def current(data_dir: Path, articles: list[dict]) -> list[dict]:
    """The articles removed or moved now (each URL's last event, decided: suspicions, restores and cleared ones
    left out), newest first, with the title of their latest version in ``articles`` (the feeds' latest versions)."""
    titles = {article["url"]: article.get("title") for article in articles}
    rows = [{**event, "title": titles.get(url)} for url, event in RemovalLog(data_dir).current().items()]
    return sorted(rows, key=lambda row: str(row.get("detected_at") or ""), reverse=True)
