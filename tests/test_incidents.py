"""One attack, one row (kyivind/figures/incidents.py, kyivind/outputs/incidents.py): real rewritten News Feed items
of tests/figures/real/ about one attack (a first report and its updates, a roundup's line, an Air Force report and a
city's story of the same night) joined into incidents with their toll's history in order; where the set holds no
such item, the versions of a real item built as the site's edits are (the same item with its toll sentence
changed)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonlines
import pytest

from kyivind import figures
from kyivind.figures import incidents
from tests.figures.realscore import load, published_at

REAL = load("all")


def real(slug: str) -> dict:
    found = [item for item in REAL if f"/{slug}" in item["url"]]
    assert len(found) == 1, slug
    return found[0]


def edit(item: dict, old: str, new: str) -> dict:
    """``item`` as the site edits it: one sentence changed."""
    assert old in item["body_text"], old
    return {**item, "body_text": item["body_text"].replace(old, new, 1)}


def reports(item: dict, fetched_at: str, version: int = 1, url: str | None = None) -> list[dict]:
    tolls, air = figures.derive(item["title"], item["body_text"], published_at(item))
    return incidents.reports_of(url or item["url"], version, fetched_at, published_at(item), tolls, air)


def of(rows: list[dict], incident_id: str) -> dict:
    found = [row for row in rows if row["incident_id"] == incident_id]
    assert len(found) == 1, [row["incident_id"] for row in rows]
    return found[0]


def history(reports_rows: list[dict], incident_id: str, column: str = "killed") -> list:
    return [row[column] for row in sorted((r for r in reports_rows if r["incident_id"] == incident_id),
                                          key=lambda r: r["position"])]


SLOVIANSK = "strike-2023-04-14-ua-14-sloviansk"


def sloviansk_reports() -> list[dict]:
    """The Sloviansk missile strike of April 14, 2023: the first item (5 killed) and an edit of it (6), the same
    day's second item (8) and the update two days later of "the April 14 Sloviansk missile attack" (13)."""
    first = real("update-death-toll-in-sloviansk-rises-to-5")
    edited = edit(first, "said on April 14 that five people", "said on April 14 that six people")
    return [*reports(first, "2023-04-14T08:00:00+00:00"),
            *reports(edited, "2023-04-14T10:30:00+00:00", version=2),
            *reports(real("sloviansk-update-6-people-dead"), "2023-04-14T16:00:00+00:00"),
            *reports(real("update-death-toll-in-april-14-sloviansk-missile-attack-rises-to-13"),
                     "2023-04-16T09:00:00+00:00")]


def test_a_first_item_its_edit_and_the_next_items_are_one_incident_with_the_toll_history_in_order():
    rows, history_rows, skipped = incidents.build(sloviansk_reports())
    assert skipped == 0
    assert [row["incident_id"] for row in rows if row["kind"] == "strike"] == [SLOVIANSK], \
        "one attack: no second incident of the place, none of the region (its rows only sum the place)"
    incident = of(rows, SLOVIANSK)
    assert history(history_rows, SLOVIANSK) == [5, 6, 8, 13]
    assert (incident["killed"], incident["first_killed"]) == (13, 5)
    assert incident["items"] == 3 and incident["reports"] == 4
    assert incident["first_reported_at"] == "2023-04-14T08:00:00+00:00"
    assert incident["last_updated_at"] == "2023-04-16T09:00:00+00:00"
    assert history(history_rows, SLOVIANSK, "version") == [1, 2, 1, 1]


def test_the_order_of_the_rows_does_not_change_the_incidents():
    given = sloviansk_reports()
    assert incidents.build(given) == incidents.build(list(reversed(given)))


KHERSON = "strike-2023-10-09-ua-65-kherson"


