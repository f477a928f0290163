"""One attack, one row, in the analysts' database: the tables ``incidents`` and ``incident_reports`` and the
view ``daily_incident_tolls``, joined from the ``tolls`` and ``air_attacks`` of every article version by the
rules of ``kyivind/figures/incidents.py`` (docs/analysing.md, "Incidents").

Derived after the figures on every build, never stored in the feed. The rules join reports of one day (or
night) only, so a build makes again the incidents of the days and nights its new versions touch (those they
state now and those they stated before); a new ``kyivind.figures.VERSION`` or ``incidents.VERSION``, or a
database without the tables, makes them all again.

``daily_incident_tolls`` counts each incident once, at its latest toll: for a day and region, the sum of its
places' incidents, or of its region-wide incidents (a region's figure no single place's incident took) where
that is larger.
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
    "daily_incident_tolls": """
with s as (select day, region_code,
                  sum(case when place is not null then killed end) as place_killed,
                  sum(case when place is not null then injured end) as place_injured,
                  sum(case when place is null then killed end) as wide_killed,
                  sum(case when place is null then injured end) as wide_injured,
                  count(*) as incidents
           from incidents where kind = 'strike' group by day, region_code)
select day, region_code,
       case when place_killed is null and wide_killed is null then null
            else max(coalesce(place_killed, 0), coalesce(wide_killed, 0)) end as killed,
       case when place_injured is null and wide_injured is null then null
            else max(coalesce(place_injured, 0), coalesce(wide_injured, 0)) end as injured,
       incidents
from s""",
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


def _touched(db, urls: list[str]) -> tuple[set[str], set[str]]:
    """The days and nights whose incidents the versions of ``urls`` join now or joined before."""
    days, nights = set(), set()
    for chunk, marks in _chunks(urls):
        for row in db.execute(f"select distinct i.day, i.night_of from incidents i join incident_reports r "
                              f"on r.incident_id = i.incident_id where r.article_url in ({marks})", chunk):
            (days if row[0] else nights).add(row[0] or row[1])
        days |= {r[0] for r in db.execute(f"select distinct day from tolls where article_url in ({marks}) "
                                          f"and day is not null", chunk)}
        nights |= {r[0] for r in db.execute(f"select distinct night_of from air_attacks where article_url in "
                                            f"({marks}) and night_of is not null", chunk)}
    return days, nights


def _reports(db, days: list[str] | None, nights: list[str] | None) -> list[dict]:
    """The reports of the given days and nights (None: of all), one article version at a time."""
    versions: dict[tuple[str, int], tuple[dict, list, list]] = {}

    def of(row):
        key = (row["article_url"], row["version"])
        if key not in versions:
            versions[key] = ({"fetched_at": row["fetched_at"], "published_at": row["published_at"]}, [], [])
        return versions[key]

    toll_queries = [(_TOLL_SQL, [])] if days is None else [
        (f"{_TOLL_SQL} where t.day in ({marks})", chunk) for chunk, marks in _chunks(days)]
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
        days, nights = _touched(db, sorted({row["url"] for row in written}))
        if not days and not nights:
            _views(db)
            return 0
        for column, values in (("day", sorted(days)), ("night_of", sorted(nights))):
            for chunk, marks in _chunks(values):
                db.execute(f"delete from incident_reports where incident_id in (select incident_id from incidents "
                           f"where {column} in ({marks}))", chunk)
                db.execute(f"delete from incidents where {column} in ({marks})", chunk)
        reports = _reports(db, sorted(days), sorted(nights))
    incidents, history, skipped = rules.build(reports)
    if skipped:
        logger.warning("%d figures name no day or night of their attack and join no incident", skipped)
    db["incidents"].insert_all(incidents, batch_size=2000)
    db["incident_reports"].insert_all(history, batch_size=2000)
    _views(db)
    meta.insert({"key": VERSION_KEY, "value": _stamp()}, pk="key", replace=True)
    return len(incidents)


def _views(db) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
