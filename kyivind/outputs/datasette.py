"""Datasette over the analysts' database: its metadata (title, licence, column descriptions from the JSON
Schema, facets, canned queries; ``kyivind/datasette-metadata.json`` is it, written out) and the
``datasette serve`` line that ``kyivind serve`` becomes."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path

from kyivind.items import SCALAR_FIELDS as SCALARS
from kyivind.outputs import reference

METADATA_FILE = Path(__file__).resolve().parent.parent / "datasette-metadata.json"
STATIC = Path(__file__).resolve().parent / "static"  # served at /kyivind-static/ (kyivind.css)
PLUGINS = Path(__file__).resolve().parent / "datasette_plugins"  # kyivind_guard.py: HTML, scripts, hosts, memory
TRUNCATE_CELLS = 160  # characters of a text cell shown in a table (the row page shows it whole)
_ARTICLE_COLUMNS = {  # the columns of `articles` that are not a field of the item, or that hold one differently
    "published_day": "Day of publication (UTC), YYYY-MM-DD",
    "tags": "Tag names in page order, primary first (a JSON array)",
    "author_names": "Author names in page order (a JSON array)",
    "image_url": "Feature image URL", "image_caption": "Feature image caption, without its credit",
    "image_credit": "Feature image credit",
    "link_count": "Outbound links in the body (the links table lists them)",
    "embed_count": "Embedded posts and cards (the embeds table lists them)",
    "capture_warc": "WARC file of the capture the latest version was read from",
    "capture_record_id": "WARC-Record-ID of that capture",
    "versions": "How many versions of the article were exported (more than one: edited)",
    "regions": "The regions the article names, or names a place in: English names, a JSON array (derived when the "
               "database is built; article_regions has their ISO 3166-2 codes)",
    "removed_at": "When the census found the site no longer has the article at its address (removed, or moved: the "
                  "removals table says which); empty: on the site. Its last version stays here",
}
# the Atom feed (datasette-atom: /kyivind/recent.atom): an entry per new article (its earliest capture), per new
# version, per article the census found removed, moved or restored, and per revision of an incident's toll that
# another item brought ("Toll revised for <incident>: 5 → 8 killed"; an edit's own revision is said in its
# version's entry, "Toll revised: 5 → 8 killed."), newest first, each with a stable id
RECENT_SQL = (
    "select atom_id, atom_title, atom_updated, atom_content, atom_link from ("
    "select v.url || '#version-' || v.version as atom_id, v.title as atom_title, "
    "coalesce(v.published_at, v.fetched_at) as atom_updated, "
    "coalesce(nullif(v.description, ''), substr(v.body_text, 1, 400)) as atom_content, v.url as atom_link "
    "from versions v where v.version = (select w.version from versions w where w.url = v.url "
    "order by coalesce(w.fetched_at, ''), w.version limit 1) "
    "union all "
    "select c.article_url || '#version-' || c.to_version, 'Updated: ' || c.title_after, c.changed_at, "
    "coalesce((select 'Toll revised: ' || trim("
    "case when r.killed_before is not r.killed_after then coalesce(r.killed_before, 'none') || ' → ' || "
    "coalesce(r.killed_after, 'none') || ' killed' else '' end || "
    "case when r.killed_before is not r.killed_after and r.injured_before is not r.injured_after then ', ' else '' end "
    "|| case when r.injured_before is not r.injured_after then coalesce(r.injured_before, 'none') || ' → ' || "
    "coalesce(r.injured_after, 'none') || ' injured' else '' end) || '.' || char(10) from toll_revisions r "
    "where r.article_url = c.article_url and r.to_version = c.to_version), '') || "
    "'Version ' || c.to_version || ' changed ' || coalesce((select group_concat(value, ', ') "
    "from json_each(c.fields)), 'nothing') || '.' || char(10) || 'Added: ' || coalesce(nullif(c.added, ''), '-') "
    "|| char(10) || 'Removed: ' || coalesce(nullif(c.removed, ''), '-'), c.article_url from changes c "
    "union all "
    "select r.url || '#' || r.status || '-' || r.detected_at, case r.status when 'removed' then 'Removed: ' "
    "when 'moved' then 'Moved: ' else 'Restored: ' end || coalesce(r.title, r.url), r.detected_at, "
    "case r.status when 'removed' then 'The site no longer has this article (it answered ' || "
    "coalesce(r.http_status, '?') || '); its last version, ' || coalesce(r.last_version, '?') || "
    "', stays in the dataset.' when 'moved' then 'The article moved to ' || r.moved_to || '.' "
    "else 'The site lists this article again.' end, coalesce(r.moved_to, r.url) from removals r "
    "where r.status in ('removed', 'moved', 'restored') "
    "union all "
    "select x.incident_id || '#toll-' || x.position, 'Toll revised for ' || x.incident_id || ': ' || trim("
    "case when x.killed_before is not null and x.killed != x.killed_before then x.killed_before || ' → ' || "
    "x.killed || ' killed' else '' end || case when x.killed_before is not null and x.killed != x.killed_before "
    "and x.injured_before is not null and x.injured != x.injured_before then ', ' else '' end || "
    "case when x.injured_before is not null and x.injured != x.injured_before then x.injured_before || ' → ' "
    "|| x.injured || ' injured' else '' end), x.fetched_at, coalesce(x.evidence, ''), x.article_url from ("
    "select r.*, (select p.killed from incident_reports p where p.incident_id = r.incident_id and p.position < "
    "r.position and p.killed is not null order by p.position desc limit 1) as killed_before, "
    "(select p.injured from incident_reports p where p.incident_id = r.incident_id and p.position < r.position "
    "and p.injured is not null order by p.position desc limit 1) as injured_before, (select p.article_url from "
    "incident_reports p where p.incident_id = r.incident_id and p.position = r.position - 1) as url_before "
    "from incident_reports r where r.killed is not null or r.injured is not null) x "
    "where x.article_url is not x.url_before and ("
    "(x.killed is not null and x.killed_before is not null and x.killed != x.killed_before) or "
    "(x.injured is not null and x.injured_before is not null and x.injured != x.injured_before))"
    ") order by atom_updated desc limit 200")
CANNED_QUERIES = {
    "articles_per_day": {"title": "Articles per day", "sql": "select published_day as day, count(*) as articles "
                         "from articles group by published_day order by published_day desc"},
    "articles_per_week": {"title": "Articles per week (weeks start on Monday)",
                          "sql": "select date(published_day, '-' || ((cast(strftime('%w', published_day) as integer) "
                                 "+ 6) % 7) || ' days') as week, count(*) as articles from articles "
                                 "group by week order by week desc"},
    "top_cited_domains": {"title": "Top cited domains", "sql": "select domain, count(*) as links, "
                          "count(distinct article_url) as articles from links group by domain "
                          "order by links desc, domain limit 100"},
    "articles_mentioning": {"title": "Articles mentioning a word",
                            "sql": "select articles.url, articles.title, articles.published_at, "
                                   "snippet(articles_fts, 2, '[', ']', '…', 16) as excerpt from articles_fts "
                                   "join articles on articles.rowid = articles_fts.rowid "
                                   "where articles_fts match :word order by articles.published_at desc"},
    "articles_per_region_per_week": {
        "title": "Articles per region per week (weeks start on Monday; a region counts once per article)",
        "sql": "select date(a.published_day, '-' || ((cast(strftime('%w', a.published_day) as integer) + 6) % 7) "
               "|| ' days') as week, r.region_code, r.region, count(distinct a.url) as articles "
               "from article_regions r join articles a on a.url = r.article_url "
               "group by week, r.region_code order by week desc, articles desc"},
    "recently_edited": {"title": "Recently edited articles: what each edit added and removed",
                        "sql": "select c.title_after as title, c.diff_html, c.changed_at, c.from_version, "
                               "c.to_version, c.fields, c.added, c.removed, c.article_url from changes c "
                               "order by c.changed_at desc limit 200"},
    "recent": {"title": "The Kyiv Independent News Feed: new and changed articles (kyivind)",
               "description": "Newest first: one entry per new article, per new version, per article "
                              "removed, moved or restored and per revision of an attack's toll; subscribe to "
                              "/kyivind/recent.atom",
               "sql": RECENT_SQL},
    "figures_with_evidence": {"title": "Each figure beside the sentence it was read from",
                              "description": "Tolls and air counts of each article's latest version, with the "
                                             "sentence each was read from: check any number in seconds",
                              "sql": "select a.title, 'toll' as what, t.scope || coalesce(' ' || t.region_code, '') "
                                     "|| coalesce(' ' || t.place, '') as of_what, t.day, t.killed, t.injured, "
                                     "null as launched, null as downed, t.evidence, t.article_url from latest_tolls t "
                                     "join articles a on a.url = t.article_url "
                                     "union all select a.title, 'air' as what, r.direction || ' ' || r.weapon_class "
                                     "|| coalesce(' ' || r.weapon, ''), r.night_of, null, null, r.launched, r.downed, "
                                     "r.evidence, r.article_url from latest_air_attacks r join articles a on a.url = "
                                     "r.article_url order by 4 desc limit 500"},
    # not named daily_air_attacks: a canned query of a view's name hides the view in Datasette
    "air_attacks_per_night": {"title": "Air attacks per night: drones and missiles launched and shot down",
                          "description": "Russia's attacks on Ukraine, per night the attack began: the night's air "
                                         "attack incident, whose counts are the largest any article's latest "
                                         "version states (several items about one night are not added up)",
                          "sql": "select night_of, direction, drones_launched, drones_downed, missiles_launched, "
                                 "missiles_downed, articles from daily_air_attacks order by night_of desc"},
    "deadliest_days_by_region": {"title": "Deadliest days by region",
                                 "description": "Killed and injured per day and region: each attack (incident) once, at its "
                                                "latest toll, the day's attacks summed (docs/analysing.md, Incidents)",

                                 "sql": "select d.day, d.region_code, d.region, d.killed, d.injured, d.articles "
                                        "from daily_tolls d where d.killed > 0 or d.injured > 0 "
                                        "order by d.killed desc, d.injured desc limit 200"},
    "revised_tolls": {"title": "Toll revisions: the toll an edit changed",  # not toll_revisions: the view's page
                       "description": "Each edit that changed an article's total toll, with when each of the two "
                                      "versions was captured",
                       "sql": "select a.title, r.from_version, r.fetched_before, r.to_version, r.fetched_after, "
                              "r.killed_before, r.killed_after, r.injured_before, r.injured_after, r.article_url "
                              "from toll_revisions r "
                              "join articles a on a.url = r.article_url order by a.published_at desc"},
    "incident_history": {"title": "An incident's reports in time order: its toll as each item told it",
                         "description": "Every version of every article that joined the incident (incidents: its "
                                        "incident_id), oldest first: 2 → 5 → 8 killed",
                         "sql": "select r.fetched_at, r.killed, r.injured, r.killed_at_least, r.injured_at_least, "
                                "r.drones_launched, r.drones_downed, r.missiles_launched, r.missiles_downed, "
                                "v.title, r.version, r.evidence, r.article_url from incident_reports r "
                                "left join versions v on v.url = r.article_url and v.version = r.version "
                                "where r.incident_id = :incident_id order by r.position"},
    "removed_articles": {"title": "Removed and moved articles",
                         "description": "What the census found: articles the site no longer has (removed), that "
                                        "answer at another address (moved), that came back (restored), and "
                                        "those one answer made suspected, awaiting the second",
                         "sql": "select title, status, detected_at, moved_to, last_version, http_status, url "
                                "from removals order by detected_at desc"},
    "edited_articles": {"title": "Edited articles (more than one version)",
                        "sql": "select title, versions, published_at, modified_at, url from articles "
                               "where versions > 1 order by versions desc, modified_at desc"},
    **reference.QUERIES,  # the Air Force's figures beside ours
}


_REGION = {"region_code": "ISO 3166-2 code of the region (UA-63, RU-BEL)",
           "region_name": "ISO 3166-2 name of the region (pycountry)"}
_POINT = {"latitude": "Latitude (WGS 84): the settlement's, or for a region, landmark or area that of the settlement "
                      "it is shown at", "longitude": "Longitude (WGS 84)"}
PLACE_TABLES = {  # outputs/places.py: places named, derived when the database is built
    "regions": {"label_column": "name", "columns": {
        "code": "ISO 3166-2 code", "name": "English name as the site writes it", "iso_name": "ISO 3166-2 name",
        "country_code": "ISO 3166-1 code", **_POINT}},
    "places": {"label_column": "name", "facets": ["kind", "region_name", "country_code"], "columns": {
        "id": "geonames:<id> for a settlement, region:<code>, landmark:<key>", "name": "Name",
        "kind": "settlement, city district, region, landmark or area", "country_code": "ISO 3166-1 code",
        **_REGION, **_POINT, "geonames_id": "GeoNames id of a settlement"}},
    "place_regions": {"columns": {"place_id": "The place", "region_code": "A region it lies in (two for the Donbas)"}},
    "article_places": {"facets": ["place_id"], "columns": {
        "article_url": "The article", "place_id": "A place its title or body names",
        "mentions": "How many times it is named"}},
    "article_regions": {"facets": ["region"], "columns": {
        "article_url": "The article", "region_code": "A region it names, or names a place in",
        "region_name": "ISO 3166-2 name", "region": "English name"}},
    "place_articles": {"label_column": "name", "sort_desc": "articles", "facets": ["kind", "region_name"],
                       "columns": {"articles": "Articles naming the place", "mentions": "Times named in all"}},
}
_TOLL = {"killed": "Killed, as the text states it now (null: not stated; 0: none)",
         "injured": "Injured (null: not stated, also where the text says some were injured without a number)",
         "killed_at_least": "1 where the text says at least, over or more than",
         "injured_at_least": "1 where the text says at least, over or more than",
         "children_killed": "Children among the killed, where stated", "children_injured": "Children among the injured"}
_EVIDENCE = {"evidence": "The sentence the figure was read from (the first, for a sum of places)",
             "evidence_start": "Where that sentence starts in the article's body_text (-1: the title)"}
FIGURE_TABLES = {  # outputs/figures.py: the toll and the air attacks, derived when the database is built
    "tolls": {"facets": ["scope", "region_code"], "sort_desc": "day", "columns": {
        "article_url": "The article", "version": "Its version", "scope": "total (the attacks the article reports), "
        "region (a region's figure, stated or summed from its places) or place (a settlement or district)",
        "region_code": "ISO 3166-2 code (null for total)", "place": "The settlement or district, for place rows",
        "day": "Day of the attack, from the text's own date phrase read against the publication day in Kyiv "
        "(the publication day where the text names none; an update of an earlier attack: that attack's day)",
        **_TOLL, **_EVIDENCE}},
    "air_attacks": {"facets": ["direction", "weapon_class", "weapon"], "sort_desc": "night_of", "columns": {
        "article_url": "The article", "version": "Its version", "night_of": "Date the attack began (the night of "
        "Nov. 20-21 is 2025-11-20)", "direction": "russia_on_ukraine, or ukraine_on_russia (Ukraine's drones and "
        "missiles, Russia's claims of downing them: never summed into Russia's attacks)",
        "weapon_class": "drone, missile or guided_bomb",
        "weapon": "As named (Shahed, Kh-101, Kalibr, Iskander-M, Kinzhal…); null: the class's total, or what its "
        "named parts leave of it", "launched": "Launched", "downed": "Shot down, destroyed or intercepted",
        "lost": "Locally lost, suppressed or did not reach a target", **_EVIDENCE}},
    "toll_revisions": {"columns": {"article_url": "The article", "from_version": "The version before",
                                   "to_version": "The new version",
                                   "fetched_before": "When the version before was captured (UTC)",
                                   "fetched_after": "When the new version was captured (UTC)",
                                   "killed_before": "Killed before",
                                   "killed_after": "Killed after", "injured_before": "Injured before",
                                   "injured_after": "Injured after"}},
    "daily_tolls": {"facets": ["region_code"], "sort_desc": "day", "columns": {
        "day": "Day of the attack (Kyiv)", "region_code": "ISO 3166-2 code",
        "region": "English name of the region (the regions table)",
        "killed": "Killed: the sum of the day's incidents in the region, each at its latest toll (a region-wide "
        "figure instead where it is larger)", "injured": "Injured, summed the same way",
        "incidents": "Incidents (attacks) that day in the region", "articles": "Articles reporting them"}},
    "daily_air_attacks": {"sort_desc": "night_of", "columns": {
        "night_of": "Date the attack began", "direction": "russia_on_ukraine: the view counts Russia's attacks on "
        "Ukraine only", "drones_launched": "Drones launched", "drones_downed": "Drones shot "
        "down", "missiles_launched": "Missiles launched", "missiles_downed": "Missiles shot down",
        "articles": "Articles about that night (the incident's items)"}},
    "removals": {"facets": ["status"], "sort_desc": "detected_at", "columns": {
        "title": "The article's last title", "status": "suspected (a first answer said removed or moved), removed "
        "(404, 410, 451) or moved (a redirect to another article), decided on a second answer hours later, cleared (a "
        "suspicion not confirmed) or restored (listed or answering again)", "detected_at": "When the census found it",
        "moved_to": "Its new address (moved)", "last_version": "Its version when it went", "http_status": "What its "
        "address answered", "url": "The article", "suspected_of": "What a suspicion is of: removed or moved",
        "suspected_at": "When the first answer came"}},
    "toll_places": {"facets": ["region_code"], "sort_desc": "day", "columns": {
        "article_url": "The article", "title": "Its title", "day": "Day of publication", "place": "Settlement or "
        "district", "region_code": "ISO 3166-2 code", "killed": "Killed there", "injured": "Injured there", **_POINT}},
}

for _table, _what in (("tolls", "tolls"), ("air_attacks", "air attack figures")):
    FIGURE_TABLES[_table]["description"] = (f"The {_what} of every version of every article (an edited article has "
                                            f"rows for each): count latest_{_table}")
    FIGURE_TABLES[f"latest_{_table}"] = {**FIGURE_TABLES[_table], "description": (
        f"The {_what} of each article's latest version (its row in articles): what to count")}


_TIMES = {"first_reported_at": "When the first report of it was fetched (UTC)",
          "last_updated_at": "When the latest report of it was fetched (UTC)"}
_AIR_COUNTS = {"drones_launched": "Drones launched", "drones_downed": "Drones shot down",
               "missiles_launched": "Missiles launched", "missiles_downed": "Missiles shot down"}
INCIDENT_TABLES = {  # outputs/incidents.py: one row per attack, derived when the database is built
    "incidents": {"facets": ["region_code", "kind"], "sort_desc": "last_updated_at", "columns": {
        "incident_id": "Made of the attack's kind, day or night, region and place (-2: a second attack there that "
        "day): the same on every build", "kind": "strike (a toll of a place or region on a day) or air_attack "
        "(Russia's attack on Ukraine of a night)", "day": "Day of the strike (Kyiv)", "night_of": "Date the air "
        "attack began", "region_code": "ISO 3166-2 code", "place": "The settlement or district (null: the "
        "region's figure, no place named)",
        "killed": "Killed, as the latest report stating it says (null: not stated)",
        "injured": "Injured, as the latest report stating it says",
        "killed_at_least": _TOLL["killed_at_least"], "injured_at_least": _TOLL["injured_at_least"],
        "first_killed": "Killed, as first reported", "first_injured": "Injured, as first reported",
        **{k: f"{v} (air attacks: the latest report stating it)" for k, v in _AIR_COUNTS.items()},
        "weapons": "The weapons its reports name (a JSON array)", **_TIMES,
        "items": "Articles that reported it", "reports": "Article versions that reported it"}},
    "incident_reports": {"facets": ["incident_id"], "sort_desc": "fetched_at", "columns": {
        "incident_id": "The incident", "position": "Order among its reports (by fetched_at, then version)",
        "article_url": "The article", "version": "Its version", "fetched_at": "When that version was fetched",
        "killed": "Killed, as that version says", "injured": "Injured, as that version says",
        "killed_at_least": _TOLL["killed_at_least"], "injured_at_least": _TOLL["injured_at_least"],
        **_AIR_COUNTS, "evidence": "The sentence the figure was read from"}},
}


def metadata() -> dict:
    """Datasette's metadata for the database: what it is, column descriptions from the JSON Schema,
    facets and canned queries. ``datasette-metadata.json`` is this, written out (a test keeps them equal).
    A copy each call: Datasette adds to the metadata it is given."""
    import copy

    from kyivind.items import load_schema

    properties = load_schema()["properties"]
    described = {name: properties[name]["description"] for name in SCALARS}
    from kyivind.outputs.database import reading_order

    articles = reading_order({name: described.get(name) or _ARTICLE_COLUMNS[name] for name in
                              [*SCALARS, *_ARTICLE_COLUMNS]})
    return copy.deepcopy({
        "title": "The Kyiv Independent: News Feed",
        "description": "Every article of The Kyiv Independent's News Feed, collected by kyivind: the latest version "
                       "of each, every exported version, authors, tags, the sources each article links to and "
                       "the posts it embeds. Search the text from the articles table.",
        "source": "The Kyiv Independent, News Feed",
        "source_url": "https://kyivindependent.com/tag/news-feed/",
        "license": "Articles © The Kyiv Independent; collected for research and analysis, not for republication",
        "extra_css_urls": ["/kyivind-static/kyivind.css"],  # the rows first: descriptions folded (STATIC)
        "extra_js_urls": ["/kyivind-static/kyivind.js"],  # the database page's SQL box opens on the articles
        "databases": {"kyivind": {"tables": {
            "articles": {"label_column": "title", "sort_desc": "published_at", "columns": articles,
                         "facets": ["primary_tag", {"array": "regions"}, {"array": "tags"}, {"array": "author_names"}]},
            "versions": {"sort_desc": "fetched_at",
                         "columns": {**{n: d for n, d in articles.items()
                                        if n not in ("published_day", "versions", "regions", "removed_at")},
                                     "authors": properties["authors"]["description"],
                                     "links": properties["links"]["description"],
                                     "embeds": properties["embeds"]["description"],
                                     "feed": "The feed file this version was exported in"}},
            "authors": {"label_column": "name", "columns": {"slug": "Author page slug", "name": "Display name",
                                                            "role": "Role line", "bio": "Biography",
                                                            "url": "Author page", "image_url": "Profile picture"}},
            "article_authors": {"columns": {"article_url": "The article", "author_slug": "The author",
                                            "position": "0 for the first author"}},
            "tags": {"columns": {"tag": "Tag name"}},
            "article_tags": {"facets": ["tag"], "columns": {"article_url": "The article", "tag": "Tag name",
                                                            "position": "0 for the primary tag"}},
            "links": {"facets": ["domain"], "columns": {"article_url": "The article", "position": "Order in the body",
                                                        **{k: v["description"] for k, v in
                                                           properties["links"]["items"]["properties"].items()}}},
            "embeds": {"facets": ["kind"], "columns": {"article_url": "The article", "position": "Order in the body",
                                                       **{k: v["description"] for k, v in
                                                          properties["embeds"]["items"]["properties"].items()}}},
            **PLACE_TABLES,
            **FIGURE_TABLES,
            **reference.TABLES,
            **INCIDENT_TABLES,
            "changes": {"sort_desc": "changed_at", "facets": [{"array": "fields"}], "columns": {
                "title_after": "Title after", "diff_html": "The body as an inline word diff (green: added, red: removed)",
                "changed_at": "When the new version was fetched (UTC)",
                "fields": "The fields that differ (a JSON array)",
                "from_version": "The version before", "to_version": "The new version",
                "added": "Words added, in order (title, then body; runs joined by …)",
                "removed": "Words removed, in order", "title_before": "Title before", "article_url": "The article"}},
            # kyivind's own bookkeeping, not data: kept off the database page
            "_feeds": {"hidden": True}, "_places": {"hidden": True}, "_figures": {"hidden": True},
        }, "queries": CANNED_QUERIES,
            }},
        "plugins": {"datasette-cluster-map": {"latitude_column": "latitude", "longitude_column": "longitude"}},
    })


def write_metadata(path: Path = METADATA_FILE) -> None:
    path.write_text(json.dumps(metadata(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def port_problem(host: str, port: int) -> str | None:
    """Why Datasette could not listen on ``host``:``port`` (the port in use, a host that is not this machine's),
    or None. Bound and let go at once, as Datasette's server binds (``SO_REUSEADDR``): a port another server
    listens on is refused, one whose last connections are closing is not."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET  # as uvicorn chooses it
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return f"port {port} of {host} is in use by another server: choose another with --port"
        return f"cannot serve on {host} port {port}: {error.strerror or error}"
    return None


def serve_command(database: Path, port: int = 8001, host: str = "127.0.0.1") -> list[str]:
    """The ``datasette serve`` line of ``kyivind serve`` (docs/analysing.md shows it too)."""
    return [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(METADATA_FILE),
            "--host", host, "--port", str(port), "--setting", "default_page_size", "50",
            "--setting", "truncate_cells_html", str(TRUNCATE_CELLS), "--setting", "default_facet_size", "4",
            "--static", f"kyivind-static:{STATIC}", "--plugins-dir", str(PLUGINS)]
