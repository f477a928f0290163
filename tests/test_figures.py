"""The toll and the air attacks as data (kyivind/figures, kyivind/outputs/figures.py): precision and recall on
real News Feed items rewritten in our own words and labelled by the rules of tests/figures/real/LABELLING.md (the
tuned part and the part held out before any rule was tuned), every class of number that is no count and every
kind of other attack on a real rewritten sentence, each stage on its own, and the database's tables and views."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kyivind import figures
from kyivind.figures.numbers import AGE, COUNT, DATE, MODEL, PERCENT, TIME, YEAR, mask, numbers
from kyivind.figures.scope import Scope, dates
from kyivind.figures.weapons import DRONE, MISSILE, named
from tests.figures.realscore import expected, first_held_out, load, predicted, published_at, score

# what `python -m tests.figures.realscore tuned|"held out"` measured, floored to two decimals. tuned: the shared
# items, the first set, the second to sixteenth, the eighteenth to twentieth, the twenty-second, twenty-fourth and
# twenty-fifth sets and the tuned half of the twenty-sixth, each held out and scored once before it was tuned on (the
# fifteenth, 237 items, first read 0.936 / 0.961 on tolls at figures 7, 4ead96f; the eighteenth, 187 items, 0.859 /
# 0.901 at figures 7, daf88d7; the nineteenth, 85 items, 0.902 / 0.965 at figures 8, 2954d7f; the twentieth, 180
# items, 0.912 / 0.943 at figures 9, 438d828; the twenty-second, 192 items, 0.927 / 0.891 at figures 12, ea83437; the
# twenty-fourth's first half, 112 items, 0.797 / 0.962 at figures 36, b2a5c72; its other half and the twenty-fifth, 139
# items, 0.913 / 0.950 at figures 50, d5575cb; the twenty-sixth's tuned half, 63 items, 0.877 / 0.909 at figures 56;
# the twenty-eighth's tuned half, 97 items, 0.915 / 0.977 at figures 66, a2f3b6c);
# held out: the seventeenth set (items_b17_*, 18 items, scored once at figures 7, 64720a6), the twenty-first
# (items_b21_*, 73 items, scored once at figures 10, 97731fd), the twenty-third (items_b23_*, 28 items, scored once
# at figures 22, 851ce6c), the twenty-sixth's other half (items_b26_h, 58 items) and the twenty-seventh (items_b27_*, 20
# items), both scored once at figures 59 (3068f2c), and the twenty-eighth's other half (items_b28_h, 93 items, scored
# once at figures 79, c382718), written by others while the rules were tuned on the rest, never tuned on. A change that
# reads worse fails.
MEASURED = {"tuned": {"toll": (0.98, 0.98), "regions": (0.98, 0.97), "air": (0.97, 0.96)},
            "held out": {"toll": (0.94, 0.89), "regions": (0.94, 0.88), "air": (0.93, 0.83)}}


def by_slug(slug: str) -> dict:
    found = [i for i in load("tuned") if i["url"].rstrip("/").rsplit("/", 1)[-1] == slug]
    assert found, f"no tuned item {slug}"
    return found[0]


def rows(slug: str) -> tuple[list[dict], list[dict]]:
    item = by_slug(slug)
    return figures.derive(item["title"], item["body_text"], published_at(item))


def total(slug: str) -> tuple:
    toll_rows, _ = rows(slug)
    row = next((r for r in toll_rows if r["scope"] == "total"), {})
    return row.get("killed"), row.get("injured")


def air(slug: str, direction: str = "russia_on_ukraine") -> dict:
    return figures.class_totals(rows(slug)[1], direction)


def test_the_real_set_is_large_varied_and_keeps_out_the_judging_items():
    items = load("all")
    judging = {line.strip().rstrip("/").rsplit("/", 1)[-1] for line in
               (Path(__file__).parent / "figures" / "real" / "judging_urls.txt").read_text().splitlines()
               if line.startswith("http")}
    slugs = [i["url"].rstrip("/").rsplit("/", 1)[-1] for i in items]
    assert len(items) >= 200 and len(set(i["url"] for i in items)) == len(items)
    assert not judging & set(slugs), "an item kept for judging is in the set"
    kinds = Counter(i["kind"] for i in items)
    assert min(kinds[k] for k in ("air", "single", "roundup", "update", "not_toll")) >= 20, kinds
    ours = [i for i in items if i["file"] != "items_shared.jsonl" and not i["file"].startswith(("items_b2_", "items_b3_",
                                                                                                  "items_b4_", "items_b5_", "items_b6_",
                                                                                                  "items_b7_"))]
    assert abs(sum(first_held_out(i["url"]) for i in ours) / len(ours) - 1 / 3) < 0.08, "a third of ours held out"


@pytest.mark.parametrize("part", sorted(MEASURED))
def test_precision_and_recall_at_what_was_measured(part):
    result = score(load(part))
    for name, (precision, recall) in MEASURED[part].items():
        found = result[name]
        assert found["precision"] >= precision and found["recall"] >= recall, (part, name, found["precision"],
                                                                                found["recall"], found["wrong"][:5])


def test_the_labels_are_read_as_the_rules_score_them():
    item = by_slug("air-force-ukraine-downs-10-drones")
    assert expected(item)["air"] == {("drone", "launched", 11), ("drone", "downed", 10), ("missile", "launched", 1),
                                     ("missile", "downed", 1)}
    assert expected(item)["toll"] == {("killed", 0), ("injured", 0)}
    assert predicted(item) == expected(item)


# --- numbers that are no counts (class 1 of the issue), each on a real rewritten sentence -------------------------
def test_ages_are_no_toll():
    # "Governor Ivan Fedorov said two men, aged 44 and 42, were killed on impact, while a 44-year-old woman died"
    assert total("russian-attack-against-zaporizhzhia-kills-2-injures-15") == (3, 16)
    roles = {n.value: n.role for n in numbers("two men, aged 44 and 42, were killed, while a 44-year-old woman died")}
    assert roles[42] == AGE and roles[44] == AGE


def test_dates_are_no_toll():
    # "Russian strikes in Dnipropetrovsk Oblast on Aug. 23 killed one person and injured nine others."
    assert total("russian-strikes-in-dnipropetrovsk-oblast-kill-1-injure-9-others") == (1, 9)
    # "An overnight drone attack on Dec. 27 killed two people ...": another night, and no 27 killed
    assert rows("drone-debris-causes-fire-at-odesa-high-rise")[0] == []
    assert [n.role for n in numbers("An overnight drone attack on Dec. 27 killed two people")] == [DATE]


def test_model_designators_are_no_count():
    # "Russian forces targeted Odesa Oblast with Shahed-131/136 attack drones and also fired Kh-31P and Kh-22 missiles"
    counted = air("update-russian-drone-attacks-against-odesa-kill-1")
    assert counted["drones_launched"] is None and counted["missiles_launched"] is None and counted["drones_downed"] == 9
    assert mask("Shahed-131/136 drones and Kh-22 missiles") == "Shahed-###/### drones and Kh-## missiles"
    assert {n.role for n in numbers("fired the Kh-101/Kh-555/Kh-55 cruise missiles from 11 Tu-95 aircraft")} == {
        MODEL, COUNT}
    assert named("Shahed-136/131").kind == DRONE and named("X-101").name == named("Kh-101").name == "Kh-101"
    assert named("Geran-2").name == "Shahed" and named("Kinzhal").kind == MISSILE


def test_times_and_percentages_are_no_count():
    # "... destroyed 74 Iranian-made Shahed drones, with about 40% of them taken out by the mobile fire groups"
    assert air("air-force-reports-downing-71-kamikaze-drones-over-ukraine-overnight")["drones_downed"] == 74
    roles = [n.role for n in numbers("beginning at around 3:40 a.m. local time, about 40% of them, in 2022")]
    assert roles == [TIME, PERCENT, YEAR]


# --- the attack an item reports (classes 2, 3, 5 and 9) -----------------------------------------------------------
def test_the_number_injured_raised_since_is_a_revision():
    # the real item "death-toll-of-donetsk-oblast-attack-rises-to-4" says it after its first figure: "The number of
    # injured civilians has since been raised to three" (its other sentences place it after another night, so the
    # item as a whole is not yet read right)
    body = ("Emergency workers have found more bodies at the site of a Russian missile strike on the city of Selydove, "
            "raising the death toll to four, the State Emergency Service said on Nov. 16.\n\nThe number of injured "
            "civilians has since been raised to three.")
    toll_rows, _ = figures.derive("Donetsk Oblast attack: death toll climbs to 4", body, "2023-11-16T10:00:00+00:00")
    row = next(r for r in toll_rows if r["scope"] == "total")
    assert (row["killed"], row["injured"]) == (4, 3)


def test_none_of_a_group_hurt_is_none_of_the_item_where_it_states_no_figure():
    # "None of the workers were hurt in the attack": the item's 0 and 0 (its oblast's row is labelled too)
    assert total("energy-ministry-russian-forces-fired-on-repair-workers-twice-over-past-2-days") == (0, 0)
    # "… injured at least five people … None of the patients were hurt": of the patients only
    assert total("russian-drone-attack-injures-5-causes-fires-in-odesa") == (None, 5)


def test_the_previous_night_is_another_attack():
    # "A night earlier, Ukrainian forces downed 18 of 25 attack drones and one of two Kh-59 cruise missiles"
    assert air("air-force-ukraine-downs-10-drones") == {"drones_launched": 11, "drones_downed": 10,
                                                        "missiles_launched": 1, "missiles_downed": 1}
    # "A day earlier, the Air Force had reported shooting down 29 of 38 Russian Shahed drones"
    counted = air("general-staff-air-defense-downs-15-out-of-20-drones-in-overnight-russian-attack")
    assert (counted["drones_launched"], counted["drones_downed"]) == (20, 15)
    # "Russian forces had also attacked Kyiv with drones the night before. … more than 10 drones were downed in that
    # attack": that night's (this night's "nearly a dozen aerial targets" is no count of drones the rules read)
    assert air("russia-attacks-kyiv-with-shahed-drones")["drones_downed"] is None


def test_a_figure_of_that_attack_after_a_sentence_of_another_is_that_ones():
    # the reading the real item "russia-attacks-kyiv-with-shahed-drones" needs, on a toll: a sentence of another
    # attack ("had also attacked … the night before", no figure), then "Two people were injured in that attack"
    body = ("A Russian drone struck Kharkiv on Aug. 2, killing one man, Mayor Ihor Terekhov said.\n\nRussian forces had "
            "also attacked Kharkiv with drones the night before. Two people were injured in that attack, the mayor said.")
    toll_rows, _ = figures.derive("Russian drone kills man in Kharkiv", body, "2024-08-02T10:00:00+00:00")
    row = next(r for r in toll_rows if r["scope"] == "total")
    assert (row["killed"], row["injured"]) == (1, None)


def test_a_period_in_words_is_another_time():
    from kyivind.figures.scope import other_time

    for sentence in ("In the past two weeks, Russian strikes killed 10 people in Kharkiv.",
                     "Over the past three days, 12 civilians were injured in the oblast.",
                     # figures 8: a month named after "last", a headline's period without its article
                     "Last September, a Russian shell struck a car in the town, killing two aid workers.",
                     "Zelensky: over past month, 233 drones downed over Ukraine",
                     "Russia has fired over 6,100 drones at Ukraine since start of 2024"):
        assert other_time(sentence, sentence.lower()), sentence


def test_an_earlier_strike_and_a_past_week_are_other_attacks():
    # "In the past week alone, Russia has carried out ... an April 13 missile strike on Sumy that killed 34 people,
    # ... and an April 6 missile attack on Kyiv that killed one person and injured three others"
    assert total("russian-drone-attack-injures-5-causes-fires-in-odesa") == (None, 5)
    # "Later that day Russia attacked Kyiv again, and debris damaged a maternity hospital ..., killing 7 people."
    assert total("boys-body-found-under-rubble-in-kyiv") == (27, 117)


def test_a_correction_note_and_a_weeks_totals_are_no_toll():
    # "Editor's Note: The casualty figures were revised after ... three people, not four, had been killed."
    assert total("3-killed-following-russias-attack-on-kyiv") == (3, 3)
    # "Zelensky said ... Russia had deployed over 1,100 guided aerial bombs, 560 attack drones, and around 20 missiles
    # against Ukraine in the past week."
    assert total("russias-attacks-kill-5-civilians-in-kherson-oblast") == (5, 4)
    assert air("russias-attacks-kill-5-civilians-in-kherson-oblast")["drones_launched"] != 560


def test_cumulative_totals_are_no_attack():
    # "... at least 10,000 civilians have been killed and more than 18,500 injured since Russia's full-scale
    # invasion of Ukraine began in February 2022"
    assert rows("un-records-over-10-000-civilian-deaths-in-ukraine")[0] == []


def test_an_update_of_an_earlier_attack_counts_for_that_attacks_day():
    item = by_slug("death-toll-of-russias-july-3-attack-on-dnipro-rises-to-8")
    found = [r for r in rows("death-toll-of-russias-july-3-attack-on-dnipro-rises-to-8")[0] if r["scope"] == "total"]
    assert (found[0]["killed"], found[0]["day"]) == (8, "2024-07-03") and item["published"] == "2024-07-05"


def test_russian_claims_of_ukrainian_drones_are_their_own_direction():
    # "Russia's Defense Ministry claimed that air defense units brought down three Ukrainian drones ..."
    assert air("russia-claims-3-drones-shot-down-overnight") == dict.fromkeys(figures.AIR_TOTALS)
    assert air("russia-claims-3-drones-shot-down-overnight", "ukraine_on_russia")["drones_downed"] == 3


# --- sums, none, downed and launched (classes 6, 7 and 8) ---------------------------------------------------------
def test_types_are_summed_within_a_class():
    # "brought down 14 of the 17 Shahed-type drones ..., as well as two Kh-59 missiles ... at least two Iskander-K
    # cruise missiles and one Iskander-M ballistic missile"
    counted = air("air-force-ukraine-downs-14-drones-2-missiles")
    assert (counted["missiles_launched"], counted["missiles_downed"]) == (5, 2)


def test_per_oblast_shoot_downs_are_a_breakdown():
    # "Local authorities said eight drones were shot down over Mykolaiv Oblast and three over Dnipropetrovsk Oblast."
    counted = air("air-force-ukraine-downs-17-of-22-drones-launched-by-russia-overnight")
    assert (counted["drones_launched"], counted["drones_downed"]) == (22, 17)


def test_an_oblast_is_the_sum_of_its_places():
    # Kharkiv Oblast: Verkhnia Pysarivka 2 injured + Velyki Prokhody 1
    regions = {r["region_code"]: r["injured"] for r in rows("attacks-49")[0] if r["scope"] == "region"}
    assert regions["UA-63"] == 3 and regions["UA-48"] == 5


def test_no_casualties_in_an_air_report_is_zero_and_zero():
    # "... though they caused no reported damage or casualties."
    assert total("air-force-ukraine-downs-all-10-russian-drones-launched-overnight") == (0, 0)


def test_downed_versus_launched():
    # "Ukraine's air defenses destroyed all 35 Shahed "kamikaze" drones Russia launched overnight"
    counted = air("air-force-ukraine-downs-all-35-attack-drones-launched-by-russia-overnight")
    assert (counted["drones_launched"], counted["drones_downed"]) == (35, 35)
    # "brought down three Russian cruise missiles and 16 kamikaze drones"; "26 ... Shahed ... six Kalibr"
    assert air("air-force-ukraine-downs") == {"drones_launched": 26, "drones_downed": 16, "missiles_launched": 6,
                                              "missiles_downed": 3}


def test_what_a_relative_clause_says_of_the_launches():
    # "brought down four Shahed-136/131 drones that Russia fired at the country overnight": four downed, launches
    # unknown; "more than 60 of the just over 70 Russian cruise missiles fired": 60 of 70
    assert air("air-force-says-4-drones-shot-down-in-eastern-ukraine") == {
        "drones_launched": None, "drones_downed": 4, "missiles_launched": None, "missiles_downed": None}
    assert air("ukrainian-air-defense-praised-by-zelensky-as-over-60-russian-missiles-shot-down") == {
        "drones_launched": None, "drones_downed": None, "missiles_launched": 70, "missiles_downed": 60}
    # "every one of the 18 Russian missiles aimed at Ukraine overnight, six Kinzhal ballistic missiles among them"
    counted = air("debris-missiles-causes-fire-kyiv")
    assert (counted["missiles_launched"], counted["missiles_downed"]) == (18, 18)
    # "six Shahed-type drones fired by Russia overnight on Oct. 24 were destroyed": "Oct. 24" ends no clause
    assert air("general-staff-ukraine-downs-6-russian-drones")["drones_downed"] == 6
    # "launched 33 Shaheds toward Kyiv Oblast and that air defense shot down 26 of them"
    counted = air("authorities-ukrainian-air-defense-destroyed-more-than-20-drones-over-kyiv")
    assert (counted["drones_launched"], counted["drones_downed"]) == (33, 26)


def test_a_tally_since_the_war_began_and_an_earlier_night_are_not_the_attack():
    # "a total of 100 Iranian drones since Russia began using them"
    assert air("air-defense-downs-26-shahed-136-kamikaze-drones-overnight")["drones_downed"] == 26
    # "Earlier on Sept. 23, ... had shot down 12 Russian Shahed-type drones overnight"
    assert air("southern-command-2-orlan-10-drones-shot-down-over-mykolaiv-oblast")["drones_downed"] == 2


def test_background_named_by_earlier_or_a_date_weeks_before_is_no_toll():
    # "Earlier the same day, Russia had struck Kharkiv with Iskander missiles, killing a woman and wounding 52"; the
    # item's own evening strike "caused no casualties" (the day's nationwide five killed, read later, stays a fault)
    killed, injured = total("governor-russian-forces-attack-kharkiv-damage-civilian-infrastructure")
    assert injured == 0 and killed != 1
    # an item of Aug. 9 on "On the morning of July 8, … killing over 40 people"; then "Two people … were killed there"
    assert total("july-was-deadliest-month-for-ukrainian-civilians-since-october-2022-un-says") == (None, None)
    # "the bodies of 432 civilians killed during the Russian occupation"
    assert total("ukrainian-authorities-discover-9-torture-chambers-in-liberated-kherson-oblast") == (None, None)


def test_moscow_as_the_state_is_no_place():
    # "… in spite of the Victory Day truce Moscow had announced": the national total, not Moscow's
    toll_rows, _ = rows("2-killed-12-injured-in-russian-attacks-on-ukraine-despite-declared-ceasefire")
    assert not [r for r in toll_rows if (r["region_code"] or "").startswith("RU")]
    assert total("2-killed-12-injured-in-russian-attacks-on-ukraine-despite-declared-ceasefire") == (2, 12)


def test_the_night_is_the_date_it_began():
    # "... overnight on May 19, Ukraine's Air Force said"
    assert {r["night_of"] for r in rows("air-force-ukraine-downs")[1]} == {"2023-05-18"}
    found = dates("Russia attacked overnight on May 19, the Air Force said on May 19.", date(2023, 5, 19))
    assert [(d.day.isoformat(), d.night, d.report) for d in found] == [("2023-05-18", True, False),
                                                                      ("2023-05-19", False, True)]


def test_the_scope_keeps_the_first_attack_and_leaves_another_day():
    scope = Scope(date(2023, 12, 28))
    assert scope.of("Debris hit a high-rise in Odesa on Dec. 28, the governor said.", "") == (False, date(2023, 12, 28))
    assert scope.of("An overnight drone attack on Dec. 27 killed two people.", "an overnight drone attack")[0]


def test_every_row_carries_its_sentence():
    item = by_slug("russian-attack-against-zaporizhzhia-kills-2-injures-15")
    toll_rows, _ = rows("russian-attack-against-zaporizhzhia-kills-2-injures-15")
    for row in toll_rows:
        start = row["evidence_start"]
        assert item["body_text"][start:start + len(row["evidence"])] == row["evidence"]
        assert "killed three people and injured 16" in row["evidence"]
    _, air_rows = rows("air-force-ukraine-downs-10-drones")
    assert all(r["evidence"].startswith("Ukrainian forces brought down 10 of the 11") for r in air_rows)


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


def test_the_database_keeps_direction_evidence_and_the_attacks_day(tmp_path):
    from kyivind.outputs.database import build

    claim, report = by_slug("russia-claims-3-drones-shot-down-overnight"), by_slug("air-force-ukraine-downs-10-drones")
    update = by_slug("death-toll-of-russias-july-3-attack-on-dnipro-rises-to-8")
    feed(tmp_path / "data" / "feeds" / "newsfeed-1.jsonl", [
        article(n, item["title"], item["body_text"], published=published_at(item))
        for n, item in enumerate((claim, report, update), start=1)])
    db = sqlite3.connect(build(tmp_path / "data")["database"])
    directions = dict(db.execute("select article_url, group_concat(distinct direction) from air_attacks "
                                 "group by article_url").fetchall())
    assert directions == {"https://kyivindependent.com/a-1/": "ukraine_on_russia",
                          "https://kyivindependent.com/a-2/": "russia_on_ukraine"}
    nights = db.execute("select night_of, direction, drones_launched, drones_downed from daily_air_attacks").fetchall()
    assert nights == [("2023-11-30", "russia_on_ukraine", 11, 10)], "Russia's claim is never summed into the night"
    evidence, start, day = db.execute("select evidence, evidence_start, day from tolls where scope = 'total' and "
                                      "article_url like '%a-3/'").fetchone()
    assert update["body_text"][start:start + len(evidence)] == evidence and day == "2024-07-03"
    canned = db.execute(figures_sql("figures_with_evidence")).fetchall()
    assert any(row[1] == "air" and "Ukrainian forces brought down 10 of the 11" in row[8] for row in canned)


def figures_sql(name: str) -> str:
    from kyivind.outputs.datasette import CANNED_QUERIES

    return CANNED_QUERIES[name]["sql"]


def test_kyivind_figures_prints_each_figure_with_its_sentence(tmp_path, capsys):
    from kyivind.cli import main

    item = by_slug("air-force-ukraine-downs-10-drones")
    feed(tmp_path / "data" / "feeds" / "newsfeed-1.jsonl", [
        article(1, item["title"], item["body_text"], published=published_at(item))])
    assert main(["figures", "https://kyivindependent.com/a-1/", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert "air russia_on_ukraine drone Shahed: launched 11, downed 10; night of 2023-11-30" in out
    assert "“Ukrainian forces brought down 10 of the 11 Shahed attack drones" in out
    assert "toll total: killed 0, injured 0" in out and "no casualties were reported" in out
    assert main(["figures", "https://kyivindependent.com/a-1/", str(tmp_path / "data"), "--version", "4"]) == 2
    assert main(["figures", "https://kyivindependent.com/nothing/", str(tmp_path / "data")]) == 2
    assert "no article" in capsys.readouterr().err


def test_the_slug_never_counts(tmp_path):
    """The slug keeps the first figures ("kills 2, injures 15"); the body's now are 3 and 16."""
    from kyivind.outputs.database import build

    item = by_slug("russian-attack-against-zaporizhzhia-kills-2-injures-15")
    row = article(1, item["title"], item["body_text"], published=published_at(item))
    row.update(url=item["url"], slug="russian-attack-against-zaporizhzhia-kills-2-injures-15")
    feed(tmp_path / "data" / "feeds" / "newsfeed-1.jsonl", [row, {**row, "title": "Strike on Zaporizhzhia",
                                                                   "body_text": "Rescuers are at work.", "version": 2}])
    db = sqlite3.connect(build(tmp_path / "data")["database"])
    assert db.execute("select version, killed, injured from tolls where scope = 'total' order by version").fetchall() \
        == [(1, 3, 16)], "version 2 states no figure: the slug's 2 and 15 are never read"


