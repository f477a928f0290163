"""``kyivind db``: the feeds of a data directory as one SQLite database for analysts, made with
sqlite-utils, searchable with full-text search and served by Datasette (``kyivind serve``,
``kyivind/outputs/datasette.py``).

Tables (``docs/feed.md`` describes them):
- ``articles``: the latest version of each article, one row per ``url``: the scalar fields, the image as
  three columns, ``tags`` and ``author_names`` as JSON arrays (Datasette facets on them), the day
  published, how many versions were exported, and ``removed_at`` (when the census found the site no longer
  has it at its address; null: on the site);
- ``versions``: every exported version (``url``, ``version``), with its feed file;
- ``authors`` (by ``slug``), ``article_authors`` (``article_url``, ``author_slug``, ``position``);
- ``tags`` (by ``tag``), ``article_tags`` (``article_url``, ``tag``, ``position``);
- ``links`` and ``embeds``: what each article cites and embeds, in page order;
- ``articles_fts``: FTS5 over title, description and body text (sqlite-utils' ``enable_fts``, kept
  current by triggers), which Datasette's search box uses;
- ``changes``: one row per version transition, with a word diff (``outputs/changes.py``);
- the places each article names (``outputs/places.py``): ``regions``, ``places``, ``place_regions``,
  ``article_places`` and the views ``article_regions`` and ``place_articles``;
- the toll and the air attacks each version states (``outputs/figures.py``): ``tolls``, ``air_attacks`` and the
  views ``latest_tolls``, ``latest_air_attacks``, ``toll_revisions`` and ``toll_places``;
- one row per attack, joined from those figures (``outputs/incidents.py``): ``incidents``, ``incident_reports``
  and the views that count them, ``daily_tolls`` and ``daily_air_attacks``;
- ``removals``: the census's events (removed, moved, restored; ``outputs/removals.py``), with the last title;
- ``reference_air_attacks``: the Air Force's own figures (the public missile-attacks dataset, given with
  ``--reference-air`` or dropped in ``DATA_DIR/reference/``; ``outputs/reference.py``) and the view
  ``air_attacks_vs_reference``, ours beside theirs per night.

It is incremental: ``_feeds`` remembers each feed file read (name and size); a run reads only the feeds
that are new or grew, and rewrites only the articles they hold.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from kyivind.items import AUTHOR_FIELDS
from kyivind.outputs import changes, figures, incidents, places, reference, removals
from kyivind.outputs.feeds import FeedRows, feed_files, flat, newer, object_columns


def _sqlite_utils():
    """sqlite-utils, imported without pandas and numpy where they are not loaded yet: sqlite-utils imports them
    (pandas with pyarrow: 70 MB and a third of a second) only to map their types, which no row here has."""
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # an import of it fails while this is set
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


sqlite_utils = _sqlite_utils()

logger = logging.getLogger(__name__)
DB_NAME = "kyivind.db"
FTS_COLUMNS = ["title", "description", "body_text"]


# The layout of the tables (their columns' order); a database of an older layout is made again from the feeds
# (PRAGMA user_version holds it).
LAYOUT = 4
# the columns people read first, in this order, and the URL last (Datasette shows a table's columns as made)
FIRST_COLUMNS = ("title", "published_at", "primary_tag", "regions", "description", "author_names", "tags",
                 "body_text", "versions", "removed_at")
LAST_COLUMNS = ("url",)


# the types of the columns whose first values may all be null (sqlite-utils would make them text)
ARTICLE_TYPES = {"versions": int, "regions": str, "removed_at": str, "word_count": int, "reading_time_min": int, "version": int,
                 "link_count": int, "embed_count": int}


def reading_order(row: dict) -> dict:
    """``row`` with the columns people read first at its start and the URL at its end."""
    first = {name: row[name] for name in FIRST_COLUMNS if name in row}
    last = {name: row[name] for name in LAST_COLUMNS if name in row}
    return {**first, **{k: v for k, v in row.items() if k not in first and k not in last}, **last}


def _articles_row(item: dict) -> dict:
    """One row of ``articles``: the feeds reader's columns, with the day, tag and author names (JSON arrays for
    Datasette's facets) and the counts of links and embeds placed among them, in reading order. ``regions``
    and ``versions`` are filled once the places are matched and the versions counted, ``removed_at`` from the
    census's events (``outputs/removals.py``)."""
    columns = flat(item)
    image = {name: columns.pop(name) for name in object_columns("image")}
    capture = {name: columns.pop(name) for name in object_columns("capture")}
    return reading_order({
        **columns, "published_day": (item.get("published_at") or "")[:10] or None,
        "regions": None, "versions": None, "removed_at": None,
        "tags": json.dumps(item.get("tags") or [], ensure_ascii=False),
        "author_names": json.dumps([a.get("name") for a in item.get("authors") or [] if a.get("name")],
                                   ensure_ascii=False),
        **image, "link_count": len(item.get("links") or []), "embed_count": len(item.get("embeds") or []),
        **capture})