def test_a_roundup_line_naming_the_region_joins_its_one_strike_that_day():
    """Kherson, Oct. 9, 2023: the prosecutors' item (the morning's strike, 1 injured), its edit (2 injured, as
    its title says) and the day's roundup, whose Kherson Oblast line (1 killed, 18 injured) names no place."""
    first = real("prosecutors-russian-attacks-on-kherson-injure-2")
    edited = edit(first, "injuring a 55-year-old man", "injuring two people, among them a 55-year-old man")
    roundup = real("russian-attacks-kill-2-injure-22-in-ukraine-over-past-day")
    rows, history_rows, _ = incidents.build([*reports(first, "2023-10-09T09:00:00+00:00"),
                                             *reports(edited, "2023-10-09T11:00:00+00:00", version=2),
                                             *reports(roundup, "2023-10-09T18:00:00+00:00")])
    kherson = [row for row in rows if row["region_code"] == "UA-65"]
    assert [row["incident_id"] for row in kherson] == [KHERSON], "the oblast's line joins the city's strike"
    assert history(history_rows, KHERSON, "injured") == [1, 2, 18]
    assert history(history_rows, KHERSON, "killed") == [None, None, 1]
    incident = of(rows, KHERSON)
    assert (incident["killed"], incident["injured"], incident["first_injured"], incident["items"]) == (1, 18, 1, 2)
    # the roundup's other lines are attacks of their own
    assert {row["incident_id"] for row in rows} >= {"strike-2023-10-09-ua-14-kostiantynivka",
                                                   "strike-2023-10-09-ua-63-vovchansk"}


def test_a_region_line_joins_the_regions_one_strike_and_other_places_stay_apart():
    """Aug. 9, 2023: the roundup's Kherson Oblast line, naming no place, joins the region's one strike of the day
    (the kindergarten in Kherson, a single item); Zaporizhzhia's strike and the roundup's Orikhiv are two."""
    rows, _, _ = incidents.build([*reports(real("russia-shells-kindergarten-in-kherson"), "2023-08-09T10:00:00+00:00"),
                                  *reports(real("1-killed-11-injured-in-russian-attacks-over-the-past-day"),
                                           "2023-08-09T08:00:00+00:00"),
                                  *reports(real("at-least-3-killed-in-russian-strike-against-zaporizhzhia"),
                                           "2023-08-09T12:00:00+00:00")])
    assert of(rows, "strike-2023-08-09-ua-65-kherson")["items"] == 2
    assert {row["incident_id"] for row in rows if row["region_code"] == "UA-23"} == {
        "strike-2023-08-09-ua-23-zaporizhzhia", "strike-2023-08-09-ua-23-orikhiv"}


KRYVYI_RIH = "strike-2023-07-31-ua-12-kryvyi-rih"
FIRST_SENTENCE = ("At least one person was killed and at least 10 were injured when Russia fired missiles at the "
                  "Dnipropetrovsk Oblast city of Kryvyi Rih on July 31")


def kryvyi_rih(second_sentence: str) -> list[dict]:
    """The morning missile strike on Kryvyi Rih of July 31, 2023 (the first item, and the update of the morning's
    strike: 6 killed, 75 injured), and a third item built of the first with its toll sentence telling of an
    attack that evening."""
    first = real("russia-launches-missile-strike-against-kryvyi-rih")
    evening = edit(first, FIRST_SENTENCE, second_sentence)
    return [*reports(first, "2023-07-31T07:30:00+00:00"),
            *reports(real("update-6-killed-75-injured-in-russian-missile-strike-against-kryvyi-rih"),
                     "2023-07-31T13:00:00+00:00"),
            *reports(evening, "2023-07-31T19:00:00+00:00", url="https://kyivindependent.com/kryvyi-rih-evening/")]


@pytest.mark.parametrize("sentence", [
    "Two people were killed and four were injured when Russia struck Kryvyi Rih in Dnipropetrovsk Oblast again "
    "on July 31",
    "Two people were killed and four were injured in the evening of July 31 when a Russian drone hit Kryvyi Rih "
    "in Dnipropetrovsk Oblast",
    "Two people were killed and four were injured at 8:40 p.m. on July 31 when a Russian drone hit Kryvyi Rih in "
    "Dnipropetrovsk Oblast",
    "Another Russian strike on Kryvyi Rih in Dnipropetrovsk Oblast on July 31 killed two people and injured four",
])
def test_two_attacks_on_one_city_on_one_day_are_two_incidents(sentence):
    rows, history_rows, _ = incidents.build(kryvyi_rih(sentence))
    assert [row["incident_id"] for row in rows if row["kind"] == "strike"] == [KRYVYI_RIH, f"{KRYVYI_RIH}-2"]
    assert history(history_rows, KRYVYI_RIH) == [1, 6], "the morning's update joins the morning's strike"
    assert (of(rows, f"{KRYVYI_RIH}-2")["killed"], of(rows, f"{KRYVYI_RIH}-2")["items"]) == (2, 1)


