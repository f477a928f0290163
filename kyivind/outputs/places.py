"""The places of the database (``kyivind db``): derived when the database is built, never stored in the feed,
so a better matcher reaches every article on the next build without a re-crawl or a new version.

Tables: ``regions`` (ISO 3166-2 code, English and ISO names, its point), ``places`` (every place named:
id, name, kind, country code, region code and ISO name, latitude, longitude, GeoNames id), ``place_regions``
(the regions a place lies in: one, or two for the Donbas), ``article_places`` (article URL, place id,
mentions) and the views ``article_regions`` (one row per region an article names) and ``place_articles``
(each place with how many articles name it, for the map). ``_places`` remembers the matcher's version: a
new one matches every article again.
"""

from __future__ import annotations

import json
from collections import Counter

from kyivind.outputs.progress import tracked
from kyivind.places import matcher
from kyivind.places.gazetteer import Place, gazetteer

VERSION_KEY = "matcher"
VIEWS = {
    "article_regions": "select distinct ap.article_url, pr.region_code, r.iso_name as region_name, r.name as region "
                       "from article_places ap join place_regions pr on pr.place_id = ap.place_id "
                       "join regions r on r.code = pr.region_code",
    "place_articles": "select p.id, p.name, p.kind, p.region_code, p.region_name, p.latitude, p.longitude, "
                      "count(ap.article_url) as articles, sum(ap.mentions) as mentions from places p "
                      "join article_places ap on ap.place_id = p.id group by p.id",
}


def place_row(place: Place, iso_names: dict[str, str]) -> dict:
    code = place.regions[0]
    return {"id": place.id, "name": place.name, "kind": place.kind, "country_code": place.country,
            "region_code": code, "region_name": iso_names.get(code), "latitude": place.latitude,
            "longitude": place.longitude, "geonames_id": place.geonames_id}


def regions(article: dict) -> list[str]:
    """The ISO 3166-2 codes of the regions an article names, sorted (the exports' ``regions`` column)."""
    return sorted(matcher.match(article.get("title"), article.get("body_text")).regions)


def update(db, written: dict[str, dict]) -> int:
    """Match the articles just written, whose old rows ``database._write_articles`` deleted (all of them when
    the matcher changed); returns how many were matched."""
    meta = db["_places"]
    stored = next(iter(meta.rows_where("key = ?", [VERSION_KEY])), {}).get("value") if meta.exists() else None
    if stored != str(matcher.VERSION) and db["articles"].exists():
        articles = {row["url"]: row for row in db.query("select url, title, body_text from articles")}
        if db["article_places"].exists():
            db.execute("delete from article_places")
        if "regions" in db["articles"].columns_dict:
            db.execute("update articles set regions = null")
    else:
        articles = written
    if not articles and db["article_places"].exists():
        return 0  # nothing new to match: the gazetteer is not even loaded
    places = gazetteer()
    _regions_table(db, places)
    place_rows, links, named = {}, [], []
    for url, article in tracked(articles.items(), len(articles), "matching places"):
        found = matcher.match(article.get("title"), article.get("body_text"))
        for place, mentions in found.places.items():
            place_rows[place.id] = place
            links.append({"article_url": url, "place_id": place.id, "mentions": mentions})
        if found.regions:  # the articles table's regions column: the English names, for reading and faceting
            names = sorted(places.regions[code].name if code in places.regions else code for code in found.regions)
            named.append((json.dumps(names, ensure_ascii=False), url))
    if not db["places"].exists():  # made before any row: a dataset may name no place at all
        db["places"].create({"id": str, "name": str, "kind": str, "country_code": str, "region_code": str,
                             "region_name": str, "latitude": float, "longitude": float, "geonames_id": int},
                            pk="id", foreign_keys=[("region_code", "regions", "code")])
        db["place_regions"].create({"place_id": str, "region_code": str}, pk=("place_id", "region_code"),
                                   foreign_keys=[("place_id", "places", "id"), ("region_code", "regions", "code")])
    db["places"].insert_all((place_row(p, places.region_names) for p in place_rows.values()), replace=True)
    db["place_regions"].insert_all(({"place_id": p.id, "region_code": code} for p in place_rows.values()
                                    for code in p.regions), replace=True)
    if not db["article_places"].exists():
        db["article_places"].create({"article_url": str, "place_id": str, "mentions": int},
                                    pk=("article_url", "place_id"),
                                    foreign_keys=[("article_url", "articles", "url"), ("place_id", "places", "id")])
        db["article_places"].create_index(["place_id"], if_not_exists=True)
    db["article_places"].insert_all(links, replace=True, batch_size=2000)
    if "regions" in db["articles"].columns_dict:
        db.conn.executemany("update articles set regions = ? where url = ?", named)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    meta.insert({"key": VERSION_KEY, "value": str(matcher.VERSION)}, pk="key", replace=True)
    return len(articles)


def _regions_table(db, places) -> None:
    if db["regions"].exists() and db["regions"].count == len(places.regions):
        return
    db["regions"].insert_all(({"code": code, "name": p.name, "iso_name": places.region_names.get(code),
                               "country_code": p.country, "latitude": p.latitude, "longitude": p.longitude}
                              for code, p in places.regions.items()), pk="code", replace=True)


def where(articles: list[dict], top: int = 25) -> dict:
    """For the report: articles per region (most named first), the places named with their articles, and
    each article's regions (``by_article``, its CSV's column: every article matched once)."""
    per_region: Counter = Counter()
    per_place: Counter = Counter()
    by_article: dict[str, list[str]] = {}
    for article in tracked(articles, len(articles), "matching places"):
        found = matcher.match(article.get("title"), article.get("body_text"))
        by_article[article.get("url")] = named = sorted(found.regions)
        per_region.update(named)  # in a set's order, ties among regions would fall differently each run
        per_place.update(found.places.keys())
    names = {code: place.name for code, place in gazetteer().regions.items()} if per_region else {}
    return {"regions": [(names[code], count) for code, count in per_region.most_common(top)],
            "places": per_place.most_common(), "by_article": by_article}