def _version_row(item: dict, feed: str) -> dict:
    row = _articles_row(item)
    for name in ("published_day", "regions", "versions", "removed_at"):
        row.pop(name)
    row["authors"] = json.dumps([{k: a.get(k) for k in AUTHOR_FIELDS} for a in item.get("authors") or []],
                                ensure_ascii=False)
    row["links"] = json.dumps(item.get("links") or [], ensure_ascii=False)
    row["embeds"] = json.dumps(item.get("embeds") or [], ensure_ascii=False)
    row["feed"] = feed
    return reading_order(row)


def _new_feeds(db: sqlite_utils.Database, files: list[Path]) -> list[Path]:
    read = {row["name"]: row["size"] for row in db["_feeds"].rows} if db["_feeds"].exists() else {}
    return [path for path in files if read.get(path.name) != path.stat().st_size]


def build(data_dir: str | Path, output: str | Path | None = None, reference_air: str | Path | None = None) -> dict:
    """Create or bring up to date the database of ``data_dir``'s feeds, and load the Air Force's dataset
    (``reference_air``, else the one in ``DATA_DIR/reference/``; ``reference.ReferenceFileError`` when the one
    given cannot be read); returns what was done."""
    data_dir = Path(data_dir)
    output = Path(output) if output else data_dir / DB_NAME
    output.parent.mkdir(parents=True, exist_ok=True)
    db = _of_this_layout(output)
    # read before anything is written; a file loaded before and unchanged since is not read again
    loaded = reference.loaded_signature(db)
    air_reference = reference.find(data_dir, reference_air, loaded)
    reference_kept = air_reference is None and loaded is not None and (
        reference_air is not None or reference.default_path(data_dir).exists())
    fresh = not db["articles"].exists()
    files = _new_feeds(db, feed_files(data_dir)) if (data_dir / "feeds").is_dir() or data_dir.is_file() else []
    latest: dict[str, dict] = {}
    found: dict[tuple[str, int], tuple[dict, str]] = {}  # (url, version) -> the item fetched last, its feed
    reading = FeedRows()
    for path in files:
        for item in reading.of(path):
            key = (item["url"], item.get("version") or 1)
            if key not in found or newer(item, found[key][0]):
                found[key] = (item, path.name)
            if newer(item, latest.get(item["url"])):
                latest[item["url"]] = item
    bad = reading.bad
    if bad:
        logger.warning("%d lines of the feeds are not articles and were skipped", bad)
    kept, replaced = _newer_than_stored(db, found)
    versions = [_version_row(item, feed) for item, feed in kept]
    with db.conn:
        if versions:
            db["versions"].insert_all(versions, pk=("url", "version"), replace=True, batch_size=1000)
        # the figures are begun first: a large build's pool of processes derives them while this process writes the
        # articles, the places and the changes (the rules' time, on the other core, mostly hidden behind theirs)
        pending = figures.begin(db, [item for item, _ in kept]) if db["versions"].exists() else None
        try:
            if replaced and db["changes"].exists():  # a version read again from a later capture: its diffs anew
                for start in range(0, len(replaced), 500):
                    chunk = replaced[start:start + 500]
                    db.execute(f"delete from changes where article_url in ({','.join('?' * len(chunk))})", chunk)
            current = _keep_newest(db, latest) if not fresh else latest
            _write_articles(db, current, fresh)
            matched = places.update(db, current) if db["articles"].exists() else 0
            changed = changes.update(db, {v["url"] for v in versions}) if db["versions"].exists() else 0
            derived = figures.finish(db, pending)
        finally:
            if pending is not None:
                pending.close()
        joined = incidents.update(db, [item for item, _ in kept]) if db["versions"].exists() else 0
        removed = removals.update(db, data_dir)
        reference_rows = reference.load(db, air_reference)
        db["_feeds"].insert_all(({"name": p.name, "size": p.stat().st_size} for p in files), pk="name", replace=True)
    if fresh and db["articles"].exists():
        _finish_schema(db)
        db.execute(f"pragma user_version = {LAYOUT}")
    elif current:
        _count_versions(db, list(current))
    return {"database": output, "feeds_read": len(files), "articles_written": len(current),
            "articles_matched": matched, "versions_derived": derived, "incidents_made": joined,
            "changes_added": changed, "removals": removed,
            "articles": db["articles"].count if db["articles"].exists() else 0, "bad_lines": bad,
            "reference_rows": reference_rows, "reference_bad_rows": air_reference.bad_rows if air_reference else 0,
            "reference_unknown_models": sum(air_reference.unknown_models.values()) if air_reference else 0,
            "reference_kept": db[reference.TABLE].count if reference_kept else 0}


