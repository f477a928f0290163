"""What analysts would otherwise write themselves, written from the feeds reader (``outputs/feeds.py``): a
merged file of the latest version of each article, a CSV and an HTML report with charts (``outputs/charts.py``):
articles over time, where (the regions and places named), what changed (edits per week, the most edited).

    kyivind merge DATA_DIR -o all.jsonl
    kyivind report DATA_DIR [-o REPORT_DIR]
"""

from __future__ import annotations

import csv
import html
import logging
from collections import Counter
from pathlib import Path

import jsonlines

from kyivind import figures
from kyivind.extraction.references import domain
from kyivind.items import FIELDS, OBJECT_FIELDS
from kyivind.outputs import reference, removals
from kyivind.outputs.charts import air_chart, chart, edits_chart, places_chart, tolls_chart
from kyivind.outputs.feeds import Dataset, flat, load, object_columns
from kyivind.outputs.places import regions, where
from kyivind.outputs.progress import tracked

logger = logging.getLogger(__name__)

# One row per article: the item's fields in order, lists joined with "; ", the author list as names and
# roles, the image as its three parts, and the long body text last.
CSV_EXPANDED = {"authors": ("authors", "author_roles"), **{name: tuple(object_columns(name)) for name in OBJECT_FIELDS}}
CSV_LAST = ("body_text",)
# not fields of the feed: computed from them when the table is written (the places, kyivind/figures)
FIGURE_COLUMNS = ("killed", "injured", "drones_launched", "drones_downed", "missiles_launched", "missiles_downed")
DERIVED_COLUMNS = ("regions", *FIGURE_COLUMNS, "removed_at")  # removed_at: outputs/removals.py (mark)
CSV_COLUMNS = [column for name in FIELDS if name not in CSV_LAST for column in CSV_EXPANDED.get(name, (name,))] \
    + list(DERIVED_COLUMNS) + list(CSV_LAST)


def merge(data_dir: str | Path, output: str | Path, progress: bool = True) -> Dataset:
    dataset = load(data_dir, progress)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with jsonlines.open(output, mode="w") as writer:  # the contract's fields, in its order
        writer.write_all({name: article.get(name) for name in FIELDS} for article in dataset.articles)
    return dataset


# a cell a spreadsheet would run as a formula (and a tab or carriage return before one)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe
    (OWASP's advice against CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(article: dict, named: list[str] | None = None) -> dict:
    """One CSV row; ``named``: the article's regions when they were matched already."""
    authors = article.get("authors") or []
    row = flat(article)
    row.update(tags="; ".join(article.get("tags") or []), authors="; ".join(a.get("name") or "" for a in authors),
               author_roles="; ".join(a.get("role") or "" for a in authors),
               links="; ".join(x.get("url") or "" for x in article.get("links") or []),
               embeds="; ".join(x.get("url") or "" for x in article.get("embeds") or []),
               regions="; ".join(regions(article) if named is None else named), removed_at=article.get("removed_at"))
    row.update(figures.summary(article.get("title"), article.get("body_text"), article.get("published_at")))
    return row


def write_csv(articles: list[dict], path: Path, named: dict[str, list[str]] | None = None) -> None:
    """``named``: each article's regions by URL, when they were matched already (the report's)."""
    named = named or {}
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: safe_cell(v) for k, v in csv_row(a, named.get(a.get("url"))).items()} for a in articles)


def counts(articles: list[dict], top: int = 10) -> dict:
    per_day = Counter((a.get("published_at") or "")[:10] for a in articles if a.get("published_at"))
    if per_day:  # every day of the span, the quiet ones at 0
        from datetime import date, timedelta

        first, last = date.fromisoformat(min(per_day)), date.fromisoformat(max(per_day))
        for n in range((last - first).days + 1):
            per_day.setdefault((first + timedelta(days=n)).isoformat(), 0)
    tags = Counter(t for a in articles for t in (a.get("tags") or []))
    authors = Counter(x.get("name") for a in articles for x in (a.get("authors") or []) if x.get("name"))
    # whom the articles cite: each domain counted once per article that links to it, the site's own left out
    own = {domain(a["url"]) for a in articles if a.get("url")}
    domains = Counter(d for a in articles for d in {x.get("domain") for x in a.get("links") or []} if d and d not in own)
    per_day = dict(sorted(per_day.items()))
    unit, per_period = periods(per_day)
    return {"per_day": per_day, "unit": unit, "per_period": per_period, "tags": tags.most_common(top),
            "authors": authors.most_common(top), "domains": domains.most_common(top)}


