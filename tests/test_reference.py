"""The Air Force's figures beside ours (kyivind/outputs/reference.py): the public missile-attacks dataset read from
a small file in its format (tests/reference/: missile_attacks_daily.csv and its companion missiles_and_uav.csv,
with nights on either side, models of each class, a guided bomb, a model the companion lacks, an unknown model
and malformed rows), the table, the view per night, the canned query, the chart and the command line."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from kyivind.outputs import reference
from tests.test_figures import article, feed

FILES = Path(__file__).parent / "reference"
ATTACKS = FILES / reference.ATTACKS_FILE
URL = "https://kyivindependent.com/a-{}/"
# what the file holds, night by night (the rows of each class summed):
# 2025-11-20: Shahed 40/30 at 18:00, Orlan-10 5/5 at 02:30 the next morning (the same night), "X-101/X-555 and
#             Kalibr" 2/2; an Iskander-M row with one cell too many is bad
# 2025-11-22: Shahed 60/50, Geran-2 10/8 (not in the companion: a drone by its name), Foo-9 3/1 (unknown: neither),
#             KAB-500 20 (a guided bomb: neither); a row dated "yesterday" and an Iskander-M row launching "many"
#             are bad
# 2025-11-25: Kalibr 4/4 (a date without a time); 2025-10-01: Shahed 25/20 (before the News Feed's span)
THEIRS = {"2025-10-01": {"drones_launched": 25, "drones_downed": 20},
          "2025-11-20": {"drones_launched": 45, "drones_downed": 35, "missiles_launched": 2, "missiles_downed": 2},
          "2025-11-22": {"drones_launched": 70, "drones_downed": 58},
          "2025-11-25": {"missiles_launched": 4, "missiles_downed": 4}}


def news_feed(data: Path) -> None:
    """Four items: two about the night of Nov. 20 (40/30 drones, 3/2 missiles), one about Nov. 22 (60/50 drones)
    and one about Nov. 26 (12/10 drones), a night the dataset lacks."""
    feed(data / "feeds" / "newsfeed-1.jsonl", [
        article(3, "Ukraine downs 30 of 40 drones", "Russia launched 40 drones and 3 missiles overnight on Nov. 21, "
                   "the Air Force said. Air defense shot down 30 drones and two missiles."),
        article(4, "Air Force report", "Air defense shot down 28 of 40 drones launched overnight on Nov. 21."),
        article(6, "Ukraine downs 50 of 60 drones", "Russia launched 60 drones overnight on Nov. 23, the Air Force "
                   "said. Air defense shot down 50 drones.", published="2025-11-23T08:00:00+00:00"),
        article(7, "Ukraine downs 10 of 12 drones", "Russia launched 12 drones overnight on Nov. 27, the Air Force "
                   "said. Air defense shot down 10 drones.", published="2025-11-27T08:00:00+00:00"),
    ])


@pytest.fixture
def data(tmp_path) -> Path:
    news_feed(tmp_path / "data")
    return tmp_path / "data"


def built(data: Path, **options) -> tuple[dict, sqlite3.Connection]:
    from kyivind.outputs.database import build

    done = build(data, **options)
    return done, sqlite3.connect(done["database"])


def nights(db) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in db.execute(
        "select night_of, drones_launched, reference_drones_launched, drones_launched_difference, drones_downed, "
        "reference_drones_downed, drones_downed_difference, missiles_launched, reference_missiles_launched, "
        "missiles_launched_difference, missiles_downed, reference_missiles_downed, missiles_downed_difference, "
        "status from air_attacks_vs_reference")}


def test_the_per_night_differences_come_out_right(data):
    done, db = built(data, reference_air=ATTACKS)
    assert done["reference_rows"] == 9 and done["reference_bad_rows"] == 3 and done["reference_unknown_models"] == 1
    got = nights(db)
    # ours: the largest figure any item states (40/30, 3/2); theirs: 45/35 drones with the Orlans after midnight,
    # 2/2 missiles without the bad Iskander row
    assert got["2025-11-20"] == (40, 45, -5, 30, 35, -5, 3, 2, 1, 2, 2, 0, "differ")
    assert got["2025-11-22"] == (60, 70, -10, 50, 58, -8, None, None, None, None, None, None, "differ"), \
        "the Geran-2 counts as a drone; the unknown Foo-9 and the guided bomb count in neither class"
    urls = dict(db.execute("select night_of, article_urls from air_attacks_vs_reference").fetchall())
    assert urls["2025-11-20"] == f'["{URL.format(3)}","{URL.format(4)}"]', "the items behind ours"
    classes = dict(db.execute("select model, weapon_class from reference_air_attacks").fetchall())
    assert classes == {"Kalibr": "missile", "Shahed-136/131": "drone", "Geran-2": "drone", "Foo-9": "unknown",
                       "KAB-500": "guided_bomb", "Orlan-10": "drone", "X-101/X-555 and Kalibr": "missile"}
    assert db.execute("select class_from from reference_air_attacks where model = 'Geran-2'").fetchone() == ("name",)


def test_the_view_shows_nights_on_either_side(data):
    _, db = built(data, reference_air=ATTACKS)
    got = nights(db)
    assert got["2025-11-26"] == (12, None, None, 10, None, None, None, None, None, None, None, None, "only_ours")
    assert got["2025-11-25"] == (None, None, None, None, None, None, None, 4, None, None, 4, None, "only_reference")
    assert set(got) == {"2025-10-01", "2025-11-20", "2025-11-22", "2025-11-25", "2025-11-26"}


def test_the_canned_query_lists_the_nights_that_disagree_within_our_span(data):
    from kyivind.outputs.datasette import CANNED_QUERIES

    _, db = built(data, reference_air=ATTACKS)
    query = CANNED_QUERIES["air_nights_that_disagree"]
    assert query["description"]
    rows = db.execute(query["sql"]).fetchall()
    assert [(r[0], r[1]) for r in rows] == [("2025-11-26", "only_ours"), ("2025-11-25", "only_reference"),
                                            ("2025-11-22", "differ"), ("2025-11-20", "differ")], \
        "newest first; the dataset's night of Oct. 1, before the News Feed's first, is left out"
    agreeing = THEIRS["2025-11-22"]
    feed(data / "feeds" / "newsfeed-2.jsonl", [article(8, "Ukraine downs 58 of 70 drones", "Russia launched 70 "
                                                          "drones overnight on Nov. 23. Air defense shot down 58 "
                                                          "drones.", published="2025-11-23T09:00:00+00:00")])
    _, db = built(data)
    assert nights(db)["2025-11-22"][:6] == (70, 70, 0, 58, 58, 0) and nights(db)["2025-11-22"][-1] == "agree"
    assert "2025-11-22" not in [r[0] for r in db.execute(query["sql"]).fetchall()], agreeing


def test_a_bad_row_is_counted_and_logged_not_crashed_on(data, caplog):
    with caplog.at_level(logging.WARNING, logger="kyivind.outputs.reference"):
        done, _ = built(data, reference_air=ATTACKS)
    assert done["reference_bad_rows"] == 3
    lines = [r.getMessage() for r in caplog.records]
    assert any("3 rows could not be read" in line and "line 7, 8, 12" in line for line in lines), lines
    assert any("1 models in 1 rows have no class" in line and "Foo-9 (1)" in line for line in lines), lines


@pytest.mark.parametrize("line, why", [
    ("2025-11-22 19:00,,Shahed-136/131,,,,nan,1,,,,1,x", "a count that is not a number"),
    ("2025-11-22 19:00,,Shahed-136/131,,,,inf,1,,,,1,x", "an infinite count"),
    ("2025-11-22 19:00,,Shahed-136/131,,,,-4,1,,,,1,x", "a negative count"),
    ("2025-11-22 19:00,,Shahed-136/131,,,,2.5,1,,,,1,x", "half a drone"),
    ("2025-11-22 19:00,,,,,,4,1,,,,1,x", "no model"),
    ("2025-13-40 19:00,,Shahed-136/131,,,,4,1,,,,1,x", "no such date"),
    ("2025-11-22 19:00,,Shahed-136/131,,,," + "9" * 5000 + ",1,,,,1,x", "a count too long to be one"),
    ("2025-11-22 19:00,,\"Shahed\x00,,,,4,1", "a NUL and an unclosed quote to the end of the file"),
])
def test_each_kind_of_malformed_row_is_one_bad_row(tmp_path, line, why):
    path = tmp_path / reference.ATTACKS_FILE
    lines = ATTACKS.read_text().splitlines()
    path.write_text("\n".join([*lines[:2], line, *lines[2:]] if "unclosed" not in why else [*lines, line]) + "\n")
    shutil.copy(FILES / reference.MODELS_FILE, tmp_path)
    found = reference.read(path)
    assert found.bad_rows == 4, why
    assert len(found.rows) == 9, f"{why}: the good rows are all read"


def test_a_line_longer_than_the_bound_is_a_bad_row_and_reading_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "MAX_LINE", 200)
    path = tmp_path / reference.ATTACKS_FILE
    lines = ATTACKS.read_text().splitlines()
    path.write_text("\n".join([*lines[:2], "2025-11-22 19:00," + "x" * 1000 + ",Shahed,,,,1,1", *lines[2:]]) + "\n")
    found = reference.read(path)
    assert (found.bad_rows, len(found.rows), found.truncated) == (4, 9, False)


def test_reading_stops_at_its_bound_and_says_so(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(reference, "MAX_ROWS", 4)
    with caplog.at_level(logging.WARNING, logger="kyivind.outputs.reference"):
        found = reference.read(ATTACKS)
    assert found.truncated and len(found.rows) + found.bad_rows == 4
    assert any("larger than kyivind reads" in r.getMessage() for r in caplog.records)


def test_missing_optional_columns_and_a_missing_companion_are_tolerated(tmp_path, caplog):
    path = tmp_path / reference.ATTACKS_FILE
    path.write_text("model,time_start,launched\nShahed-136/131,2025-11-20 18:00,40\nKh-101,2025-11-21 01:00,3\n"
                    "KAB-500,2025-11-20 19:00,12\nGizmo,2025-11-20 19:00,1\n")
    found = reference.read(path)
    assert found.companion is None and found.bad_rows == 0
    assert found.nights() == {"2025-11-20": {"drones_launched": 40, "missiles_launched": 3}}, \
        "classed by name: a drone, a missile after midnight (the night before), a guided bomb in neither"
    assert found.rows[0]["destroyed"] is None and found.rows[0]["target"] is None
    assert dict(found.unknown_models) == {"Gizmo": 1}


def test_a_row_of_a_drone_and_a_missile_is_in_neither_class():
    kind, _, source = reference.classify("Shahed-136/131 and Kh-59", {"shahed-136/131": "UAV"})
    assert (kind, source) == (reference.MIXED, "name")
    assert reference.classify("X-101/X-555 and Kalibr", {"x-101/x-555": "cruise missile", "kalibr": "missile"})[:1] \
        == (reference.MISSILE,)


@pytest.mark.parametrize("start, night", [("2025-11-20 18:00", "2025-11-20"), ("2025-11-21 02:30", "2025-11-20"),
                                          ("2025-11-21 05:59", "2025-11-20"), ("2025-11-21 06:00", "2025-11-21"),
                                          ("2025-11-21", "2025-11-21"), ("2025-11-21T13:15:00", "2025-11-21"),
                                          ("yesterday", None), ("", None)])
def test_the_night_is_the_date_the_attack_began(start, night):
    found = reference.night_of(start)
    assert (found.isoformat() if found else None) == night


def test_the_file_in_data_reference_is_the_default_and_stays_loaded(data):
    folder = data / reference.FOLDER
    folder.mkdir()
    for name in (reference.ATTACKS_FILE, reference.MODELS_FILE):
        shutil.copy(FILES / name, folder)
    done, db = built(data)
    assert done["reference_rows"] == 9
    assert nights(db)["2025-11-20"][-1] == "differ"
    shutil.rmtree(folder)
    done, db = built(data)
    assert done["reference_rows"] == 0 and db.execute("select count(*) from reference_air_attacks").fetchone() == (9,), \
        "a build without a file keeps what an earlier one loaded"


def test_without_a_reference_the_view_still_answers_with_our_nights(data):
    _, db = built(data)
    got = nights(db)
    assert set(got) == {"2025-11-20", "2025-11-22", "2025-11-26"} and {g[-1] for g in got.values()} == {"only_ours"}


def test_a_broken_file_in_data_reference_is_logged_and_the_build_goes_on(data, caplog):
    (data / reference.FOLDER).mkdir()
    (data / reference.FOLDER / reference.ATTACKS_FILE).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00garbage")
    with caplog.at_level(logging.WARNING, logger="kyivind.outputs.reference"):
        done, _ = built(data)
    assert done["articles"] == 4 and done["reference_rows"] == 0
    said = [r for r in caplog.records if "not the missile-attacks dataset" in r.getMessage()]
    assert [r.levelname for r in said] == ["WARNING"], "an analyst's file never fails the crawl that builds the database"


def test_the_command_line_loads_it_and_exits_2_with_one_line_when_it_cannot(data, capsys, tmp_path):
    from kyivind.cli import main

    assert main(["db", str(data), "--reference-air", str(tmp_path / "nowhere.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: --reference-air") and "does not exist" in err
    assert not (data / "kyivind.db").exists(), "nothing built"
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("date,drones\n2025-11-20,40\n")
    assert main(["db", str(data), "--reference-air", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no time_start, model, launched column" in err
    assert main(["db", str(data), "--reference-air", str(FILES)]) == 0, "a folder holding the file"
    out = capsys.readouterr().out
    assert "9 rows loaded into reference_air_attacks (3 bad rows skipped, 1 rows of a model with no class)" in out
    assert main(["report", str(data), "--reference-air", str(tmp_path / "nowhere.csv")]) == 2


def test_the_air_chart_draws_the_reference_beside_the_bars(tmp_path):
    from kyivind.outputs.charts import air_chart

    ours = {"2025-11-20": {"drones_launched": 40, "drones_downed": 30, "missiles_launched": 3, "missiles_downed": 2},
            "2025-11-26": {"drones_launched": 12, "drones_downed": 10}}
    figure = air_chart(ours, tmp_path / "air.png", THEIRS)
    drones, missiles = figure.axes
    assert [list(line.get_ydata()) for line in drones.lines] == [[45, 70], [35, 58]], \
        "launched and shot down per night, within the bars' span: Oct. 1 is left out"
    assert [list(line.get_ydata()) for line in missiles.lines] == [[2, 4], [2, 4]]
    assert [t.get_text() for t in figure.legends[0].get_texts()][-2:] == ["Air Force dataset: launched",
                                                                         "Air Force dataset: shot down"]
    assert not air_chart(ours, tmp_path / "air.png").axes[0].lines, "no reference: bars alone"


def test_the_report_draws_the_file_in_data_reference(data, tmp_path):
    from kyivind.outputs.report import report

    (data / reference.FOLDER).mkdir()
    shutil.copy(ATTACKS, data / reference.FOLDER)
    done = report(data, tmp_path / "report", progress=False)
    assert done["reference_nights"] == THEIRS
    assert "the lines are the Air Force's own figures" in done["html"].read_text()


def test_the_documented_query_runs_as_written(data):
    import re

    _, db = built(data, reference_air=ATTACKS)
    doc = (Path(__file__).resolve().parent.parent / "docs" / "analysing.md").read_text()
    sql = re.search(r"## The Air Force's figures beside ours.*?```sql\n(.*?)```", doc, re.S).group(1)
    assert [row[:4] for row in db.execute(sql).fetchall()] == [("2025-11-22", 60, 70, -10), ("2025-11-20", 40, 45, -5)]
    assert "kaggle.com/datasets/piterfm/massive-missile-attacks-on-ukraine" in doc and "downloads nothing" in doc


def test_a_stray_quote_swallows_no_more_than_the_field_limit_and_reading_goes_on(tmp_path):
    path = tmp_path / reference.ATTACKS_FILE
    lines = ATTACKS.read_text().splitlines()
    swallowed = ["x" * 50_000] * 3  # over csv's field limit (128 KiB), each line under MAX_LINE
    path.write_text("\n".join([*lines[:2], '2025-11-22 19:00,,"Shahed', *swallowed, *lines[2:]]) + "\n")
    found = reference.read(path)
    assert (found.bad_rows, len(found.rows)) == (4, 9), "one bad row; the rows after it are read"


def test_reading_stops_at_its_byte_bound_and_says_so(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(reference, "MAX_BYTES", 700)
    with caplog.at_level(logging.WARNING, logger="kyivind.outputs.reference"):
        found = reference.read(ATTACKS)
    assert found.truncated and 0 < len(found.rows) < 9
    assert any("larger than kyivind reads" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"time_start;model;launched\n2025-11-20;Shahed;4\n"])
def test_an_empty_file_or_another_format_is_no_dataset(tmp_path, content):
    path = tmp_path / reference.ATTACKS_FILE
    path.write_bytes(content)
    with pytest.raises(reference.ReferenceFileError, match="not the missile-attacks dataset"):
        reference.read(path)


def test_a_file_that_cannot_be_read_is_one_error(tmp_path, monkeypatch):
    path = tmp_path / reference.ATTACKS_FILE
    shutil.copy(ATTACKS, path)

    def refused(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refused)
    with pytest.raises(reference.ReferenceFileError, match="cannot be read"):
        reference.read(path)


def test_a_companion_that_cannot_be_read_leaves_the_classes_to_the_names(tmp_path, monkeypatch, caplog):
    for name in (reference.ATTACKS_FILE, reference.MODELS_FILE):
        shutil.copy(FILES / name, tmp_path)
    opened = Path.open

    def refused(self, *args, **kwargs):
        if self.name == reference.MODELS_FILE:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    with caplog.at_level(logging.WARNING, logger="kyivind.outputs.reference"):
        found = reference.read(tmp_path)
    assert found.categories == 0 and found.nights() == THEIRS
    assert any("companion" in r.getMessage() and "cannot be read" in r.getMessage() for r in caplog.records)


def test_a_companion_without_its_columns_or_with_bad_rows_is_logged_and_names_class(tmp_path, caplog):
    shutil.copy(ATTACKS, tmp_path)
    companion = tmp_path / reference.MODELS_FILE
    companion.write_text("name,kind\nShahed-136/131,UAV\n")
    with caplog.at_level(logging.WARNING, logger="kyivind.outputs.reference"):
        found = reference.read(tmp_path)
    assert found.categories == 0 and {r["class_from"] for r in found.rows} == {"name", "none"}
    assert any("no model and category columns" in r.getMessage() for r in caplog.records)
    companion.write_text("model,category\nShahed-136/131,UAV\n,missile\nKalibr,\nKAB-500,guided bomb\n")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kyivind.outputs.reference"):
        found = reference.read(tmp_path)
    assert found.categories == 2 and found.nights() == THEIRS
    assert any("2 rows without a model and category were skipped" in r.getMessage() for r in caplog.records)


def test_datasette_serves_the_query_with_its_description_and_the_table_with_its_facets(data):
    import asyncio

    from datasette.app import Datasette

    from kyivind.outputs.datasette import metadata

    built(data, reference_air=ATTACKS)
    datasette = Datasette([str(data / "kyivind.db")], metadata=metadata())

    async def get(path):
        return await datasette.client.get(path)

    page = asyncio.run(get("/kyivind/air_nights_that_disagree"))
    assert page.status_code == 200 and "within the span of the News Feed" in page.text
    answer = asyncio.run(get("/kyivind/air_nights_that_disagree.json?_shape=objects")).json()
    assert [(r["night_of"], r["drones_launched_difference"]) for r in answer["rows"]] == [
        ("2025-11-26", None), ("2025-11-25", None), ("2025-11-22", -10), ("2025-11-20", -5)]
    facets = asyncio.run(get("/kyivind/reference_air_attacks.json?_facet=weapon_class")).json()
    results = facets["facet_results"]
    results = results.get("results", results)  # Datasette 1.0 nests them one level deeper than 0.64
    counts = {f["value"]: f["count"] for f in results["weapon_class"]["results"]}
    assert counts == {"drone": 5, "missile": 2, "guided_bomb": 1, "unknown": 1}


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(data, tmp_path, capsys, monkeypatch):
    from kyivind.cli import main

    folder = tmp_path / "download"
    folder.mkdir()
    for name in (reference.ATTACKS_FILE, reference.MODELS_FILE):
        shutil.copy(FILES / name, folder)
    assert main(["db", str(data), "--reference-air", str(folder / reference.ATTACKS_FILE)]) == 0
    assert "9 rows loaded" in capsys.readouterr().out
    reads = []
    monkeypatch.setattr(reference, "read", lambda *a, **k: reads.append(a) or pytest.fail("read again"))
    assert main(["db", str(data), "--reference-air", str(folder)]) == 0
    assert "unchanged since it was loaded (9 rows in reference_air_attacks)" in capsys.readouterr().out
    assert not reads
    monkeypatch.undo()
    with (folder / reference.ATTACKS_FILE).open("a") as handle:
        handle.write("2025-11-26 20:00,2025-11-27 07:00,Shahed-136/131,,,,12,10,,,,1,x\n")
    assert main(["db", str(data), "--reference-air", str(folder)]) == 0
    assert "10 rows loaded" in capsys.readouterr().out
    assert nights(sqlite3.connect(data / "kyivind.db"))["2025-11-26"][:6] == (12, 12, 0, 10, 10, 0)


def test_a_category_of_neither_class_leaves_the_class_to_the_name():
    categories = {"shahed-136/131": "loitering munition", "tu-22m3": "aircraft"}
    assert reference.classify("Shahed-136/131", categories) == (reference.DRONE, "loitering munition", "name")
    assert reference.classify("Tu-22M3", categories) == (reference.OTHER, "aircraft", "companion"), \
        "a category the companion gives and no name overrides: neither class, not unknown"