def _of_this_layout(path: Path) -> sqlite_utils.Database:
    """The database at ``path``, made anew (it is derived from the feeds alone) when an older kyivind made its
    tables in another layout."""
    from kyivind.state.lock import refuse_links

    refuse_links(path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    db = sqlite_utils.Database(path)
    made = db.execute("pragma user_version").fetchone()[0]
    if db["articles"].exists() and made != LAYOUT:
        db.close()
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        logger.info("The database %s was made by another kyivind (layout %d, now %d): made again from the feeds",
                    path, made, LAYOUT)
        db = sqlite_utils.Database(path)
    db.enable_wal()
    return db


def _newer_than_stored(db, found: dict[tuple[str, int], tuple[dict, str]]):
    """The versions of the new feeds that the database does not hold yet, or holds from an older capture: one
    row per (url, version), ranked by version then capture time (``fetched_at``), never by which feed came
    later; and the URLs of the articles one of whose stored versions they replace."""
    if not found or not db["versions"].exists():
        return list(found.values()), []
    stored: dict[tuple[str, int], dict] = {}
    urls = sorted({url for url, _ in found})
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        for row in db.query(f"select url, version, fetched_at from versions where url in ({','.join('?' * len(chunk))})",
                            chunk):
            stored[(row["url"], row["version"])] = row
    kept = [(item, feed) for key, (item, feed) in found.items() if newer(item, stored.get(key))]
    return kept, sorted({item["url"] for item, _ in kept if (item["url"], item.get("version") or 1) in stored})


def _keep_newest(db, latest: dict[str, dict]) -> dict[str, dict]:
    """The articles of the new feeds that are newer than what the database holds."""
    if not latest or not db["articles"].exists():
        return latest
    kept = {}
    for url, item in latest.items():
        rows = list(db.query("select version, fetched_at from articles where url = ?", [url]))
        if not rows or newer(item, rows[0]):
            kept[url] = item
    return kept


def _write_articles(db, articles: dict[str, dict], fresh: bool) -> None:
    if not articles:
        return
    urls = list(articles)
    if not fresh:
        for table in ("article_authors", "article_tags", "links", "embeds", "article_places"):  # rows made again
            if db[table].exists():
                for start in range(0, len(urls), 500):
                    chunk = urls[start:start + 500]
                    db.execute(f"delete from [{table}] where article_url in ({','.join('?' * len(chunk))})", chunk)
    rows = (_articles_row(i) for i in articles.values())
    if fresh:  # a rowid table (Datasette shows a single primary key first; the URL goes last), one row per url
        db["articles"].insert_all(rows, batch_size=1000, columns=ARTICLE_TYPES, not_null={"url"})
        db["articles"].create_index(["url"], unique=True)
    else:  # an update, not a replace: SQLite runs no delete trigger on a replace, and the search index would keep the old text
        db["articles"].upsert_all(rows, pk="url", batch_size=1000)
    authors, article_authors, article_tags, links, embeds = {}, [], [], [], []
    for url, item in articles.items():
        for position, author in enumerate(item.get("authors") or []):
            slug = author.get("slug") or author.get("name")
            if not slug:
                continue
            authors[slug] = {"slug": slug, **{k: author.get(k) for k in ("name", "role", "bio", "url", "image_url")}}
            article_authors.append({"article_url": url, "author_slug": slug, "position": position})
        for position, tag in enumerate(item.get("tags") or []):
            article_tags.append({"article_url": url, "tag": tag, "position": position})
        for position, link in enumerate(item.get("links") or []):
            links.append({"article_url": url, "position": position, **{k: link.get(k) for k in ("url", "text", "domain")}})
        for position, embed in enumerate(item.get("embeds") or []):
            embeds.append({"article_url": url, "position": position, "kind": embed.get("kind"), "url": embed.get("url")})
    db["authors"].insert_all(authors.values(), pk="slug", replace=True)
    db["tags"].insert_all(({"tag": t} for t in {r["tag"] for r in article_tags}), pk="tag", replace=True)
    db["article_authors"].insert_all(article_authors, pk=("article_url", "position"), replace=True,
                                     foreign_keys=[("article_url", "articles", "url"), ("author_slug", "authors", "slug")])
    db["article_tags"].insert_all(article_tags, pk=("article_url", "position"), replace=True,
                                  foreign_keys=[("article_url", "articles", "url"), ("tag", "tags", "tag")])
    _insert_or_create(db["links"], links, {"article_url": str, "position": int, "url": str, "text": str, "domain": str})
    _insert_or_create(db["embeds"], embeds, {"article_url": str, "position": int, "kind": str, "url": str})


def _insert_or_create(table, rows: list[dict], columns: dict) -> None:
    if not table.exists():
        table.create(columns, pk=("article_url", "position"), foreign_keys=[("article_url", "articles", "url")])
    table.insert_all(rows, replace=True, batch_size=2000)


COUNT_VERSIONS = "update articles set versions = (select count(*) from versions v where v.url = articles.url)"


def _count_versions(db, urls: list[str] | None = None) -> None:
    """The ``versions`` column of the given articles (None: of all)."""
    if urls is None:
        db.execute(COUNT_VERSIONS)
        return
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        db.execute(f"{COUNT_VERSIONS} where url in ({','.join('?' * len(chunk))})", chunk)


def _finish_schema(db) -> None:
    """What a new database gets once: the version counts, full-text search, indexes."""
    _count_versions(db)
    db["articles"].enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True, replace=True)
    db["articles"].create_index(["published_at"], if_not_exists=True)
    db["articles"].create_index(["published_day"], if_not_exists=True)
    db["articles"].create_index(["primary_tag"], if_not_exists=True)
    for table in ("article_tags", "article_authors", "links", "embeds"):
        if not db[table].exists():
            continue
        db[table].create_index(["article_url"], if_not_exists=True)
    if db["article_tags"].exists():
        db["article_tags"].create_index(["tag"], if_not_exists=True)
    if db["article_authors"].exists():
        db["article_authors"].create_index(["author_slug"], if_not_exists=True)
    db["links"].create_index(["domain"], if_not_exists=True)
    db["embeds"].create_index(["kind"], if_not_exists=True)