def test_an_item_that_tells_no_other_attack_joins_the_days_strike_on_the_city():
    sentence = ("Two people were killed and four were injured when Russia struck Kryvyi Rih in Dnipropetrovsk "
                "Oblast on July 31")
    rows, history_rows, _ = incidents.build(kryvyi_rih(sentence))
    assert [row["incident_id"] for row in rows if row["kind"] == "strike"] == [KRYVYI_RIH]
    assert history(history_rows, KRYVYI_RIH) == [1, 6, 2]


def test_what_tells_an_attack_apart():
    assert incidents.part_of_day("Russia hit Kherson on the morning of Oct. 9") == "morning"
    assert incidents.part_of_day("Explosions were heard at around 9 a.m.") == "morning"
    assert incidents.part_of_day("a drone hit the city at 23:40") == "night"
    assert incidents.part_of_day("as of 7 p.m. local time, 23 people were known to have died") is None, \
        "the time of a report is not the attack's"
    assert incidents.tells_another("Russia struck Kharkiv again, killing two")
    assert incidents.tells_another("Syniehubov said the city had been hit by two separate strikes.")
    assert not incidents.tells_another("Kharkiv, Ukraine's second-largest city, was hit")
    assert not incidents.tells_another("Another three people were injured, the governor said")
    assert not incidents.tells_another("The death toll of another strike rose again to 8"), "an update"


def test_a_nights_air_attack_told_by_three_items_is_one_incident():
    """The night of Oct. 2-3, 2023: the Air Force's report (31 drones and a missile, 29 and 1 downed), the
    story of Dnipropetrovsk Oblast's part of it and the Dec. 29 items of another night; the third item of
    Oct. 2-3 is the Air Force report's edit built as the evening's summary at another address."""
    air_force = real("air-force-29-of-31-drones-1-missile-shot-down")
    summary = edit(air_force, "Russia fired 31 Shahed drones", "Russia fired 31 Shahed-type drones")
    rows, history_rows, _ = incidents.build([
        *reports(air_force, "2023-10-03T07:00:00+00:00"),
        *reports(real("ukraine-downs-drones-missiles-in-overnight-attacks-in-dnipropetrovsk-oblast"),
                 "2023-10-03T09:00:00+00:00"),
        *reports(summary, "2023-10-03T20:00:00+00:00", url="https://kyivindependent.com/summary-oct-3/"),
        *reports(real("update-5-killed-20-injured-in-russian-strike-on-dnipro"), "2023-12-29T12:00:00+00:00"),
        *reports(real("update-23-killed-in-kyiv-by-russias-dec-29-mass-strike"), "2023-12-31T12:00:00+00:00")])
    night = of(rows, "air-2023-10-02")
    assert (night["kind"], night["night_of"], night["items"]) == ("air_attack", "2023-10-02", 3)
    assert (night["drones_launched"], night["drones_downed"], night["missiles_launched"]) == (31, 29, 1)
    assert history(history_rows, "air-2023-10-02", "drones_downed") == [29, 13, 29], "each item as it said it"
    assert json.loads(night["weapons"]) == ["Iskander", "Iskander-K", "Shahed"], "as each sentence names them"
    assert (of(rows, "air-2023-12-29")["items"], of(rows, "air-2023-12-29")["missiles_launched"]) == (1, 110), \
        "the Dnipro story's 110 missiles; the Kyiv story's '114 of the 158 missiles and drones' counts neither class"


def test_a_report_without_its_attacks_day_is_counted_not_joined():
    rows, _, skipped = incidents.build([{"kind": "strike", "day": None, "region_code": "UA-30", "place": "Kyiv",
                                         "killed": 1, "article_url": "u", "version": 1}])
    assert rows == [] and skipped == 1