# the chart's bins, by the span it covers: days up to about a month, weeks up to about a year, then months
DAYS_UP_TO, WEEKS_UP_TO = 35, 400


def week_of(day: str) -> str:
    """The Monday that starts the week of a day (YYYY-MM-DD in, YYYY-MM-DD out)."""
    from datetime import date, timedelta

    when = date.fromisoformat(day)
    return (when - timedelta(days=when.weekday())).isoformat()


def periods(per_day: dict[str, int]) -> tuple[str, dict[str, int]]:
    """("day" | "week" | "month", {first day of each period: articles}), every period of the span listed."""
    from datetime import date

    if len(per_day) <= DAYS_UP_TO:
        return "day", per_day
    binned: Counter = Counter()
    unit = "week" if len(per_day) <= WEEKS_UP_TO else "month"
    for day, count in per_day.items():
        binned[week_of(day) if unit == "week" else date.fromisoformat(day).replace(day=1).isoformat()] += count
    return unit, dict(sorted(binned.items()))


def edit_counts(dataset: Dataset, top: int = 10) -> dict:
    """Edits (exported versions after the first) per week they were fetched, and the most edited articles."""
    weeks = Counter(week_of(when[:10]) for when in dataset.edits.values() if when[:10])
    per_article = Counter(url for url, _ in dataset.edits)
    titles = {a["url"]: a.get("title") or a["url"] for a in dataset.articles}
    return {"per_week": dict(sorted(weeks.items())),
            "most_edited": [(titles.get(url, url), url, n + 1) for url, n in per_article.most_common(top)]}


def what_happened(articles: list[dict]) -> dict:
    """Per night, drones and missiles launched and shot down; per day (and per week) and region, killed and
    injured: the rules of the database's daily views, on incidents (``figures.incidents``: one attack, one row,
    whichever articles told it; a day and region sums its attacks, a night is its air attack). The counts of
    articles are those of the database's tables over the latest versions: ``toll_articles`` the articles with a
    row in ``tolls`` (any toll: in total, in a region or a place), ``region_toll_articles`` those of them with a
    toll in a region (what the chart draws), ``air_articles`` those with a row in ``air_attacks`` (either
    direction), ``charted_air_articles`` those whose figures of Russia's attacks on Ukraine are in the chart."""
    from kyivind.figures import incidents as joined
    from kyivind.outputs.figures import rows_of

    reports: list[dict] = []
    air_articles = charted_air = toll_articles = region_tolls = 0
    for article in tracked(articles, len(articles), "reading figures"):
        title, body, published = article.get("title"), article.get("body_text"), article.get("published_at")
        toll_rows, rows = rows_of(article.get("url") or "", article.get("version") or 1, title, body, published)
        air_articles += bool(rows)
        toll_articles += bool(toll_rows)
        totals = figures.class_totals(rows)
        charted_air += bool(rows and rows[0]["night_of"] and any(v is not None for v in totals.values()))
        region_tolls += any(r["scope"] in ("region", "place") and r.get("region_code") for r in toll_rows)
        reports += joined.reports_of(article.get("url") or "", article.get("version") or 1,
                                     article.get("fetched_at"), published, toll_rows, rows)
    incidents, _, _ = joined.build(reports)
    per_night: dict[str, dict] = {}
    places: dict[tuple[str, str], list[int]] = {}
    wide: dict[tuple[str, str], list[int]] = {}
    for incident in incidents:
        if incident["kind"] == joined.AIR and incident["night_of"]:
            counts = {key: incident.get(key) for key in figures.AIR_TOTALS}
            if any(v is not None for v in counts.values()):
                per_night[incident["night_of"]] = {key: value or 0 for key, value in counts.items()}
        elif incident["kind"] == joined.STRIKE and incident["day"] and incident["region_code"]:
            into = places if incident["place"] else wide
            sums = into.setdefault((incident["day"], incident["region_code"]), [0, 0])
            sums[0] += incident["killed"] or 0
            sums[1] += incident["injured"] or 0
    per_day: dict[str, dict[str, list[int]]] = {}
    weeks: dict[str, dict[str, list[int]]] = {}
    for key in sorted(set(places) | set(wide)):
        day, region = key
        place, region_wide = places.get(key, [0, 0]), wide.get(key, [0, 0])
        killed, injured = max(place[0], region_wide[0]), max(place[1], region_wide[1])
        per_day.setdefault(day, {})[region] = [killed, injured]
        totals = weeks.setdefault(week_of(day), {}).setdefault(region, [0, 0])
        totals[0] += killed
        totals[1] += injured
    return {"nights": dict(sorted(per_night.items())), "days": per_day, "weeks": dict(sorted(weeks.items())),
            "air_articles": air_articles, "charted_air_articles": charted_air, "toll_articles": toll_articles,
            "region_toll_articles": region_tolls}


