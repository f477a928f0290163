"""Run state in an embedded SQLite database (``KYIVIND_DATA_DIR/state.sqlite``): no server.

- ``articles``: each exported article's canonical URL, ``modified_at``, the sitemap's ``lastmod``,
  ``content_hash``, last ``version`` and the ``fetched_at`` of that version (the time of its capture), first
  and last seen, and ``live_at``: the time of kyivind's own latest fetch of it (no archived capture is placed
  after it). A row is written only after the article's
  item is in the feed file (see the state pipeline), so a crash never marks an unexported article seen.
- ``aliases``: other addresses an exported article was reached by (old ``/national/<slug>/`` links).
- ``authors``: author profiles read from author pages, so a page is fetched once and again only when stale.
- ``versions``: every exported version's number, capture time and hashes: the timeline an archived capture
  is placed in (``kyivind/history``); a state older than this table starts it from ``articles``.
- ``meta``: the run state's own facts (``census_at``: when the census last went through every article;
  ``history_cdx``: how far a history run read the web archive's CDX list).
- ``captures``: the web archive's captures of each article a history run planned to read, and whether it did:
  what a killed or stopped history run left is read by the next one, and a capture is read once.

``articles`` holds each article's latest version by capture time (``fetched_at``) and its highest version
number: an archived version has a higher number than the versions exported before it, yet an older capture.

Every write is its own transaction, but in a crawl an exported article's rows (``record_exported``, ``touch``),
which are committed together every ``KYIVIND_STATE_COMMIT_EVERY`` articles or ``KYIVIND_STATE_COMMIT_SECONDS``
after the first, and when the run closes: a commit per article cost more than the rest of its rows. That loses
nothing a killed run exported: its feed's lines are flushed before the state is written, and the next run
reads them into the state again (``JsonLinesExportPipeline.recover``); the export commits the state before it
gives a feed its final name. Any other write commits what is pending with it. WAL mode lets a reader look while
a run writes.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

SCHEMA = """
create table if not exists articles (
    url text primary key,
    modified_at text,
    lastmod text,
    content_hash text not null,
    version integer not null,
    first_seen text not null,
    last_seen text not null,
    live_at text
);
create table if not exists authors (
    slug text primary key,
    profile text not null,
    fetched_at text not null
);
create table if not exists aliases (url text primary key, canonical text not null);
create table if not exists versions (
    url text not null,
    version integer not null,
    fetched_at text,
    content_hash text not null,
    fields_hash text,
    primary key (url, version)
);
create table if not exists meta (key text primary key, value text);
create table if not exists captures (
    url text not null,
    timestamp text not null,
    original text not null,
    read integer not null default 0,
    primary key (url, timestamp)
);
create index if not exists captures_unread on captures (read, url);
"""
# columns added after the first release, added to an older state.sqlite when it is opened
COLUMNS = {"articles": {"fields_hash": "text", "fetched_at": "text", "live_at": "text"}}


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def capture_time(warc_date: str | None) -> str | None:
    """A ``WARC-Date`` (``2026-12-04T15:39:46.123456Z``) as ``fetched_at`` is written (UTC, to the second);
    None for none or one that is no time."""
    if not warc_date:
        return None
    try:
        when = datetime.fromisoformat(str(warc_date).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).replace(microsecond=0).isoformat()


class State:
    def __init__(self, path: str | Path, commit_every: int = 1, commit_seconds: float = 0.0):
        from kyivind.state.lock import refuse_links

        self.path = Path(path)
        self.commit_every = max(1, commit_every)  # an exported article's rows, committed with how many others
        self.commit_seconds = commit_seconds  # …and at most this long after the first of them
        self.uncommitted = 0
        self._began = 0.0
        # the last article row read, (url, row): an item's pipelines ask for its row up to three times (an older
        # capture? a new version? the latest by capture time?); any write or commit forgets it
        self._row: tuple[str, dict | None] | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        refuse_links(self.path, self.path.with_name(self.path.name + "-wal"))
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("pragma journal_mode=wal")
        self.db.execute("pragma synchronous=normal")
        self.db.executescript(SCHEMA)
        for table, columns in COLUMNS.items():
            present = {row["name"] for row in self.db.execute(f"pragma table_info({table})")}
            for name, kind in columns.items():
                if name not in present:
                    self.db.execute(f"alter table {table} add column {name} {kind}")
                    if name == "live_at":  # a state made before it: its latest versions taken for kyivind's fetches
                        self.db.execute("update articles set live_at = fetched_at")
        if self.db.execute("select not exists (select 1 from versions)").fetchone()[0]:  # a state made before it
            self.db.execute("""insert or ignore into versions (url, version, fetched_at, content_hash, fields_hash)
                               select url, version, fetched_at, content_hash, fields_hash from articles""")

    def close(self) -> None:
        """What is pending committed, and the database closed (even when the commit fails)."""
        try:
            self.commit()
        finally:
            self.db.close()

    def commit(self) -> None:
        """The exported articles' rows that wait for their batch, committed now."""
        self._row = None
        if self.db.in_transaction:
            self.db.commit()
        self.uncommitted = 0

    @contextmanager
    def _write(self, batched: bool = False):
        """One write: its own transaction; or one of a batch (``batched``, with ``commit_every`` above 1), committed
        with ``commit_every`` writes or ``commit_seconds`` after the first. A write that fails is undone alone (a
        savepoint in the open batch): what was pending stays pending."""
        self._row = None
        joined = self.db.in_transaction
        if joined:
            self.db.execute("savepoint one_write")
        else:
            self.db.execute("begin immediate")
            self._began = time.monotonic()
        try:
            yield
        except BaseException:
            if joined and self.db.in_transaction:
                self.db.execute("rollback to one_write")
                self.db.execute("release one_write")
            elif self.db.in_transaction:
                self.db.rollback()
            self._row = None
            raise
        if joined:
            self.db.execute("release one_write")
        self.uncommitted += 1
        if not batched or self.uncommitted >= self.commit_every or time.monotonic() - self._began >= self.commit_seconds:
            self.commit()

    # --- articles ----------------------------------------------------------------------------
    def article(self, url: str) -> dict | None:
        kept = self._row
        if kept is None or kept[0] != url:
            row = self.db.execute("select * from articles where url = ?", (url,)).fetchone()
            kept = self._row = (url, dict(row) if row else None)
        return dict(kept[1]) if kept[1] is not None else None  # a copy: the kept row stays as read

    def known(self, urls) -> set[str]:
        urls = list(urls)
        found: set[str] = set()
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            marks = ",".join("?" for _ in chunk)
            found |= {r[0] for r in self.db.execute(f"select url from articles where url in ({marks})", chunk)}
            found |= {r[0] for r in self.db.execute(f"select url from aliases where url in ({marks})", chunk)}
        return found

    def count(self) -> int:
        return self.db.execute("select count(*) from articles").fetchone()[0]

    def latest_modified(self) -> str | None:
        return self.db.execute("select max(coalesce(modified_at, lastmod)) from articles").fetchone()[0]

    def record_exported(self, item: dict, lastmod: str | None = None, alias: str | None = None,
                        fields_hash: str | None = None, live: bool = True) -> None:
        """The article's item is in the feed: remember its hash and version (one transaction), the sitemap
        ``lastmod`` that made it fetched, the address it was reached by when that is not its
        canonical URL (``/national/<slug>/``), and for one kyivind fetched itself (``live``) its time in
        ``live_at``: no archived capture is placed after it."""
        stamp = now_iso()
        latest = self._latest(item)  # read before the write begins (the row it reads is the one kept)
        with self._write(batched=True):
            if alias and alias != item["url"]:
                self.db.execute("insert or replace into aliases (url, canonical) values (?, ?)", (alias, item["url"]))
            self.db.execute("""insert or replace into versions (url, version, fetched_at, content_hash, fields_hash)
                               values (?, ?, ?, ?, ?)""", (item["url"], item.get("version") or 1, item.get("fetched_at"),
                                                         item["content_hash"], fields_hash))
            self.db.execute(
                """insert into articles (url, modified_at, lastmod, content_hash, fields_hash, version, fetched_at,
                                         first_seen, last_seen, live_at)
                   values (:url, :modified_at, :lastmod, :content_hash, :fields_hash, :version, :fetched_at, :now,
                           :now, iif(:live, :fetched_at, null))
                   on conflict(url) do update set
                       live_at = iif(:live and :fetched_at is not null,
                                     max(coalesce(articles.live_at, ''), :fetched_at), articles.live_at),
                       modified_at = iif(:latest, excluded.modified_at, articles.modified_at),
                       lastmod = coalesce(excluded.lastmod, articles.lastmod),
                       content_hash = iif(:latest, excluded.content_hash, articles.content_hash),
                       fields_hash = iif(:latest, coalesce(excluded.fields_hash, articles.fields_hash),
                                         articles.fields_hash),
                       version = max(articles.version, excluded.version),
                       fetched_at = iif(:latest, excluded.fetched_at, articles.fetched_at),
                       last_seen = iif(:latest, excluded.last_seen, articles.last_seen)""",
                {"url": item["url"], "modified_at": item.get("modified_at"), "lastmod": lastmod,
                 "content_hash": item["content_hash"], "fields_hash": fields_hash,
                 "version": item.get("version") or 1, "fetched_at": item.get("fetched_at"), "now": stamp,
                 "latest": latest, "live": live})

    def _latest(self, item: dict) -> bool:
        """Whether ``item`` is the article's latest version by capture time (a version read from a web archive
        is usually older than those kyivind exported itself)."""
        row = self.article(item["url"])
        return row is None or not row["fetched_at"] or not item.get("fetched_at") or item["fetched_at"] >= row["fetched_at"]

    def touch(self, url: str, modified_at: str | None, lastmod: str | None, fields_hash: str | None = None) -> None:
        """Re-fetched and unchanged: only the dates move on, so it is not fetched again for the same edit."""
        with self._write(batched=True):
            self.db.execute("""update articles set modified_at = coalesce(?, modified_at), lastmod = coalesce(?, lastmod),
                               fields_hash = coalesce(?, fields_hash), last_seen = ? where url = ?""",
                            (modified_at, lastmod, fields_hash, now_iso(), url))

    def edited(self, lastmods: dict[str, str]) -> dict[str, str]:
        """Known articles whose sitemap ``lastmod`` is newer than what was exported: {url: lastmod}."""
        out = {}
        for url in self.known(lastmods):
            row = self.article(url)
            seen = row["lastmod"] or row["modified_at"]
            if seen is None or lastmods[url] > seen:
                out[url] = lastmods[url]
        return out

    def urls(self) -> list[str]:
        """Every known article's URL."""
        return [row[0] for row in self.db.execute("select url from articles order by url")]

    def timeline(self, url: str) -> list[dict]:
        """The article's exported versions, oldest capture first: ``version``, ``fetched_at``, the hashes."""
        return [dict(row) for row in self.db.execute(
            "select * from versions where url = ? order by coalesce(fetched_at, ''), version", (url,))]

    def meta(self, key: str) -> str | None:
        row = self.db.execute("select value from meta where key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        with self._write():
            self.db.execute("insert or replace into meta (key, value) values (?, ?)", (key, value))

    # --- a history run's captures (kyivind/sources/wayback.py) ----------------------------------
    def plan_captures(self, rows: list[tuple[str, str, str]]) -> None:
        """(url, timestamp, original) rows to read; one read already stays read."""
        with self._write():
            self.db.executemany("insert or ignore into captures (url, timestamp, original) values (?, ?, ?)", rows)

    def unread_capture(self, url: str) -> tuple[str, str] | None:
        """The oldest capture of ``url`` not read yet: (timestamp, original)."""
        return self.db.execute("select timestamp, original from captures where url = ? and read = 0 "
                               "order by timestamp limit 1", (url,)).fetchone()

    def unread_urls(self, exclude: set[str], limit: int) -> list[str]:
        """Up to ``limit`` articles with captures left to read, but those of ``exclude`` (few: the ones read now)."""
        marks = ",".join("?" * len(exclude))
        return [row[0] for row in self.db.execute(
            f"select distinct url from captures where read = 0 and url not in ({marks}) limit ?", (*exclude, limit))]

    def capture_read(self, url: str, timestamp: str, failed: bool = False) -> None:
        """Read (1), or failed in this run (2: read again by the next run, ``retry_failed_captures``)."""
        with self._write():
            self.db.execute("update captures set read = ? where url = ? and timestamp = ?", (2 if failed else 1, url,
                                                                                         timestamp))

    def captures_left(self) -> int:
        """Captures not read yet, or to be read again (failed in this run)."""
        return self.db.execute("select count(*) from captures where read != 1").fetchone()[0]

    def retry_failed_captures(self) -> int:
        with self._write():
            return self.db.execute("update captures set read = 0 where read = 2").rowcount

    # --- authors -----------------------------------------------------------------------------
    def author(self, slug: str, max_age_days: float) -> dict | None:
        row = self.db.execute("select profile, fetched_at from authors where slug = ?", (slug,)).fetchone()
        if row is None:
            return None
        fetched = datetime.fromisoformat(row["fetched_at"])
        if datetime.now(timezone.utc) - fetched > timedelta(days=max_age_days):
            return None
        return json.loads(row["profile"])

    def save_author(self, slug: str, profile: dict) -> None:
        with self._write():
            self.db.execute("""insert into authors (slug, profile, fetched_at) values (?, ?, ?)
                               on conflict(slug) do update set profile = excluded.profile, fetched_at = excluded.fetched_at""",
                            (slug, json.dumps(profile), now_iso()))