# --- the database ------------------------------------------------------------------------------------------------


def article(item: dict, url: str, fetched_at: str, version: int = 1) -> dict:
    return {"url": url, "title": item["title"], "body_text": item["body_text"], "published_at": published_at(item),
            "version": version, "fetched_at": fetched_at, "tags": [], "authors": [], "links": [], "embeds": []}


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with jsonlines.open(path, mode="w") as writer:
        writer.write_all(rows)


def kryvyi_rih_feed() -> list[dict]:
    first = real("russia-launches-missile-strike-against-kryvyi-rih")
    evening = edit(first, FIRST_SENTENCE, "Two people were killed and four were injured when Russia struck Kryvyi "
                                          "Rih in Dnipropetrovsk Oblast again on July 31")
    update = real("update-6-killed-75-injured-in-russian-missile-strike-against-kryvyi-rih")
    return [article(first, first["url"], "2023-07-31T07:30:00+00:00"),
            article(update, update["url"], "2023-07-31T13:00:00+00:00"),
            article(evening, "https://kyivindependent.com/kryvyi-rih-evening/", "2023-07-31T19:00:00+00:00")]


@pytest.fixture
def database(tmp_path):
    from kyivind.outputs.database import build

    data = tmp_path / "data"
    first = real("update-death-toll-in-sloviansk-rises-to-5")
    write(data / "feeds" / "newsfeed-1.jsonl", [
        *kryvyi_rih_feed(),
        article(first, first["url"], "2023-04-14T08:00:00+00:00"),
        *(article(real(slug), real(slug)["url"], at) for slug, at in (
            ("sloviansk-update-6-people-dead", "2023-04-14T16:00:00+00:00"),
            ("update-death-toll-in-april-14-sloviansk-missile-attack-rises-to-13", "2023-04-16T09:00:00+00:00")))])
    write(data / "feeds" / "newsfeed-2.jsonl", [article(
        edit(first, "said on April 14 that five people", "said on April 14 that six people"), first["url"],
        "2023-04-14T10:30:00+00:00", version=2)])
    build(data)
    return data


def ids(data: Path) -> dict[str, tuple]:
    db = sqlite3.connect(data / "kyivind.db")
    return {row[0]: row[1:] for row in db.execute("select incident_id, killed, injured, items from incidents")}


def test_the_database_keeps_each_incidents_reports_in_time_order(database):
    from kyivind.outputs.datasette import CANNED_QUERIES

    db = sqlite3.connect(database / "kyivind.db")
    rows = db.execute(CANNED_QUERIES["incident_history"]["sql"], {"incident_id": SLOVIANSK}).fetchall()
    columns = [d[0] for d in db.execute(CANNED_QUERIES["incident_history"]["sql"],
                                        {"incident_id": SLOVIANSK}).description]
    assert [row[columns.index("killed")] for row in rows] == [5, 6, 8, 13]
    assert db.execute("select killed, first_killed, items from incidents where incident_id = ?",
                      [SLOVIANSK]).fetchone() == (13, 5, 3)


# the rule daily_tolls had before incidents: per place the largest figure any article's latest version states,
# the places summed, the region the larger of that sum and the largest region figure
MAXIMUM_RULE = """
with latest as (select * from latest_tolls),
by_place as (select day, region_code, place, max(killed) as killed from latest where scope = 'place'
             group by day, region_code, place),
places as (select day, region_code, sum(killed) as killed from by_place group by day, region_code),
by_region as (select day, region_code, max(killed) as killed from latest where scope = 'region'
              group by day, region_code)
select max(coalesce(r.killed, 0), coalesce(p.killed, 0)) from by_region r
left join places p on p.day = r.day and p.region_code = r.region_code where r.day = ? and r.region_code = ?"""


