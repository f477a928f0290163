"""For the analysts: the feed documentation, its recipes run as written, the report and its chart."""

import json
import os
import re
import shutil

import pytest
from jsonschema import Draft202012Validator

from kyivind.cli import main as cli
from kyivind.items import load_schema
from kyivind.outputs.feeds import load
from kyivind.outputs.report import merge, report
from tests.conftest import CHROMIUM, ROOT, chromium, crawled_twice, run_crawl
from tests.replica.content import posts
from tests.replica.server import ReplicaServer, ReplicaSite
from tests.test_incremental import EDITED, grow_and_edit

pytestmark = pytest.mark.crawl
DOC = (ROOT / "docs/feed.md").read_text()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """Two runs of the replica: all articles, then two new ones and an edit (version 2)."""
    return crawled_twice(tmp_path_factory.mktemp("analysis"), ReplicaSite("ghost"), grow_and_edit)


def test_schema_holds_for_real_output_and_every_field_is_documented(data_dir):
    validator = Draft202012Validator(load_schema())
    rows = [json.loads(line) for f in (data_dir / "feeds").glob("newsfeed-*.jsonl") for line in f.read_text().splitlines()]
    assert len(rows) == len(posts()) + 3
    for row in rows:
        assert not list(validator.iter_errors(row)), row["url"]
    schema = load_schema()
    for name in schema["properties"]:
        assert f"| `{name}` |" in DOC or f"`{name}`," in DOC, f"{name} is not documented"
    for name in schema["$defs"]["author"]["properties"]:
        assert f"| `{name}` |" in DOC
    assert "../kyivind/schema/article.schema.json" in DOC


def test_latest_version_of_each_article(data_dir, tmp_path):
    dataset = merge(data_dir, tmp_path / "all.jsonl", progress=False)
    assert dataset.rows_read == len(posts()) + 3 and len(dataset.articles) == len(posts()) + 2
    merged = {json.loads(line)["slug"]: json.loads(line) for line in (tmp_path / "all.jsonl").read_text().splitlines()}
    assert merged[EDITED]["version"] == 2 and merged[EDITED]["body_text"].endswith("inflation forecast upward.")
    assert cli(["merge", str(data_dir), "-o", str(tmp_path / "cli.jsonl")]) == 0
    assert (tmp_path / "cli.jsonl").read_text().count("\n") == len(posts()) + 2


