"""The report's time charts and wording: bars on a date axis (a night, week or month without figures is a gap),
regions by name, a legend clear of the bars, an empty chart that says so; counts in the number they take, and the
report's counts of articles with figures those of the database's tables."""

import json
import sqlite3
from datetime import date

import matplotlib.dates as mdates
import pytest

from kyivind.outputs.charts import NOTHING, air_chart, edits_chart, tolls_chart

NIGHT = {"drones_launched": 40, "drones_downed": 30, "missiles_launched": 3, "missiles_downed": 2}


def day_number(day: str) -> float:
    return float(mdates.date2num(date.fromisoformat(day)))


def bars(axis) -> list[tuple[float, float]]:
    """(left edge, height) of each bar with a height, in the order drawn."""
    return [(patch.get_x(), patch.get_height()) for patch in axis.patches if patch.get_height()]


def assert_date_axis(axis) -> None:
    assert "DateConverter" in type(axis.xaxis.get_converter()).__name__, "the x axis holds dates"
    assert isinstance(axis.xaxis.get_major_locator(), mdates.AutoDateLocator)
    assert isinstance(axis.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)


def assert_legend_clear_of_the_bars(figure) -> None:
    figure.canvas.draw()
    legends = [*figure.legends, *(axis.get_legend() for axis in figure.axes if axis.get_legend())]
    assert legends
    for legend in legends:
        box = legend.get_window_extent()
        for axis in figure.axes:
            assert not box.overlaps(axis.get_window_extent()), "the legend lies over the bars"


def test_nights_days_apart_are_drawn_days_apart(tmp_path):
    nights = {"2025-11-01": NIGHT, "2025-11-04": {**NIGHT, "drones_launched": 90}, "2025-11-20": NIGHT}
    figure = air_chart(nights, tmp_path / "air.png")
    drones, missiles = figure.axes
    assert_date_axis(missiles)
    launched = bars(drones)[:3]
    assert [x - launched[0][0] for x, _ in launched] == [0, 3, 19], "a night without figures is a gap, not skipped"
    assert launched[0][0] == day_number("2025-11-01") and launched[1][1] == 90
    assert all(0 < patch.get_width() <= 1 for patch in drones.patches), "a night's bar is at most a day wide"
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["launched", "drones shot down",
                                                                     "missiles shot down"]
    assert_legend_clear_of_the_bars(figure)
    assert (tmp_path / "air.png").read_bytes()[:4] == b"\x89PNG"


def test_a_long_span_is_drawn_by_week_or_month_and_keeps_its_gaps(tmp_path):
    nights = {"2024-01-03": NIGHT, "2024-01-04": NIGHT, "2024-06-12": NIGHT}  # a Wednesday, Thursday, Wednesday
    figure = air_chart(nights, tmp_path / "air.png")
    drones = figure.axes[0]
    launched = bars(drones)[:2]
    assert [x for x, _ in launched] == [day_number("2024-01-01"), day_number("2024-06-10")], "weeks from Monday"
    assert launched[0][1] == 80, "the nights of one week summed"
    assert "per week" in figure.get_suptitle()
    years = air_chart({"2022-03-05": NIGHT, "2025-06-05": NIGHT}, tmp_path / "air.png").axes[0]
    assert [x for x, _ in bars(years)[:2]] == [day_number("2022-03-01"), day_number("2025-06-01")], "by month"


def test_tolls_by_day_with_region_names_and_gaps(tmp_path):
    days = {"2025-11-03": {"UA-63": [2, 5], "UA-12": [1, 0]}, "2025-11-10": {"UA-63": [4, 1]}}
    figure = tolls_chart(days, tmp_path / "tolls.png")
    killed, injured = figure.axes
    assert_date_axis(injured)
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["Kharkiv Oblast", "Dnipropetrovsk Oblast"]
    assert sorted({x for x, _ in bars(killed)}) == [day_number("2025-11-03"), day_number("2025-11-10")], \
        "the six days without a toll are a gap"
    assert sum(height for _, height in bars(killed)) == 7 and sum(height for _, height in bars(injured)) == 6
    assert_legend_clear_of_the_bars(figure)


def test_regions_beyond_the_top_are_one_named_group(tmp_path):
    days = {"2025-11-03": {"UA-63": [9, 0], "UA-12": [5, 0], "RU-BEL": [1, 0]}}
    figure = tolls_chart(days, tmp_path / "tolls.png", top=2)
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["Kharkiv Oblast", "Dnipropetrovsk Oblast",
                                                                     "1 other region"]