def test_the_daily_sum_of_incidents_differs_from_the_largest_figure_where_two_attacks_hit_one_city(database):
    """July 31, 2023 in Dnipropetrovsk Oblast: the morning's strike on Kryvyi Rih (6 killed) and the evening's
    (2 killed). The largest-figure rule counted 6; daily_tolls, on incidents, both attacks (8). Where one attack
    is told by several items (Sloviansk, April 14) both count it once."""
    db = sqlite3.connect(database / "kyivind.db")
    day = "select killed, incidents from daily_tolls where day = ? and region_code = ?"
    assert db.execute(MAXIMUM_RULE, ["2023-07-31", "UA-12"]).fetchone()[0] == 6
    assert db.execute(day, ["2023-07-31", "UA-12"]).fetchone() == (8, 2)
    assert db.execute(MAXIMUM_RULE, ["2023-04-14", "UA-14"]).fetchone()[0] == 13
    assert db.execute(day, ["2023-04-14", "UA-14"]).fetchone() == (13, 1)
    # a day's figure is the sum of its incidents' latest tolls
    summed = db.execute("select sum(killed) from incidents where kind = 'strike' and day = ? and region_code = ? "
                        "and place is not null", ["2023-07-31", "UA-12"]).fetchone()[0]
    assert summed == 8


def test_incident_ids_stay_across_builds_and_when_an_unrelated_article_is_added(database, monkeypatch):
    from kyivind.outputs.database import build

    before = ids(database)
    assert SLOVIANSK in before and f"{KRYVYI_RIH}-2" in before
    monkeypatch.setattr(incidents, "VERSION", incidents.VERSION + 1)  # every incident made again
    assert build(database)["incidents_made"] == len(before)
    assert ids(database) == before
    hroza = real("update-death-toll-of-hroza-strike-rises-to-55")
    write(database / "feeds" / "newsfeed-3.jsonl", [article(hroza, hroza["url"], "2023-10-11T09:00:00+00:00")])
    assert build(database)["incidents_made"] == 1, "only the day the new article touches is made again"
    after = ids(database)
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {"strike-2023-10-05-ua-63-hroza"}


def test_an_edit_that_moves_a_report_to_another_day_leaves_no_stale_incident(database):
    """A version read again from a later capture that dates the strike a day later: the incident of the old day
    goes with it (the days a build touches are those its versions state now and those they stated before)."""
    from kyivind.outputs.database import build

    evening = kryvyi_rih_feed()[2]
    moved = {**evening, "fetched_at": "2023-08-01T08:00:00+00:00",
             "body_text": evening["body_text"].replace("again on July 31", "again on Aug. 1"),
             "published_at": "2023-08-01T12:00:00+00:00"}
    write(database / "feeds" / "newsfeed-3.jsonl", [moved])
    build(database)
    after = ids(database)
    assert f"{KRYVYI_RIH}-2" not in after and "strike-2023-08-01-ua-12-kryvyi-rih" in after
    assert after[KRYVYI_RIH][0] == 6


def test_the_atom_feed_says_each_revision_of_an_attacks_toll_once(database):
    """Once per revision: one another item brought is an entry of the incident; an edit's is said in the entry
    of its version."""
    from kyivind.outputs.database import build
    from kyivind.outputs.datasette import RECENT_SQL

    def revisions():
        db = sqlite3.connect(database / "kyivind.db")
        return sorted((row[0], row[1]) for row in db.execute(RECENT_SQL)
                      if (row[1] or "").startswith("Toll revised for"))

    found = revisions()
    assert found == [(f"{SLOVIANSK}#toll-2", f"Toll revised for {SLOVIANSK}: 6 → 8 killed"),
                     (f"{SLOVIANSK}#toll-3", f"Toll revised for {SLOVIANSK}: 8 → 13 killed, 5 → 22 injured"),
                     (f"{KRYVYI_RIH}#toll-1", f"Toll revised for {KRYVYI_RIH}: 1 → 6 killed, 10 → 75 injured")]
    db = sqlite3.connect(database / "kyivind.db")
    edit_entry = db.execute(f"select atom_content from ({RECENT_SQL}) where atom_id like '%sloviansk-rises-to-5#version-2'")
    assert edit_entry.fetchone()[0].startswith("Toll revised: 5 → 6 killed."), "the edit's revision: in its own entry"
    build(database)
    assert revisions() == found, "the same entries, with the same ids, on the next build"