def test_report_counts_match_the_feed(data_dir, tmp_path):
    result = report(data_dir, tmp_path, progress=False)
    articles = load(data_dir, progress=False).articles
    assert result["articles"] == len(articles) == 14
    assert sum(result["counts"]["per_day"].values()) == 14
    assert dict(result["counts"]["tags"])["News Feed"] == 14
    import csv

    with open(tmp_path / "articles.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 14 and {r["slug"] for r in rows} == {a["slug"] for a in articles}
    assert next(r for r in rows if r["slug"] == EDITED)["version"] == "2"
    page = (tmp_path / "report.html").read_text()
    text = " ".join(page.split())
    assert "<strong>14</strong> articles (latest version of each; 1 edited) from 15 rows in 2 feed files" in text


def test_chart_is_a_real_png_with_labelled_axes(data_dir, tmp_path):
    import matplotlib.image

    result = report(data_dir, tmp_path, progress=False)
    png = matplotlib.image.imread(result["png"])
    assert png.shape[:2] == (1600, 1000) and png.std() > 0.05, "a 1000x1600 picture with something drawn"
    per_day, tags, authors, domains = result["figure"].axes
    # the replica's articles span half a year: one bar per week
    assert (per_day.get_title(), per_day.get_ylabel()) == ("Articles per week", "Articles")
    assert per_day.get_xlabel() == "Publication week (UTC, weeks from Monday)"
    assert (tags.get_ylabel(), authors.get_ylabel()) == ("Tag", "Author")
    assert sum(bar.get_height() for bar in per_day.patches) == 14
    assert [t.get_text() for t in tags.get_yticklabels()][-1] == "News Feed"
    # whom the articles cite: the replica's one article with outbound links cites two domains
    assert domains.get_ylabel() == "Domain"
    assert {t.get_text() for t in domains.get_yticklabels()} == {"ukrinform.net", "t.me"}
    assert "kyivindependent.com" not in dict(result["counts"]["domains"]), "the site's own links are not citations"


def test_report_opens_in_headless_chromium_without_console_errors(data_dir, tmp_path):
    result = report(data_dir, tmp_path, progress=False)
    problems = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(result["html"].as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelector('img').naturalWidth") == 1000
        assert "14" in page.inner_text("#summary")
    assert problems == []


def _code(language: str, section: str = "## Loading recipes") -> str:
    return re.search(rf"{section}.*?```{language}\n(.*?)```", DOC, re.S).group(1)


def test_the_documented_way_to_the_page_an_item_came_from(data_dir):
    scope = {}
    exec(_code("python", "## The archive and re-extraction"), scope)  # verbatim
    items = load(data_dir, progress=False).articles
    for item in items:
        page = scope["page_of"](item, archive=str(data_dir / "archive"))
        assert page and item["slug"].encode() in page


def test_pandas_recipe_as_documented(data_dir, monkeypatch):
    monkeypatch.chdir(data_dir.parent)
    scope = {}
    exec(_code("python"), scope)  # the recipe, verbatim
    latest, authors = scope["latest"], scope["authors"]
    assert len(latest) == 14 and latest.set_index("slug").loc[EDITED, "version"] == 2
    assert str(latest["published_at"].dtype).startswith("datetime64[") and str(latest["published_at"].dt.tz) == "UTC"
    assert {"article_url", "url", "name", "role", "bio"} <= set(authors.columns) and len(authors) == 17
    assert list(authors.columns).count("url") == 1  # the author's page; the article's is article_url
    assert set(authors["article_url"]) <= set(latest["url"]) and authors["url"].str.contains("/author/").all()


def test_duckdb_recipe_and_documented_types(data_dir, monkeypatch):
    import duckdb

    monkeypatch.chdir(data_dir.parent)
    con = duckdb.connect()
    statements = [s for s in _code("sql").split(";") if s.strip()]
    for statement in statements[:-1]:
        con.execute(statement)
    per_author = dict(con.execute(statements[-1]).fetchall())
    assert per_author["Kateryna Denisova"] == 3 and sum(per_author.values()) == 17
    assert con.execute("select count(*) from articles").fetchone()[0] == 14
    types = dict((row[0], row[1]) for row in con.execute("describe feed").fetchall())
    table = re.search(r"`read_json_auto` gives these column types:\n\n(.*?)\n\n", DOC, re.S).group(1)
    for line in table.splitlines()[2:]:
        columns, documented = [c.strip() for c in line.strip("|").split("|")]
        for column in re.findall(r"`(\w+)`", columns):
            assert types[column] == documented.strip("`"), column


def test_parquet_export_and_its_duckdb_recipe(data_dir, tmp_path, monkeypatch):
    import duckdb
    import pyarrow.parquet as pq

    from kyivind.items import FIELDS
    from kyivind.outputs.tables import PARQUET_TYPES

    assert list(PARQUET_TYPES) == list(FIELDS), "every field of the item has its Parquet type"
    monkeypatch.chdir(tmp_path)
    assert cli(["export", str(data_dir), "--format", "parquet", "-o", "articles.parquet"]) == 0
    table = pq.read_table("articles.parquet")
    from kyivind.outputs.report import FIGURE_COLUMNS

    assert table.num_rows == len(posts()) + 2
    assert table.column_names == list(FIELDS) + ["regions", *FIGURE_COLUMNS, "removed_at"]
    assert str(table.schema.field("published_at").type) == "timestamp[ms, tz=UTC]"
    assert str(table.schema.field("authors").type).startswith("list<element: struct<name: string, slug: string")
    rows = {r["slug"]: r for r in table.to_pylist()}
    assert rows[EDITED]["version"] == 2, "the latest version of each article"
    recipe = re.search(r"### Parquet.*?```sql\n(.*?)```", DOC, re.S).group(1)  # verbatim
    con = duckdb.connect()
    statements = [s for s in recipe.split(";") if s.strip()]
    for statement in statements[:-1]:
        con.execute(statement)
    per_month = con.execute(statements[-1]).fetchall()
    assert sum(count for _, _, count in per_month) == len(posts()) + 2
    assert dict(con.execute("describe latest").fetchall()[i][:2] for i in range(3))["url"] == "VARCHAR"
    assert cli(["export", str(data_dir), "--format", "csv", "-o", "articles.csv"]) == 0
    assert (tmp_path / "articles.csv").read_text().count("\n") > len(posts())


@pytest.mark.parametrize("days, unit, bars", [(20, "day", 19), (200, "week", 29), (3 * 365, "month", 36)])
def test_the_chart_bins_by_the_span(tmp_path, days, unit, bars):
    from datetime import date, timedelta

    first = date(2023, 1, 2)  # a Monday
    rows = [{"url": f"https://kyivindependent.com/s{n}/", "published_at": f"{first + timedelta(days=n)}T09:00:00+00:00",
             "tags": ["News Feed"], "authors": [], "version": 1} for n in range(0, days, 2)]
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "newsfeed-1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = report(tmp_path, tmp_path / "report", progress=False)
    chart = result["figure"].axes[0]
    assert result["counts"]["unit"] == unit and chart.get_title() == f"Articles per {unit}"
    assert len(chart.patches) == bars and sum(bar.get_height() for bar in chart.patches) == len(rows)


# --- the SQLite database and Datasette -------------------------------------------------------------
def _mentions(articles, word: str) -> set[str]:
    return {a["url"] for a in articles
            if any(word.lower() in (a.get(f) or "").lower() for f in ("title", "description", "body_text"))}


def test_db_holds_every_table_searches_the_text_and_updates_incrementally(data_dir, tmp_path):
    import shutil as sh

    import sqlite_utils

    from kyivind.outputs.database import build

    work = tmp_path / "data"
    sh.copytree(data_dir / "feeds", work / "feeds")
    articles = load(work, progress=False).articles
    done = build(work)
    assert done["feeds_read"] == 2 and done["articles"] == len(articles) == 14
    db = sqlite_utils.Database(work / "kyivind.db")
    assert db["versions"].count == 15
    assert db["article_tags"].count == sum(len(a["tags"]) for a in articles)
    assert db["article_authors"].count == sum(len(a["authors"]) for a in articles)
    assert db["links"].count == sum(len(a["links"]) for a in articles) > 0
    assert {r["kind"] for r in db["embeds"].rows} == {k["kind"] for a in articles for k in a["embeds"]}
    assert db["articles"].detect_fts() == "articles_fts"
    found = {r["url"] for r in db.query("select a.url from articles_fts join articles a on a.rowid = articles_fts.rowid "
                                        "where articles_fts match 'Kharkiv'")}
    assert found == _mentions(articles, "Kharkiv") and found
    edited = next(r for r in db.query("select * from articles where slug = ?", [EDITED]))
    assert edited["version"] == 2 and edited["versions"] == 2
    indexed = {tuple(i.columns) for t in ("articles", "article_tags", "article_authors") for i in db[t].indexes}
    assert {("published_at",), ("tag",), ("author_slug",)} <= indexed
    # nothing new: nothing read
    assert build(work)["feeds_read"] == 0
    # a new feed with an edited article (version 3): upserted, its old text no longer found
    row = next(a for a in articles if a["slug"] == EDITED)
    newer = {**row, "version": 3, "body_text": "Replaced text about Zaporizhzhia.", "title": "A new headline"}
    (work / "feeds" / "newsfeed-29990101T000000000000Z.jsonl").write_text(json.dumps(newer) + "\n")
    again = build(work)
    assert (again["feeds_read"], again["articles_written"], again["articles"]) == (1, 1, 14)
    db = sqlite_utils.Database(work / "kyivind.db")
    assert {r["url"] for r in db.query("select rowid, * from articles where rowid in "
                                       "(select rowid from articles_fts where articles_fts match 'Zaporizhzhia')")} \
        == {row["url"]}
    assert db.execute("select version, versions, title from articles where url = ?", [row["url"]]).fetchone() \
        == (3, 3, "A new headline")
    gone = next(w for w in row["body_text"].split() if w.isalpha() and len(w) > 6
                and w.lower() not in f"{newer['title']} {newer['description']} {newer['body_text']}".lower())
    assert row["url"] not in {r[0] for r in db.execute(
        "select a.url from articles_fts join articles a on a.rowid = articles_fts.rowid where articles_fts match ?",
        [gone])}, "the replaced text is no longer in the index"


def test_the_replica_edit_is_one_change_and_in_the_atom_feed(data_dir, tmp_path):
    import sqlite_utils

    from kyivind.outputs.database import build
    from tests.test_changes import atom

    work = tmp_path / "data"
    shutil.copytree(data_dir / "feeds", work / "feeds")
    assert build(work)["changes_added"] == 1
    db = sqlite_utils.Database(work / "kyivind.db")
    rows = list(db["changes"].rows)
    assert len(rows) == 1 and rows[0]["article_url"].endswith(f"/{EDITED}/")
    assert rows[0]["added"] == "The bank also revised its inflation forecast upward." and rows[0]["removed"] == ""
    assert "body_text" in json.loads(rows[0]["fields"]) and "title" not in json.loads(rows[0]["fields"])
    assert rows[0]["diff_html"].startswith('<div class="kyivind-diff">… ')  # the unchanged text cut to its end
    assert rows[0]["diff_html"].endswith("<ins><br>The bank also revised its inflation forecast upward.</ins></div>")
    assert build(work)["changes_added"] == 0
    feed = atom(work)
    articles = load(work, progress=False).articles
    assert len(feed.entries) == len(articles) + 1
    assert {e.link for e in feed.entries} == {a["url"] for a in articles}
    updated = [e for e in feed.entries if e.title.startswith("Updated: ")]
    assert [e.id for e in updated] == [f"{rows[0]['article_url']}#version-2"]
    assert "Added: The bank also revised" in updated[0].summary


def test_db_waits_for_no_crawl(data_dir, tmp_path):
    from tests.conftest import held_lock

    with held_lock(tmp_path / "data"):
        assert cli(["db", str(tmp_path / "data")]) == 1


def test_datasette_metadata_is_made_from_the_schema():
    from kyivind.outputs.datasette import METADATA_FILE, metadata

    assert json.loads(METADATA_FILE.read_text(encoding="utf-8")) == metadata(), \
        "run python -c 'from kyivind.outputs.datasette import write_metadata; write_metadata()'"
    columns = metadata()["databases"]["kyivind"]["tables"]["articles"]["columns"]
    assert columns["title"] == load_schema()["properties"]["title"]["description"]




@pytest.mark.skipif(not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM), reason="Chromium is not installed")
def test_datasette_search_and_facets_in_headless_chromium(data_dir, tmp_path):
    from kyivind.outputs.datasette import TRUNCATE_CELLS
    from tests.conftest import datasette_page

    work = tmp_path / "data"
    shutil.copytree(data_dir / "feeds", work / "feeds")
    articles = load(work, progress=False).articles
    with datasette_page(work) as (page, base):
        page.goto(f"{base}/kyivind/articles")
        page.fill("input[name=_search]", "Kharkiv")
        page.press("input[name=_search]", "Enter")
        page.wait_for_load_state("load")
        shown = set(page.locator("table.rows-and-columns td.col-url").all_inner_texts())
        expected = _mentions(articles, "Kharkiv")
        assert {s.strip() for s in shown} == expected
        # the facet on the primary tag counts every article
        page.goto(f"{base}/kyivind/articles")
        facet = page.locator(".facet-info[data-column=primary_tag] li").first.inner_text()
        assert "News Feed" in facet and facet.split()[-1].replace(",", "") == str(len(articles))
        # data first: the first row on the first screen, the column descriptions folded, long text cut
        height = page.viewport_size["height"]
        assert page.locator("table.rows-and-columns tbody tr").first.bounding_box()["y"] < height
        assert page.locator("details.kyivind-columns").bounding_box()["height"] < 100
        body = page.locator("table.rows-and-columns td.col-body_text").first.inner_text()
        longest = max(len(a["body_text"]) for a in articles)
        assert len(body) <= TRUNCATE_CELLS + 5 < longest, "body text cut to the truncation"
        # a canned query: top cited domains
        page.goto(f"{base}/kyivind/top_cited_domains")
        assert "ukrinform.net" in page.inner_text("table.rows-and-columns")


def test_the_database_can_be_kept_current_by_every_crawl(tmp_path):
    import sqlite_utils

    env = {"KYIVIND_DATA_DIR": str(tmp_path / "data"), "KYIVIND_DB_AFTER_CRAWL": "1"}
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path, env=env, output=False)
    assert result.returncode == 0, result.log[-2000:]
    db = sqlite_utils.Database(tmp_path / "data" / "kyivind.db")
    assert db["articles"].count == len(posts()) and "Database " in result.log
    # a database that cannot be written fails the run, loudly
    (tmp_path / "data" / "kyivind.db").unlink()
    (tmp_path / "data" / "kyivind.db").mkdir()
    with ReplicaServer(ReplicaSite("ghost")) as server:
        broken = run_crawl(server.url, tmp_path / "again", env=env, output=False)
    assert broken.returncode == 1 and "could not be brought up to date" in broken.log
