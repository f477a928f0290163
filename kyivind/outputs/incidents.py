"""One attack, one row, in the analysts' database: the tables ``incidents`` and ``incident_reports`` and the
views ``daily_tolls`` and ``daily_air_attacks`` that count them, joined from the ``tolls`` and ``air_attacks`` of every article version by the
rules of ``kyivind/figures/incidents.py`` (docs/analysing.md, "Incidents").

Derived after the figures on every build, never stored in the feed. The rules join reports of one day and
region (or one night) only, so a build makes again the incidents of the days and regions, and the nights, its
new versions touch (those they state now and those they stated before); a new ``kyivind.figures.VERSION`` or ``incidents.VERSION``, or a
database without the tables, makes them all again.

``daily_tolls`` counts each incident once, at its latest toll: for a day and region, the sum of its places'
incidents, or of its region-wide incidents (a region's figure no single place's incident took) where that is
larger. ``daily_air_attacks`` is each night's air attack incident.
"""

from __future__ import annotations

import logging

from kyivind import figures
from kyivind.figures import incidents as rules

logger = logging.getLogger(__name__)
VERSION_KEY = "incidents_version"
INCIDENT_COLUMNS = {"incident_id": str, "kind": str, "day": str, "night_of": str, "region_code": str, "place": str,
                    "killed": int, "injured": int, "killed_at_least": int, "injured_at_least": int,
                    "first_killed": int, "first_injured": int, "drones_launched": int, "drones_downed": int,
                    "missiles_launched": int, "missiles_downed": int, "weapons": str, "first_reported_at": str,
                    "last_updated_at": str, "items": int, "reports": int}
REPORT_COLUMNS = {"incident_id": str, "position": int, "article_url": str, "version": int, "fetched_at": str,
                  "killed": int, "injured": int, "killed_at_least": int, "injured_at_least": int,
                  "drones_launched": int, "drones_downed": int, "missiles_launched": int, "missiles_downed": int,
                  "evidence": str}
VIEWS = {
    # a day and region: each incident once at its latest toll, the places' incidents summed, or the region-wide
    # ones (a region's figure no single place's incident took) where they give more
    "daily_tolls": """
with s as (select day, region_code,
                  sum(case when place is not null then killed end) as place_killed,
                  sum(case when place is not null then injured end) as place_injured,
                  sum(case when place is null then killed end) as wide_killed,
                  sum(case when place is null then injured end) as wide_injured,
                  count(*) as incidents
           from incidents where kind = 'strike' and day is not null and region_code is not null
           group by day, region_code),
a as (select i.day, i.region_code, count(distinct r.article_url) as articles
      from incidents i join incident_reports r on r.incident_id = i.incident_id
      where i.kind = 'strike' group by i.day, i.region_code)
select s.day, s.region_code, g.name as region,
       case when place_killed is null and wide_killed is null then null
            else max(coalesce(place_killed, 0), coalesce(wide_killed, 0)) end as killed,
       case when place_injured is null and wide_injured is null then null
            else max(coalesce(place_injured, 0), coalesce(wide_injured, 0)) end as injured,
       s.incidents, a.articles
from s left join a on a.day = s.day and a.region_code = s.region_code
left join regions g on g.code = s.region_code""",
    # a night: its one air attack incident (Russia's attacks on Ukraine)
    "daily_air_attacks": """
select night_of, 'russia_on_ukraine' as direction, drones_launched, drones_downed, missiles_launched,
       missiles_downed, items as articles
from incidents where kind = 'air_attack' and night_of is not null""",
}
_TOLL_SQL = ("select t.article_url, t.version, v.fetched_at, v.published_at, t.scope, t.region_code, t.place, t.day, "
             "t.killed, t.injured, t.killed_at_least, t.injured_at_least, t.evidence from tolls t "
             "join versions v on v.url = t.article_url and v.version = t.version")
_AIR_SQL = ("select r.article_url, r.version, v.fetched_at, v.published_at, r.direction, r.night_of, r.weapon_class, "
            "r.weapon, r.launched, r.downed, r.evidence from air_attacks r "
            "join versions v on v.url = r.article_url and v.version = r.version "
            "where r.direction = 'russia_on_ukraine'")
CHUNK = 500  # SQLite parameters per query


def _stamp() -> str:
    return f"{figures.VERSION}.{rules.VERSION}"