def test_an_items_one_place_takes_the_figure_its_region_row_states_and_the_place_row_does_not():
    """The update of July 31, 2023 on Kryvyi Rih: 6 killed in the city, 75 injured stated for the oblast only."""
    update = real("update-6-killed-75-injured-in-russian-missile-strike-against-kryvyi-rih")
    found = reports(update, "2023-07-31T13:00:00+00:00")
    assert [(r["place"], r["killed"], r["injured"]) for r in found if r["kind"] == "strike"] == [("Kryvyi Rih", 6, 75)]
    roundup = real("russian-attacks-across-ukraine-2")  # two places in Donetsk Oblast: each keeps its own
    donetsk = [(r["place"], r["killed"], r["injured"]) for r in reports(roundup, "2024-11-21T09:00:00+00:00")
               if r["region_code"] == "UA-14"]
    assert sorted(donetsk, key=str) == [("Kostiantynivka", None, 6), ("Pershomarivka", 1, None)]


def strike(url: str, place: str | None, killed: int | None, at: str, evidence: str = "") -> dict:
    return {"article_url": url, "version": 1, "fetched_at": at, "kind": "strike", "day": "2024-05-10",
            "region_code": "UA-63", "place": place, "killed": killed, "injured": None, "evidence": evidence}


def test_a_region_line_beside_several_strikes_of_the_region_is_its_own_and_the_day_counts_the_larger():
    """Kharkiv Oblast on one day: Kharkiv (2 killed) and Vovchansk (1), and a roundup's line of the oblast (4
    killed, naming no place): it cannot tell which strike it is of, so it joins neither; the day counts 4, the
    larger of the places' sum (3) and the region's figure."""
    import sqlite_utils

    from kyivind.outputs.incidents import INCIDENT_COLUMNS, REPORT_COLUMNS, VIEWS

    rows, _, _ = incidents.build([strike("a", "Kharkiv", 2, "2024-05-10T08:00"), strike("b", "Vovchansk", 1,
                                                                                        "2024-05-10T09:00"),
                                  strike("c", None, 4, "2024-05-10T20:00")])
    assert sorted(row["incident_id"] for row in rows) == ["strike-2024-05-10-ua-63", "strike-2024-05-10-ua-63-kharkiv",
                                                          "strike-2024-05-10-ua-63-vovchansk"]
    db = sqlite_utils.Database(memory=True)
    db["incidents"].insert_all(rows, columns=INCIDENT_COLUMNS)
    db["incident_reports"].create(REPORT_COLUMNS)
    db["regions"].create({"code": str, "name": str})
    db.create_view("daily_tolls", VIEWS["daily_tolls"])
    assert list(db.query("select killed, incidents from daily_tolls")) == [{"killed": 4, "incidents": 3}]
    rows, _, _ = incidents.build([strike("a", "Kharkiv", 2, "2024-05-10T08:00"), strike("c", None, 4, "2024-05-10T20:00")])
    assert [(row["incident_id"], row["killed"], row["items"]) for row in rows] == [
        ("strike-2024-05-10-ua-63-kharkiv", 4, 2)], "with one strike of the region, the line joins it"


def test_the_reports_tolls_chart_counts_incidents_as_daily_tolls_does(database):
    """The report reads the feeds, not the database: its days are drawn from incidents by the same rules, so
    Kryvyi Rih's two attacks of July 31, 2023 count 8, as in daily_tolls, and Sloviansk's four items 13."""
    from kyivind.outputs.feeds import load
    from kyivind.outputs.report import what_happened

    days = what_happened(load(database, progress=False).articles)["days"]
    db = sqlite3.connect(database / "kyivind.db")
    for day, region in (("2023-07-31", "UA-12"), ("2023-04-14", "UA-14")):
        expected = db.execute("select killed, injured from daily_tolls where day = ? and region_code = ?",
                              [day, region]).fetchone()
        assert days[day][region] == [expected[0] or 0, expected[1] or 0]
    assert days["2023-07-31"]["UA-12"][0] == 8
