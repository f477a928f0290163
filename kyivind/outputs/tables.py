"""``kyivind export [DATA_DIR] --format parquet|csv -o FILE``: the latest version of every article as one
table, for warehouses, DuckDB, pandas and spreadsheets.

Parquet is written with pyarrow in the documented types: timestamps in UTC, lists of strings for tags, a
list of structs for authors, a struct for the image. CSV is the report's: one row per article, safe from
formula injection. Both end with ``regions`` (the ISO 3166-2 codes of the regions each article names,
``outputs/places.py``) and the figures it states (``killed``, ``injured``, ``drones_launched``,
``drones_downed``, ``missiles_launched``, ``missiles_downed``; ``kyivind/figures``), computed as the table is
written, and ``removed_at`` (when the census found the site no longer has the article at its address; empty: on
the site).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kyivind import figures
from kyivind.items import AUTHOR_FIELDS, CAPTURE_FIELDS, EMBED_FIELDS, FIELDS, IMAGE_FIELDS, LINK_FIELDS
from kyivind.outputs import removals
from kyivind.outputs.feeds import load
from kyivind.outputs.places import regions
from kyivind.outputs.progress import tracked
from kyivind.outputs.report import FIGURE_COLUMNS, write_csv

UTC_TIME = pa.timestamp("ms", tz="UTC")  # Parquet keeps milliseconds at the coarsest
# every field of the item, in its order (a test fails when a field has no type here)
PARQUET_TYPES = {
    "url": pa.string(), "slug": pa.string(), "title": pa.string(), "description": pa.string(),
    "published_at": UTC_TIME, "modified_at": UTC_TIME, "primary_tag": pa.string(), "tags": pa.list_(pa.string()),
    "authors": pa.list_(pa.struct([(name, pa.string()) for name in AUTHOR_FIELDS])),
    "image": pa.struct([(name, pa.string()) for name in IMAGE_FIELDS]),
    "body_text": pa.string(),
    "links": pa.list_(pa.struct([(name, pa.string()) for name in LINK_FIELDS])),
    "embeds": pa.list_(pa.struct([(name, pa.string()) for name in EMBED_FIELDS])),
    "word_count": pa.int64(), "reading_time_min": pa.int64(), "language": pa.string(),
    "fetched_at": UTC_TIME, "content_hash": pa.string(), "version": pa.int64(),
    "capture": pa.struct([(name, pa.string()) for name in CAPTURE_FIELDS]),
}
# computed when the table is written: the ISO 3166-2 codes named, and the figures the article states
# (kyivind/figures: its total killed and injured, and drones and missiles launched and shot down)
# and when the census found the site no longer has it (outputs/removals.py; null: on the site)
DERIVED_TYPES = {"regions": pa.list_(pa.string()), **{name: pa.int64() for name in FIGURE_COLUMNS},
                 "removed_at": UTC_TIME}
SCHEMA = pa.schema([(name, PARQUET_TYPES[name]) for name in FIELDS] + list(DERIVED_TYPES.items()))
TIME_FIELDS = [name for name in FIELDS if PARQUET_TYPES[name] == UTC_TIME]


def _row(article: dict) -> dict:
    row = {name: article.get(name) for name in FIELDS}
    for name in TIME_FIELDS:
        row[name] = datetime.fromisoformat(row[name]) if row[name] else None
    row["authors"] = [{key: author.get(key) for key in AUTHOR_FIELDS} for author in row["authors"] or []]
    row["regions"] = regions(article)
    row.update(figures.summary(article.get("title"), article.get("body_text"), article.get("published_at")))
    row["removed_at"] = datetime.fromisoformat(article["removed_at"]) if article.get("removed_at") else None
    return row


def write_parquet(articles: Iterable[dict], path: Path) -> None:
    table = pa.Table.from_pylist([_row(a) for a in articles], schema=SCHEMA)
    pq.write_table(table, path)


def export(data_dir: str | Path, fmt: str, output: str | Path, progress: bool = True) -> int:
    """Write the latest version of every article of ``data_dir``; returns how many."""
    articles = removals.mark(data_dir, load(data_dir, progress).articles)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    rows = tracked(articles, len(articles), "writing articles")  # each matched and its figures read as written
    (write_parquet if fmt == "parquet" else write_csv)(rows, output)
    return len(articles)