def _tables(db) -> bool:
    """Make the tables where missing (or made with other columns); whether they were made now."""
    made = False
    for name, columns, pk in (("incidents", INCIDENT_COLUMNS, "incident_id"),
                              ("incident_reports", REPORT_COLUMNS, ("incident_id", "position"))):
        if db[name].exists() and set(columns) != set(db[name].columns_dict):
            db[name].drop()
        if not db[name].exists():
            db[name].create(columns, pk=pk)
            made = True
    db["incidents"].create_index(["day", "region_code"], if_not_exists=True)
    db["incidents"].create_index(["night_of"], if_not_exists=True)
    db["incident_reports"].create_index(["article_url"], if_not_exists=True)
    return made


def _chunks(values: list):
    for start in range(0, len(values), CHUNK):
        chunk = values[start:start + CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def _touched(db, urls: list[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """The (day, region) of the strikes and the nights whose incidents the versions of ``urls`` join now or
    joined before (the rules join reports of one day and region, or one night, only)."""
    pairs, nights = set(), set()
    for chunk, marks in _chunks(urls):
        for day, region, night in db.execute(
                f"select distinct i.day, coalesce(i.region_code, ''), i.night_of from incidents i "
                f"join incident_reports r on r.incident_id = i.incident_id where r.article_url in ({marks})", chunk):
            if day:
                pairs.add((day, region))
            else:
                nights.add(night)
        pairs |= set(db.execute(f"select distinct day, coalesce(region_code, '') from tolls where article_url in "
                                f"({marks}) and day is not null and scope != 'total'", chunk))
        nights |= {r[0] for r in db.execute(f"select distinct night_of from air_attacks where article_url in "
                                            f"({marks}) and night_of is not null", chunk)}
    return pairs, nights


def _reports(db, pairs: list[tuple[str, str]] | None, nights: list[str] | None) -> list[dict]:
    """The reports of the given (day, region) pairs and nights (None: of all), one article version at a time."""
    versions: dict[tuple[str, int], tuple[dict, list, list]] = {}

    def of(row):
        key = (row["article_url"], row["version"])
        if key not in versions:
            versions[key] = ({"fetched_at": row["fetched_at"], "published_at": row["published_at"]}, [], [])
        return versions[key]

    toll_queries = [(_TOLL_SQL, [])] if pairs is None else [
        (f"{_TOLL_SQL} where t.day = ? and coalesce(t.region_code, '') = ?", list(pair)) for pair in pairs]
    air_queries = [(_AIR_SQL, [])] if nights is None else [
        (f"{_AIR_SQL} and r.night_of in ({marks})", chunk) for chunk, marks in _chunks(nights)]
    for sql, params in toll_queries:
        for row in db.query(sql, params):
            of(row)[1].append(row)
    for sql, params in air_queries:
        for row in db.query(sql, params):
            of(row)[2].append(row)
    out = []
    for (url, version), (meta, tolls, air) in versions.items():
        out += rules.reports_of(url, version, meta["fetched_at"], meta["published_at"], tolls, air)
    return out


def _insert(db, table: str, columns: dict, rows: list[dict]) -> None:
    names = list(columns)
    db.conn.executemany(f"insert into [{table}] ({', '.join(names)}) values ({', '.join('?' * len(names))})",
                        ([row.get(name) for name in names] for row in rows))


def update(db, written: list[dict]) -> int:
    """Make again the incidents the versions just written touch (all of them when the rules or the figures
    changed); returns how many incidents were made."""
    if not db["tolls"].exists() or not db["air_attacks"].exists():
        return 0
    meta = db["_figures"]
    stored = next(iter(meta.rows_where("key = ?", [VERSION_KEY])), {}).get("value") if meta.exists() else None
    made = _tables(db)
    if made or stored != _stamp():
        db.execute("delete from incidents")
        db.execute("delete from incident_reports")
        reports = _reports(db, None, None)
    else:
        pairs, nights = _touched(db, sorted({row["url"] for row in written}))
        if not pairs and not nights:
            _views(db)
            return 0
        which = {"strike": ("day = ? and coalesce(region_code, '') = ?", sorted(pairs)),
                 "night": ("night_of = ?", [(night,) for night in sorted(nights)])}
        for where, params in which.values():
            db.conn.executemany(f"delete from incident_reports where incident_id in (select incident_id from "
                                f"incidents where {where})", params)
            db.conn.executemany(f"delete from incidents where {where}", params)
        reports = _reports(db, sorted(pairs), sorted(nights))
    incidents, history, skipped = rules.build(reports)
    if skipped:
        logger.warning("%d figures name no day or night of their attack and join no incident", skipped)
    _insert(db, "incidents", INCIDENT_COLUMNS, incidents)
    _insert(db, "incident_reports", REPORT_COLUMNS, history)
    _views(db)
    meta.insert({"key": VERSION_KEY, "value": _stamp()}, pk="key", replace=True)
    return len(incidents)


def _views(db) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