def test_the_rows_do_not_depend_on_the_hash_seed():
    """Rows, their evidence and their day are the same in every process (a set's order once chose the evidence)."""
    import os
    import subprocess
    import sys

    script = ("import hashlib, json; from kyivind import figures; from tests.figures.realscore import load, published_at;"
              "print(hashlib.sha1(json.dumps([figures.derive(i['title'], i['body_text'], published_at(i)) "
              "for i in load('all')], default=str).encode()).hexdigest())")
    root = Path(__file__).resolve().parent.parent
    seen = {subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(seen) == 1, seen


def test_a_large_build_derives_the_figures_in_a_pool_of_processes_and_the_rows_are_the_same():
    """In a process of one thread (as ``kyivind db`` runs), many versions are read by a pool of two processes; the
    rows are those one process reads."""
    import os
    import subprocess
    import sys

    script = ("import hashlib, json, multiprocessing as mp; from kyivind.outputs import figures as f;"
              "from tests.figures.realscore import load, published_at;"
              "v = [(i['url'], 1, i['title'], i['body_text'], published_at(i)) for i in load('all')[:300]];"
              "f.PARALLEL_FROM, f.CHUNK = 100, 7; made = [];"
              "real = mp.get_context; mp.get_context = lambda m: made.append(m) or real(m);"
              "rows = list(f.derived(v));"
              "print(made, sum(len(t) + len(a) for t, a, _ in rows),"
              "hashlib.sha1(json.dumps(rows, default=str).encode()).hexdigest())")
    root = Path(__file__).resolve().parent.parent
    seen = {workers: subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True,
                                    check=True, env={**os.environ, "KYIVIND_DB_WORKERS": workers}).stdout.split()
            for workers in ("1", "2")}
    assert seen["2"][0] == "['fork']" and seen["1"][0] == "[]", seen
    assert int(seen["1"][1]) > 300 and seen["1"][1:] == seen["2"][1:], seen


_OVERLAP = r"""
import json, multiprocessing, sys
from pathlib import Path
from kyivind.outputs import database, figures, places
from tests.figures.realscore import load, published_at
data = Path(sys.argv[1])
(data / "feeds").mkdir(parents=True)
with open(data / "feeds" / "newsfeed-1.jsonl", "w") as out:
    for n, i in enumerate(load("all")[:60]):
        out.write(json.dumps({"url": f"https://kyivindependent.com/a-{n}/", "slug": f"a-{n}", "title": i["title"],
                              "body_text": i["body_text"], "version": 1, "published_at": published_at(i), "tags": [],
                              "authors": [], "links": [], "embeds": []}) + "\n")
figures.PARALLEL_FROM, figures.CHUNK = 10, 5
seen = []
write_places = places.update
def watched(db, rows):
    seen.append(len(multiprocessing.active_children()))
    if sys.argv[2] == "fail":
        raise RuntimeError("the places failed")
    return write_places(db, rows)
places.update = watched
try:
    done = database.build(data)
    print(seen[0], done["versions_derived"])
except RuntimeError:
    print(seen[0], "failed", len(multiprocessing.active_children()))
"""


def test_a_large_builds_pool_derives_the_figures_while_the_places_are_written_and_ends_when_a_step_fails(tmp_path):
    """``figures.begin`` starts the pool before the places are written (its processes are alive while they are) and
    ``finish`` reads its rows; a build that fails between the two ends the pool (no process is left behind)."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    ran = {how: subprocess.run([sys.executable, "-c", _OVERLAP, str(tmp_path / how), how], cwd=root, text=True,
                               capture_output=True, check=True, env={**os.environ, "KYIVIND_DB_WORKERS": "2"}
                               ).stdout.split() for how in ("build", "fail")}
    assert ran["build"] == ["2", "60"], ran
    assert ran["fail"] == ["2", "failed", "0"], ran
    db = sqlite3.connect(tmp_path / "build" / "kyivind.db")
    assert db.execute("select count(*) from tolls").fetchone()[0] > 30


def test_the_builds_progress_bars_start_no_thread_that_would_keep_the_pool_from_forking(tmp_path):
    """tqdm's monitor thread would make every large build derive in one process (``forkable`` is False)."""
    import threading

    from kyivind.outputs.feeds import load as load_feeds
    from kyivind.outputs.progress import PROGRESS_MIN, tracked

    before = threading.active_count()
    feed(tmp_path / "feeds" / "newsfeed-1.jsonl", [article(1, "A title", "A body.")])
    load_feeds(tmp_path)
    assert sum(1 for _ in tracked(iter(range(PROGRESS_MIN)), PROGRESS_MIN, "counting")) == PROGRESS_MIN
    assert threading.active_count() == before


def test_no_pool_no_fork_of_a_threaded_process_and_a_bad_worker_count_each_derive_here(monkeypatch, caplog):
    import threading

    from kyivind.outputs import figures as stored

    versions = [(i["url"], 1, i["title"], i["body_text"], published_at(i)) for i in load("all")[:20]]
    want = [stored._read(v) for v in versions]
    monkeypatch.setattr(stored, "PARALLEL_FROM", 10)
    monkeypatch.setenv("KYIVIND_DB_WORKERS", "two")
    assert list(stored.derived(versions)) == want
    assert "is no number" in caplog.text

    class NoProcesses:
        def Pool(self, count):  # noqa: N802 (multiprocessing's name)
            raise OSError("Resource temporarily unavailable")

    monkeypatch.setenv("KYIVIND_DB_WORKERS", "2")
    monkeypatch.setattr(stored, "forkable", lambda: True)
    monkeypatch.setattr(stored.multiprocessing, "get_context", lambda method: NoProcesses())
    assert list(stored.derived(versions)) == want
    assert "no pool of 2 processes could be started" in caplog.text
    monkeypatch.undo()
    done = threading.Event()
    other = threading.Thread(target=done.wait)
    other.start()
    try:
        assert not stored.forkable(), "a process running another thread is not forked"
    finally:
        done.set()
        other.join()