def _reports(count: int, verb: str = "reports") -> str:
    """"1 article reports", "3 articles report"."""
    return f"{counted(count, 'article')} {verb if count == 1 else verb[:-1]}"


def noun(count: int, one: str, many: str | None = None) -> str:
    """The noun in the number a count takes: "article" for 1, "articles" for 0 or 2."""
    return one if count == 1 else many or one + "s"


def counted(count: int, one: str, many: str | None = None) -> str:
    """"1 article", "2 articles", "0 articles"."""
    return f"{count} {noun(count, one, many)}"


def _table(pairs, first: str) -> str:
    rows = "".join(f"<tr><td>{html.escape(str(n))}</td><td>{c}</td></tr>" for n, c in pairs)
    return f"<table><thead><tr><th>{first}</th><th>Articles</th></tr></thead><tbody>{rows}</tbody></table>"


def _beside(found) -> str:
    """The sentence on the Air Force's dataset drawn beside the air chart's bars, or nothing."""
    if found is None:
        return ""
    return (f" Beside the bars, the lines are the Air Force's own figures (the missile-attacks dataset, "
            f"<code>{html.escape(found.path.name)}</code>: {counted(len(found.rows), 'row')}, summed per night and "
            "class; the database's <code>air_attacks_vs_reference</code> sets them night by night).")


def report(data_dir: str | Path, out_dir: str | Path | None = None, progress: bool = True,
           reference_air: str | Path | None = None) -> dict:
    """Write ``report.html``, ``articles.png`` and ``articles.csv``; return what they hold. The air chart draws
    the Air Force's dataset beside the bars when one is given (``reference_air``) or lies in the data
    directory's ``reference/`` folder (``outputs/reference.py``)."""
    air_reference = reference.find(data_dir, reference_air) if Path(data_dir).is_dir() or reference_air else None
    dataset = load(data_dir, progress)
    removals.mark(data_dir, dataset.articles)
    out = Path(out_dir) if out_dir else Path(data_dir) / "report"
    out.mkdir(parents=True, exist_ok=True)
    stats = counts(dataset.articles)
    png, csv_path, page = out / "articles.png", out / "articles.csv", out / "report.html"
    figure = chart(stats, png)
    located = where(dataset.articles)
    places_png = out / "places.png"
    places_chart(located, places_png)
    edits, edits_png = edit_counts(dataset), out / "edits.png"
    edits_chart(edits, edits_png)
    most_edited = "".join(f'<tr><td><a href="{html.escape(url)}">{html.escape(title)}</a></td><td>{n}</td></tr>'
                          for title, url, n in edits["most_edited"])
    write_csv(dataset.articles, csv_path, located["by_article"])
    happened = what_happened(dataset.articles)
    air_png, tolls_png = out / "air_attacks.png", out / "tolls.png"
    theirs = air_reference.nights() if air_reference else None
    air_chart(happened["nights"], air_png, theirs)
    tolls_chart(happened["days"], tolls_png)
    edited = len({url for url, _ in dataset.edits})  # articles with an edit (versions ordered by capture time)
    gone = removals.current(Path(data_dir), dataset.articles)
    gone_rows = "".join(f'<tr><td><a href="{html.escape(row["url"])}">{html.escape(row.get("title") or row["url"])}</a>'
                        f'</td><td>{html.escape(row["status"])}</td><td>{html.escape(str(row.get("detected_at")))}</td>'
                        f'<td>{html.escape(row.get("moved_to") or "")}</td></tr>' for row in gone)
    span = (min(stats["per_day"]), max(stats["per_day"])) if stats["per_day"] else ("–", "–")
    page.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kyivind report: News Feed</title>
