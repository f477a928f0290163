"""The toll and the air attacks in the analysts' database (``kyivind/figures`` derives them): the tables
``tolls`` and ``air_attacks`` (one set of rows per article version), and the views ``latest_tolls`` and
``latest_air_attacks`` (the rows of each article's latest version: what to count), ``toll_revisions`` and
``toll_places`` (the place figures on the map). The daily views, ``daily_tolls`` and ``daily_air_attacks``, count
the incidents the figures are joined into (``outputs/incidents.py``).

Derived when the database is built, never stored in the feed. Each build derives the versions it writes; a new
``kyivind.figures.VERSION`` derives every version again. Ukraine's strikes on Russia and Russia's claims of
downing Ukrainian drones (``direction``) are rows of their own, never summed into Russia's attacks.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading

from kyivind import figures
from kyivind.figures.numbers import MAX_FIGURE, implausible
from kyivind.figures.text import published_day
from kyivind.outputs.progress import tracked

logger = logging.getLogger(__name__)

# the figures of many versions (a first build, a new ``figures.VERSION``) are derived in a pool of processes, one a
# core: the rules are pure Python, so one process reads them on one core. KYIVIND_DB_WORKERS sets how many (1: here)
PARALLEL_FROM = 2_000  # versions: fewer are derived here (starting the pool would cost more than it saves)
CHUNK = 250  # versions a worker derives at a time
MAX_WORKERS = 8

VERSION_KEY = "figures_version"
TOLL_COLUMNS = {"article_url": str, "version": int, "scope": str, "region_code": str, "place": str, "day": str,
                "killed": int, "injured": int, "killed_at_least": int, "injured_at_least": int,
                "children_killed": int, "children_injured": int, "evidence": str, "evidence_start": int}
AIR_COLUMNS = {"article_url": str, "version": int, "night_of": str, "direction": str, "weapon_class": str,
               "weapon": str, "launched": int, "downed": int, "lost": int, "evidence": str, "evidence_start": int}
_LATEST = "join articles a on a.url = {t}.article_url and a.version = {t}.version"
VIEWS = {  # in the order made: the latest_ views first, the others read them
    "latest_tolls": f"select t.* from tolls t {_LATEST.format(t='t')}",
    "latest_air_attacks": f"select r.* from air_attacks r {_LATEST.format(t='r')}",
    "toll_revisions": """
with t as (select v.url, v.version, v.fetched_at, x.killed, x.injured from versions v
           left join tolls x on x.article_url = v.url and x.version = v.version and x.scope = 'total'),
pairs as (select url, lag(version) over (partition by url order by coalesce(fetched_at, ''), version) as from_version,
                 version as to_version from t)
select p.url as article_url, p.from_version, p.to_version, a.fetched_at as fetched_before, b.fetched_at as fetched_after,
       a.killed as killed_before, b.killed as killed_after, a.injured as injured_before, b.injured as injured_after
from pairs p join t a on a.url = p.url and a.version = p.from_version
join t b on b.url = p.url and b.version = p.to_version
where a.killed is not b.killed or a.injured is not b.injured""",
    "toll_places": """