# real items each read wrong before the rule named beside it (every figure of each must now be right)
READ_RIGHT_BY_A_RULE = [
    ("prosecutors-russian-attacks-on-kherson-injure-2", "a title's total of two strikes the body tells apart"),
    ("russia-shells-kindergarten-in-kherson", "'a 75-year-old locksmith was injured': any person noun is one"),
    ("attacks-14", "'injured in Russian attacks' names no place called Russian"),
    ("death-toll-of-russias-kryvyi-rih-strike-on-oct-28-rises-to-2", "a revised toll 15 words after its noun"),
    ("russian-shelling-of-zaporizhzhia-oblast-injures-2", "a day's roundup after one strike is another period"),
    ("air-force-ukraine-downs-13-drones-overnight", "'earlier that night' is the night reported"),
    ("air-force-15-cruise-missiles-21-drones-shot-down-overnight-in-ukraine", "'destroyed every one of them'"),
    ("russian-attacks-against-ukraine-kill-5-injure-19-over-past-day", "'two Kh-22 and two Kh-59 cruise missiles'"),
    ("russia-claims-32-ukrainian-drones-downed-overnight", "a Russian governor's shoot-downs are over Russia"),
    ("kharkiv-mayor-5-still-missing", "one missile that struck a city is no air attack count"),
    ("governor-death-toll-of-russian-attack-against-poltava-oblast-rises-to-3", "'that raises the number killed to'"),
    ("death-toll-in-russian-april-13-missile-strike-on-sumy-rises-to-35", "'120 people, … also sought medical help'"),
    ("air-force-36-out-of-43-russian-missiles-downed-this-morning", "'Altogether, at least 26 … across Ukraine'"),
    ("air-force-ukraine-downs-russian-su-34-aircraft-14-shahed-drones-over-past-day",
     "an opening sentence of two oblasts' figures"),
    ("russian-attacks-across-ukraine-2", "a statement's place is read in its own clause; 'was also killed' adds"),
    ("russian-attacks-against-ukraine-kill-injure-over-past-day-4", "'born in 1999' is no other time"),
    ("air-force-ukraine-downs-9-russian-drones-on-dec-22", "'the report follows a Dec. 21 attack' is background"),
    ("attacks-30", "'where local authorities reported no casualties' is of the oblasts listed"),
    ("russian-drone-attack-on", "an air report's 'no one was hurt' gives its oblast no row"),
    ("air-force-ukraine-downs-38-russian-drones-overnight", "'gave no figures for casualties' is no none"),
    ("russia-claims-dozens-of-ukrainian-drones-targeted-moscow-other-regions", "'in the Moscow region' is Russia"),
    ("russian-attacks-kill-2-injure-20-in-ukraine-over-past-day", "'all of them were shot down'"),
    ("russian-attacks-across-ukraine-kill-3-injure-12-over-past-day", "'a woman aged 50 and a man aged 47'"),
    ("russian-attacks-against-ukraine-5", "'a woman aged 39 and a man aged 53'"),
    ("air-force-ukraine-downs-13-russian-drones", "one drone of an unknown type beside the Shaheds was launched"),
    ("russia-launches-mass-drone-attack-on-ukraine-with-around-15-downed-over-kyiv",
     "'near Kyiv' is a breakdown; 'seventy-eight were brought down'"),
    ("official-russia-hits-targets-in-north-west-center-of-ukraine",
     "'Seven more civilians, among them …, were wounded'"),
    ("russia-claims-27-drones-downed-overnight", "'Belgorod Oblast Governor … said one drone was shot down'"),
    ("attacks-118", "a roundup's opening across Ukraine is of no region"),
    ("russian-attacks-against-ukraine-kill-6-injure-13-over-past-day", "'…, Filashkin said': of Donetsk Oblast"),
    ("russian-drone-attack-in-kharkiv-kills-2-injures-1", "'killing two of the people inside and wounding the third'"),
    ("russian-attacks-across-ukraine-kill-3-injure-6-over-past-day", "'about 3,500 missiles a month' is no night's"),
    ("ukraine-downed-8-russian-drones-launched-overnight-air-force-says-explosions-reported-in-kharkiv",
     "'one ballistic missile and seven cruise missiles'"),
    ("ukraine-has-brought-back-over-4-000-prisoners-of-war-from-russian-captivity-since-start-of-full-scale-invasion-"
     "zelensky-says", "'23 severely wounded Ukrainian soldiers' freed are no toll"),
    ("governor-4-injured-by-russian-attack-on-kharkiv-oblast", "'two men and two women were wounded': 4"),
    ("elderly-woman-injured-in-russian-strike-against-kherson", "'a woman aged about 80' is one, 80 her age"),
    ("governor-russian-attacks-kill-2-wound-7-in-mykolaiv", "the title's injured, of which the body says nothing"),
    ("russian-drone-strike-in-sumy-oblast-kills-entire-family", "'a married couple and their two small children'"),
    ("man-injured-in-russian-june-10-attack-on-kharkiv-dies-in-hospital",
     "'a man aged 77 who was injured … had died in hospital'"),
    ("attacks-42", "'three women aged 60, 39, and 26': three ages"),
    ("update-russian-drone-attack-on-kyiv-oblast-injures-3", "the nation's 30 downed over Kyiv's 18 of 23"),
    ("governor-300-000-people-remain-without-power-supply-in-odesa-oblast",
     "'300,000 people without power after a drone attack' does not date the night"),
    ("air-defense-repels-mass-drone-attack-against-kyiv", "'\"almost two dozen\" unmanned aerial vehicles'"),
    ("starovoyt-drones-shot-down-over-the-of-kursk-oblast", "a Russian claim's item: the governor's 10 are Russia's claim"),
    ("russia-claims-it-intercepted-two-drones-over-moscow-oblast", "'the second was shot down over the Istra district'"),
    ("russia-claims-to-destroy-3-drones-over-crimea", "the occupation head Aksyonov's shoot-downs are a Russian claim"),
    ("drones-shot-down-over-sevastopol-russia-claims", "'air defense shot down two of the drones' in a Russian claim"),
    ("ukraines-military-intercepts-11-drones-in-south", "'5 drones over Mykolaiv Oblast, 4 over Odesa Oblast, and 2'"),
    ("official-over-1-000-people-need-housing-in-dnipro-following-russias-jan-14-strike",
     "'Seven Kh-59 missiles were also downed' after 18 cruise missiles: 25"),
    # each fails on the rules of 396ff29 (figures 4 as the seventh set was scored)
    ("russian-missile-attack-on-kyiv-all-16-missiles-downed-3-people-injured-3-houses-damaged",
     "\"Ukraine's air defense … fired at the capital\" is a breakdown of the night's 54 of 69"),
    ("air-force-ukraine-downs-xx-drones-overnight-2", "'17 of them along with one Kh-59': a missile downed beside launches"),
    ("ukraine-downs-14-russian-drones-launched-overnight", "'Two Iskanders got through without being intercepted'"),
    ("russian-ballistic-missile-downed-over-kyiv", "one missile told without a digit, in an item that counts"),
    ("governor-russian-forces-attack-kharkiv-damage-civilian-infrastructure",
     "'late on Jan. 2' and 'on the morning of Jan. 2' are two attacks"),
    ("air-force-ukraine-downs-10-drones-10-missiles-launched-by-russia-overnight",
     "'Every one of the missiles was shot down': as many launched"),
    ("attacks-103", "'two men and a woman were injured'"),
    ("governor-russia-launches-mortar-attack-on-kharkiv-oblast-killing-1-person",
     "'taken to hospital with shrapnel wounds' is an injury"),
    ("ukraine-downs-50-of-73-russian-drones-in-overnight-attack-air-force-says",
     "'That night …' after a sentence of another attack is of it"),
    ("attacks-129", "'On the third anniversary of its full-scale invasion' is this attack's day"),
    ("eu-provides-44-million-for-energy-aid-ahead-of-winter", "'On Aug. 26, Russia carried out … The attack killed seven'"),
    ("russian-shelling-of-kherson-kills-3-women", "a place the background named is no anchor of the item's own"),
    ("air-force-ukraine-downs-14-drones-1-missile-overnight",
     "an air report's 'overnight' fixes its day: a Feb. 10 strike is background on Feb. 12"),
    ("air-force-ukraine-downs-31-missiles-overnight", "'Ukraine brought down every missile Russia fired'"),
    ("russian-attacks-against-ukraine-kill-3-injure-45-over-past-day",
     "'along with five Iskander-M or North Korean KN-23 ballistic missiles'"),
    ("russian-attacks-against-ukraine-kill-2-injure-7-over-past-day", "'attacked Ukraine overnight on Jan. 27 with 104'"),
    ("official-russian-forces-hit-orikhiv-zaporizhzhia-oblast-killing-1",
     "'The previous day, Russian forces struck …' in an item of several attacks is background"),
    ("update-23-killed-in-kyiv-by-russias-dec-29-mass-strike", "'114 of the 158 missiles and drones' counts neither"),
    ("update-russian-missile-debris-injure-4-in-kyiv-oblast", "'all the missiles were shot down'"),
    # each fails on the rules of b97a9ee (as the eighth set was scored)
    ("air-force-ukraine-shoots-down-25-of-33-drones-launched-by-russia",
     "'On Oct. 5, … killing at least 51' in a report of the night to Oct. 6 is another attack"),
    ("attacks-18", "'a woman in Kharkiv Oblast was hurt'"),
    ("amid-war-ukraine-commemorates-victims-of-another-tragedy-holodomor-photos", "'killed millions of people' is no figure"),
    ("governor-russia-kills-403-people-in-mykolayiv-oblast-since-feb-24", "'since Russia's full-scale invasion began'"),
    ("russia-attacks-kyiv", "'were \"detected and shot down\"' downs"),
    ("governor-ukraine-downs-russian-drone-over-dnipropetrovsk-oblast", "'A Russian reconnaissance drone was brought down'"),
    ("overnight-shahed-attack-injures-4-damages-over-100-buildings-in-kyiv-area",
     "the opening's 'Kyiv Oblast' before the title's 'Kyiv area'"),
    ("russia-attacks-kharkiv", "'Earlier reports had said no one was hurt' is revised"),
    ("ukrainian-drones-hit-chemical-plant-in-russias-tula-oblast-source-says", "an item of Ukraine's drones striking Russia"),
    ("russian-forces-strike-kyiv-oblast-with-kamikaze-drones", "Bila Tserkva 'south of Kyiv' under a title of Kyiv Oblast"),
    ("air-force-ukraine-downs-25-of-29-russian-aerial-targets-overnight",
     "'Tu-95 bombers over Russia's Saratov Oblast launched 10 Kh-101s' are Russia's, and 'also' parts make the total"),
    ("ukrainian-drone-shot-down-while-approaching-moscow-mayor-says", "'follows by only a few days Russia's … attack'"),
    ("kremlin-peskov-odesa-strikes", "'more than 20 drones struck southern Ukraine' were launched"),
    ("russia-launches-3rd-mass-aerial-assault-against-kyiv-over-past-24-hours-killing-at-least-1-injuring-3",
     "'the 17th time the capital has been targeted this month' is this attack"),
    ("3-drones-shot-down-over-belgorod-oblast-governor-says", "'no casualties' of drones over Belgorod is no toll"),
    ("governor-russia-shelled-nikopol-with-heavy-artillery-five-times", "one oblast's shelling without casualties: 0 and 0"),
    ("russias-attacks-kill-6-injure-5-in-donetsk-oblast", "'Russian troops killed six civilians' names the attackers"),
    ("governor-russian-attacks-kill-3-injure-7-in-donetsk-oblast", "'bodies of civilians who died under Russian occupation'"),
    ("sumy-partly-lost-power-due-to-russian-drone-attacks", "the village Khotin of an item on Sumy Oblast is Sumy's"),
    ("russia-shells-12", "'No one was reported hurt'"),
    ("russian-attacks-kill-8-injure-21-in-ukraine-over-past-day",
     "'three more men, aged 35, 37, and 72' and 'Another four residents of the oblast' add"),
    ("russian-attacks-against-ukraine-kill-1-injure-15", "'A 13-year-old boy, a man, and a woman were wounded'"),
    ("russia-attacks-dnipropetrovsk-kharkiv-oblasts-injuring-2", "'No casualties were reported in the oblast' is of one"),
    ("rescued-man-dies-in-hospital-after-russian-strike-on-poltava-oblast-governor-says",
     "'a man hurt in Russia's June 10 attack had died'"),
    ("russian-shelling-kills-21-civilians-injures-27-in-donetsk-oblast-on-may-3",
     "a title that dates its figures, beside a body of an earlier attack"),
    ("four-civilians-killed-by-russian-shelling-of-residential-building-in-sievierodonetsk",
     "'two men and a woman were found dead … another woman … died'"),
    ("presidents-office-russian-forces-kill-8-people-injure-16-in-past-day",
     "'killed four and injured four in Donetsk Oblast': both of the place after them"),
    ("massive-explosion-heard-in-mykolaiv", "'one guard had been injured'"),
    ("governor-russia-launches-second-missile-wave-out-of-three-expected-on-dec-5",
     "'three expected missile waves' counts waves, not missiles"),
    ("prosecutor-general-485-children-killed-by-russia-since-start-of-invasion",
     "'Russia's full-scale invasion has killed 485 Ukrainian children' is a tally"),
    ("health-ministry-106-medical-professionals-killed-since-feb-24", "'the invasion killed 106 medical workers'"),
    ("culture-ministry-91-media-workers-killed-by-russian-invasion-30-still-in-captivity",
     "'Russia's invasion of Ukraine has killed 91 media workers so far'"),
    ("zelensky-russia-has-launched-more-than-4-700-missiles-at-ukraine-since-feb-24",
     "a title's 'since Feb. 24' is a tally, not the night's launches"),
    ("official-ukraine-shoots-down-24-russian-missiles-over-lviv-since-feb-24", "a title's 'since Feb. 24'"),
    ("kharkiv-7-victims", "'has risen again, to nine'"),
    ("reznikov-mass-burial-site-found-in-liberated-kherson-oblast",
     "bodies in a mass grave, and bodies found in liberated lands, are no attack's toll"),
    ("prosecutors-office-russian-attack-in-donetsk-oblast-injures-7-including-2-children",
     "'In April, the U.N. said it had recorded nearly 11,000 civilians killed' opens with its month"),
    ("russian-shellings-wound-2-in-kherson-oblast", "'since the city was liberated'"),
    ("update-4-injured-in-russian-attack-on-odesa-ship-repair-facility", "a title's 'Toll rises to 4 injured'"),
    ("russian-air-attack-heavily-injures-1-in-kherson-oblast", "'a woman was killed and a man injured'"),
    ("russian-drone-attack-damages-energy-infrastructure-in-sumy-oblast",
     "one injured in Russia's Belgorod Oblast is no toll of the attack on Ukraine"),
    ("drone-strike-in-lviv-leaves-museum-on-fire", "'Russia carried out a devastating airstrike' tells of an attack"),
    ("explosions-heard-in-krivyi-rih-after-missile-warning",
     "'On Aug. 28, Russian troops struck Kryvyi Rih …. Nobody was hurt' before the item's first figure"),
    ("russian-drones-kill-civilian-in-beryslav-kherson-oblast", "'Another person was taken to hospital and is being treated'"),
    ("drone-damages-house-in-poltava-oblast", "'Debris of downed drone hits home in Poltava Oblast' is one place's report"),
    ("energy-ministry-russian-forces-fired-on-repair-workers-twice-over-past-2-days",
     "'None of the workers were hurt' of crews in Kharkiv Oblast: its 0 and 0"),
    ("drone-attack-on-kyiv-damages-infrastructure-injures-2",
     "'there were no casualties in the capital', beside two injured in Kyiv Oblast, is of the capital"),
    ("russias-attacks-kill-3-in-donetsk-oblast-injure-6-in-kharkiv-oblast",
     "'Over the past 24 hours' opens a roundup (its hours masked as no count)"),
    ("1-killed-2-wounded-in-russian-strike-on-donetsk-oblast", "a day's roundup 'over the past 24 hours' after one strike"),
    ("governor-russia-attacks-civilians-in-kherson-on-dec-23-killing-2",
     "a day's roundup 'over the past 24 hours' after one strike"),
    ("russian-shelling-of-nikopol-wounds-7-people", "'Two people were wounded overnight and five more in a morning attack'"),
    ("mayor-air-defense-shot-down-21-out-of-31-missiles-fired-on-kyiv", "'11 people in Kyiv were injured'"),
    ("falling-debris-from-drone-strike-on-kyiv-leaves-residential-building-on-fire-one-injured",
     "'treated by emergency workers at the scene' is a sentence of a casualty"),
    ("governor-russian-forces-shell-sumy-oblast-on-dec-13", "'Nobody was reported killed or injured' is a none"),
    ("russia-attacks-5-communities-in-sumy-oblast-4", "'no reports of anyone being killed or injured' is a none"),
    ("russian-forces-shell-sumy-oblast-286-times-in-one-day", "'Monday's attack' is another day's"),
    ("russia-shells-sumy-oblast-injuring-2",
     "'On Dec. 6, the Russian military also attacked …' on the item's own day is no other attack"),
    ("russias-artillery-shelling-injures-3-civilians-in-kherson", "'Three civilians were taken to hospital'"),
    ("mayor-russian-kamikaze-drone-attack-kills-one-in-kyiv", "'taken to hospital' is a sentence of a casualty"),
    ("russian-attacks-against-ukraine-kill-2-injure-30-over-past-day",
     "those taken to hospital after a figure of injured are of it, not more"),
    ("russias-attack-on-zaporizhzhia-damages-apartment-building-injures-5",
     "'said a Russian strike on the city on Sept. 23 killed one': the strike's date, not the saying's"),
    ("russia-shells-kherson-oblast-killing-1-person",
     "'Prokudin said on April 18 that …' after a statement of April 20 is of an earlier time"),
    ("russia-attacks-13-communities-in-sumy-oblast-injuring-1", "'Yampil' is the 'Yampil’' of Sumy Oblast the item names"),
    ("1-killed-in-russian-shelling", "'killing one person and sending another to hospital'"),
    ("reuters-injured-in-kramatorsk-hotel-strike-in-serious-condition", "'killed Ryan Evans, a British national'"),
    ("civilian-injured-following-russian-missile-strike-on-kharkiv", "'leaving a 35-year-old man with shrapnel wounds'"),
    ("death-toll-in-poltava-rises", "'A further 328 people are listed as wounded'"),
    ("energy-minister-russias-jan-14-mass-missile-strike-hits-energy-infrastructure-in-6-oblasts",
     "'No one was hurt at the sites' is of the plants only"),
    ("update-2-rescue-workers-from-ukraines-state-emergency-service-killed-in-russian-attacks-in-zaporizhzhia-oblast",
     "'two rescue workers of Ukraine's State Emergency Service were killed'"),
    ("military-intelligence-oct-1-drone-strikes-in-smolensk-damaged-missile-plant-production-disrupted",
     "a title of strikes on Smolensk: its drones are Ukraine's"),
    ("russian-occupying-authority-claims-drone-attack-on-sevastopol", "'Razvozhaev claimed one of the drones was destroyed'"),
    ("pm-shmyhal-hundreds-of-settlements-cut-off-from-electricity-after-russias-recent-attacks",
     "'five kamikaze drones were fired at … in Kyiv' is of the capital only"),
    ("attacks-119", "'three police officers and two civilians' in a place: one statement, not more than the oblast's"),
    ("russian-attacks-against-ukraine-kill-3-injure-18-over-past-day", "'two women aged 38 and 56 were injured'"),
    ("governor-russias-morning-missile-attack-damages-28-residential-buildings-in-kyiv-oblast",
     "'the strike also hit' Dnipro after 'no reports of casualties' and a strike 'later that day'"),
    ("russian-governor-claims-drone-attack-on-oil-refinery-in-bryansk-oblast",
     "'Bryansk governor says …', 'Russian air defense shot down three drones': Ukraine's drones"),
    ("russian-drones-crash-explode-in-moldova-during-attack-on-ukraine", "'One drone came down in a field' is none downed"),
    ("official-russian-missile-attack-kills-1-injures-4-in-kherson-oblast",
     "'…, said Vilkul, head of Kryvyi Rih's administration' names who said it, not where"),
    ("presidents-office-russian-attack-on-kherson-kills-1", "'In an earlier attack on Jan. 9' is another attack"),
    ("mykolaiv-death-rises-5", "'Earlier on April 12, Kim had said that … six injured': this attack's figures, told before"),
    ("update-3-killed-in-russian-attack-on-transport-company-in-kherson", "'five of his co-workers were wounded'"),
    ("donetsk-oblast-comes-under-heavy-fire-at-least-4-civilians-killed-including-1-child",
     "'wounded an additional eight civilians'"),
    ("local-authorities-russian-shelling-kills-1-injures-1-in-kherson",
     "'a man was killed and a woman, also 64, was injured': the woman is of the injured"),
    ("russian-attack-on-kharkiv-oblast-train-station-kills-2-including-child",
     "'The girl's mother was reportedly wounded as well'"),
    ("59-year-old-man-killed-by-russian-drone-in-kherson-local-authorities-report",
     "'The drone strike on Kherson coincided with an overnight attack …': the capital's toll is that attack's"),
    ("russian-forces-strike-at-medical-facility-kill-doctor-in-kherson-oblast", "'A doctor was killed and a nurse injured'"),
    ("at-least-six-people-injured-from-russian-shelling-in-kherson-one-man-rescued-from-rubble",
     "'On the morning of Jan. 14, the administration said six had been injured': the date is the saying's"),
    ("air-defense-reportedly-downs-russian-drone-above-kyiv-oblast", "'brought down a Russian drone' is one downed"),
    ("attacks-71", "'a man was killed …, and a woman was also injured' in a place: of the oblast's figure, not more"),
    ("air-force-ukraine-downs-5-russian-drones-in-south-over-past-day",
     "'Neither the Air Force nor local authorities reported any damage or casualties' is a none"),
    ("russian-attacks-in-ukraine-6", "'one person was injured in the city of Kharkiv and three more elsewhere in Kharkiv Oblast'"),
    ("attacks-107", "'two people were wounded in the village of Zhovte and one in the town of Pokrovsk': two places"),
    ("russian-drone-attack-on-kherson-oblast-kills-2", "'The latest incident happened near …' ends the background before it"),
    ("russian-drone-attack-causes-fires-damage-to-critical-infrastructure-in-vinnytsia",
     "'an attack last night' the morning after the night reported; 'left no one injured or killed'"),
    ("governor-russian-forces-shell-of-kharkiv-oblast-1-person-killed", "'There were no reported casualties there'"),
    ("russian-attacks-kill-5-injure-26-in-ukraine-over-past-day",
     "'a man aged 37 and two women aged 37 and 59 were injured': the two women are a count, not an age"),
    ("ukraine-exhumes-bodies-of-7-killed-in-forest-near-kyiv", "'Ukraine exhumes bodies of 7 …': no attack's toll"),
    ("governor-5-injured-in-kherson-oblast-over-the-past-day", "'The flooding killed at least four people': a flood's dead"),
    ("russia-shells-9-communities-in-sumy-oblast", "'killed more than 50 animals'"),
    ("sbu-detains-accused-spy-who-allegedly-directed-russian-fire-at-zaporizhzhia-resulting-in-deaths",
     "a title of an arrest: the tolls it cites are earlier attacks'"),
    ("russian-strike-on-kherson-kills-civil-servant-injures-2", "'A woman who worked for the city administration was killed'"),
    ("update-11-injured-in-russian-attack-on-kostiantynivka",
     "'The shelling … earlier on May 13 also killed two' in an item of the May 13 attack: the same attack"),
    ("three-wounded-in-russian-drone-attack-on-chernihiv", "'two of the three people hurt in the attack …': three"),
    ("russian-strike-on-kherson-injures-2-2", "'An 82-year-old woman, an 84-year-old man, and another woman were injured'"),
    ("mayor-power-water-supply-restored-in-lviv", "a toll of strikes 'across Ukraine' is of no one city the lead names"),
    ("poland-scrambles-jets-alerts-air-defense-during-russian-missile-attack",
     "'165 unmanned aerial vehicles (UAVs) and missiles': no count of one class"),
    ("russian-proxies-claim-ukrainian-strikes-on-occupied-skadovsk-in-kherson-oblast",
     "'Saldo … claimed that Ukrainian forces fired two missiles': Ukraine's"),
    ("russian-forces-shell-dnipropetrovsk-oblast-on-march-25", "'hit two of the region's communities with … drones'"),
    ("russia-heightens-black-sea-strike-capability", "'two more missile-launching vessels'"),
    ("military-russia-has-targeted-ukraine-with-around-3-800-drones-since-2022",
     "a title of drones launched 'since 2022': a tally, no night's counts"),
    ("russia-shells-10-communities-in-sumy-oblast-4", "'a sabotage group shot dead a brother and sister'"),
    # figures 8, from the eighteenth set (scored once at figures 7, then tuned on)
    ("zelensky-233-iranian-kamikaze-drones-shot-down-over-ukraine-in-past-month",
     "a title's 'over past month': a headline's period, without its article"),
    ("russia-has-launched-over-6-100-attack-drones-at-ukraine-since-start-of-2024-zelensky-says",
     "a title's 'since start of 2024': a tally, no night's counts"),
    ("russia-strikes-zaporizhzhia-on-evening-of-jan-11", "'Preliminary information indicated no casualties': the "
     "item's own first word, not an earlier report since revised"),
    ("russia-shells-sumy-oblast", "'the community is shelled more than any other', said two days before: no attack "
     "told, so the 'no reports of casualties' after it is the item's"),
    ("official-russian-missile-strike-on-kramatorsk-kills-2", "'wrote on Telegram that those attacks damaged …': "
     "Telegram is no place of the item's own, so the 'No casualties were reported' after it is of those attacks"),
    # figures 9, from the nineteenth set (scored once at figures 8, then tuned on)
    ("czech-deliveries-on-schedule", "'The meeting took place days after Russia's largest aerial attack' and then 'in "
     "that attack': that attack's figures, in an item of no attack"),
    ("governor-russia-attacks-zaporizhzhia-again", "a post 'overnight on Oct. 10' tells of that night: 'Overnight on "
     "Oct. 9, … killing 14' is the night before"),
    ("russia-strikes-sumy-oblast-injuring-5-children-1-adult", "a title's 'injure 5 children and 1 adult' is 6"),
    ("russia-attacks-donetsk-and-kherson-oblasts-killing-2-injuring-at-least-3", "'hit a taxi, killing its driver': one"),
    ("ukraine-downs-3-drones-overnight-on-feb-27", "'one Shahed drone over Chernihiv Oblast', then 'two more drones had "
     "been intercepted': three"),
    ("governor-russian-attack-on-evacuation-boat-kills-3-injured-10-in-kherson-oblast",
     "'injuring eight civilians and two law enforcement officers': ten"),
    ("russia-continues-attaacks-on-sumy-region", "'made no mention of casualties' is no word of none: nothing stated"),
    # figures 10, from the twentieth set (scored once at figures 9, then tuned on)
    ("5-injured-by-russian-drone-in-mykolaiv-oblast", "after 'Five people … were injured', the 'No one was reported "
     "injured' of an attack five days earlier gives no 0 killed"),
    ("russian-forces-attack-4-communities-in-sumy-oblast-injuring-civilian", "'The other communities reported no "
     "casualties': of those, not a 0 killed of the item"),
    ("mayor-russians-shell-residential-area-in-occupied-town-in-kherson-oblast", "'in late December': another time"),
    ("russian-drone-injures-2-medical-workers-in-kherson-oblast", "'From the start of the full-scale war until April "
     "2024, the WHO recorded …': a tally"),
    ("zelensky-russia-strikes-ukraine-almost-1-000-times-over-week-alone", "'almost 1,000 strikes with missiles': a "
     "count of strikes, no count of missiles"),
    ("zelensky-russia-has-used-nearly-400-kamikaze-drones-against-ukraine", "'Russia has used some 400 … drones': a "
     "tally; 'That day, … sent 28 drones' is the day of the sentence before"),
    ("budanov-russia-is-preparing-for-defense-not-retreat-in-kherson", "'Russian troops have used about 330 … drones, "
     "222 of which were shot down': a tally"),
    ("partial-blackout-rivne-oblast-drone", "'A drone was brought down by air defense forces': one downed"),
    ("governor-russian-shelling-wounds-17-year-old-in-sumy-oblast", "'A 17-year-old was wounded': one"),
    ("official-heavy-shelling-reported-in-kherson", "'Russian forces are heavily shelling … Kherson, … said on Dec. 20': "
     "the figures of Dec. 19 are another day's"),
    ("russian-drones-strike-sumy-kharkiv-oblasts-killing-1-person-injuring-at-least-21", "'Six people, three men and "
     "three women, among them …, were injured': six"),
    ("update-4-russian-drones-hit-civilian-sites", "a title of drones striking sites is no air report: the 'no "
     "casualties' is of the oblast its governor speaks for"),
    # figures 11, from the eighteenth set
    ("more-than-40-explosions-hur-confirms-ukrainian-drone-strike-on-russias-tuapse-oil-refinery",
     "'The ministry reported no damage or casualties' of a strike on Russia's Tuapse: no toll of an attack on Ukraine"),
    # figures 12, from the thirteenth set
    ("russian-forces-attack-5-communities-in-sumy-oblast", "'said on Jan. 31 that Russian troops had attacked …', then "
     "'On Jan. 30, … That attack caused no casualties': the day before's"),
    # figures 13, from the twenty-second set after it was scored
    ("update-russian-strike-on-kharkiv-wounds-28-including-2-children-foreign-citizen-governor-says",
     "'came one day after Russia's largest drone and missile attack …, which killed more than 40': that attack's"),
    ("one-person-injured-following-russian-drone-attack-against-kyiv-oblast-property-damage-reported",
     "'The attack came a night after a mass drone attack on Kyiv that killed three': the night before's"),
    ("police-russia-attacks-civilian-car-in-chernihiv-oblast-killing-a-man",
     "'At the end of March, a Russian drone struck a bus …, injuring three': another time"),
    ("russian-missile-attack-in-kharkiv-injures-1", "'No further casualties have been reported' after one wounded: none killed"),
    ("russia-shells-sumy-oblast-injuring-1", "'no further casualties' after one injured (of the fifteenth set): none killed"),
    ("rescue-operations-end-in-kharkiv-with-19-killed-54-injured-after-russian-hypermarket-attack",
     "a title's '19 killed, 54 injured' of the attack of four days before, the whole item's"),
    ("governor-at-least-2-killed-5-wounded-by-cluster-munitions-in-kramatorsk",
     "a title's 'kills 2, wounds 5' where the body tells it of 'their most recent attack'"),
    ("russian-forces-attack-kherson-kharkiv-oblasts-killing-1-injuring-1",
     "a lead of two oblasts' figures told again place by place: 'also struck … Vovchansk, killing a man' is in it"),
    ("swedish-journalists-attacked-by-russian-drones", "'their local Ukrainian producer and two policemen were injured' is 3"),
    ("3-killed-25-injured-in-russias-attack-on-kryvyi-rih", "'seven … injured in the same attack' in another part of the "
     "city added; '14 … cruise missiles, 10 of which Ukraine's air defense destroyed'"),
    ("zelensky-russia-has-enough-missiles-for-several-more-massive-strikes",
     "'76 cruise missiles, 60 of which air defense shot down' (of the fourteenth set)"),
    ("air-force-patriot-air-defense-systems-have-already-shot-down-15-kinzhal-missiles",
     "'have shot down 15 … since they were first used', '… so far', 'In early May': a tally and another time"),
    ("russia-launched-almost-6-900-drones-at-ukraine-in-september-syrskyi-says",
     "'launch at least 1,000 interceptor drones a day': a rate, no night's count"),
    ("update-3-dead-in-russian-cluster-munitions-strike-against-kostiantynivka",
     "'The latest information puts the number of injured in the strike at no fewer than six'"),
    ("russian-strike-on-mine-in-donetsk-oblast", "'The Interior Ministry later updated the figure, saying six people had "
     "been injured' after 'injured five others'"),
    ("pm-shmyhal-energy-sites-in-8-ukrainian-regions-hit-in-russian-march-9-attack",
     "'fired a mass barrage … at Ukraine, killing at least six' is the country's, of no oblast; 'the March 9 attack "
     "involved 81 missiles … and 8 Iranian Shahed drones'"),
    ("italian-journalists-attacked-by-russian-forces-in-kherson", "'Locatelli said he suffered a minor injury' is one "
     "injured"),
    ("authorities-20-injured-in-russian-march-2-attack-against-odesa", "'Rescue work after the deadly attack, which "
     "killed 12 …, ended late on March 3': the date is the work's, the 12 the item's attack's"),
    ("3-people-injured-in-russian-sept-3-strike-on-poltava-die-in-hospital", "'The search and rescue operation … ended "
     "on Sept. 5' dates no attack and no saying (of the thirteenth set)"),
    ("governor-1-killed-10-injured-in-russian-missile-attack-on-zaporizhzhia", "'Russia's nationwide missile attack … "
     "killed four people and wounded at least 10 in Zaporizhzhia': that oblast's"),
    ("mayor-no-one-killed-in-russian-missile-strike-against-dnipro", "'The strike on Dnipro on July 28, which injured at "
     "least five people, killed nobody': none killed of the item's one place (of the twelfth set)"),
    ("death-toll-of-donetsk-oblast-attack-rises-to-4", "'on the night of Nov. 15' in an item of Nov. 16 is its attack's "
     "night, so 'The number of injured … has since been raised to three' counts (of the twelfth set)"),
    ("russia-launches-mass-drone-attack-on-kharkiv-injures-at-least-1-person", "'The same night, … a large-scale drone "
     "attack on Dnipro, injuring at least 14' is another city's; 'more than 20 drones targeted Kharkiv' launched"),
    ("son-widow-of-fallen-soldier-killed-in-russias-attack-on-kharkiv-oblast-village",
     "a village the gazetteer lacks 'in Kharkiv Oblast', then 'first buried in Dnipro', under a title of a Kharkiv "
     "Oblast village: of Kharkiv Oblast"),
    ("number-of-injured-in-russian-july-8-attack-against-kryvyi-rih-rises-to-53", "'Over the past four days, the number "
     "of injured has grown from 47 to 53. The strike also killed 10': the item's own attack"),
    ("pregnant-woman-hospitalized-following-russian-attack-on-kherson", "'a 32-year-old pregnant woman was taken to "
     "hospital with \"signs of smoke inhalation poisoning\"': one injured"),
    ("explosions-in-kyiv-russia-launches-massive-missile-and-drone-attack-on-cities-across-ukraine", "'In … Lutsk, an "
     "apartment building was damaged, Mayor … said. He later reported that one person had been killed': Volyn Oblast's"),
    ("7-killed-23-injured-in-russian-attacks-on-ukraine-over-past-day", "'with nine settlements targeted and a "
     "60-year-old woman hurt': Kharkiv Oblast's one injured"),
    ("russian-attacks-against-ukraine-kill-5-injure-60-over-past-day", "'killing police officer Andrii Matvienko': one "
     "killed in Kharkiv Oblast"),
    ("1-killed-34-injured-in-russian-attacks-against-ukraine-over-past-day", "'targeted an elderly woman with a drone, "
     "fatally wounding her': one killed in Kherson Oblast"),
    ("4-killed-22-injured-in-russian-attacks-against-ukraine-over-past-day", "'a 37-year-old man suffered mine-blast "
     "injuries': one injured in Dnipropetrovsk Oblast"),
    ("3-killed-19-injured-in-russian-attacks-on-ukraine-over-past-day", "'One person was killed and another injured in "
     "Kherson Oblast': one and one"),
    ("governor-woman-rescued-from-under-rubbles-after-russian-strike-in-poltava-oblast-dies-in-hospital", "'A woman who "
     "had been rescued from under the rubble after a Russian missile strike … has died in hospital': one killed"),
    ("update-three-drones-intercepted-in-moscow-region", "'Two people were reportedly injured' in an item of drones over "
     "the Moscow region: no toll"),
    ("update-2-dead-after-gas-explosion-at-residential-building-in-kyiv", "a gas explosion's dead: no attack's toll"),
    ("3-reportedly-dead-in-odesa-1-in-crimea-due-to-bad-weather", "the weather's dead: no attack's toll"),
    ("state-emergency-service-2-gas-service-workers-killed-by-a-cave-in-in-kharkiv-during-repair-work",
     "a cave-in's dead: no attack's toll"),
    ("ngo-31-abducted-children-returned-to-ukraine", "a death in an item with no word of violence: no toll"),
    ("prosecutor-general-russian-troops-committed-9-000-war-crimes-in-bucha-district", "a title counting war crimes: "
     "the occupation's dead, no attack's toll"),
    ("prosecutor-generals-office-bodies-of-3-civilians-allegedly-killed-by-russian-troops-discovered-in-mykolaiv-oblast",
     "'bodies of 3 civilians allegedly killed by Russian troops found in …': the occupation's dead"),
    ("human-body-discovered-in", "'a Russian attack on an evacuation boat had killed 3 civilians and injured 23' after "
     "the item's one dead: another attack's, its 23 injured too"),
    ("governor-russian-shelling-kills-1-in-kherson-oblast", "'Those attacks killed two civilians and injured two more' "
     "after the item's one dead: the day's, not the item's"),
    ("another-burial-site-discovered-in-kyiv-oblast", "a title of a burial site: the occupation's dead"),
    ("un-22-607-civilian-casualties-in-ukraine-reported-since-the-start-of-russias-full-scale-invasion", "a title of "
     "casualties 'since Russia's full-scale invasion began': a tally"),
    ("authorities-russian-attack-on-kherson-injures-woman", "'an 83-year-old woman had been killed in an overnight "
     "Russian attack on the village of Lvove' in an item of a strike on Kherson: another attack's"),
    ("authorities-russian-attack-on-kherson-injures-2", "'a Russian drone dropped explosives on the city of Beryslav …, "
     "killing one person' in an item of a strike on Kherson: another attack's"),
    ("attacks-104", "'In Kupiansk, a 67-year-old driver working for a medical facility was also wounded': one more in "
     "Kharkiv Oblast"),
    ("three-injured-in-attack-on-donetsk-oblast", "'Early on March 24, Russia fired 29 cruise missiles and 28 Shahed "
     "drones in a large-scale attack across Ukraine' in an item of shelling: another attack's"),
    ("governor-russian-attack-on-zaporizhzhia-oblast-village", "'Overnight, Russia launched a large-scale attack on "
     "Zaporizhzhia, Poltava … oblasts', then 'shot down 39 of 55 Russian missiles' in an item of shelling: another's"),
    ("military-infrastructure-facility-hit-in-russian-attack-on-odesa-oblast", "'Russia fired Kh-59 missiles at Odesa "
     "Oblast, and air defense destroyed two of them': two downed"),
    ("explosions-in-kyiv-as-russia-launches-another-missile-attack", "'…, Serhii Popko, head of …' is no village of "
     "Chernivtsi Oblast, so the lead names Kyiv alone and its two injured are the city's"),
    ("air-defense-downs-2-iranian-made-shahed-136-drones-over-kyiv-sea", "a title's two drones downed, over a body "
     "that counts only missiles"),
    ("russian-attack-on-pavlohrad-in-dnipropetrovsk-oblast-injures-5", "'five Iskander-M or KN -23 North Korean "
     "ballistic missiles': five, no 23"),
]


