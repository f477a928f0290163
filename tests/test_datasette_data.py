"""The analysts' data in Datasette and the exports: removed articles marked (``removed_at``), the views of the
figures' latest versions that the docs and canned queries read, the toll revisions with both versions' times,
region names in ``daily_tolls``, canned queries that hide no table or view, and the column descriptions shown
whole."""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from kyivind.outputs.database import build
from tests.conftest import CHROMIUM
from tests.test_figures import database  # noqa: F401  (the fixture: five articles, one edited)

ROOT = Path(__file__).resolve().parent.parent
A = "https://kyivindependent.com/a-{}/"


def events(data: Path, *rows: dict) -> None:
    with (data / "removals.jsonl").open("a", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")


def test_removed_articles_are_marked_in_articles_parquet_and_csv(database, tmp_path, caplog):  # noqa: F811
    import pyarrow.parquet as pq

    from kyivind.outputs.report import report
    from kyivind.outputs.tables import export

    _, data = database
    events(data,
           {"url": A.format(2), "status": "removed", "detected_at": "2026-12-03T06:00:00+00:00", "http_status": 404},
           {"url": A.format(3), "status": "moved", "detected_at": "2026-12-03T07:00:00+00:00",
            "moved_to": A.format(30)},
           {"url": A.format(4), "status": "removed", "detected_at": "2026-12-03T06:00:00+00:00"},
           {"url": A.format(4), "status": "restored", "detected_at": "2026-12-04T06:00:00+00:00"},
           {"url": A.format(5), "status": "removed", "detected_at": "yesterday"})
    with caplog.at_level(logging.WARNING):
        build(data)
    assert any("1 removal events have no readable detected_at" in r.getMessage() for r in caplog.records)
    db = sqlite3.connect(data / "kyivind.db")
    marked = dict(db.execute("select url, removed_at from articles").fetchall())
    assert marked == {A.format(1): None, A.format(2): "2026-12-03T06:00:00+00:00",
                      A.format(3): "2026-12-03T07:00:00+00:00", A.format(4): None, A.format(5): None}
    assert "removed_at" not in {row[1] for row in db.execute("pragma table_info(versions)")}

    export(data, "parquet", tmp_path / "a.parquet", progress=False)
    table = {row["url"]: row["removed_at"] for row in pq.read_table(tmp_path / "a.parquet").to_pylist()}
    assert table[A.format(2)].isoformat() == "2026-12-03T06:00:00+00:00" and table[A.format(1)] is None
    assert str(pq.read_schema(tmp_path / "a.parquet").field("removed_at").type) == "timestamp[ms, tz=UTC]"
    export(data, "csv", tmp_path / "a.csv", progress=False)
    done = report(data, tmp_path / "report", progress=False)
    for path in (tmp_path / "a.csv", done["csv"]):
        with path.open(encoding="utf-8") as handle:
            rows = {row["url"]: row["removed_at"] for row in csv.DictReader(handle)}
        assert rows[A.format(3)] == "2026-12-03T07:00:00+00:00" and rows[A.format(4)] == "", path

    events(data, {"url": A.format(2), "status": "restored", "detected_at": "2026-12-05T06:00:00+00:00"},
           {"url": A.format(1), "status": "suspected", "suspected_of": "removed",
            "detected_at": "2026-12-05T06:00:00+00:00"})
    build(data)  # no new feed: the events alone
    db = sqlite3.connect(data / "kyivind.db")
    assert db.execute("select removed_at from articles where url = ?", [A.format(2)]).fetchone() == (None,)
    # one answer only makes an article suspected: it is not marked removed until a second one decides it
    assert db.execute("select removed_at from articles where url = ?", [A.format(1)]).fetchone() == (None,)


def test_the_latest_views_hold_each_articles_latest_version(database):  # noqa: F811
    db, _ = database
    assert db.execute("select version, killed from tolls where article_url = ? and scope = 'total' order by version",
                      [A.format(1)]).fetchall() == [(1, 2), (2, 6)], "tolls keeps every version"
    assert db.execute("select version, killed from latest_tolls where article_url = ? and scope = 'total'",
                      [A.format(1)]).fetchall() == [(2, 6)]
    latest = db.execute("select count(*) from air_attacks r join articles a on a.url = r.article_url "
                        "and a.version = r.version").fetchone()[0]
    assert latest > 0 and db.execute("select count(*) from latest_air_attacks").fetchone()[0] == latest
    columns = [row[1] for row in db.execute("pragma table_info(latest_tolls)")]
    assert columns == [row[1] for row in db.execute("pragma table_info(tolls)")]


_RAW = re.compile(r"\b(?:from|join)\s+(?:tolls|air_attacks)\b", re.I)


def test_canned_queries_and_docs_count_the_latest_versions(database):  # noqa: F811
    from kyivind.outputs.datasette import CANNED_QUERIES

    db, _ = database
    for name, query in CANNED_QUERIES.items():
        assert not _RAW.search(query["sql"]), f"{name} reads every version of the figures"
        if ":" not in re.sub(r"'[^']*'", "", query["sql"]):  # no parameter to give
            db.execute(query["sql"]).fetchall()
    doc = (ROOT / "docs" / "analysing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", doc, re.S)
    assert blocks and not [sql for sql in blocks if _RAW.search(sql)]
    for sql in blocks:  # each runs as written
        db.execute(sql.strip().rstrip(";")).fetchall()
    assert "latest_tolls" in doc and "latest_air_attacks" in doc


def test_toll_revisions_give_both_versions_dates(database):  # noqa: F811
    from kyivind.outputs.datasette import CANNED_QUERIES

    db, _ = database
    cursor = db.execute(CANNED_QUERIES["revised_tolls"]["sql"])
    names = [c[0] for c in cursor.description]
    row = dict(zip(names, cursor.fetchone(), strict=True))
    assert (row["from_version"], row["fetched_before"], row["to_version"], row["fetched_after"]) == \
        (1, "2026-12-01T00:00:00+00:00", 2, "2026-12-02T00:00:00+00:00")
    assert (row["killed_before"], row["killed_after"]) == (2, 6)


def test_no_canned_query_hides_a_table_or_view(database):  # noqa: F811
    from kyivind.outputs.datasette import CANNED_QUERIES

    db, _ = database
    names = {row[0] for row in db.execute("select name from sqlite_master where type in ('table', 'view')")}
    assert {"daily_air_attacks", "latest_tolls", "daily_tolls"} <= names
    assert not set(CANNED_QUERIES) & names
    metadata = json.loads((ROOT / "kyivind" / "datasette-metadata.json").read_text(encoding="utf-8"))
    assert not set(metadata["databases"]["kyivind"]["queries"]) & names


def test_daily_tolls_name_the_region(database):  # noqa: F811
    db, _ = database
    rows = db.execute("select day, region_code, region, killed from daily_tolls order by region_code").fetchall()
    assert ("2025-11-21", "UA-12", "Dnipropetrovsk Oblast", 6) in rows
    assert ("2025-11-21", "UA-63", "Kharkiv Oblast", 1) in rows


def test_the_metadata_describes_the_new_columns_and_views():
    from kyivind.outputs.datasette import metadata

    tables = metadata()["databases"]["kyivind"]["tables"]
    assert tables["articles"]["columns"]["removed_at"].startswith("When the census found")
    assert {"latest_tolls", "latest_air_attacks"} <= set(tables)
    assert tables["latest_tolls"]["columns"] == tables["tolls"]["columns"]
    assert {"fetched_before", "fetched_after"} <= set(tables["toll_revisions"]["columns"])
    assert "region" in tables["daily_tolls"]["columns"]
    feed_doc = (ROOT / "docs" / "feed.md").read_text(encoding="utf-8")
    for needed in ("`removed_at`", "`latest_tolls`", "`latest_air_attacks`", "`fetched_before`", "`region`"):
        assert needed in feed_doc, needed


@pytest.mark.skipif(not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM), reason="Chromium is not installed")
def test_the_column_descriptions_show_whole_in_datasette(database):  # noqa: F811
    from kyivind.outputs.datasette import metadata
    from tests.conftest import datasette_page

    _, data = database
    described = metadata()["databases"]["kyivind"]["tables"]["articles"]["columns"]
    with datasette_page(data) as (page, base):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{base}/kyivind/articles")
        # folded: the rows first on the first screen
        assert page.locator("table.rows-and-columns tbody tr").nth(4).bounding_box()["y"] < 800
        page.click("details.kyivind-columns > summary")
        listing = page.locator("dl.column-descriptions")
        clipped = listing.evaluate("e => e.scrollHeight - e.clientHeight")
        assert clipped <= 1, f"the descriptions scroll in a box {clipped}px too small"
        shown = dict(zip(listing.locator("dt").all_inner_texts(), listing.locator("dd").all_inner_texts(),
                         strict=True))
        assert shown == described
        for cell in listing.locator("dd").all():
            assert cell.is_visible()
            assert cell.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1")
        header = page.locator("th[data-column=removed_at]")
        assert header.get_attribute("title") == described["removed_at"]