select t.article_url, a.title, t.day, t.place, t.region_code, t.killed, t.injured, p.latitude, p.longitude
from latest_tolls t join articles a on a.url = t.article_url
join places p on p.name = t.place and p.region_code = t.region_code
where t.scope = 'place'""",
}


def rows_of(url: str, version: int, title: str | None, body: str | None, published_at: str | None):
    """(toll rows, air attack rows) of one article version."""
    day = published_day(published_at)
    key = {"article_url": url, "version": version}
    found_tolls, found_air = figures.derive(title, body, published_at)
    toll_rows = [{**key, **row, "day": row.get("day") or (day.isoformat() if day else None)} for row in found_tolls]
    air_rows = [{**key, **row} for row in found_air]
    return toll_rows, air_rows


def _read(version: tuple) -> tuple[list[dict], list[dict], int]:
    """(toll rows, air attack rows, numbers too large for a figure) of one version (url, version, title, body,
    published_at)."""
    url, number, title, body, published_at = version
    found_tolls, found_air = rows_of(url, number, title, body, published_at)
    return found_tolls, found_air, implausible(title) + implausible(body)


def workers() -> int:
    """How many processes derive the figures of a large build: KYIVIND_DB_WORKERS, else one a core (at most
    ``MAX_WORKERS``)."""
    told = os.environ.get("KYIVIND_DB_WORKERS", "").strip()
    if told:
        try:
            return max(1, min(int(told), MAX_WORKERS))
        except ValueError:
            logger.warning("KYIVIND_DB_WORKERS=%r is no number: the figures are derived in one process", told)
            return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def forkable() -> bool:
    """Whether this process may be forked: it runs no other thread (whose locks a fork would copy held) and the
    platform forks."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def started(versions: list[tuple]):
    """(``_read`` of each version, in order, as an iterator; the pool deriving them, or None): in a pool of processes
    where there are many and more than one core, which starts at once, so that the build goes on with its other parts
    while the pool works; else here, as the iterator is read (and here, with a warning, where no pool can be started).
    A process that runs other threads (a crawl that brings the database up to date as it ends) is not forked: it
    derives them itself."""
    count = workers()
    if count > 1 and len(versions) >= PARALLEL_FROM and forkable():
        try:
            pool = multiprocessing.get_context("fork").Pool(count)
        except OSError as error:  # no processes to be had (a container's limit): the same rows, one process
            logger.warning("no pool of %d processes could be started (%s): the figures are derived in one", count,
                           error)
        else:
            return pool.imap(_read, versions, chunksize=CHUNK), pool
    return map(_read, versions), None


def _tables(db) -> None:
    for name, columns in (("tolls", TOLL_COLUMNS), ("air_attacks", AIR_COLUMNS)):
        if db[name].exists() and set(columns) - set(db[name].columns_dict):
            db[name].drop()  # made by an earlier figures.VERSION without the newer columns: derived again
    if not db["tolls"].exists():
        db["tolls"].create(TOLL_COLUMNS, foreign_keys=[("article_url", "articles", "url")])
        db["tolls"].create_index(["article_url", "version"])
        db["tolls"].create_index(["day", "region_code"])
    if not db["air_attacks"].exists():
        db["air_attacks"].create(AIR_COLUMNS, foreign_keys=[("article_url", "articles", "url")])
        db["air_attacks"].create_index(["article_url", "version"])
        db["air_attacks"].create_index(["night_of"])


class Pending:
    """The figures of a build's versions, being derived (``begin``) until they are written (``finish``): all of them
    anew (``everything``: a new ``figures.VERSION``) or those just written."""

    def __init__(self, versions: list[tuple], everything: bool):
        self.versions, self.everything = versions, everything
        self.rows, self.pool = started(versions)

    def close(self) -> None:
        """The pool ended (at once, where the build failed before its rows were read)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def derived(versions: list[tuple]):
    """``_read`` of each version, in order (``started``), its pool ended when they are read."""
    pending = Pending(versions, everything=False)
    try:
        yield from pending.rows
    finally:
        pending.close()


def begin(db, written: list[dict]) -> Pending:
    """Start deriving the figures of the versions just written (every version when ``figures.VERSION`` changed): a
    large build's pool works while the build writes its articles, places and changes; ``finish`` writes the rows."""
    meta = db["_figures"]
    stored = next(iter(meta.rows_where("key = ?", [VERSION_KEY])), {}).get("value") if meta.exists() else None
    everything = stored != str(figures.VERSION)
    if everything:
        written = list(db.query("select url, version, title, body_text, published_at from versions")) \
            if db["versions"].exists() else []
    return Pending([(row["url"], row.get("version") or 1, row.get("title"), row.get("body_text"),
                     row.get("published_at")) for row in written], everything)