def test_a_place_before_a_count_of_downed_drones_makes_it_a_breakdown():
    """Sentences of a real roundup, rewritten: "In Dnipropetrovsk Oblast, eleven … were downed" is that oblast's part of
    the 24 the Air Force counts after it."""
    _, air_rows = figures.derive("Russian attacks across Ukraine injure 8 civilians over past day",
                                 "In Dnipropetrovsk Oblast, eleven Shahed-type drones were downed; the attacks there "
                                 "caused damage. The Air Force said Ukrainian defenses brought down all 24 Shahed-type "
                                 "drones that Russia launched.", "2024-06-12T12:00:00+00:00")
    assert figures.class_totals(air_rows, "russia_on_ukraine")["drones_downed"] == 24


def test_a_person_named_with_an_age_who_died_is_one_killed():
    """A real update, rewritten: "Denys Zhurba, 18, had died of the injuries" is one killed; the strike on Poltava
    Oblast told after it is another oblast's attack."""
    toll_rows, _ = figures.derive("18-year-old wounded in Jan. 30 attack on Sumy dies, city council says",
                                  "The Sumy City Council reported on Feb. 2 that Denys Zhurba, 18, had died of the "
                                  "injuries he suffered in the Russian drone attack on Sumy on Jan. 30.\n\nOvernight, "
                                  "Russia struck Ukraine's central Poltava Oblast, killing at least 14 people.",
                                  "2025-02-02T12:00:00+00:00")
    assert [(r["killed"], r["region_code"]) for r in toll_rows if r["scope"] in ("total", "region")] == [
        (1, None), (1, "UA-59")]