@pytest.mark.parametrize("draw, data", [(air_chart, {}), (tolls_chart, {})])
def test_an_empty_chart_says_so_instead_of_drawing_empty_axes(tmp_path, draw, data):
    figure = draw(data, tmp_path / "empty.png")
    assert any(text.get_text().startswith(NOTHING) for text in figure.texts)
    assert not any(axis.axison for axis in figure.axes), "no ±0.04 scale around nothing"


def test_weeks_without_edits_are_gaps(tmp_path):
    figure = edits_chart({"per_week": {"2025-01-06": 2, "2025-03-03": 1}}, tmp_path / "edits.png")
    axis = figure.axes[0]
    assert_date_axis(axis)
    assert [x for x, _ in bars(axis)] == [day_number("2025-01-06"), day_number("2025-03-03")]
    empty = edits_chart({"per_week": {}}, tmp_path / "none.png")
    assert any("No edits yet" in text.get_text() for text in empty.texts)


# --- the report's words ------------------------------------------------------------------------------------------
def feed(path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def article(n: int, title: str, body: str, version: int = 1) -> dict:
    return {"url": f"https://kyivindependent.com/a-{n}/", "slug": f"a-{n}", "title": title, "body_text": body,
            "version": version, "published_at": "2025-11-21T07:00:00+00:00", "tags": [], "authors": [],
            "links": [], "embeds": [], "fetched_at": f"2026-12-0{version}T00:00:00+00:00"}


def test_one_of_a_kind_is_singular_in_the_report(tmp_path):
    from kyivind.outputs.report import report

    data = tmp_path / "data"
    feed(data / "feeds" / "newsfeed-1.jsonl", [article(1, "Parliament votes", "Parliament voted on the budget.")])
    feed(data / "feeds" / "newsfeed-2.jsonl", [article(1, "Parliament votes again", "Parliament voted twice.", 2)])
    text = " ".join(report(data, tmp_path / "report", progress=False)["html"].read_text().split())
    assert "<strong>1</strong> article (latest version of each; 1 edited) from 2 rows in 2 feed files" in text
    assert "<p>1 edit: versions after the first" in text
    assert "<p>0 articles the site no longer has" in text
    assert "0 articles report an air attack" in text and "0 articles state a toll" in text
    for wrong in ("1 edits", "1 articles", "1 rows", "1 feed files"):
        assert wrong not in text


def test_the_reports_count_of_articles_with_a_toll_is_the_tolls_tables(tmp_path):
    from kyivind.outputs.database import build
    from kyivind.outputs.report import report

    data = tmp_path / "data"
    feed(data / "feeds" / "newsfeed-1.jsonl", [
        article(1, "Russian strike on Dnipro kills 2", "A Russian missile strike on Dnipro killed two people and "
                   "injured 10, Governor Serhii Lysak said."),
        article(2, "Russian attacks kill 3 over past day", "Russian attacks killed three people over the past day, "
                   "officials said."),  # a toll in no region: a row of `tolls`, not of the chart
        article(3, "Ukraine downs 30 of 40 drones", "Russia launched 40 drones overnight on Nov. 21, the Air Force "
                   "said. Air defense shot down 30 drones."),
        article(4, "Russian strike on Kherson kills 1", "A Russian drone strike killed one person in Kherson."),
    ])
    feed(data / "feeds" / "newsfeed-2.jsonl", [  # the latest version of a-4 states no toll
        article(4, "Kherson under attack", "Russian forces attacked Kherson again, the governor said.", 2)])
    db = sqlite3.connect(build(data)["database"])
    latest = "join articles a on a.url = t.article_url and a.version = t.version"
    tolls = db.execute(f"select count(distinct t.article_url) from tolls t {latest}").fetchone()[0]
    air = db.execute(f"select count(distinct t.article_url) from air_attacks t {latest}").fetchone()[0]
    in_a_region = db.execute(f"select count(distinct t.article_url) from tolls t {latest} "
                             "where t.scope = 'region'").fetchone()[0]
    assert (tolls, air, in_a_region) == (2, 1, 1)
    done = report(data, tmp_path / "report", progress=False)
    happened = done["happened"]
    assert (happened["toll_articles"], happened["air_articles"], happened["region_toll_articles"]) == (2, 1, 1)
    text = " ".join(done["html"].read_text().split())
    assert "2 articles state a toll (the articles of <code>tolls</code>" in text
    assert "1 of them name the region, which the second chart draws" in text
    assert "1 article reports an air attack (the articles of <code>air_attacks</code>" in text