<style>body{{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 10px;text-align:left}}img{{max-width:100%}}</style></head>
<body>
<h1>The Kyiv Independent — News Feed</h1>
<p id="summary"><strong>{len(dataset.articles)}</strong> {noun(len(dataset.articles), "article")}
(latest version of each; {edited} edited) from {counted(dataset.rows_read, "row")} in
{counted(len(dataset.files), "feed file")}, published {span[0]} to {span[1]}.</p>
<img src="{png.name}" alt="Articles per {stats["unit"]}, top tags, top authors and top cited domains" width="1000" height="1600">
<h2>Top tags</h2>{_table(stats["tags"], "Tag")}
<h2>Top authors</h2>{_table(stats["authors"], "Author")}
<h2>Top cited domains</h2>{_table(stats["domains"], "Domain")}
<h2 id="where">Where</h2>
<p>The regions each article names, or names a place in (kyivind/places; the database's <code>article_regions</code>).</p>
<img src="{places_png.name}" alt="Articles per region named, and a map picture of the places named" width="1000" height="1500">
{_table(located["regions"], "Region")}
<h2 id="changes">What changed</h2>
<p>{counted(len(dataset.edits), "edit")}: versions after the first (<code>kyivind diff URL</code> shows one as a word diff;
the database's <code>changes</code> table holds them all).</p>
<img src="{edits_png.name}" alt="Edits per week" width="1000" height="400">
<table><thead><tr><th>Most edited articles</th><th>Versions</th></tr></thead><tbody>{most_edited}</tbody></table>
<h2 id="removed">Removed and moved</h2>
<p>{counted(len(gone), "article")} the site no longer has at {"its" if len(gone) == 1 else "their"} address, as the census found {"it" if len(gone) == 1 else "them"} (kyivind/census; the
database's <code>removals</code> table has every event, restores included). Their last version stays in the dataset.</p>
<table><thead><tr><th>Article</th><th>Status</th><th>Detected</th><th>Moved to</th></tr></thead><tbody>{gone_rows}</tbody></table>
<h2 id="what-happened">What happened</h2>
<p>The figures the articles state (kyivind/figures; the database's <code>tolls</code> and <code>air_attacks</code>):
of the latest version of each article, {_reports(happened["air_articles"])} an air attack (the articles of
<code>air_attacks</code>; {happened["charted_air_articles"]} of them give figures of Russia's attacks on Ukraine for a
night, which the first chart draws), and {_reports(happened["toll_articles"], "states")} a toll (the articles of
<code>tolls</code>: a total, a region's or a place's; {happened["region_toll_articles"]} of them name the region, which
the second chart draws). Several items about one night or one attack are not added up: each night counts the
largest figure any article states for it, each day and region the largest per day, summed over the chart's weeks or
months on long spans.{_beside(air_reference)}</p>
<img src="{air_png.name}" alt="Russia's drones and missiles launched against Ukraine and shot down over time" width="1000" height="450">
<img src="{tolls_png.name}" alt="Killed and injured by region over time" width="1000" height="700">
<p>The merged dataset: <a href="{csv_path.name}">{csv_path.name}</a> (one row per article).</p>
</body></html>
""", encoding="utf-8")
    return {"articles": len(dataset.articles), "rows_read": dataset.rows_read, "counts": stats, "figure": figure,
            "html": page, "png": png, "csv": csv_path, "where": located, "places_png": places_png,
            "edits": edits, "edits_png": edits_png, "happened": happened, "removals": gone, "air_png": air_png, "tolls_png": tolls_png,
            "reference_nights": theirs,
            "files": [page, png, places_png, edits_png, air_png, tolls_png, csv_path]}