def test_groups_and_another_of_its_own_verb():
    """Sentences of real roundups, rewritten: groups of one statement summed, "another was killed" counted."""
    published = "2024-05-20T12:00:00+00:00"
    toll_rows, _ = figures.derive("Attack on Kharkiv", "The Interior Ministry said thirty-six police officers, nine "
                                  "civilians, and one rescuer were injured in the attack on Kharkiv.", published)
    assert [r["injured"] for r in toll_rows if r["scope"] == "total"] == [46]
    toll_rows, _ = figures.derive("Attacks on Donetsk Oblast", "In Donetsk Oblast, one person was wounded in the city of "
                                  "Pokrovsk and another was killed in the town of Kostiantynivka.", published)
    assert [(r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "region"] == [(1, 1)]


def test_a_place_also_hit_after_an_oblasts_figure_adds_to_it():
    """"… were injured in the attack. Russian forces also hit … Kupiansk, injuring a man and two women": more."""
    toll_rows, _ = figures.derive("Attacks over the past day", "Russian attacks across Ukraine over the past day killed "
                                  "one person and injured 50. Russian attacks injured 46 people in Kharkiv Oblast, the "
                                  "Interior Ministry said. Russian forces also hit a residential building in the town of "
                                  "Kupiansk in Kharkiv Oblast, injuring a 44-year-old man and two women aged 68 and 70.",
                                  "2024-05-20T12:00:00+00:00")
    assert [r["injured"] for r in toll_rows if r["scope"] == "region"] == [49]


def test_a_girl_and_two_men_were_injured_is_three():
    """"A 14-year-old girl and two men, aged 19 and 84, were injured" (a real item's sentence, rewritten)."""
    toll_rows, _ = figures.derive("Russian attack on Kherson", "A 14-year-old girl and two men, aged 19 and 84, were "
                                  "injured when Russia attacked Kherson on Feb. 14, officials said.", "2024-02-14T12:00:00+00:00")
    assert [r["injured"] for r in toll_rows if r["scope"] == "total"] == [3]


def test_a_months_old_statement_is_no_toll_of_the_items_attack():
    """"On Aug. 8, a spokesman said 78 rescuers had been killed", told after the item's own strike of January."""
    toll_rows, _ = figures.derive("Strike on a village", "Two people were injured when Russian forces struck the village "
                                  "of Tiahynka in Kherson Oblast on Jan. 16, the governor said. On Aug. 8, a State "
                                  "Emergency Service spokesman said 78 Ukrainian rescuers had been killed in Russian "
                                  "attacks while on duty.", "2024-01-16T12:00:00+00:00")
    assert [(r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "total"] == [(None, 2)]


def test_the_governor_of_a_russian_region_tells_of_ukraines_drones():
    """"…, governor of Russia's Bryansk Oblast, wrote …" (a real item's words), told without his name."""
    _, air_rows = figures.derive("Drones over Bryansk", "The governor of Russia's Bryansk Oblast said air defense shot "
                                 "down three drones over the region overnight.", "2023-06-17T10:00:00+00:00")
    assert [(r["direction"], r["downed"]) for r in air_rows] == [("ukraine_on_russia", 3)]


def test_russian_air_defense_downing_drones_tells_of_ukraines_drones():
    """A sentence of a real item, rewritten: Russia's air defense downs Ukraine's drones, never Russia's attack."""
    _, air_rows = figures.derive("Refinery hit", "Blaming Ukraine for the attack, he claimed Russian air defense shot "
                                 "down three drones.", "2023-06-17T10:00:00+00:00")
    assert [(r["direction"], r["downed"]) for r in air_rows] == [("ukraine_on_russia", 3)]


def test_those_wounded_who_have_died_since_are_no_injured():
    """"Three people wounded in Russia's Sept. 3 attack on Poltava have died in hospital": of the dead, not the
    injured (a real item's sentence, rewritten), while "were wounded … and one died" keeps its injured."""
    published = "2024-09-08T12:00:00+00:00"
    toll_rows, _ = figures.derive("Toll of Poltava strike rises", "Three people wounded in Russia's Sept. 3 attack on "
                                  "Poltava have died in hospital, raising the overall death toll to 58, the governor "
                                  "said on Sept. 8.", published)
    assert [(r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "total"] == [(58, None)]
    toll_rows, _ = figures.derive("Strike on Poltava", "Five people were wounded in a Russian strike on Poltava on "
                                  "Sept. 8, and one of them died in hospital, the governor said.", published)
    assert [r["injured"] for r in toll_rows if r["scope"] == "total"] == [5]


def totals(title: str, body: str, published: str) -> list[tuple]:
    """(killed, injured) of the total rows the figures read from a text."""
    toll_rows, _ = figures.derive(title, body, published)
    return [(r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "total"]


def test_an_attack_the_items_came_after_is_another():
    """"The strike on Kharkiv … came one day after Russia's largest drone and missile attack on the country, which killed
    more than 40 people" (a real item's sentence, rewritten): those dead are that attack's."""
    assert totals("Russian strike on Kharkiv wounds 28", "Russia's missile attack on Kharkiv on the "
                  "evening of Dec. 30 wounded 28 people, the governor said. The strike came one day after "
                  "Russia's largest drone and missile attack on the country, which killed more than 40 "
                  "people.", "2023-12-31T12:00:00+00:00") == [(None, 28)]


def test_another_citys_attack_the_same_night_is_another():
    """"The same night, Russia carried out a large-scale drone attack on Dnipro, injuring at least 14 people", told
    after the item's attack on Kharkiv (a real item's sentences, rewritten)."""
    toll_rows, _ = figures.derive("Russia launches mass drone attack on Kharkiv", "Late at night on April 8, Russia hit "
                                  "Kharkiv with a massive drone attack, injuring at least one person. The same night, "
                                  "Russia carried out a large-scale drone attack on Dnipro, injuring at least 14 people.",
                                  "2025-04-08T21:00:00+00:00")
    assert [(r["scope"], r["injured"]) for r in toll_rows if r["scope"] in ("total", "region")] == [
        ("total", 1), ("region", 1)]


def test_a_part_of_a_month_is_another_time():
    """"At the end of March, a Russian drone struck a bus …, injuring three people" in an item of April 13."""
    assert totals("Russian attack on civilian car kills man", "Russian forces fired on a civilian car in "
                  "Chernihiv Oblast, killing a man, police said on April 13. At the end of March, a "
                  "Russian drone struck a bus in the Novhorod-Siverskyi district, injuring three people.",
                  "2024-04-13T12:00:00+00:00") == [(1, None)]


def test_an_injury_toll_is_of_the_injured():
    """A title's "Injury toll of Russia's July 8 attack on Kryvyi Rih rises to 53" counts the injured."""
    assert totals("Injury toll of Russia's July 8 attack on Kryvyi Rih rises to 53", "Officials gave "
                  "the latest figures on July 11.", "2024-07-11T12:00:00+00:00") == [(None, 53)]


def test_no_further_casualties_is_none_killed_beside_the_wounded():
    """"No further casualties have been reported" after one wounded (a real item's sentences, rewritten): 0 killed;
    "no further information" is still no word of none."""
    lead = ("Russian forces struck the city of Kharkiv on the evening of April 21, wounding at least one civilian, the "
            "governor said. ")
    for then, toll in (("No further casualties have been reported.", (0, 1)),
                       ("No further information on casualties has been given.", (None, 1))):
        assert totals("Man hurt in Russian attack on Kharkiv", lead + then, "2024-04-21T20:00:00+00:00") == [toll], then


def test_a_titles_figures_of_the_attack_the_whole_item_tells_of_count():
    """An item of the day rescue work ended after a strike four days before: its title's "19 killed, 54 injured" are
    that attack's, told again in the body as of its date (a real item, rewritten)."""
    assert totals("19 killed, 54 injured as rescue operations after Kharkiv hypermarket attack end",
                  "Search and rescue work after Russia's strike on a hypermarket in Kharkiv has been "
                  "completed, the interior minister said on May 29. He said the May 25 attack on the "
                  "hypermarket killed 19 people. Fifty-four people were reported injured.",
                  "2024-05-29T16:00:00+00:00") == [(19, 54)]


def test_one_person_and_a_group_are_one_statement():
    """"their local Ukrainian producer and two policemen were injured" (a real item's words, rewritten) is three, as "a
    girl and two men were injured" is."""
    for sentence, injured in (("A Russian drone hit the crew's car; their local Ukrainian producer and two policemen "
                               "were injured, the channel reported on Sept. 20.", 3),
                              ("A girl and two men were injured when Russia attacked Kherson on Sept. 20.", 3)):
        toll_rows, _ = figures.derive("Attack", sentence, "2023-09-20T12:00:00+00:00")
        assert [r["injured"] for r in toll_rows if r["scope"] == "total"] == [injured], sentence


def test_another_part_of_the_city_in_the_same_attack_adds_to_the_toll():
    """"In another part of the city, seven people were injured in the same attack" after "killed at least three people
    and wounded 25" (a real item's sentences, rewritten): 32 injured, the same attack, not another."""
    assert totals("3 killed, over 30 injured in Russia's attack on Kryvyi Rih", "A Russian missile "
                  "attack on a five-story building in Kryvyi Rih killed at least three people and wounded "
                  "25, the governor said on June 13.\n\nIn another part of the city, seven people were "
                  "injured in the same attack, which hit civilian infrastructure.", "2023-06-13T12:00:00+00:00") == [(3, 32)]


def test_a_count_of_which_air_defense_downed_some_is_of_the_downed():
    """"Russian forces used 14 X-101/555 cruise missiles, 10 of which Ukraine's air defense destroyed" (a real item's
    sentence, rewritten): 14 launched, 10 downed."""
    _, air_rows = figures.derive("Attack on Kryvyi Rih", "In its morning update, the General Staff said Russian forces "
                                 "used 14 X-101/555 cruise missiles, 10 of which Ukraine's air defense destroyed.",
                                 "2023-06-13T12:00:00+00:00")
    totals = figures.class_totals(air_rows, "russia_on_ukraine")
    assert (totals["missiles_launched"], totals["missiles_downed"]) == (14, 10)


def test_tallies_and_rates_of_air_defense_are_no_nights_counts():
    """Sentences of real items, rewritten: a count "since they were first used", one "so far", one "in early May" and
    a rate "a day" are no night's counts."""
    published = "2023-12-31T15:00:00+00:00"
    for title, body in (
            ("Air defense", "Air Force spokesperson Yurii Ihnat said on Dec. 31 that Patriot systems have shot down 15 "
                            "Russian Kinzhal missiles since they were first used in May."),
            ("Patriot systems have downed 15 Kinzhal missiles so far", "The spokesperson spoke on national television."),
            ("Air defense", "In early May, Ukraine's Air Force said it had shot down a Russian Kh-47 Kinzhal ballistic "
                            "missile."),
            ("Drones", "The defense minister says Kyiv will soon launch at least 1,000 interceptor drones a day.")):
        _, air_rows = figures.derive(title, body, published)
        assert air_rows == [], (title, body)


def test_the_oblast_title_and_lead_name_beats_a_city_named_in_passing():
    """A real item, rewritten: a missile on "the village of Hroza in Kharkiv Oblast" (no village of that name in the
    gazetteer), a soldier "first buried in Dnipro", then "51 people killed in the strike": of Kharkiv Oblast."""
    toll_rows, _ = figures.derive("Son, widow of fallen soldier killed in Russia's attack on Kharkiv Oblast village",
                                  "On Oct. 5, Russian troops fired a missile at a cafe in the village of Hroza in Kharkiv "
                                  "Oblast, a spokesman said. The soldier had first been buried in Dnipro. The son and his "
                                  "mother were among the 51 people killed in the strike.", "2023-10-05T15:00:00+00:00")
    assert [(r["region_code"], r["killed"]) for r in toll_rows if r["scope"] == "region"] == [("UA-63", 51)]


def test_a_figure_put_at_or_updated_is_a_revised_toll():
    """Sentences of real items, rewritten: "puts the number of injured … at no fewer than six" and "later updated the
    figure, saying six people had been injured" revise the toll told before."""
    published = "2023-12-21T15:00:00+00:00"
    assert totals("Strike on Kostiantynivka", "Three people have now died as a result of Russia's strike "
                  "on Kostiantynivka, the governor said on Dec. 21. The latest information puts the number "
                  "of injured in the strike at no fewer than six.", published) == [(3, 6)]
    assert totals("Strike on mines", "A Russian strike on two mines in Toretsk killed three civilians and "
                  "injured five others, the minister said on Dec. 21. The Interior Ministry later updated "
                  "the figure, saying six people had been injured.", published) == [(3, 6)]


def test_an_attack_at_ukraine_is_the_countrys_and_involved_counts_launch():
    """Sentences of a real item, rewritten: a roundup's "fired a mass barrage of missiles and drones at Ukraine, killing
    at least six" after a sentence on Kharkiv Oblast is of no oblast; "the March 9 attack involved 81 missiles … and
    8 Iranian Shahed drones" counts them launched."""
    toll_rows, air_rows = figures.derive(
        "Russia's March 9 attack hits energy sites in 8 Ukrainian regions",
        "Special attention is given to restoring electricity in Kharkiv Oblast, which Russian forces struck 15 times "
        "overnight. In the early morning of March 9, Russia fired a mass barrage of missiles and drones at Ukraine, "
        "killing at least six people and injuring at least seven. The commander-in-chief said the March 9 attack "
        "involved 81 missiles of different types and 8 Iranian Shahed drones.", "2023-03-09T12:00:00+00:00")
    assert [r["region_code"] for r in toll_rows if r["scope"] == "region"] == []
    totals = figures.class_totals(air_rows, "russia_on_ukraine")
    assert (totals["missiles_launched"], totals["drones_launched"]) == (81, 8)


def test_one_person_told_by_a_pronoun_who_suffered_an_injury():
    """"Locatelli said he suffered a minor injury before the two journalists were able to get to a safe place" (a real
    item's sentence, rewritten) is one injured."""
    assert totals("Russian forces attack Italian journalists in Kherson", "Russian forces attacked two Italian "
                  "journalists in Kherson, an Italian outlet reported. Locatelli said he suffered a minor injury before "
                  "the two were able to get to a safe place.", "2022-12-20T21:00:00+00:00") == [(None, 1)]


def test_the_date_rescue_work_ended_is_no_attacks_date():
    """"Rescue work after the deadly attack, which killed 12 people, …, ended late on March 3" (a real item's sentence,
    rewritten) in an item of the March 2 attack, told on March 4: its 12 killed are that attack's."""
    assert totals("Authorities: 20 injured in Russia's March 2 attack on Odesa", "Twenty people were injured when a "
                  "Russian drone hit a residential building in Odesa on March 2, the health department said on March 4."
                  "\n\nRescue work after the deadly attack, which killed 12 people, five children among them, ended "
                  "late on March 3.", "2024-03-04T12:00:00+00:00") == [(12, 20)]


def test_a_nationwide_attacks_figures_in_one_place_are_that_places():
    """"Russia's nationwide missile attack on Dec. 29 killed four people and wounded at least 10 in Zaporizhzhia" (a
    real item's sentence, rewritten) gives Zaporizhzhia Oblast its figures, not a later "one woman was killed"."""
    toll_rows, _ = figures.derive("Governor: Russian missile attack on Zaporizhzhia kills 4, injures 10", "Russia's "
                                  "nationwide missile attack on Dec. 29 killed four people and wounded at least 10 in "
                                  "Zaporizhzhia, the governor said. In Zaporizhzhia, several industrial sites were "
                                  "targeted. He said one woman was killed.", "2023-12-29T12:00:00+00:00")
    assert [(r["region_code"], r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "region"] == [
        ("UA-23", 4, 10)]


def test_a_none_after_a_relative_clause_of_the_one_place_is_the_items():
    """"The Russian missile strike on Dnipro on July 28, which injured at least five people, killed nobody" (a real
    item's sentence, rewritten): 0 killed, 5 injured; "Attacks also hit Sumy Oblast, where no casualties were reported"
    after a figure of Kharkiv Oblast stays of Sumy Oblast."""
    published = "2023-07-28T20:00:00+00:00"
    assert totals("Mayor: Russian missile strike on Dnipro kills no one", "The Russian missile strike on Dnipro on "
                  "July 28, which injured at least five people, killed nobody, the mayor said.", published) == [(0, 5)]
    assert totals("Russian attacks", "Russian shelling injured two people in Kharkiv Oblast on July 28. Attacks also hit "
                  "Sumy Oblast, where no casualties were reported.", published) == [(None, 2)]


def test_the_night_a_date_begins_is_the_last_night_of_an_item_the_morning_after():
    """"on the night of Nov. 15" (the night that began on Nov. 15) in an item of Nov. 16 is the item's attack, and
    "overnight on Nov. 15" (the night that ended on it) is the night before (sentences of a real item, rewritten)."""
    published = "2023-11-16T12:00:00+00:00"
    lead = ("Emergency workers have found more bodies at the site of a Russian missile strike on Selydove, raising the "
            "death toll to four, the State Emergency Service said on Nov. 16.\n\nRussian forces fired missiles at "
            "Selydove {when}, hitting an apartment building.\n\nThe number of injured civilians has since been raised "
            "to three.")
    assert totals("Death toll climbs to 4", lead.format(when="on the night of Nov. 15"), published) == [(4, 3)]
    assert totals("Death toll climbs to 4", lead.format(when="overnight on Nov. 15"), published) == [(4, None)]


def test_drones_that_targeted_a_city_were_launched_and_one_that_struck_a_house_was_not():
    """"more than 20 drones targeted Kharkiv, 17 of which hit the Osnovyanskyi district" (a real item's sentence,
    rewritten): 20 launched; "a drone struck a house" counts nothing."""
    published = "2025-04-08T21:00:00+00:00"
    for body, launched in (("The mayor said more than 20 drones targeted Kharkiv, 17 of which hit the Osnovyanskyi "
                            "district.", 20), ("A drone struck a house in Kharkiv, the mayor said.", None)):
        _, air_rows = figures.derive("Drone attack on Kharkiv", body, published)
        assert figures.class_totals(air_rows, "russia_on_ukraine")["drones_launched"] == launched, body


def test_a_lead_of_several_oblasts_is_told_again_place_by_place():
    """A real roundup, rewritten: its lead gives each oblast's figure, and "Russian forces also struck … Vovchansk …,
    killing a man" is the man of the lead, not one more."""
    published = "2023-08-20T12:00:00+00:00"
    toll_rows, _ = figures.derive("Russian attacks on Kherson, Kharkiv oblasts kill 1, injure 1", "Russian shelling of "
                                  "Kherson Oblast injured one civilian, and a Russian attack on Kharkiv Oblast killed one "
                                  "man, authorities said on Aug. 20. Russian artillery struck the village of Zolota Balka, "
                                  "injuring a man aged 69. Russian forces also struck a residential area in the town of "
                                  "Vovchansk in Kharkiv Oblast, killing a man born in 1952.", published)
    assert {r["region_code"]: r["killed"] for r in toll_rows if r["scope"] == "region"} == {"UA-63": 1, "UA-65": None}


@pytest.mark.parametrize("slug, rule", READ_RIGHT_BY_A_RULE, ids=[s for s, _ in READ_RIGHT_BY_A_RULE])
def test_a_real_item_each_rule_was_made_for_is_read_right(slug, rule):
    item = by_slug(slug)
    assert predicted(item) == expected(item), rule


def test_a_toll_grown_over_days_is_no_other_attack_for_the_next_sentence():
    """"Over the past four days, the number of injured has grown from 47 to 53. The strike also killed 10 people" (a
    real update, rewritten): the span is the toll's growth, so the 10 dead are the item's attack's; after a sentence of
    another attack the next one still goes with it."""
    published = "2024-07-11T12:00:00+00:00"
    lead = "Russia's July 8 missile attack on Kryvyi Rih injured at least 53 people, the official said on July 11. "
    assert totals("Injury toll rises to 53", lead + "Over the past four days, the number of injured has grown from 47 "
                  "to 53. The strike also killed 10 people, six women and four men.", published) == [(10, 53)]
    assert totals("Injury toll rises to 53", lead + "Earlier, on July 2, a strike on Dnipro killed two. Ten more "
                  "were killed there.", published) == [(None, 53)]


def test_one_person_taken_to_hospital_is_one_injured_unless_of_a_figure_told_before():
    """"a 32-year-old pregnant woman was taken to hospital with 'signs of smoke inhalation poisoning'" (a real item's
    sentence, rewritten) is one injured, whatever she was taken there with; "A 17-year-old boy was taken to hospital"
    after "injuring four civilians" is one of the four."""
    published = "2024-07-07T12:00:00+00:00"
    assert totals("Pregnant woman taken to hospital after attack on Kherson", "Russian forces shelled a residential "
                  "area of Kherson on July 7, the administration said. The attack damaged private houses, and a "
                  "32-year-old pregnant woman was taken to hospital with \"signs of smoke inhalation poisoning.\"",
                  published) == [(None, 1)]
    assert totals("Attack on Kharkiv Oblast village", "Russian troops struck the village of Velyka Rohan in Kharkiv "
                  "Oblast on July 7, injuring four civilians, the governor said. Three women were lightly injured and "
                  "treated at the scene. A 17-year-old boy was taken to hospital in moderate condition.",
                  published) == [(None, 4)]


def test_a_figure_he_later_reported_is_of_the_place_told_just_before():
    """"In the northwestern city of Lutsk, an apartment building was damaged, Mayor Ihor Polishchuk said. He later
    reported that one person had been killed" (a real item's sentences, rewritten): the one dead are Volyn Oblast's,
    in an item of explosions across Ukraine; a place two sentences back is not taken."""
    published = "2024-08-26T12:00:00+00:00"
    title = "Explosions in Kyiv as Russia launches mass attack on Ukraine"
    lead = "Russia launched a mass missile and drone attack on the morning of Aug. 26, with blasts in Kyiv and Odesa. "
    for between, oblast in (("", {"UA-07": 1}), ("Power went out in several districts. ", {})):
        toll_rows, _ = figures.derive(title, lead + "In the northwestern city of Lutsk, a high-rise was damaged, the "
                                      "mayor said. " + between + "He later reported that one person had been killed.",
                                      published)
        assert [(r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "total"] == [(1, None)]
        assert {r["region_code"]: r["killed"] for r in toll_rows if r["scope"] == "region"} == oblast


def test_one_person_hurt_told_without_was_is_one():
    """"Kharkiv Oblast was also attacked, with nine settlements targeted and a 60-year-old woman hurt" (a real roundup's
    sentence, rewritten) is one injured there; "a man injured in the May 5 attack died" is no one more injured."""
    published = "2025-09-09T12:00:00+00:00"
    toll_rows, _ = figures.derive("Russian attacks kill 6, injure 11", "Russian attacks over the past day killed six "
                                  "civilians and injured 11, officials said on Sept. 9. Governor Vadym Filashkin said "
                                  "six were killed and 10 wounded in Donetsk Oblast. Kharkiv Oblast was also attacked, "
                                  "with nine settlements targeted and a 60-year-old woman hurt, the governor said.",
                                  published)
    assert {r["region_code"]: r["injured"] for r in toll_rows if r["scope"] == "region"} == {"UA-14": 10, "UA-63": 1}
    assert totals("Russian strike on Sumy kills 2", "A Russian strike on Sumy killed two people on Sept. 9, the "
                  "governor said, and a man injured in the Sept. 5 attack died in hospital.", published) == [(2, None)]


def test_one_victim_told_by_role_and_name_or_fatally_wounded_by_pronoun():
    """Two real roundups' sentences, rewritten: "Two S-400 missiles hit a police station in Kharkiv, killing police
    officer Andrii Matvienko" is one killed; "Russian troops also went after an elderly woman with a drone, fatally
    wounding her with the explosive it dropped" is one killed."""
    published = "2024-11-02T12:00:00+00:00"
    for body, region in (("Two S-400 missiles hit a police station in Kharkiv, killing police officer Andrii Matvienko.",
                          "UA-63"),
                         ("Russian troops in Kherson Oblast also went after an elderly woman with a drone, fatally "
                          "wounding her with the explosive it dropped.", "UA-65")):
        toll_rows, _ = figures.derive("Russian attacks kill 1", body, published)
        assert [(r["region_code"], r["killed"]) for r in toll_rows if r["scope"] == "region"] == [(region, 1)], body


def test_another_injured_and_injuries_of_a_hyphened_kind_count_one():
    """Two real roundups' sentences, rewritten: "One person was killed and another injured in Kherson Oblast" is one
    killed and one injured; "a 37-year-old man suffered mine-blast injuries" is one injured."""
    published = "2025-08-08T12:00:00+00:00"
    assert totals("Russian attacks", "One person was killed and another injured in Kherson Oblast, where Russian "
                  "attacks damaged three apartment buildings, the governor said.", published) == [(1, 1)]
    assert totals("Russian attacks", "In Dnipropetrovsk Oblast, a 37-year-old man suffered mine-blast injuries from "
                  "Russian artillery fire, the governor said.", published) == [(None, 1)]


def test_also_before_the_verb_of_one_victim_tells_one_more():
    """"In Zaporizhzhia Oblast, two men and a woman were injured near Vasylivka and Polohy, the governor said. Russian
    shelling of a farm near Huliaipole on the morning of May 23 also injured a woman and a man aged 52 and 63" (a real
    roundup's sentences, rewritten): five in Zaporizhzhia Oblast; without "also", the two are not added."""
    published = "2024-05-23T12:00:00+00:00"
    for also, injured in ((" also", 5), ("", 3)):
        toll_rows, _ = figures.derive("Russian attacks kill 3, injure 12", "Russian attacks killed three civilians and "
                                      "injured 12 over the past day, officials said on May 23. Governor Vadym "
                                      "Filashkin said three were killed and seven injured in Donetsk Oblast. In "
                                      "Zaporizhzhia Oblast, two men and a woman were injured near Vasylivka and Polohy, "
                                      "Governor Ivan Fedorov said. Russian shelling of a farm near Huliaipole on the "
                                      f"morning of May 23{also} injured a woman and a man aged 52 and 63.", published)
        assert {r["region_code"]: r["injured"] for r in toll_rows if r["scope"] == "region"}.get("UA-23") == injured


def test_one_who_had_been_rescued_and_has_died_is_one_killed():
    """"A woman who had been rescued from under the rubble after a Russian missile strike in Poltava Oblast has died in
    hospital" (a real update's sentence, rewritten) is one killed, not one injured."""
    assert totals("Woman pulled from rubble dies in hospital", "A woman who had been rescued from under the rubble "
                  "after a Russian missile strike in Poltava Oblast has died in hospital, the governor said on June 8. "
                  "On June 7, Russian forces hit a house near Poltava, injuring a woman who was then hospitalized.",
                  "2024-06-08T12:00:00+00:00") == [(1, None)]


def test_figures_the_item_places_only_in_russia_are_no_toll():
    """"Earlier, on the morning of Aug. 21, Russia claimed it had intercepted two drones flying over Moscow. Two people
    were reportedly injured" in an item of drones over the Moscow region (a real item, rewritten): Russia's, no toll of
    an attack on Ukraine; the same sentences of Kharkiv Oblast are a toll."""
    published = "2023-08-23T12:00:00+00:00"
    for where, read in (("the Mozhaysky district of the Moscow region", []), ("Kharkiv Oblast", [(None, 2)])):
        assert totals("Mayor says drone intercepted", f"Air defense intercepted a drone attack over {where} on Aug. "
                      "22, officials said. Two people were reportedly injured.",
                      published) == read, where


def test_an_accidents_or_the_weathers_dead_are_no_toll_and_an_attacks_are():
    """Three real items, rewritten: deaths in a gas explosion, in bad weather and in a cave-in under a title that
    names no attack are no toll; a Russian strike that sets off a gas explosion is an attack."""
    published = "2023-06-22T12:00:00+00:00"
    body = "An explosion in a high-rise on the night of June 22 killed two people, the mayor said."
    for title in ("Update: 2 dead after gas explosion at residential building in Kyiv",
                  "3 reportedly dead in Odesa, 1 in Crimea due to bad weather",
                  "State Emergency Service: cave-in during repairs in Kharkiv kills 2 gas service workers"):
        assert totals(title, body, published) == [], title
    assert totals("Russian strike causes gas explosion in Kyiv, killing 2", body, published) == [(2, None)]


def test_no_word_of_violence_a_count_of_war_crimes_and_bodies_found_give_no_toll():
    """Three real items, rewritten: "an elderly woman who was to go with two of them died before she could" in an item
    of deported children brought home (no word of violence in it); "Russian troops killed more than 1,400 civilians in
    the area" under a title counting 9,000 war crimes; a title of "bodies of 3 civilians allegedly killed by Russian
    troops found in Mykolaiv Oblast"."""
    published = "2023-04-08T12:00:00+00:00"
    assert totals("NGO: 31 abducted children brought back to Ukraine", "Ukraine arranged the return of 31 children "
                  "deported to Russia, the NGO said on April 8. It had planned to bring back 33, but an elderly woman "
                  "who was to go with two of them died before she could.", published) == []
    assert totals("Prosecutor General: Russian troops committed 9,000 war crimes in Bucha district", "Russian forces "
                  "committed over 9,000 war crimes in Bucha during the 33 days of occupation last year, the prosecutor "
                  "general said on March 31. He said Russian troops killed more than 1,400 civilians in the area.",
                  published) == []
    assert totals("Prosecutor General's Office: bodies of 3 civilians allegedly killed by Russian troops found in "
                  "Mykolaiv Oblast", "Investigators said the men, aged 39, 42 and 55, bore signs of torture.",
                  published) == []
    assert totals("Russian shelling of Kherson kills woman", "A woman died when Russian shelling hit Kherson on April 8, "
                  "the governor said.", published) == [(1, None)]


def test_an_updates_dated_title_fixes_its_attack_and_one_of_the_most_destructive_since_is_it():
    """A real update, rewritten: under "Toll of the July 23 Russian attack on Odesa climbs to 2", "On the night of July
    23, Russian forces hit Odesa … with 19 missiles, one of the most destructive attacks on the city since the
    full-scale invasion began" is the item's attack, so "the attack injured at least 22" counts."""
    body = ("A woman's body was found under the rubble of a building, raising the number killed in the Russian attack "
            "to two, the city council said on July 27. On the night of July 23, Russian forces hit Odesa's historic "
            "center with 19 missiles, one of the most destructive attacks on the city since the full-scale invasion "
            "began. An official said the attack injured at least 22 people.")
    published = "2023-07-27T12:00:00+00:00"
    assert totals("Toll of the July 23 Russian attack on Odesa climbs to 2", body, published) == [(2, 22)]
    assert totals("Toll of the July 23 Russian attack on Odesa climbs to 2", body.replace(
        "one of the most destructive attacks", "the largest attack"), published) == [(2, 22)]


def air_counts(title: str, body: str, published: str) -> dict:
    _, air_rows = figures.derive(title, body, published)
    return {k: v for k, v in figures.class_totals(air_rows, "russia_on_ukraine").items() if v is not None}


def test_an_updates_missiles_a_days_count_told_that_day_and_cases_of_missiles():
    """Three real items' sentences, rewritten: under an update's dated title, "On the night of July 23, Russian forces
    hit Odesa's historic center with 19 missiles" counts 19 launched; "On Nov. 15, Moscow carried out its biggest
    missile attack … forces fired around 90 missiles at targets throughout Ukraine that day" a week later counts
    nothing; "two more cases of North Korean missiles being fired at Kharkiv Oblast" counts no missile."""
    assert air_counts("Toll of the July 23 Russian attack on Odesa climbs to 2", "A woman's body was found under the "
                      "rubble, raising the number killed in the Russian attack to two, the council said on July 27. On "
                      "the night of July 23, Russian forces hit Odesa's historic center with 19 missiles.",
                      "2023-07-27T12:00:00+00:00") == {"missiles_launched": 19}
    assert air_counts("Ukrenergo: Russian strikes have damaged almost every large power plant", "On Nov. 15, Moscow "
                      "carried out its biggest missile attack yet on the energy system. Authorities said Russian forces "
                      "fired around 90 missiles at targets throughout Ukraine that day.",
                      "2022-11-22T12:00:00+00:00") == {}
    assert air_counts("Pentagon: North Korea keeps supplying weapons to Russia", "The local prosecutor's office said two "
                      "more cases of North Korean missiles being fired at Kharkiv Oblast are under investigation.",
                      "2024-04-01T12:00:00+00:00") == {}


def test_a_later_sentence_telling_another_figure_of_a_kind_already_told_is_another_attacks():
    """A real item, rewritten: after "Search teams found the body of a man in the ruins of a Kherson house destroyed by
    Russian shelling", "On June 11, prosecutors said a Russian attack on an evacuation boat had killed 3 civilians and
    injured 23" is another attack's, its 23 injured too; in an update ("rose to 13"), the first report's "killed 12
    and injured 90" still gives the injured."""
    published = "2023-06-11T12:00:00+00:00"
    assert totals("Body found in rubble of Kherson home", "Search teams found the body of a man in the ruins of a "
                  "Kherson house destroyed by Russian shelling, the city's head said on June 11. On June 11, "
                  "prosecutors said a Russian attack on an evacuation boat had killed 3 civilians and injured 23.",
                  published) == [(1, None)]
    assert totals("Death toll of Russian strike on Kyiv rises to 13", "The death toll of Russia's June 10 strike on Kyiv "
                  "rose to 13, the mayor said on June 11. The strike killed 12 people and injured 90 on June 10.",
                  published) == [(13, 90)]
    assert totals("Update: Number killed in Sloviansk missile attack climbs to 6", "The governor said on June 11 that six "
                  "people are now known to have been killed in the Russian missile strike on Sloviansk. As of 6 p.m., "
                  "five people were dead and 15 injured.", published) == [(6, 15)]


def test_a_title_of_a_wars_tally_or_a_burial_site_gives_no_toll_but_a_record_since_does():
    """Two real items, rewritten: under "UN: 22,607 civilian casualties recorded in Ukraine since Russia's full-scale
    invasion began", "8,451 people killed and 14,156 injured" is a tally; under "New burial site found in Kyiv Oblast",
    "the bodies of two more civilians killed by Russian forces" are the occupation's dead; "the deadliest since …" tells
    an attack's toll."""
    published = "2023-04-04T12:00:00+00:00"
    body = "The overall number of civilian casualties reaches 22,607, with 8,451 people killed and 14,156 injured."
    assert totals("UN: 22,607 civilian casualties recorded in Ukraine since Russia's full-scale invasion began", body,
                  published) == []
    assert totals("New burial site found in Kyiv Oblast", "Prosecutors said on Sept. 20 that the bodies of two more "
                  "civilians killed by Russian forces had been found in Kyiv Oblast.", published) == []
    assert totals("Deadliest strike on Kyiv since the invasion began kills 12", "A Russian missile strike on Kyiv on "
                  "April 4 killed 12 people, the mayor said.", published) == [(12, None)]


def test_a_later_statement_of_another_place_than_a_one_place_items_is_another_attacks():
    """Two real items, rewritten: under "Authorities: Woman injured in Russian attack on Kherson", "an 83-year-old woman
    had been killed in an overnight Russian attack on the village of Lvove" is another attack's; under a title of
    attacks on an oblast, the places are summed."""
    published = "2024-02-13T12:00:00+00:00"
    body = ("A woman was wounded when Russian forces hit a residential area of Kherson on Feb. 13, the administration "
            "said. Early on Feb. 13, the governor said an 83-year-old woman had been killed in an overnight Russian "
            "attack on the village of Lvove.")
    assert totals("Authorities: Woman injured in Russian attack on Kherson", body, published) == [(None, 1)]
    assert totals("Russian attacks on Kherson Oblast kill 1, injure 1", body, published) == [(1, 1)]


def test_one_person_told_with_what_they_were_doing_is_one():
    """"In Kupiansk, a 67-year-old driver working for a medical facility was also wounded" (a real roundup's sentence,
    rewritten) is one more injured in Kharkiv Oblast."""
    toll_rows, _ = figures.derive("Russian attacks kill 2, injure 28", "Russian attacks killed two and injured 28 over "
                                  "the past day, officials said on Nov. 13. On Nov. 13, a Russian drone hit an apartment "
                                  "building in Kharkiv, leaving two people with shrapnel wounds. In Kupiansk, a "
                                  "67-year-old driver working for a medical facility was also wounded, the governor "
                                  "said.", "2023-11-13T12:00:00+00:00")
    assert {r["region_code"]: r["injured"] for r in toll_rows if r["scope"] == "region"} == {"UA-63": 3}


def test_a_nationwide_attack_told_beside_a_shellings_toll_is_another_and_beside_a_missile_strikes_is_it():
    """Two real items, rewritten: under "Governor: Woman hurt in Russian attacks on Zaporizhzhia Oblast village", whose
    lead tells of shelling, "Overnight, Russia launched a large-scale attack on Zaporizhzhia, Poltava and Kyiv oblasts
    … Ukrainian forces shot down 39 of 55 Russian missiles and 20 of 21 drones" is another attack; where the lead tells
    of a missile strike, it is the item's."""
    published = "2024-05-08T12:00:00+00:00"
    rest = (" Overnight, Russia launched a large-scale attack on Zaporizhzhia, Poltava and Kyiv oblasts. The Air "
            "Force commander said Ukrainian forces shot down 39 of 55 Russian missiles and 20 of 21 drones.")
    title = "Governor: Woman hurt in Russian attacks on Zaporizhzhia Oblast village"
    assert air_counts(title, "Russian troops hit the village of Veselianka three times on May 8, wounding a woman, the "
                      "governor said." + rest, published) == {}
    assert air_counts(title, "A Russian missile hit the village of Veselianka on May 8, wounding a woman, the governor "
                      "said." + rest, published) == {"missiles_launched": 55, "missiles_downed": 39,
                                                      "drones_launched": 21, "drones_downed": 20}


def test_n_of_them_counts_the_weapon_named_without_a_count_just_before():
    """Two real items' sentences, rewritten: "Several waves of Russian Shahed-type drones hit Odesa Oblast overnight; air
    defenses downed at least 21 of them" gives 21 drones downed, and so does the same told in two sentences; "Russia
    fired Kh-59 missiles at Odesa Oblast, and air defense destroyed two of them" gives two missiles downed."""
    published = "2024-02-10T12:00:00+00:00"
    for body in ("Several waves of Russian Shahed-type drones hit Odesa Oblast overnight; air defenses downed at least 21 "
                 "of them, the governor said on Feb. 10.", "Several waves of Russian Shahed-type drones hit Odesa Oblast "
                 "overnight. Air defenses downed at least 21 of them, the governor said on Feb. 10."):
        assert air_counts("Russian drone attack on Odesa Oblast injures 4", body, published) == {"drones_downed": 21}
    assert air_counts("Russian attack on Odesa Oblast hits infrastructure", "Late on Feb. 9, a Russian strike hit a "
                      "facility in Odesa Oblast. The military said Russia fired Kh-59 missiles at Odesa Oblast, and air "
                      "defense destroyed two of them over the Black Sea.", published) == {"missiles_downed": 2}


def test_both_cruise_and_ballistic_missiles_is_no_count_of_two():
    """"Russia fired both cruise and ballistic missiles in the attack" (a real item's sentence, rewritten) counts
    nothing; the Air Force's "35 missiles of different types" after it is the count ("both missiles" would be two)."""
    body = ("Russia fired both cruise and ballistic missiles in the attack, the city's head said. The Air Force said it "
            "had tracked 35 missiles of different types and 23 attack drones. It said nine Iskander ballistic missiles, "
            "13 Kh-101 cruise missiles and 20 drones had been shot down.")
    assert air_counts("Russia strikes Kyiv with missiles", body, "2024-09-02T12:00:00+00:00") == {
        "missiles_launched": 35, "missiles_downed": 22, "drones_launched": 23, "drones_downed": 20}


def test_an_air_launched_missile_is_no_launch_verb():
    """"brought down all 24 Shahed-type drones that Russia launched, along with one Kinzhal Kh-47M2 air-launched
    ballistic missile and four Kh-101/555 cruise missiles" (a real roundup's sentence, rewritten): five missiles downed;
    "air-launched" names the missile, it launches nothing."""
    assert air_counts("Russian attacks across Ukraine injure 8", "The Air Force said Ukrainian defenses brought down all 24 "
                      "Shahed-type drones that Russia launched, along with one Kinzhal Kh-47M2 air-launched ballistic "
                      "missile and four Kh-101/555 cruise missiles.", "2024-06-12T12:00:00+00:00") == {
        "drones_launched": 24, "drones_downed": 24, "missiles_launched": 5, "missiles_downed": 5}


def test_a_titles_count_of_a_class_the_body_does_not_count_and_a_designator_after_a_hyphen():
    """Two real items, rewritten: "Air defense shoots down 2 Iranian-made Shahed-136 drones above Kyiv Sea" over a body
    that counts only two cruise missiles downed gives both; "fired five Iskander-M or KN -23 North Korean ballistic
    missiles" is five missiles, not 23; a title of Russia's claims adds nothing to a body's counts of them."""
    published = "2022-11-17T12:00:00+00:00"
    assert air_counts("Air defense shoots down 2 Iranian-made Shahed-136 drones above Kyiv Sea", "The report came from "
                      "the city's administration. Earlier, the authorities had said that two Russian cruise missiles "
                      "were also downed in Kyiv.", published) == {"drones_downed": 2, "missiles_downed": 2}
    assert air_counts("Russian strike on Pavlohrad kills 1", "The Air Force said Russian forces likely fired five "
                      "Iskander-M or KN -23 North Korean ballistic missiles at the city.", published) == {
        "missiles_launched": 5}
    assert air_counts("2 drones intercepted on way to Moscow, mayor claims", "Two attack drones were intercepted on "
                      "their way to Moscow on Aug. 10, the mayor claimed. He said air defense downed one drone in Kaluga "
                      "Oblast.", published) == {}


def test_an_update_titles_risen_toll_over_a_body_that_tells_one_more_dead():
    """"Number killed in Russian attack on Vinnytsia rises to 25" over "the governor said a woman had died in hospital of
    the injuries she suffered" (a real update, rewritten): 25 killed, the title's revised toll; a title that states the
    body's own figure changes nothing."""
    published = "2022-07-19T12:00:00+00:00"
    body = "The governor said a woman had died in hospital of the injuries she suffered in the July 14 missile strike."
    assert [k for k, _ in totals("Number killed in Russian attack on Vinnytsia rises to 25", body, published)] == [25]
    assert [k for k, _ in totals("Woman injured in Russian attack on Vinnytsia dies", body, published)] == [1]


def test_a_terse_toll_with_no_attack_word_and_a_strike_told_beside_a_tally_are_tolls():
    """What the rules that leave out items of no violence and titles of a tally must still read: "Two civilians were
    killed in Donetsk Oblast on June 3, the governor said" (no weapon, no attack named: a toll all the same) and "Russian
    strike on Kherson kills 2, bringing toll since Feb. 24 to 500" (a strike's toll beside the war's); "The death toll in
    Odesa has risen to four" under "Update: 4 dead in Odesa"."""
    published = "2024-06-03T12:00:00+00:00"
    assert totals("2 civilians killed in Donetsk Oblast", "Two civilians were killed in Donetsk Oblast on June 3, the "
                  "governor said.", published) == [(2, None)]
    assert totals("Governor: 1 killed, 3 injured in Kherson Oblast", "One person was killed and three were injured in "
                  "Kherson Oblast over the past day, the governor said.", published) == [(1, 3)]
    assert totals("Russian strike on Kherson kills 2, bringing toll since Feb. 24 to 500", "A Russian strike on Kherson "
                  "killed two people on June 3, the governor said.", published) == [(2, None)]
    assert totals("Update: 4 dead in Odesa", "The death toll in Odesa has risen to four, the mayor said on June 3.",
                  published) == [(4, None)]


def regions_of(title: str, body: str, published: str) -> dict:
    """region code -> (killed, injured) of the region rows the figures read from a text."""
    toll_rows, _ = figures.derive(title, body, published)
    return {r["region_code"]: (r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "region"}


def test_two_victims_each_with_an_age_who_died_are_two():
    """"A woman aged 81 and a man aged 68 died on the spot" (a real item of a Kherson Oblast village, rewritten): two
    killed, one for each."""
    assert totals("Russian shelling of Kherson Oblast village kills two", "Russian troops shelled the village of "
                  "Novotiahynka on Feb. 22, the regional governor said. A man aged 68 and a woman aged 81 died at the "
                  "scene.", "2023-02-22T12:00:00+00:00") == [(2, None)]


def test_a_day_report_then_an_earlier_strike_told_with_pounded_is_background():
    """A day's shelling report of Sumy Oblast with no toll of its own, then "On March 17, Russian troops pounded the
    town of Velyka Pysarivka … The strike killed one person and wounded another" (a real item, rewritten): that strike
    is four days before, another attack's."""
    assert totals("Russia hits 11 communities in Sumy Oblast", "Russian forces struck 11 border communities of Sumy "
                  "Oblast over the day, the regional administration said on March 21.\n\nOn March 17, Russian troops "
                  "pounded the town of Velyka Pysarivka with artillery and guided bombs. The strike killed one person "
                  "and wounded another.", "2024-03-21T12:00:00+00:00") == []


def test_a_shelling_told_as_of_an_hour_dates_the_items_attack():
    """"Russian forces shelled … Kherson as of 1 p.m. local time on June 16" then "On June 15, Russian troops attacked
    Kherson Oblast 54 times … Those attacks reportedly killed two people" (a real item, rewritten): the item's attack is
    of June 16, the day before's dead are another attack's."""
    assert totals("Russian shelling of Kherson injures 6", "Russian forces shelled homes in Kherson as of 1 p.m. local "
                  "time on June 16, prosecutors said. At least six residents were injured.\n\nOn June 15, Russian "
                  "troops attacked Kherson Oblast 54 times. Those attacks reportedly killed two people in the oblast.",
                  "2023-06-16T12:00:00+00:00") == [(None, 6)]


def test_attacks_across_ukraine_that_also_killed_elsewhere_are_another_attacks():
    """An item of five civilians injured in Donetsk Oblast closing on "Russia launched large-scale attacks across
    Ukraine on March 31, which also killed two people in Lviv and injured others in Kharkiv and Kherson" (a real item,
    rewritten): the dead of Lviv are no toll of the item's attack."""
    assert totals("5 civilians injured by Russian shelling in Donetsk Oblast", "Russian shelling injured five civilians "
                  "in Donetsk Oblast, prosecutors said on March 31.\n\nRussia's large-scale attacks across Ukraine on "
                  "March 31 also killed two people in Lviv and injured others in Kharkiv and Kherson.",
                  "2024-03-31T12:00:00+00:00") == [(None, 5)]


def test_a_namesake_village_in_an_item_on_one_oblast_that_names_russian_oblasts():
    """"Russian artillery fire on the Khotin community left one civilian injured" in an item on Sumy Oblast that also
    says the oblast borders Russia's Bryansk, Kursk and Belgorod oblasts (a real item, rewritten): Sumy Oblast's, not
    Chernivtsi Oblast's Khotyn."""
    assert regions_of("Russian attacks on 13 Sumy Oblast communities injure 1", "Russian troops hit 13 communities in "
                      "Sumy Oblast, the regional administration said on April 20.\n\nRussian artillery fire on the "
                      "Khotin community left one civilian injured.\n\nSumy Oblast borders Russia's Bryansk, Kursk and "
                      "Belgorod oblasts.", "2024-04-21T12:00:00+00:00") == {"UA-59": (None, 1)}


def test_earlier_that_day_after_a_whole_days_report_is_that_day():
    """"Over the day, Russian troops hit 10 communities …" then "Earlier that day, a missile strike on the outskirts of
    Sumy killed a woman of about 37" (a real item, rewritten): the day the item reports, its one dead."""
    assert totals("Russian forces hit 10 communities in Sumy Oblast", "Over the day, Russian troops hit 10 communities "
                  "in Sumy Oblast in 21 attacks, the regional administration said on May 11. Earlier that day, a "
                  "missile that struck the edge of the northeastern city of Sumy killed a woman of about 37, the "
                  "regional military administration said.",
                  "2024-05-12T12:00:00+00:00") == [(1, None)]


def test_workers_named_by_their_employer_are_people():
    """"Governor Artiukh said seven State Forestry workers were killed" (a real item, rewritten): seven killed."""
    assert totals("Russia shells 8 communities in Sumy Oblast", "On June 13, Russian troops shelled eight communities in "
                  "Sumy Oblast. Governor Volodymyr Artiukh said seven State Forestry workers were killed.",
                  "2023-06-13T12:00:00+00:00") == [(7, None)]


def test_the_dead_of_ukraines_own_strike_are_no_toll():
    """"Ukrainian troops fired two HIMARS missiles at a Russian military training ground …, killing at least 60" (a
    real item, rewritten): Russia's dead, no toll of an attack on Ukraine."""
    assert totals("BBC: Ukrainian HIMARS strike may have killed over 60 Russian troops", "Ukrainian troops fired two "
                  "HIMARS missiles at a Russian training ground in occupied Donetsk Oblast, killing at least 60, the "
                  "BBC reported on Feb. 21.", "2024-02-21T12:00:00+00:00") == []


def test_a_titles_figure_the_body_tells_as_a_tally_since_the_invasion_is_no_toll():
    """"Mayor: Russian attacks have killed over 170 civilians in Kyiv" over "… Russian attacks have killed more than 170
    civilians … in Kyiv since the full-scale invasion began" (a real item, rewritten): a tally, no attack's toll; a
    title's toll the body tells as the day's stays."""
    published = "2023-07-09T12:00:00+00:00"
    assert totals("Mayor: Russian attacks have killed over 170 civilians in Kyiv", "Speaking on television on July 9, "
                  "Mayor Vitali Klitschko said Russian attacks had killed more than 170 civilians in Kyiv since the "
                  "full-scale invasion began.", published) == []
    assert totals("Russian attack kills 3 civilians in Kyiv", "On July 8, Russian attacks killed 3 civilians in Kyiv "
                  "and two on July 7, the mayor said.", published) != []


def test_a_months_missiles_told_over_a_month_are_another_time():
    """"Russia fired more than 20 missiles at Kyiv and the surrounding oblast over June" (a real item, rewritten): a
    month's count, no attack's."""
    assert air_counts("Mayor: Russian attacks have killed over 170 civilians in Kyiv", "An official said Russia fired "
                      "more than 20 missiles at Kyiv and the surrounding oblast over June, with eight attacks so far.",
                      "2023-07-09T12:00:00+00:00") == {}


def test_an_item_of_no_attack_closing_on_an_earlier_days_strike_has_no_toll():
    """Under "General Staff: Russia places air defense systems in residential areas of Nova Kakhovka", a last paragraph
    "A Russian strike killed a 57-year-old man in Lvove, Kherson Oblast, on March 4" (a real item of March 5, rewritten):
    background, no toll; the same strike in an item whose title tells an attack is its toll."""
    body = ("Russia uses residential areas of Nova Kakhovka as cover for its air defense systems, the General Staff said "
            "on March 5.\n\nThe General Staff also said Russia seeks to better its positions in the south.\n\nA Russian "
            "strike killed a 57-year-old man in Lvove, Kherson Oblast, on March 4, police said.")
    published = "2023-03-05T12:00:00+00:00"
    assert totals("General Staff: Russia places air defense systems in residential areas of Nova Kakhovka", body,
                  published) == []
    assert totals("Russian strike kills man in Kherson Oblast", body, published) == [(1, None)]


def test_a_title_of_what_the_war_has_killed_is_a_tally():
    """"Prosecutor General's Office: Russia's all-out war has killed 502 Ukrainian children, injured over 1,100" (a real
    item, rewritten): a tally, and the one girl wounded the day before, told as an example, is no toll of it."""
    assert totals("Prosecutors: Russia's full-scale war has killed 502 children, injured over 1,100", "Prosecutors said "
                  "on Aug. 19 that 502 children have been recorded as killed since Russia launched its full-scale "
                  "invasion. More than 1,100 children have also been injured. A 17-year-old girl was wounded by Russian "
                  "shelling on Aug. 18 in Kherson Oblast.", "2023-08-19T12:00:00+00:00") == []


def test_a_titles_russian_claim_of_ukraines_strike_is_no_toll_but_russias_own_strike_is():
    """"Russian media: drone kills Russian journalist in occupied Donetsk Oblast, wounds 5 others" (a real item,
    rewritten): Russia's claim of Ukraine's strike, no toll; "Russian media: Russia's Defense Ministry admits it
    deliberately struck central Vinnytsia", whose body tells the strike's toll, keeps it."""
    published = "2025-01-04T12:00:00+00:00"
    assert totals("Russian media: drone kills Russian journalist in occupied Donetsk Oblast, wounds 5 others", "A "
                  "Russian newspaper said on Jan. 4 that a drone killed one of its reporters near Horlivka. Five other "
                  "media workers were injured, a Russian news agency said.", published) == []
    assert totals("Russian media: Russia's Defense Ministry admits it deliberately struck central Vinnytsia", "Russia's "
                  "July 14 missile strike on central Vinnytsia killed at least 23 people and injured 117.",
                  "2022-07-15T12:00:00+00:00") == [(23, 117)]


def test_a_strike_that_followed_shortly_after_another_is_told_apart():
    """"The strike followed shortly after a Russian attack on the city of Kharkiv that injured at least 23 people" after
    the item's Odesa toll (a real item, rewritten): Kharkiv's injured are another attack's."""
    assert totals("Russian missile attack on Odesa injures 11", "At least 11 people were injured on Nov. 25 when Russian "
                  "missiles hit central Odesa, the governor said. The attack came shortly after a Russian strike on "
                  "Kharkiv that injured at least 23 people.", "2024-11-25T12:00:00+00:00") == [(None, 11)]


def test_leaving_two_people_each_named_hurt_is_two():
    """"A Russian rocket hit the village of Peresichne …, leaving a 66-year-old man and a 64-year-old woman injured" (a
    real item, rewritten): two injured; "leaving a man injured" one."""
    published = "2023-10-07T12:00:00+00:00"
    assert totals("Kharkiv Oblast village hit by Russian rocket", "A Russian rocket struck Peresichne in Kharkiv Oblast on "
                  "Oct. 7, leaving a 66-year-old man and a 64-year-old woman injured, the governor said.", published) == [
        (None, 2)]
    assert totals("Kharkiv Oblast village hit by Russian rocket", "A Russian rocket struck Peresichne in Kharkiv Oblast on "
                  "Oct. 7, leaving a man injured, the governor said.", published) == [(None, 1)]


def test_a_titles_day_of_attack_makes_the_day_before_another_attack():
    """"Governor: Sumy Oblast hit 13 times by Russian forces on Oct. 11" over "a Russian attack on Sumy Oblast on Oct. 10
    killed one person and injured four" (a real item, rewritten): the day before's toll is another attack's."""
    assert totals("Governor: Sumy Oblast hit 13 times by Russian forces on Oct. 11", "Russian shelling destroyed houses "
                  "and power lines in several villages, the governor said. According to him, a Russian attack on Sumy "
                  "Oblast on Oct. 10 killed one person and injured four.", "2022-10-11T12:00:00+00:00") == []


def test_no_one_has_been_reported_hurt_and_put_in_hospital():
    """"No one has been reported killed or injured" is none of either (a real item of Odesa Oblast, rewritten);
    "Russian attacks on the oblast killed five people and put 14 in hospital" is 14 injured (a real item of Sumy
    Oblast)."""
    published = "2023-03-09T12:00:00+00:00"
    assert totals("Governor: Russia hits energy infrastructure in Odesa Oblast", "Russian forces struck energy "
                  "infrastructure in Odesa Oblast early on March 9, the governor said. No one has been reported killed "
                  "or injured.", published) == [(0, 0)]
    assert totals("Russia strikes Sumy Oblast almost 300 times in a day, killing 5", "The governor said Russian attacks "
                  "on the oblast killed five people and put 14 in hospital.", published) == [(5, 14)]


def test_a_date_after_a_casualty_verb_is_the_casualties_not_the_saying():
    """In a day's roundup of June 3, "The governor said two more people were injured on June 2 in the village of
    Borivska Andriivka, and two others in the settlement of Staryi Saltiv the same day" (a real item, rewritten): the
    date is of the injured, of the day told, so Kharkiv Oblast's are 2 + 2 + 2."""
    rows = regions_of("Russian attacks kill 1, injure 11 in Kharkiv, Donetsk oblasts over past day", "Regional "
                      "authorities said on June 3 that Russian attacks over the past day killed at least one civilian "
                      "and injured at least 11.\n\nGovernor Oleh Syniehubov said a Russian missile hit the Slobozhanske "
                      "community of Kharkiv Oblast after midnight on June 3, killing a man and injuring a man and a "
                      "woman.\n\nThe governor said two more people were injured on June 2 in the village of Borivska "
                      "Andriivka, and two others in the settlement of Staryi Saltiv the same day.\n\nIn Donetsk Oblast, "
                      "five people were injured over the past day, the governor said.", "2024-06-03T12:00:00+00:00")
    assert rows["UA-63"] == (1, 6) and rows["UA-14"] == (None, 5)


def test_a_second_strike_on_a_roundups_oblast_adds():
    """In a day's roundup, "Governor Viacheslav Chaus said a 21-year-old man was injured in Russian attacks on Chernihiv
    Oblast" then "Moscow's forces struck the region a second time, hitting firefighters … and injuring two of them" (a
    real item, rewritten): Chernihiv Oblast's injured are three."""
    rows = regions_of("Russian attacks on Ukraine kill 1, injure 4 over past day", "Russian attacks across Ukraine over "
                      "the past day killed one civilian and injured four, regional authorities said on Sept. 21.\n\nOne "
                      "civilian was killed in Pokrovsk in Donetsk Oblast.\n\nA 21-year-old man was injured in Russian "
                      "attacks on Chernihiv Oblast, Governor Viacheslav Chaus said.\n\nRescuers said Russian forces struck "
                      "the region a second time, hitting firefighters at work and injuring two of them.",
                      "2025-09-21T12:00:00+00:00")
    assert rows["UA-74"] == (None, 3)


def test_a_count_followed_by_a_whole_date_of_the_night_counts():
    """"The Air Force reported that thirty Iranian-made kamikaze drones were shot down over Ukraine overnight on Dec. 14"
    (a real item, rewritten): 30 downed; the date after the count was read cut ("Dec. 1") and dated it two weeks back."""
    assert air_counts("Ukrenergo: Russian attacks leave energy system in difficult situation", "The Air Force said that "
                      "thirty Iranian-made kamikaze drones were shot down over Ukraine overnight on Dec. 14.",
                      "2022-12-14T12:00:00+00:00") == {"drones_downed": 30}


def test_last_new_years_eve_is_another_time():
    """"On last New Year's Eve, Russia launched 90 Shahed-type drones in a mass attack, and Ukrainian air defense
    intercepted 87 of them" (a real item of July 31, rewritten): another attack's counts."""
    assert air_counts("Russia attacks Kyiv with drones", "Russia launched 30 Shahed drones at Kyiv overnight, the Air "
                      "Force said on July 31. On last New Year's Eve, Russia launched 90 Shahed-type drones, and air "
                      "defense intercepted 87 of them.", "2024-07-31T12:00:00+00:00") == {"drones_launched": 30}


def test_a_village_listed_under_the_one_oblast_its_sentence_names_is_of_that_oblast():
    """"… attacks on Donetsk Oblast over the past day injured eight civilians: five in Lyman, two in Chasiv Yar, and
    one in Illinka" in a day's roundup (a real item, rewritten): Donetsk Oblast's Illinka, not Odesa Oblast's."""
    rows = regions_of("Russian attacks kill 0, injure 10 over past day", "Russian attacks across Ukraine over the past "
                      "day injured 10 civilians, regional authorities said on May 4.\n\nGovernor Vadym Filashkin said "
                      "attacks on Donetsk Oblast injured eight civilians: five in Lyman, two in Chasiv Yar, and one in "
                      "Illinka.\n\nTwo people were injured in Kharkiv Oblast, the governor said.",
                      "2024-05-04T12:00:00+00:00")
    assert rows == {"UA-14": (None, 8), "UA-63": (None, 2)}


def test_a_group_with_one_age_is_a_count():
    """"Two women aged 60 were injured in Russian attacks on the villages of Kivsharivka and Synykha in Kharkiv Oblast"
    (a real item, rewritten): two injured."""
    assert totals("Russian shelling hits Kharkiv Oblast villages", "The governor said two women aged 60 were injured in "
                  "Russian shelling of the villages of Kivsharivka and Synykha in Kharkiv Oblast.",
                  "2024-05-04T12:00:00+00:00") == [(None, 2)]


def test_all_the_drones_along_with_a_missile_were_shot_down():
    """"All 89 Shahed-type attack drones Russia launched in a mass overnight attack, along with one Kh-59 missile, were
    shot down by Ukrainian air defense" (a real item, rewritten): 89 launched and 89 downed, the missile one and one."""
    assert air_counts("All 89 Russian drones shot down over Ukraine", "All 89 Shahed drones Russia launched overnight, "
                      "along with one Kh-59 missile, were shot down, the Air Force said on July 31.",
                      "2024-07-31T12:00:00+00:00") == {"drones_launched": 89, "drones_downed": 89,
                                                       "missiles_launched": 1, "missiles_downed": 1}


def test_half_of_the_missiles_and_the_drones_brought_down_counts_none_downed():
    """"More than half of the 84 Russian missiles and the 24 drones fired at Ukraine on Oct. 10 were brought down" (a
    real item, rewritten): 84 missiles and 24 drones launched, no count downed."""
    assert air_counts("Zelensky: make the battlefield more painful for the enemy", "Over half of the 84 Russian missiles "
                      "and the 24 drones fired at Ukraine on Oct. 10 were shot down, Zelensky said.",
                      "2022-10-11T12:00:00+00:00") == {"missiles_launched": 84, "drones_launched": 24}


def test_attack_and_decoy_drones_are_the_drones_launched():
    """"The strike was part of a wider assault in which 81 attack and decoy drones were launched against Ukraine" (a
    real item, rewritten): 81 drones launched, though decoys alone count only where the text downs them."""
    published = "2024-01-31T12:00:00+00:00"
    assert air_counts("Teen injured in Sumy attack dies", "The attack was part of a larger one in which 81 attack and "
                      "decoy drones were launched at Ukraine.", published) == {"drones_launched": 81}
    assert air_counts("Teen injured in Sumy attack dies", "The attack was part of a larger one in which 81 decoy drones "
                      "were launched at Ukraine.", published) == {}


def test_a_night_told_from_one_date_to_the_next_is_no_period():
    """"Russia carried out a mass drone attack on Odesa Oblast overnight from Dec. 13-14, … saying air defenses shot down
    41 of the 42 drones" (a real item of Dec. 14, rewritten): that night's counts, not a span's."""
    assert air_counts("Downed Russian drone found in Romania", "Russia attacked Odesa Oblast with drones overnight from "
                      "Dec. 13-14, the Air Force said, adding that air defenses downed 41 of the 42 drones.",
                      "2023-12-14T12:00:00+00:00") == {"drones_launched": 42, "drones_downed": 41}


def test_more_workers_named_by_their_trade_are_people():
    """"According to DTEK, three power engineers were injured" and "seven first responders were injured" (real items,
    rewritten): three and seven."""
    published = "2023-08-08T12:00:00+00:00"
    assert totals("Russian strike on Odesa hits energy facility", "Russian drones hit an energy facility in Odesa "
                  "overnight. According to DTEK, three power engineers were injured.", published) == [(None, 3)]
    assert totals("Russian strike on Pokrovsk", "The governor said seven first responders were injured in the strike on "
                  "Pokrovsk.", published) == [(None, 7)]


def test_russias_launch_sites_are_no_place_of_an_air_reports_toll():
    """An air report whose lead names the launch sites in Russia ("launched from Kursk Oblast and from
    Primorsko-Akhtarsk … in Krasnodar Krai") and Kyiv as the attack's focus, then "At least two people were injured in
    the attack" (a real item, rewritten): Kyiv's two injured."""
    rows = regions_of("Air Force: Ukraine shoots down 74 of 75 Russian drones overnight", "Russia launched 75 drones at "
                      "Ukraine on the morning of Nov. 25, and 74 were downed, the Air Force said.\n\nThe drones were "
                      "launched from Kursk Oblast and from Primorsko-Akhtarsk in Krasnodar Krai, the Air Force said. "
                      "Kyiv was the main target of the attack.\n\nAt least two people were injured in the attack.",
                      "2023-11-25T12:00:00+00:00")
    assert rows == {"UA-30": (None, 2)}


def test_an_air_reports_toll_is_of_the_place_its_own_sentences_name():
    """An air report whose lead names the night's launch sites and the eleven oblasts the drones were downed over, then
    "missile fragments landed on homes in the Brovary district of Kyiv Oblast. Rescuers searching the rubble found the
    bodies of a 35-year-old man and his 4-year-old son" (a real item of the shared set): Kyiv Oblast's dead and
    injured."""
    toll_rows, _ = rows("ukraine-downs-53-russian-drones-overnight-air-force-says")
    assert {r["region_code"]: (r["killed"], r["injured"]) for r in toll_rows if r["scope"] == "region"} == {
        "UA-32": (2, 3)}


def test_a_couple_with_ages_and_a_group_with_one_more_are_counted():
    """"A couple aged 68 and 54 were injured in the attack as well" is two, and "three men aged 52, 65, and 73 and a
    38-year-old woman were injured when Russian drones hit a bus" four (real items, rewritten)."""
    published = "2024-06-06T12:00:00+00:00"
    assert totals("Russian drones hit bus in Nikopol", "On June 6, Russian drones struck a bus in Nikopol. Three men aged "
                  "52, 65, and 73 and a 38-year-old woman were injured, the governor said.", published) == [(None, 4)]
    assert totals("Russian strike on Zaporizhzhia", "Russian forces struck a village near Zaporizhzhia on June 6. A "
                  "couple aged 68 and 54 were hurt in the strike, the governor said.", published) == [(None, 2)]


def test_lists_of_victims_with_shared_ages_and_wounds_are_counted_whole():
    """Three real roundups' sentences, rewritten: "Russian attacks injured three women, two men, and a 4-year-old child"
    is six; "a woman and a man, aged 52 and 55, were injured" two; "a Russian drone attack left a 25-year-old pregnant
    woman and a 25-year-old man with blast injuries" two. "Russian attacks killed five people, two men and three
    women" stays five."""
    published = "2024-10-01T12:00:00+00:00"
    assert totals("Russian attacks on Zaporizhzhia Oblast injure 6", "In Zaporizhzhia Oblast, Russian attacks wounded "
                  "three women, two men, and a 4-year-old child, the governor said.", published) == [(None, 6)]
    assert totals("Russian bombs hit Sumy Oblast", "The governor said a woman and a man, aged 52 and 55, were injured "
                  "when Russian guided bombs hit the Bilopillia community.", published) == [(None, 2)]
    assert totals("Russian drone hits Kharkiv Oblast", "In Kharkiv Oblast, a Russian drone attack left a 25-year-old "
                  "pregnant woman and a 25-year-old man with blast injuries.", published) == [(None, 2)]
    assert totals("Russian attack on Kherson kills 5", "Russian attacks killed five people, two men and three women, in "
                  "Kherson, the governor said.", published) == [(5, None)]


def test_overnight_and_the_day_before_and_two_sent_to_hospital():
    """Two real roundups' sentences, rewritten: "Russian strikes on the city of Kherson and eight other settlements in
    the region overnight and the day before killed three people" is the day's toll, not another time's; "a drone attack
    on the city of Mykolaiv sent two men, aged 50 and 53, to hospital" is two injured."""
    published = "2024-01-20T12:00:00+00:00"
    assert totals("Russian attacks hit Kherson Oblast", "Governor Oleksandr Prokudin said Russian strikes on "
                  "Kherson and eight other settlements overnight and the day before killed three people.",
                  published) == [(3, None)]
    assert totals("Russian drone attack on Mykolaiv", "A Russian drone attack on the city of Mykolaiv sent two men, aged "
                  "50 and 53, to hospital, the governor said.", published) == [(None, 2)]


def test_a_years_tally_an_unrelated_fire_and_those_still_in_hospital_are_no_toll():
    """Three real items, rewritten: under "Kyiv nears 700 hours under air alert since full-scale invasion", "Kyiv was hit
    by 52 air strikes, which … killed 120 residents" is a year's tally; "a fire had broken out in the city earlier that
    day, unrelated to the shelling. The fire killed one person and injured two" is no attack's; "54 people wounded in
    the attack are still in hospital" is a part of the wounded, no toll of them."""
    assert totals("Kyiv nears 700 hours under air alert since full-scale invasion", "The head of the city's military "
                  "administration said Kyiv was hit by 52 air strikes, which killed 120 residents. Another 495 "
                  "people were wounded.", "2022-12-30T12:00:00+00:00") == []
    assert totals("Official: Russia shells Nikopol on Jan. 8", "Russian forces shelled Nikopol on Jan. 8, the city's "
                  "military administration said. A fire broke out in the city earlier that day, unrelated to the "
                  "shelling, he said. The fire killed one person and injured two.", "2023-01-09T12:00:00+00:00") == []
    assert totals("Number killed in Russian attack on Vinnytsia rises to 25", "The governor said a woman had died in "
                  "hospital of her injuries. 54 people wounded in the attack are still in hospital, eight of them in "
                  "critical condition.", "2022-07-19T12:00:00+00:00") == [(25, None)]