def finish(db, pending: Pending | None) -> int:
    """The rows ``begin`` started deriving, written; returns how many versions were read (0: none begun)."""
    if pending is None:
        return 0
    _tables(db)
    if pending.everything:
        db.execute("delete from tolls")
        db.execute("delete from air_attacks")
    else:
        for url, number, *_ in pending.versions:
            for table in ("tolls", "air_attacks"):
                db.execute(f"delete from {table} where article_url = ? and version = ?", [url, number])
    tolls, air, dropped = [], [], 0
    try:
        for found_tolls, found_air, too_large in tracked(pending.rows, len(pending.versions), "reading figures"):
            dropped += too_large
            tolls += found_tolls
            air += found_air
    finally:
        pending.close()
    tolls, air = _plausible(tolls, TOLL_COLUMNS), _plausible(air, AIR_COLUMNS)
    if dropped:
        logger.warning("%d numbers larger than any figure (%s) were read as no figure", dropped, f"{MAX_FIGURE:,}")
    db["tolls"].insert_all(tolls, batch_size=2000)
    db["air_attacks"].insert_all(air, batch_size=2000)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    db["_figures"].insert({"key": VERSION_KEY, "value": str(figures.VERSION)}, pk="key", replace=True)
    return len(pending.versions)


def update(db, written: list[dict]) -> int:
    """Derive and write the figures of the versions just written (``begin``, then ``finish``); returns how many
    versions were read."""
    return finish(db, begin(db, written))


def _plausible(rows: list[dict], columns: dict) -> list[dict]:
    """The rows whose counts are at most ``MAX_FIGURE`` (the reader drops larger ones; this keeps the database
    whole should a rule ever make one: SQLite refuses an integer past 2**63 and the whole build would fail)."""
    counts = [name for name, kind in columns.items() if kind is int and name not in ("version", "evidence_start")]
    kept = [row for row in rows if all(not isinstance(row.get(name), int) or row[name] <= MAX_FIGURE
                                       for name in counts)]
    if len(kept) < len(rows):
        logger.warning("%d figure rows with a count larger than %s left out", len(rows) - len(kept), f"{MAX_FIGURE:,}")
    return kept


def _cite(row: dict) -> str:
    where = "title" if row.get("evidence_start") == -1 else f"body, character {row.get('evidence_start')}"
    return f"      “{row.get('evidence') or ''}” ({where})"


def _amount(row: dict, kind: str) -> str:
    value = row.get(kind)
    if value is None:
        return f"{kind} –"
    return f"{kind} {'at least ' if row.get(f'{kind}_at_least') else ''}{value}"


def describe(article: dict) -> str:
    """``kyivind figures``' text: one article version's tolls and air attacks, each with the sentence it was read
    from, so that any number can be checked in seconds."""
    from kyivind.extraction.util import shown

    toll_rows, air_rows = rows_of(article["url"], article.get("version") or 1, article.get("title"),
                                  article.get("body_text"), article.get("published_at"))
    lines = [f"{article['url']}  version {article.get('version') or 1} (published {article.get('published_at')}, "
             f"fetched {article.get('fetched_at')}); figures version {figures.VERSION}",
             f"  {article.get('title') or ''}"]
    if not toll_rows and not air_rows:
        lines.append("  no toll and no air attack figures")
    for row in toll_rows:
        of = "total" if row["scope"] == "total" else " ".join(x for x in (row["region_code"], row["place"]) if x)
        lines += [f"  toll {of}: {_amount(row, 'killed')}, {_amount(row, 'injured')}; day {row['day']}", _cite(row)]
    for row in air_rows:
        counts = ", ".join(f"{metric} {row[metric]}" for metric in ("launched", "downed", "lost")
                           if row[metric] is not None)
        lines += [f"  air {row['direction']} {row['weapon_class']} {row['weapon'] or '(class total)'}: {counts}; "
                  f"night of {row['night_of']}", _cite(row)]
    return shown("\n".join(lines))
