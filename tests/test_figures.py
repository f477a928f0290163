"""The toll and the air attacks as data (kyivind/figures, kyivind/outputs/figures.py): precision and recall on
hand-labelled News Feed style items, each rule of docs/analysing.md on an item that makes it matter, and the
database's tables and views."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kyivind import figures
from kyivind.figures import air_attacks, tolls
from kyivind.figures.statements import _BACKGROUND, BACKGROUND_HINTS
from kyivind.figures.text import has_any
from tests.figures.articles import HELD_OUT, HELD_OUT_2, TUNED
from tests.figures.score import score

PARTS = {"tuned": TUNED, "held out": HELD_OUT, "held out 2": HELD_OUT_2}


def test_the_labelled_set_is_large_and_varied_enough():
    items = TUNED + HELD_OUT + HELD_OUT_2
    assert len(items) >= 80 and sum(not i.toll for i in items) >= 20
    assert sum(bool(i.air) for i in items) >= 15 and sum(len(i.regions) > 1 for i in items) >= 8


@pytest.mark.parametrize("part", sorted(PARTS))
def test_precision_and_recall_on_each_part(part):
    result = score(PARTS[part])
    for name, least in (("totals", 0.95), ("air", 0.95), ("regions", 0.9)):
        found = result[name]
        assert found["precision"] >= least and found["recall"] >= least, (part, name, found)


def total(title, body, published="2025-11-21T08:00:00+00:00") -> dict:
    return next((r for r in tolls(title, body, published) if r["scope"] == "total"), {})


def test_numbers_in_words_and_figures():
    assert total("", "Russian shelling of Kherson killed five people and injured a dozen.")[
        "killed"] == 5
    assert total("", "Russian shelling of Kherson killed five people and injured a dozen.")["injured"] == 12
    assert total("", "A strike on Odesa injured twenty-three people.")["injured"] == 23
    assert total("", "Russian attacks on Kharkiv injured 1,716 people over the year's worst night.")["injured"] == 1716


def test_one_victim_none_and_unnumbered():
    assert total("", "A man was killed in a Russian drone attack on Sumy.")["killed"] == 1
    nobody = total("", "Russian drones hit Lviv overnight. Nobody was hurt, the mayor said.")
    assert nobody["killed"] == 0 and nobody["injured"] == 0
    unnumbered = total("", "Two people were killed in Kharkiv. Several others were injured.")
    assert unnumbered["killed"] == 2 and unnumbered["injured"] is None, "injured without a number is null"


def test_at_least_and_children():
    found = total("", "At least seven people were killed and more than 30 injured in Dnipro, including four children.")
    assert (found["killed"], found["killed_at_least"], found["injured"], found["injured_at_least"]) == (7, 1, 30, 1)
    assert found["children_injured"] == 4


def test_the_bodys_latest_figure_wins_over_the_title_and_an_earlier_one():
    found = total("Russian strike on Poltava kills 2",
                  "Two people were killed in a Russian strike on Poltava. The death toll later rose to seven.")
    assert found["killed"] == 7
    assert total("Strike on Sumy injures 4", "Six people were injured in Sumy, updating an earlier toll of four.")[
        "injured"] == 6
    assert total("Russian attack on Kherson kills 3", "Russian forces struck Kherson on Nov. 21.") .get("killed") == 3, \
        "the title counts where the body states no figure"
    slug_only = tolls("Strike on Kherson", "Russian forces struck Kherson.", None)
    assert slug_only == [], "the slug never counts (it is not read)"


@pytest.mark.parametrize("body", [
    "Russia has lost 1,100,000 troops since February 2022, the General Staff said.",
    "Russian attacks have killed over 14,000 civilians since the start of the full-scale invasion.",
    "So far this year, strikes on the city killed 120 people.",
    "Ukraine brought home 150 prisoners of war in an exchange on Nov. 21.",
    "A year ago, a Russian missile killed 12 people at the same station.",
    "The strike on Nov. 2 killed 11 people, the governor recalled.",
    "The strike in June 2023 killed 13 people.",
    "A 75-year-old woman and her 12 neighbors were evacuated after 5 drones hit the block.",
    "Ukraine will spend 4 billion hryvnias to rebuild 120 schools destroyed in attacks.",
])
def test_what_is_not_a_toll(body):
    assert tolls("", body, "2025-11-21T08:00:00+00:00") == []


def test_a_background_hint_is_in_every_background_phrase():
    """The background pattern is searched only where a hint is (a speed-up): each phrase it knows has one."""
    for phrase in ("since February 2022", "this year", "last month", "so far this", "in total", "throughout the war",
                   "during the occupation", "In 2023", "Earlier", "the day before", "prisoners", "POWs", "exchanged",
                   "swap", "losses", "General Staff", "killed in action", "soldiers", "servicemen", "troops",
                   "a year ago", "anniversary", "deadliest"):
        assert _BACKGROUND.search(phrase) and has_any(phrase.lower(), BACKGROUND_HINTS), phrase


def test_a_roundup_gives_each_region_and_the_sum_where_the_opening_has_none():
    body = ("Russian attacks injured 13 people across Ukraine over the past day, officials said on Nov. 21.\n\n"
            "In Kherson Oblast, two people were killed and six injured.\n\nRussian drones killed one person and "
            "injured seven in Kharkiv Oblast.")
    rows = tolls("", body, "2025-11-21T07:00:00+00:00")
    found = {r["region_code"]: (r["killed"], r["injured"]) for r in rows if r["scope"] == "region"}
    assert found == {"UA-65": (2, 6), "UA-63": (1, 7)}
    assert total("", body, "2025-11-21T07:00:00+00:00")["killed"] == 3, "the opening states no killed: the regions'"
    assert total("", body, "2025-11-21T07:00:00+00:00")["injured"] == 13


def test_places_sum_into_their_region_and_russia_counts_with_its_codes():
    rows = tolls("", "In Donetsk Oblast, Russian forces killed two people in Pokrovsk and one in Kramatorsk.",
                 "2025-11-21T07:00:00+00:00")
    assert {(r["scope"], r["place"], r["killed"]) for r in rows if r["scope"] != "total"} == {
        ("region", None, 3), ("place", "Pokrovsk", 2), ("place", "Kramatorsk", 1)}
    belgorod = tolls("", "Two people were injured in shelling of Belgorod, the governor claimed.", None)
    assert {r["region_code"] for r in belgorod if r["scope"] != "total"} == {"RU-BEL"}


def test_a_class_total_beside_its_parts_is_not_counted_twice():
    rows = air_attacks("", "Russia launched 10 missiles, including four Iskander-M missiles and six Kalibr missiles, "
                           "and 50 drones overnight on Nov. 21.", "2025-11-21T07:00:00+00:00")
    missiles = [r for r in rows if r["weapon_class"] == "missile"]
    assert sum(r["launched"] or 0 for r in missiles) == 10
    assert {(r["weapon"], r["launched"]) for r in missiles} == {("Iskander-M", 4), ("Kalibr", 6)}
    partly = air_attacks("", "Russia launched 12 missiles, including five Kh-101 missiles, overnight.", None)
    assert {(r["weapon"], r["launched"]) for r in partly} == {("Kh-101", 5), (None, 7)}, "the rest of the total"


def test_per_oblast_shoot_downs_are_a_breakdown_not_more_drones():
    body = ("Russia launched 40 drones overnight on Nov. 21. Air defense shot down 35 drones. In Kyiv Oblast, 10 drones "
            "were shot down; in Odesa Oblast, 12 drones were shot down.")
    drones = [r for r in air_attacks("", body, None) if r["weapon_class"] == "drone"]
    assert sum(r["downed"] or 0 for r in drones) == 35 and sum(r["launched"] or 0 for r in drones) == 40


def test_the_night_an_attack_began():
    assert air_attacks("", "Russia launched 5 drones overnight on Nov. 21.", "2025-11-21T06:00:00+00:00")[0][
        "night_of"] == "2025-11-20"
    assert air_attacks("", "Russia launched 5 drones on the night of Nov. 20-21.", "2025-11-21T06:00:00+00:00")[0][
        "night_of"] == "2025-11-20"
    assert air_attacks("", "Russia launched 5 drones overnight.", "2025-11-21T06:00:00+00:00")[0][
        "night_of"] == "2025-11-20", "published in the morning: the night before"
    assert air_attacks("", "Air defense shot down 5 drones in the afternoon.", "2025-11-21T13:00:00+00:00")[0][
        "night_of"] == "2025-11-21"


def test_guided_bombs_and_lost_drones():
    rows = air_attacks("", "Russia launched 30 drones overnight on Nov. 21. Air defense shot down 22 drones, while "
                           "eight were lost locally. Russian aircraft dropped 15 guided bombs on the front.", None)
    by_class = {r["weapon_class"]: r for r in rows}
    assert (by_class["drone"]["launched"], by_class["drone"]["downed"], by_class["drone"]["lost"]) == (30, 22, 8)
    assert by_class["guided_bomb"]["launched"] == 15


def test_the_summary_columns():
    found = figures.summary("", "Russia launched 22 drones and 2 missiles overnight. Air defense downed 17 of the "
                                "drones and both missiles. Two people were injured in Kyiv.", None)
    assert found == {"killed": None, "injured": 2, "drones_launched": 22, "drones_downed": 17,
                     "missiles_launched": 2, "missiles_downed": 2}


# --- in the database ---------------------------------------------------------------------------------------------
def feed(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def article(n: int, title: str, body: str, version: int = 1, published="2025-11-21T07:00:00+00:00", **more):
    return {"url": f"https://kyivindependent.com/a-{n}/", "slug": f"a-{n}", "title": title, "body_text": body,
            "version": version, "published_at": published, "tags": [], "authors": [], "links": [], "embeds": [],
            "fetched_at": f"2026-12-0{version}T00:00:00+00:00", **more}


@pytest.fixture
def database(tmp_path):
    from kyivind.outputs.database import build

    feeds = tmp_path / "data" / "feeds"
    feed(feeds / "newsfeed-1.jsonl", [
        article(1, "Russian strike on Dnipro kills 2", "A Russian missile strike on Dnipro killed two people and "
                   "injured 10, Governor Serhii Lysak said."),
        article(2, "Russian attacks kill 3 over past day", "Russian attacks killed three people over the past day, "
                   "officials said.\n\nIn Dnipropetrovsk Oblast, two people were killed and 10 injured in Dnipro.\n\n"
                   "One person was killed in Kharkiv Oblast."),
        article(3, "Ukraine downs 30 of 40 drones", "Russia launched 40 drones and 3 missiles overnight on Nov. 21, "
                   "the Air Force said. Air defense shot down 30 drones and two missiles."),
        article(4, "Air Force report", "Air defense shot down 28 of 40 drones launched overnight on Nov. 21."),
        article(5, "Parliament votes", "Parliament voted to extend martial law for 90 days."),
    ])
    feed(feeds / "newsfeed-2.jsonl", [
        article(1, "Death toll from Russian strike on Dnipro rises to 6", "The death toll from the Russian missile "
                   "strike on Dnipro rose to six, Governor Serhii Lysak said. Ten people were injured.", version=2),
    ])
    done = build(tmp_path / "data")
    return sqlite3.connect(done["database"]), tmp_path / "data"


def test_the_database_has_a_row_set_per_version_and_the_revision(database):
    db, _ = database
    totals = db.execute("select article_url, version, killed, injured from tolls where scope = 'total' "
                        "order by article_url, version").fetchall()
    assert ("https://kyivindependent.com/a-1/", 1, 2, 10) in totals and ("https://kyivindependent.com/a-1/", 2, 6, 10) \
        in totals
    assert db.execute("select killed_before, killed_after, injured_before, injured_after from toll_revisions").fetchall() \
        == [(2, 6, 10, 10)]
    assert not db.execute("select * from tolls where article_url like '%a-5/'").fetchall()


def test_items_about_one_attack_are_not_added_up(database):
    db, _ = database
    day = dict(((r[0], r[1]), (r[2], r[3])) for r in db.execute(
        "select day, region_code, killed, injured from daily_tolls").fetchall())
    assert day[("2025-11-21", "UA-12")] == (6, 10), "the strike's latest toll and the roundup's region: not 8 or 12"
    assert day[("2025-11-21", "UA-63")] == (1, None)
    night = db.execute("select drones_launched, drones_downed, missiles_launched, missiles_downed, articles "
                       "from daily_air_attacks where night_of = '2025-11-20'").fetchone()
    assert night == (40, 30, 3, 2, 2), "two reports of one night: the largest figures, not their sum"


def test_the_toll_places_are_on_the_map_and_in_the_atom_feed(database):
    db, data = database
    assert db.execute("select place, killed, latitude is not null from toll_places "
                      "where article_url like '%a-1/'").fetchall() == [("Dnipro", 6, 1)]
    from kyivind.outputs.datasette import RECENT_SQL

    entries = {row[0]: row[3] for row in db.execute(RECENT_SQL).fetchall()}
    assert entries["https://kyivindependent.com/a-1/#version-2"].startswith("Toll revised: 2 → 6 killed.")


def test_a_new_extractor_version_derives_every_version_again(database, monkeypatch):
    from kyivind.outputs.database import build

    db, data = database
    db.execute("delete from tolls")
    db.commit()
    assert build(data)["versions_derived"] == 0, "nothing new, same version: nothing derived"
    monkeypatch.setattr(figures, "VERSION", figures.VERSION + 1)
    assert build(data)["versions_derived"] == 6
    assert sqlite3.connect(data / "kyivind.db").execute("select count(*) from tolls where scope = 'total'").fetchone()[
        0] == 3, "a-1 in two versions and a-2: the others state no toll"


def test_the_exports_and_the_report_carry_the_figures(database, tmp_path):
    import pyarrow.parquet as pq

    from kyivind.outputs.report import report
    from kyivind.outputs.tables import export

    _, data = database
    export(data, "parquet", tmp_path / "a.parquet", progress=False)
    table = {row["url"]: row for row in pq.read_table(tmp_path / "a.parquet").to_pylist()}
    assert (table["https://kyivindependent.com/a-1/"]["killed"], table["https://kyivindependent.com/a-3/"][
        "drones_launched"], table["https://kyivindependent.com/a-3/"]["missiles_downed"]) == (6, 40, 2)
    export(data, "csv", tmp_path / "a.csv", progress=False)
    assert "killed,injured,drones_launched,drones_downed,missiles_launched,missiles_downed" in \
        (tmp_path / "a.csv").read_text().splitlines()[0]
    done = report(data, tmp_path / "report", progress=False)
    assert done["happened"]["nights"]["2025-11-20"]["drones_launched"] == 40
    assert done["air_png"].read_bytes()[:4] == done["tolls_png"].read_bytes()[:4] == b"\x89PNG"


def test_the_documented_query_runs_as_written(database):
    import re

    db, _ = database
    doc = (Path(__file__).resolve().parent.parent / "docs" / "analysing.md").read_text()
    sql = re.search(r"## What happened.*?```sql\n(.*?)```", doc, re.S).group(1)
    assert db.execute(sql).fetchall() == [("2025-11-20", 40, 30, 75.0)]
